// Package apitest is the API test suite of the Invite Guard server. It talks
// HTTP to a base URL only, so the same suite runs against the self-hosted
// binary and against the Workers build under wrangler dev (issue 6).
package apitest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// Target is a running server and the ways to get credentials for it.
type Target struct {
	// BaseURL is the server's root, e.g. http://127.0.0.1:8787.
	BaseURL string
	// NewToken returns a fresh token of the named user, creating the user on first use.
	NewToken func(t testing.TB, user string) string
	// ExpiredToken returns a token of the user that has expired; nil skips those cases.
	ExpiredToken func(t testing.TB, user string) string
	// RevokedToken returns a token of the user that was revoked; nil skips those cases.
	RevokedToken func(t testing.TB, user string) string
	// Origin is an extension origin the server admits for CORS; "" skips the CORS cases.
	Origin string
	// MaxBody is the server's body cap (0: 1 MiB).
	MaxBody int
	// MetricsURL is the root of the server's separate metrics listener; ""
	// skips the metrics cases. The API's own address never serves /metrics.
	MetricsURL string
}

// Run runs the whole suite against the target. Each run uses fresh user names,
// so it can run against a server that already holds data.
func Run(t *testing.T, tg Target) {
	if tg.MaxBody == 0 {
		tg.MaxBody = 1 << 20
	}
	s := &suite{tg: tg, http: &http.Client{Timeout: 60 * time.Second}, run: fmt.Sprintf("%x", time.Now().UnixNano())}
	t.Run("Health", s.health)
	t.Run("Auth", s.auth)
	t.Run("Batches", s.batches)
	t.Run("Verify", s.verify)
	t.Run("VerifyGolden", s.verifyGolden)
	t.Run("Invitations", s.invitations)
	t.Run("Scans", s.scans)
	t.Run("Jobs", s.jobs)
	t.Run("Bursts", s.bursts)
	t.Run("BurstsGolden", s.burstsGolden)
	t.Run("ScanTime", s.scanTime)
	t.Run("Policy", s.policy)
	t.Run("Export", s.export)
	t.Run("Isolation", s.isolation)
	t.Run("BadInputs", s.badInputs)
	t.Run("LargeBatch", s.largeBatch)
	t.Run("CORS", s.cors)
}

type suite struct {
	tg   Target
	http *http.Client
	run  string
}

// user returns a user name unique to this run.
func (s *suite) user(name string) string { return name + "-" + s.run }

// client is one user's view of the server.
type client struct {
	s     *suite
	token string
}

func (s *suite) client(t testing.TB, user string) *client {
	return &client{s: s, token: s.tg.NewToken(t, s.user(user))}
}

// response is an answered request.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// apiError decodes an error body {"error":{"code","message"}} (zero if it is not one).
func (r response) apiError() core.Error {
	var e struct {
		Error core.Error `json:"error"`
	}
	if json.Unmarshal(r.Body, &e) != nil {
		return core.Error{}
	}
	return e.Error
}

// errorCode returns the code of an error body ("" if it is not one).
func (r response) errorCode() string { return string(r.apiError().Code) }

// errorMessage returns the message of an error body ("" if it is not one).
func (r response) errorMessage() string { return r.apiError().Message }

func (r response) String() string {
	b := r.Body
	if len(b) > 600 {
		b = append(b[:600:600], "…"...)
	}
	return fmt.Sprintf("%d %s", r.Status, b)
}

// do sends a request; body is encoded as JSON unless it is []byte or string.
func (c *client) do(t testing.TB, method, path string, body any, header ...string) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("encode body: %v", err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.s.tg.BaseURL+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.s.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return response{Status: res.StatusCode, Header: res.Header, Body: out}
}

// want sends a request, checks the status and decodes a JSON answer into out (if not nil).
func (c *client) want(t testing.TB, status int, method, path string, body, out any) response {
	t.Helper()
	r := c.do(t, method, path, body)
	if r.Status != status {
		t.Fatalf("%s %s: got %s, want status %d", method, path, r, status)
	}
	if out != nil {
		if err := json.Unmarshal(r.Body, out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, path, r, err)
		}
	}
	return r
}

// wantError sends a request and checks that it fails with a status and code.
func (c *client) wantError(t testing.TB, status int, code, method, path string, body any) response {
	t.Helper()
	r := c.do(t, method, path, body)
	if r.Status != status || r.errorCode() != code {
		t.Fatalf("%s %s: got %s, want %d %s", method, path, r, status, code)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: error Content-Type %q, want application/json", method, path, ct)
	}
	return r
}
