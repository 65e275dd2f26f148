// Package native runs the policy core in-process through wasm/dispatch: the
// same decode, core and encode code that core.wasm runs, compiled natively.
// The Workers build uses it (wazero cannot compile inside a Worker); the
// self-hosted server uses server/wasmhost, and its tests and benchmarks use
// this engine as the reference.
package native

import (
	"context"

	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// Engine is the core linked into this binary.
type Engine struct{ id string }

// New returns the native engine. id is the engine ID to report: the sha256 of
// the core.wasm built from the same source.
func New(id string) *Engine { return &Engine{id: id} }

// ID returns the engine ID given to New.
func (e *Engine) ID() string { return e.id }

// Runtime is "native": the core runs in-process, not as core.wasm under wazero.
func (e *Engine) Runtime() string { return "native" }

// Call runs op on the JSON input and returns the response envelope.
func (e *Engine) Call(ctx context.Context, op string, in []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return dispatch.Call(op, in), nil
}
