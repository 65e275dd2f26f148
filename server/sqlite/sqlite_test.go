package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

func TestOpenMigratesOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "ig.db")
	f, err := sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Applied, []string{"0001_init", "0002_usage", "0003_bursts"}) {
		t.Errorf("first open applied %v, want [0001_init 0002_usage 0003_bursts]", f.Applied)
	}
	f.Close()
	f, err = sqlite.OpenFile(ctx, path, sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(f.Applied) != 0 {
		t.Errorf("second open applied %v, want nothing", f.Applied)
	}
	var n int
	if err := f.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != 3 {
		t.Errorf("schema_migrations has %d rows (%v), want 3", n, err)
	}
}

func TestPragmas(t *testing.T) {
	ctx := context.Background()
	for _, sync := range []string{"FULL", "NORMAL"} {
		f, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: "sqlite", Synchronous: sync})
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		var fk, syncLevel int
		if err := f.Write.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q (%v), want wal", mode, err)
		}
		if err := f.Write.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
		}
		want := map[string]int{"FULL": 2, "NORMAL": 1}[sync]
		if err := f.Write.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&syncLevel); err != nil || syncLevel != want {
			t.Errorf("synchronous = %d (%v), want %d", syncLevel, err, want)
		}
		if _, err := f.Read.ExecContext(ctx, `DELETE FROM users`); err == nil {
			t.Error("the read pool accepted a write")
		}
		f.Close()
	}
	if _, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "x.db"), sqlite.FileOptions{Driver: "sqlite", Synchronous: "OFF"}); err == nil {
		t.Error("synchronous OFF was accepted")
	}
}

// TestDriversAgree runs the same writes and reads on both drivers of the benchmark.
func TestDriversAgree(t *testing.T) {
	ctx := context.Background()
	for _, driver := range drivers {
		t.Run(driver, func(t *testing.T) {
			f, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: driver})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			svc := server.New(f.Store, native.New(strings.Repeat("ab", 32)))
			_, alice, err := svc.CreateToken(ctx, "alice", "", 0)
			if err != nil {
				t.Fatal(err)
			}
			_, bob, err := svc.CreateToken(ctx, "bob", "", 0)
			if err != nil {
				t.Fatal(err)
			}
			in := recordInput("x", 30)
			b, replay, err := svc.RecordBatch(ctx, alice.UserID, in)
			if err != nil || replay {
				t.Fatalf("record: %v (replay %v)", err, replay)
			}
			if _, replay, err := svc.RecordBatch(ctx, alice.UserID, in); err != nil || !replay {
				t.Errorf("second record: %v (replay %v), want a replay", err, replay)
			}
			in.Sent = in.Sent[:3]
			if _, _, err := svc.RecordBatch(ctx, alice.UserID, in); core.ErrorCode(err) != core.CodeConflict {
				t.Errorf("same id, other body: %v, want conflict", err)
			}
			p, err := svc.ListInvitations(ctx, alice.UserID, server.InvitationQuery{BatchID: b.ID, Limit: 500})
			if err != nil || len(p.Items) != 30 {
				t.Fatalf("list: %d items, %v", len(p.Items), err)
			}
			got, err := svc.GetBatch(ctx, alice.UserID, b.ID)
			if err != nil || got.SentCount != 30 || len(got.Request) == 0 || !got.SentAt.Equal(in.Request.Now) {
				t.Errorf("get = %+v, %v", got, err)
			}
			if _, err := svc.GetBatch(ctx, bob.UserID, b.ID); core.ErrorCode(err) != core.CodeNotFound {
				t.Errorf("bob reads alice's batch: %v, want not_found", err)
			}
		})
	}
}
