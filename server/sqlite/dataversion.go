package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// versionWatch reads SQLite's data version on one connection of its own,
// which never writes: "PRAGMA data_version" changes on a connection whenever
// another connection — of this process or another — committed since its last
// read, which is what server.WithAuthCache needs.
type versionWatch struct {
	db    *sql.DB
	mu    sync.Mutex
	conn  *sql.Conn // nil until the first read and after a failed one
	epoch int64     // counts the connections: a new one's version starts anew
}

// DataVersion returns the database's data version as seen by the watch's
// connection, made unique across its reconnections.
func (w *versionWatch) DataVersion(ctx context.Context) (int64, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		c, err := w.db.Conn(ctx)
		if err != nil {
			return 0, storeErr("data version", err)
		}
		w.conn = c
		w.epoch++
	}
	var v int64
	if err := w.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		_ = w.conn.Close()
		w.conn = nil
		return 0, storeErr("data version", err)
	}
	return w.epoch<<40 | v&(1<<40-1), nil
}

// close releases the connection.
func (w *versionWatch) close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		_ = w.conn.Close()
		w.conn = nil
	}
	return w.db.Close()
}
