package core

import (
	"math/bits"
	"strconv"
	"time"
)

// Decide decides on a (bulk) invitation before anything is sent. The request
// is validated first (see DecideRequest.Validate); a nil Policy means
// DefaultPolicy.
//
// Count is the number of selected rows. Only selected rows are flagged:
//
//   - not_member: Member is false (an email invitation to an address-book entry).
//   - recently_invited: an "invited" history entry for the same key on the same
//     network less than policy.cooldownDays ago; for group/page/event
//     invitations, an "invited" entry for the same surface and the same target
//     less than policy.targetRepeatDays ago (XING: one invitation per recipient
//     per inviter in six months). Connection invitations and target
//     invitations do not count against each other.
//   - reinvite_locked: a "withdrawn" entry in the same scope less than
//     policy.reinviteLockDays ago.
//   - in_target: InTarget is true on a group/page/event invitation.
//   - opted_out: OptedOut is true.
//   - duplicate: an earlier selected row has the same key.
//   - over_budget: the rows with no other flag, in order, beyond what is left of
//     the weekly budget. The budget used is the number of "invited" entries on
//     the network less than 7 days before now.
//
// A flagged row's Until (UTC) is when its cooldown or lock ends, the later of
// the two. Suggested lists the selected rows without a flag, in order.
//
// Keys are compared after NormalizeKey, targets too. A day is 24 hours; a
// window of 0 days switches its check off. History entries dated after now
// (another device's clock) count as recent.
//
// Friction follows the count: none up to policy.clickAbove, a click above it,
// typing the number (ConfirmText) above policy.typeAbove, blocked above
// policy.blockAbove. Any flagged selected row asks for at least a click; a
// message issue of severity warn asks for at least a click, one of severity
// block blocks. No selected row is an empty batch: allow, no friction, reason
// empty_batch. The verdict is allow for no friction, block for blocked, else
// confirm. UndoSeconds is policy.undoSeconds when the action is bulk (more than
// one invitation, or any on the connect surface, whose clicks come in bursts),
// else 0. (policy.rapidConnectCount and rapidConnectWindowSeconds are the
// extension's trigger to ask for a decision on a burst of Connect clicks;
// the burst then arrives here as the rows of one connect request.)
//
// Reasons come in the order of ReasonCodes: the size reason, one reason per
// flag that occurs, then one per message issue.
func Decide(req DecideRequest) (Decision, error) {
	if err := req.Validate(); err != nil {
		return Decision{}, err
	}
	return decide(&req, nil, false), nil
}

// decide decides on a valid request. With budgetFromList the weekly budget
// counts the times in invited (a compact request's list) instead of the
// "invited" entries of the history.
func decide(req *DecideRequest, invited []int64, budgetFromList bool) Decision {
	d := decider{req: req, pol: policyOrDefault(req.Policy)}
	d.scope()
	d.index()
	d.history()
	if budgetFromList {
		d.budget.Used = 0
		for _, at := range invited {
			if time.UnixMilli(at).After(d.weekCut) {
				d.budget.Used++
			}
		}
		d.budget.Remaining = max(d.budget.Limit-d.budget.Used, 0)
	}
	d.recipients()
	return d.decision()
}

// Bits of the per-recipient flags, in FlagOrder.
const (
	bitNotMember uint8 = 1 << iota
	bitRecentlyInvited
	bitReinviteLocked
	bitInTarget
	bitOptedOut
	bitDuplicate
	bitOverBudget
)

// keyState is what the history says about one normalised key of the batch:
// the indexes in DecideRequest.History of its latest "invited" and
// "withdrawn" entries in scope and window, -1 for none. It holds no pointers,
// so the garbage collector does not scan the states.
type keyState struct {
	invited, withdrawn int32
}

