package apitest

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

func (s *suite) verify(t *testing.T) {
	c := s.client(t, "verify")
	engine := c.engineID(t)
	b := c.record(t, "vb", 4)
	var v verification
	c.want(t, 200, "POST", "/v1/batches/"+b.ID+"/verify", nil, &v)
	if v.Result != "match" || !v.SameEngine || v.Engine != engine || v.ClientEngine != engine || v.BatchID != b.ID || len(v.Differences) != 0 {
		t.Errorf("verify of a recorded batch = %+v, want a match on the same engine", v)
	}
	req := decideRequest(4, "vx")
	dec := c.decide(t, req)
	tampered := dec
	tampered.Count++
	tampered.Verdict = core.Allow
	if dec.Verdict == core.Allow {
		tampered.Verdict = core.Block
	}
	c.want(t, 200, "POST", "/v1/verify", map[string]any{"engineId": engine, "request": req, "decision": tampered}, &v)
	var paths []string
	for _, d := range v.Differences {
		paths = append(paths, d.Path)
	}
	if v.Result != "mismatch" || !slices.Contains(paths, "count") || !slices.Contains(paths, "verdict") {
		t.Errorf("verify of a tampered decision = %s %v, want a mismatch naming count and verdict", v.Result, paths)
	}
	other := strings.Repeat("0", 64)
	c.want(t, 200, "POST", "/v1/verify", map[string]any{"engineId": other, "request": req, "decision": dec}, &v)
	if v.Result != "match" || v.SameEngine || v.ClientEngine != other || v.Engine != engine {
		t.Errorf("verify from another engine = %+v, want a match reported as another engine", v)
	}
	c.wantError(t, 404, "not_found", "POST", "/v1/batches/b_nope/verify", nil)
	s.verifyCompactRecord(t, c)
	c.wantError(t, 400, "invalid", "POST", "/v1/verify", map[string]any{"engineId": "xyz", "request": req, "decision": dec})
}

func (s *suite) invitations(t *testing.T) {
	c := s.client(t, "invitations")
	b1 := c.record(t, "inv-a", 3)
	b2 := c.record(t, "inv-b", 4)
	// Page through everything two at a time.
	var all []invitation
	cursor := ""
	for range 10 {
		var p page[invitation]
		c.want(t, 200, "GET", "/v1/invitations?limit=2&cursor="+url.QueryEscape(cursor), nil, &p)
		all = append(all, p.Items...)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if len(all) != 7 {
		t.Fatalf("paged through %d invitations, want 7", len(all))
	}
	seen := map[string]bool{}
	for _, inv := range all {
		if seen[inv.ID] {
			t.Errorf("invitation %s listed twice", inv.ID)
		}
		seen[inv.ID] = true
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"batch=" + b1.ID, 3},
		{"batch=" + b2.ID + "&status=sent", 4},
		{"status=withdrawn", 0},
		{"status=sent,withdrawn&network=linkedin", 7},
		{"network=xing", 0},
		{"from=" + url.QueryEscape(t0.Format(time.RFC3339)), 7},
		{"to=" + url.QueryEscape(t0.Format(time.RFC3339)), 0},
	} {
		var p page[invitation]
		c.want(t, 200, "GET", "/v1/invitations?"+tc.query, nil, &p)
		if got := len(p.Items); got != tc.want {
			t.Errorf("?%s listed %d, want %d", tc.query, got, tc.want)
		}
	}
	c.wantError(t, 404, "not_found", "GET", "/v1/invitations?batch=b_unknown", nil)
}

