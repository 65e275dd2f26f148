package core

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

var wdNow = time.Date(2026, 11, 21, 22, 0, 0, 0, time.UTC)

func tp(t time.Time) *time.Time { return &t }

// wdInvitations is a history with two batches sent the same day, hand-written
// invitations, email invitations and every closed state.
func wdInvitations() []Invitation {
	day := 24 * time.Hour
	mk := func(id, batch, key string, st State, age time.Duration, member *bool) Invitation {
		return Invitation{ID: id, BatchID: batch, Key: key, Name: strings.ToUpper(id), Network: LinkedIn, State: st,
			SentAt: wdNow.Add(-age), Member: member, Source: SourceExtension}
	}
	yes, no := boolPtr(true), boolPtr(false)
	scanned := mk("s1", "", li("scanned"), StateSent, 21*day, yes)
	scanned.SentEarliest = tp(wdNow.Add(-28 * day))
	scanned.Source = SourceScan
	return []Invitation{
		mk("a1", "A", li("a1"), StateSent, 10*day, yes),
		mk("a2", "A", li("a2"), StateAccepted, 10*day, yes),
		mk("a3", "A", "a3@example.com", StateSent, 10*day+time.Minute, no),
		mk("a4", "A", li("a4"), StateWithdrawn, 10*day, yes),
		mk("a5", "A", li("a5"), StateWithdrawRequested, 10*day, yes),
		mk("b1", "B", li("b1"), StateSent, 10*day-time.Hour, yes), // another batch, the same day
		mk("b2", "B", li("a1"), StateSent, 10*day-2*time.Hour, yes),
		mk("h1", "", li("h1"), StateSent, 40*day, nil), // hand-written, no batch
		mk("h2", "", li("h2"), StateGone, 50*day, nil),
		mk("h3", "", "h3@example.com", StateHeld, 0, no),
		scanned,
	}
}

func planIDs(p WithdrawPlan) []string {
	out := []string{}
	for _, it := range p.Items {
		out = append(out, it.ID)
	}
	return out
}

func skipStrings(p WithdrawPlan) []string {
	out := []string{}
	for _, s := range p.Skipped {
		id := s.ID
		if id == "" {
			id = s.Key
		}
		out = append(out, id+":"+s.Reason)
	}
	return out
}

