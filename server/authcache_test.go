package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// countingStore counts the read transactions of a Store.
type countingStore struct {
	server.Store
	views atomic.Int64
}

func (c *countingStore) View(ctx context.Context, fn func(server.Tx) error) error {
	c.views.Add(1)
	return c.Store.View(ctx, fn)
}

// TestAuthCache: a token read once authenticates from memory while nothing is
// committed; a revocation — by this service or by another opener of the file,
// as the CLI beside a running server — is refused at the very next request,
// and a wrong secret for a remembered token id is refused too.
func TestAuthCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ig.db")
	f, err := sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cli, err := sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	store := &countingStore{Store: f.Store}
	eng := native.New(strings.Repeat("ab", 32))
	svc := server.New(store, eng, server.WithAuthCache(f.DataVersion))
	admin := server.New(cli.Store, eng) // another process: its own connections

	wantUser := func(tok, user string) {
		t.Helper()
		p, err := svc.Authenticate(ctx, tok)
		if err != nil || p.User.Name != user {
			t.Fatalf("Authenticate = %+v, %v; want user %s", p, err, user)
		}
	}
	wantRefused := func(tok, why string) {
		t.Helper()
		_, err := svc.Authenticate(ctx, tok)
		if core.ErrorCode(err) != core.CodeUnauthorized || !strings.Contains(core.ErrorMessage(err), why) {
			t.Fatalf("Authenticate = %v; want unauthorized: %s", err, why)
		}
	}
	ann, annTok, err := admin.CreateToken(ctx, "Dr. Ann O'Neil, MBA", "laptop", 0)
	if err != nil {
		t.Fatal(err)
	}
	bea, beaTok, err := admin.CreateToken(ctx, "Beatriz (she/her)", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	wantUser(ann, "Dr. Ann O'Neil, MBA")
	reads := store.views.Load()
	for range 3 {
		wantUser(ann, "Dr. Ann O'Neil, MBA")
	}
	if got := store.views.Load() - reads; got != 0 {
		t.Errorf("a remembered token read the store %d times, want 0", got)
	}
	wantRefused(strings.TrimSuffix(ann, ann[len(ann)-4:])+"AAAA", "unknown token")
	wantUser(bea, "Beatriz (she/her)")

	// Revoked by another opener of the file while both tokens are remembered.
	if err := admin.RevokeToken(ctx, "Dr. Ann O'Neil, MBA", annTok.ID); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		wantRefused(ann, "revoked")
	}
	wantUser(bea, "Beatriz (she/her)")
	// Revoked through this service.
	if err := svc.RevokeToken(ctx, "Beatriz (she/her)", beaTok.ID); err != nil {
		t.Fatal(err)
	}
	wantRefused(bea, "revoked")
}

// BenchmarkAuthenticate is one authentication against a real SQLite file,
// reading the token and its user (store) or remembered (cache).
func BenchmarkAuthenticate(b *testing.B) {
	ctx := context.Background()
	f, err := sqlite.OpenFile(ctx, filepath.Join(b.TempDir(), "ig.db"), sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{"store", "cache"} {
		b.Run("auth="+name, func(b *testing.B) {
			var opts []server.Option
			if name == "cache" {
				opts = append(opts, server.WithAuthCache(f.DataVersion))
			}
			svc := server.New(f.Store, native.New(strings.Repeat("ab", 32)), opts...)
			tok, _, err := svc.CreateToken(ctx, "bench "+name, "", 0)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := svc.Authenticate(ctx, tok); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
