package server

import (
	"context"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// stateMoves groups state changes by (from, to), so that each group is one write.
type stateMoves struct {
	ids  map[[2]core.State][]string
	keys [][2]core.State
}

// add records that invitation id moves from one state to another.
func (m *stateMoves) add(id string, from, to core.State) {
	if m.ids == nil {
		m.ids = map[[2]core.State][]string{}
	}
	k := [2]core.State{from, to}
	if _, ok := m.ids[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.ids[k] = append(m.ids[k], id)
}

// write applies the moves, one statement per (from, to).
func (m *stateMoves) write(ctx context.Context, tx Tx, userID string, at time.Time) error {
	for _, k := range m.keys {
		if err := tx.SetInvitationStates(ctx, userID, m.ids[k], k[0], k[1], at); err != nil {
			return err
		}
	}
	return nil
}