func TestPlanWithdrawalSelectors(t *testing.T) {
	tests := []struct {
		name    string
		sel     Selector
		items   []string
		skipped []string
	}{
		{
			name:    "batch A, never batch B of the same day",
			sel:     Selector{Kind: SelectBatch, BatchID: "A"},
			items:   []string{"a3", "a1"},
			skipped: []string{"a2:accepted", "a4:already_withdrawn", "a5:already_requested"},
		},
		{
			name:    "batch B: b2 is the same person as a1 but only b-batch items count",
			sel:     Selector{Kind: SelectBatch, BatchID: "B"},
			items:   []string{"b1", "b2"},
			skipped: []string{},
		},
		{
			name:    "unknown batch",
			sel:     Selector{Kind: SelectBatch, BatchID: "Z"},
			items:   []string{},
			skipped: []string{},
		},
		{
			name:    "range of the batch day",
			sel:     Selector{Kind: SelectRange, From: tp(wdNow.Add(-10*24*time.Hour - time.Hour)), To: tp(wdNow.Add(-10*24*time.Hour + 30*time.Minute))},
			items:   []string{"a3", "a1"},
			skipped: []string{"a2:accepted", "a4:already_withdrawn", "a5:already_requested"},
		},
		{
			name:    "range that cuts through the scanned invitation's age range",
			sel:     Selector{Kind: SelectRange, From: tp(wdNow.Add(-25 * 24 * time.Hour)), To: tp(wdNow)},
			items:   []string{"a3", "a1", "b1"},
			skipped: []string{"a2:accepted", "a4:already_withdrawn", "a5:already_requested", "h3:not_pending", "s1:uncertain_age", "b2:duplicate"},
		},
		{
			name:    "older than 30 days",
			sel:     Selector{Kind: SelectOlderThan, Days: 30},
			items:   []string{"h1"},
			skipped: []string{"h2:not_pending"},
		},
		{
			name:    "older than 14 days",
			sel:     Selector{Kind: SelectOlderThan, Days: 14},
			items:   []string{"h1", "s1"},
			skipped: []string{"h2:not_pending"},
		},
		{
			name:    "older than 25 days: the scanned one may or may not be",
			sel:     Selector{Kind: SelectOlderThan, Days: 25},
			items:   []string{"h1"},
			skipped: []string{"h2:not_pending", "s1:uncertain_age"},
		},
		{
			name:    "non-members only (unknown membership is not taken)",
			sel:     Selector{Kind: SelectNonMembers},
			items:   []string{"a3"},
			skipped: []string{"h3:not_pending"},
		},
		{
			name:    "keys",
			sel:     Selector{Kind: SelectKeys, Keys: []string{"https://de.linkedin.com/in/A1?trk=x", li("h2"), li("nobody"), li("a1")}},
			items:   []string{"a1"},
			skipped: []string{"h2:not_pending", "b2:duplicate", li("nobody") + ":unknown", li("a1") + ":duplicate"},
		},
		{
			name:    "all pending",
			sel:     Selector{Kind: SelectAllPending},
			items:   []string{"h1", "s1", "a3", "a1", "b1"},
			skipped: []string{"a5:already_requested", "b2:duplicate"},
		},
	}
	for _, tt := range tests {
		got, err := PlanWithdrawal(WithdrawRequest{Selector: tt.sel, Invitations: wdInvitations(), Seed: 1, Now: wdNow})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if g := planIDs(got); !reflect.DeepEqual(g, tt.items) {
			t.Errorf("%s: items %v, want %v", tt.name, g, tt.items)
		}
		if g := skipStrings(got); !reflect.DeepEqual(g, tt.skipped) {
			t.Errorf("%s: skipped %v, want %v", tt.name, g, tt.skipped)
		}
	}
}

// TestPlanWithdrawalNeverOutsideSelector checks, for many selectors, that
// every planned item is matched by the selector and pending.
func TestPlanWithdrawalNeverOutsideSelector(t *testing.T) {
	invs := wdInvitations()
	byID := map[string]Invitation{}
	for _, v := range invs {
		byID[v.ID] = v
	}
	for _, batch := range []string{"A", "B", "C"} {
		got, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectBatch, BatchID: batch}, Invitations: invs, Now: wdNow})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range got.Items {
			if v := byID[it.ID]; v.BatchID != batch || v.State != StateSent {
				t.Errorf("batch %s plans %s of batch %q in state %s", batch, it.ID, v.BatchID, v.State)
			}
		}
	}
}

