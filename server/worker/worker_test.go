//go:build !js

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server/apitest"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// TestWorkerAPISuite runs the server's API suite, unchanged, against the
// Worker under `wrangler dev` with local D1 (issue 6). Tokens come from the
// Worker's admin endpoint, the only way into D1 besides wrangler.
func TestWorkerAPISuite(t *testing.T) {
	w := startWorker(t, workerOptions{})
	t.Logf("wrangler dev ready in %v (spawn to first /readyz 200), warm %v later", w.Ready.Round(time.Millisecond), w.Warm.Round(time.Millisecond))
	apitest.Run(t, apitest.Target{
		BaseURL: w.URL,
		Origin:  w.Origin,
		NewToken: func(t testing.TB, user string) string {
			return w.newToken(t, user, "test", "").Token
		},
		ExpiredToken: func(t testing.TB, user string) string {
			tok := w.newToken(t, user, "short", "1ms").Token
			time.Sleep(5 * time.Millisecond)
			return tok
		},
		RevokedToken: func(t testing.TB, user string) string {
			c := w.newToken(t, user, "revoked", "")
			w.revoke(t, user, c.Info.ID)
			return c.Token
		},
	})
}

// TestWorkerAdmin checks the admin endpoints: the secret is required, tokens
// work once created and stop working once revoked, bad input is refused.
func TestWorkerAdmin(t *testing.T) {
	w := startWorker(t, workerOptions{})
	user := "admin-" + time.Now().Format("150405.000")

	for _, auth := range []string{"", "Bearer ", "Bearer wrong-secret-wrong-secret-wrong-secret", "Basic " + w.Secret, "Bearer " + w.Secret + "x"} {
		status, body := w.adminDo(t, "POST", "/admin/v1/tokens", map[string]string{"user": user}, auth)
		if status != http.StatusUnauthorized || !strings.Contains(string(body), `"unauthorized"`) {
			t.Errorf("auth %q: got %d %s, want 401 unauthorized", auth, status, body)
		}
	}
	if status, body := w.adminDo(t, "GET", "/admin/v1/tokens?user="+user, nil); status != http.StatusNotFound {
		t.Errorf("list before any token: got %d %s, want 404 (no such user)", status, body)
	}

	c := w.newToken(t, user, "laptop", "")
	me := func(token string) int { return w.me(t, token).StatusCode }
	if got := me(c.Token); got != http.StatusOK {
		t.Fatalf("GET /v1/me with a new token: got %d, want 200", got)
	}
	status, body := w.adminDo(t, "GET", "/admin/v1/tokens?user="+user, nil)
	var listed struct {
		Tokens []struct {
			ID    string `json:"id"`
			Label string `json:"label"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal(body, &listed); status != http.StatusOK || err != nil || len(listed.Tokens) != 1 || listed.Tokens[0].ID != c.Info.ID {
		t.Fatalf("list: got %d %s (%v), want the one token %s", status, body, err, c.Info.ID)
	}
	if strings.Contains(string(body), strings.TrimPrefix(c.Token, "igt_"+c.Info.ID+"_")) {
		t.Fatalf("list shows the token's secret: %s", body)
	}
	w.revoke(t, user, c.Info.ID)
	if got := me(c.Token); got != http.StatusUnauthorized {
		t.Fatalf("GET /v1/me with a revoked token: got %d, want 401", got)
	}

	bad := []struct {
		name, method, path string
		body               any
		status             int
		code               string
	}{
		{"empty user", "POST", "/admin/v1/tokens", map[string]string{"user": ""}, 400, "invalid"},
		{"unknown field", "POST", "/admin/v1/tokens", map[string]string{"user": user, "role": "root"}, 400, "invalid"},
		{"negative ttl", "POST", "/admin/v1/tokens", map[string]string{"user": user, "ttl": "-1h"}, 400, "invalid"},
		{"ttl not a duration", "POST", "/admin/v1/tokens", map[string]string{"user": user, "ttl": "a week"}, 400, "invalid"},
		{"oversized body", "POST", "/admin/v1/tokens", map[string]string{"user": user, "label": strings.Repeat("x", 5000)}, 413, "too_large"},
		{"list without user", "GET", "/admin/v1/tokens", nil, 400, "invalid"},
		{"revoke unknown token", "POST", "/admin/v1/tokens/nope/revoke", map[string]string{"user": user}, 404, "not_found"},
		{"revoke for another user", "POST", "/admin/v1/tokens/" + c.Info.ID + "/revoke", map[string]string{"user": user + "-other"}, 404, "not_found"},
	}
	for _, tc := range bad {
		status, body := w.adminDo(t, tc.method, tc.path, tc.body)
		if status != tc.status || !strings.Contains(string(body), `"code":"`+tc.code+`"`) {
			t.Errorf("%s: got %d %s, want %d %s", tc.name, status, body, tc.status, tc.code)
		}
	}
}

// TestWorkerAdminOff checks that without an admin secret of at least 32 bytes
// the admin endpoints do not exist.
func TestWorkerAdminOff(t *testing.T) {
	w := startWorker(t, workerOptions{Vars: []string{"INVITEGUARD_ADMIN_SECRET:too-short"}})
	status, body := w.adminDo(t, "POST", "/admin/v1/tokens", map[string]string{"user": "x"}, "Bearer too-short")
	if status != http.StatusNotFound {
		t.Fatalf("admin with a short secret: got %d %s, want 404", status, body)
	}
}

// TestWorkerRateLimit checks the per-token limit on the RATE_LIMITER binding:
// past the limit a token gets 429 with Retry-After, another token does not.
func TestWorkerRateLimit(t *testing.T) {
	const limit = 5
	w := startWorker(t, workerOptions{RateLimit: limit})
	first := w.newToken(t, "rate-a", "a", "").Token
	other := w.newToken(t, "rate-b", "b", "").Token
	get := func(token string) *http.Response { return w.me(t, token) }
	// The limit counts per minute window; a run that straddles a window
	// boundary sees the count restart, so it gets 2*limit+1 tries.
	var limited *http.Response
	for range 2*limit + 1 {
		if r := get(first); r.StatusCode == http.StatusTooManyRequests {
			limited = r
			break
		} else if r.StatusCode != http.StatusOK {
			t.Fatalf("GET /v1/me: got %d, want 200 or 429", r.StatusCode)
		}
	}
	if limited == nil {
		t.Fatalf("no 429 after %d requests with a limit of %d a minute", 2*limit+1, limit)
	}
	if ra := limited.Header.Get("Retry-After"); ra == "" || ra == "0" || len(ra) > 2 {
		t.Errorf("Retry-After = %q, want 1 to 60 seconds", ra)
	}
	if r := get(other); r.StatusCode != http.StatusOK {
		t.Errorf("another token: got %d, want 200", r.StatusCode)
	}
}

// TestWorkerVerifyEngine checks that the Worker's verify re-runs a decision on
// the natively linked core, says so, and reports the engine id of the
// core.wasm built from the same source.
func TestWorkerVerifyEngine(t *testing.T) {
	w := startWorker(t, workerOptions{})
	wasm, err := os.ReadFile(filepath.Join("..", "..", "build", "core.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(wasm)
	wantID := hex.EncodeToString(sum[:])

	req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	for i := range 30 {
		req.Recipients = append(req.Recipients, core.Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/verify-%02d/", i), Selected: true})
	}
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		OK json.RawMessage `json:"ok"`
	}
	if err := json.Unmarshal(dispatch.Call("decide", in), &env); err != nil || env.OK == nil {
		t.Fatalf("native decide: %v %s", err, env.OK)
	}
	token := w.newToken(t, "verify-"+time.Now().Format("150405.000"), "v", "").Token
	body, err := json.Marshal(map[string]any{"engineId": wantID, "request": req, "decision": env.OK})
	if err != nil {
		t.Fatal(err)
	}
	hreq, _ := http.NewRequest("POST", w.URL+"/v1/verify", bytes.NewReader(body))
	hreq.Header.Set("Authorization", "Bearer "+token)
	hreq.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Result        string `json:"result"`
		Engine        string `json:"engine"`
		EngineRuntime string `json:"engineRuntime"`
		SameEngine    bool   `json:"sameEngine"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /v1/verify: %d %v", resp.StatusCode, err)
	}
	want := struct {
		Result        string `json:"result"`
		Engine        string `json:"engine"`
		EngineRuntime string `json:"engineRuntime"`
		SameEngine    bool   `json:"sameEngine"`
	}{"match", wantID, "native", true}
	if got != want {
		t.Errorf("verify on the Worker: got %+v, want %+v", got, want)
	}
}
