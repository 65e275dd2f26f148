// Package sqlite is the server's Store on database/sql and portable SQLite SQL.
//
// It imports no driver: the self-hosted binary opens a file with a pure-Go
// driver (OpenFile), the Workers build hands in D1's database/sql driver
// (New; server/d1 turns a transaction's writes into one D1 batch). Times are Unix milliseconds, JSON is TEXT,
// IDs are made by the server, so nothing depends on a driver's type mapping.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

// Store implements server.Store.
type Store struct {
	db        *sql.DB // writes (and reads when read is nil)
	read      *sql.DB
	maxParams int
}

// Options tunes a Store for its database.
type Options struct {
	// Read is a separate pool for View (self-hosted: several read-only
	// connections beside the one writer); nil uses the main pool.
	Read *sql.DB
	// MaxParams bounds the bound parameters of one statement (D1: 100); 0 means 999.
	MaxParams int
}

// New returns a Store on an open database whose schema is migrated.
func New(db *sql.DB, o Options) *Store {
	if o.MaxParams <= 0 {
		o.MaxParams = 999
	}
	read := o.Read
	if read == nil {
		read = db
	}
	return &Store{db: db, read: read, maxParams: o.MaxParams}
}

var _ server.Store = (*Store)(nil)

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tx implements server.Tx on a querier.
type tx struct {
	q         querier
	maxParams int
}

// Update runs fn in one read-write transaction.
func (s *Store) Update(ctx context.Context, fn func(server.Tx) error) error {
	return s.run(ctx, s.db, fn)
}

// View runs fn in one read transaction (on the read pool when there is one).
func (s *Store) View(ctx context.Context, fn func(server.Tx) error) error {
	return s.run(ctx, s.read, fn)
}

func (s *Store) run(ctx context.Context, db *sql.DB, fn func(server.Tx) error) error {
	t, err := db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("begin", err)
	}
	if err := fn(&tx{q: t, maxParams: s.maxParams}); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return storeErr("commit", err)
	}
	return nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return storeErr("ping", err)
	}
	return nil
}

// storeErr wraps a database error: a uniqueness violation is a CodeConflict,
// anything else stays a plain error (CodeInternal to the domain, logged with its cause).
func storeErr(what string, err error) error {
	var ce *core.Error
	if errors.As(err, &ce) {
		return err
	}
	if strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return core.Errorf(core.CodeConflict, "%s: already exists", what)
	}
	return fmt.Errorf("sqlite %s: %w", what, err)
}

// notFound is the error for a missing row (or one of another user).
func notFound(kind, id string) error {
	return core.Errorf(core.CodeNotFound, "%s %q not found", kind, id)
}

// ms converts a time to Unix milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

// msPtr converts an optional time to a nullable column value.
func msPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMilli()
}

// fromMS converts Unix milliseconds to a UTC time.
func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// fromNullMS converts a nullable column to an optional time.
func fromNullMS(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMS(v.Int64)
	return &t
}

// placeholders returns "?, ?, …" with n marks.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
