package server

import (
	"context"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// detectBursts runs the core's burst detection on a user's history of one
// network (after a scan was applied to it) with the user's policy.
func (s *Service) detectBursts(ctx context.Context, network core.Network, history []core.Invitation, policy core.Policy, now time.Time) ([]core.Burst, error) {
	var res core.BurstResult
	req := core.BurstRequest{Network: network, Invitations: history, Policy: &policy, Now: now}
	if err := call(ctx, s.engine, OpDetectBursts, req, &res); err != nil {
		return nil, err
	}
	if res.Bursts == nil {
		res.Bursts = []core.Burst{}
	}
	return res.Bursts, nil
}

// storedBursts turns detected bursts into rows: FirstSeenAt is now for a new
// one (the store keeps the first one on update).
func storedBursts(bursts []core.Burst, now time.Time) []Burst {
	out := make([]Burst, len(bursts))
	for i, b := range bursts {
		out[i] = Burst{Burst: b, FirstSeenAt: now, UpdatedAt: now}
	}
	return out
}

// DetectBursts answers the engine's burst detection on a history the caller
// sends, storing nothing (a dry run; the bursts of the user's own history
// come with every scan). The answer is the engine's, byte for byte.
func (s *Service) DetectBursts(ctx context.Context, req []byte) (json.RawMessage, error) {
	return callBytes(ctx, s.engine, OpDetectBursts, req)
}

// GetBurst returns one burst as the last scan that showed it stored it.
func (s *Service) GetBurst(ctx context.Context, userID, id string) (Burst, error) {
	var b Burst
	err := s.store.View(ctx, func(tx Tx) (err error) {
		b, err = tx.Burst(ctx, userID, id)
		return err
	})
	return b, err
}

// BurstQuery is a page request for bursts.
type BurstQuery struct {
	Network core.Network
	Cursor  string
	Limit   int
}

// ListBursts returns a page of a user's bursts, newest first.
func (s *Service) ListBursts(ctx context.Context, userID string, q BurstQuery) (Page[Burst], error) {
	limit, err := pageLimit(q.Limit)
	if err != nil {
		return Page[Burst]{}, err
	}
	if err := checkNetwork(q.Network); err != nil {
		return Page[Burst]{}, err
	}
	after, err := DecodeCursor(q.Cursor)
	if err != nil {
		return Page[Burst]{}, err
	}
	var items []Burst
	err = s.store.View(ctx, func(tx Tx) (err error) {
		items, err = tx.ListBursts(ctx, userID, BurstFilter{Network: q.Network, After: after, Limit: limit + 1})
		return err
	})
	if err != nil {
		return Page[Burst]{}, err
	}
	return page(items, limit, func(b Burst) (time.Time, string) { return b.To, b.ID }), nil
}
