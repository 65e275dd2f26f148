package dispatch

import (
	"bytes"
	"strconv"
	"strings"
)

// bigObject is the key count from which an object's keys are checked with a
// map instead of by comparing each new key with the ones before it.
const bigObject = 32

// duplicateKey returns the path of the first key that appears twice in one
// object of in ("now", "recipients[2].key") and whether there is one. in must
// be valid JSON (decodeWith calls it after a successful decode). Keys are
// compared after unescaping, so "a" and "\u0061" are the same key. It does
// not allocate for objects of up to bigObject keys.
func duplicateKey(in []byte) (string, bool) {
	s := dupScan{in: in}
	s.value()
	return s.dup, s.found
}

// segment is one step of a path: an object key (raw, as in the input) or,
// when key is nil, an array index.
type segment struct {
	key   []byte
	index int
}

// dupScan walks a valid JSON document once, keeping the keys of the open
// objects on one stack.
type dupScan struct {
	in    []byte
	i     int
	keys  [][]byte
	path  []segment
	found bool
	dup   string
}

func (s *dupScan) space() {
	for s.i < len(s.in) {
		switch s.in[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *dupScan) value() {
	s.space()
	if s.i >= len(s.in) {
		return
	}
	switch s.in[s.i] {
	case '{':
		s.object()
	case '[':
		s.array()
	case '"':
		s.str()
	default: // a number, true, false or null
		for s.i < len(s.in) && !endsScalar(s.in[s.i]) {
			s.i++
		}
	}
}

// endsScalar reports whether c ends a number, true, false or null.
func endsScalar(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

// str consumes a string and returns its raw content (escapes kept).
func (s *dupScan) str() []byte {
	start := s.i + 1
	for j := start; j < len(s.in); j++ {
		switch s.in[j] {
		case '\\':
			j++
		case '"':
			s.i = j + 1
			return s.in[start:j]
		}
	}
	s.i = len(s.in)
	return s.in[start:]
}

func (s *dupScan) object() {
	s.i++ // {
	base := len(s.keys)
	defer func() { s.keys = s.keys[:base] }()
	var big map[string]struct{}
	for !s.found {
		s.space()
		if s.i >= len(s.in) || s.in[s.i] == '}' {
			s.i++
			return
		}
		if s.in[s.i] == ',' {
			s.i++
			continue
		}
		key := s.str()
		if big == nil && len(s.keys)-base >= bigObject {
			big = make(map[string]struct{}, 2*bigObject)
			for _, k := range s.keys[base:] {
				big[unescapeKey(k)] = struct{}{}
			}
		}
		if s.repeated(s.keys[base:], big, key) {
			s.found, s.dup = true, s.pathTo(key)
			return
		}
		s.keys = append(s.keys, key)
		s.space()
		s.i++ // :
		s.path = append(s.path, segment{key: key})
		s.value()
		s.path = s.path[:len(s.path)-1]
	}
}

// repeated reports whether key is among the object's earlier keys (in big
// when the object is large, else in prev).
func (s *dupScan) repeated(prev [][]byte, big map[string]struct{}, key []byte) bool {
	if big != nil {
		k := unescapeKey(key)
		if _, ok := big[k]; ok {
			return true
		}
		big[k] = struct{}{}
		return false
	}
	escaped := bytes.IndexByte(key, '\\') >= 0
	for _, p := range prev {
		if bytes.Equal(p, key) {
			return true
		}
		if (escaped || bytes.IndexByte(p, '\\') >= 0) && unescapeKey(p) == unescapeKey(key) {
			return true
		}
	}
	return false
}

func (s *dupScan) array() {
	s.i++ // [
	s.path = append(s.path, segment{})
	defer func() { s.path = s.path[:len(s.path)-1] }()
	for n := 0; !s.found; n++ {
		s.space()
		if s.i >= len(s.in) || s.in[s.i] == ']' {
			s.i++
			return
		}
		if s.in[s.i] == ',' {
			s.i++
		}
		s.path[len(s.path)-1].index = n
		s.value()
	}
}

// pathTo formats the path of key inside the current object, in the style of
// the decoder's other messages: recipients[2].key.
func (s *dupScan) pathTo(key []byte) string {
	var b strings.Builder
	for _, seg := range append(s.path, segment{key: key}) {
		if seg.key == nil {
			b.WriteString("[" + strconv.Itoa(seg.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(unescapeKey(seg.key))
	}
	return b.String()
}

// unescapeKey returns a raw key's text with its JSON escapes resolved.
func unescapeKey(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	s := scanner{in: append(append([]byte{'"'}, raw...), '"'), elem: -1, copyStrings: true}
	out, err := s.str("key")
	if err != nil {
		return string(raw)
	}
	return out
}
