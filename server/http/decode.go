package httpapi

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"time"
	"unicode/utf8"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
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
	body, err := a.readRaw(w, r, limit)
	if err != nil {
		return err
	}
	return dispatch.Decode(body, v)
}

// readRaw reads a JSON request body as it is: a JSON (or text) Content-Type,
// at most limit bytes, valid UTF-8.
func (a *api) readRaw(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/plain") {
			return nil, core.Errorf(core.CodeInvalid, "Content-Type must be application/json, got %q", ct)
		}
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 && r.ContentLength <= limit {
		buf.Grow(int(r.ContentLength) + bytes.MinRead) // read once, without growing
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	body := buf.Bytes()
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, core.Errorf(core.CodeTooLarge, "request body is larger than %d bytes", limit)
		}
		return nil, core.Errorf(core.CodeInvalid, "read request body: %v", err)
	}
	if !utf8.Valid(body) {
		return nil, core.Errorf(core.CodeInvalid, "request body is not valid UTF-8")
	}
	return body, nil
}

// recordBody is the body of POST /v1/batches as it arrives: the request is
// read once it is known whether it is of ABI version 1 or compact.
type recordBody struct {
	ClientBatchID string          `json:"clientBatchId"`
	EngineID      string          `json:"engineId"`
	Request       json.RawMessage `json:"request"`
	Decision      core.Decision   `json:"decision"`
	Sent          []int           `json:"sent"`
	SentAt        time.Time       `json:"sentAt,omitempty"`
}

// readRecordBody reads a batch record whose request is a decide request of
// ABI version 1 or a compact one (kept as bytes, stored as they arrived).
func (a *api) readRecordBody(w http.ResponseWriter, r *http.Request) (server.RecordBatch, error) {
	var body recordBody
	if err := a.readDecisionBody(w, r, &body); err != nil {
		return server.RecordBatch{}, err
	}
	in := server.RecordBatch{ClientBatchID: body.ClientBatchID, EngineID: body.EngineID, Decision: body.Decision, Sent: body.Sent, SentAt: body.SentAt}
	switch {
	case len(body.Request) == 0 || string(body.Request) == "null":
		return in, core.Errorf(core.CodeInvalid, "request is missing")
	case dispatch.IsCompact(body.Request):
		var c core.CompactDecideRequest
		if err := dispatch.Decode(body.Request, &c); err != nil {
			return in, core.Errorf(core.ErrorCode(err), "request: %s", core.ErrorMessage(err))
		}
		in.Compact, in.CompactRequest = body.Request, &c
	default:
		if err := dispatch.Decode(body.Request, &in.Request); err != nil {
			return in, core.Errorf(core.ErrorCode(err), "request: %s", core.ErrorMessage(err))
		}
	}
	return in, nil
}

// verifyBody is the body of POST /v1/verify as it arrives: the request is
// read once it is known whether it is of ABI version 1 or compact, and the
// decision is kept as bytes too (verifyDecision).
type verifyBody struct {
	EngineID string          `json:"engineId"`
	Request  json.RawMessage `json:"request"`
	Decision json.RawMessage `json:"decision"`
}

// verifyBodyDecided is verifyBody with the decision read in place, as the
// body was read before it kept the decision's bytes: what words an error.
type verifyBodyDecided struct {
	EngineID string          `json:"engineId"`
	Request  json.RawMessage `json:"request"`
	Decision core.Decision   `json:"decision"`
}

// readVerifyBody reads a verify body whose request is a decide request of
// ABI version 1 or a compact one (kept as bytes for the engine), and whose
// decision is kept as bytes: the service reads it only when it is not the
// engine's answer (server.VerifyInput.DecisionJSON).
func (a *api) readVerifyBody(w http.ResponseWriter, r *http.Request) (server.VerifyInput, error) {
	raw, err := a.readRaw(w, r, a.maxDec)
	if err != nil {
		return server.VerifyInput{}, err
	}
	if in, ok := readVerifyFast(raw); ok {
		// A decision that is not the engine's answer: the body read as below, with its words.
		in.ReadDecision = func() (core.Decision, error) {
			slow, err := readVerifySlow(raw)
			if err != nil {
				return core.Decision{}, err
			}
			return slow.ReadDecision()
		}
		return in, nil
	}
	return readVerifySlow(raw)
}

// readVerifySlow reads a verify body with the JSON library: the request of
// version 1 by dispatch's rules, after every object of the body was checked
// for repeated keys.
func readVerifySlow(raw []byte) (server.VerifyInput, error) {
	var body verifyBody
	if err := dispatch.Decode(raw, &body); err != nil {
		return server.VerifyInput{}, err
	}
	in := server.VerifyInput{EngineID: body.EngineID, DecisionJSON: body.Decision}
	in.ReadDecision = func() (core.Decision, error) {
		var d core.Decision
		if dispatch.DecodePart(body.Decision, &d) == nil {
			return d, nil
		}
		// null, absent or an error: read in place, as before, for the same answer and words.
		var decided verifyBodyDecided
		err := dispatch.Decode(raw, &decided)
		return decided.Decision, err
	}
	switch {
	case len(body.Request) == 0 || string(body.Request) == "null":
		return in, core.Errorf(core.CodeInvalid, "request is missing")
	case dispatch.IsCompact(body.Request):
		in.Compact = body.Request
	default:
		// The request's strings point into the body, which lives as long as the verify.
		if err := dispatch.DecodeDecideV1InPlace(body.Request, &in.Request); err != nil {
			return in, core.Errorf(core.ErrorCode(err), "request: %s", core.ErrorMessage(err))
		}
		in.Raw = body.Request
	}
	return in, nil
}
