package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

const invCols = `id, batch_id, key, name, network, surface, member, state, sent_at, sent_earliest, source, note, updated_at`

// rowsPerStatement bounds the rows one bulk insert carries in its JSON
// parameter (D1 takes strings up to 1 MB; a row is a few hundred bytes).
const rowsPerStatement = 2000

// invRow is one invitation as the JSON the bulk insert reads with json_each.
type invRow struct {
	ID       string  `json:"id"`
	Batch    *string `json:"b"`
	Key      string  `json:"k"`
	Name     string  `json:"n"`
	Network  string  `json:"nw"`
	Surface  string  `json:"s"`
	Member   *bool   `json:"m"`
	State    string  `json:"st"`
	SentAt   int64   `json:"t"`
	Earliest any     `json:"e"`
	Source   string  `json:"src"`
	Note     string  `json:"no"`
	Updated  int64   `json:"u"`
}

// InsertInvitations inserts rows with one statement per rowsPerStatement rows:
// the rows travel as one JSON parameter read by json_each (portable SQLite,
// and one bound parameter, which D1's limit of 100 per statement needs).
func (t *tx) InsertInvitations(ctx context.Context, userID string, invs []server.Invitation) error {
	for chunk := range slices.Chunk(invs, rowsPerStatement) {
		rows := make([]invRow, len(chunk))
		for i, inv := range chunk {
			r := invRow{ID: inv.ID, Key: inv.Key, Name: inv.Name, Network: string(inv.Network), Surface: string(inv.Surface),
				Member: inv.Member, State: string(inv.State), SentAt: ms(inv.SentAt), Earliest: msPtr(inv.SentEarliest),
				Source: inv.Source, Note: inv.Note, Updated: ms(inv.UpdatedAt)}
			if inv.BatchID != "" {
				b := inv.BatchID
				r.Batch = &b
			}
			rows[i] = r
		}
		doc, err := json.Marshal(rows)
		if err != nil {
			return storeErr("encode invitations", err)
		}
		_, err = t.q.ExecContext(ctx, `INSERT INTO invitations (id, user_id, batch_id, key, name, network, surface, member, state, sent_at, sent_earliest, source, note, updated_at)
SELECT json_extract(value, '$.id'), ?, json_extract(value, '$.b'), json_extract(value, '$.k'), json_extract(value, '$.n'),
  json_extract(value, '$.nw'), json_extract(value, '$.s'), json_extract(value, '$.m'), json_extract(value, '$.st'),
  json_extract(value, '$.t'), json_extract(value, '$.e'), json_extract(value, '$.src'), json_extract(value, '$.no'), json_extract(value, '$.u')
FROM json_each(?)`, userID, string(doc))
		if err != nil {
			return storeErr("insert invitations", err)
		}
	}
	return nil
}

func scanInvitation(s interface{ Scan(...any) error }) (server.Invitation, error) {
	var inv server.Invitation
	var batch sql.NullString
	var member, earliest sql.NullInt64
	var network, surface, state string
	var sentAt, updated int64
	if err := s.Scan(&inv.ID, &batch, &inv.Key, &inv.Name, &network, &surface, &member, &state, &sentAt, &earliest,
		&inv.Source, &inv.Note, &updated); err != nil {
		return server.Invitation{}, err
	}
	inv.BatchID = batch.String
	inv.Network, inv.Surface, inv.State = core.Network(network), core.Surface(surface), core.State(state)
	if member.Valid {
		m := member.Int64 != 0
		inv.Member = &m
	}
	inv.SentAt, inv.SentEarliest, inv.UpdatedAt = fromMS(sentAt), fromNullMS(earliest), fromMS(updated)
	return inv, nil
}

func (t *tx) ListInvitations(ctx context.Context, userID string, f server.InvitationFilter) ([]server.Invitation, error) {
	if (f.Keys != nil && len(f.Keys) == 0) || (f.IDs != nil && len(f.IDs) == 0) {
		return nil, nil
	}
	// Long key or ID lists are read in chunks (D1 binds at most 100 parameters).
	per := t.maxParams - 16
	if len(f.Keys) > per || len(f.IDs) > per {
		var out []server.Invitation
		for start := 0; start < max(len(f.Keys), len(f.IDs)); start += per {
			g := f
			if len(f.Keys) > per {
				g.Keys = f.Keys[start:min(start+per, len(f.Keys))]
			} else {
				g.IDs = f.IDs[start:min(start+per, len(f.IDs))]
			}
			part, err := t.ListInvitations(ctx, userID, g)
			if err != nil {
				return nil, err
			}
			out = append(out, part...)
		}
		return out, nil
	}
	w := &where{}
	w.add(`user_id = ?`, userID)
	if len(f.States) > 0 {
		args := make([]any, len(f.States))
		for i, s := range f.States {
			args[i] = string(s)
		}
		w.add(`state IN (`+placeholders(len(args))+`)`, args...)
	}
	if f.Network != "" {
		w.add(`network = ?`, string(f.Network))
	}
	if f.BatchID != "" {
		w.add(`batch_id = ?`, f.BatchID)
	}
	if len(f.Keys) > 0 {
		w.add(`key IN (`+placeholders(len(f.Keys))+`)`, anys(f.Keys)...)
	}
	if len(f.IDs) > 0 {
		w.add(`id IN (`+placeholders(len(f.IDs))+`)`, anys(f.IDs)...)
	}
	q := `SELECT ` + invCols + ` FROM invitations` + w.page("sent_at", f.From, f.To, f.After, f.Limit)
	rows, err := t.q.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, storeErr("list invitations", err)
	}
	defer rows.Close()
	var out []server.Invitation
	for rows.Next() {
		inv, err := scanInvitation(rows)
		if err != nil {
			return nil, storeErr("list invitations", err)
		}
		out = append(out, inv)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list invitations", err)
	}
	return out, nil
}

func (t *tx) Invitation(ctx context.Context, userID, id string) (server.Invitation, error) {
	inv, err := scanInvitation(t.q.QueryRowContext(ctx, `SELECT `+invCols+` FROM invitations WHERE user_id = ? AND id = ?`, userID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return server.Invitation{}, notFound("invitation", id)
	}
	if err != nil {
		return server.Invitation{}, storeErr("read invitation", err)
	}
	return inv, nil
}

// SetInvitationStates is a guarded blind write: it changes the rows still in
// from, in one statement (the IDs travel as one JSON parameter). The caller
// has read the rows in the same transaction (writes go last: D1 sends them as
// one batch at commit).
func (t *tx) SetInvitationStates(ctx context.Context, userID string, ids []string, from, to core.State, at time.Time) error {
	for chunk := range slices.Chunk(ids, rowsPerStatement) {
		doc, err := json.Marshal(chunk)
		if err != nil {
			return storeErr("encode ids", err)
		}
		_, err = t.q.ExecContext(ctx, `UPDATE invitations SET state = ?, updated_at = ?
WHERE user_id = ? AND state = ? AND id IN (SELECT value FROM json_each(?))`, string(to), ms(at), userID, string(from), string(doc))
		if err != nil {
			return storeErr("update invitations", err)
		}
	}
	return nil
}

// anys converts strings to query arguments.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
