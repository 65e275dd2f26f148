package dispatch

import (
	"strings"
	"testing"

	"github.com/inviteguard/inviteguard/core"
)

// TestDecodeRefusesDuplicateKeys: a key repeated within one object is an
// invalid error naming the key's path, at any depth and however it is escaped;
// the same key in different objects is fine.
func TestDecodeRefusesDuplicateKeys(t *testing.T) {
	many := func(dup bool) string {
		var b strings.Builder
		b.WriteString(`{"params":{`)
		for i := range 100 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"p` + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + `":1`)
		}
		if dup {
			b.WriteString(`,"pc":2`)
		}
		b.WriteString(`}}`)
		return b.String()
	}
	cases := map[string]struct {
		in   string
		want string // the path named, "" for no error
	}{
		"top level":                 {in: `{"from":"sent","event":"accept","from":"held"}`, want: "from"},
		"escaped":                   {in: `{"from":"sent","event":"accept","\u0066rom":"held"}`, want: "from"},
		"nested in an array":        {in: `{"network":"linkedin","surface":"connect","now":"2026-03-01T10:00:00Z","recipients":[{"key":"a","selected":true},{"key":"b","selected":true,"key":"c"}]}`, want: "recipients[1].key"},
		"large object":              {in: many(true), want: "params.pc"},
		"large object, unique":      {in: many(false)},
		"same key, other objects":   {in: `{"network":"linkedin","surface":"connect","now":"2026-03-01T10:00:00Z","recipients":[{"key":"a","name":"Dr. Ana O'Neil, MBA"},{"key":"b","name":"张伟 (he/him) 🚀"}]}`},
		"keys that only look alike": {in: `{"from":"sent","event":"accept","\u0066ro":1}`, want: "-unknown"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var req any = &core.TransitionRequest{}
			switch {
			case strings.Contains(c.in, `"network"`):
				req = &core.DecideRequest{}
			case strings.Contains(c.in, `"params"`):
				req = &map[string]any{}
			}
			err := decode([]byte(c.in), req)
			switch {
			case c.want == "":
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
			case c.want == "-unknown":
				if err == nil || strings.Contains(err.Error(), "duplicate") {
					t.Fatalf("got %v, want an unknown field error", err)
				}
			default:
				if got, want := core.ErrorCode(err), core.CodeInvalid; got != want {
					t.Fatalf("got %v, want an %s error", err, want)
				}
				if got, want := core.ErrorMessage(err), `duplicate key "`+c.want+`"`; !strings.HasPrefix(got, want) {
					t.Errorf("got message %q, want it to start with %q", got, want)
				}
			}
		})
	}
}
