package core

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// The simulated Sent list: a user's invitations with their true sending and
// acceptance times, read by scans the way LinkedIn shows them (calendar-day
// wording), reconciled into a history, as the extension and the server do.

// simNames are names as people write them on LinkedIn.
var simNames = []string{
	"Dr. Anna Müller", "Jean-Luc O'Brien, MBA", "Priya Raman (she/her)", "王伟", "José 🚀 García",
	"Zoë van der Berg", "Łukasz Wiśniewski", "Mary-Kate O'Neil", "Ahmed Al-Farsi", "Ólafur Þórsson",
	"Nguyễn Thị Lan", "Chloé Dubois, PhD", "Björn 3000", "Αλέξανδρος Παπαδόπουλος", "Иван Петров",
}

// simInv is one invitation of the simulated user.
type simInv struct {
	key, name string
	sent      time.Time
	viaIG     bool
	accepted  time.Time // zero: not accepted
}

// simWorld is what the user sent and what Invite Guard knows.
type simWorld struct {
	invs   []simInv // sorted by sent
	known  []Invitation
	byID   map[string]int
	nextIG int // invs[:nextIG] were looked at for Invite Guard's own records
}

func newSimWorld(invs []simInv) *simWorld {
	slices.SortStableFunc(invs, func(a, b simInv) int { return a.sent.Compare(b.sent) })
	return &simWorld{invs: invs, byID: map[string]int{}}
}

// linkedInAge is the age text LinkedIn shows at now for an invitation sent at sent.
func linkedInAge(sent, now time.Time) string {
	y1, m1, d1 := sent.In(now.Location()).Date()
	y2, m2, d2 := now.Date()
	days := int(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
	plural := func(n int, unit string) string {
		if n == 1 {
			return "Sent 1 " + unit + " ago"
		}
		return fmt.Sprintf("Sent %d %ss ago", n, unit)
	}
	switch {
	case days <= 0:
		return "Sent today"
	case days == 1:
		return "Sent yesterday"
	case days < 7:
		return fmt.Sprintf("Sent %d days ago", days)
	case days < 30:
		return plural(days/7, "week")
	case days < 365:
		return plural(days/30, "month")
	}
	return plural(days/365, "year")
}

// record adds Invite Guard's own invitations sent up to now to the history.
func (w *simWorld) record(now time.Time) {
	for ; w.nextIG < len(w.invs) && !w.invs[w.nextIG].sent.After(now); w.nextIG++ {
		s := w.invs[w.nextIG]
		if !s.viaIG {
			continue
		}
		id := fmt.Sprintf("ig-%d", w.nextIG)
		w.byID[id] = len(w.known)
		w.known = append(w.known, Invitation{
			ID: id, BatchID: "b-" + s.sent.Format("2006-01-02"), Key: s.key, Name: s.name, Network: LinkedIn,
			State: StateSent, SentAt: s.sent, Source: SourceExtension,
		})
	}
}

// cards is the whole Sent list at now: every invitation sent and not accepted.
func (w *simWorld) cards(now time.Time) []SentCard {
	var out []SentCard
	for i := len(w.invs) - 1; i >= 0; i-- { // newest first, as the page lists them
		s := w.invs[i]
		if s.sent.After(now) || (!s.accepted.IsZero() && !s.accepted.After(now)) {
			continue
		}
		out = append(out, SentCard{Key: s.key, Name: s.name, AgeText: linkedInAge(s.sent, now)})
	}
	return out
}

// scan reads the whole list at now, reconciles it and applies the result.
func (w *simWorld) scan(t testing.TB, now time.Time) ReconcileResult {
	t.Helper()
	w.record(now)
	res, err := Reconcile(ReconcileRequest{Network: LinkedIn, Cards: w.cards(now), Complete: true, Known: w.known, Now: now})
	if err != nil {
		t.Fatalf("reconcile at %s: %v", now, err)
	}
	for _, ch := range res.Changed {
		w.known[w.byID[ch.ID]].State = ch.To
	}
	for _, inv := range res.Imported {
		w.byID[inv.ID] = len(w.known)
		w.known = append(w.known, inv)
	}
	return res
}

// detect runs DetectBursts on the history at now.
func (w *simWorld) detect(t testing.TB, now time.Time, pol *Policy) []Burst {
	t.Helper()
	res, err := DetectBursts(BurstRequest{Network: LinkedIn, Invitations: w.known, Policy: pol, Now: now})
	if err != nil {
		t.Fatalf("detect at %s: %v", now, err)
	}
	return res.Bursts
}

// simUser is the shape of one generated user's normal use.
type simUser struct {
	perDay      float64 // mean invitations per weekday
	viaIG       float64 // share sent through Invite Guard
	acceptP     float64 // share eventually accepted
	acceptDays  float64 // mean days to acceptance
	dayVariance float64 // σ of the log of a day's pace (some days busier than others, within a third and three times)
}

// calmUser draws a user: 0.2 to 25 invitations a weekday (log-uniform), weekends at a third.
func calmUser(r *rand.Rand) simUser {
	return simUser{
		perDay:      math.Exp(math.Log(0.2) + r.Float64()*(math.Log(25)-math.Log(0.2))),
		viaIG:       r.Float64(),
		acceptP:     0.2 + 0.6*r.Float64(),
		acceptDays:  0.5 + 9.5*r.Float64(),
		dayVariance: 0.2 + 0.3*r.Float64(),
	}
}

// poisson draws from a Poisson distribution (Knuth for small means, normal approximation above 50).
func poisson(r *rand.Rand, mean float64) int {
	if mean > 50 {
		return max(0, int(math.Round(mean+math.Sqrt(mean)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// calmInvitations generates a user's normal use from start for days days.
func calmInvitations(r *rand.Rand, u simUser, start time.Time, days int, tag string) []simInv {
	var out []simInv
	for d := range days {
		day := start.AddDate(0, 0, d)
		// Normal use: a day may be three times as busy as usual, or a third as busy, never more
		// (five times the usual pace is what a burst is).
		mean := u.perDay * min(3, max(1.0/3, math.Exp(u.dayVariance*r.NormFloat64()-u.dayVariance*u.dayVariance/2)))
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			mean /= 3
		}
		for n := poisson(r, mean); n > 0; n-- {
			at := day.Add(7*time.Hour + time.Duration(r.Int64N(int64(15*time.Hour))))
			s := simInv{
				key:   fmt.Sprintf("https://www.linkedin.com/in/%s-%d-%d/", tag, d, n),
				name:  simNames[r.IntN(len(simNames))],
				sent:  at,
				viaIG: r.Float64() < u.viaIG,
			}
			if r.Float64() < u.acceptP {
				s.accepted = at.Add(time.Duration(r.ExpFloat64() * u.acceptDays * float64(24*time.Hour)))
			}
			out = append(out, s)
		}
	}
	return out
}
