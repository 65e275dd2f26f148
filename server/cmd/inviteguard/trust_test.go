package main

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

// get sends GET url with a bearer token and extra headers (name, value, …);
// it returns the status, the error code and the headers.
func get(t testing.TB, url, token string, headers ...string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var code string
	if _, rest, ok := strings.Cut(string(body), `"code":"`); ok {
		code, _, _ = strings.Cut(rest, `"`)
	}
	return res.StatusCode, code, res.Header
}

// TestAuthFailuresLimited: an address that failed to authenticate too often
// gets 429 with Retry-After, before its token is even looked at (a right token
// from it waits too); another address is not affected.
func TestAuthFailuresLimited(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ig.db")
	tok := cli(t, db, "token", "create", "--user", "mallory-victim", "--label", "t")
	p := start(t, db, "--auth-fail-burst", "3", "--auth-fail-per-minute", "1", "--client-ip-header", "X-Forwarded-For")
	me := p.url + "/v1/me"
	bad := "igt_" + strings.Repeat("z", 24) + "_guess"
	for i := range 3 {
		if status, code, _ := get(t, me, bad, "X-Forwarded-For", "203.0.113.7"); status != 401 || code != "unauthorized" {
			t.Fatalf("failure %d within the burst: %d %s, want 401 unauthorized", i+1, status, code)
		}
	}
	status, code, h := get(t, me, bad, "X-Forwarded-For", "203.0.113.7")
	if status != 429 || code != "rate_limited" || h.Get("Retry-After") == "" {
		t.Fatalf("failure over the limit: %d %s Retry-After %q, want 429 rate_limited with Retry-After", status, code, h.Get("Retry-After"))
	}
	if status, code, _ := get(t, me, tok, "X-Forwarded-For", "198.51.100.1, 203.0.113.7"); status != 429 {
		t.Errorf("a right token from the blocked address: %d %s, want 429 (refused before the token is checked)", status, code)
	}
	if status, code, _ := get(t, me, tok, "X-Forwarded-For", "198.51.100.23"); status != 200 {
		t.Errorf("another address: %d %s, want 200", status, code)
	}
	if status, code, _ := get(t, me, bad, "X-Forwarded-For", "198.51.100.23"); status != 401 {
		t.Errorf("another address's first failure: %d %s, want 401", status, code)
	}
}

// record posts a batch and returns the status, the error code and the headers.
func record(t testing.TB, url, token string, body []byte) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/v1/batches", strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var code string
	if _, rest, ok := strings.Cut(string(b), `"code":"`); ok {
		code, _, _ = strings.Cut(rest, `"`)
	}
	return res.StatusCode, code, res.Header
}

// TestQuotas: a user over the batches of a day, or over the bytes they may
// store, gets 429 quota with Retry-After and nothing of the refused batch is
// stored; a replay of a batch already stored still answers; another user is
// not affected.
func TestQuotas(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ig.db")
	engine := cli(t, db, "version", "--wasm", coreWasm)
	tok := cli(t, db, "token", "create", "--user", "dana-o-neil", "--label", "t")
	other := cli(t, db, "token", "create", "--user", "émile", "--label", "t")
	p := start(t, db, "--quota-batches-per-day", "2", "--quota-mb", "1")
	for i, want := range []int{201, 201, 429} {
		status, code, h := record(t, p.url, tok, recordBody(t, engine, fmt.Sprintf("day-%d", i), 3))
		if status != want {
			t.Fatalf("batch %d of the day: %d %s, want %d", i+1, status, code, want)
		}
		if status == 429 && (code != "quota" || h.Get("Retry-After") == "") {
			t.Errorf("over the daily quota: %s Retry-After %q, want quota with Retry-After", code, h.Get("Retry-After"))
		}
	}
	if status, code, _ := record(t, p.url, tok, recordBody(t, engine, "day-0", 3)); status != 200 {
		t.Errorf("a replay of a stored batch: %d %s, want 200", status, code)
	}
	// About 0.6 MB a batch: the second goes over 1 MiB.
	big := func(id string) []byte { return recordBody(t, engine, id, 5000) }
	if status, code, _ := record(t, p.url, other, big("big-1")); status != 201 {
		t.Fatalf("another user's first large batch: %d %s, want 201", status, code)
	}
	status, code, h := record(t, p.url, other, big("big-2"))
	if status != 429 || code != "quota" || h.Get("Retry-After") == "" {
		t.Fatalf("over the stored bytes: %d %s Retry-After %q, want 429 quota with Retry-After", status, code, h.Get("Retry-After"))
	}
	var e struct {
		Batches     []json.RawMessage `json:"batches"`
		Invitations []json.RawMessage `json:"invitations"`
	}
	getExport(t, p.url, other, &e)
	if len(e.Batches) != 1 || len(e.Invitations) != 5000 {
		t.Errorf("after the refusal the user has %d batches and %d invitations, want 1 and 5000", len(e.Batches), len(e.Invitations))
	}
}
