package dispatch

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

var updateCompact = flag.Bool("update-compact", false, "write decide/v2_<name>.in.json from every valid decide/<name>.in.json")

// compactPrefix names the golden decide cases in the compact form: v2_<name>
// is <name> of version 1 written compactly, with the same answer.
const compactPrefix = "v2_"

// TestCompactGoldenMatchesV1: every decide case of version 1 that is a valid
// request has a compact twin (core.DecideRequest.Compact of it) whose answer
// is the very same bytes. With -update-compact the twins are written.
func TestCompactGoldenMatchesV1(t *testing.T) {
	twins := 0
	for _, c := range goldenCases(t) {
		if c.Op != "decide" || strings.HasPrefix(c.Name, compactPrefix) {
			continue
		}
		in, err := c.Request()
		if err != nil {
			t.Fatal(err)
		}
		var req core.DecideRequest
		if Decode(in, &req) != nil || req.Validate() != nil {
			continue // a case of the decoder or of validation: version 1 only
		}
		twins++
		t.Run(c.Name, func(t *testing.T) {
			comp, ok := req.Compact()
			if !ok {
				t.Fatal("Compact refused a golden request")
			}
			want, err := marshal(&comp)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(filepath.Dir(c.In), compactPrefix+c.Name+".in.json")
			if *updateCompact {
				if err := os.WriteFile(path, append(want, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run: go test ./wasm/dispatch -run TestCompactGoldenMatchesV1 -update-compact)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), want) {
				t.Errorf("%s is not the compact form of %s", path, c.In)
			}
			v1, v2 := Call("decide", in), Call("decide", got)
			if !bytes.Equal(v1, v2) {
				t.Errorf("answers differ\nv1: %s\nv2: %s", clip(v1), clip(v2))
			}
		})
	}
	if twins < 20 {
		t.Errorf("only %d decide cases have a compact twin", twins)
	}
}

// TestCompactErrors: a compact request is read strictly and every problem
// is an invalid error that names the field, the entry or the byte.
func TestCompactErrors(t *testing.T) {
	const head = `{"v":2,"network":"linkedin","surface":"contact_import","now":"2026-03-01T10:00:00Z"`
	for name, tc := range map[string]struct{ in, want string }{
		"version 3":            {`{"v":3,"network":"linkedin","surface":"connect","now":"2026-03-01T10:00:00Z","keys":[],"rows":[]}`, "v is 3: this engine reads decide requests of version 2 (compact) or without v (version 1)"},
		"unknown field":        {head + `,"keys":[],"rows":[],"recipients":[]}`, `unknown field "recipients"`},
		"repeated field":       {head + `,"keys":["a"],"rows":[0,1],"keys":[]}`, `duplicate key "keys": a key may appear only once in an object`},
		"row key out of range": {head + `,"keys":["a"],"rows":[0,1,1,1]}`, "rows[1]: key index 1 is out of range (keys has 1)"},
		"odd rows":             {head + `,"keys":["a"],"rows":[0,1,0]}`, "rows has 3 integers: want two per row (key index, bits)"},
		"bad bits":             {head + `,"keys":["a"],"rows":[0,6]}`, "rows[0]: bits 6 are not a combination of selected 1, member 2, not member 4, in target 8, opted out 16"},
		"names per row":        {head + `,"keys":["a"],"rows":[0,1],"names":[]}`, "names has 0 entries for 1 rows: give one per row or none"},
		"scope out of range":   {head + `,"keys":["a"],"rows":[0,1],"history":[0,0,0,1]}`, "history[0]: scope index 0 is out of range (scopes has 0)"},
		"history kind":         {head + `,"keys":["a"],"rows":[0,1],"scopes":["connect",""],"history":[0,0,7,1]}`, "history[0]: kind 7 is unknown (want 0 invited or 1 withdrawn)"},
		"fraction":             {head + `,"keys":["a"],"rows":[0,1.5]}`, "rows[1]: expected an integer, got a fraction (at byte 107)"},
		"string in rows":       {head + `,"keys":["a"],"rows":[0,"1"]}`, "rows[1]: expected an integer, got string (at byte 107)"},
		"number in keys":       {head + `,"keys":[1],"rows":[]}`, "keys[0]: expected a string, got number (at byte 92)"},
		"empty key":            {head + `,"keys":[" "],"rows":[0,1]}`, "recipients[0].key is empty"},
		"bad time":             {`{"v":2,"now":"yesterday"}`, `invalid time "yesterday": expected RFC 3339 such as 2026-01-02T15:04:05Z`},
		"policy field":         {head + `,"keys":[],"rows":[],"policy":{"clickAbov":5}}`, `policy: unknown field "clickAbov"`},
		"trailing data":        {head + `,"keys":[],"rows":[]} {}`, "malformed JSON at byte 105: invalid character '{' after top-level value"},
		"cut short":            {head + `,"keys":["a`, "malformed JSON at byte 94: unexpected end of JSON input"},
		"control character":    {head + ",\"keys\":[\"a\nb\"]}", `malformed JSON at byte 94: invalid character '\n' in string literal`},
	} {
		t.Run(name, func(t *testing.T) {
			out := Call("decide", []byte(tc.in))
			var env struct {
				Error *core.Error `json:"error"`
			}
			if err := json.Unmarshal(out, &env); err != nil || env.Error == nil {
				t.Fatalf("got %s, want an error", out)
			}
			if got, want := env.Error.Code, core.CodeInvalid; got != want {
				t.Errorf("code: got %s, want %s", got, want)
			}
			if got := env.Error.Message; got != tc.want {
				t.Errorf("message:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestCompactStrings: escapes, surrogate pairs and non-Latin text decode as
// in version 1, and a request's strings survive the request buffer when
// copied (DecodeCompact for callers that keep them).
func TestCompactStrings(t *testing.T) {
	in := []byte(`{"v":2,"keys":["a\"b\\c\/d\u00e9\ud83d\ude00 Łódź 山田"],"rows":[0,1]}`)
	var req core.CompactDecideRequest
	if err := decodeCompact(in, &req, true); err != nil {
		t.Fatal(err)
	}
	if got, want := req.Keys[0], "a\"b\\c/dé😀 Łódź 山田"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
