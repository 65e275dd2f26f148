package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/server/apitest"
)

// TestSuite runs the API suite against the real binary: core.wasm under
// wazero, SQLite in a temporary directory, tokens made with the CLI.
func TestSuite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "inviteguard.db")
	origin := "moz-extension://6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
	p := start(t, db, "--origins", origin+",chrome-extension://"+strings.Repeat("k", 32), "--rate", "0")
	apitest.Run(t, apitest.Target{
		BaseURL:    p.url,
		Origin:     origin,
		MetricsURL: p.metricsURL,
		NewToken: func(t testing.TB, user string) string {
			return cli(t, db, "token", "create", "--user", user, "--label", "suite")
		},
		ExpiredToken: func(t testing.TB, user string) string {
			tok := cli(t, db, "token", "create", "--user", user, "--ttl", "1ms")
			time.Sleep(5 * time.Millisecond)
			return tok
		},
		RevokedToken: func(t testing.TB, user string) string {
			tok := cli(t, db, "token", "create", "--user", user, "--label", "to-revoke")
			id, _, _ := strings.Cut(strings.TrimPrefix(tok, "igt_"), "_")
			cli(t, db, "token", "revoke", "--user", user, "--id", id)
			return tok
		},
	})
	if err := p.stop(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, p.logs)
	}
}
