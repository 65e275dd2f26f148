package dispatch

import (
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// envelope is a decoded response.
type envelope struct {
	OK    json.RawMessage `json:"ok"`
	Error *core.Error     `json:"error"`
}

func parse(t *testing.T, out []byte) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(out, &e); err != nil {
		t.Fatalf("response is not JSON: %v: %s", err, out)
	}
	if (e.OK == nil) == (e.Error == nil) {
		t.Fatalf("response must have exactly one of ok and error: %s", out)
	}
	return e
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, op, in string
		code         core.Code
		want         string // part of the message
	}{
		{"empty", "decide", "", core.CodeInvalid, "empty request"},
		{"blank", "decide", " \n\t", core.CodeInvalid, "empty request"},
		{"null", "decide", "null", core.CodeInvalid, "must be a JSON object, got null"},
		{"array", "parse_count", "[1,2]", core.CodeInvalid, "must be a JSON object, got an array"},
		{"string", "parse_age", `"Sent today"`, core.CodeInvalid, "got a string"},
		{"truncated", "decide", `{"network":"linkedin`, core.CodeInvalid, "malformed JSON at byte"},
		{"trailing", "parse_count", `{"text":"People (3)"} x`, core.CodeInvalid, "malformed JSON at byte 23"},
		{"two objects", "parse_count", `{"text":"a"}{"text":"b"}`, core.CodeInvalid, "malformed JSON"},
		{"unknown field", "decide", `{"network":"linkedin","polcy":{}}`, core.CodeInvalid, `unknown field "polcy"`},
		{"nested unknown field", "decide", `{"recipients":[{"key":"a","selectd":true}]}`, core.CodeInvalid, `unknown field "selectd"`},
		{"wrong type", "decide", `{"recipients":[{"key":"a","selected":"yes"}]}`, core.CodeInvalid, "recipients[0].selected: expected true or false, got string (at byte"},
		{"fraction", "validate_policy", `{"clickAbove":1.5}`, core.CodeInvalid, "clickAbove: expected an integer, got number 1.5"},
		{"bad time", "parse_age", `{"text":"Sent today","now":"yesterday"}`, core.CodeInvalid, `invalid time "yesterday"`},
		{"unknown op", "decid", `{}`, core.CodeUnsupported, `unknown operation "decid"`},
		{"too large", "parse_count", `{"text":"` + strings.Repeat("1", MaxInput) + `"}`, core.CodeTooLarge, "exceeds the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parse(t, Call(tt.op, []byte(tt.in)))
			if e.Error == nil {
				t.Fatalf("got ok %s, want a %s error", e.OK, tt.code)
			}
			if got, want := e.Error.Code, tt.code; got != want {
				t.Errorf("code: got %s, want %s (%s)", got, want, e.Error.Message)
			}
			if !strings.Contains(e.Error.Message, tt.want) {
				t.Errorf("message: got %q, want it to contain %q", e.Error.Message, tt.want)
			}
		})
	}
}

// TestDecodeRejectsUnknownFields guards the strictFlags trick in codec.go.
func TestDecodeRejectsUnknownFields(t *testing.T) {
	var req core.TransitionRequest
	err := decode([]byte(`{"from":"sent","event":"accept","extra":1}`), &req)
	if got, want := core.ErrorCode(err), core.CodeInvalid; got != want {
		t.Fatalf("got %v, want a %s error", err, want)
	}
	if err := decode([]byte(`{"from":"sent","event":"accept"}`), &req); err != nil {
		t.Fatalf("a valid request failed: %v", err)
	}
	if got, want := req, (core.TransitionRequest{From: core.StateSent, Event: core.EvAccept}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestDefaultPolicyAndVersion(t *testing.T) {
	e := parse(t, Call("default_policy", nil))
	var p core.Policy
	if err := json.Unmarshal(e.OK, &p); err != nil {
		t.Fatal(err)
	}
	if got, want := p, core.DefaultPolicy(); got != want {
		t.Errorf("default_policy: got %+v, want %+v", got, want)
	}

	e = parse(t, Call("version", []byte("ignored")))
	var v core.VersionInfo
	if err := json.Unmarshal(e.OK, &v); err != nil {
		t.Fatal(err)
	}
	if v.ABI != ABI || v.Core != CoreVersion || strings.Join(v.Ops, ",") != strings.Join(Ops(), ",") {
		t.Errorf("version: got %+v", v)
	}
	if got, want := len(v.Ops), 11; got != want {
		t.Errorf("ops: got %d (%v), want %d", got, v.Ops, want)
	}
}

func TestValidatePolicyThroughCall(t *testing.T) {
	p := core.DefaultPolicy()
	p.ClickAbove = 50 // above typeAbove
	in, _ := json.Marshal(p)
	e := parse(t, Call("validate_policy", in))
	if e.Error == nil || e.Error.Code != core.CodeInvalid || !strings.Contains(e.Error.Message, "clickAbove") {
		t.Errorf("got %+v, want an invalid error naming clickAbove", e)
	}
	in, _ = json.Marshal(core.DefaultPolicy())
	if e := parse(t, Call("validate_policy", in)); e.Error != nil {
		t.Errorf("default policy rejected: %v", e.Error)
	}
}

func TestPanicIsAnEngineError(t *testing.T) {
	handlers["test_panic"] = func([]byte) ([]byte, error) { panic("boom") }
	defer delete(handlers, "test_panic")
	e := parse(t, Call("test_panic", []byte(`{}`)))
	if e.Error == nil || e.Error.Code != core.CodeEngine || !strings.Contains(e.Error.Message, "boom") {
		t.Errorf("got %+v, want an engine error mentioning the panic", e)
	}
	// the next call works
	if e := parse(t, Call("default_policy", nil)); e.Error != nil {
		t.Errorf("call after a panic failed: %v", e.Error)
	}
}

func TestNonCoreErrorIsInternal(t *testing.T) {
	out := errorEnvelope(errString("disk on fire"))
	if got, want := string(out), `{"error":{"code":"internal","message":"disk on fire"}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestNoHTMLEscape(t *testing.T) {
	out := errorEnvelope(core.Errorf(core.CodeInvalid, "a <b> & c"))
	if got, want := string(out), `{"error":{"code":"invalid","message":"a <b> & c"}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestDecodeCopiesStrings: Decode's values must not change when the caller
// reuses its buffer (Call alone decodes without copying).
func TestDecodeCopiesStrings(t *testing.T) {
	buf := []byte(`{"text":"People (12)"}`)
	var req core.CountRequest
	if err := Decode(buf, &req); err != nil {
		t.Fatal(err)
	}
	copy(buf, `{"text":"XXXXXXXXXXX"}`)
	if got, want := req.Text, "People (12)"; got != want {
		t.Errorf("after reusing the buffer: got %q, want %q", got, want)
	}
}
