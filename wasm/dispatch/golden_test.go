package dispatch

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write the golden .out.json files from the current output")

// goldenDir is core/testdata, relative to this package.
const goldenDir = "../../core/testdata"

// GoldenCase is one request file and its expected response file.
type GoldenCase struct {
	Op, Name string
	In, Out  string // paths
}

// goldenCases lists every core/testdata/<op>/<name>.in.json, sorted.
func goldenCases(t testing.TB) []GoldenCase {
	t.Helper()
	ins, err := filepath.Glob(filepath.Join(goldenDir, "*", "*.in.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(ins)
	var cases []GoldenCase
	for _, in := range ins {
		cases = append(cases, GoldenCase{
			Op:   filepath.Base(filepath.Dir(in)),
			Name: strings.TrimSuffix(filepath.Base(in), ".in.json"),
			In:   in,
			Out:  strings.TrimSuffix(in, ".in.json") + ".out.json",
		})
	}
	return cases
}

// TestGolden runs every golden case through Call: the response plus "\n" must
// equal the .out.json file byte for byte. With -update it writes the files.
func TestGolden(t *testing.T) {
	cases := goldenCases(t)
	if len(cases) == 0 {
		t.Fatalf("no golden cases under %s", goldenDir)
	}
	for _, c := range cases {
		t.Run(c.Op+"/"+c.Name, func(t *testing.T) {
			in, err := os.ReadFile(c.In)
			if err != nil {
				t.Fatal(err)
			}
			got := append(Call(c.Op, in), '\n')
			if *update {
				if err := os.WriteFile(c.Out, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(c.Out)
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
	known := map[string]bool{}
	for _, op := range Ops() {
		known[op] = true
		ins, _ := filepath.Glob(filepath.Join(goldenDir, op, "*.in.json"))
		if len(ins) == 0 {
			t.Errorf("operation %s has no golden case in %s/%s", op, goldenDir, op)
		}
	}
	dirs, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() && !known[d.Name()] {
			t.Errorf("golden folder %s names no operation (known: %v)", d.Name(), Ops())
		}
	}
	outs, _ := filepath.Glob(filepath.Join(goldenDir, "*", "*.out.json"))
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
