package core

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// The reasons an invitation the selector matched (or a key it named) is not
// withdrawn, as Skipped.Reason reports them.
const (
	SkipAccepted         = "accepted"          // the person accepted: nothing to withdraw
	SkipAlreadyWithdrawn = "already_withdrawn" // withdrawn before
	SkipAlreadyRequested = "already_requested" // a withdrawal is already planned or under way
	SkipNotPending       = "not_pending"       // held, cancelled, gone, not found, expired or failed (State says which)
	SkipDuplicate        = "duplicate"         // the same person earlier in the plan, or a key named twice
	SkipUnknown          = "unknown"           // a key of a "keys" selector with no invitation
	SkipUncertainAge     = "uncertain_age"     // a pending invitation whose age range straddles the selector's time bound
)

// SkipReasons lists every Skipped.Reason, in a stable order.
var SkipReasons = []string{
	SkipAccepted, SkipAlreadyWithdrawn, SkipAlreadyRequested, SkipNotPending,
	SkipDuplicate, SkipUnknown, SkipUncertainAge,
}

// SelectorKinds lists the withdrawal selectors.
var SelectorKinds = []SelectorKind{SelectBatch, SelectRange, SelectOlderThan, SelectNonMembers, SelectKeys, SelectAllPending, SelectBurst}

// maxDoneToday bounds WithdrawRequest.DoneToday.
const maxDoneToday = 1_000_000

// Validate checks that the selector names its kind's parameters, and only those.
func (s Selector) Validate() error {
	switch s.Kind {
	case SelectBatch:
		if strings.TrimSpace(s.BatchID) == "" {
			return Errorf(CodeInvalid, "selector.batchId is missing: a batch selector names the batch")
		}
	case SelectBurst:
		if strings.TrimSpace(s.BurstID) == "" {
			return Errorf(CodeInvalid, "selector.burstId is missing: a burst selector names the burst")
		}
	case SelectRange:
		if s.From == nil || s.To == nil {
			return Errorf(CodeInvalid, "selector.from and selector.to are both needed for a range")
		}
		if s.From.After(*s.To) {
			return Errorf(CodeInvalid, "selector.from (%s) is after selector.to (%s)", s.From.Format(time.RFC3339), s.To.Format(time.RFC3339))
		}
	case SelectOlderThan:
		if s.Days < 1 || s.Days > maxDays {
			return Errorf(CodeInvalid, "selector.days must be between 1 and %d for older_than, got %d", maxDays, s.Days)
		}
	case SelectKeys:
		if len(s.Keys) == 0 {
			return Errorf(CodeInvalid, "selector.keys is empty: a keys selector names at least one key")
		}
		if len(s.Keys) > MaxKnownInvs {
			return tooMany("selector.keys", len(s.Keys), MaxKnownInvs)
		}
		for i, k := range s.Keys {
			if strings.TrimSpace(k) == "" {
				return fieldErr("selector.keys", i, "is empty")
			}
			if len(k) > MaxKeyBytes {
				return fieldErr("selector.keys", i, "is longer than "+strconv.Itoa(MaxKeyBytes)+" bytes")
			}
		}
	case SelectNonMembers, SelectAllPending:
	default:
		return Errorf(CodeInvalid, "selector.kind %q is unknown (want batch, burst, range, older_than, non_members, keys or all_pending)", s.Kind)
	}
	// A parameter of another kind is a caller's mistake that would silently widen or narrow the plan.
	extra := []struct {
		name string
		set  bool
		kind SelectorKind
	}{
		{"batchId", s.BatchID != "", SelectBatch},
		{"burstId", s.BurstID != "", SelectBurst},
		{"from", s.From != nil, SelectRange},
		{"to", s.To != nil, SelectRange},
		{"days", s.Days != 0, SelectOlderThan},
		{"keys", len(s.Keys) > 0, SelectKeys},
	}
	for _, e := range extra {
		if e.set && s.Kind != e.kind {
			return Errorf(CodeInvalid, "selector.%s belongs to a %s selector, not to %s", e.name, e.kind, s.Kind)
		}
	}
	return nil
}

// Validate checks a WithdrawRequest: the selector, the policy when given, the
// invitations (as Reconcile checks its known ones), DoneToday and Now.
func (r WithdrawRequest) Validate() error {
	if err := r.Selector.Validate(); err != nil {
		return err
	}
	if r.Policy != nil {
		if err := r.Policy.Validate(); err != nil {
			return err
		}
	}
	if r.DoneToday < 0 || r.DoneToday > maxDoneToday {
		return Errorf(CodeInvalid, "doneToday must be between 0 and %d, got %d", maxDoneToday, r.DoneToday)
	}
	if err := validNow(r.Now); err != nil {
		return err
	}
	return validateInvitations("invitations", r.Invitations)
}

