package httpapi_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// TestCountingLimiterFailsClosed: when the Worker's limiter binding cannot
// answer, a request is refused with 503 unavailable (it used to run
// unlimited); a counter over its limit is 429 with Retry-After; failed
// authentications over their limit are 429 instead of 401.
func TestCountingLimiterFailsClosed(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := server.New(db.Store, native.New(strings.Repeat("ab", 32)))
	tok, _, err := svc.CreateToken(ctx, "nora", "t", 0)
	if err != nil {
		t.Fatal(err)
	}
	var broken bool
	counts := map[string]int{}
	limit := func(_ context.Context, key string) (bool, error) {
		if broken {
			return false, errors.New("binding: network connection lost")
		}
		counts[key]++
		return counts[key] <= 2, nil
	}
	clock := func() time.Time { return time.Unix(1_767_225_600+45, 0) } // 45 s into a minute
	l := httpapi.CountingLimiter{Limit: limit, Window: time.Minute, Now: clock, Name: "rate limiter"}
	h, err := httpapi.New(httpapi.Config{Service: svc, Limiter: l, AuthFailures: l, ClientAddr: httpapi.ClientHeader("CF-Connecting-IP"), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	call := func(token, ip string) (int, string, string) {
		req, _ := http.NewRequest("GET", ts.URL+"/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("CF-Connecting-IP", ip)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header.Get("Retry-After")
	}
	cases := []struct {
		name, token, ip string
		broken          bool
		status          int
		body, retry     string
	}{
		{"within the limit", tok, "192.0.2.1", false, 200, `"user":"nora"`, ""},
		{"still within", tok, "192.0.2.1", false, 200, `"user":"nora"`, ""},
		{"over the limit", tok, "192.0.2.1", false, 429, `"rate_limited"`, "15"},
		{"bad token, first", "igt_nope", "192.0.2.9", false, 401, `"unauthorized"`, ""},
		{"bad token, second", "igt_nope", "192.0.2.9", false, 401, `"unauthorized"`, ""},
		{"bad token over the limit", "igt_nope", "192.0.2.9", false, 429, `too many failed authentications`, "15"},
		{"binding down", tok, "192.0.2.1", true, 503, `"unavailable"`, ""},
		{"binding down, bad token", "igt_nope", "192.0.2.5", true, 503, `"unavailable"`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			broken = c.broken
			status, body, retry := call(c.token, c.ip)
			if status != c.status || !strings.Contains(body, c.body) || retry != c.retry {
				t.Errorf("got %d %s Retry-After %q, want %d with %s, Retry-After %q", status, strings.TrimSpace(body), retry, c.status, c.body, c.retry)
			}
		})
	}
}
