package sqlite

import (
	"context"
	"database/sql"
	"errors"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

// UpsertBursts writes one statement per burst (a scan finds a handful; each
// binds 16 parameters, within D1's 100). A known burst keeps first_seen_at.
func (t *tx) UpsertBursts(ctx context.Context, userID string, bursts []server.Burst) error {
	for _, b := range bursts {
		keys, err := json.Marshal(b.Keys)
		if err != nil {
			return storeErr("encode burst keys", err)
		}
		ids, err := json.Marshal(b.IDs)
		if err != nil {
			return storeErr("encode burst invitation ids", err)
		}
		_, err = t.q.ExecContext(ctx, `INSERT INTO bursts (id, user_id, network, from_at, to_at, resolution, count, accepted, gone, pending,
  usual_per_day, threshold, keys, invitation_ids, first_seen_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (user_id, id) DO UPDATE SET network = excluded.network, from_at = excluded.from_at, to_at = excluded.to_at,
  resolution = excluded.resolution, count = excluded.count, accepted = excluded.accepted, gone = excluded.gone,
  pending = excluded.pending, usual_per_day = excluded.usual_per_day, threshold = excluded.threshold, keys = excluded.keys,
  invitation_ids = excluded.invitation_ids, updated_at = excluded.updated_at`,
			b.ID, userID, string(b.Network), ms(b.From), ms(b.To), b.Resolution, b.Count, b.Accepted, b.Gone, b.Pending,
			b.UsualPerDay, b.Threshold, string(keys), string(ids), ms(b.FirstSeenAt), ms(b.UpdatedAt))
		if err != nil {
			return storeErr("upsert burst "+b.ID, err)
		}
	}
	return nil
}

const burstCols = `id, network, from_at, to_at, resolution, count, accepted, gone, pending, usual_per_day, threshold,
  keys, invitation_ids, first_seen_at, updated_at`

func scanBurst(s interface{ Scan(...any) error }) (server.Burst, error) {
	var b server.Burst
	var network, keys, ids string
	var from, to, first, updated int64
	if err := s.Scan(&b.ID, &network, &from, &to, &b.Resolution, &b.Count, &b.Accepted, &b.Gone, &b.Pending,
		&b.UsualPerDay, &b.Threshold, &keys, &ids, &first, &updated); err != nil {
		return server.Burst{}, err
	}
	b.Network = core.Network(network)
	b.From, b.To, b.FirstSeenAt, b.UpdatedAt = fromMS(from), fromMS(to), fromMS(first), fromMS(updated)
	if err := json.Unmarshal([]byte(keys), &b.Keys); err != nil {
		return server.Burst{}, err
	}
	if err := json.Unmarshal([]byte(ids), &b.IDs); err != nil {
		return server.Burst{}, err
	}
	return b, nil
}

func (t *tx) Burst(ctx context.Context, userID, id string) (server.Burst, error) {
	b, err := scanBurst(t.q.QueryRowContext(ctx, `SELECT `+burstCols+` FROM bursts WHERE user_id = ? AND id = ?`, userID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return server.Burst{}, notFound("burst", id)
	}
	if err != nil {
		return server.Burst{}, storeErr("read burst", err)
	}
	return b, nil
}

func (t *tx) ListBursts(ctx context.Context, userID string, f server.BurstFilter) ([]server.Burst, error) {
	w := &where{}
	w.add(`user_id = ?`, userID)
	if f.Network != "" {
		w.add(`network = ?`, string(f.Network))
	}
	rows, err := t.q.QueryContext(ctx, `SELECT `+burstCols+` FROM bursts`+w.page("to_at", nil, nil, f.After, f.Limit), w.args...)
	if err != nil {
		return nil, storeErr("list bursts", err)
	}
	defer rows.Close()
	out := []server.Burst{}
	for rows.Next() {
		b, err := scanBurst(rows)
		if err != nil {
			return nil, storeErr("list bursts", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list bursts", err)
	}
	return out, nil
}