// decider holds the working state of one Decide call.
type decider struct {
	req *DecideRequest
	pol Policy

	target     string // normalised target, for group/page/event surfaces
	inviteDays int    // cooldown or target repeat days
	inviteCut  time.Time
	lockCut    time.Time
	weekCut    time.Time
	budget     Budget

	keys   keyTable // normalised keys of the selected rows; a key's index is its states index
	states []keyState
	row    []int32  // per recipient: states index, -1 when not selected
	norm   []string // per recipient: the normalised key where it differs from Key (nil when none does)
	flags  []uint8  // per recipient

	flagged, flagBits, untils int
	bd                        Breakdown
}

// policyDay is the length of a day in the policy: 24 hours.
const policyDay = 24 * time.Hour

// scope works out the windows and the target of the request.
func (d *decider) scope() {
	now := d.req.Now
	d.inviteDays = d.pol.CooldownDays
	if IsTargetSurface(d.req.Surface) {
		d.target = NormalizeKey(d.req.Target)
		d.inviteDays = d.pol.TargetRepeatDays
	}
	d.inviteCut = now.Add(-time.Duration(d.inviteDays) * policyDay)
	d.lockCut = now.Add(-time.Duration(d.pol.ReinviteLockDays) * policyDay)
	d.weekCut = now.Add(-7 * policyDay)
	d.budget.Limit = d.pol.WeeklyBudget(d.req.Network)
}

// inScope reports whether history entry h, of the request's network, speaks
// about the kind of invitation requested.
func (d *decider) inScope(h *HistoryEntry) bool {
	if d.target == "" {
		return !IsTargetSurface(h.Surface)
	}
	return h.Surface == d.req.Surface && NormalizeKey(h.Target) == d.target
}

// index gives every selected row the state of its normalised key and marks
// the rows whose key an earlier selected row has (duplicates).
func (d *decider) index() {
	rs := d.req.Recipients
	d.row = make([]int32, len(rs))
	d.flags = make([]uint8, len(rs))
	n := 0
	for i := range rs {
		if rs[i].Selected {
			n++
		}
	}
	d.keys = newKeyTable(n)
	d.states = make([]keyState, 0, n)
	for i := range rs {
		d.row[i] = -1
		if !rs[i].Selected {
			continue
		}
		k := NormalizeKey(rs[i].Key)
		if k != rs[i].Key {
			if d.norm == nil {
				d.norm = make([]string, len(rs))
			}
			d.norm[i] = k
		}
		si, added := d.keys.add(k)
		if added {
			d.states = append(d.states, keyState{invited: -1, withdrawn: -1})
		} else {
			d.flags[i] = bitDuplicate
		}
		d.row[i] = si
	}
}

// history records, for the keys of the batch, the latest invitation and
// withdrawal in scope and window, and counts the weekly budget used.
func (d *decider) history() {
	for i := range d.req.History {
		h := &d.req.History[i]
		if h.Network != d.req.Network {
			continue
		}
		if h.Kind == EventInvited && h.At.After(d.weekCut) {
			d.budget.Used++
		}
		var recent bool
		if h.Kind == EventInvited {
			recent = d.inviteDays > 0 && h.At.After(d.inviteCut)
		} else {
			recent = d.pol.ReinviteLockDays > 0 && h.At.After(d.lockCut)
		}
		if !recent || !d.inScope(h) {
			continue
		}
		si, ok := d.keys.find(NormalizeKey(h.Key))
		if !ok {
			continue // not in this batch
		}
		latest := &d.states[si].withdrawn
		if h.Kind == EventInvited {
			latest = &d.states[si].invited
		}
		if *latest < 0 || h.At.After(d.req.History[*latest].At) {
			*latest = int32(i)
		}
	}
	d.budget.Remaining = max(d.budget.Limit-d.budget.Used, 0)
}

