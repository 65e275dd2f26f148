// Package admin serves token administration over HTTP for the Workers
// build, where the inviteguard CLI cannot reach the database (D1 is only
// reachable from a Worker or through Cloudflare's API).
//
// It runs the same use cases as `inviteguard token create|list|revoke`
// (server.Service), so tokens are minted, hashed and stored exactly as the
// self-hosted server does it. The endpoints exist only when an admin secret
// of at least MinSecretLen bytes is configured (a Worker secret,
// `wrangler secret put INVITEGUARD_ADMIN_SECRET`); without one every /admin/
// path is an ordinary 404. The secret is compared in constant time.
package admin

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// MinSecretLen is the shortest admin secret accepted.
const MinSecretLen = 32

// maxBody caps an admin request body.
const maxBody = 4 << 10

// Prefix is the path under which the admin endpoints live.
const Prefix = "/admin/"

// Handler returns the admin endpoints, or nil when secret is too short to
// enable them (the caller then serves nothing under Prefix).
func Handler(svc *server.Service, secret string) http.Handler {
	if len(secret) < MinSecretLen || svc == nil {
		return nil
	}
	h := &handler{svc: svc, secretHash: sha256.Sum256([]byte(secret))}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/v1/tokens", h.create)
	mux.HandleFunc("GET /admin/v1/tokens", h.list)
	mux.HandleFunc("POST /admin/v1/tokens/{id}/revoke", h.revoke)
	return h.authorize(mux)
}

// Mount serves admin under Prefix and everything else with api. Without an
// enabled admin handler, api serves every path (so /admin/… is its 404).
func Mount(api, admin http.Handler) http.Handler {
	if admin == nil {
		return api
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, Prefix) {
			admin.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

type handler struct {
	svc        *server.Service
	secretHash [32]byte
}

// authorize admits requests bearing the admin secret.
func (h *handler) authorize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		got := sha256.Sum256([]byte(raw))
		if !ok || subtle.ConstantTimeCompare(got[:], h.secretHash[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="inviteguard-admin"`)
			writeError(w, core.Errorf(core.CodeUnauthorized, "the admin endpoints need Authorization: Bearer <INVITEGUARD_ADMIN_SECRET>"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// CreateRequest asks for a new token of a user (created if new).
type CreateRequest struct {
	User  string `json:"user"`
	Label string `json:"label,omitempty"`
	// TTL is the token's lifetime as a Go duration ("720h", "90m"); "" never expires.
	TTL string `json:"ttl,omitempty"`
}

// Created is a new token: Token is shown this once, only its hash is stored.
type Created struct {
	Token string       `json:"token"`
	User  string       `json:"user"`
	Info  server.Token `json:"info"`
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) {
	var in CreateRequest
	if err := readJSON(r, &in); err != nil {
		writeError(w, err)
		return
	}
	var ttl time.Duration
	if in.TTL != "" {
		d, err := time.ParseDuration(in.TTL)
		if err != nil || d <= 0 {
			writeError(w, core.Errorf(core.CodeInvalid, "ttl must be a positive duration such as \"720h\" (or absent: never expires), got %q", in.TTL))
			return
		}
		ttl = d
	}
	raw, tok, err := h.svc.CreateToken(r.Context(), in.User, in.Label, ttl)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, Created{Token: raw, User: in.User, Info: tok})
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	if user == "" {
		writeError(w, core.Errorf(core.CodeInvalid, "query parameter user is required"))
		return
	}
	toks, err := h.svc.ListTokens(r.Context(), user)
	if err != nil {
		writeError(w, err)
		return
	}
	if toks == nil {
		toks = []server.Token{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"user": user, "tokens": toks})
}

// RevokeRequest names the owner of the token to revoke.
type RevokeRequest struct {
	User string `json:"user"`
}

func (h *handler) revoke(w http.ResponseWriter, r *http.Request) {
	var in RevokeRequest
	if err := readJSON(r, &in); err != nil {
		writeError(w, err)
		return
	}
	if err := h.svc.RevokeToken(r.Context(), in.User, r.PathValue("id")); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revoked": r.PathValue("id")})
}

// readJSON decodes a small JSON object strictly, by the API's rules
// (dispatch.Decode: unknown fields, trailing data and duplicate keys refused).
func readJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return core.Errorf(core.CodeInvalid, "read body: %v", err)
	}
	if len(body) > maxBody {
		return core.Errorf(core.CodeTooLarge, "admin request bodies are limited to %d bytes", maxBody)
	}
	return dispatch.Decode(body, v)
}

// writeError answers err as {"error":{"code","message"}} with the API's status
// table; an error without a code is not described to the client.
func writeError(w http.ResponseWriter, err error) {
	code := core.ErrorCode(err)
	msg := core.ErrorMessage(err)
	var ce *core.Error
	if !errors.As(err, &ce) {
		slog.Error("admin: internal error", slog.Any("err", err))
		msg = "internal error; the Worker log has the details"
	}
	writeJSON(w, httpapi.StatusOf(code), map[string]core.Error{"error": {Code: code, Message: msg}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"encode response"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
