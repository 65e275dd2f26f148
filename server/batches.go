package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// RecordBatch is what the extension reports after a bulk invitation: the
// request it decided on, the decision, the engine that made it and which
// recipients (indexes into request.recipients) were really sent.
//
// The request comes in either form of decide: version 1 (Request), or the
// compact form of ABI version 2 the engine decided on (Compact: its bytes as
// they arrived, with the names of the rows so that the invitations carry
// them). A compact request is stored as it is, so a verify gives the engine
// exactly what the extension's engine saw; Request then holds its expansion
// (rows as recipients: keys, names, membership), which the invitations and
// the batch's fields are read from.
type RecordBatch struct {
	ClientBatchID string             `json:"clientBatchId"`
	EngineID      string             `json:"engineId"`
	Request       core.DecideRequest `json:"request"`
	// Compact is a compact request's bytes as they arrived and CompactRequest
	// the same request decoded (strictly, by the HTTP layer).
	Compact        []byte                     `json:"-"`
	CompactRequest *core.CompactDecideRequest `json:"-"`
	Decision       core.Decision              `json:"decision"`
	Sent           []int                      `json:"sent"`
	// SentAt is when the invitations were released; zero means request.now.
	SentAt time.Time `json:"sentAt,omitempty"`
}

// checkClientID accepts 1–128 printable ASCII characters.
func checkClientID(field, id string) error {
	if id == "" || len(id) > 128 {
		return core.Errorf(core.CodeInvalid, "%s must be 1 to 128 characters, got %d", field, len(id))
	}
	for _, r := range id {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) || r == ' ' {
			return core.Errorf(core.CodeInvalid, "%s may contain only printable ASCII without spaces, got %q", field, truncate(id, 40))
		}
	}
	return nil
}

// checkEngineID accepts an engine ID: 64 lowercase hex digits.
func checkEngineID(id string) error {
	if len(id) != 64 || strings.ToLower(id) != id {
		return core.Errorf(core.CodeInvalid, "engineId must be 64 lowercase hex digits (the sha256 of core.wasm), got %q", truncate(id, 70))
	}
	if _, err := hex.DecodeString(id); err != nil {
		return core.Errorf(core.CodeInvalid, "engineId must be 64 lowercase hex digits (the sha256 of core.wasm), got %q", truncate(id, 70))
	}
	return nil
}

// hasControl reports whether s contains a C0 or C1 control character.
func hasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// validate checks a record before anything is stored.
func (in *RecordBatch) validate() error {
	if err := checkClientID("clientBatchId", in.ClientBatchID); err != nil {
		return err
	}
	if err := checkEngineID(in.EngineID); err != nil {
		return err
	}
	if in.CompactRequest != nil {
		if err := in.expandCompact(); err != nil {
			return err
		}
	}
	if err := in.Request.Validate(); err != nil {
		return core.Errorf(core.ErrorCode(err), "request.%s", core.ErrorMessage(err))
	}
	for i, r := range in.Request.Recipients {
		if hasControl(r.Key) || hasControl(r.Name) {
			return core.Errorf(core.CodeInvalid, "request.recipients[%d]: key and name must not contain control characters", i)
		}
	}
	if in.Decision.Verdict == "" {
		return core.Errorf(core.CodeInvalid, "decision.verdict is missing")
	}
	seen := make(map[int]bool, len(in.Sent))
	for i, idx := range in.Sent {
		if idx < 0 || idx >= len(in.Request.Recipients) {
			return core.Errorf(core.CodeInvalid, "sent[%d] is %d, not an index of request.recipients (0 to %d)", i, idx, len(in.Request.Recipients)-1)
		}
		if seen[idx] {
			return core.Errorf(core.CodeInvalid, "sent[%d] repeats recipient %d", i, idx)
		}
		seen[idx] = true
	}
	if in.SentAt.IsZero() {
		in.SentAt = in.Request.Now
	}
	return nil
}

// expandCompact reads the compact request and puts its expansion in Request.
func (in *RecordBatch) expandCompact() error {
	c := *in.CompactRequest
	if len(in.Compact) == 0 {
		return core.Errorf(core.CodeInvalid, "request: a compact request needs its bytes")
	}
	// Validates the lists and the request as the engine will; the decision itself is the engine's.
	if _, err := core.DecideCompact(c); err != nil {
		return core.Errorf(core.ErrorCode(err), "request.%s", core.ErrorMessage(err))
	}
	exp, err := c.Expand()
	if err != nil {
		return core.Errorf(core.ErrorCode(err), "request.%s", core.ErrorMessage(err))
	}
	in.Request = exp
	return nil
}

