package httpapi

import (
	"context"
	"log/slog"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// CountingLimiter is a RateLimiter and a FailureLimiter over an external
// counter that can only count, such as Cloudflare's rate limiting binding
// (the Worker keeps nothing in memory between requests). It fails closed: a
// counter that cannot answer stops the request with 503 unavailable, because
// a limiter that lets everything through when it breaks is no limit at all.
type CountingLimiter struct {
	// Limit counts one event of key and reports whether key is within its
	// limit.
	Limit func(ctx context.Context, key string) (bool, error)
	// Window is the counter's fixed window (Retry-After counts to its end).
	Window time.Duration
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Name names the counter in logs and messages ("rate limiter").
	Name string
	Log  *slog.Logger
}

// Allow counts one request of key.
func (l CountingLimiter) Allow(ctx context.Context, key string) (bool, time.Duration, error) {
	ok, err := l.Limit(ctx, key)
	if err != nil {
		if l.Log != nil {
			l.Log.ErrorContext(ctx, l.Name+" failed; request refused", slog.Any("err", err))
		}
		return false, 0, core.Errorf(core.CodeUnavailable, "the %s is unavailable, so the request was not run; retry in a minute", l.Name)
	}
	if ok {
		return true, 0, nil
	}
	return false, l.untilWindowEnds(), nil
}

// Blocked reports false: a counter that can only count cannot be looked at
// without counting, so failures are limited as they happen (Fail).
func (l CountingLimiter) Blocked(context.Context, string) (bool, time.Duration, error) {
	return false, 0, nil
}

// Fail counts one failed authentication of key.
func (l CountingLimiter) Fail(ctx context.Context, key string) (bool, time.Duration, error) {
	ok, wait, err := l.Allow(ctx, key)
	return !ok && err == nil, wait, err
}

func (l CountingLimiter) untilWindowEnds() time.Duration {
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	if l.Window <= 0 {
		return time.Minute
	}
	return l.Window - time.Duration(now().UnixNano()%int64(l.Window))
}
