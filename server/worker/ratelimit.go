//go:build js && wasm

package main

import (
	"context"
	"log/slog"
	"syscall/js"
	"time"

	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/internal/jsawait"
)

// ratePeriod is the window of the RATE_LIMITER and AUTH_LIMITER bindings
// (wrangler.toml simple.period): Cloudflare counts per key in fixed windows of it.
const ratePeriod = 60 * time.Second

// bindingLimiter is a limit on one of Cloudflare's rate limiting bindings
// (the per-token RATE_LIMITER, the per-address AUTH_LIMITER of failed
// authentications). A Worker keeps nothing in memory between requests, so the
// self-hosted in-memory token bucket cannot work here; the binding counts
// across requests and isolates (per Cloudflare location, eventually
// consistent). It fails closed (httpapi.CountingLimiter): a binding that
// cannot answer stops the request with 503 unavailable.
func bindingLimiter(binding js.Value, name string, log *slog.Logger) httpapi.CountingLimiter {
	return httpapi.CountingLimiter{
		Limit: func(_ context.Context, key string) (bool, error) {
			res, err := jsawait.Await(binding.Call("limit", map[string]any{"key": key}))
			if err != nil {
				return false, err
			}
			return res.Get("success").Truthy(), nil
		},
		Window: ratePeriod,
		Name:   name,
		Log:    log,
	}
}
