package dispatch

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/inviteguard/inviteguard/core"
)

// scanner reads JSON values from a request one by one: the purpose-written
// decoder of the compact decide request (compact.go). It is a few hundred
// lines instead of a reflective decoder because it runs as wasm, where
// every function call and every allocation costs several times what it
// costs natively (RATIONALE.md, "Why a purpose-written decoder?").
type scanner struct {
	in  []byte
	pos int
	// copyStrings makes str copy every string; without it a string without
	// escapes points into in, which must then outlive the decoded values.
	copyStrings bool
	// elem is the index of the array element being read, -1 outside
	// arrays of values: errors name "field[elem]".
	elem int
}

// name is field, with the element index while an array's elements are read.
func (s *scanner) name(field string) string {
	if s.elem < 0 {
		return field
	}
	return field + "[" + strconv.Itoa(s.elem) + "]"
}

// ws skips white space.
func (s *scanner) ws() {
	for s.pos < len(s.in) {
		switch s.in[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.pos < len(s.in) {
		return s.in[s.pos]
	}
	return 0
}

// syntax is the malformed-JSON error at the current position.
func (s *scanner) syntax(what string) error {
	if s.pos >= len(s.in) {
		return core.Errorf(core.CodeInvalid, "malformed JSON at byte %d: unexpected end of JSON input", s.pos)
	}
	return core.Errorf(core.CodeInvalid, "malformed JSON at byte %d: invalid character %s %s", s.pos, quoteChar(s.in[s.pos]), what)
}

// quoteChar quotes a byte as encoding/json's syntax errors do.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// typeErr says that field holds the wrong kind of value at the current position.
func (s *scanner) typeErr(field, want string) error {
	got := strings.TrimPrefix(strings.TrimPrefix(jsonKindOf(s.peek()), "a "), "an ")
	return core.Errorf(core.CodeInvalid, "%s: expected %s, got %s (at byte %d)", s.name(field), want, got, s.pos)
}

// null consumes a null and reports whether there was one.
func (s *scanner) null() bool {
	if s.peek() == 'n' && s.pos+4 <= len(s.in) && string(s.in[s.pos:s.pos+4]) == "null" {
		s.pos += 4
		return true
	}
	return false
}

// object reads an object, calling field for every key with the scanner at its value.
func (s *scanner) object(name string, field func(key string) error) error {
	if s.peek() != '{' {
		return s.typeErr(name, "an object")
	}
	s.pos++
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.syntax("looking for beginning of object key string")
		}
		key, err := s.str("object key")
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.syntax("after object key")
		}
		s.pos++
		if err := field(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.syntax("after object key:value pair")
		}
	}
}

// array reads an array, calling elem with the scanner at each element.
func (s *scanner) array(name string, elem func() error) error {
	if s.peek() != '[' {
		return s.typeErr(name, "an array")
	}
	s.pos++
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.syntax("after array element")
		}
	}
}

// str reads a string (field names the value in an error).
func (s *scanner) str(field string) (string, error) {
	if s.peek() != '"' {
		return "", s.typeErr(field, "a string")
	}
	s.pos++
	start := s.pos
	if end, ok := plainString(s.in, start); ok {
		s.pos = end + 1
		b := s.in[start:end]
		if s.copyStrings || len(b) == 0 {
			return string(b), nil
		}
		return unsafe.String(&b[0], len(b)), nil
	}
	for s.pos < len(s.in) {
		c := s.in[s.pos]
		switch {
		case c == '"':
			b := s.in[start:s.pos]
			s.pos++
			if s.copyStrings || len(b) == 0 {
				return string(b), nil
			}
			return unsafe.String(&b[0], len(b)), nil
		case c == '\\':
			return s.escaped(start)
		case c < 0x20:
			return "", s.syntax("in string literal")
		}
		s.pos++
	}
	return "", s.syntax("")
}

// plainString finds the closing quote of a string whose contents start at
// start and reports whether the contents are plain: no escape and no control
// character. Then end is the index of the closing quote; otherwise the caller
// reads the string byte by byte (and words any error). It is the fast path of
// str as wasm: bytes.IndexByte is a wasm loop of its own (internal/bytealg),
// and the contents are checked eight bytes at a time, where the byte loop
// costs several wasm instructions a byte.
func plainString(in []byte, start int) (end int, ok bool) {
	q := bytes.IndexByte(in[start:], '"')
	if q < 0 {
		return 0, false
	}
	body := in[start : start+q]
	i := 0
	for ; i+8 <= len(body); i += 8 {
		if specialBytes(binary.LittleEndian.Uint64(body[i:])) {
			return 0, false
		}
	}
	for ; i < len(body); i++ {
		if c := body[i]; c < 0x20 || c == '\\' {
			return 0, false
		}
	}
	return start + q, true
}

