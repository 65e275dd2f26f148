//go:build js && wasm

// Command worker is the Invite Guard server on Cloudflare Workers + D1: the
// same HTTP handler as the self-hosted binary (server/http) over the same
// store code (server/sqlite) on a D1 database (server/d1), with the policy
// core linked in natively (server/native), since wazero cannot compile wasm
// inside a Worker. build.sh builds it; wrangler.toml configures it.
//
// Configuration comes from the Worker's bindings and variables:
//
//	DB                        the D1 database ([[d1_databases]], migrated by `wrangler d1 migrations apply`)
//	INVITEGUARD_CORS_ORIGINS  comma-separated extension origins (chrome-extension://<id>)
//	INVITEGUARD_MAX_BODY      request body cap in bytes (default 1 MiB)
//	INVITEGUARD_ADMIN_SECRET  a secret of ≥ 32 bytes enabling /admin/v1/tokens (see server/worker/admin)
//	RATE_LIMITER              the per-token rate limit (a ratelimit binding); INVITEGUARD_RATE_LIMIT=off ignores it
//	AUTH_LIMITER              failed authentications per client address (a ratelimit binding; off with the above)
//	INVITEGUARD_LOG_LEVEL     debug, info (default), warn or error
package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall/js"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"
	"github.com/syumai/workers"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/d1"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
	"github.com/inviteguard/inviteguard/server/worker/admin"
)

// engineID is the lowercase hex sha256 of core.wasm built from the same
// source, linked in by build.sh (-X main.engineID=…).
var engineID string

// d1MaxParams is D1's limit of bound parameters per statement.
const d1MaxParams = 100

func main() {
	h, err := handler()
	if err != nil {
		slog.Error("worker: cannot start", slog.Any("err", err))
		h = unavailable(err)
	}
	// A fresh Go instance serves each request (syumai/workers' glue), so the
	// handler is built per request: nothing here may be slow.
	workers.Serve(h)
}

// handler wires the Worker: D1 store, native engine, the API and the admin endpoints.
func handler() (http.Handler, error) {
	if len(engineID) != 64 {
		return nil, fmt.Errorf("built without the engine id of core.wasm; build with server/worker/build.sh")
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel(env("INVITEGUARD_LOG_LEVEL"))}))
	db, err := d1.Open("DB")
	if err != nil {
		return nil, err
	}
	svc := server.New(sqlite.New(db, sqlite.Options{MaxParams: d1MaxParams}), native.New(engineID), server.WithLogger(log))
	cfg := httpapi.Config{Service: svc, Origins: list(env("INVITEGUARD_CORS_ORIGINS")), Logger: log}
	if env("INVITEGUARD_RATE_LIMIT") != "off" {
		rl, al := js.Global().Get("context").Get("env").Get("RATE_LIMITER"), js.Global().Get("context").Get("env").Get("AUTH_LIMITER")
		if rl.Type() != js.TypeObject || al.Type() != js.TypeObject {
			return nil, fmt.Errorf("no RATE_LIMITER or AUTH_LIMITER binding: configure both in wrangler.toml, or set INVITEGUARD_RATE_LIMIT=off")
		}
		cfg.Limiter = bindingLimiter(rl, "rate limiter", log)
		cfg.AuthFailures = bindingLimiter(al, "failed-authentication limiter", log)
		// Cloudflare sets CF-Connecting-IP to the client's address; a client cannot forge it.
		cfg.ClientAddr = httpapi.ClientHeader("CF-Connecting-IP")
	}
	if v := env("INVITEGUARD_MAX_BODY"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("INVITEGUARD_MAX_BODY must be a positive number of bytes, got %q", v)
		}
		cfg.MaxBody = n
	}
	api, err := httpapi.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("configure the API: %w", err)
	}
	return admin.Mount(api, admin.Handler(svc, env("INVITEGUARD_ADMIN_SECRET"))), nil
}

// env returns a text variable or secret of the Worker, "" when unset.
func env(name string) string {
	v := js.Global().Get("context").Get("env").Get(name)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// list splits a comma-separated variable, dropping empty items.
func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func logLevel(s string) slog.Level {
	var l slog.Level
	if l.UnmarshalText([]byte(s)) != nil {
		return slog.LevelInfo
	}
	return l
}

// unavailable answers every request 503 unavailable, in the API's error
// format; the start-up error itself goes to the log only (wrangler tail).
func unavailable(err error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slog.ErrorContext(r.Context(), "worker misconfigured", slog.Any("err", err))
		b, _ := json.Marshal(map[string]core.Error{"error": {Code: core.CodeUnavailable, Message: "the service is not configured correctly; its log (wrangler tail) has the details"}})
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(append(b, '\n'))
	})
}
