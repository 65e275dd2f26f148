//go:build !js

package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/goccy/go-json"
)

// TestD1Driver runs server/d1 against local D1 under wrangler dev through the
// test Worker internal/d1check: transactions as atomic batches (commit,
// rollback, a failing write undoing the rest, reads and RowsAffected seeing
// queued writes) and the argument types D1 can and cannot take.
func TestD1Driver(t *testing.T) {
	requireWrangler(t)
	dir := t.TempDir()
	build := filepath.Join(dir, "build")
	for _, c := range [][]string{
		{"go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode=go", "-o", build},
		{"go", "build", "-trimpath", "-o", filepath.Join(build, "app.wasm"), "./internal/d1check"},
	} {
		cmd := exec.Command(c[0], c[1:]...)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if c[1] == "run" {
			cmd.Env = os.Environ() // the generator runs here; only app.wasm is for js/wasm
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", c, err, out)
		}
	}
	config := filepath.Join(dir, "wrangler.toml")
	if err := os.WriteFile(config, []byte(fmt.Sprintf(`name = "d1check"
main = %q
compatibility_date = "2025-07-18"
[[d1_databases]]
binding = "DB"
database_name = "d1check"
database_id = "00000000-0000-0000-0000-000000000001"
`, filepath.Join(build, "worker.mjs"))), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWorker(t, workerOptions{Config: config})
	resp, err := http.Get(w.URL + "/check")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var results map[string]string
	if err := json.Unmarshal(body, &results); err != nil {
		t.Fatalf("GET /check: %d %s: %v", resp.StatusCode, body, err)
	}
	t.Logf("d1check: %s", body)
	want := []string{"create", "commit sends the writes as one batch", "rollback drops the writes",
		"a failing write undoes the whole transaction", "a read in a transaction sees its writes",
		"RowsAffected in a transaction", "argument types round-trip", "unportable arguments are refused",
		"open binding that does not exist"}
	for _, name := range want {
		if got, ok := results[name]; !ok {
			t.Errorf("%s: did not run (results: %s)", name, body)
		} else if got != "ok" {
			t.Errorf("%s: %s", name, got)
		}
	}
	if len(results) != len(want) {
		t.Errorf("got %d results, want %d: %s", len(results), len(want), body)
	}
}