func (s *suite) scans(t *testing.T) {
	c := s.client(t, "scans")
	b := c.record(t, "scan", 2)
	var invs page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?batch="+b.ID, nil, &invs)
	kept, gone := invs.Items[0], invs.Items[1]
	newKey := "https://www.linkedin.com/in/from-the-phone/"
	scan := map[string]any{
		"network":  "linkedin",
		"complete": true,
		"cards": []core.SentCard{
			{Key: kept.Key, Name: kept.Name, AgeText: "Sent today"},
			{Key: newKey, Name: "Phone Contact", AgeText: "Sent 2 weeks ago"},
		},
	}
	var res struct {
		Imported []invitation `json:"imported"`
		Matched  []string     `json:"matched"`
		Changed  []struct {
			ID string `json:"id"`
			To string `json:"to"`
		} `json:"changed"`
		Applied struct {
			Imported int `json:"imported"`
			Changed  int `json:"changed"`
		} `json:"applied"`
	}
	c.want(t, 200, "POST", "/v1/scans", scan, &res)
	if res.Applied.Imported != 1 || len(res.Imported) != 1 || res.Imported[0].Key != newKey {
		t.Errorf("scan imported %+v, want the phone contact", res.Imported)
	}
	if !slices.Contains(res.Matched, kept.ID) {
		t.Errorf("scan matched %v, want %s", res.Matched, kept.ID)
	}
	if res.Applied.Changed != 1 || len(res.Changed) != 1 || res.Changed[0].ID != gone.ID || res.Changed[0].To != "gone" {
		t.Errorf("scan changed %+v, want %s gone", res.Changed, gone.ID)
	}
	var inv invitation
	c.want(t, 200, "GET", "/v1/invitations/"+gone.ID, nil, &inv)
	if inv.State != "gone" {
		t.Errorf("missing invitation is %s, want gone", inv.State)
	}
	var all page[invitation]
	c.want(t, 200, "GET", "/v1/invitations", nil, &all)
	if len(all.Items) != 3 {
		t.Errorf("after the scan %d invitations, want 3", len(all.Items))
	}
	// The same scan again imports nothing more.
	c.want(t, 200, "POST", "/v1/scans", scan, &res)
	if res.Applied.Imported != 0 || res.Applied.Changed != 0 {
		t.Errorf("repeated scan applied %+v, want nothing", res.Applied)
	}
	c.wantError(t, 400, "invalid", "POST", "/v1/scans", map[string]any{"network": "myspace", "cards": []any{}})
}

func (s *suite) jobs(t *testing.T) {
	c := s.client(t, "jobs")
	b := c.record(t, "job", 3)
	r := c.do(t, "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "batch", "batchId": b.ID}, "seed": 7})
	if r.Status != 201 {
		t.Fatalf("create job: %s", r)
	}
	var j job
	c.want(t, 200, "GET", "/v1/jobs/"+jobID(t, r), nil, &j)
	if j.Status != "running" || j.Counts.Planned != 3 || len(j.Items) != 3 || j.Counts.Pending != 3 {
		t.Fatalf("job = %+v, want 3 planned items, running", j)
	}
	for _, it := range j.Items {
		var inv invitation
		c.want(t, 200, "GET", "/v1/invitations/"+it.InvitationID, nil, &inv)
		if inv.State != "withdraw_requested" {
			t.Errorf("planned invitation is %s, want withdraw_requested", inv.State)
		}
	}
	var list page[job]
	c.want(t, 200, "GET", "/v1/jobs?status=running", nil, &list)
	if len(list.Items) != 1 || list.Items[0].ID != j.ID {
		t.Errorf("running jobs = %+v, want the one", list.Items)
	}
	path := "/v1/jobs/" + j.ID
	var got job
	c.want(t, 200, "POST", path+"/pause", nil, &got)
	if got.Status != "paused" {
		t.Errorf("pause gave %s", got.Status)
	}
	c.want(t, 200, "POST", path+"/pause", nil, &got) // idempotent
	c.want(t, 200, "POST", path+"/resume", nil, &got)
	if got.Status != "running" {
		t.Errorf("resume gave %s", got.Status)
	}
	item := path + "/items/" + j.Items[0].InvitationID + "/result"
	first := c.want(t, 200, "POST", item, map[string]any{"result": "withdrawn"}, nil)
	again := c.want(t, 200, "POST", item, map[string]any{"result": "withdrawn"}, nil)
	if string(first.Body) != string(again.Body) {
		t.Errorf("repeated report answered %s, want %s", again.Body, first.Body)
	}
	c.wantError(t, 409, "conflict", "POST", item, map[string]any{"result": "failed"})
	c.wantError(t, 400, "invalid", "POST", item, map[string]any{"result": "exploded"})
	c.wantError(t, 404, "not_found", "POST", path+"/items/inv_unknown/result", map[string]any{"result": "withdrawn"})
	var inv invitation
	c.want(t, 200, "GET", "/v1/invitations/"+j.Items[0].InvitationID, nil, &inv)
	if inv.State != "withdrawn" {
		t.Errorf("reported invitation is %s, want withdrawn", inv.State)
	}
	c.want(t, 200, "POST", path+"/items/"+j.Items[1].InvitationID+"/result", map[string]any{"result": "not_found", "detail": "card missing"}, nil)
	c.want(t, 200, "POST", path+"/cancel", nil, &got)
	if got.Status != "cancelled" {
		t.Errorf("cancel gave %s", got.Status)
	}
	c.want(t, 200, "GET", "/v1/invitations/"+j.Items[2].InvitationID, nil, &inv)
	if inv.State != "sent" {
		t.Errorf("unreported invitation of a cancelled job is %s, want sent", inv.State)
	}
	c.wantError(t, 409, "illegal_transition", "POST", path+"/resume", nil)
	c.wantError(t, 409, "illegal_transition", "POST", path+"/pause", nil)
	c.want(t, 200, "GET", path, nil, &got)
	if got.Counts.Withdrawn != 1 || got.Counts.NotFound != 1 || got.Counts.Pending != 1 {
		t.Errorf("counts = %+v, want 1 withdrawn, 1 not found, 1 pending", got.Counts)
	}
	// A job over the rest runs to done when every item is reported.
	r = c.do(t, "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "keys", "keys": []string{j.Items[2].Key}}})
	if r.Status != 201 {
		t.Fatalf("create keys job: %s", r)
	}
	var j2 job
	c.want(t, 200, "GET", "/v1/jobs/"+jobID(t, r), nil, &j2)
	if len(j2.Items) != 1 {
		t.Fatalf("keys job has %d items, want 1", len(j2.Items))
	}
	c.want(t, 200, "POST", "/v1/jobs/"+j2.ID+"/items/"+j2.Items[0].InvitationID+"/result", map[string]any{"result": "withdrawn"}, nil)
	c.want(t, 200, "GET", "/v1/jobs/"+j2.ID, nil, &got)
	if got.Status != "done" {
		t.Errorf("job with every item reported is %s, want done", got.Status)
	}
	c.wantError(t, 409, "illegal_transition", "POST", "/v1/jobs/"+j2.ID+"/cancel", nil)
	c.wantError(t, 400, "invalid", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "everything"}})
	c.wantError(t, 404, "not_found", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "batch", "batchId": "b_unknown"}})
	c.wantError(t, 404, "not_found", "GET", "/v1/jobs/j_unknown", nil)
	c.wantError(t, 404, "not_found", "POST", "/v1/jobs/j_unknown/pause", nil)
}

