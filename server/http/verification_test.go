package httpapi

import (
	"bytes"
	"net/http/httptest"
	"reflect"
	"testing"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/server"
)

// TestWriteVerification: the answer is what encoding the Verification gives,
// byte for byte, but for the computed decision, which is the engine's bytes
// as they are (the library would escape <, > and & in it).
func TestWriteVerification(t *testing.T) {
	engine := "ab" + string(bytes.Repeat([]byte("0"), 62))
	for name, tc := range map[string]struct {
		v        server.Verification
		sameText bool
	}{
		"match": {v: server.Verification{Result: server.Match, Engine: engine, EngineRuntime: "wasm", ClientEngine: engine, SameEngine: true,
			Differences: []server.Difference{}, Computed: json.RawMessage(`{"verdict":"allow","count":2}`)}, sameText: true},
		"mismatch of a batch": {v: server.Verification{Result: server.Mismatch, Engine: engine, EngineRuntime: "wasm", ClientEngine: "other",
			Differences: []server.Difference{{Path: "count", Recorded: json.RawMessage(`1`), Computed: json.RawMessage(`2`)}},
			Computed:    json.RawMessage(`{"verdict":"confirm","count":2}`), BatchID: "b_01J<x>"}, sameText: true},
		"names the library escapes": {v: server.Verification{Result: server.Match, Engine: engine, EngineRuntime: "wasm", ClientEngine: engine, SameEngine: true,
			Differences: []server.Difference{}, Computed: json.RawMessage(`{"flagged":[{"name":"Zoë <Dev> & Ops 🚀"}]}`)}},
	} {
		t.Run(name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			writeVerification(rec, tc.v)
			got := rec.Body.Bytes()
			lib, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			want := append(lib, '\n')
			if tc.sameText && !bytes.Equal(got, want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			var g, w map[string]any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("not JSON: %v: %s", err, got)
			}
			_ = json.Unmarshal(want, &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("got %v, want %v", g, w)
			}
			var back struct {
				Computed json.RawMessage `json:"computed"`
			}
			if err := json.Unmarshal(got, &back); err != nil || !bytes.Equal(back.Computed, tc.v.Computed) {
				t.Errorf("computed = %s, want the engine's bytes %s", back.Computed, tc.v.Computed)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" || rec.Code != 200 {
				t.Errorf("status %d, Content-Type %q", rec.Code, ct)
			}
		})
	}
}
