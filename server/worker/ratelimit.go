//go:build js && wasm

package main

import (
	"context"
	"log/slog"
	"syscall/js"
	"time"

	"github.com/inviteguard/inviteguard/server/internal/jsawait"
)

// ratePeriod is the window of the RATE_LIMITER binding (wrangler.toml
// simple.period): Cloudflare counts requests per key in fixed windows of it.
const ratePeriod = 60 * time.Second

// bindingLimiter is the per-token rate limit of the API (httpapi.RateLimiter)
// on Cloudflare's rate limiting binding. A Worker keeps nothing in memory
// between requests, so the self-hosted in-memory token bucket cannot work
// here; the binding counts across requests and isolates (per Cloudflare
// location, eventually consistent — a guard against abuse, not a quota).
type bindingLimiter struct {
	binding js.Value
	log     *slog.Logger
	now     func() time.Time
}

// Allow counts one request of key. A failing binding lets the request
// through and logs: rate limiting protects the service, it must not stop it.
func (l bindingLimiter) Allow(ctx context.Context, key string) (bool, time.Duration, error) {
	res, err := jsawait.Await(l.binding.Call("limit", map[string]any{"key": key}))
	if err != nil {
		l.log.WarnContext(ctx, "rate limiter failed; request let through", slog.Any("err", err))
		return true, 0, nil
	}
	if res.Get("success").Truthy() {
		return true, 0, nil
	}
	elapsed := time.Duration(l.now().UnixNano() % int64(ratePeriod))
	return false, ratePeriod - elapsed, nil
}
