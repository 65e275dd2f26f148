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
// purpose-written decoder?"). TestDecisionEncoder compares the two.
func decisionEnvelope(d *core.Decision) ([]byte, error) {
	b := make([]byte, 0, 256+48*len(d.Flagged)+8*len(d.Suggested))
	b = append(b, `{"ok":`...)
	b, err := appendDecision(b, d)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
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
	b = appendList(b, d.Suggested, func(b []byte, i *int) []byte { return strconv.AppendInt(b, int64(*i), 10) })
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
	return strconv.AppendInt(append(b, prefix...), int64(n), 10)
}

// appendTime appends t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds, trailing zeros dropped).
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// hexDigits are the digits of a \u escape.
const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string escaped as encoding/json does
// without HTML escaping (go-json writes the same): quote, backslash and
// control characters escaped (\b \f \n \r \t by name), invalid UTF-8 as
// U+FFFD, U+2028 and U+2029 as \u2028 and \u2029.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
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
