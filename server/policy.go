package server

import (
	"context"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// GetPolicy returns the user's policy: the stored one, else the engine's default.
func (s *Service) GetPolicy(ctx context.Context, userID string) (core.Policy, error) {
	var stored []byte
	err := s.store.View(ctx, func(tx Tx) (err error) {
		stored, err = tx.Policy(ctx, userID)
		return err
	})
	if err != nil {
		return core.Policy{}, err
	}
	return s.policyFrom(ctx, stored)
}

// userPolicy reads the user's policy inside tx: the stored one, else the
// engine's default.
func (s *Service) userPolicy(ctx context.Context, tx Tx, userID string) (core.Policy, error) {
	stored, err := tx.Policy(ctx, userID)
	if err != nil {
		return core.Policy{}, err
	}
	return s.policyFrom(ctx, stored)
}

// policyFrom decodes a stored policy, or asks the engine for the default.
func (s *Service) policyFrom(ctx context.Context, stored []byte) (core.Policy, error) {
	var p core.Policy
	if stored == nil {
		err := call(ctx, s.engine, OpDefaultPolicy, nil, &p)
		return p, err
	}
	if err := json.Unmarshal(stored, &p); err != nil {
		return core.Policy{}, core.Errorf(core.CodeInternal, "stored policy is unreadable: %v", err)
	}
	return p, nil
}

// DefaultPolicy returns the engine's default policy.
func (s *Service) DefaultPolicy(ctx context.Context) (core.Policy, error) {
	return s.policyFrom(ctx, nil)
}

// SetPolicy validates a policy through the engine and stores it.
func (s *Service) SetPolicy(ctx context.Context, userID string, p core.Policy) (core.Policy, error) {
	var valid core.Policy
	if err := call(ctx, s.engine, OpValidatePolicy, p, &valid); err != nil {
		return core.Policy{}, err
	}
	b, err := json.Marshal(valid)
	if err != nil {
		return core.Policy{}, core.Errorf(core.CodeInternal, "encode policy: %v", err)
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		return tx.SetPolicy(ctx, userID, b, s.Now())
	})
	if err != nil {
		return core.Policy{}, err
	}
	return valid, nil
}