// specialBytes reports whether any of the eight bytes in w is a control
// character (< 0x20) or a backslash (the classic "has a zero byte" test on w
// and on w with every backslash turned into zero).
func specialBytes(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	bs := w ^ (ones * '\\')
	return ((w-ones*0x20)&^w|(bs-ones)&^bs)&highs != 0
}

// escaped finishes a string with escapes that started at start: it is copied.
func (s *scanner) escaped(start int) (string, error) {
	b := append([]byte(nil), s.in[start:s.pos]...)
	for s.pos < len(s.in) {
		c := s.in[s.pos]
		switch {
		case c == '"':
			s.pos++
			return string(b), nil
		case c < 0x20:
			return "", s.syntax("in string literal")
		case c != '\\':
			b = append(b, c)
			s.pos++
			continue
		}
		s.pos++
		if s.pos >= len(s.in) {
			break
		}
		switch e := s.in[s.pos]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := s.hex4(s.pos + 1)
			if !ok {
				return "", s.syntax("in \\u hexadecimal character escape")
			}
			s.pos += 4
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(-1), false
				if s.pos+6 < len(s.in) && s.in[s.pos+1] == '\\' && s.in[s.pos+2] == 'u' {
					r2, ok2 = s.hex4(s.pos + 3)
				}
				if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
					r = dec
					s.pos += 6
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", s.syntax("in string escape code")
		}
		s.pos++
	}
	return "", s.syntax("")
}

// hex4 reads four hex digits at i.
func (s *scanner) hex4(i int) (rune, bool) {
	if i+4 > len(s.in) {
		return 0, false
	}
	var r rune
	for _, c := range s.in[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// int reads an integer that fits in 53 bits (exact as a JS number).
func (s *scanner) int(field string) (int64, error) {
	c := s.peek()
	if c != '-' && (c < '0' || c > '9') {
		return 0, s.typeErr(field, "an integer")
	}
	start := s.pos
	neg := c == '-'
	if neg {
		s.pos++
	}
	var n int64
	digits := 0
	for s.pos < len(s.in) && '0' <= s.in[s.pos] && s.in[s.pos] <= '9' {
		n = n*10 + int64(s.in[s.pos]-'0')
		s.pos++
		digits++
		if n > 1<<53 {
			return 0, core.Errorf(core.CodeInvalid, "%s: %s is out of range (at byte %d)", s.name(field), s.in[start:s.pos], start)
		}
	}
	if digits == 0 || (digits > 1 && s.in[start+btoi(neg)] == '0') {
		return 0, s.syntax("in numeric literal")
	}
	if s.pos < len(s.in) && (s.in[s.pos] == '.' || s.in[s.pos] == 'e' || s.in[s.pos] == 'E') {
		return 0, core.Errorf(core.CodeInvalid, "%s: expected an integer, got a fraction (at byte %d)", s.name(field), start)
	}
	if neg {
		n = -n
	}
	return n, nil
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// raw reads any one value and returns its bytes, checking its syntax.
func (s *scanner) raw() ([]byte, error) {
	start := s.pos
	if err := s.skip(0); err != nil {
		return nil, err
	}
	return s.in[start:s.pos], nil
}

// maxDepth bounds the nesting skip follows.
const maxDepth = 100

// skip reads one value of any kind.
func (s *scanner) skip(depth int) error {
	if depth > maxDepth {
		return core.Errorf(core.CodeInvalid, "malformed JSON at byte %d: nested too deep", s.pos)
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object("value", func(string) error { return s.skip(depth + 1) })
	case c == '[':
		return s.array("value", func() error { return s.skip(depth + 1) })
	case c == '"':
		_, err := s.str("value")
		return err
	case c == '-' || '0' <= c && c <= '9':
		s.pos++
		for s.pos < len(s.in) && (s.in[s.pos] >= '0' && s.in[s.pos] <= '9' || s.in[s.pos] == '.' || s.in[s.pos] == 'e' ||
			s.in[s.pos] == 'E' || s.in[s.pos] == '+' || s.in[s.pos] == '-') {
			s.pos++
		}
		return nil
	}
	for _, lit := range []string{"true", "false", "null"} {
		if s.pos+len(lit) <= len(s.in) && string(s.in[s.pos:s.pos+len(lit)]) == lit {
			s.pos += len(lit)
			return nil
		}
	}
	return s.syntax("looking for beginning of value")
}

// end checks that nothing but white space follows the value.
func (s *scanner) end() error {
	if s.peek() != 0 {
		return s.syntax("after top-level value")
	}
	return nil
}
