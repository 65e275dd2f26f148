// Package dispatch is the JSON face of the core: it decodes the request of an
// operation, calls the core and encodes the response envelope
//
//	{"ok":<result>}  or  {"error":{"code":"<code>","message":"<text>"}}
//
// It is plain Go and builds natively (the server's tests, the golden runner,
// the fuzz targets) and for wasip1 (core.wasm exports one function per
// operation that calls Call), so the same bytes come out on both sides.
package dispatch

import (
	"sort"

	"github.com/inviteguard/inviteguard/core"
)

// ABI is the version of the wasm ABI described in RATIONALE.md ("Why this wasm ABI?").
const ABI = 2

// CoreVersion is the version of the decision logic that core.wasm reports.
const CoreVersion = "0.1.0"

// MaxInput is the largest request Call accepts, in bytes; a larger one is a
// too_large error. It is far above any real batch (10,000 recipients with
// their history are about 3 MB) and keeps one request from exhausting an
// instance's memory.
const MaxInput = 16 << 20

// handler decodes a request, runs one operation and returns its encoded result.
type handler func(in []byte) ([]byte, error)

// handlers maps an operation name to its handler; filled in init, because the
// version handler lists the operations.
var handlers map[string]handler

// opNames is the sorted list of operation names.
var opNames []string

func init() {
	handlers = map[string]handler{
		"decide":          decide,
		"check_message":   request(core.CheckMessage),
		"parse_age":       request(core.ParseAge),
		"parse_count":     request(core.ParseCount),
		"reconcile":       request(core.Reconcile),
		"plan_withdrawal": request(core.PlanWithdrawal),
		"detect_bursts":   detectBursts,
		"transition":      request(core.Transition),
		"validate_policy": request(core.ValidatePolicy),
		"default_policy":  constant(core.DefaultPolicy),
		"version":         constant(Version),
	}
	for name := range handlers {
		opNames = append(opNames, name)
	}
	sort.Strings(opNames)
}

// Ops returns the names of the operations, sorted. Each is an export of core.wasm.
func Ops() []string {
	return append([]string(nil), opNames...)
}

// Version describes this engine: ABI version, core version and operations.
func Version() core.VersionInfo {
	return core.VersionInfo{ABI: ABI, Core: CoreVersion, Ops: Ops()}
}

// Call runs the operation op on the JSON request in and returns the response
// envelope. It never panics: a panic in the core is recovered and returned as
// an engine error; an unknown operation is an unsupported error.
func Call(op string, in []byte) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = errorEnvelope(core.Errorf(core.CodeEngine, "%s: the engine failed: %v", op, r))
		}
	}()
	h, ok := handlers[op]
	if !ok {
		return errorEnvelope(core.Errorf(core.CodeUnsupported, "unknown operation %q (known: %v)", op, opNames))
	}
	if len(in) > MaxInput {
		return errorEnvelope(core.Errorf(core.CodeTooLarge, "%s: request of %d bytes exceeds the limit of %d bytes", op, len(in), MaxInput))
	}
	result, err := h(in)
	if err != nil {
		return errorEnvelope(err)
	}
	return result
}

// request makes the handler of an operation that takes a JSON request.
func request[Req, Res any](op func(Req) (Res, error)) handler {
	return func(in []byte) ([]byte, error) {
		var req Req
		if err := decodeWith(in, &req, strict, noCopy); err != nil {
			return nil, err
		}
		res, err := op(req)
		if err != nil {
			return nil, err
		}
		return okEnvelope(&res)
	}
}

// decide is the handler of decide: the compact request of ABI version 2
// (core.CompactDecideRequest, recognised by "v" as its first key) or the
// request of version 1 (core.DecideRequest).
func decide(in []byte) ([]byte, error) {
	if IsCompact(in) {
		return decideCompact(in)
	}
	return decideV1(in)
}

// decideV1 is the handler of a decide request of version 1.
func decideV1(in []byte) ([]byte, error) {
	var req core.DecideRequest
	if err := decodeDecideV1(in, &req); err != nil {
		return nil, err
	}
	d, err := core.Decide(req)
	if err != nil {
		return nil, err
	}
	return decisionEnvelope(&d)
}

// constant makes the handler of an operation that ignores its input.
func constant[Res any](op func() Res) handler {
	return func([]byte) ([]byte, error) {
		res := op()
		return okEnvelope(&res)
	}
}