// recipients flags every selected row and fills the breakdown.
func (d *decider) recipients() {
	rs := d.req.Recipients
	target := d.target != ""
	left := d.budget.Remaining
	for i := range rs {
		r := &rs[i]
		if d.row[i] < 0 {
			continue
		}
		d.bd.Selected++
		switch {
		case r.Member == nil:
			d.bd.Unknown++
		case *r.Member:
			d.bd.Members++
		default:
			d.bd.NotMembers++
		}
		st := &d.states[d.row[i]]
		f := d.flags[i] // bitDuplicate from index()
		if r.Member != nil && !*r.Member {
			f |= bitNotMember
		}
		if st.invited >= 0 {
			f |= bitRecentlyInvited
			d.bd.RecentlyInvited++
		}
		if st.withdrawn >= 0 {
			f |= bitReinviteLocked
			d.bd.ReinviteLocked++
		}
		if target && r.InTarget != nil && *r.InTarget {
			f |= bitInTarget
			d.bd.InTarget++
		}
		if r.OptedOut {
			f |= bitOptedOut
			d.bd.OptedOut++
		}
		if f&bitDuplicate != 0 {
			d.bd.Duplicates++
		}
		if f == 0 {
			if left > 0 {
				left--
			} else {
				f = bitOverBudget
				d.bd.OverBudget++
			}
		}
		d.flags[i] = f
		if f != 0 {
			d.flagged++
			d.flagBits += bitCount(f)
			if f&(bitRecentlyInvited|bitReinviteLocked) != 0 {
				d.untils++
			}
		}
	}
}

// bitCount is the number of set bits of f.
func bitCount(f uint8) int {
	n := 0
	for ; f != 0; f &= f - 1 {
		n++
	}
	return n
}

// decision assembles the Decision from the flagged rows.
func (d *decider) decision() Decision {
	dec := Decision{
		Count:     d.bd.Selected,
		Breakdown: d.bd,
		Flagged:   make([]FlaggedRecipient, 0, d.flagged),
		Suggested: make([]int, 0, d.bd.Selected-d.flagged),
		Budget:    d.budget,
		Reasons:   make([]Reason, 0, 4),
	}
	flagBuf := make([]Flag, d.flagBits)
	untilBuf := make([]time.Time, d.untils)
	inviteWin := time.Duration(d.inviteDays) * policyDay
	lockWin := time.Duration(d.pol.ReinviteLockDays) * policyDay
	for i, f := range d.flags {
		if d.row[i] < 0 {
			continue
		}
		if f == 0 {
			dec.Suggested = append(dec.Suggested, i)
			continue
		}
		st := &d.states[d.row[i]]
		n := bitCount(f)
		fl := flagBuf[:0:n]
		flagBuf = flagBuf[n:]
		for g := f; g != 0; g &= g - 1 { // the set bits only, lowest first: FlagOrder's order
			fl = append(fl, FlagOrder[bits.TrailingZeros8(g)])
		}
		fr := FlaggedRecipient{Index: i, Key: d.req.Recipients[i].Key, Flags: fl}
		if d.norm != nil && d.norm[i] != "" {
			fr.Key = d.norm[i]
		}
		if f&(bitRecentlyInvited|bitReinviteLocked) != 0 {
			var until time.Time
			if f&bitRecentlyInvited != 0 {
				until = d.req.History[st.invited].At.Add(inviteWin)
			}
			if f&bitReinviteLocked != 0 {
				if u := d.req.History[st.withdrawn].At.Add(lockWin); u.After(until) {
					until = u
				}
			}
			untilBuf[0] = until.UTC()
			fr.Until = &untilBuf[0]
			untilBuf = untilBuf[1:]
		}
		dec.Flagged = append(dec.Flagged, fr)
	}
	d.verdict(&dec)
	return dec
}

