package apitest

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

func (s *suite) health(t *testing.T) {
	anon := &client{s: s}
	var h map[string]string
	anon.want(t, 200, "GET", "/healthz", nil, &h)
	if h["status"] != "ok" {
		t.Errorf("healthz = %v, want status ok", h)
	}
	anon.want(t, 200, "GET", "/readyz", nil, &h)
	if h["status"] != "ready" || len(h["engine"]) != 64 {
		t.Errorf("readyz = %v, want status ready and an engine id", h)
	}
	var v struct {
		Engine string   `json:"engine"`
		ABI    int      `json:"abi"`
		Ops    []string `json:"ops"`
	}
	anon.want(t, 200, "GET", "/v1/version", nil, &v)
	if v.ABI != dispatch.ABI || v.Engine != h["engine"] || !strings.Contains(strings.Join(v.Ops, ","), "decide") {
		t.Errorf("version = %+v, want abi %d, engine %s and the decide operation", v, dispatch.ABI, h["engine"])
	}
	anon.wantError(t, 404, "not_found", "GET", "/v1/nothing-here", nil)
	r := anon.wantError(t, 405, "invalid", "DELETE", "/v1/batches", nil)
	if !strings.Contains(r.Header.Get("Allow"), "GET") {
		t.Errorf("405 Allow = %q, want GET and POST", r.Header.Get("Allow"))
	}
	anon.wantError(t, 404, "not_found", "GET", "/metrics", nil) // not on the API's address
	if s.tg.MetricsURL != "" {
		res, err := s.http.Get(s.tg.MetricsURL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), `inviteguard_http_requests_total{route="GET /healthz",status="200"}`) {
			t.Errorf("/metrics on %s: got %d, want 200 with the requests of GET /healthz counted", s.tg.MetricsURL, res.StatusCode)
		}
	}
}

func (s *suite) auth(t *testing.T) {
	anon := &client{s: s}
	r := anon.wantError(t, 401, "unauthorized", "GET", "/v1/batches", nil)
	if !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("WWW-Authenticate = %q, want Bearer", r.Header.Get("WWW-Authenticate"))
	}
	for _, tok := range []string{"nonsense", "igt_", "igt_abc_def", "igt_" + strings.Repeat("z", 24) + "_secret"} {
		(&client{s: s, token: tok}).wantError(t, 401, "unauthorized", "GET", "/v1/batches", nil)
	}
	c := s.client(t, "auth")
	var me map[string]string
	c.want(t, 200, "GET", "/v1/me", nil, &me)
	if me["user"] != s.user("auth") {
		t.Errorf("me = %v, want user %s", me, s.user("auth"))
	}
	// A right token ID with a wrong secret.
	id, _, _ := strings.Cut(strings.TrimPrefix(c.token, "igt_"), "_")
	(&client{s: s, token: "igt_" + id + "_wrongsecret"}).wantError(t, 401, "unauthorized", "GET", "/v1/batches", nil)
	if s.tg.ExpiredToken != nil {
		(&client{s: s, token: s.tg.ExpiredToken(t, s.user("auth"))}).wantError(t, 401, "unauthorized", "GET", "/v1/batches", nil)
	}
	if s.tg.RevokedToken != nil {
		(&client{s: s, token: s.tg.RevokedToken(t, s.user("auth"))}).wantError(t, 401, "unauthorized", "GET", "/v1/batches", nil)
	}
}

