//go:build js && wasm

package d1

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/inviteguard/inviteguard/server/internal/jsawait"
)

// tx is a transaction on D1, which has no BEGIN or COMMIT: its writes are
// queued on the conn and sent as one batch, which D1 applies all or nothing.
// The queue is sent at Commit, or earlier when the transaction looks at the
// database again: before a read (so that the read sees the writes) and when
// the RowsAffected or LastInsertId of a queued write is asked for. A
// transaction that writes after it reads and never asks for figures — the
// usual shape: reads, decisions, then writes — is therefore atomic; one that
// interleaves is atomic in groups, and a Rollback drops only the group not
// yet sent. RATIONALE.md ("Cloudflare Workers + D1") says why.
type tx struct {
	conn *conn
	err  error // a failed batch: Commit reports it
}

// Commit sends the writes still queued.
func (t *tx) Commit() error {
	c := t.conn
	if c.tx != t {
		return errors.New("d1: commit of a transaction that is not open")
	}
	err := c.flush()
	c.tx, c.pending = nil, nil
	if t.err != nil {
		return t.err
	}
	return err
}

// Rollback drops the writes not yet sent.
func (t *tx) Rollback() error {
	c := t.conn
	if c.tx != t {
		return errors.New("d1: rollback of a transaction that is not open")
	}
	c.tx, c.pending = nil, nil
	return nil
}

// flush sends the queued writes as one batch and records each one's figures.
func (c *conn) flush() error {
	writes := c.pending
	c.pending = nil
	if len(writes) == 0 {
		return nil
	}
	if c.tx != nil && c.tx.err != nil {
		return c.tx.err
	}
	stmts := make([]any, len(writes))
	for i, w := range writes {
		s := c.dbObj.Call("prepare", w.query)
		if len(w.args) > 0 {
			s = s.Call("bind", jsArgs(w.args)...)
		}
		stmts[i] = s
	}
	res, err := jsawait.Await(c.dbObj.Call("batch", stmts))
	if err != nil {
		err = fmt.Errorf("d1: batch of %d writes (none applied): %w", len(writes), err)
		if c.tx != nil {
			c.tx.err = err
		}
		return err
	}
	for i, w := range writes {
		meta := res.Index(i).Get("meta")
		w.changes, w.lastID = metaInt(meta, "changes"), metaInt(meta, "last_row_id")
		w.done = true
	}
	return nil
}

// metaInt reads a number of a D1 result's meta, 0 when absent.
func metaInt(meta js.Value, key string) int64 {
	if meta.Type() != js.TypeObject {
		return 0
	}
	v := meta.Get(key)
	if v.Type() != js.TypeNumber {
		return 0
	}
	return int64(v.Float())
}

// jsArgs converts checked parameters for bind: []byte becomes a Uint8Array
// (a BLOB); the rest are JS primitives.
func jsArgs(args []driver.NamedValue) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if b, ok := a.Value.([]byte); ok {
			u := js.Global().Get("Uint8Array").New(len(b))
			js.CopyBytesToJS(u, b)
			out[i] = u
			continue
		}
		out[i] = a.Value
	}
	return out
}
