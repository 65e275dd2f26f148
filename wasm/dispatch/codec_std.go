//go:build (wasm && !inviteguard_gojson) || inviteguard_stdjson

package dispatch

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// The JSON library of core.wasm and the Worker: encoding/json, a megabyte
// less code than go-json as wasm (RATIONALE.md, "Why two JSON libraries?").
// It answers byte for byte as codec_gojson.go does natively; build natively
// with -tags inviteguard_stdjson to run the golden cases on it.

// unmarshal decodes in into v with the options (encoding/json always copies strings).
func unmarshal(in []byte, v any, opts ...decodeOption) error {
	var probe struct{}
	if err := json.Unmarshal(in, &probe); err != nil {
		var typ *json.UnmarshalTypeError
		if !errors.As(err, &typ) {
			return err // a syntax error or trailing data, found before any decoding
		}
	}
	d := json.NewDecoder(bytes.NewReader(in))
	for _, o := range opts {
		if o == strict {
			d.DisallowUnknownFields()
		}
	}
	if err := d.Decode(v); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) && typ.Field != "" {
			typ.Field = withIndexes(in, typ.Field, typ.Offset)
		}
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("json: trailing data after the request")
	}
	return nil
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

// withIndexes puts the array indexes into a type error's field path, which
// encoding/json leaves out ("recipients.selected" → "recipients.0.selected"):
// it follows the path through in to the element that holds the byte before
// offset (the end of the wrong value).
func withIndexes(in []byte, field string, offset int64) string {
	s := &scanner{in: in, elem: -1, copyStrings: true}
	var out []string
	for _, part := range strings.Split(field, ".") {
		if !s.seekKey(part) {
			return field
		}
		out = append(out, part)
		for s.peek() == '[' {
			i, ok := s.seekElement(int(offset) - 1)
			if !ok {
				return field
			}
			out = append(out, strconv.Itoa(i))
		}
	}
	return strings.Join(out, ".")
}

// seekKey moves from the start of an object to the value of key (matched
// without regard to case, as encoding/json matches fields).
func (s *scanner) seekKey(key string) bool {
	found := false
	errFound := errors.New("found")
	err := s.object("", func(k string) error {
		if strings.EqualFold(k, key) {
			found = true
			return errFound
		}
		return s.skip(0)
	})
	return found && err == errFound
}

// seekElement moves from the start of an array to the element that holds
// byte at and returns its index.
func (s *scanner) seekElement(at int) (int, bool) {
	s.pos++ // '['
	for i := 0; ; i++ {
		s.ws()
		start := s.pos
		if err := s.skip(0); err != nil {
			return 0, false
		}
		if start <= at && at < s.pos {
			s.pos = start
			return i, true
		}
		switch s.peek() {
		case ',':
			s.pos++
		default:
			return 0, false
		}
	}
}

// marshal encodes v without HTML escaping (the response is data, never
// embedded in a page).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// scanV1Parts: encoding/json is the library here: the scanner reads a plainly valid decide request of version 1 several times faster as wasm (DecodePart).
const scanV1Parts = true
