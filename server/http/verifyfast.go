package httpapi

import (
	"bytes"

	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// readVerifyFast reads the usual verify body without the JSON library: an
// object of exactly "engineId" (a string without escapes), "request" (a
// request of ABI version 1 that dispatch's scanner reads plainly, each key
// of each object once) and "decision", each once, nothing after it. The
// decision is kept as the bytes between its bounds, unread: when they are the
// engine's answer they are valid by construction, and otherwise
// ReadDecision reads the whole body the usual way (readVerifySlow), so
// every error is the one it was. It reports false for any other body, which
// is then read the usual way from the start. What it saves per 1,000
// recipients: go-json's pass over the body and its copies of the request and
// decision, and the scan of every object for repeated keys (RATIONALE.md,
// "Why is verify over HTTP built this way?").
func readVerifyFast(raw []byte) (server.VerifyInput, bool) {
	var in server.VerifyInput
	e := envelope{in: raw}
	var seen uint8
	if e.peek() != '{' {
		return in, false
	}
	e.pos++
	for {
		key, ok := e.plainString()
		if !ok || e.peek() != ':' {
			return in, false
		}
		e.pos++
		e.peek()
		start := e.pos
		switch string(key) {
		case "engineId":
			id, ok := e.plainString()
			if !ok || seen&1 != 0 {
				return in, false
			}
			seen |= 1
			in.EngineID = string(id)
		case "request":
			// A compact request is left to the library before its end is looked for.
			if seen&2 != 0 || e.peek() != '{' || dispatch.IsCompact(raw[start:]) || !e.skip() {
				return in, false
			}
			seen |= 2
			req := raw[start:e.pos]
			if !dispatch.ScanDecideV1InPlace(req, &in.Request) {
				return in, false
			}
			in.Raw = req
		case "decision":
			if seen&4 != 0 || e.peek() != '{' || !e.skip() {
				return in, false
			}
			seen |= 4
			in.DecisionJSON = raw[start:e.pos]
		default:
			return in, false
		}
		switch e.peek() {
		case ',':
			e.pos++
			continue
		case '}':
			e.pos++
		default:
			return in, false
		}
		break
	}
	if seen != 7 || e.peek() != 0 {
		return in, false
	}
	return in, true
}

// envelope finds the bounds of a verify body's values.
type envelope struct {
	in  []byte
	pos int
}

// peek skips white space and returns the next byte, 0 at the end.
func (e *envelope) peek() byte {
	for e.pos < len(e.in) {
		switch c := e.in[e.pos]; c {
		case ' ', '\t', '\n', '\r':
			e.pos++
		default:
			return c
		}
	}
	return 0
}

// plainString reads a string without escapes or control characters (the body
// is valid UTF-8 already) and returns its contents.
func (e *envelope) plainString() ([]byte, bool) {
	if e.peek() != '"' {
		return nil, false
	}
	rest := e.in[e.pos+1:]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return nil, false
	}
	s := rest[:end]
	if bytes.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	for _, c := range s {
		if c < 0x20 {
			return nil, false
		}
	}
	e.pos += end + 2
	return s, true
}

// skip moves past the object or array at pos, following only brackets and
// strings: it finds the value's end, it does not check the value.
func (e *envelope) skip() bool {
	depth := 0
	for e.pos < len(e.in) {
		switch e.in[e.pos] {
		case '"':
			if !e.stringEnd() {
				return false
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				e.pos++
				return true
			}
		}
		e.pos++
	}
	return false
}

// stringEnd moves from a string's opening quote to its closing one, a quote
// at a time (bytes.IndexByte) rather than a byte at a time: most of a body is
// strings. A quote preceded by an odd number of backslashes is escaped.
func (e *envelope) stringEnd() bool {
	for {
		q := bytes.IndexByte(e.in[e.pos+1:], '"')
		if q < 0 {
			return false
		}
		e.pos += q + 1
		n := 0
		for j := e.pos - 1; e.in[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
	}
}
