package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/inviteguard/inviteguard/server"
)

// Usage reads the user's stored bytes and counts the batches recorded since a time.
func (t *tx) Usage(ctx context.Context, userID string, since time.Time) (server.Usage, error) {
	var u server.Usage
	err := t.q.QueryRowContext(ctx, `SELECT stored_bytes, (SELECT COUNT(*) FROM batches WHERE user_id = ? AND recorded_at >= ?) FROM users WHERE id = ?`,
		userID, ms(since), userID).Scan(&u.Bytes, &u.Batches)
	if errors.Is(err, sql.ErrNoRows) {
		return server.Usage{}, notFound("user", userID)
	}
	if err != nil {
		return server.Usage{}, storeErr("read usage", err)
	}
	return u, nil
}

// AddStoredBytes adds n to the user's stored bytes.
func (t *tx) AddStoredBytes(ctx context.Context, userID string, n int64) error {
	if _, err := t.q.ExecContext(ctx, `UPDATE users SET stored_bytes = stored_bytes + ? WHERE id = ?`, n, userID); err != nil {
		return storeErr("add stored bytes", err)
	}
	return nil
}
