package apitest

import (
	"fmt"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// t0 is the fixed "now" of the fixtures: decisions are pure functions of their input.
var t0 = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// decideRequest makes a contact-import request of n selected members.
func decideRequest(n int, keyPrefix string) core.DecideRequest {
	member := true
	req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: t0}
	for i := range n {
		req.Recipients = append(req.Recipients, core.Recipient{
			Key:      fmt.Sprintf("https://www.linkedin.com/in/%s-%05d/", keyPrefix, i),
			Name:     fmt.Sprintf("Person %d", i),
			Member:   &member,
			Selected: true,
		})
	}
	return req
}

// batchOut is the answer of POST /v1/batches.
type batchOut struct {
	ID            string          `json:"id"`
	ClientBatchID string          `json:"clientBatchId"`
	EngineID      string          `json:"engineId"`
	Network       string          `json:"network"`
	Verdict       string          `json:"verdict"`
	SentCount     int             `json:"sentCount"`
	Sent          []int           `json:"sent"`
	SentAt        time.Time       `json:"sentAt"`
	Request       json.RawMessage `json:"request"`
	Decision      json.RawMessage `json:"decision"`
}

// verification is the answer of a verify.
type verification struct {
	Result       string `json:"result"`
	Engine       string `json:"engine"`
	ClientEngine string `json:"clientEngine"`
	SameEngine   bool   `json:"sameEngine"`
	Differences  []struct {
		Path     string          `json:"path"`
		Recorded json.RawMessage `json:"recorded"`
		Computed json.RawMessage `json:"computed"`
	} `json:"differences"`
	Computed json.RawMessage `json:"computed"`
	BatchID  string          `json:"batchId"`
}

// engineID asks the server which engine it runs.
func (c *client) engineID(t testing.TB) string {
	t.Helper()
	var v struct {
		Engine string `json:"engine"`
	}
	c.want(t, 200, "GET", "/v1/version", nil, &v)
	if len(v.Engine) != 64 {
		t.Fatalf("engine id %q is not 64 hex digits", v.Engine)
	}
	return v.Engine
}

// decide gets the server engine's decision for req (the computed side of a verify).
func (c *client) decide(t testing.TB, req core.DecideRequest) core.Decision {
	t.Helper()
	var v verification
	c.want(t, 200, "POST", "/v1/verify", map[string]any{
		"engineId": c.engineID(t), "request": req, "decision": core.Decision{Verdict: core.Allow},
	}, &v)
	var d core.Decision
	if err := json.Unmarshal(v.Computed, &d); err != nil {
		t.Fatalf("decode computed decision: %v", err)
	}
	return d
}

// record records a batch of n recipients, all sent, and returns it.
func (c *client) record(t testing.TB, clientID string, n int) batchOut {
	t.Helper()
	req := decideRequest(n, clientID)
	sent := make([]int, n)
	for i := range sent {
		sent[i] = i
	}
	var b batchOut
	c.want(t, 201, "POST", "/v1/batches", map[string]any{
		"clientBatchId": clientID, "engineId": c.engineID(t), "request": req, "decision": c.decide(t, req),
		"sent": sent, "sentAt": t0.Add(10 * time.Second),
	}, &b)
	return b
}

// page is a page of a list.
type page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

// invitation is an invitation as the API shows it.
type invitation struct {
	ID      string    `json:"id"`
	BatchID string    `json:"batchId"`
	Key     string    `json:"key"`
	Name    string    `json:"name"`
	Network string    `json:"network"`
	State   string    `json:"state"`
	SentAt  time.Time `json:"sentAt"`
	Source  string    `json:"source"`
}

// job is a withdrawal job as the API shows it.
type job struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Counts struct {
		Planned   int `json:"planned"`
		Pending   int `json:"pending"`
		Withdrawn int `json:"withdrawn"`
		NotFound  int `json:"notFound"`
		Failed    int `json:"failed"`
	} `json:"counts"`
	Items []struct {
		InvitationID string `json:"invitationId"`
		Key          string `json:"key"`
		Result       string `json:"result"`
	} `json:"items"`
	Skipped []json.RawMessage `json:"skipped"`
}

// exportSnapshot returns the user's export without its timestamp, for before/after comparisons.
func (c *client) exportSnapshot(t testing.TB) string {
	t.Helper()
	var e map[string]any
	c.want(t, 200, "GET", "/v1/export", nil, &e)
	delete(e, "exportedAt")
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("encode export: %v", err)
	}
	return string(b)
}