func TestPlanWithdrawalSchedule(t *testing.T) {
	var invs []Invitation
	for i := 0; i < 7; i++ {
		invs = append(invs, Invitation{ID: fmt.Sprintf("i%d", i), Key: li(fmt.Sprintf("p%d", i)), Network: LinkedIn, State: StateSent,
			SentAt: wdNow.Add(-time.Duration(100-i) * time.Hour)})
	}
	pol := DefaultPolicy()
	pol.WithdrawDailyCap = 3
	req := WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Invitations: invs, Policy: &pol, DoneToday: 1, Seed: 42, Now: wdNow}
	got, err := PlanWithdrawal(req)
	if err != nil {
		t.Fatal(err)
	}
	wantDays := []int{0, 0, 1, 1, 1, 2, 2}
	midnight1 := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	midnight2 := midnight1.Add(24 * time.Hour)
	if len(got.Items) != 7 {
		t.Fatalf("items %v", planIDs(got))
	}
	for k, it := range got.Items {
		if it.ID != fmt.Sprintf("i%d", k) || it.Day != wantDays[k] {
			t.Errorf("item %d = %s day %d, want i%d day %d", k, it.ID, it.Day, k, wantDays[k])
		}
	}
	// Today: the first item at Now, the next one a pace later.
	if !got.Items[0].At.Equal(wdNow) {
		t.Errorf("first item at %s, want now %s", got.Items[0].At, wdNow)
	}
	// Each later day starts at midnight; inside a day, paces within bounds.
	for k, it := range got.Items {
		switch {
		case k == 2:
			if !it.At.Equal(midnight1) {
				t.Errorf("first item of day 1 at %s, want %s", it.At, midnight1)
			}
		case k == 5:
			if !it.At.Equal(midnight2) {
				t.Errorf("first item of day 2 at %s, want %s", it.At, midnight2)
			}
		case k > 0:
			pace := it.At.Sub(got.Items[k-1].At)
			if pace < 2*time.Second || pace > 5*time.Second || pace%time.Millisecond != 0 {
				t.Errorf("pace before item %d = %s, want 2–5 s in whole ms", k, pace)
			}
		}
	}
	if got.Days != 3 {
		t.Errorf("Days = %d, want 3", got.Days)
	}
	wantDur := int((got.Items[1].At.Sub(wdNow) + time.Second - 1) / time.Second)
	if got.DurationSeconds != wantDur || wantDur < 2 || wantDur > 5 {
		t.Errorf("DurationSeconds = %d, want %d (2–5)", got.DurationSeconds, wantDur)
	}
	if got.FinishAt == nil || !got.FinishAt.Equal(got.Items[6].At) {
		t.Errorf("FinishAt = %v, want %s", got.FinishAt, got.Items[6].At)
	}
	// The exact times of a fixed seed (SplitMix64, seed 42): a change here changes every stored plan.
	g := splitMix64{state: 42}
	want1 := wdNow.Add(time.Duration(g.between(2000, 5000)) * time.Millisecond)
	if !got.Items[1].At.Equal(want1) {
		t.Errorf("item 1 at %s, want %s", got.Items[1].At, want1)
	}

	// Same seed, same plan; another seed, other paces.
	again, _ := PlanWithdrawal(req)
	if !reflect.DeepEqual(again, got) {
		t.Error("the same seed gave another plan")
	}
	req.Seed = 43
	other, _ := PlanWithdrawal(req)
	if reflect.DeepEqual(other.Items, got.Items) {
		t.Error("seeds 42 and 43 gave the same times")
	}
	if !reflect.DeepEqual(planIDs(other), planIDs(got)) {
		t.Error("the seed changed the order")
	}
}

func TestPlanWithdrawalCap(t *testing.T) {
	var invs []Invitation
	for i := 0; i < 250; i++ {
		invs = append(invs, Invitation{ID: fmt.Sprintf("i%03d", i), Key: li(fmt.Sprintf("p%d", i)), Network: LinkedIn, State: StateSent, SentAt: wdNow.Add(-time.Hour)})
	}
	tests := []struct {
		done    int
		perDay  []int
		days    int
		durZero bool
	}{
		{0, []int{100, 100, 50}, 3, false},
		{40, []int{60, 100, 90}, 3, false},
		{100, []int{0, 100, 100, 50}, 4, true},
		{500, []int{0, 100, 100, 50}, 4, true},
	}
	for _, tt := range tests {
		got, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Invitations: invs, DoneToday: tt.done, Seed: 9, Now: wdNow})
		if err != nil {
			t.Fatal(err)
		}
		perDay := make([]int, got.Days)
		for _, it := range got.Items {
			perDay[it.Day]++
		}
		if !reflect.DeepEqual(perDay, tt.perDay) || got.Days != tt.days {
			t.Errorf("doneToday %d: per day %v (days %d), want %v (%d)", tt.done, perDay, got.Days, tt.perDay, tt.days)
		}
		if (got.DurationSeconds == 0) != tt.durZero {
			t.Errorf("doneToday %d: DurationSeconds %d", tt.done, got.DurationSeconds)
		}
		if tt.perDay[0] > 0 {
			// 59 or 99 paces of 2–5 s.
			n := tt.perDay[0] - 1
			if got.DurationSeconds < 2*n || got.DurationSeconds > 5*n {
				t.Errorf("doneToday %d: DurationSeconds %d, want between %d and %d", tt.done, got.DurationSeconds, 2*n, 5*n)
			}
		}
	}
}

