package apitest

import (
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// badInputs sends a table of bad requests; each must get a clear coded error
// and leave the stored data exactly as it was.
func (s *suite) badInputs(t *testing.T) {
	c := s.client(t, "bad")
	b := c.record(t, "good", 3)
	engine := c.engineID(t)
	req := decideRequest(2, "bad")
	dec := c.decide(t, req)
	valid := func(mut func(m map[string]any)) []byte {
		m := map[string]any{"clientBatchId": "bad-1", "engineId": engine, "request": req, "decision": dec, "sent": []int{0, 1}}
		mut(m)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	verifyBody := func(decision any) []byte {
		out, err := json.Marshal(map[string]any{"engineId": engine, "request": req, "decision": decision})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	jobPath := "/v1/jobs/" + jobID(t, c.want(t, 201, "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "batch", "batchId": b.ID}}, nil))
	c.want(t, 200, "POST", jobPath+"/cancel", nil, nil)
	tooMany := decideRequest(core.MaxRecipients+1, "many")
	huge := strings.Repeat("x", s.tg.MaxBody)
	cases := []struct {
		name, method, path string
		body               any
		status             int
		code               string
	}{
		{"malformed JSON", "POST", "/v1/batches", `{"clientBatchId": "x",`, 400, "invalid"},
		{"not an object", "POST", "/v1/batches", `[1, 2, 3]`, 400, "invalid"},
		{"empty body", "POST", "/v1/batches", ``, 400, "invalid"},
		{"trailing data", "POST", "/v1/batches", string(valid(func(map[string]any) {})) + ` {}`, 400, "invalid"},
		{"wrong type", "POST", "/v1/batches", valid(func(m map[string]any) { m["sent"] = "all" }), 400, "invalid"},
		{"wrong nested type", "POST", "/v1/batches", strings.Replace(string(valid(func(map[string]any) {})), `"selected":true`, `"selected":"yes"`, 1), 400, "invalid"},
		{"unknown field", "POST", "/v1/batches", valid(func(m map[string]any) { m["color"] = "blue" }), 400, "invalid"},
		{"unknown nested field", "POST", "/v1/batches", strings.Replace(string(valid(func(map[string]any) {})), `"selected":true`, `"selected":true,"mood":"x"`, 1), 400, "invalid"},
		{"duplicate key", "POST", "/v1/batches", strings.Replace(string(valid(func(map[string]any) {})), `"selected":true`, `"selected":true,"selected":false`, 1), 400, "invalid"},
		{"duplicate top-level key", "PUT", "/v1/policy", `{"blockAbove": 60, "blockAbove": 1000}`, 400, "invalid"},
		{"missing client id", "POST", "/v1/batches", valid(func(m map[string]any) { delete(m, "clientBatchId") }), 400, "invalid"},
		{"client id with spaces", "POST", "/v1/batches", valid(func(m map[string]any) { m["clientBatchId"] = "a b" }), 400, "invalid"},
		{"bad engine id", "POST", "/v1/batches", valid(func(m map[string]any) { m["engineId"] = "v1" }), 400, "invalid"},
		{"sent index out of range", "POST", "/v1/batches", valid(func(m map[string]any) { m["sent"] = []int{0, 5} }), 400, "invalid"},
		{"sent index repeated", "POST", "/v1/batches", valid(func(m map[string]any) { m["sent"] = []int{1, 1} }), 400, "invalid"},
		{"bad time", "POST", "/v1/batches", valid(func(m map[string]any) { m["sentAt"] = "yesterday" }), 400, "invalid"},
		{"unknown network", "POST", "/v1/batches", strings.Replace(string(valid(func(map[string]any) {})), `"network":"linkedin"`, `"network":"myspace"`, 1), 400, "invalid"},
		{"invalid UTF-8", "POST", "/v1/batches", append([]byte(`{"clientBatchId":"`), 0xff, 0xfe, '"', '}'), 400, "invalid"},
		{"control character in key", "POST", "/v1/batches", strings.Replace(string(valid(func(map[string]any) {})), `"key":"https://`, `"key":"\u0000https://`, 1), 400, "invalid"},
		{"10,001 recipients", "POST", "/v1/batches", map[string]any{"clientBatchId": "many", "engineId": engine, "request": tooMany, "decision": dec, "sent": []int{}}, 413, "too_large"},
		{"oversized body", "PUT", "/v1/policy", `{"blockAbove": 60, "x": "` + huge + `"}`, 413, "too_large"},
		{"wrong content type", "PUT", "/v1/policy", `<policy/>`, 400, "invalid"},
		{"policy out of range", "PUT", "/v1/policy", map[string]int{"blockAbove": 0}, 400, "invalid"},
		{"limit too large", "GET", "/v1/invitations?limit=100000", nil, 400, "invalid"},
		{"limit not a number", "GET", "/v1/batches?limit=ten", nil, 400, "invalid"},
		{"forged cursor", "GET", "/v1/invitations?cursor=not-a-cursor", nil, 400, "invalid"},
		{"unknown status", "GET", "/v1/invitations?status=lost", nil, 400, "invalid"},
		{"unknown query parameter", "GET", "/v1/batches?sort=asc", nil, 400, "invalid"},
		{"reversed range", "GET", "/v1/invitations?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", nil, 400, "invalid"},
		{"bad time parameter", "GET", "/v1/batches?from=monday", nil, 400, "invalid"},
		{"unknown selector", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "everyone"}}, 400, "invalid"},
		{"resume a cancelled job", "POST", jobPath + "/resume", nil, 409, "illegal_transition"},
		{"report on a cancelled job's withdrawn-back item", "POST", jobPath + "/items/nope/result", map[string]string{"result": "withdrawn"}, 404, "not_found"},
		{"report without result", "POST", jobPath + "/items/nope/result", map[string]string{}, 400, "invalid"},
		{"unknown job status", "GET", "/v1/jobs?status=sleeping", nil, 400, "invalid"},
		{"verify with unknown field", "POST", "/v1/verify", map[string]any{"engineId": engine, "request": req, "decision": dec, "trust": "me"}, 400, "invalid"},
		{"verify without request", "POST", "/v1/verify", map[string]any{"engineId": engine, "decision": dec}, 400, "invalid"},
		// A decision is read only when it is not the engine's answer: a bad one is still refused.
		{"verify with a decision of unknown field", "POST", "/v1/verify", verifyBody(map[string]any{"verdict": "allow", "verdikt": "allow"}), 400, "invalid"},
		{"verify with a decision of wrong type", "POST", "/v1/verify", verifyBody(map[string]any{"count": "many"}), 400, "invalid"},
		{"verify with a decision of a repeated key", "POST", "/v1/verify", strings.Replace(string(verifyBody(map[string]any{"verdict": "allow"})), `"verdict":"allow"`, `"verdict":"allow","verdict":"block"`, 1), 400, "invalid"},
		{"unknown verdict filter", "GET", "/v1/batches?verdict=maybe", nil, 400, "invalid"},
		{"scan with unknown field", "POST", "/v1/scans", map[string]any{"network": "linkedin", "cards": []any{}, "extra": 1}, 400, "invalid"},
	}
	before := c.exportSnapshot(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var r response
			if tc.name == "wrong content type" {
				r = c.do(t, tc.method, tc.path, tc.body, "Content-Type", "application/xml")
			} else {
				r = c.do(t, tc.method, tc.path, tc.body)
			}
			if r.Status != tc.status || r.errorCode() != tc.code {
				t.Fatalf("got %s, want %d %s", r, tc.status, tc.code)
			}
			if msg := r.errorMessage(); len(msg) < 10 {
				t.Errorf("error message %q is not a clear explanation", msg)
			}
			if msg := r.errorMessage(); strings.HasPrefix(tc.name, "duplicate") && !strings.Contains(msg, `selected"`) && !strings.Contains(msg, `"blockAbove"`) {
				t.Errorf("error message %q does not name the repeated key", msg)
			}
		})
	}
	if after := c.exportSnapshot(t); after != before {
		t.Errorf("bad inputs changed the stored data")
	}
	// Unicode that is valid is kept exactly.
	uni := decideRequest(2, "uni")
	uni.Recipients[0].Name = "Zoë Ærøskøbing 👩‍💻"
	uni.Recipients[1].Name = "محمد عبد الله"
	uni.Recipients[1].Key = "jürgen.müller@example.de"
	var rec batchOut
	c.want(t, 201, "POST", "/v1/batches", map[string]any{"clientBatchId": "unicode", "engineId": engine, "request": uni,
		"decision": c.decide(t, uni), "sent": []int{0, 1}}, &rec)
	var invs page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?batch="+rec.ID, nil, &invs)
	names := map[string]bool{}
	for _, inv := range invs.Items {
		names[inv.Name] = true
	}
	if !names["Zoë Ærøskøbing 👩‍💻"] || !names["محمد عبد الله"] {
		t.Errorf("unicode names came back as %v", names)
	}
	// Expired and revoked tokens change nothing either (checked in Auth); a
	// wrong token on a write is refused before the body is read.
	(&client{s: s, token: "igt_x_y"}).wantError(t, 401, "unauthorized", "POST", "/v1/batches", valid(func(map[string]any) {}))
	if after := c.exportSnapshot(t); !strings.Contains(after, "unicode") || strings.Contains(after, `"bad-1"`) {
		t.Errorf("export after the unicode batch is unexpected")
	}
}

// largeBatch records the largest batch the core accepts: 10,000 recipients.
func (s *suite) largeBatch(t *testing.T) {
	c := s.client(t, "large")
	req := decideRequest(core.MaxRecipients, "big")
	for i := range req.Recipients {
		req.Recipients[i].Name = ""
	}
	dec := c.decide(t, req)
	sent := make([]int, len(req.Recipients))
	for i := range sent {
		sent[i] = i
	}
	start := time.Now()
	var b batchOut
	c.want(t, 201, "POST", "/v1/batches", map[string]any{"clientBatchId": "large", "engineId": c.engineID(t), "request": req,
		"decision": dec, "sent": sent}, &b)
	if b.SentCount != core.MaxRecipients {
		t.Errorf("sentCount = %d, want %d", b.SentCount, core.MaxRecipients)
	}
	var p page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?limit=500&batch="+b.ID, nil, &p)
	if len(p.Items) != 500 || p.Next == "" {
		t.Errorf("first page has %d items, next %q", len(p.Items), p.Next)
	}
	t.Logf("recorded %d invitations in one batch in %v", core.MaxRecipients, time.Since(start))
}
