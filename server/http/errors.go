package httpapi

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// statusOf is the one table from core error codes to HTTP status codes.
var statusOf = map[core.Code]int{
	core.CodeInvalid:           http.StatusBadRequest,            // 400
	core.CodeTooLarge:          http.StatusRequestEntityTooLarge, // 413
	core.CodeNotFound:          http.StatusNotFound,              // 404: also another user's data
	core.CodeConflict:          http.StatusConflict,              // 409
	core.CodeIllegalTransition: http.StatusConflict,              // 409: the resource's state forbids it
	core.CodeUnauthorized:      http.StatusUnauthorized,          // 401
	core.CodeRateLimited:       http.StatusTooManyRequests,       // 429
	core.CodeQuota:             http.StatusTooManyRequests,       // 429: the user's own allowance (RATIONALE: "Why is a quota a 429?")
	core.CodeUnavailable:       http.StatusServiceUnavailable,    // 503: not ready, or a dependency is down; retry
	core.CodeUnsupported:       http.StatusNotImplemented,        // 501: this engine lacks the operation
	core.CodeEngine:            http.StatusServiceUnavailable,    // 503: a trap or deadline; retry
	core.CodeInternal:          http.StatusInternalServerError,   // 500
}

// StatusOf returns the HTTP status for a core error code (500 for an unknown one).
func StatusOf(c core.Code) int {
	if s, ok := statusOf[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error core.Error `json:"error"`
}

// writeError answers err as {"error":{"code","message"}}. Internal errors are
// logged with their cause and answered with a generic message.
func (a *api) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := core.ErrorCode(err)
	msg := core.ErrorMessage(err)
	var ce *core.Error
	if code == core.CodeInternal && !errors.As(err, &ce) {
		a.log.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
		msg = "internal error; the server log has the details"
	}
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(err, &ra) {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int((ra.RetryAfter()+time.Second-1)/time.Second))))
	}
	writeErrorCode(w, StatusOf(code), code, msg)
}

// writeErrorCode writes an error body with an explicit status.
func writeErrorCode(w http.ResponseWriter, status int, code core.Code, msg string) {
	writeJSON(w, status, errorBody{Error: core.Error{Code: code, Message: msg}})
}

// writeJSON writes v as JSON with a status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"encode response"}}`)
	}
	writeRaw(w, status, b)
}

// writeRaw writes JSON bytes as they are, with a final newline.
func writeRaw(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
