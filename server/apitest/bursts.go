package apitest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// burst is a burst as the API shows it.
type burst struct {
	ID          string    `json:"id"`
	Network     string    `json:"network"`
	From        time.Time `json:"from"`
	To          time.Time `json:"to"`
	Resolution  string    `json:"resolution"`
	Count       int       `json:"count"`
	Pending     int       `json:"pending"`
	Keys        []string  `json:"keys"`
	IDs         []string  `json:"ids"`
	FirstSeenAt time.Time `json:"firstSeenAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// scanOut is the part of a scan's answer the burst cases read.
type scanOut struct {
	Imported []invitation `json:"imported"`
	Bursts   []burst      `json:"bursts"`
}

// phoneCards are n cards "Sent today" of people invited from the phone app.
func phoneCards(prefix string, n int) []core.SentCard {
	names := []string{"Dr. Anna Müller", "Jean-Luc O'Brien, MBA", "Priya Raman (she/her)", "王伟", "José 🚀 García", "Zoë 2000"}
	out := make([]core.SentCard, n)
	for i := range out {
		out[i] = core.SentCard{Key: "https://www.linkedin.com/in/" + prefix + "-" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + "/",
			Name: names[i%len(names)], AgeText: "Sent today"}
	}
	return out
}

// bursts: a scan with 20 invitations sent today from outside Invite Guard
// stores a burst; a re-scan with stragglers keeps its id; a job with
// selector burst withdraws exactly its invitations, never the batch's.
func (s *suite) bursts(t *testing.T) {
	c := s.client(t, "bursts")
	b := c.record(t, "burst-own", 3)
	var own page[invitation]
	c.want(t, 200, "GET", "/v1/invitations?batch="+b.ID, nil, &own)
	cards := phoneCards("phone", 20)
	for _, inv := range own.Items {
		cards = append(cards, core.SentCard{Key: inv.Key, Name: inv.Name, AgeText: "Sent 9 months ago"})
	}
	cards = append(cards, core.SentCard{Key: "https://www.linkedin.com/in/older-one/", Name: "Ólafur Þórsson", AgeText: "Sent 2 weeks ago"})
	var first scanOut
	c.want(t, 200, "POST", "/v1/scans", map[string]any{"network": "linkedin", "complete": true, "cards": cards}, &first)
	if len(first.Imported) != 21 || len(first.Bursts) != 1 || first.Bursts[0].Count != 20 || first.Bursts[0].Pending != 20 {
		t.Fatalf("first scan: %d imported, bursts %+v; want 21 and one burst of 20", len(first.Imported), first.Bursts)
	}
	id := first.Bursts[0].ID
	var list page[burst]
	c.want(t, 200, "GET", "/v1/bursts", nil, &list)
	if len(list.Items) != 1 || list.Items[0].ID != id || list.Items[0].FirstSeenAt.IsZero() {
		t.Fatalf("GET /v1/bursts = %+v, want the one burst", list.Items)
	}
	firstSeen := list.Items[0].FirstSeenAt
	c.want(t, 200, "GET", "/v1/bursts?network=xing", nil, &list)
	if len(list.Items) != 0 {
		t.Errorf("xing bursts = %+v, want none", list.Items)
	}

	// The same list with three more of the phone's invitations: they join, the id stays.
	var again scanOut
	more := slices.Concat(cards, phoneCards("late", 3))
	c.want(t, 200, "POST", "/v1/scans", map[string]any{"network": "linkedin", "complete": true, "cards": more}, &again)
	if len(again.Bursts) != 1 || again.Bursts[0].ID != id || again.Bursts[0].Count != 23 {
		t.Fatalf("re-scan: bursts %+v, want %s with 23", again.Bursts, id)
	}
	var got burst
	c.want(t, 200, "GET", "/v1/bursts/"+id, nil, &got)
	if got.Count != 23 || !got.FirstSeenAt.Equal(firstSeen) || got.UpdatedAt.Before(firstSeen) {
		t.Errorf("stored burst = %+v, want 23 first seen %s", got, firstSeen)
	}

	r := c.do(t, "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "burst", "burstId": id}, "seed": 12})
	if r.Status != 201 {
		t.Fatalf("create burst job: %s", r)
	}
	var j job
	c.want(t, 200, "GET", "/v1/jobs/"+jobID(t, r), nil, &j)
	if len(j.Items) != 23 {
		t.Fatalf("burst job plans %d, want 23", len(j.Items))
	}
	for _, it := range j.Items {
		if !slices.Contains(got.Keys, it.Key) || !slices.Contains(got.IDs, it.InvitationID) {
			t.Errorf("burst job withdraws %s (%s), not one of the burst's", it.Key, it.InvitationID)
		}
	}
	for _, inv := range own.Items {
		var now invitation
		c.want(t, 200, "GET", "/v1/invitations/"+inv.ID, nil, &now)
		if now.State != "sent" {
			t.Errorf("the batch's %s is %s, want sent (not in the burst)", inv.Key, now.State)
		}
	}
	var e struct {
		Bursts []burst `json:"bursts"`
	}
	c.want(t, 200, "GET", "/v1/export", nil, &e)
	if len(e.Bursts) != 1 || e.Bursts[0].ID != id || e.Bursts[0].Count != 23 {
		t.Errorf("export bursts = %+v, want %s", e.Bursts, id)
	}
	c.wantError(t, 404, "not_found", "GET", "/v1/bursts/burst:0000000000000000", nil)
	c.wantError(t, 404, "not_found", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "burst", "burstId": "burst:0000000000000000"}})
	c.wantError(t, 400, "invalid", "POST", "/v1/jobs", map[string]any{"selector": map[string]any{"kind": "burst"}})
	c.wantError(t, 400, "invalid", "GET", "/v1/bursts?network=myspace", nil)
	s.client(t, "bursts-other").wantError(t, 404, "not_found", "GET", "/v1/bursts/"+id, nil)
}

// scanTime: a scan the outbox uploads a day and a half after it was taken
// counts its ages from its scannedAt: the burst of "Sent today" lies before
// the scan, not on the day of the upload (and so has the id the extension's
// own reading gives it). A scannedAt ahead of the server's clock or over a
// year back is refused.
func (s *suite) scanTime(t *testing.T) {
	scannedAt := time.Now().UTC().Add(-36 * time.Hour).Truncate(time.Second)
	cards := phoneCards("late-upload", 18)
	var late, prompt scanOut
	s.client(t, "scan-late").want(t, 200, "POST", "/v1/scans", map[string]any{"network": "linkedin", "complete": true, "cards": cards, "scannedAt": scannedAt}, &late)
	if len(late.Bursts) != 1 || late.Bursts[0].Count != 18 {
		t.Fatalf("late upload: bursts %+v, want one of 18", late.Bursts)
	}
	if b := late.Bursts[0]; b.To.After(scannedAt) || !b.From.Before(scannedAt) {
		t.Errorf("late upload: burst %s – %s, want it to end by the scan at %s", b.From, b.To, scannedAt)
	}
	for _, inv := range late.Imported {
		if inv.SentAt.After(scannedAt) {
			t.Errorf("late upload: %s sent at %s, after the scan at %s", inv.Key, inv.SentAt, scannedAt)
		}
	}
	s.client(t, "scan-prompt").want(t, 200, "POST", "/v1/scans", map[string]any{"network": "linkedin", "complete": true, "cards": cards}, &prompt)
	if len(prompt.Bursts) != 1 || !prompt.Bursts[0].To.After(scannedAt.Add(24*time.Hour)) {
		t.Fatalf("upload without scannedAt: bursts %+v, want one counted from now", prompt.Bursts)
	}
	c := s.client(t, "scan-bad-time")
	c.wantError(t, 400, "invalid", "POST", "/v1/scans", map[string]any{"network": "linkedin", "cards": cards, "scannedAt": time.Now().Add(time.Hour).UTC()})
	c.wantError(t, 400, "invalid", "POST", "/v1/scans", map[string]any{"network": "linkedin", "cards": cards, "scannedAt": time.Now().AddDate(-2, 0, 0).UTC()})
}

// burstsGolden checks that POST /v1/bursts/detect answers every golden
// detect_bursts case byte for byte: the body of a success is the golden "ok"
// value, the body of a refusal the golden error envelope.
func (s *suite) burstsGolden(t *testing.T) {
	c := s.client(t, "bursts-golden")
	dir := filepath.Join(filepath.Dir(goldenDir(t)), "detect_bursts")
	ins, err := filepath.Glob(filepath.Join(dir, "*.in.json"))
	if err != nil || len(ins) == 0 {
		t.Fatalf("no golden detect_bursts cases in %s (%v)", dir, err)
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			req, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, ".in.json") + ".out.json")
			if err != nil {
				t.Fatal(err)
			}
			r := c.do(t, "POST", "/v1/bursts/detect", req)
			got := r.Body
			if r.Status == 200 {
				got = slices.Concat([]byte(`{"ok":`), bytes.TrimSuffix(r.Body, []byte("\n")), []byte("}\n"))
			}
			if !bytes.Equal(got, want) {
				t.Errorf("over HTTP: %s\nwant: %s", clipBytes(got), clipBytes(want))
			}
		})
	}
}

func clipBytes(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}
