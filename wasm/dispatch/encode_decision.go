package dispatch

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/inviteguard/inviteguard/core"
)

// decisionEnvelope encodes {"ok":<d>} by hand: the same bytes as the JSON
// library (fields in declaration order, omitempty, map keys sorted, no HTML
// escaping), several times faster as wasm, where a reflective encoder pays
// for every call and every type switch (RATIONALE.md, "Why a
// purpose-written decoder?"). TestDecisionEncoder compares the two. The
// buffer is sized for the whole answer up front (decisionSize), so it is
// allocated once.
func decisionEnvelope(d *core.Decision) ([]byte, error) {
	b := make([]byte, 0, decisionSize(d))
	b = append(b, `{"ok":`...)
	b, err := appendDecision(b, d)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// decisionSize is about the length of d as JSON, a little more for plain
// keys: the fixed fields, each flagged row with its key and flags, each
// suggested index.
func decisionSize(d *core.Decision) int {
	n := 1024 + 8*len(d.Suggested)
	for i := range d.Flagged {
		f := &d.Flagged[i]
		n += len(`{"index":,"key":"","flags":[],"until":""},`) + 10 + len(f.Key) + len(`"2006-01-02T15:04:05.999999999Z"`)
		for _, fl := range f.Flags {
			n += len(fl) + 3
		}
	}
	if d.Message != nil {
		n += 256 * (len(d.Message.Issues) + 1)
	}
	return n
}

// appendDecision appends d as JSON.
func appendDecision(b []byte, d *core.Decision) ([]byte, error) {
	b = append(b, `{"verdict":`...)
	b = appendString(b, string(d.Verdict))
	b = append(b, `,"friction":`...)
	b = appendString(b, string(d.Friction))
	b = appendInt(b, `,"count":`, d.Count)
	if d.ConfirmText != "" {
		b = append(b, `,"confirmText":`...)
		b = appendString(b, d.ConfirmText)
	}
	b = appendInt(b, `,"undoSeconds":`, d.UndoSeconds)
	bd := &d.Breakdown
	b = appendInt(b, `,"breakdown":{"selected":`, bd.Selected)
	b = appendInt(b, `,"members":`, bd.Members)
	b = appendInt(b, `,"notMembers":`, bd.NotMembers)
	b = appendInt(b, `,"unknown":`, bd.Unknown)
	b = appendInt(b, `,"recentlyInvited":`, bd.RecentlyInvited)
	b = appendInt(b, `,"reinviteLocked":`, bd.ReinviteLocked)
	b = appendInt(b, `,"inTarget":`, bd.InTarget)
	b = appendInt(b, `,"optedOut":`, bd.OptedOut)
	b = appendInt(b, `,"duplicates":`, bd.Duplicates)
	b = appendInt(b, `,"overBudget":`, bd.OverBudget)
	b = append(b, `},"flagged":`...)
	b = appendList(b, d.Flagged, appendFlagged)
	b = append(b, `,"suggested":`...)
	b = appendInts(b, d.Suggested)
	b = appendInt(b, `,"budget":{"used":`, d.Budget.Used)
	b = appendInt(b, `,"limit":`, d.Budget.Limit)
	b = appendInt(b, `,"remaining":`, d.Budget.Remaining)
	b = append(b, `},"reasons":`...)
	var err error
	b = appendList(b, d.Reasons, func(b []byte, r *core.Reason) []byte {
		b = append(b, `{"code":`...)
		b = appendString(b, r.Code)
		if len(r.Params) > 0 {
			b = append(b, `,"params":`...)
			b, err = appendParams(b, r.Params, err)
		}
		return append(b, '}')
	})
	if d.Message != nil {
		b = append(b, `,"message":`...)
		b, err = appendMessageCheck(b, d.Message, err)
	}
	return append(b, '}'), err
}

// appendFlagged appends a flagged recipient.
func appendFlagged(b []byte, f *core.FlaggedRecipient) []byte {
	b = appendInt(b, `{"index":`, f.Index)
	b = append(b, `,"key":`...)
	b = appendString(b, f.Key)
	b = append(b, `,"flags":`...)
	b = appendList(b, f.Flags, func(b []byte, fl *core.Flag) []byte { return appendString(b, string(*fl)) })
	if f.Until != nil {
		b = append(b, `,"until":`...)
		b = appendTime(b, *f.Until)
	}
	return append(b, '}')
}

// appendMessageCheck appends a message check; err carries the first failure.
func appendMessageCheck(b []byte, m *core.MessageCheck, err error) ([]byte, error) {
	b = append(b, `{"ok":`...)
	b = strconv.AppendBool(b, m.OK)
	b = appendInt(b, `,"length":`, m.Length)
	b = appendInt(b, `,"max":`, m.Max)
	b = append(b, `,"issues":`...)
	b = appendList(b, m.Issues, func(b []byte, is *core.MessageIssue) []byte {
		b = append(b, `{"code":`...)
		b = appendString(b, is.Code)
		b = append(b, `,"severity":`...)
		b = appendString(b, is.Severity)
		if len(is.Params) > 0 {
			b = append(b, `,"params":`...)
			b, err = appendParams(b, is.Params, err)
		}
		return append(b, '}')
	})
	return append(b, '}'), err
}

// appendParams appends a map of parameters with its keys sorted; a value of
// a type other than int and string goes through the JSON library.
func appendParams(b []byte, params map[string]any, err error) ([]byte, error) {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		switch v := params[k].(type) {
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		case string:
			b = appendString(b, v)
		default:
			enc, merr := marshal(v)
			if merr != nil && err == nil {
				err = merr
			}
			b = append(b, enc...)
		}
	}
	return append(b, '}'), err
}

