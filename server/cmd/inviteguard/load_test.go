package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadSmoke runs the load generator of ./scripts/load for a few seconds
// against the real binary: every request must succeed. (Its figures are
// reported by ./scripts/load, not asserted here.)
func TestLoadSmoke(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ig.db")
	tok := cli(t, db, "token", "create", "--user", "load")
	p := start(t, db, "--rate", "0", "--quota-batches-per-day", "0", "--quota-mb", "0")
	out, err := exec.Command(loadgen, "-url", p.url, "-token", tok, "-duration", "3s", "-concurrency", "4").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "errors: 0") {
		t.Fatalf("igload: %v\n%s", err, out)
	}
	for _, op := range []string{"verify", "record", "list"} {
		if !strings.Contains(string(out), op) {
			t.Errorf("igload ran no %s:\n%s", op, out)
		}
	}
	t.Logf("\n%s", out)
	if out, err := exec.Command(loadgen, "-url", "http://10.1.2.3:8787", "-token", tok).CombinedOutput(); err == nil {
		t.Errorf("igload accepted a non-loopback target:\n%s", out)
	}
}
