package dispatch

import "github.com/inviteguard/inviteguard/core"

// Decode reads a JSON object into v exactly as the operations do: unknown
// fields, trailing data, a non-object and an empty body are CodeInvalid
// *core.Error values naming the field or the byte offset. The server's HTTP
// handlers use it so that a request body and an engine input are judged by
// the same rules and worded the same way.
func Decode(in []byte, v any) error { return decode(in, v) }

// DecodePart reads a JSON object that is part of a body Decode has read (a
// json.RawMessage field of it) into v by the same rules, without scanning
// its keys for repeats a second time: Decode checked every object of the body.
// A decide request of version 1 is read by the purpose-written scanner where
// the library is encoding/json (in the Worker, as wasm: several times faster).
func DecodePart(in []byte, v any) error {
	if req, ok := v.(*core.DecideRequest); ok && scanV1Parts {
		return readDecideV1(in, req, true, keysChecked)
	}
	return decodeWith(in, v, strict, keysChecked)
}

// DecodeDecideV1InPlace reads a decide request of ABI version 1 that is part
// of a body Decode has read, as DecodePart does, but a plainly valid request
// is read by the scanner with its strings pointing into in instead of copied:
// natively as fast as go-json with a thousandth of its allocations (the
// server's verify). in must stay unchanged while req is in use. Anything else
// goes to the library, copying, with DecodePart's errors.
func DecodeDecideV1InPlace(in []byte, req *core.DecideRequest) error {
	return readDecideV1(in, req, false, keysChecked)
}

// ScanDecideV1InPlace reads a plainly valid decide request of ABI version 1
// (exact field names, each once, no nulls) with the scanner alone, its
// strings pointing into in, and reports whether it could. Every object of a
// request it reads had each key once, so no separate scan for repeated keys
// is needed. When it reports false, req is zero and the caller reads in the
// usual way (Decode), which accepts it as well or words the error.
func ScanDecideV1InPlace(in []byte, req *core.DecideRequest) bool {
	s := &scanner{in: in, elem: -1}
	if err := s.decideV1(req); err == nil && s.end() == nil {
		return true
	}
	*req = core.DecideRequest{}
	return false
}
