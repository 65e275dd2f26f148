package dispatch

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

var update = flag.Bool("update", false, "write the golden .out.json files from the current output")

// goldenCases lists every golden case or fails the test.
func goldenCases(t testing.TB) []golden.Case {
	t.Helper()
	cases, err := golden.Cases()
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestGolden runs every golden case through Call: the response plus "\n" must
// equal the .out.json file byte for byte. With -update it writes the files.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.Op+"/"+c.Name, func(t *testing.T) {
			in, err := c.Request()
			if err != nil {
				t.Fatal(err)
			}
			got := Call(c.Op, in)
			if *update {
				if err := os.WriteFile(c.Out, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := c.Want()
			if err != nil {
				t.Fatalf("%v (run: go test ./wasm/dispatch -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("response differs from %s\n got: %s\nwant: %s", c.Out, clip(got), clip(want))
			}
		})
	}
}

// TestGoldenLayout checks that every operation has a folder with cases, that
// no folder names an unknown operation, and that every .out.json has its .in.json.
func TestGoldenLayout(t *testing.T) {
	dir, err := golden.Dir()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, op := range Ops() {
		known[op] = true
		ins, _ := filepath.Glob(filepath.Join(dir, op, "*.in.json"))
		if len(ins) == 0 {
			t.Errorf("operation %s has no golden case in %s", op, filepath.Join(dir, op))
		}
	}
	dirs, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() && !known[d.Name()] {
			t.Errorf("golden folder %s names no operation (known: %v)", d.Name(), Ops())
		}
	}
	outs, _ := filepath.Glob(filepath.Join(dir, "*", "*.out.json"))
	for _, out := range outs {
		if _, err := os.Stat(strings.TrimSuffix(out, ".out.json") + ".in.json"); err != nil {
			t.Errorf("%s has no .in.json", out)
		}
	}
}

// clip shortens a long response for an error message.
func clip(b []byte) string {
	const max = 600
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