func (s *suite) batches(t *testing.T) {
	c := s.client(t, "batches")
	req := decideRequest(3, "bt")
	dec := c.decide(t, req)
	body := map[string]any{
		"clientBatchId": "client-batch-1", "engineId": c.engineID(t), "request": req, "decision": dec,
		"sent": []int{0, 2}, "sentAt": t0.Add(5 * time.Second),
	}
	var first batchOut
	r := c.want(t, 201, "POST", "/v1/batches", body, &first)
	if first.ID == "" || first.SentCount != 2 || first.ClientBatchID != "client-batch-1" || len(first.Sent) != 2 {
		t.Fatalf("record = %s, want an id and 2 sent", r)
	}
	if loc := r.Header.Get("Location"); loc != "/v1/batches/"+first.ID {
		t.Errorf("Location = %q", loc)
	}
	// The same batch again: the same answer.
	r2 := c.want(t, 200, "POST", "/v1/batches", body, nil)
	if string(r2.Body) != string(r.Body) {
		t.Errorf("replay answered\n%s\nwant\n%s", r2.Body, r.Body)
	}
	// The same ID with another body: a conflict, and nothing changes.
	before := c.exportSnapshot(t)
	other := map[string]any{}
	for k, v := range body {
		other[k] = v
	}
	other["sent"] = []int{1}
	c.wantError(t, 409, "conflict", "POST", "/v1/batches", other)
	if after := c.exportSnapshot(t); after != before {
		t.Errorf("a conflicting record changed the data")
	}
	var got batchOut
	c.want(t, 200, "GET", "/v1/batches/"+first.ID, nil, &got)
	if got.ID != first.ID || len(got.Request) == 0 || len(got.Decision) == 0 {
		t.Errorf("get batch = %+v, want request and decision", got)
	}
	var stored struct {
		Recipients []struct {
			Key string `json:"key"`
		} `json:"recipients"`
	}
	if err := json.Unmarshal(got.Request, &stored); err != nil || len(stored.Recipients) != 3 {
		t.Errorf("stored request has %d recipients (%v), want 3", len(stored.Recipients), err)
	}
	var list page[batchOut]
	c.want(t, 200, "GET", "/v1/batches", nil, &list)
	if len(list.Items) != 1 || list.Items[0].ID != first.ID || len(list.Items[0].Request) != 0 {
		t.Errorf("list = %+v, want the one batch without its request", list)
	}
	var invs page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?batch="+first.ID, nil, &invs)
	if len(invs.Items) != 2 {
		t.Fatalf("batch has %d invitations, want 2", len(invs.Items))
	}
	for _, inv := range invs.Items {
		if inv.State != "sent" || inv.Source != "extension" || !inv.SentAt.Equal(t0.Add(5*time.Second)) {
			t.Errorf("invitation = %+v, want sent by the extension at sentAt", inv)
		}
		var one invitation
		c.want(t, 200, "GET", "/v1/invitations/"+inv.ID, nil, &one)
		if one.ID != inv.ID || one.Key != inv.Key {
			t.Errorf("get invitation = %+v, want %+v", one, inv)
		}
	}
	c.wantError(t, 404, "not_found", "GET", "/v1/batches/b_doesnotexist", nil)
	c.wantError(t, 404, "not_found", "GET", "/v1/invitations/inv_doesnotexist", nil)
	// Filters.
	c.want(t, 200, "GET", "/v1/batches?network=xing", nil, &list)
	if len(list.Items) != 0 {
		t.Errorf("network=xing listed %d batches, want 0", len(list.Items))
	}
	c.want(t, 200, "GET", "/v1/batches?network=linkedin&verdict="+string(dec.Verdict)+"&from="+t0.Format(time.RFC3339)+"&to="+t0.Add(time.Hour).Format(time.RFC3339), nil, &list)
	if len(list.Items) != 1 {
		t.Errorf("matching filters listed %d batches, want 1", len(list.Items))
	}
	c.want(t, 200, "GET", "/v1/batches?from="+t0.Add(time.Hour).Format(time.RFC3339), nil, &list)
	if len(list.Items) != 0 {
		t.Errorf("from after the batch listed %d batches, want 0", len(list.Items))
	}
}

func (s *suite) cors(t *testing.T) {
	if s.tg.Origin == "" {
		t.Skip("no extension origin configured for this target")
	}
	anon := &client{s: s}
	r := anon.do(t, "OPTIONS", "/v1/batches", nil, "Origin", s.tg.Origin, "Access-Control-Request-Method", "POST",
		"Access-Control-Request-Headers", "authorization, content-type")
	if r.Status != http.StatusNoContent || r.Header.Get("Access-Control-Allow-Origin") != s.tg.Origin ||
		!strings.Contains(strings.ToLower(r.Header.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Errorf("preflight from the extension: %d %v", r.Status, r.Header)
	}
	r = anon.do(t, "OPTIONS", "/v1/batches", nil, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from a web page was admitted: %v", r.Header)
	}
	c := s.client(t, "cors")
	r = c.do(t, "GET", "/v1/batches", nil, "Origin", s.tg.Origin)
	if r.Status != 200 || r.Header.Get("Access-Control-Allow-Origin") != s.tg.Origin {
		t.Errorf("GET from the extension: %d, Allow-Origin %q", r.Status, r.Header.Get("Access-Control-Allow-Origin"))
	}
	r = c.do(t, "GET", "/v1/batches", nil, "Origin", "chrome-extension://"+strings.Repeat("b", 32))
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("another extension was admitted")
	}
}