// RecordBatch stores a batch and one invitation per sent recipient. It is
// idempotent by clientBatchId: the same ID with the same body answers the
// stored batch again (replay true); with another body it is a CodeConflict.
func (s *Service) RecordBatch(ctx context.Context, userID string, in RecordBatch) (b Batch, replay bool, err error) {
	if err := in.validate(); err != nil {
		return Batch{}, false, err
	}
	reqJSON := in.Compact
	if reqJSON == nil {
		var err error
		if reqJSON, err = json.Marshal(in.Request); err != nil {
			return Batch{}, false, core.Errorf(core.CodeInternal, "encode request: %v", err)
		}
	}
	decJSON, err := json.Marshal(in.Decision)
	if err != nil {
		return Batch{}, false, core.Errorf(core.CodeInternal, "encode decision: %v", err)
	}
	canon, err := json.Marshal(in)
	if err != nil {
		return Batch{}, false, core.Errorf(core.CodeInternal, "encode batch: %v", err)
	}
	sum := sha256.Sum256(append(canon, in.Compact...)) // two compact requests may expand alike
	now := s.Now()
	b = Batch{
		ID:            newID("b_"),
		ClientBatchID: in.ClientBatchID,
		EngineID:      in.EngineID,
		Network:       in.Request.Network,
		Surface:       in.Request.Surface,
		Target:        in.Request.Target,
		Verdict:       in.Decision.Verdict,
		Friction:      in.Decision.Friction,
		Recipients:    len(in.Request.Recipients),
		Count:         in.Decision.Count,
		SentCount:     len(in.Sent),
		Sent:          append([]int{}, in.Sent...),
		DecidedAt:     in.Request.Now.UTC().Truncate(time.Millisecond),
		SentAt:        in.SentAt.UTC().Truncate(time.Millisecond),
		RecordedAt:    now,
		Request:       reqJSON,
		Decision:      decJSON,
		BodyHash:      hex.EncodeToString(sum[:]),
	}
	invs := make([]Invitation, len(in.Sent))
	for i, idx := range in.Sent {
		r := in.Request.Recipients[idx]
		invs[i] = Invitation{
			Invitation: core.Invitation{
				ID:      newID("inv_"),
				BatchID: b.ID,
				Key:     core.NormalizeKey(r.Key),
				Name:    r.Name,
				Network: in.Request.Network,
				Surface: in.Request.Surface,
				Member:  r.Member,
				State:   core.StateSent,
				SentAt:  b.SentAt,
				Source:  "extension",
			},
			UpdatedAt: now,
		}
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.BatchByClientID(ctx, userID, in.ClientBatchID)
		switch core.ErrorCode(err) {
		case "":
			if old.BodyHash != b.BodyHash {
				return core.Errorf(core.CodeConflict, "clientBatchId %q was already recorded with a different body", in.ClientBatchID)
			}
			b, replay = old, true
			return nil
		case core.CodeNotFound:
		default:
			return err
		}
		if err := s.checkQuota(ctx, tx, userID, int64(len(reqJSON)+len(decJSON)+8*len(in.Sent))+invitationBytes(invs), 1); err != nil {
			return err
		}
		if err := tx.InsertBatch(ctx, userID, b); err != nil {
			return err
		}
		return tx.InsertInvitations(ctx, userID, invs)
	})
	if err != nil {
		return Batch{}, false, err
	}
	b.Request, b.Decision = nil, nil
	return b, replay, nil
}

// GetBatch returns one batch with its request and decision.
func (s *Service) GetBatch(ctx context.Context, userID, id string) (Batch, error) {
	var b Batch
	err := s.store.View(ctx, func(tx Tx) (err error) {
		b, err = tx.Batch(ctx, userID, id)
		return err
	})
	return b, err
}

// BatchQuery is a page request for batches.
type BatchQuery struct {
	Network core.Network
	Verdict core.Verdict
	From    *time.Time
	To      *time.Time
	Cursor  string
	Limit   int
}

// ListBatches returns a page of a user's batches, newest first.
func (s *Service) ListBatches(ctx context.Context, userID string, q BatchQuery) (Page[Batch], error) {
	limit, err := pageLimit(q.Limit)
	if err != nil {
		return Page[Batch]{}, err
	}
	if err := checkNetwork(q.Network); err != nil {
		return Page[Batch]{}, err
	}
	switch q.Verdict {
	case "", core.Allow, core.Confirm, core.Block:
	default:
		return Page[Batch]{}, core.Errorf(core.CodeInvalid, "verdict must be allow, confirm or block, got %q", truncate(string(q.Verdict), 40))
	}
	if err := checkRange(q.From, q.To); err != nil {
		return Page[Batch]{}, err
	}
	after, err := DecodeCursor(q.Cursor)
	if err != nil {
		return Page[Batch]{}, err
	}
	var items []Batch
	err = s.store.View(ctx, func(tx Tx) (err error) {
		items, err = tx.ListBatches(ctx, userID, BatchFilter{
			Network: q.Network, Verdict: q.Verdict, From: q.From, To: q.To, After: after, Limit: limit + 1,
		})
		return err
	})
	if err != nil {
		return Page[Batch]{}, err
	}
	return page(items, limit, func(b Batch) (time.Time, string) { return b.SentAt, b.ID }), nil
}

// checkNetwork accepts "" (any) or a known network.
func checkNetwork(n core.Network) error {
	switch n {
	case "", core.LinkedIn, core.Xing:
		return nil
	}
	return core.Errorf(core.CodeInvalid, "network must be linkedin or xing, got %q", truncate(string(n), 40))
}

// checkRange checks that a time range is not reversed.
func checkRange(from, to *time.Time) error {
	if from != nil && to != nil && to.Before(*from) {
		return core.Errorf(core.CodeInvalid, "to (%s) is before from (%s)", to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	return nil
}
