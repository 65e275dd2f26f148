package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/sqlite"
	"github.com/inviteguard/inviteguard/server/wasmhost"
)

// inProcess serves the real handlers over a real SQLite file and a wasmhost
// engine with the given options; it returns the URL, a token and the engine.
func inProcess(t *testing.T, opts wasmhost.Options, limiter httpapi.RateLimiter) (string, string, *wasmhost.Engine) {
	t.Helper()
	ctx := context.Background()
	wasm, err := os.ReadFile(coreWasm)
	if err != nil {
		t.Fatal(err)
	}
	opts.CacheDir = cacheDir
	opts.Logger = slog.New(slog.DiscardHandler)
	eng, err := wasmhost.New(ctx, wasm, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = eng.Close(context.Background()) })
	db, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: sqliteDriver})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := server.New(db.Store, eng, server.WithLogger(slog.New(slog.DiscardHandler)))
	tok, _, err := svc.CreateToken(ctx, "engine-test", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	// Room for the crafted requests below (the engine itself takes up to half its memory limit).
	h, err := httpapi.New(httpapi.Config{Service: svc, Limiter: limiter, MaxDecisionBody: 64 << 20, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL, tok, eng
}

// post sends an authenticated JSON request and returns the status and the error code.
func post(t testing.TB, url, token string, body []byte) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var e struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = json.NewDecoder(res.Body).Decode(&e)
	return res.StatusCode, e.Error.Code, res.Header
}

// verifyBody wraps a golden decide request in a verify body.
func verifyBody(t testing.TB, name string) []byte {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.ReadFile(filepath.Join(root, "core", "testdata", "decide", name+".in.json"))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(`{"engineId":"` + strings.Repeat("0", 64) + `","request":` + string(in) + `,"decision":{"verdict":"allow"}}`)
}

// crafted makes a verify body with n recipients and h history entries.
func crafted(t testing.TB, n, h int) []byte {
	req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	for i := range n {
		req.Recipients = append(req.Recipients, core.Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/r-%06d/", i), Selected: true})
	}
	for i := range h {
		req.History = append(req.History, core.HistoryEntry{Key: fmt.Sprintf("https://www.linkedin.com/in/h-%06d/", i),
			Network: core.LinkedIn, Kind: core.EventInvited, At: req.Now.Add(-time.Duration(i) * time.Minute)})
	}
	b, err := json.Marshal(map[string]any{"engineId": strings.Repeat("0", 64), "request": req, "decision": core.Decision{Verdict: core.Allow}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEngineFailureContained sends crafted requests that make a core.wasm
// call run past its deadline or trap on its memory limit: each answers 503
// with code engine, the instance is replaced, and the server goes on serving
// the next request with the same pool.
func TestEngineFailureContained(t *testing.T) {
	small := verifyBody(t, "single_member_allow")
	big := crafted(t, 10000, 40000)   // 5 MB: the most recipients, a long history
	huge := crafted(t, 10000, 100000) // 11 MB: the most recipients, the longest history
	for _, tc := range []struct {
		name    string
		opts    wasmhost.Options
		crafted []byte
	}{
		// The huge decision takes most of a second in wasm (0.3 s for the big one
		// on this machine); the deadline is 150 ms, far above a small call.
		{"hang past the deadline", wasmhost.Options{Instances: 1, CallTimeout: 150 * time.Millisecond}, huge},
		// The big decision needs more than 24 MiB of linear memory.
		{"trap on the memory limit", wasmhost.Options{Instances: 1, MemoryLimitPages: 384, RecycleAboveBytes: 1 << 30}, big},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url, tok, eng := inProcess(t, tc.opts, nil)
			if status, code, _ := post(t, url+"/v1/verify", tok, small); status != 200 {
				t.Fatalf("small verify before: %d %s", status, code)
			}
			status, code, _ := post(t, url+"/v1/verify", tok, tc.crafted)
			if status != 503 || code != "engine" {
				t.Fatalf("crafted verify: got %d %s, want 503 engine", status, code)
			}
			// The pool's one instance was replaced: later calls work. (They run one
			// after the other: queued calls would share the short deadline.)
			for range 8 {
				if status, code, _ := post(t, url+"/v1/verify", tok, small); status != 200 {
					t.Errorf("small verify after: %d %s", status, code)
				}
			}
			if st := eng.Stats(); st.Failed < 1 || st.Replaced < 1 {
				t.Errorf("stats = %+v, want a failed call and a replaced instance", st)
			}
			res, err := http.Get(url + "/readyz")
			if err != nil || res.StatusCode != 200 {
				t.Errorf("readyz after the failure: %v %v", res, err)
			}
		})
	}
}

// TestRateLimit checks the per-token limit: 429 with Retry-After, per token.
func TestRateLimit(t *testing.T) {
	url, tok, _ := inProcess(t, wasmhost.Options{Instances: 1}, httpapi.NewTokenBucket(0.5, 3))
	body := verifyBody(t, "single_member_allow")
	for i := range 3 {
		if status, code, _ := post(t, url+"/v1/verify", tok, body); status != 200 {
			t.Fatalf("request %d within the burst: %d %s", i, status, code)
		}
	}
	status, code, h := post(t, url+"/v1/verify", tok, body)
	if status != 429 || code != "rate_limited" || h.Get("Retry-After") != "2" {
		t.Fatalf("over the limit: %d %s Retry-After %q, want 429 rate_limited 2", status, code, h.Get("Retry-After"))
	}
}
