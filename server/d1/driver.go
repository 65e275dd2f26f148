//go:build js && wasm

package d1

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	syumaid1 "github.com/syumai/workers/cloudflare/d1"
)

// Open returns a *sql.DB on the D1 database bound to the Worker under binding
// (the binding name of a [[d1_databases]] entry in wrangler.toml). It must be
// called while a request is being served: the bindings live in the runtime
// context of the request.
func Open(binding string) (*sql.DB, error) {
	inner, err := syumaid1.OpenConnector(binding)
	if err != nil {
		return nil, fmt.Errorf("d1: open binding %q: %w", binding, err)
	}
	dbObj := js.Global().Get("context").Get("env").Get(binding)
	if dbObj.IsUndefined() || dbObj.IsNull() {
		return nil, fmt.Errorf("d1: open binding %q: %w", binding, syumaid1.ErrDatabaseNotFound)
	}
	return sql.OpenDB(&connector{inner: inner, dbObj: dbObj}), nil
}

// connector makes conns that share the D1 binding.
type connector struct {
	inner driver.Connector
	dbObj js.Value
}

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	ic, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &conn{inner: ic.(driver.ConnPrepareContext), dbObj: c.dbObj}, nil
}

func (c *connector) Driver() driver.Driver { return c.inner.Driver() }

// conn is one database/sql connection. While a transaction is open on it,
// writes are queued in pending instead of being run (see flush).
type conn struct {
	inner   driver.ConnPrepareContext
	dbObj   js.Value
	tx      *tx
	pending []*write
}

// write is a statement queued for the batch of a transaction, and its
// figures once the batch ran.
type write struct {
	query   string
	args    []driver.NamedValue
	done    bool
	changes int64
	lastID  int64
}

// queue adds a write to the open transaction's batch.
func (c *conn) queue(query string, args []driver.NamedValue) driver.Result {
	w := &write{query: query, args: args}
	c.pending = append(c.pending, w)
	return pendingResult{conn: c, write: w}
}

var (
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
)

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	is, err := c.inner.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &stmt{conn: c, inner: is, query: query}, nil
}

func (c *conn) Close() error { return nil }

func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx starts collecting writes. Isolation levels other than the default
// and read-only transactions are refused: D1 offers neither.
func (c *conn) BeginTx(_ context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.tx != nil {
		return nil, errors.New("d1: a transaction is already open on this connection")
	}
	if opts.Isolation != driver.IsolationLevel(sql.LevelDefault) {
		return nil, fmt.Errorf("d1: isolation level %d is not supported", opts.Isolation)
	}
	c.tx = &tx{conn: c}
	c.pending = nil
	return c.tx, nil
}

// CheckNamedValue accepts the types D1 can bind and refuses the rest with an
// error instead of the panic js.ValueOf would raise.
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if nv.Name != "" {
		return fmt.Errorf("d1: named parameter %q: D1 binds positional parameters only", nv.Name)
	}
	v, err := driver.DefaultParameterConverter.ConvertValue(nv.Value)
	if err != nil {
		return fmt.Errorf("d1: parameter %d: %w", nv.Ordinal, err)
	}
	switch x := v.(type) {
	case nil, string, []byte, bool, float64:
	case int64:
		if x > maxExactInt || x < -maxExactInt {
			return fmt.Errorf("d1: parameter %d: integer %d is beyond 2^53 and would lose precision in D1", nv.Ordinal, x)
		}
	case time.Time:
		return fmt.Errorf("d1: parameter %d: time.Time is not portable to D1; pass it formatted as text", nv.Ordinal)
	default:
		return fmt.Errorf("d1: parameter %d: unsupported type %T", nv.Ordinal, v)
	}
	nv.Value = v
	return nil
}

// maxExactInt is the largest integer a JS number holds exactly.
const maxExactInt = 1<<53 - 1

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if c.tx != nil {
		return c.queue(query, args), nil
	}
	s, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.(*stmt).ExecContext(ctx, args)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.(*stmt).QueryContext(ctx, args)
}

// stmt is a prepared statement; its writes are queued while a transaction is open.
type stmt struct {
	conn  *conn
	inner driver.Stmt
	query string
}

func (s *stmt) Close() error  { return s.inner.Close() }
func (s *stmt) NumInput() int { return -1 }

func (s *stmt) Exec([]driver.Value) (driver.Result, error) {
	return nil, errors.New("d1: Exec without context is not supported")
}

func (s *stmt) Query([]driver.Value) (driver.Rows, error) {
	return nil, errors.New("d1: Query without context is not supported")
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if s.conn.tx != nil {
		return s.conn.queue(s.query, args), nil
	}
	return s.inner.(driver.StmtExecContext).ExecContext(ctx, args)
}

// QueryContext runs a read at once. In a transaction, the queued writes are
// sent first, so that a read sees the transaction's own writes.
func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if s.conn.tx != nil {
		if err := s.conn.flush(); err != nil {
			return nil, err
		}
	}
	return s.inner.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// pendingResult is the result of a write queued in a transaction. Asking
// for a figure sends the queued writes (see flush).
type pendingResult struct {
	conn  *conn
	write *write
}

func (r pendingResult) LastInsertId() (int64, error) {
	if err := r.wait(); err != nil {
		return 0, err
	}
	return r.write.lastID, nil
}

func (r pendingResult) RowsAffected() (int64, error) {
	if err := r.wait(); err != nil {
		return 0, err
	}
	return r.write.changes, nil
}

func (r pendingResult) wait() error {
	if r.write.done {
		return nil
	}
	if err := r.conn.flush(); err != nil {
		return err
	}
	if !r.write.done {
		return errors.New("d1: the write was dropped by a rollback before it ran")
	}
	return nil
}
