package core

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var updateInputs = flag.Bool("update-inputs", false, "rewrite the generated golden inputs (core/testdata/decide/bulk_5000_*.in.json)")

// bulkNow is the "now" of the generated bulk case: just after a year boundary.
var bulkNow = time.Date(2027, 1, 4, 9, 30, 0, 0, time.UTC)

var firstNames = []string{"Anna", "Jürgen", "Zoë", "Émile", "Björn", "Sarah", "Ömer", "Grace", "Lukas", "Chloé", "Maximilian", "Ada"}
var lastNames = []string{"Schmidt", "Müller", "Weiß", "O'Brien", "Dubois", "Łukasiewicz", "Smith", "Großmann", "García", "Nguyễn", "Meyer", "Lovelace"}

// bulkRequest is a deterministic contact import of n rows with history: the
// shape of the 5,000-recipient performance goal. About 1 in 9 rows is
// unselected, 1 in 7 not a member, 1 in 11 of unknown membership, 1 in 53
// opted out, 1 in 97 a duplicate of an earlier row written differently (upper
// case, a country host, a tracking query), 1 in 41 a non-canonical spelling
// of a new person. History: 3 entries for every 5 rows, a mix of recent and
// old invitations, withdrawals, the other network and dates around the year
// boundary. The policy raises the limits so that the batch is not blocked
// (the user raised them) and the budget fits.
func bulkRequest(n int) DecideRequest {
	key := func(i int) string { return fmt.Sprintf("https://www.linkedin.com/in/member-%05d/", i) }
	rs := make([]Recipient, n)
	for i := range rs {
		r := Recipient{Key: key(i), Name: firstNames[i%len(firstNames)] + " " + lastNames[(i/len(firstNames))%len(lastNames)], Selected: i%9 != 4}
		switch {
		case i%7 == 3:
			r.Member = ptr(false)
			r.Key = fmt.Sprintf("member.%05d@example.org", i)
		case i%11 == 5:
		default:
			r.Member = ptr(true)
		}
		if i%53 == 17 {
			r.OptedOut = true
		}
		if i%41 == 40 {
			r.Key = fmt.Sprintf("HTTPS://de.linkedin.com/in/Member-%05d?trk=import", i)
		}
		if i%97 == 96 {
			j := i - 50
			r.Key = strings.ToUpper(key(j)[:12]) + key(j)[12:] + "?miniProfileUrn=x"
			if i%2 == 0 {
				r.Key = fmt.Sprintf("fr.linkedin.com/in/MEMBER-%05d", j)
			}
		}
		rs[i] = r
	}
	hs := make([]HistoryEntry, 0, n*3/5)
	for j := 0; len(hs) < cap(hs); j++ {
		i := (j * 7919) % n // spread over the rows
		h := HistoryEntry{Key: key(i), Network: LinkedIn, Kind: EventInvited}
		switch j % 6 {
		case 0: // recent: within the cooldown
			h.At = bulkNow.Add(-time.Duration(1+j%20) * 24 * time.Hour).Add(-time.Duration(j%600) * time.Minute)
		case 1: // old
			h.At = bulkNow.AddDate(0, -2, -j%30)
		case 2: // withdrawn recently (over the year boundary)
			h.Kind = EventWithdrawn
			h.At = time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC).Add(time.Duration(j%300) * time.Hour)
		case 3: // the other network
			h.Network = Xing
			h.At = bulkNow.Add(-24 * time.Hour)
		case 4: // a group invitation: not a connection invitation
			h.Surface, h.Target = SurfaceGroupInvite, "https://www.linkedin.com/groups/123/"
			h.At = bulkNow.Add(-48 * time.Hour)
		case 5: // someone not on this screen, invited this week (counts for the budget)
			h.Key = fmt.Sprintf("https://www.linkedin.com/in/elsewhere-%05d/", j)
			h.At = bulkNow.Add(-time.Duration(j%160) * time.Hour)
		}
		hs = append(hs, h)
	}
	pol := DefaultPolicy()
	// A policy as stored before the burst thresholds existed (0: the defaults); it keeps the file as it was.
	pol.BurstMinCount, pol.BurstFactor = 0, 0
	pol.BlockAbove = MaxRecipients
	pol.WeeklyBudgetLinkedIn = MaxRecipients
	return DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: rs, Policy: &pol, History: hs, Now: bulkNow}
}

// TestBulkGoldenInput keeps the generated golden input in step with bulkRequest
// (go test ./core -run TestBulkGoldenInput -update-inputs rewrites it).
func TestBulkGoldenInput(t *testing.T) {
	for _, c := range []struct {
		name string
		req  DecideRequest
	}{
		{"bulk_5000_history", bulkRequest(5000)},
	} {
		b, err := json.Marshal(c.req)
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, '\n')
		path := filepath.Join("testdata", "decide", c.name+".in.json")
		if *updateInputs {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./core -run TestBulkGoldenInput -update-inputs)", err)
		}
		if !bytes.Equal(have, b) {
			t.Errorf("%s differs from bulkRequest(5000); rerun with -update-inputs", path)
		}
	}
}

func TestBulkDecision(t *testing.T) {
	req := bulkRequest(5000)
	d, err := Decide(req)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, req, d)
	// Every flag occurs and the count needs typing.
	b := d.Breakdown
	for name, n := range map[string]int{"notMembers": b.NotMembers, "recentlyInvited": b.RecentlyInvited, "reinviteLocked": b.ReinviteLocked,
		"optedOut": b.OptedOut, "duplicates": b.Duplicates, "unknown": b.Unknown} {
		if n == 0 {
			t.Errorf("breakdown.%s = 0, want some", name)
		}
	}
	if d.Friction != FrictionType || d.ConfirmText != fmt.Sprint(d.Count) {
		t.Errorf("friction %s confirm %q, want type %d", d.Friction, d.ConfirmText, d.Count)
	}
}

// BenchmarkDecide5000 measures Decide on 5,000 recipients with 3,000 history
// entries (goal: well under 2 ms natively).
func BenchmarkDecide5000(b *testing.B) {
	req := bulkRequest(5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decide(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecide10 measures a typical small batch.
func BenchmarkDecide10(b *testing.B) {
	req := bulkRequest(10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decide(req); err != nil {
			b.Fatal(err)
		}
	}
}
