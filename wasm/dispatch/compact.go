package dispatch

import (
	"bytes"
	"time"
	"unsafe"

	"github.com/inviteguard/inviteguard/core"
)

// IsCompact reports whether a decide request is in the compact form of ABI
// version 2: an object whose first key is "v" (core.CompactDecideRequest).
// Anything else is read as version 1.
func IsCompact(in []byte) bool {
	s := scanner{in: in, elem: -1}
	if s.peek() != '{' {
		return false
	}
	s.pos++
	if s.peek() != '"' {
		return false
	}
	return bytes.HasPrefix(in[s.pos:], []byte(`"v"`))
}

// decideCompact is the handler of a compact decide request.
func decideCompact(in []byte) ([]byte, error) {
	var req core.CompactDecideRequest
	if err := decodeCompact(in, &req, false); err != nil {
		return nil, err
	}
	d, err := core.DecideCompact(req)
	if err != nil {
		return nil, err
	}
	return decisionEnvelope(&d)
}

// decodeCompact reads a compact decide request strictly: unknown and repeated
// fields, wrong types, trailing data and malformed JSON are CodeInvalid
// errors naming the field or the byte offset. Field names match exactly.
// Unless copyStrings, strings without escapes point into in.
func decodeCompact(in []byte, req *core.CompactDecideRequest, copyStrings bool) error {
	s := &scanner{in: in, copyStrings: copyStrings, elem: -1}
	if s.peek() != '{' {
		if s.peek() == 0 {
			return core.Errorf(core.CodeInvalid, "empty request: expected a JSON object")
		}
		return core.Errorf(core.CodeInvalid, "request must be a JSON object, got %s", jsonKindOf(s.peek()))
	}
	seen := map[string]bool{}
	err := s.object("request", func(key string) error {
		if seen[key] {
			return core.Errorf(core.CodeInvalid, "duplicate key %q: a key may appear only once in an object", key)
		}
		seen[key] = true
		if s.null() {
			return nil
		}
		return compactField(s, key, req)
	})
	if err != nil {
		return err
	}
	return s.end()
}

// compactField reads the value of one field of a compact request.
func compactField(s *scanner, key string, req *core.CompactDecideRequest) error {
	var err error
	var v int64
	switch key {
	case "v":
		v, err = s.int(key)
		req.V = int(v)
	case "network":
		var n string
		n, err = s.str(key)
		req.Network = core.Network(n)
	case "surface":
		var n string
		n, err = s.str(key)
		req.Surface = core.Surface(n)
	case "target":
		req.Target, err = s.str(key)
	case "message":
		req.Message, err = s.str(key)
	case "now":
		req.Now, err = s.time(key)
	case "policy":
		req.Policy, err = s.policy(key)
	case "recentMessages":
		req.RecentMessages, err = s.strings(key)
	case "keys":
		req.Keys, err = s.strings(key)
	case "names":
		req.Names, err = s.strings(key)
	case "scopes":
		req.Scopes, err = s.strings(key)
	case "rows":
		req.Rows, err = readInts[int](s, key)
	case "history":
		req.History, err = s.ints(key)
	case "invited":
		req.Invited, err = s.ints(key)
	default:
		return core.Errorf(core.CodeInvalid, "unknown field %q", key)
	}
	return err
}

// strings reads an array of strings. Elements written plainly — a string
// without escapes right after the comma — are read on a fast path; any other
// element goes through str, which reads (and words errors for) everything.
func (s *scanner) strings(field string) ([]string, error) {
	out := make([]string, 0, 16)
	if empty, err := s.open(field); empty || err != nil {
		return out, err
	}
	defer func() { s.elem = -1 }()
	in := s.in
	for {
		if p := s.pos; p < len(in) && in[p] == '"' && !s.copyStrings {
			if end, ok := plainString(in, p+1); ok && end+1 < len(in) && (in[end+1] == ',' || in[end+1] == ']') {
				v := ""
				if end > p+1 {
					v = unsafe.String(&in[p+1], end-p-1)
				}
				out = append(out, v)
				s.pos = end + 2
				if in[end+1] == ']' {
					return out, nil
				}
				continue
			}
		}
		s.elem = len(out)
		v, err := s.str(field)
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if done, err := s.next(); done || err != nil {
			return out, err
		}
	}
}

// open reads the opening bracket of an array and reports whether the array
// is empty (its closing bracket read too).
func (s *scanner) open(field string) (empty bool, err error) {
	if s.peek() != '[' {
		return false, s.typeErr(field, "an array")
	}
	s.pos++
	if s.peek() == ']' {
		s.pos++
		return true, nil
	}
	return false, nil
}

// next reads what follows an array element: a comma (false) or the closing
// bracket (true).
func (s *scanner) next() (done bool, err error) {
	switch s.peek() {
	case ',':
		s.pos++
		return false, nil
	case ']':
		s.pos++
		return true, nil
	}
	return false, s.syntax("after array element")
}

// ints reads an array of integers. Elements written plainly — up to 15
// digits without a sign or a leading zero, right after the comma and right
// before the next comma or the bracket — are read on a fast path with no
// call per element (as wasm a call costs more than a digit); any other
// element goes through int, which reads (and words errors for) everything.
func (s *scanner) ints(field string) ([]int64, error) { return readInts[int64](s, field) }

// readInts is ints for a list of any integer type: the rows are read
// straight into the []int of the request, without a list of int64 to convert.
func readInts[T int | int64](s *scanner, field string) ([]T, error) {
	out := make([]T, 0, 64)
	if empty, err := s.open(field); empty || err != nil {
		return out, err
	}
	defer func() { s.elem = -1 }()
	in := s.in
	for {
		p := s.pos
		var n T
		i := p
		// One bound (lim) instead of two per digit. (A range over
		// in[p:lim] with one unsigned comparison a digit was slower as
		// wasm: BenchmarkInts under internal/wasmrun.)
		for lim := min(p+15, len(in)); i < lim && '0' <= in[i] && in[i] <= '9'; i++ {
			n = n*10 + T(in[i]-'0')
		}
		if i > p && (i == p+1 || in[p] != '0') && i < len(in) && (in[i] == ',' || in[i] == ']') {
			out = append(out, n)
			s.pos = i + 1
			if in[i] == ']' {
				return out, nil
			}
			continue
		}
		s.elem = len(out)
		v, err := s.int(field)
		if err != nil {
			return out, err
		}
		out = append(out, T(v))
		if done, err := s.next(); done || err != nil {
			return out, err
		}
	}
}

// time reads an RFC 3339 time as version 1 does.
func (s *scanner) time(field string) (time.Time, error) {
	if s.peek() != '"' {
		return time.Time{}, s.typeErr(field, "an RFC 3339 time string")
	}
	start := s.pos
	if _, err := s.str(field); err != nil {
		return time.Time{}, err
	}
	var t time.Time
	if err := t.UnmarshalJSON(s.in[start:s.pos]); err != nil {
		return time.Time{}, decodeError(err)
	}
	return t, nil
}

// policy reads the policy object with the decoder of version 1.
func (s *scanner) policy(field string) (*core.Policy, error) {
	if s.peek() != '{' {
		return nil, s.typeErr(field, "an object")
	}
	raw, err := s.raw()
	if err != nil {
		return nil, err
	}
	var p core.Policy
	if err := decodeWith(raw, &p, strict); err != nil {
		return nil, core.Errorf(core.CodeInvalid, "%s: %s", field, core.ErrorMessage(err))
	}
	return &p, nil
}
