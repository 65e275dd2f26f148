package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/inviteguard/inviteguard/server"
)

func (t *tx) CreateUser(ctx context.Context, u server.User) error {
	_, err := t.q.ExecContext(ctx, `INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)`, u.ID, u.Name, ms(u.CreatedAt))
	if err != nil {
		return storeErr("create user "+u.Name, err)
	}
	return nil
}

func (t *tx) user(ctx context.Context, where, arg string) (server.User, error) {
	var u server.User
	var created int64
	err := t.q.QueryRowContext(ctx, `SELECT id, name, created_at FROM users WHERE `+where+` = ?`, arg).Scan(&u.ID, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return server.User{}, notFound("user", arg)
	}
	if err != nil {
		return server.User{}, storeErr("read user", err)
	}
	u.CreatedAt = fromMS(created)
	return u, nil
}

func (t *tx) UserByName(ctx context.Context, name string) (server.User, error) {
	return t.user(ctx, "name", name)
}

func (t *tx) UserByID(ctx context.Context, id string) (server.User, error) {
	return t.user(ctx, "id", id)
}

func (t *tx) CreateToken(ctx context.Context, k server.Token) error {
	_, err := t.q.ExecContext(ctx, `INSERT INTO tokens (id, user_id, label, hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		k.ID, k.UserID, k.Label, k.Hash, ms(k.CreatedAt), msPtr(k.ExpiresAt), msPtr(k.RevokedAt))
	if err != nil {
		return storeErr("create token", err)
	}
	return nil
}

const tokenCols = `id, user_id, label, hash, created_at, expires_at, revoked_at`

func scanToken(s interface{ Scan(...any) error }) (server.Token, error) {
	var k server.Token
	var created int64
	var exp, rev sql.NullInt64
	if err := s.Scan(&k.ID, &k.UserID, &k.Label, &k.Hash, &created, &exp, &rev); err != nil {
		return server.Token{}, err
	}
	k.CreatedAt, k.ExpiresAt, k.RevokedAt = fromMS(created), fromNullMS(exp), fromNullMS(rev)
	return k, nil
}

func (t *tx) TokenByID(ctx context.Context, id string) (server.Token, error) {
	k, err := scanToken(t.q.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return server.Token{}, notFound("token", id)
	}
	if err != nil {
		return server.Token{}, storeErr("read token", err)
	}
	return k, nil
}

func (t *tx) ListTokens(ctx context.Context, userID string) ([]server.Token, error) {
	rows, err := t.q.QueryContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE user_id = ? ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, storeErr("list tokens", err)
	}
	defer rows.Close()
	var out []server.Token
	for rows.Next() {
		k, err := scanToken(rows)
		if err != nil {
			return nil, storeErr("list tokens", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list tokens", err)
	}
	return out, nil
}

func (t *tx) RevokeToken(ctx context.Context, userID, tokenID string, at time.Time) error {
	_, err := t.q.ExecContext(ctx, `UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?`, ms(at), tokenID, userID)
	if err != nil {
		return storeErr("revoke token", err)
	}
	return nil
}

func (t *tx) Policy(ctx context.Context, userID string) ([]byte, error) {
	var p sql.NullString
	err := t.q.QueryRowContext(ctx, `SELECT policy FROM users WHERE id = ?`, userID).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("user", userID)
	}
	if err != nil {
		return nil, storeErr("read policy", err)
	}
	if !p.Valid {
		return nil, nil
	}
	return []byte(p.String), nil
}

func (t *tx) SetPolicy(ctx context.Context, userID string, policy []byte, at time.Time) error {
	_, err := t.q.ExecContext(ctx, `UPDATE users SET policy = ?, policy_updated_at = ? WHERE id = ?`, string(policy), ms(at), userID)
	if err != nil {
		return storeErr("write policy", err)
	}
	return nil
}
