package server

import (
	"context"
	"log/slog"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Service is the server's domain: every use case, each in one transaction.
type Service struct {
	store  Store
	engine Engine
	log    *slog.Logger
	quota  Quota
	auth   *authCache // nil: every request reads its token (WithAuthCache)
}

// Option configures a Service.
type Option func(*Service)

// WithLogger sets the logger; the default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(s *Service) { s.log = l } }

// New returns a Service over a store and an engine.
func New(store Store, engine Engine, opts ...Option) *Service {
	s := &Service{store: store, engine: engine, log: slog.Default(), quota: DefaultQuota}
	for _, o := range opts {
		o(s)
	}
	return s
}

// EngineID is the ID of the engine every decision goes through.
func (s *Service) EngineID() string { return s.engine.ID() }

// Now returns the current time in UTC with millisecond precision (what the
// store keeps).
func (s *Service) Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// Ready reports whether the store and the engine answer.
func (s *Service) Ready(ctx context.Context) error {
	if err := s.store.Ping(ctx); err != nil {
		return core.Errorf(core.CodeInternal, "store: %v", err)
	}
	var v core.VersionInfo
	if err := call(ctx, s.engine, OpVersion, nil, &v); err != nil {
		return err
	}
	return nil
}

// Version returns the engine's version information.
func (s *Service) Version(ctx context.Context) (core.VersionInfo, error) {
	var v core.VersionInfo
	err := call(ctx, s.engine, OpVersion, nil, &v)
	return v, err
}