// appendList appends a JSON array of the elements (null for a nil slice, as
// the JSON library writes it).
func appendList[T any](b []byte, list []T, elem func([]byte, *T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, &list[i])
	}
	return append(b, ']')
}

// appendInt appends a field's prefix and an integer.
func appendInt(b []byte, prefix string, n int) []byte {
	return appendUint4(append(b, prefix...), n)
}

// appendInts appends a JSON array of integers (null for a nil slice), as
// appendList does without a call per element.
func appendInts(b []byte, list []int) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendUint4(b, n)
	}
	return append(b, ']')
}

// appendUint4 appends n in decimal as strconv.AppendInt does, writing the
// numbers 0–9999 (every row index: MaxRecipients is 10,000) digit by digit
// in one append: as wasm strconv's general formatting is two calls and a
// table lookup per pair of digits, for numbers of one to four digits.
func appendUint4(b []byte, n int) []byte {
	switch u := uint(n); {
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, byte('0'+u/10), byte('0'+u%10))
	case u < 1000:
		return append(b, byte('0'+u/100), byte('0'+u/10%10), byte('0'+u%10))
	case u < 10000:
		return append(b, byte('0'+u/1000), byte('0'+u/100%10), byte('0'+u/10%10), byte('0'+u%10))
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendTime appends t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds, trailing zeros dropped). A UTC time of the years 0000–9999 —
// every Until the core writes — is written digit by digit (appendUTC);
// anything else goes through time's own formatting.
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	if sec := t.Unix(); t.Location() == time.UTC && minYear0 <= sec && sec <= maxYear9999 {
		b = appendUTC(b, sec, t.Nanosecond())
	} else {
		b = t.AppendFormat(b, time.RFC3339Nano)
	}
	return append(b, '"')
}

// The Unix seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
const minYear0, maxYear9999 = -62167219200, 253402300799

// appendUTC appends the Unix time sec (years 0000–9999) plus nsec
// nanoseconds as RFC 3339 in UTC: 2006-01-02T15:04:05.999999999Z. The civil
// date comes from the day number by Howard Hinnant's days-to-civil algorithm
// (proleptic Gregorian calendar, as package time).
func appendUTC(b []byte, sec int64, nsec int) []byte {
	days := sec / 86400
	rem := sec - days*86400
	if rem < 0 {
		days--
		rem += 86400
	}
	z := days + 719468 // days since 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], from March
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	year := yoe + era*400
	if month > 12 {
		month -= 12
		year++
	}
	var buf [30]byte
	put2 := func(i int, v int64) { buf[i], buf[i+1] = byte('0'+v/10), byte('0'+v%10) }
	put2(0, year/100)
	put2(2, year%100)
	buf[4] = '-'
	put2(5, month)
	buf[7] = '-'
	put2(8, day)
	buf[10] = 'T'
	put2(11, rem/3600)
	buf[13] = ':'
	put2(14, rem/60%60)
	buf[16] = ':'
	put2(17, rem%60)
	n := 19
	if nsec != 0 {
		buf[n] = '.'
		for i := 9; i >= 1; i-- {
			buf[n+i] = byte('0' + nsec%10)
			nsec /= 10
		}
		n += 10
		for buf[n-1] == '0' {
			n--
		}
	}
	buf[n] = 'Z'
	return append(b, buf[:n+1]...)
}

// hexDigits are the digits of a \u escape.
const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string escaped as encoding/json does
// without HTML escaping (go-json writes the same): quote, backslash and
// control characters escaped (\b \f \n \r \t by name), invalid UTF-8 as
// U+FFFD, U+2028 and U+2029 as \u2028 and \u2029.
//
// The plain prefix of s — no byte that needs care — is found eight bytes at a
// time (escapeBytes), as the decoder does: as wasm the byte loop costs
// several instructions a byte.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if escapeBytes(uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56) {
			break
		}
	}
	start := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// escapeBytes reports whether any of the eight bytes in w needs care in a
// JSON string: a control character (< 0x20), a quote, a backslash or a
// non-ASCII byte (which may be invalid UTF-8, U+2028 or U+2029). For ASCII
// bytes no subtraction borrows unless a byte matched, so there are no false
// positives; a non-ASCII byte answers true by its high bit.
func escapeBytes(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * '"')
	bs := w ^ (ones * '\\')
	return (w|(w-ones*0x20)|(q-ones)|(bs-ones))&highs != 0
}
