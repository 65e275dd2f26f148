package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// TestDataVersion: the version stays while nothing is committed and changes
// with every commit — of this File's writer and of another opener of the same
// file (as the CLI is, beside a running server).
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ig.db")
	f, err := sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	other, err := sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	version := func() int64 {
		t.Helper()
		v, err := f.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	mkUser := func(s *sqlite.File, name string) {
		t.Helper()
		err := s.Update(ctx, func(tx server.Tx) error {
			return tx.CreateUser(ctx, server.User{ID: "u_" + name, Name: name, CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	v0 := version()
	if err := f.View(ctx, func(tx server.Tx) error { _, _ = tx.UserByName(ctx, "nobody"); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != v0 {
		t.Errorf("after a read: version %d, want %d unchanged", got, v0)
	}
	mkUser(f, "ann")
	v1 := version()
	if v1 == v0 {
		t.Errorf("after this File's commit: version %d unchanged", v1)
	}
	mkUser(other, "bea")
	if got := version(); got == v1 {
		t.Errorf("after another opener's commit: version %d unchanged", got)
	}
}