// PlanWithdrawal plans a bulk withdrawal: which invitations, in which order,
// when, and what is left out and why.
//
// The selector decides what is considered, and nothing outside it is ever
// planned: batch — BatchID equal; burst — the invitations of the burst
// DetectBursts gives BurstID for these invitations (its members whatever the
// policy's thresholds; no such burst is a CodeNotFound error); range — the whole known sending time
// (SentEarliest, when set, to SentAt) inside [From, To]; older_than — SentAt
// (the latest possible time) more than Days calendar days before Now;
// non_members — Member known to be false; keys — the normalised key named;
// all_pending — every pending invitation. An invitation whose age range only
// partly meets a range or older_than bound is not planned but Skipped as
// uncertain_age, so the user sees it.
//
// Of the matched invitations only those in state sent are planned; the rest
// are Skipped (accepted, already_withdrawn, already_requested, not_pending
// with the State). Several sent invitations to one person (network and
// normalised key) are withdrawn once, the others Skipped as duplicate. For a
// keys selector each named key without an invitation is Skipped as unknown,
// and a key named twice as duplicate.
//
// Order: oldest first — by SentAt, then SentEarliest, then ID — because the
// oldest pending invitations are the least likely to be accepted and weigh
// most on the count of outstanding invitations.
//
// Schedule: the first item is at Now; every further item follows the previous
// one after a pace drawn uniformly from [WithdrawPaceMinMs, WithdrawPaceMaxMs]
// by SplitMix64 seeded with Seed (item k always gets the k-th draw, so the
// same seed gives the same plan). Today (Day 0) takes WithdrawDailyCap minus
// DoneToday items; the rest go to the following days, WithdrawDailyCap each,
// each day starting at midnight in Now's location (UTC when Now is in UTC; the
// caller counts DoneToday from the same midnight), or after the previous
// item's pace if that is later. Days counts the calendar days from today to
// the last item's day; DurationSeconds is the time from Now to the last item
// of today, rounded up; FinishAt is the last item's time (nil when there is
// nothing to do).
func PlanWithdrawal(req WithdrawRequest) (WithdrawPlan, error) {
	if err := req.Validate(); err != nil {
		return WithdrawPlan{}, err
	}
	pol := policyOrDefault(req.Policy)
	plan := WithdrawPlan{Items: []PlannedWithdrawal{}, Skipped: []Skipped{}}
	sel, err := newSelection(req)
	if err != nil {
		return WithdrawPlan{}, err
	}
	var cands []int
	for i := range req.Invitations {
		inv := &req.Invitations[i]
		match, uncertain := sel.match(inv)
		switch {
		case uncertain && inv.State == StateSent:
			plan.Skipped = append(plan.Skipped, skip(inv, SkipUncertainAge))
		case !match:
		case inv.State == StateSent:
			cands = append(cands, i)
		default:
			plan.Skipped = append(plan.Skipped, skip(inv, stateSkipReason(inv.State)))
		}
	}
	invs := req.Invitations
	sort.SliceStable(cands, func(a, b int) bool { return older(&invs[cands[a]], &invs[cands[b]]) })
	people := make(map[string]bool, len(cands))
	var chosen []int
	for _, i := range cands {
		person := string(invs[i].Network) + " " + NormalizeKey(invs[i].Key)
		if people[person] {
			plan.Skipped = append(plan.Skipped, skip(&invs[i], SkipDuplicate))
			continue
		}
		people[person] = true
		chosen = append(chosen, i)
	}
	plan.Skipped = append(plan.Skipped, sel.keySkips()...)
	schedule(&plan, req, pol, chosen)
	return plan, nil
}

// schedule fills plan.Items with times and days, and the plan's totals.
func schedule(plan *WithdrawPlan, req WithdrawRequest, pol Policy, chosen []int) {
	if len(chosen) == 0 {
		return
	}
	rng := splitMix64{state: req.Seed}
	capacity := pol.WithdrawDailyCap - req.DoneToday
	if capacity < 0 {
		capacity = 0
	}
	now := req.Now
	y, m, d := now.Date()
	day, used := 0, 0
	var at time.Time
	for k, i := range chosen {
		inv := &req.Invitations[i]
		next := now
		if k > 0 {
			next = at.Add(time.Duration(rng.between(pol.WithdrawPaceMinMs, pol.WithdrawPaceMaxMs)) * time.Millisecond)
		}
		for used >= capacity {
			day++
			used, capacity = 0, pol.WithdrawDailyCap
		}
		if day > 0 {
			if start := time.Date(y, m, d+day, 0, 0, 0, 0, now.Location()); next.Before(start) {
				next = start
			}
		}
		at = next
		used++
		plan.Items = append(plan.Items, PlannedWithdrawal{ID: inv.ID, Key: inv.Key, Name: inv.Name, At: at, Day: day})
		if day == 0 {
			plan.DurationSeconds = int((at.Sub(now) + time.Second - 1) / time.Second)
		}
	}
	plan.Days = day + 1
	plan.FinishAt = &at
}

