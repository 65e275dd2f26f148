package httpapi

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// readBody reads a JSON request body into v, strictly (unknown fields,
// trailing data and wrong types are errors naming the field). A body over the
// limit is CodeTooLarge.
func (a *api) readBody(w http.ResponseWriter, r *http.Request, v any) error {
	return a.readBodyMax(w, r, v, a.maxBody)
}

// readDecisionBody reads a body that carries a decision request (a larger cap).
func (a *api) readDecisionBody(w http.ResponseWriter, r *http.Request, v any) error {
	return a.readBodyMax(w, r, v, a.maxDec)
}

func (a *api) readBodyMax(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/plain") {
			return core.Errorf(core.CodeInvalid, "Content-Type must be application/json, got %q", ct)
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return core.Errorf(core.CodeTooLarge, "request body is larger than %d bytes", limit)
		}
		return core.Errorf(core.CodeInvalid, "read request body: %v", err)
	}
	if !utf8.Valid(body) {
		return core.Errorf(core.CodeInvalid, "request body is not valid UTF-8")
	}
	return dispatch.Decode(body, v)
}
