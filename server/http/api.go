package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

// DefaultMaxBody is the default cap of a request body: 1 MiB.
const DefaultMaxBody = 1 << 20

// DefaultMaxDecisionBody is the default cap of a body carrying a decision
// request with its history: 8 MiB. A 5,000-recipient decision with 5,000
// history entries and its answer is about 1.1 MB; the engine takes up to 16 MiB.
const DefaultMaxDecisionBody = 8 << 20

// Config is what the handler needs; main fills it.
type Config struct {
	Service *server.Service
	// Origins are the extension origins CORS admits.
	Origins []string
	// MaxBody caps request bodies in bytes (0: DefaultMaxBody).
	MaxBody int64
	// MaxDecisionBody caps the bodies that carry a whole decision request
	// (record a batch, verify) in bytes (0: DefaultMaxDecisionBody).
	MaxDecisionBody int64
	// Limiter limits requests per token; nil: no limit.
	Limiter RateLimiter
	// AuthFailures limits failed authentications per client address; nil: no limit.
	AuthFailures FailureLimiter
	// ClientAddr names a request's client address for AuthFailures (nil:
	// the host of RemoteAddr).
	ClientAddr func(*http.Request) string
	// Metrics observes requests; nil: none.
	Metrics Metrics
	// MetricsHandler serves /metrics; nil: /metrics is not served.
	MetricsHandler http.Handler
	Logger         *slog.Logger
}

// api holds the handler's dependencies.
type api struct {
	svc     *server.Service
	origins []string
	maxBody int64
	maxDec  int64
	limiter RateLimiter
	fails   FailureLimiter
	client  func(*http.Request) string
	metrics Metrics
	log     *slog.Logger
	mux     *http.ServeMux
}

// New returns the HTTP handler of the whole API. It does no I/O.
func New(c Config) (http.Handler, error) {
	if c.Service == nil {
		return nil, errors.New("httpapi: no service")
	}
	if err := CheckOrigins(c.Origins); err != nil {
		return nil, err
	}
	a := &api{svc: c.Service, origins: c.Origins, maxBody: c.MaxBody, maxDec: c.MaxDecisionBody, limiter: c.Limiter, fails: c.AuthFailures, client: c.ClientAddr, metrics: c.Metrics, log: c.Logger, mux: http.NewServeMux()}
	if a.client == nil {
		a.client = RemoteHost
	}
	if a.maxBody <= 0 {
		a.maxBody = DefaultMaxBody
	}
	if a.maxDec <= 0 {
		a.maxDec = DefaultMaxDecisionBody
	}
	if a.log == nil {
		a.log = slog.Default()
	}
	a.routes(c.MetricsHandler)
	return a.observe(a.recoverPanics(a.cors(http.HandlerFunc(a.dispatch)))), nil
}

// routes registers every endpoint.
func (a *api) routes(metrics http.Handler) {
	m := a.mux
	m.HandleFunc("GET /healthz", a.healthz)
	m.HandleFunc("GET /readyz", a.readyz)
	if metrics != nil {
		m.Handle("GET /metrics", metrics)
	}
	m.HandleFunc("GET /v1/version", a.version)
	m.Handle("GET /v1/me", a.auth(a.me))
	m.Handle("POST /v1/batches", a.auth(a.recordBatch))
	m.Handle("GET /v1/batches", a.auth(a.listBatches))
	m.Handle("GET /v1/batches/{id}", a.auth(a.getBatch))
	m.Handle("POST /v1/batches/{id}/verify", a.auth(a.verifyBatch))
	m.Handle("POST /v1/verify", a.auth(a.verify))
	m.Handle("GET /v1/invitations", a.auth(a.listInvitations))
	m.Handle("GET /v1/invitations/{id}", a.auth(a.getInvitation))
	m.Handle("POST /v1/scans", a.auth(a.reconcile))
	m.Handle("GET /v1/bursts", a.auth(a.listBursts))
	m.Handle("GET /v1/bursts/{id}", a.auth(a.getBurst))
	m.Handle("POST /v1/bursts/detect", a.auth(a.detectBursts))
	m.Handle("POST /v1/jobs", a.auth(a.createJob))
	m.Handle("GET /v1/jobs", a.auth(a.listJobs))
	m.Handle("GET /v1/jobs/{id}", a.auth(a.getJob))
	m.Handle("POST /v1/jobs/{id}/pause", a.auth(a.changeJob(server.ActionPause)))
	m.Handle("POST /v1/jobs/{id}/resume", a.auth(a.changeJob(server.ActionResume)))
	m.Handle("POST /v1/jobs/{id}/cancel", a.auth(a.changeJob(server.ActionCancel)))
	m.Handle("POST /v1/jobs/{id}/items/{invitation}/result", a.auth(a.reportItem))
	m.Handle("GET /v1/policy", a.auth(a.getPolicy))
	m.Handle("PUT /v1/policy", a.auth(a.putPolicy))
	m.Handle("GET /v1/export", a.auth(a.export))
}

