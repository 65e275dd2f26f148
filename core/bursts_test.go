package core

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// burstNow is the scan time of the burst tests: 4 Dec 2026, 15:00 in Berlin (UTC+1).
var burstNow = time.Date(2026, 12, 4, 15, 0, 0, 0, time.FixedZone("CET", 3600))

// scanned is an invitation imported by a scan at now with the age text.
func scanned(t testing.TB, id string, st State, age string, now time.Time) Invitation {
	t.Helper()
	r, err := ParseAge(AgeRequest{Text: age, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return Invitation{ID: id, Key: li(id), Name: simNames[len(id)%len(simNames)], Network: LinkedIn, State: st,
		SentAt: r.Latest, SentEarliest: &r.Earliest, Source: SourceScan}
}

// many returns n invitations made by mk(i).
func many(n int, mk func(i int) Invitation) []Invitation {
	out := make([]Invitation, n)
	for i := range out {
		out[i] = mk(i)
	}
	return out
}

// steady is a user's own pace: perDay invitations through Invite Guard on each of the days before now.
func steady(perDay, days int, now time.Time) []Invitation {
	var out []Invitation
	for d := 1; d <= days; d++ {
		for k := range perDay {
			at := now.AddDate(0, 0, -d).Add(time.Duration(k) * 17 * time.Minute)
			out = append(out, Invitation{ID: fmt.Sprintf("own-%d-%d", d, k), Key: li(fmt.Sprintf("own-%d-%d", d, k)),
				Network: LinkedIn, State: StateSent, SentAt: at, Source: SourceExtension, BatchID: fmt.Sprintf("b%d", d)})
		}
	}
	return out
}

func TestDetectBursts(t *testing.T) {
	now := burstNow
	today := func(n int, prefix string) []Invitation {
		return many(n, func(i int) Invitation {
			return scanned(t, fmt.Sprintf("%s%02d", prefix, i), StateSent, "Sent today", now)
		})
	}
	tests := []struct {
		name   string
		invs   []Invitation
		policy *Policy
		want   []string // "count/pending/resolution" of each burst, newest first
	}{
		{name: "58 today outside, 20 by Invite Guard yesterday", invs: slices.Concat(today(58, "t"), steady(0, 0, now), many(20, func(i int) Invitation {
			return Invitation{ID: fmt.Sprintf("ig%d", i), Key: li(fmt.Sprintf("ig%d", i)), Network: LinkedIn, State: StateSent,
				SentAt: now.AddDate(0, 0, -1), Source: SourceExtension, BatchID: "b1"}
		})), want: []string{"58/58/day"}},
		{name: "14 today is below the minimum", invs: today(14, "t")},
		{name: "15 today is the minimum", invs: today(15, "t"), want: []string{"15/15/day"}},
		{name: "40 today with a usual 10 a day needs 50", invs: slices.Concat(today(40, "t"), steady(10, 28, now))},
		{name: "50 today with a usual 10 a day", invs: slices.Concat(today(50, "t"), steady(10, 28, now)), want: []string{"50/50/day"}},
		{name: "Invite Guard's own invitations are never a burst", invs: steady(100, 1, now)},
		{name: "weeks are too vague for a day", invs: many(80, func(i int) Invitation {
			return scanned(t, fmt.Sprintf("w%02d", i), StateSent, "Sent 1 week ago", now)
		})},
		{name: "hours where the page shows them", invs: many(20, func(i int) Invitation {
			return scanned(t, fmt.Sprintf("h%02d", i), StateSent, "Sent 2 hours ago", now)
		}), want: []string{"20/20/hour"}},
		{name: "today and yesterday of one scan stay apart", invs: slices.Concat(today(20, "t"), many(30, func(i int) Invitation {
			return scanned(t, fmt.Sprintf("y%02d", i), StateSent, "Sent yesterday", now)
		})), want: []string{"20/20/day", "30/30/day"}},
		{name: "accepted and gone ones count but are not pending", invs: slices.Concat(today(16, "t"), many(4, func(i int) Invitation {
			st := []State{StateAccepted, StateGone, StateWithdrawn, StateWithdrawRequested}[i]
			return scanned(t, fmt.Sprintf("x%d", i), st, "Sent today", now)
		})), want: []string{"20/16/day"}},
		{name: "held and cancelled never went out", invs: slices.Concat(today(14, "t"), many(2, func(i int) Invitation {
			return scanned(t, fmt.Sprintf("x%d", i), []State{StateHeld, StateCancelled}[i], "Sent today", now)
		}))},
		{name: "the other network is ignored", invs: many(30, func(i int) Invitation {
			inv := scanned(t, fmt.Sprintf("x%02d", i), StateSent, "Sent today", now)
			inv.Network, inv.Key = Xing, "https://www.xing.com/profile/P_"+inv.ID
			return inv
		})},
		{name: "a stricter policy", invs: today(20, "t"), policy: &Policy{BurstMinCount: 25}, want: nil},
		{name: "a looser factor", invs: slices.Concat(today(25, "t"), steady(10, 28, now)), policy: &Policy{BurstFactor: 2}, want: []string{"25/25/day"}},
		{name: "exact outside times stand for their hour", invs: many(16, func(i int) Invitation {
			return Invitation{ID: fmt.Sprintf("o%d", i), Key: li(fmt.Sprintf("o%d", i)), Network: LinkedIn, State: StateSent,
				SentAt: now.Add(-time.Hour + time.Duration(i)*time.Minute), Source: "outside"}
		}), want: []string{"16/16/hour"}},
		{name: "an unreadable age is never placed", invs: many(20, func(i int) Invitation {
			inv := scanned(t, fmt.Sprintf("u%02d", i), StateSent, "Sent today", now)
			inv.SentEarliest = &time.Time{}
			return inv
		})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := BurstRequest{Network: LinkedIn, Invitations: tc.invs, Now: now}
			if tc.policy != nil {
				p := DefaultPolicy()
				if tc.policy.BurstMinCount != 0 {
					p.BurstMinCount = tc.policy.BurstMinCount
				}
				if tc.policy.BurstFactor != 0 {
					p.BurstFactor = tc.policy.BurstFactor
				}
				req.Policy = &p
			}
			res, err := DetectBursts(req)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range res.Bursts {
				got = append(got, fmt.Sprintf("%d/%d/%s", b.Count, b.Pending, b.Resolution))
				checkBurst(t, b, tc.invs)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("bursts = %v, want %v", got, tc.want)
			}
		})
	}
}

// checkBurst checks a burst's invariants against the invitations it came from.
func checkBurst(t *testing.T, b Burst, invs []Invitation) {
	t.Helper()
	byID := map[string]Invitation{}
	for _, inv := range invs {
		byID[inv.ID] = inv
	}
	if len(b.IDs) != b.Count || len(b.Keys) != b.Count || b.Count < b.Threshold {
		t.Errorf("burst %s: %d ids, %d keys, count %d, threshold %d", b.ID, len(b.IDs), len(b.Keys), b.Count, b.Threshold)
	}
	if !strings.HasPrefix(b.ID, "burst:") || b.From.After(b.To) {
		t.Errorf("burst %s from %s to %s", b.ID, b.From, b.To)
	}
	states := map[State]int{}
	for k, id := range b.IDs {
		inv, ok := byID[id]
		switch {
		case !ok:
			t.Fatalf("burst names %s, not among the invitations", id)
		case inv.Source == SourceExtension:
			t.Errorf("burst holds %s, sent by Invite Guard", id)
		case inv.Key != b.Keys[k]:
			t.Errorf("burst key %d is %s, the invitation's %s", k, b.Keys[k], inv.Key)
		case earliestSent(&inv).Before(b.From) && inv.SentEarliest != nil:
			t.Errorf("%s sent from %s, before the burst's %s", id, earliestSent(&inv), b.From)
		}
		states[inv.State]++
	}
	if states[StateSent] != b.Pending || states[StateAccepted] != b.Accepted || states[StateGone] != b.Gone {
		t.Errorf("burst counts %d pending, %d accepted, %d gone; states %v", b.Pending, b.Accepted, b.Gone, states)
	}
}

func TestDetectBurstsInvalid(t *testing.T) {
	bad := DefaultPolicy()
	bad.BurstFactor = 101
	tests := []struct {
		name string
		req  BurstRequest
		want string
	}{
		{"unknown network", BurstRequest{Network: "myspace", Now: burstNow}, `network "myspace" is unknown`},
		{"no now", BurstRequest{Network: LinkedIn}, "now: missing"},
		{"bad policy", BurstRequest{Network: LinkedIn, Now: burstNow, Policy: &bad}, "policy.burstFactor must be between 0 and 100, got 101"},
		{"repeated id", BurstRequest{Network: LinkedIn, Now: burstNow, Invitations: []Invitation{
			inv("a", li("a"), "A", StateSent, burstNow), inv("a", li("b"), "B", StateSent, burstNow),
		}}, `invitations[1].id "a" repeats invitations[0]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DetectBursts(tc.req)
			if ErrorCode(err) != CodeInvalid || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Errorf("got %v, want invalid: …%s…", err, tc.want)
			}
		})
	}
}

// burstScenario is the case on a simulated list of 300 cards: 58
// invitations went out today from the phone, 20 yesterday through Invite
// Guard, the rest is the user's calm history (about 3 a day, some accepted).
func burstScenario(t testing.TB, cards int) (*simWorld, time.Time) {
	r := rand.New(rand.NewPCG(12, 4))
	now := burstNow
	start := now.AddDate(0, 0, -120)
	u := simUser{perDay: 3, viaIG: 0.5, acceptP: 0.5, acceptDays: 20, dayVariance: 0.3}
	invs := calmInvitations(r, u, start, 119, "calm")
	for i := range 20 {
		invs = append(invs, simInv{key: li(fmt.Sprintf("ig-yesterday-%d", i)), name: simNames[i%len(simNames)],
			sent: now.AddDate(0, 0, -1).Add(time.Duration(i) * time.Minute), viaIG: true})
	}
	for i := range 58 {
		invs = append(invs, simInv{key: li(fmt.Sprintf("phone-%d", i)), name: simNames[(i+3)%len(simNames)],
			sent: now.Add(-3*time.Hour + time.Duration(i)*time.Second)})
	}
	// Fill (or trim) the old part of the list to the wanted number of cards.
	w := newSimWorld(invs)
	for n := len(w.cards(now)); n < cards; n++ {
		w.invs = append([]simInv{{key: li(fmt.Sprintf("old-%d", n)), name: simNames[n%len(simNames)], sent: start.AddDate(0, 0, -n%200)}}, w.invs...)
	}
	slices.SortStableFunc(w.invs, func(a, b simInv) int { return a.sent.Compare(b.sent) })
	// The user scanned a month ago and a week ago.
	w.scan(t, now.AddDate(0, 0, -30))
	w.scan(t, now.AddDate(0, 0, -7))
	return w, now
}

func TestDetectBurstsOnTheSentList(t *testing.T) {
	w, now := burstScenario(t, 300)
	if n := len(w.cards(now)); n != 300 {
		t.Fatalf("the list has %d cards, want 300", n)
	}
	w.scan(t, now)
	bursts := w.detect(t, now, nil)
	if len(bursts) != 1 {
		t.Fatalf("bursts = %+v, want one", bursts)
	}
	b := bursts[0]
	checkBurst(t, b, w.known)
	if b.Count != 58 || b.Pending != 58 || b.Resolution != ResolutionDay || b.UsualPerDay > 3 {
		t.Errorf("burst = %d (%d pending, %s), usually %.3f a day; want the 58 of today", b.Count, b.Pending, b.Resolution, b.UsualPerDay)
	}
	for _, k := range b.Keys {
		if !strings.Contains(k, "/phone-") {
			t.Errorf("burst holds %s, not one of the phone's", k)
		}
	}

	// Three of them are accepted, the user withdraws the rest; re-scans keep the burst's id.
	for i := range w.invs {
		if k := w.invs[i].key; k == li("phone-0") || k == li("phone-1") || k == li("phone-2") {
			w.invs[i].accepted = now.Add(time.Hour)
		}
	}
	later := now.Add(20 * time.Hour)
	w.scan(t, later)
	again := w.detect(t, later, nil)
	if len(again) != 1 || again[0].ID != b.ID || again[0].Gone != 3 || again[0].Pending != 55 {
		t.Fatalf("after a re-scan: %+v, want %s with 3 gone and 55 pending", again, b.ID)
	}
	plan, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectBurst, BurstID: b.ID}, Invitations: w.known, Seed: 1, Now: later})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Items) != 55 || len(plan.Skipped) != 3 {
		t.Fatalf("plan: %d items, %d skipped; want 55 and 3", len(plan.Items), len(plan.Skipped))
	}
	for _, it := range plan.Items {
		if !slices.Contains(b.IDs, it.ID) {
			t.Errorf("plan withdraws %s, not in the burst", it.ID)
		}
		w.known[w.byID[it.ID]].State = StateWithdrawn
	}
	for i := range w.invs {
		if strings.Contains(w.invs[i].key, "/phone-") {
			w.invs[i].accepted = later // off the list: withdrawn or accepted
		}
	}
	last := later.Add(30 * time.Hour)
	w.scan(t, last)
	final := w.detect(t, last, nil)
	if len(final) != 1 || final[0].ID != b.ID || final[0].Pending != 0 {
		t.Errorf("after the undo: %+v, want %s with nothing pending", final, b.ID)
	}
	if _, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectBurst, BurstID: "burst:0000000000000000"}, Invitations: w.known, Now: last}); ErrorCode(err) != CodeNotFound {
		t.Errorf("plan of an unknown burst: %v, want not_found", err)
	}
}

// TestDetectBurstsStragglers: a second scan hours later reads more of the
// same burst (the first one stopped early); they join it and the id stays.
func TestDetectBurstsStragglers(t *testing.T) {
	first := many(40, func(i int) Invitation { return scanned(t, fmt.Sprintf("a%02d", i), StateSent, "Sent today", burstNow) })
	res, err := DetectBursts(BurstRequest{Network: LinkedIn, Invitations: first, Now: burstNow})
	if err != nil || len(res.Bursts) != 1 {
		t.Fatalf("first scan: %+v %v", res, err)
	}
	later := burstNow.Add(3 * time.Hour)
	more := many(10, func(i int) Invitation { return scanned(t, fmt.Sprintf("b%02d", i), StateSent, "Sent today", later) })
	res2, err := DetectBursts(BurstRequest{Network: LinkedIn, Invitations: slices.Concat(first, more), Now: later})
	if err != nil || len(res2.Bursts) != 1 {
		t.Fatalf("second scan: %+v %v", res2, err)
	}
	if got := res2.Bursts[0]; got.ID != res.Bursts[0].ID || got.Count != 50 || !got.To.Equal(later) {
		t.Errorf("second scan: %s with %d to %s, want %s with 50 to %s", got.ID, got.Count, got.To, res.Bursts[0].ID, later)
	}
}

// TestFalseBurstRate: 1,000 generated months of normal use — users from 0.2
// to 25 invitations a weekday, some through Invite Guard, some accepted,
// days busier or calmer than others, scanning the whole list every 3 to 10
// days — and not one burst.
func TestFalseBurstRate(t *testing.T) {
	months, falseMonths, scans := 1000, 0, 0
	if testing.Short() {
		months = 100
	}
	for m := range months {
		r := rand.New(rand.NewPCG(uint64(m), 2026))
		u := calmUser(r)
		zone := time.FixedZone("", (r.IntN(25)-12)*3600)
		start := time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, zone)
		w := newSimWorld(calmInvitations(r, u, start, 120, "m"))
		// Invite Guard is installed 60 days in; the month observed is days 90 to 120.
		at := start.AddDate(0, 0, 60).Add(time.Duration(r.Int64N(int64(24 * time.Hour))))
		var found []Burst
		for end := start.AddDate(0, 0, 120); at.Before(end); at = at.Add(time.Duration(3*24+r.IntN(7*24)) * time.Hour) {
			w.scan(t, at)
			if at.Before(start.AddDate(0, 0, 90)) {
				continue
			}
			scans++
			found = append(found, w.detect(t, at, nil)...)
		}
		if len(found) > 0 {
			falseMonths++
			t.Logf("month %d (%.1f a day, %.0f%% through Invite Guard): %d false bursts, first %d usual %.2f threshold %d from %s",
				m, u.perDay, 100*u.viaIG, len(found), found[0].Count, found[0].UsualPerDay, found[0].Threshold, found[0].From)
		}
	}
	t.Logf("false bursts in %d of %d generated months (%d scans)", falseMonths, months, scans)
	if falseMonths != 0 {
		t.Errorf("%d of %d calm months had a false burst, want none", falseMonths, months)
	}
}

// TestBurstDetectionRate: the same calm months with an accident — 40 to 200
// invitations from the phone in a few minutes — are found by scans every 2
// to 6 days (LinkedIn says "Sent 1 week ago" from the 7th day on, too vague
// to tell the accident from the week's own invitations), with every accident invitation a scan read (some
// are accepted before any scan) and of the day's other invitations from
// outside (the user's own, from the phone, in the same age range) fewer than
// would make a burst by themselves.
func TestBurstDetectionRate(t *testing.T) {
	months, found := 200, 0
	for m := range months {
		r := rand.New(rand.NewPCG(uint64(m), 12))
		u := calmUser(r)
		u.perDay = min(u.perDay, 8) // the accident must stand out: 40 is five times a usual 8
		start := time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		invs := calmInvitations(r, u, start, 120, "m")
		when := start.AddDate(0, 0, 95+r.IntN(20)).Add(time.Duration(8*60+r.IntN(12*60))*time.Minute + 30*time.Second)
		size := 40 + r.IntN(161)
		for i := range size {
			invs = append(invs, simInv{key: li(fmt.Sprintf("acc-%d", i)), name: simNames[i%len(simNames)], sent: when.Add(time.Duration(i) * time.Second)})
		}
		w := newSimWorld(invs)
		at := start.AddDate(0, 0, 60)
		hit := false
		for end := start.AddDate(0, 0, 121); at.Before(end); at = at.Add(time.Duration(2*24+r.IntN(4*24)) * time.Hour) {
			w.scan(t, at)
			for _, b := range w.detect(t, at, nil) {
				acc, imported := 0, 0
				for _, k := range b.Keys {
					if strings.Contains(k, "/acc-") {
						acc++
					}
				}
				for _, inv := range w.known {
					if strings.Contains(inv.Key, "/acc-") {
						imported++
					}
				}
				// Every accident invitation the scans read, and of the day's others fewer than a burst's minimum.
				if acc == imported && imported > 0 && b.Count-acc < DefaultBurstMinCount {
					hit = true
				} else {
					t.Errorf("month %d: burst of %d with %d of the accident's %d read (%d sent)", m, b.Count, acc, imported, size)
				}
			}
		}
		if hit {
			found++
		}
	}
	t.Logf("accidents found in %d of %d months", found, months)
	if found != months {
		t.Errorf("found %d of %d accidents", found, months)
	}
}

// benchBursts measures DetectBursts on the scenario's history after a scan of n cards.
func benchBursts(b *testing.B, cards int) {
	w, now := burstScenario(b, cards)
	w.scan(b, now)
	req := BurstRequest{Network: LinkedIn, Invitations: w.known, Now: now}
	b.ReportMetric(float64(len(w.known)), "invitations")
	b.ResetTimer()
	for b.Loop() {
		if res, err := DetectBursts(req); err != nil || len(res.Bursts) != 1 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}

func BenchmarkDetectBursts300(b *testing.B)  { benchBursts(b, 300) }
func BenchmarkDetectBursts1000(b *testing.B) { benchBursts(b, 1000) }

// benchPlanBurst measures PlanWithdrawal of the scenario's burst.
func benchPlanBurst(b *testing.B, cards int) {
	w, now := burstScenario(b, cards)
	w.scan(b, now)
	bursts := w.detect(b, now, nil)
	req := WithdrawRequest{Selector: Selector{Kind: SelectBurst, BurstID: bursts[0].ID}, Invitations: w.known, Seed: 3, Now: now}
	b.ResetTimer()
	for b.Loop() {
		if plan, err := PlanWithdrawal(req); err != nil || len(plan.Items) != 58 {
			b.Fatalf("%d items, %v", len(plan.Items), err)
		}
	}
}

func BenchmarkPlanBurst300(b *testing.B)  { benchPlanBurst(b, 300) }
func BenchmarkPlanBurst1000(b *testing.B) { benchPlanBurst(b, 1000) }

// burstFuzzAges are the age texts the burst fuzzer draws from.
var burstFuzzAges = []string{"Sent today", "Sent yesterday", "Sent 2 days ago", "Sent 6 days ago", "Sent 3 hours ago",
	"Sent just now", "Sent 1 week ago", "Sent 1 month ago", "Vor 5 Stunden gesendet", "Envoyée hier"}

// fuzzBurstInvitations makes invitations from every 4 bytes of data: state,
// source and network, age text, and the day (back from now) of the scan that read it.
func fuzzBurstInvitations(t testing.TB, data []byte, now time.Time) []Invitation {
	var out []Invitation
	for i := 0; i+4 <= len(data) && i < 4*2000; i += 4 {
		st := States[int(data[i])%len(States)]
		at := now.AddDate(0, 0, -int(data[i+3]%60))
		id := fmt.Sprintf("f%d", i/4)
		var inv Invitation
		switch data[i+1] % 4 {
		case 0: // Invite Guard's own, exactly timed
			inv = Invitation{ID: id, Key: li(id), Network: LinkedIn, State: st, SentAt: at.Add(-time.Duration(data[i+2]) * time.Minute), Source: SourceExtension, BatchID: "b"}
		case 1: // from outside with an exact time
			inv = Invitation{ID: id, Key: li(id), Network: LinkedIn, State: st, SentAt: at.Add(-time.Duration(data[i+2]) * time.Minute), Source: "outside"}
		default:
			inv = scanned(t, id, st, burstFuzzAges[int(data[i+2])%len(burstFuzzAges)], at)
		}
		if data[i+1]&8 != 0 {
			inv.Network = Xing
		}
		out = append(out, inv)
	}
	return out
}

func FuzzDetectBursts(f *testing.F) {
	f.Add([]byte{1, 2, 0, 0}, uint8(2), uint8(1))
	f.Add(slices.Repeat([]byte{1, 2, 0, 0}, 20), uint8(15), uint8(5))
	f.Add(slices.Concat(slices.Repeat([]byte{1, 3, 1, 1}, 30), slices.Repeat([]byte{3, 0, 9, 2}, 30)), uint8(10), uint8(1))
	f.Add(slices.Repeat([]byte{1, 1, 7, 0, 4, 2, 4, 0, 1, 2, 9, 1}, 10), uint8(3), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, minCount, factor uint8) {
		invs := fuzzBurstInvitations(t, data, burstNow)
		pol := DefaultPolicy()
		pol.BurstMinCount, pol.BurstFactor = int(minCount), int(factor%101)
		req := BurstRequest{Network: LinkedIn, Invitations: invs, Policy: &pol, Now: burstNow}
		res, err := DetectBursts(req)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range res.Bursts {
			checkBurst(t, b, invs)
			plan, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectBurst, BurstID: b.ID}, Invitations: invs, Now: burstNow})
			if err != nil {
				t.Fatalf("plan of %s: %v", b.ID, err)
			}
			if len(plan.Items) > b.Pending {
				t.Errorf("plan of %s withdraws %d, the burst has %d pending", b.ID, len(plan.Items), b.Pending)
			}
			for _, it := range plan.Items {
				if !slices.Contains(b.IDs, it.ID) {
					t.Errorf("plan of %s withdraws %s, not in it", b.ID, it.ID)
				}
			}
		}
		// The order of the history does not matter.
		req.Invitations = slices.Clone(invs)
		slices.Reverse(req.Invitations)
		again, err := DetectBursts(req)
		if err != nil || !reflect.DeepEqual(again, res) {
			t.Errorf("reversed history gives %+v, want %+v (%v)", again, res, err)
		}
	})
}
