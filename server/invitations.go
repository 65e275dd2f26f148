package server

import (
	"context"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// InvitationQuery is a page request for invitations.
type InvitationQuery struct {
	States  []core.State
	Network core.Network
	BatchID string
	From    *time.Time
	To      *time.Time
	Cursor  string
	Limit   int
}

// ListInvitations returns a page of a user's invitations, newest first.
func (s *Service) ListInvitations(ctx context.Context, userID string, q InvitationQuery) (Page[Invitation], error) {
	limit, err := pageLimit(q.Limit)
	if err != nil {
		return Page[Invitation]{}, err
	}
	if err := checkNetwork(q.Network); err != nil {
		return Page[Invitation]{}, err
	}
	for _, st := range q.States {
		if !st.Valid() {
			return Page[Invitation]{}, core.Errorf(core.CodeInvalid, "status %q is not an invitation state", truncate(string(st), 40))
		}
	}
	if err := checkRange(q.From, q.To); err != nil {
		return Page[Invitation]{}, err
	}
	after, err := DecodeCursor(q.Cursor)
	if err != nil {
		return Page[Invitation]{}, err
	}
	var items []Invitation
	err = s.store.View(ctx, func(tx Tx) error {
		if q.BatchID != "" {
			if _, err := tx.Batch(ctx, userID, q.BatchID); err != nil {
				return err
			}
		}
		items, err = tx.ListInvitations(ctx, userID, InvitationFilter{
			States: q.States, Network: q.Network, BatchID: q.BatchID, From: q.From, To: q.To, After: after, Limit: limit + 1,
		})
		return err
	})
	if err != nil {
		return Page[Invitation]{}, err
	}
	return page(items, limit, func(i Invitation) (time.Time, string) { return i.SentAt, i.ID }), nil
}

// GetInvitation returns one invitation.
func (s *Service) GetInvitation(ctx context.Context, userID, id string) (Invitation, error) {
	var inv Invitation
	err := s.store.View(ctx, func(tx Tx) (err error) {
		inv, err = tx.Invitation(ctx, userID, id)
		return err
	})
	return inv, err
}
