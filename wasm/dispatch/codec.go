package dispatch

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// decodeOption is an option of decodeWith.
type decodeOption int

const (
	// strict makes an unknown object key an error.
	strict decodeOption = iota + 1
	// noCopy makes decoded strings point into the input instead of copying
	// them: a third fewer allocations on large requests. Only Call uses it,
	// where the input outlives every decoded string (the response is encoded
	// before Call returns and nothing is kept); Decode, whose callers may keep
	// the values and reuse their buffers, copies.
	noCopy
	// keysChecked skips the check for repeated keys: in is part of a body
	// whose every object was checked already (DecodePart).
	keysChecked
)

// decode reads a JSON object into v (see decodeWith).
func decode(in []byte, v any) error { return decodeWith(in, v, strict) }

// decodeWith reads a JSON object into v with the given options. Unknown
// fields, trailing data, a non-object and an empty request are errors; every
// error is a CodeInvalid *core.Error with a message that names the field or
// the byte offset. A key repeated within one object is refused too (naming
// it): which of the two values counts would depend on the decoder, and a
// check that read the first could pass what the core reads as the second.
func decodeWith(in []byte, v any, opts ...decodeOption) error {
	trimmed := bytes.TrimSpace(in)
	if len(trimmed) == 0 {
		return core.Errorf(core.CodeInvalid, "empty request: expected a JSON object")
	}
	if trimmed[0] != '{' && jsonValid(trimmed) {
		return core.Errorf(core.CodeInvalid, "request must be a JSON object, got %s", jsonKindOf(trimmed[0]))
	}
	if err := unmarshal(in, v, opts...); err != nil {
		return decodeError(err)
	}
	if slices.Contains(opts, keysChecked) {
		return nil
	}
	if path, ok := duplicateKey(trimmed); ok {
		return core.Errorf(core.CodeInvalid, "duplicate key %q: a key may appear only once in an object", path)
	}
	return nil
}

// decodeError turns an error of the JSON library into a CodeInvalid *core.Error.
func decodeError(err error) *core.Error {
	var tm *time.ParseError
	if e, ok := libError(err); ok {
		switch {
		case e.syntax:
			return core.Errorf(core.CodeInvalid, "malformed JSON at byte %d: %s", e.offset, e.msg)
		case e.field == "":
			return core.Errorf(core.CodeInvalid, "request must be a JSON object, got %s", e.value)
		default:
			return core.Errorf(core.CodeInvalid, "%s: expected %s, got %s (at byte %d)", fieldPath(e.field), goKind(e.typ), e.value, e.offset)
		}
	}
	if errors.As(err, &tm) {
		return core.Errorf(core.CodeInvalid, "invalid time %q: expected RFC 3339 such as 2026-01-02T15:04:05Z", tm.Value)
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return core.Errorf(core.CodeInvalid, "unknown field %s", name)
	}
	return core.Errorf(core.CodeInvalid, "bad request: %s", strings.TrimPrefix(msg, "json: "))
}

// jsonError is what decodeError needs of a syntax or type error of the JSON library.
type jsonError struct {
	syntax bool
	offset int64
	msg    string       // a syntax error's text
	field  string       // a type error's field path, "recipients.0.selected"
	value  string       // a type error's JSON value ("string", "number -7")
	typ    reflect.Type // a type error's Go type
}

// fieldPath turns go-json's "recipients.0.selected" into "recipients[0].selected".
func fieldPath(field string) string {
	parts := strings.Split(field, ".")
	var b strings.Builder
	for i, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && i > 0 {
			b.WriteString("[" + p + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// goKind names the JSON type a Go type is read from.
func goKind(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	if t == reflect.TypeOf(time.Time{}) {
		return "an RFC 3339 time string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return goKind(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a value"
}

// jsonKindOf names the JSON value that starts with byte c.
func jsonKindOf(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// okBody is the envelope of a successful call.
type okBody[T any] struct {
	OK *T `json:"ok"`
}

// okEnvelope encodes {"ok":<v>} in one pass: the result is marshalled inside
// its envelope, not into a buffer of its own that is then copied.
func okEnvelope[T any](v *T) ([]byte, error) {
	out, err := marshal(&okBody[T]{OK: v})
	if err != nil {
		return nil, core.Errorf(core.CodeInternal, "encoding the result: %v", err)
	}
	return out, nil
}

// errorBody is the envelope of a failed call.
type errorBody struct {
	Error *core.Error `json:"error"`
}

// errorEnvelope encodes {"error":{"code":…,"message":…}}; an error that is not
// a *core.Error becomes an internal one.
func errorEnvelope(err error) []byte {
	var e *core.Error
	if !errors.As(err, &e) {
		e = &core.Error{Code: core.CodeInternal, Message: err.Error()}
	}
	out, merr := marshal(errorBody{Error: e})
	if merr != nil {
		return []byte(`{"error":{"code":"internal","message":"encoding an error failed"}}`)
	}
	return out
}
