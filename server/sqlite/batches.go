package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

func (t *tx) InsertBatch(ctx context.Context, userID string, b server.Batch) error {
	sent, err := json.Marshal(b.Sent)
	if err != nil {
		return storeErr("encode sent", err)
	}
	_, err = t.q.ExecContext(ctx, `INSERT INTO batches (id, user_id, client_batch_id, body_hash, engine_id, network, surface, target,
  verdict, friction, recipients, count, sent_count, sent, decided_at, sent_at, recorded_at, request, decision)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		b.ID, userID, b.ClientBatchID, b.BodyHash, b.EngineID, string(b.Network), string(b.Surface), b.Target,
		string(b.Verdict), string(b.Friction), b.Recipients, b.Count, b.SentCount, string(sent),
		ms(b.DecidedAt), ms(b.SentAt), ms(b.RecordedAt), string(b.Request), string(b.Decision))
	if err != nil {
		return storeErr("insert batch "+b.ClientBatchID, err)
	}
	return nil
}

const batchCols = `id, client_batch_id, body_hash, engine_id, network, surface, target, verdict, friction,
  recipients, count, sent_count, sent, decided_at, sent_at, recorded_at`

// scanBatch reads batchCols, plus request and decision when full.
func scanBatch(s interface{ Scan(...any) error }, full bool) (server.Batch, error) {
	var b server.Batch
	var network, surface, verdict, friction, sent, req, dec string
	var decided, sentAt, recorded int64
	dest := []any{&b.ID, &b.ClientBatchID, &b.BodyHash, &b.EngineID, &network, &surface, &b.Target, &verdict, &friction,
		&b.Recipients, &b.Count, &b.SentCount, &sent, &decided, &sentAt, &recorded}
	if full {
		dest = append(dest, &req, &dec)
	}
	if err := s.Scan(dest...); err != nil {
		return server.Batch{}, err
	}
	b.Network, b.Surface = core.Network(network), core.Surface(surface)
	b.Verdict, b.Friction = core.Verdict(verdict), core.Friction(friction)
	b.DecidedAt, b.SentAt, b.RecordedAt = fromMS(decided), fromMS(sentAt), fromMS(recorded)
	if err := json.Unmarshal([]byte(sent), &b.Sent); err != nil {
		return server.Batch{}, err
	}
	if full {
		b.Request, b.Decision = json.RawMessage(req), json.RawMessage(dec)
	}
	return b, nil
}

func (t *tx) BatchByClientID(ctx context.Context, userID, clientBatchID string) (server.Batch, error) {
	b, err := scanBatch(t.q.QueryRowContext(ctx, `SELECT `+batchCols+` FROM batches WHERE user_id = ? AND client_batch_id = ?`, userID, clientBatchID), false)
	if errors.Is(err, sql.ErrNoRows) {
		return server.Batch{}, notFound("batch with clientBatchId", clientBatchID)
	}
	if err != nil {
		return server.Batch{}, storeErr("read batch", err)
	}
	return b, nil
}

func (t *tx) Batch(ctx context.Context, userID, id string) (server.Batch, error) {
	b, err := scanBatch(t.q.QueryRowContext(ctx, `SELECT `+batchCols+`, request, decision FROM batches WHERE user_id = ? AND id = ?`, userID, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return server.Batch{}, notFound("batch", id)
	}
	if err != nil {
		return server.Batch{}, storeErr("read batch", err)
	}
	return b, nil
}

// where collects the conditions and arguments of a list query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// page adds the time range, the keyset cursor, the order and the limit on (col, id).
func (w *where) page(col string, from, to *time.Time, after *server.Cursor, limit int) string {
	if from != nil {
		w.add(col+` >= ?`, ms(*from))
	}
	if to != nil {
		w.add(col+` < ?`, ms(*to))
	}
	if after != nil {
		w.add(`(`+col+` < ? OR (`+col+` = ? AND id < ?))`, ms(after.At), ms(after.At), after.ID)
	}
	q := ` WHERE ` + strings.Join(w.conds, ` AND `) + ` ORDER BY ` + col + ` DESC, id DESC`
	if limit > 0 {
		q += ` LIMIT ?`
		w.args = append(w.args, limit)
	}
	return q
}

func (t *tx) ListBatches(ctx context.Context, userID string, f server.BatchFilter) ([]server.Batch, error) {
	w := &where{}
	w.add(`user_id = ?`, userID)
	if f.Network != "" {
		w.add(`network = ?`, string(f.Network))
	}
	if f.Verdict != "" {
		w.add(`verdict = ?`, string(f.Verdict))
	}
	cols := batchCols
	if f.Full {
		cols += `, request, decision`
	}
	q := `SELECT ` + cols + ` FROM batches` + w.page("sent_at", f.From, f.To, f.After, f.Limit)
	rows, err := t.q.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, storeErr("list batches", err)
	}
	defer rows.Close()
	var out []server.Batch
	for rows.Next() {
		b, err := scanBatch(rows, f.Full)
		if err != nil {
			return nil, storeErr("list batches", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list batches", err)
	}
	return out, nil
}
