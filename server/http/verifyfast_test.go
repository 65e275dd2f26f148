package httpapi

import (
	"reflect"
	"strings"
	"testing"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// TestReadVerifyFast holds the verify body's fast reader to the library's:
// what it reads is read the same way by readVerifySlow, and every body it
// must leave to the library (a repeated or unknown key anywhere it looks, an
// escaped engine ID, a compact or null request, trailing data) it leaves.
func TestReadVerifyFast(t *testing.T) {
	req, err := golden.Request("decide/bulk_6_click")
	if err != nil {
		t.Fatal(err)
	}
	r := string(req)
	dec := `{"flagged":[],"suggested":[0]}`
	body := func(parts ...string) []byte { return []byte("{" + strings.Join(parts, ",") + "}") }
	id := `"engineId":"` + strings.Repeat("a", 64) + `"`
	tests := map[string]struct {
		body []byte
		fast bool
	}{
		"plain":                                {body(id, `"request":`+r, `"decision":`+dec), true},
		"other order, white space":             {[]byte(" {\n\"decision\" : " + dec + " ,\t\"request\":" + r + ",\r\n" + id + "}\n"), true},
		"a decision with brackets in strings":  {body(id, `"request":`+r, `"decision":{"a":"}]\"{"}`), true},
		"a decision with an escaped backslash": {body(id, `"request":`+r, `"decision":{"a":"x\\","b":"]}"}`), true},
		"engineId twice":                       {body(id, id, `"request":`+r, `"decision":`+dec), false},
		"request twice":                        {body(id, `"request":`+r, `"request":`+r, `"decision":`+dec), false},
		"decision twice":                       {body(id, `"request":`+r, `"decision":`+dec, `"decision":`+dec), false},
		"a key twice in the request":           {body(id, `"request":`+strings.Replace(r, `"network": "linkedin",`, `"network": "linkedin", "network": "linkedin",`, 1), `"decision":`+dec), false},
		"a key twice in a recipient":           {body(id, `"request":`+strings.Replace(r, `"name": "Anna Smith",`, `"name": "Anna Smith", "name": "Anna Smith",`, 1), `"decision":`+dec), false},
		"an unknown key":                       {body(id, `"request":`+r, `"decision":`+dec, `"extra":1`), false},
		"a key in other case":                  {body(`"EngineId":"x"`, `"request":`+r, `"decision":`+dec), false},
		"an escaped engine ID":                 {body(`"engineId":"\u0061"`, `"request":`+r, `"decision":`+dec), false},
		"an escaped key":                       {body(`"engine\u0049d":"a"`, `"request":`+r, `"decision":`+dec), false},
		"no engine ID":                         {body(`"request":`+r, `"decision":`+dec), false},
		"a null request":                       {body(id, `"request":null`, `"decision":`+dec), false},
		"a compact request":                    {body(id, `"request":{"v":2}`, `"decision":`+dec), false},
		"a null decision":                      {body(id, `"request":`+r, `"decision":null`), false},
		"an unknown request field":             {body(id, `"request":`+strings.Replace(r, "{", `{"x":1,`, 1), `"decision":`+dec), false},
		"trailing data":                        {append(body(id, `"request":`+r, `"decision":`+dec), "{}"...), false},
		"an open decision":                     {body(id, `"request":`+r, `"decision":{"a":[}`), false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := readVerifyFast(tc.body)
			if ok != tc.fast {
				t.Fatalf("read fast: got %v, want %v", ok, tc.fast)
			}
			if !ok {
				return
			}
			want, err := readVerifySlow(tc.body)
			if err != nil {
				t.Fatalf("the library refuses what the fast reader read: %v", err)
			}
			if got.EngineID != want.EngineID || string(got.Raw) != string(want.Raw) || string(got.DecisionJSON) != string(want.DecisionJSON) {
				t.Errorf("got %q, %q, %q; want %q, %q, %q", got.EngineID, got.Raw, got.DecisionJSON, want.EngineID, want.Raw, want.DecisionJSON)
			}
			if !reflect.DeepEqual(got.Request, want.Request) {
				t.Errorf("request: got %+v, want %+v", got.Request, want.Request)
			}
		})
	}
}
