package apitest

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

func (s *suite) policy(t *testing.T) {
	c := s.client(t, "policy")
	var p map[string]int
	c.want(t, 200, "GET", "/v1/policy", nil, &p)
	if p["blockAbove"] != 100 || p["clickAbove"] != 5 {
		t.Errorf("default policy = %v", p)
	}
	c.want(t, 200, "PUT", "/v1/policy", map[string]int{"blockAbove": 60, "typeAbove": 20}, &p)
	if p["blockAbove"] != 60 || p["typeAbove"] != 20 || p["clickAbove"] != 5 {
		t.Errorf("after PUT = %v, want blockAbove 60, typeAbove 20, the rest default", p)
	}
	before := c.exportSnapshot(t)
	r := c.wantError(t, 400, "invalid", "PUT", "/v1/policy", map[string]int{"clickAbove": 50, "typeAbove": 10})
	if !strings.Contains(r.errorMessage(), "clickAbove") {
		t.Errorf("invalid policy message %q does not name the field", r.errorMessage())
	}
	c.wantError(t, 400, "invalid", "PUT", "/v1/policy", map[string]any{"blockAbove": 60, "mood": "happy"})
	c.wantError(t, 400, "invalid", "PUT", "/v1/policy", map[string]any{"blockAbove": "sixty"})
	if after := c.exportSnapshot(t); after != before {
		t.Errorf("rejected policies changed the data")
	}
	c.want(t, 200, "GET", "/v1/policy", nil, &p)
	if p["blockAbove"] != 60 {
		t.Errorf("policy after rejected changes = %v, want blockAbove 60", p)
	}
}

func (s *suite) export(t *testing.T) {
	c := s.client(t, "export")
	b := c.record(t, "exp", 2)
	c.want(t, 200, "PUT", "/v1/policy", map[string]int{"blockAbove": 70}, nil)
	var e struct {
		User struct {
			Name string `json:"name"`
		} `json:"user"`
		Engine      string            `json:"engine"`
		Policy      map[string]int    `json:"policy"`
		Batches     []batchOut        `json:"batches"`
		Invitations []invitation      `json:"invitations"`
		Jobs        []json.RawMessage `json:"jobs"`
	}
	r := c.want(t, 200, "GET", "/v1/export", nil, &e)
	if e.User.Name != s.user("export") || len(e.Batches) != 1 || e.Batches[0].ID != b.ID || len(e.Batches[0].Request) == 0 ||
		len(e.Invitations) != 2 || e.Policy["blockAbove"] != 70 || len(e.Engine) != 64 {
		t.Errorf("export = %s", r)
	}
	for table, rows := range map[string]int{"invitations": 3, "batches": 2, "jobs": 1, "items": 1} {
		r := c.want(t, 200, "GET", "/v1/export?format=csv&table="+table, nil, nil)
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("csv %s Content-Type = %q", table, ct)
		}
		recs, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
		if err != nil || len(recs) != rows {
			t.Errorf("csv %s: %d rows (%v), want %d", table, len(recs), err, rows)
		}
	}
	c.wantError(t, 400, "invalid", "GET", "/v1/export?format=xml", nil)
	c.wantError(t, 400, "invalid", "GET", "/v1/export?format=csv&table=secrets", nil)
	c.wantError(t, 400, "invalid", "GET", "/v1/export?everything=1", nil)
}