// TestPlanWithdrawalLocalMidnight: with Now in a zone, later days start at that zone's midnight.
func TestPlanWithdrawalLocalMidnight(t *testing.T) {
	zone := time.FixedZone("", 2*3600)
	now := time.Date(2026, 11, 21, 23, 59, 0, 0, zone)
	pol := DefaultPolicy()
	pol.WithdrawDailyCap = 1
	invs := []Invitation{
		{ID: "x", Key: li("x"), Network: LinkedIn, State: StateSent, SentAt: now.Add(-time.Hour)},
		{ID: "y", Key: li("y"), Network: LinkedIn, State: StateSent, SentAt: now.Add(-time.Minute)},
	}
	got, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Invitations: invs, Policy: &pol, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 22, 0, 0, 0, 0, zone); !got.Items[1].At.Equal(want) || got.Items[1].Day != 1 {
		t.Errorf("second item at %s day %d, want %s day 1", got.Items[1].At, got.Items[1].Day, want)
	}
}

func TestPlanWithdrawalEmpty(t *testing.T) {
	got, err := PlanWithdrawal(WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Now: wdNow})
	if err != nil {
		t.Fatal(err)
	}
	if got.Items == nil || got.Skipped == nil || len(got.Items) != 0 || got.Days != 0 || got.FinishAt != nil || got.DurationSeconds != 0 {
		t.Errorf("empty plan = %+v", got)
	}
}

func TestPlanWithdrawalInvalid(t *testing.T) {
	bad := DefaultPolicy()
	bad.WithdrawPaceMinMs = 6000
	ok := Invitation{ID: "a", Key: li("a"), Network: LinkedIn, State: StateSent, SentAt: wdNow}
	tests := []struct {
		name string
		req  WithdrawRequest
		want string
	}{
		{"kind", WithdrawRequest{Selector: Selector{Kind: "everything"}, Now: wdNow}, `selector.kind "everything" is unknown`},
		{"batch", WithdrawRequest{Selector: Selector{Kind: SelectBatch, BatchID: " "}, Now: wdNow}, "selector.batchId is missing"},
		{"range open", WithdrawRequest{Selector: Selector{Kind: SelectRange, From: tp(wdNow)}, Now: wdNow}, "selector.from and selector.to are both needed"},
		{"range reversed", WithdrawRequest{Selector: Selector{Kind: SelectRange, From: tp(wdNow), To: tp(wdNow.Add(-time.Hour))}, Now: wdNow}, "selector.from (2026-11-21T22:00:00Z) is after selector.to (2026-11-21T21:00:00Z)"},
		{"days 0", WithdrawRequest{Selector: Selector{Kind: SelectOlderThan}, Now: wdNow}, "selector.days must be between 1 and 3650 for older_than, got 0"},
		{"days negative", WithdrawRequest{Selector: Selector{Kind: SelectOlderThan, Days: -3}, Now: wdNow}, "selector.days must be between 1 and 3650"},
		{"keys empty", WithdrawRequest{Selector: Selector{Kind: SelectKeys}, Now: wdNow}, "selector.keys is empty"},
		{"key blank", WithdrawRequest{Selector: Selector{Kind: SelectKeys, Keys: []string{li("a"), ""}}, Now: wdNow}, "selector.keys[1] is empty"},
		{"foreign field", WithdrawRequest{Selector: Selector{Kind: SelectAllPending, BatchID: "A"}, Now: wdNow}, "selector.batchId belongs to a batch selector, not to all_pending"},
		{"foreign days", WithdrawRequest{Selector: Selector{Kind: SelectBatch, BatchID: "A", Days: 3}, Now: wdNow}, "selector.days belongs to a older_than selector, not to batch"},
		{"policy", WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Policy: &bad, Now: wdNow}, "policy.withdrawPaceMinMs (6000) must not exceed"},
		{"done today", WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, DoneToday: -1, Now: wdNow}, "doneToday must be between 0"},
		{"now", WithdrawRequest{Selector: Selector{Kind: SelectAllPending}}, "now: missing"},
		{"dup id", WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Invitations: []Invitation{ok, ok}, Now: wdNow}, `invitations[1].id "a" repeats invitations[0]`},
		{"bad state", WithdrawRequest{Selector: Selector{Kind: SelectAllPending}, Invitations: []Invitation{{ID: "a", Key: "k", Network: LinkedIn, State: "open"}}, Now: wdNow}, `invitations[0].state "open" is unknown`},
	}
	for _, tt := range tests {
		_, err := PlanWithdrawal(tt.req)
		if got := ErrorCode(err); got != CodeInvalid {
			t.Errorf("%s: code %q, want invalid (%v)", tt.name, got, err)
			continue
		}
		if got := ErrorMessage(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: message %q, want prefix %q", tt.name, got, tt.want)
		}
	}
}

