//go:build (!wasm || inviteguard_gojson) && !inviteguard_stdjson

package dispatch

import (
	"errors"
	"strings"

	json "github.com/goccy/go-json"
)

// The JSON library of native builds: goccy/go-json, the fastest natively.
// core.wasm and the Worker use encoding/json instead (codec_std.go): as wasm
// go-json is a megabyte more code, and the hot operation has its own
// decoder there anyway (RATIONALE.md, "Why two JSON libraries?"). Both give
// the same bytes: every golden case runs in both builds.

// strictFlags are the decode option flags of a Decoder with
// DisallowUnknownFields. go-json offers that option only on its stream
// Decoder; Unmarshal (faster, and it rejects trailing data) takes the same
// flags through a DecodeOptionFunc, so they are read once from a Decoder here.
// TestDecodeRejectsUnknownFields fails if this ever stops working.
var strictFlags = func() json.DecodeOption {
	var captured json.DecodeOption
	d := json.NewDecoder(strings.NewReader("{}"))
	d.DisallowUnknownFields()
	var v struct{}
	_ = d.DecodeWithOption(&v, func(o *json.DecodeOption) { captured = *o })
	return captured
}()

// unmarshal decodes in into v with the options.
func unmarshal(in []byte, v any, opts ...decodeOption) error {
	var fs []json.DecodeOptionFunc
	for _, o := range opts {
		switch o {
		case strict:
			fs = append(fs, func(o *json.DecodeOption) { o.Flags |= strictFlags.Flags })
		case noCopy:
			fs = append(fs, json.DecodeNoCopyString())
		}
	}
	return json.UnmarshalWithOption(in, v, fs...)
}

// jsonValid reports whether in is one JSON value.
func jsonValid(in []byte) bool { return json.Valid(in) }

// libError extracts a syntax or type error.
func libError(err error) (jsonError, bool) {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return jsonError{syntax: true, offset: syntax.Offset, msg: syntax.Error()}, true
	case errors.As(err, &typ):
		return jsonError{offset: typ.Offset, field: typ.Field, value: typ.Value, typ: typ.Type}, true
	}
	return jsonError{}, false
}

// encodeOptions: the response is data, never embedded in HTML, so <, > and &
// are written as they are.
var encodeOptions = []json.EncodeOptionFunc{json.DisableHTMLEscape()}

// marshal encodes v.
func marshal(v any) ([]byte, error) { return json.MarshalWithOption(v, encodeOptions...) }

// scanV1Parts: go-json reads a decide request of version 1 faster natively than the scanner (DecodePart).
const scanV1Parts = false