func (s *suite) isolation(t *testing.T) {
	a := s.client(t, "alice")
	bob := s.client(t, "bob")
	b := a.record(t, "iso", 2)
	a.want(t, 200, "PUT", "/v1/policy", map[string]int{"blockAbove": 42}, nil)
	var invs page[invitation]
	a.want(t, 200, "GET", "/v1/invitations?batch="+b.ID, nil, &invs)
	inv := invs.Items[0].ID
	jobPath := "/v1/jobs/" + jobID(t, a.want(t, 201, "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "batch", "batchId": b.ID}}, nil))
	before := a.exportSnapshot(t)
	for _, tc := range []struct{ method, path string }{
		{"GET", "/v1/batches/" + b.ID},
		{"POST", "/v1/batches/" + b.ID + "/verify"},
		{"GET", "/v1/invitations/" + inv},
		{"GET", "/v1/invitations?batch=" + b.ID},
		{"GET", jobPath},
		{"POST", jobPath + "/pause"},
		{"POST", jobPath + "/resume"},
		{"POST", jobPath + "/cancel"},
	} {
		bob.wantError(t, 404, "not_found", tc.method, tc.path, nil)
	}
	bob.wantError(t, 404, "not_found", "POST", jobPath+"/items/"+inv+"/result", map[string]string{"result": "withdrawn"})
	bob.wantError(t, 404, "not_found", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "batch", "batchId": b.ID}})
	// Bob recording a batch with Alice's client ID makes his own batch.
	var lists struct {
		Items []json.RawMessage `json:"items"`
	}
	for _, p := range []string{"/v1/batches", "/v1/invitations", "/v1/jobs"} {
		bob.want(t, 200, "GET", p, nil, &lists)
		if len(lists.Items) != 0 {
			t.Errorf("bob sees %d items at %s", len(lists.Items), p)
		}
	}
	var p map[string]int
	bob.want(t, 200, "GET", "/v1/policy", nil, &p)
	if p["blockAbove"] != 100 {
		t.Errorf("bob's policy = %v, want the default", p)
	}
	bob.want(t, 200, "PUT", "/v1/policy", map[string]int{"blockAbove": 99}, nil)
	bob.record(t, "iso", 1)
	var e struct {
		Batches []json.RawMessage `json:"batches"`
	}
	bob.want(t, 200, "GET", "/v1/export", nil, &e)
	if len(e.Batches) != 1 {
		t.Errorf("bob's export has %d batches, want his 1", len(e.Batches))
	}
	if after := a.exportSnapshot(t); after != before {
		t.Errorf("bob's requests changed alice's data")
	}
}

// goldenDir is core/testdata/decide of this source tree.
func goldenDir(t testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the source tree")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "core", "testdata", "decide")
}

// verifyGolden checks that the server's verify agrees with the native core on every golden decide case.
func (s *suite) verifyGolden(t *testing.T) {
	c := s.client(t, "golden")
	engine := c.engineID(t)
	ins, err := filepath.Glob(filepath.Join(goldenDir(t), "*.in.json"))
	if err != nil || len(ins) == 0 {
		t.Fatalf("no golden decide cases (%v)", err)
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			req, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var obj map[string]any
			if json.Unmarshal(req, &obj) != nil {
				t.Skip("not a JSON object: a decoder case, not a decision")
			}
			var native struct {
				OK    json.RawMessage `json:"ok"`
				Error *struct {
					Code string `json:"code"`
				} `json:"error"`
			}
			if err := json.Unmarshal(dispatch.Call("decide", req), &native); err != nil {
				t.Fatal(err)
			}
			decision := native.OK
			if native.Error != nil {
				decision = json.RawMessage(`{"verdict":"allow"}`)
			}
			body := []byte(`{"engineId":"` + engine + `","request":` + string(req) + `,"decision":` + string(decision) + `}`)
			r := c.do(t, "POST", "/v1/verify", body)
			if native.Error != nil {
				if r.errorCode() != native.Error.Code {
					t.Fatalf("verify answered %s, the native core %s", r, native.Error.Code)
				}
				return
			}
			var v verification
			if r.Status != 200 || json.Unmarshal(r.Body, &v) != nil {
				t.Fatalf("verify: %s", r)
			}
			if v.Result != "match" || !v.SameEngine {
				t.Errorf("verify = %s on %d differences (first %+v), want match", v.Result, len(v.Differences), first(v.Differences))
			}
			diffs, err := server.DiffJSON(native.OK, v.Computed, 5)
			if err != nil || len(diffs) != 0 {
				t.Errorf("the server's engine and the native core differ: %+v %v", diffs, err)
			} else if !bytes.Equal(v.Computed, native.OK) {
				t.Errorf("the server's computed decision is not the native core's bytes:\n%s\n%s", v.Computed, native.OK)
			}
		})
	}
}

func first[T any](s []T) any {
	if len(s) == 0 {
		return nil
	}
	return s[0]
}