// fuzzWithdrawRequest builds a request from fuzz bytes with a small alphabet
// of keys, batches and states; the selector may be invalid on purpose.
func fuzzWithdrawRequest(data []byte, seed uint64) WithdrawRequest {
	f := &fuzzBytes{b: data}
	keys := []string{li("a"), li("b"), "https://de.linkedin.com/in/A", "c@example.com", li("d")}
	batches := []string{"", "A", "B"}
	req := WithdrawRequest{Seed: seed, Now: wdNow, DoneToday: f.next(120) - 5}
	kind := SelectorKinds[f.next(len(SelectorKinds))]
	req.Selector = Selector{Kind: kind}
	switch kind {
	case SelectBatch:
		req.Selector.BatchID = batches[f.next(len(batches))]
	case SelectRange:
		req.Selector.From = tp(wdNow.Add(-time.Duration(f.next(100)) * time.Hour))
		req.Selector.To = tp(wdNow.Add(-time.Duration(f.next(100)) * time.Hour))
	case SelectOlderThan:
		req.Selector.Days = f.next(6)
	case SelectKeys:
		for n := f.next(4); n > 0; n-- {
			req.Selector.Keys = append(req.Selector.Keys, keys[f.next(len(keys))]+[]string{"", "x"}[f.next(2)])
		}
	}
	if f.next(2) == 1 {
		pol := DefaultPolicy()
		pol.WithdrawDailyCap = 1 + f.next(5)
		pol.WithdrawPaceMinMs = 500 + f.next(3)*1000
		pol.WithdrawPaceMaxMs = 500 + f.next(4)*1000
		req.Policy = &pol
	}
	for n := f.next(14); n > 0; n-- {
		v := Invitation{ID: fmt.Sprintf("i%d", len(req.Invitations)), BatchID: batches[f.next(len(batches))], Key: keys[f.next(len(keys))],
			Network: LinkedIn, State: States[f.next(len(States))], SentAt: wdNow.Add(-time.Duration(f.next(150)) * time.Hour)}
		if f.next(3) == 0 {
			v.SentEarliest = tp(v.SentAt.Add(-time.Duration(f.next(100)) * time.Hour))
		}
		if m := f.next(3); m < 2 {
			v.Member = boolPtr(m == 1)
		}
		req.Invitations = append(req.Invitations, v)
	}
	return req
}