// dispatch routes a request, answering unknown paths and methods in JSON.
func (a *api) dispatch(w http.ResponseWriter, r *http.Request) {
	h, pattern := a.mux.Handler(r)
	if pattern != "" {
		a.mux.ServeHTTP(w, r)
		return
	}
	rec := &discard{header: http.Header{}}
	h.ServeHTTP(rec, r)
	if rec.status == http.StatusMethodNotAllowed {
		allow := rec.header.Get("Allow")
		w.Header().Set("Allow", allow)
		writeErrorCode(w, http.StatusMethodNotAllowed, core.CodeInvalid, r.Method+" is not allowed on "+r.URL.Path+" (allowed: "+allow+")")
		return
	}
	writeErrorCode(w, http.StatusNotFound, core.CodeNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
}

// discard is a ResponseWriter that keeps only the status and the headers.
type discard struct {
	header http.Header
	status int
}

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(code int)        { d.status = code }

// principalKey is the context key of the authenticated principal.
type principalKey struct{}

// principal returns the request's authenticated principal.
func principal(ctx context.Context) server.Principal {
	p, _ := ctx.Value(principalKey{}).(server.Principal)
	return p
}

// authed is a handler that runs for an authenticated user.
type authed func(w http.ResponseWriter, r *http.Request, userID string)

// auth authenticates the bearer token and applies the token's rate limit.
func (a *api) auth(h authed) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := bearer(r)
		if raw == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="inviteguard"`)
			writeErrorCode(w, http.StatusUnauthorized, core.CodeUnauthorized, "missing Authorization: Bearer <token> (create one with: inviteguard token create --user NAME)")
			return
		}
		addr := a.client(r)
		if a.fails != nil {
			blocked, wait, err := a.fails.Blocked(r.Context(), addr)
			if err != nil {
				a.writeError(w, r, err)
				return
			}
			if blocked {
				tooMany(w, wait, "too many failed authentications from this address")
				return
			}
		}
		p, err := a.svc.Authenticate(r.Context(), raw)
		if err != nil {
			if core.ErrorCode(err) == core.CodeUnauthorized {
				if a.authFailed(w, r, addr) {
					return
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="inviteguard", error="invalid_token"`)
			}
			a.writeError(w, r, err)
			return
		}
		if a.limiter != nil {
			ok, wait, err := a.limiter.Allow(r.Context(), p.TokenID)
			if err != nil {
				a.writeError(w, r, err)
				return
			}
			if !ok {
				tooMany(w, wait, "too many requests for this token")
				return
			}
		}
		ctx := server.WithUser(context.WithValue(r.Context(), principalKey{}, p), p.User.ID) // the engine's per-user share
		h(w, r.WithContext(ctx), p.User.ID)
	})
}

// authFailed counts a failed authentication of addr; when that puts addr
// over its limit (or the limiter fails) it answers and reports true.
func (a *api) authFailed(w http.ResponseWriter, r *http.Request, addr string) bool {
	if a.fails == nil {
		return false
	}
	blocked, wait, err := a.fails.Fail(r.Context(), addr)
	if err != nil {
		a.writeError(w, r, err)
		return true
	}
	if blocked {
		a.log.WarnContext(r.Context(), "failed authentications over the limit", slog.String("addr", addr))
		tooMany(w, wait, "too many failed authentications from this address")
		return true
	}
	return false
}

// tooMany answers 429 rate_limited with Retry-After in whole seconds (at least 1).
func tooMany(w http.ResponseWriter, wait time.Duration, why string) {
	secs := strconv.Itoa(max(1, int((wait+time.Second-1)/time.Second)))
	w.Header().Set("Retry-After", secs)
	writeErrorCode(w, http.StatusTooManyRequests, core.CodeRateLimited, why+"; retry after "+secs+" s")
}

// RemoteHost is the default ClientAddr: the host part of the connection's
// address (a server behind a proxy names a header instead: ClientHeader).
func RemoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ClientHeader returns a ClientAddr that reads the client address from a
// header set by a trusted proxy (the last address of X-Forwarded-For, the
// value of X-Real-IP or CF-Connecting-IP), falling back to RemoteHost.
func ClientHeader(name string) func(*http.Request) string {
	return func(r *http.Request) string {
		v := r.Header.Get(name)
		if i := strings.LastIndexByte(v, ','); i >= 0 {
			v = v[i+1:]
		}
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
		return RemoteHost(r)
	}
}

// recoverPanics turns a handler panic into a 500 and a log line; the server keeps serving.
func (a *api) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.log.ErrorContext(r.Context(), "handler panic", slog.String("path", r.URL.Path), slog.Any("panic", v))
				writeErrorCode(w, http.StatusInternalServerError, core.CodeInternal, "internal error; the server log has the details")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// observe logs every request and reports it to Metrics.
func (a *api) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if a.metrics != nil {
			a.metrics.InFlight(1)
			defer a.metrics.InFlight(-1)
		}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		d := time.Since(start)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		if a.metrics != nil {
			a.metrics.ObserveRequest(route, rec.status, d)
		}
		level := slog.LevelDebug
		if rec.status >= 500 {
			level = slog.LevelWarn
		}
		a.log.Log(r.Context(), level, "request", slog.String("method", r.Method), slog.String("route", route),
			slog.Int("status", rec.status), slog.Duration("duration", d))
	})
}

// pathID returns a path value, checked to be a plausible ID.
func pathID(r *http.Request, name string) (string, error) {
	v := r.PathValue(name)
	if v == "" || len(v) > 128 || strings.ContainsAny(v, " \t\r\n") {
		return "", core.Errorf(core.CodeNotFound, "%s %q not found", name, v)
	}
	return v, nil
}
