package server

import (
	"context"
	"errors"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// Engine runs operations of the policy core. Call takes the operation name of
// the wasm ABI ("decide", "transition", …) and its JSON input and returns the
// response envelope {"ok":…} or {"error":{"code","message"}}. An error from
// Call itself means the engine failed (a trap, a deadline, a closed pool).
type Engine interface {
	ID() string
	Call(ctx context.Context, op string, in []byte) ([]byte, error)
}

// The engine operations the server uses.
const (
	OpDecide         = "decide"
	OpReconcile      = "reconcile"
	OpPlanWithdrawal = "plan_withdrawal"
	OpDetectBursts   = "detect_bursts"
	OpTransition     = "transition"
	OpValidatePolicy = "validate_policy"
	OpDefaultPolicy  = "default_policy"
	OpVersion        = "version"
)

// envelope is the engine's response.
type envelope struct {
	OK    json.RawMessage `json:"ok"`
	Error *core.Error     `json:"error"`
}

// callRaw runs op on in (marshalled to JSON) and returns the raw "ok" value.
func callRaw(ctx context.Context, e Engine, op string, in any) (json.RawMessage, error) {
	var body []byte
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, core.Errorf(core.CodeInternal, "encode %s input: %v", op, err)
		}
		body = b
	}
	return callBytes(ctx, e, op, body)
}

// callBytes runs op on a JSON input as it is and returns the raw "ok" value
// (the engine's bytes, unchanged).
func callBytes(ctx context.Context, e Engine, op string, body []byte) (json.RawMessage, error) {
	out, err := e.Call(ctx, op, body)
	if err != nil {
		var ce *core.Error
		if errors.As(err, &ce) {
			return nil, ce
		}
		if ctx.Err() != nil {
			return nil, core.Errorf(core.CodeEngine, "engine %s: %v", op, ctx.Err())
		}
		return nil, core.Errorf(core.CodeEngine, "engine %s: %v", op, err)
	}
	if ok, found := okValue(out); found {
		return ok, nil
	}
	var env envelope
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, core.Errorf(core.CodeEngine, "engine %s: malformed response: %v", op, err)
	}
	if env.Error != nil {
		return nil, env.Error
	}
	if env.OK == nil {
		return nil, core.Errorf(core.CodeEngine, "engine %s: response has neither ok nor error", op)
	}
	return env.OK, nil
}

// okValue is the result inside a success envelope as the engines write it,
// {"ok":<result>} with nothing around it, without reading the result (a
// decision on 5,000 recipients is 0.17 MB). Anything else — an error, white
// space, another key — is left to the JSON decoder (found is false). The
// result is checked where it is read or passed on: its encoding as a
// json.RawMessage validates it.
func okValue(out []byte) (ok json.RawMessage, found bool) {
	const head = `{"ok":`
	if len(out) <= len(head)+1 || string(out[:len(head)]) != head || out[len(out)-1] != '}' {
		return nil, false
	}
	return out[len(head) : len(out)-1], true
}

// call runs op and decodes the "ok" value into out.
func call(ctx context.Context, e Engine, op string, in, out any) error {
	raw, err := callRaw(ctx, e, op, in)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return core.Errorf(core.CodeEngine, "engine %s: decode result: %v", op, err)
	}
	return nil
}

// transitioner applies lifecycle events through the engine, asking it once
// per (state, event) pair within one request: the answer is a pure function
// of the pair.
type transitioner struct {
	engine Engine
	seen   map[core.TransitionRequest]transitionAnswer
}

type transitionAnswer struct {
	to  core.State
	err error
}

func newTransitioner(e Engine) *transitioner {
	return &transitioner{engine: e, seen: map[core.TransitionRequest]transitionAnswer{}}
}

// apply returns the state after ev in from, or the engine's error.
func (t *transitioner) apply(ctx context.Context, from core.State, ev core.Event) (core.State, error) {
	req := core.TransitionRequest{From: from, Event: ev}
	if a, ok := t.seen[req]; ok {
		return a.to, a.err
	}
	var res core.TransitionResult
	err := call(ctx, t.engine, OpTransition, req, &res)
	if err != nil && core.ErrorCode(err) == core.CodeEngine {
		return "", err // an engine failure is not an answer; do not remember it
	}
	t.seen[req] = transitionAnswer{to: res.To, err: err}
	return res.To, err
}
