package apitest_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/apitest"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// TestSuiteNative runs the suite against the handlers in-process with the
// core linked natively (the Workers build's engine) on a real SQLite file.
func TestSuiteNative(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := server.New(db.Store, native.New(strings.Repeat("ab", 32)))
	origin := "chrome-extension://" + strings.Repeat("a", 32)
	h, err := httpapi.New(httpapi.Config{Service: svc, Origins: []string{origin}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	apitest.Run(t, apitest.Target{
		BaseURL: ts.URL,
		Origin:  origin,
		NewToken: func(t testing.TB, user string) string {
			tok, _, err := svc.CreateToken(ctx, user, "test", 0)
			if err != nil {
				t.Fatal(err)
			}
			return tok
		},
		ExpiredToken: func(t testing.TB, user string) string {
			tok, _, err := svc.CreateToken(ctx, user, "short", time.Millisecond)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
			return tok
		},
		RevokedToken: func(t testing.TB, user string) string {
			tok, k, err := svc.CreateToken(ctx, user, "revoked", 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := svc.RevokeToken(ctx, user, k.ID); err != nil {
				t.Fatal(err)
			}
			return tok
		},
	})
}
