package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// TestCLI runs the admin commands of the real binary on a real file.
func TestCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "ig.db")
	if out := cli(t, db, "migrate"); !strings.Contains(out, "0001_init") {
		t.Errorf("migrate on a new file: %q", out)
	}
	if out := cli(t, db, "migrate"); !strings.Contains(out, "applied now: []") {
		t.Errorf("migrate again: %q", out)
	}
	wasm, err := os.ReadFile(coreWasm)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(wasm)
	id := cli(t, db, "version")
	if id != hex.EncodeToString(sum[:]) {
		t.Errorf("version = %q, want the sha256 of core.wasm", id)
	}
	tok := cli(t, db, "token", "create", "--user", "ann", "--label", "laptop", "--ttl", "720h")
	if !strings.HasPrefix(tok, "igt_") {
		t.Fatalf("token = %q", tok)
	}
	list := cli(t, db, "token", "list", "--user", "ann")
	tokID, _, _ := strings.Cut(strings.TrimPrefix(tok, "igt_"), "_")
	if !strings.Contains(list, tokID) || !strings.Contains(list, "laptop") || strings.Contains(list, tok) {
		t.Errorf("token list = %q: want the id and label, never the token", list)
	}
	// A batch through the server, then the export of the CLI.
	p := start(t, db)
	body := recordBody(t, id, "cli-batch", 3)
	req, _ := http.NewRequest("POST", p.url+"/v1/batches", strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != 201 {
		t.Fatalf("record: %v %v", res, err)
	}
	res.Body.Close()
	var e struct {
		User struct {
			Name string `json:"name"`
		} `json:"user"`
		Invitations []json.RawMessage `json:"invitations"`
	}
	if err := json.Unmarshal([]byte(cli(t, db, "export", "--user", "ann")), &e); err != nil || e.User.Name != "ann" || len(e.Invitations) != 3 {
		t.Errorf("export json: %+v %v", e, err)
	}
	rows, err := csv.NewReader(strings.NewReader(cli(t, db, "export", "--user", "ann", "--format", "csv"))).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "id" {
		t.Errorf("export csv: %d rows %v", len(rows), err)
	}
	out := filepath.Join(t.TempDir(), "batches.csv")
	cli(t, db, "export", "--user", "ann", "--format", "csv", "--table", "batches", "--out", out)
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), "cli-batch") {
		t.Errorf("export to a file: %q %v", b, err)
	}
	// The server remembers a token it accepted while nothing is committed
	// (server.WithAuthCache); the CLI's revocation, another process, ends that
	// at the next request.
	me := func() int {
		t.Helper()
		req, _ := http.NewRequest("GET", p.url+"/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for range 3 {
		if got := me(); got != 200 {
			t.Fatalf("GET /v1/me = %d, want 200", got)
		}
	}
	cli(t, db, "token", "revoke", "--user", "ann", "--id", tokID)
	for range 2 {
		if got := me(); got != 401 {
			t.Errorf("revoked token: GET /v1/me = %d, want 401", got)
		}
	}
	// Wrong command lines exit 2 with a message; a failing command exits 1.
	for _, args := range [][]string{{}, {"frobnicate"}, {"token"}, {"token", "create"}, {"token", "revoke", "--user", "ann"},
		{"export", "--user", "ann", "--format", "xml"}, {"serve", "--origins", "https://evil.example"}, {"serve", "--log-level", "loud"}} {
		if code := exitCode(t, db, args...); code != 2 {
			t.Errorf("inviteguard %v exited %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{{"export", "--user", "nobody"}, {"token", "revoke", "--user", "ann", "--id", "nope"}} {
		if code := exitCode(t, db, args...); code != 1 {
			t.Errorf("inviteguard %v exited %d, want 1", args, code)
		}
	}
}

// exitCode runs the binary and returns its exit code.
func exitCode(t *testing.T, db string, args ...string) int {
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "INVITEGUARD_DB="+db, "INVITEGUARD_WASM="+coreWasm, "INVITEGUARD_CACHE_DIR="+cacheDir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if len(out) == 0 {
			t.Errorf("inviteguard %v failed without a message", args)
		}
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestNotReady answers 503 on /readyz when the store is gone, and 200 on /healthz.
func TestNotReady(t *testing.T) {
	ctx := context.Background()
	f, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: sqliteDriver})
	if err != nil {
		t.Fatal(err)
	}
	svc := server.New(f.Store, native.New(strings.Repeat("ab", 32)))
	h, err := httpapi.New(httpapi.Config{Service: svc, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	f.Close()
	for path, want := range map[string]int{"/readyz": 503, "/healthz": 200} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("%s = %d, want %d", path, res.StatusCode, want)
		}
		// The store's error (here "sql: database is closed") is logged, never answered.
		if path == "/readyz" && (!strings.Contains(string(body), `"code":"unavailable"`) || strings.Contains(string(body), "sql") || strings.Contains(string(body), "closed")) {
			t.Errorf("/readyz answered %s, want only the code unavailable and no detail of the cause", body)
		}
	}
}