// jobID reads the id of a job answer.
func jobID(t testing.TB, r response) string {
	var j job
	if err := json.Unmarshal(r.Body, &j); err != nil || j.ID == "" {
		t.Fatalf("job answer %s: %v", r, err)
	}
	return j.ID
}

// verifyCompactRecord records a batch whose request is in the compact form (as the extension's sync sends
// it, with the rows' names): stored as it came, its invitations named, its verify a match; a compact
// request the core refuses is refused naming the list.
func (s *suite) verifyCompactRecord(t *testing.T, c *client) {
	req := decideRequest(5, "vc")
	req.Recipients[4].Selected = false
	compact, ok := req.Compact()
	if !ok {
		t.Fatal("the request has no compact form")
	}
	compact.Names = make([]string, len(req.Recipients))
	for i, r := range req.Recipients {
		compact.Names[i] = r.Name
	}
	body := map[string]any{"clientBatchId": "vc", "engineId": c.engineID(t), "request": compact, "decision": c.decide(t, req), "sent": []int{0, 2}, "sentAt": t0.Add(10 * time.Second)}
	var b batchOut
	c.want(t, 201, "POST", "/v1/batches", body, &b)
	if b.SentCount != 2 {
		t.Errorf("compact record: sentCount %d, want 2", b.SentCount)
	}
	var got batchOut
	c.want(t, 200, "GET", "/v1/batches/"+b.ID, nil, &got)
	if !strings.HasPrefix(string(got.Request), `{"v":2,`) {
		t.Errorf("stored request = %.60s…, want the compact request as it came", got.Request)
	}
	var p page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?batch="+b.ID, nil, &p)
	var names []string
	for _, inv := range p.Items {
		names = append(names, inv.Name)
	}
	slices.Sort(names)
	if want := []string{req.Recipients[0].Name, req.Recipients[2].Name}; !slices.Equal(names, want) {
		t.Errorf("compact record: invitations named %q, want %q", names, want)
	}
	var v verification
	c.want(t, 200, "POST", "/v1/batches/"+b.ID+"/verify", nil, &v)
	if v.Result != "match" || len(v.Differences) != 0 {
		t.Errorf("verify of a compact record = %+v, want a match", v)
	}
	var replay batchOut
	c.want(t, 200, "POST", "/v1/batches", body, &replay)
	if replay.ID != b.ID {
		t.Errorf("the same compact record again = %s, want the stored %s", replay.ID, b.ID)
	}
	compact.Rows[0] = 99
	body["request"], body["clientBatchId"] = compact, "vc-bad"
	r := c.wantError(t, 400, "invalid", "POST", "/v1/batches", body)
	if msg := string(r.Body); !strings.Contains(msg, "rows[0]") {
		t.Errorf("a compact record with a key index out of range: %q, want it to name rows[0]", msg)
	}
}
