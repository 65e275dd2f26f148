package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	_ "modernc.org/sqlite"
)

// TestMigrateFromVersion1 upgrades a real SQLite file that holds version 1
// and its rows: 0002_usage and 0003_bursts are applied, each in its own transaction, the rows stay,
// and the bursts table takes a burst.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if done, err := applyOne(ctx, db, "migrations/0001_init.sql", "0001_init"); err != nil || !done {
		t.Fatalf("apply 0001: %v %v", done, err)
	}
	for _, q := range []string{
		`INSERT INTO users (id, name, created_at) VALUES ('u1', 'Zoë O''Brien', 1)`,
		`INSERT INTO invitations (id, user_id, key, name, network, state, sent_at, source, updated_at)
		 VALUES ('i1', 'u1', 'https://www.linkedin.com/in/anna/', 'Dr. Anna Müller', 'linkedin', 'sent', 5, 'scan', 5)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	applied, err := Migrate(ctx, db)
	if err != nil || !slices.Equal(applied, []string{"0002_usage", "0003_bursts"}) {
		t.Fatalf("Migrate applied %v (%v), want [0002_usage 0003_bursts]", applied, err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM invitations WHERE user_id = 'u1'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("invitations after the upgrade: %d (%v), want 1", n, err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO bursts (id, user_id, network, from_at, to_at, resolution, count, accepted, gone, pending,
  usual_per_day, threshold, keys, invitation_ids, first_seen_at, updated_at) VALUES ('burst:1', 'u1', 'linkedin', 1, 2, 'day', 1, 0, 0, 1, 0.5, 15, '[]', '[]', 3, 3)`); err != nil {
		t.Errorf("insert a burst after the upgrade: %v", err)
	}
	if again, err := Migrate(ctx, db); err != nil || len(again) != 0 {
		t.Errorf("second Migrate applied %v (%v), want nothing", again, err)
	}
}
