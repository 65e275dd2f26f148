package server

import (
	"context"
	"sync"
)

// userKey is the context key of the user on whose behalf engine calls run.
type userKey struct{}

// WithUser returns ctx carrying the user an engine call is made for (the
// HTTP layer sets it once a token is authenticated).
func WithUser(ctx context.Context, userID string) context.Context {
	return context.WithValue(ctx, userKey{}, userID)
}

// userOf returns the user WithUser put into ctx, "" if none.
func userOf(ctx context.Context) string {
	u, _ := ctx.Value(userKey{}).(string)
	return u
}

// Share returns an Engine that runs at most perUser calls of one user at once
// (the user WithUser put into the call's context; calls without one are not
// limited). The engine pool has a few instances: without a share, one user
// flooding verify with large decisions holds all of them and every other
// user's call waits behind the flood. perUser < 1 returns e unchanged.
func Share(e Engine, perUser int) Engine {
	if perUser < 1 {
		return e
	}
	return &sharedEngine{Engine: e, per: perUser, users: map[string]*userSlots{}}
}

// sharedEngine is Share's Engine.
type sharedEngine struct {
	Engine
	per   int
	mu    sync.Mutex
	users map[string]*userSlots
}

// Runtime is the runtime of the engine it shares (engineRuntime): the
// embedded interface would hide it, and verify would then give a native
// engine the compact request meant for core.wasm.
func (s *sharedEngine) Runtime() string { return engineRuntime(s.Engine) }

// userSlots are one user's slots; refs counts the calls holding or waiting
// for one, so an idle user's entry is dropped.
type userSlots struct {
	slots chan struct{}
	refs  int
}

// Call waits for one of the user's slots (or ctx), then calls the engine.
func (s *sharedEngine) Call(ctx context.Context, op string, in []byte) ([]byte, error) {
	user := userOf(ctx)
	if user == "" {
		return s.Engine.Call(ctx, op, in)
	}
	u := s.acquire(user)
	defer s.release(user, u)
	select {
	case u.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-u.slots }()
	return s.Engine.Call(ctx, op, in)
}

func (s *sharedEngine) acquire(user string) *userSlots {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[user]
	if !ok {
		u = &userSlots{slots: make(chan struct{}, s.per)}
		s.users[user] = u
	}
	u.refs++
	return u
}

func (s *sharedEngine) release(user string, u *userSlots) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.refs--; u.refs == 0 {
		delete(s.users, user)
	}
}