func FuzzPlanWithdrawal(f *testing.F) {
	f.Add([]byte{0, 0, 1, 1, 8, 0, 1, 2, 3, 1, 0, 2, 1, 2, 0, 3, 2, 4, 1, 1}, uint64(1))
	f.Add([]byte{3, 2, 5, 9, 12, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6}, uint64(99))
	f.Add([]byte("withdraw every pending invitation of batch A"), uint64(7))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		req := fuzzWithdrawRequest(data, seed)
		got, err := PlanWithdrawal(req)
		if err != nil {
			if ErrorCode(err) != CodeInvalid {
				t.Fatalf("code %q: %v", ErrorCode(err), err)
			}
			return
		}
		pol := policyOrDefault(req.Policy)
		checkPlan(t, req, pol, got)
		again, _ := PlanWithdrawal(req)
		if !reflect.DeepEqual(again, got) {
			t.Fatal("the same request gave another plan")
		}
	})
}

// checkPlan checks the invariants of a plan: only selected sent invitations,
// each person once, oldest first, times ascending, caps per day.
func checkPlan(t *testing.T, req WithdrawRequest, pol Policy, got WithdrawPlan) {
	t.Helper()
	byID := map[string]*Invitation{}
	for i := range req.Invitations {
		byID[req.Invitations[i].ID] = &req.Invitations[i]
	}
	sel, err := newSelection(req)
	if err != nil {
		t.Fatal(err)
	}
	perDay := map[int]int{}
	people := map[string]bool{}
	for k, it := range got.Items {
		v := byID[it.ID]
		if v == nil || v.State != StateSent {
			t.Fatalf("planned %s: %+v", it.ID, v)
		}
		if m, _ := sel.match(v); !m {
			t.Fatalf("planned %s outside the selector %+v", it.ID, req.Selector)
		}
		if people[NormalizeKey(v.Key)] {
			t.Fatalf("person %s planned twice", v.Key)
		}
		people[NormalizeKey(v.Key)] = true
		perDay[it.Day]++
		if k > 0 {
			prev := got.Items[k-1]
			if it.At.Before(prev.At.Add(time.Duration(pol.WithdrawPaceMinMs)*time.Millisecond)) || it.Day < prev.Day || older(v, byID[prev.ID]) {
				t.Fatalf("item %d (%s at %s day %d) out of order after %s at %s day %d", k, it.ID, it.At, it.Day, prev.ID, prev.At, prev.Day)
			}
		}
	}
	for d, n := range perDay {
		limit := pol.WithdrawDailyCap
		if d == 0 {
			limit -= req.DoneToday
		}
		if n > limit {
			t.Fatalf("day %d has %d items, cap %d", d, n, limit)
		}
	}
	if len(got.Items) > 0 && (got.FinishAt == nil || got.Days != got.Items[len(got.Items)-1].Day+1) {
		t.Fatalf("FinishAt %v Days %d", got.FinishAt, got.Days)
	}
}

func withdrawBenchRequest(n int) WithdrawRequest {
	var invs []Invitation
	states := []State{StateSent, StateSent, StateSent, StateAccepted, StateWithdrawn, StateGone}
	for i := 0; i < n; i++ {
		invs = append(invs, Invitation{ID: fmt.Sprintf("id-%d", i), BatchID: fmt.Sprintf("b%d", i%3), Key: li(fmt.Sprintf("person-%d", i)),
			Network: LinkedIn, State: states[i%len(states)], SentAt: wdNow.Add(-time.Duration(i*37%5000) * time.Hour)})
	}
	return WithdrawRequest{Selector: Selector{Kind: SelectOlderThan, Days: 14}, Invitations: invs, DoneToday: 20, Seed: 7, Now: wdNow}
}

func TestPlanWithdrawalBenchCase(t *testing.T) {
	req := withdrawBenchRequest(1000)
	got, err := PlanWithdrawal(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) < 400 || got.Days < 5 {
		t.Errorf("items %d days %d", len(got.Items), got.Days)
	}
	checkPlan(t, req, DefaultPolicy(), got)
}

func BenchmarkPlanWithdrawal1000(b *testing.B) {
	req := withdrawBenchRequest(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PlanWithdrawal(req); err != nil {
			b.Fatal(err)
		}
	}
}
