package server

import (
	"bytes"
	"context"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// VerifyInput asks whether a decision is what the server's engine decides for
// the same request. EngineID is the engine the client used. The request is
// either Request (ABI version 1) or, when Compact is set, the bytes of a
// compact request (core.CompactDecideRequest), handed to the engine as they
// are: the engine validates them.
type VerifyInput struct {
	EngineID string             `json:"engineId"`
	Request  core.DecideRequest `json:"request"`
	Compact  []byte             `json:"-"`
	// Raw, when set, is the bytes Request was decoded from (strictly, as the
	// engine decodes): an engine linked in natively is given them as they
	// are, where encoding the compact form would cost more than it saves.
	Raw      []byte        `json:"-"`
	Decision core.Decision `json:"decision"`
	// DecisionJSON, when set, is the decision as the client sent it, not
	// read yet: when it is the engine's answer byte for byte it is a match
	// (the engine wrote those bytes: a valid decision); otherwise
	// ReadDecision reads it (strictly; its error is the verify's) into
	// Decision, which is compared as before.
	DecisionJSON []byte                        `json:"-"`
	ReadDecision func() (core.Decision, error) `json:"-"`
}

// Verification is the answer to a verify: match or mismatch with the differences.
type Verification struct {
	// Result is "match" or "mismatch".
	Result string `json:"result"`
	// Engine is the ID of the engine that re-ran the decision here.
	Engine string `json:"engine"`
	// EngineRuntime is how that engine ran: "wasm" (core.wasm under wazero)
	// or "native" (the core linked in, as in the Workers build).
	EngineRuntime string `json:"engineRuntime"`
	// ClientEngine is the engine the decision was made with.
	ClientEngine string `json:"clientEngine"`
	// SameEngine is false when the two engine IDs differ: a mismatch may then
	// be a version difference rather than tampering.
	SameEngine  bool         `json:"sameEngine"`
	Differences []Difference `json:"differences"`
	// Computed is the decision this server's engine made.
	Computed json.RawMessage `json:"computed"`
	BatchID  string          `json:"batchId,omitempty"`
}

// Verification results.
const (
	Match    = "match"
	Mismatch = "mismatch"
)

// Verify re-runs decide on the engine and compares the answer with the given decision.
func (s *Service) Verify(ctx context.Context, in VerifyInput) (Verification, error) {
	if err := checkEngineID(in.EngineID); err != nil {
		return Verification{}, err
	}
	reqJSON := in.Compact
	if reqJSON == nil {
		if err := in.Request.Validate(); err != nil {
			return Verification{}, core.Errorf(core.ErrorCode(err), "request.%s", core.ErrorMessage(err))
		}
		var err error
		if in.Raw != nil && engineRuntime(s.engine) == "native" {
			reqJSON = in.Raw // the native core reads version 1 as fast as the compact form
		} else if reqJSON, err = engineRequest(&in.Request); err != nil {
			return Verification{}, err
		}
	}
	computed, err := callBytes(ctx, s.engine, OpDecide, reqJSON) // as it is: no re-encoding of 0.1–1 MB
	if err != nil {
		return Verification{}, err
	}
	recorded := in.DecisionJSON
	if recorded == nil || !bytes.Equal(recorded, computed) {
		if in.DecisionJSON != nil && in.ReadDecision != nil {
			if in.Decision, err = in.ReadDecision(); err != nil {
				return Verification{}, err
			}
		}
		if recorded, err = json.Marshal(in.Decision); err != nil {
			return Verification{}, core.Errorf(core.CodeInternal, "encode decision: %v", err)
		}
	}
	return s.compare(in.EngineID, recorded, computed)
}

// engineRequest is the JSON the engine decides a valid request from: its
// compact form, which the engine reads several times faster (RATIONALE.md,
// "Why a compact request for decide?"), unless it has none.
func engineRequest(r *core.DecideRequest) ([]byte, error) {
	var v any = r
	if c, ok := r.Compact(); ok {
		v = &c
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, core.Errorf(core.CodeInternal, "encode request: %v", err)
	}
	return b, nil
}

// VerifyBatch re-runs a recorded batch's decision.
func (s *Service) VerifyBatch(ctx context.Context, userID, batchID string) (Verification, error) {
	b, err := s.GetBatch(ctx, userID, batchID)
	if err != nil {
		return Verification{}, err
	}
	req := b.Request
	var stored core.DecideRequest
	// A compact request (stored as the extension sent it) has no recipients and goes to the engine as
	// it is, as does an empty one; a request of version 1 goes in its compact form.
	if json.Unmarshal(b.Request, &stored) == nil && len(stored.Recipients) > 0 && stored.Validate() == nil {
		if compact, err := engineRequest(&stored); err == nil {
			req = compact // the engine reads the compact form faster; the answer is the same
		}
	}
	v, err := s.verify(ctx, b.EngineID, req, b.Decision)
	v.BatchID = b.ID
	return v, err
}

// verify runs decide on reqJSON and compares with the recorded decision JSON.
func (s *Service) verify(ctx context.Context, clientEngine string, reqJSON, recorded []byte) (Verification, error) {
	computed, err := callBytes(ctx, s.engine, OpDecide, reqJSON) // as it is: no re-encoding of 0.1–1 MB
	if err != nil {
		return Verification{}, err
	}
	return s.compare(clientEngine, recorded, computed)
}

// compare compares a recorded decision with the one the engine computed.
// Computed is valid JSON afterwards: DiffJSON has checked or decoded it.
func (s *Service) compare(clientEngine string, recorded, computed []byte) (Verification, error) {
	diffs, err := DiffJSON(recorded, computed, 100)
	if err != nil {
		return Verification{}, core.Errorf(core.CodeEngine, "compare decisions: %v", err)
	}
	v := Verification{
		Result:        Match,
		Engine:        s.engine.ID(),
		EngineRuntime: engineRuntime(s.engine),
		ClientEngine:  clientEngine,
		SameEngine:    clientEngine == s.engine.ID(),
		Differences:   diffs,
		Computed:      computed,
	}
	if len(diffs) > 0 {
		v.Result = Mismatch
	}
	return v, nil
}

// engineRuntime names how an engine runs: its Runtime method when it has one
// (server/native: "native"), else "wasm".
func engineRuntime(e Engine) string {
	if r, ok := e.(interface{ Runtime() string }); ok {
		return r.Runtime()
	}
	return "wasm"
}