// verdict sets the friction, verdict, reasons and undo window of dec.
func (d *decider) verdict(dec *Decision) {
	friction := FrictionNone
	raise := func(f Friction) {
		if frictionRank(f) > frictionRank(friction) {
			friction = f
		}
	}
	p := d.pol
	n := d.bd.Selected
	raise(SizeFriction(n, p))
	switch {
	case n == 0:
		dec.Reasons = append(dec.Reasons, Reason{Code: ReasonEmptyBatch})
	case n > p.BlockAbove:
		dec.Reasons = append(dec.Reasons, Reason{Code: ReasonOverBlockLimit, Params: map[string]any{"count": n, "limit": p.BlockAbove}})
	case n > p.TypeAbove:
		dec.Reasons = append(dec.Reasons, Reason{Code: ReasonBatchSize, Params: map[string]any{"count": n, "threshold": p.TypeAbove}})
	case n > p.ClickAbove:
		dec.Reasons = append(dec.Reasons, Reason{Code: ReasonBatchSize, Params: map[string]any{"count": n, "threshold": p.ClickAbove}})
	}
	bd := d.bd
	flagReasons := []struct {
		code   string
		n      int
		params map[string]any
	}{
		{ReasonNotMembers, bd.NotMembers, nil},
		{ReasonRecentlyInvited, bd.RecentlyInvited, map[string]any{"days": d.inviteDays}},
		{ReasonReinviteLocked, bd.ReinviteLocked, map[string]any{"days": p.ReinviteLockDays}},
		{ReasonInTarget, bd.InTarget, nil},
		{ReasonOptedOut, bd.OptedOut, nil},
		{ReasonDuplicates, bd.Duplicates, nil},
		{ReasonOverBudget, bd.OverBudget, map[string]any{"remaining": d.budget.Remaining, "limit": d.budget.Limit}},
	}
	for _, fr := range flagReasons {
		if fr.n == 0 {
			continue
		}
		raise(FrictionClick)
		params := fr.params
		if params == nil {
			params = make(map[string]any, 1)
		}
		params["count"] = fr.n
		dec.Reasons = append(dec.Reasons, Reason{Code: fr.code, Params: params})
	}
	if d.req.Message != "" {
		var names []string
		if name := d.singleName(); name != "" {
			names = []string{name}
		}
		mc := checkMessage(d.req.Network, d.req.Surface, d.req.Message, d.bd.Selected, names, d.req.RecentMessages)
		dec.Message = &mc
		for _, is := range mc.Issues {
			if is.Severity == SeverityBlock {
				raise(FrictionBlocked)
			} else {
				raise(FrictionClick)
			}
			dec.Reasons = append(dec.Reasons, Reason{Code: ReasonMessageIssue, Params: map[string]any{"code": is.Code, "severity": is.Severity}})
		}
	}
	dec.Friction = friction
	switch friction {
	case FrictionNone:
		dec.Verdict = Allow
	case FrictionBlocked:
		dec.Verdict = Block
	default:
		dec.Verdict = Confirm
	}
	if friction == FrictionType {
		dec.ConfirmText = strconv.Itoa(d.bd.Selected)
	}
	if d.bd.Selected > 1 || (d.bd.Selected == 1 && d.req.Surface == SurfaceConnect) {
		dec.UndoSeconds = p.UndoSeconds
	}
}

// singleName is the name of the only selected recipient, "" when there is not exactly one.
func (d *decider) singleName() string {
	if d.bd.Selected != 1 {
		return ""
	}
	for i, r := range d.req.Recipients {
		if d.row[i] >= 0 {
			return r.Name
		}
	}
	return ""
}

// frictionRank orders the frictions: none < click < type < blocked.
// SizeFriction is the friction a batch of n selected invitations asks for by its size alone:
// none up to p.ClickAbove, a click above it, the typed number above p.TypeAbove, blocked above
// p.BlockAbove. A decision's friction is never lower (flags and message issues only raise it), so
// the extension opens its dialog before the decision when SizeFriction of the rows it sees is not
// none (testdata/size_friction.json, run by the extension's unit tests too).
func SizeFriction(n int, p Policy) Friction {
	switch {
	case n > p.BlockAbove:
		return FrictionBlocked
	case n > p.TypeAbove:
		return FrictionType
	case n > p.ClickAbove:
		return FrictionClick
	}
	return FrictionNone
}

func frictionRank(f Friction) int {
	switch f {
	case FrictionClick:
		return 1
	case FrictionType:
		return 2
	case FrictionBlocked:
		return 3
	}
	return 0
}