// older orders invitations oldest first: SentAt, then SentEarliest, then ID.
func older(a, b *Invitation) bool {
	if !a.SentAt.Equal(b.SentAt) {
		return a.SentAt.Before(b.SentAt)
	}
	ea, eb := earliestSent(a), earliestSent(b)
	if !ea.Equal(eb) {
		return ea.Before(eb)
	}
	return a.ID < b.ID
}

// earliestSent is the earliest time an invitation may have been sent.
func earliestSent(inv *Invitation) time.Time {
	if inv.SentEarliest != nil {
		return *inv.SentEarliest
	}
	return inv.SentAt
}

func skip(inv *Invitation, reason string) Skipped {
	return Skipped{ID: inv.ID, Key: inv.Key, Reason: reason, State: inv.State}
}

// stateSkipReason says why an invitation in a state other than sent is not withdrawn.
func stateSkipReason(s State) string {
	switch s {
	case StateAccepted:
		return SkipAccepted
	case StateWithdrawn:
		return SkipAlreadyWithdrawn
	case StateWithdrawRequested:
		return SkipAlreadyRequested
	}
	return SkipNotPending
}

// selection is a validated selector ready to match invitations.
type selection struct {
	sel      Selector
	cutoff   time.Time      // older_than: sent before this
	keys     map[string]int // keys: normalised key → first index in sel.Keys
	keyFound map[string]bool
	burst    map[string]bool // burst: the IDs of its invitations
}

func newSelection(req WithdrawRequest) (*selection, error) {
	s := &selection{sel: req.Selector}
	switch req.Selector.Kind {
	case SelectBurst:
		ids, ok := burstMembers(req.Invitations, req.Selector.BurstID)
		if !ok {
			return nil, Errorf(CodeNotFound, "burst %q is not among these invitations' bursts", req.Selector.BurstID)
		}
		s.burst = ids
	case SelectOlderThan:
		s.cutoff = req.Now.AddDate(0, 0, -req.Selector.Days)
	case SelectKeys:
		s.keys = make(map[string]int, len(req.Selector.Keys))
		s.keyFound = make(map[string]bool, len(req.Selector.Keys))
		for i, k := range req.Selector.Keys {
			nk := NormalizeKey(k)
			if _, dup := s.keys[nk]; !dup {
				s.keys[nk] = i
			}
		}
	}
	return s, nil
}

// match reports whether the selector takes the invitation, and whether its
// age range straddles a time bound of the selector (then match is false).
func (s *selection) match(inv *Invitation) (match, uncertain bool) {
	switch s.sel.Kind {
	case SelectBatch:
		return inv.BatchID == s.sel.BatchID, false
	case SelectBurst:
		return s.burst[inv.ID], false
	case SelectRange:
		from, to := *s.sel.From, *s.sel.To
		early := earliestSent(inv)
		inside := !early.Before(from) && !inv.SentAt.After(to)
		overlaps := !early.After(to) && !inv.SentAt.Before(from)
		return inside, overlaps && !inside
	case SelectOlderThan:
		if inv.SentAt.Before(s.cutoff) {
			return true, false
		}
		return false, earliestSent(inv).Before(s.cutoff)
	case SelectNonMembers:
		return inv.Member != nil && !*inv.Member, false
	case SelectKeys:
		k := NormalizeKey(inv.Key)
		if _, ok := s.keys[k]; ok {
			s.keyFound[k] = true
			return true, false
		}
		return false, false
	case SelectAllPending:
		return IsPending(inv.State), false
	}
	return false, false
}

// keySkips reports the keys of a keys selector that name no invitation, or repeat an earlier key.
func (s *selection) keySkips() []Skipped {
	var out []Skipped
	if s.sel.Kind != SelectKeys {
		return out
	}
	for i, k := range s.sel.Keys {
		nk := NormalizeKey(k)
		switch {
		case s.keys[nk] != i:
			out = append(out, Skipped{Key: k, Reason: SkipDuplicate})
		case !s.keyFound[nk]:
			out = append(out, Skipped{Key: k, Reason: SkipUnknown})
		}
	}
	return out
}
