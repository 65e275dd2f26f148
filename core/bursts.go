package core

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"time"
)

// The resolutions of a burst: how precisely the Sent list dated it.
const (
	ResolutionHour = "hour" // the page showed hours or minutes ("Sent 3 hours ago")
	ResolutionDay  = "day"  // the page showed days ("Sent today", "Sent 2 days ago")
)

const (
	// burstLookbackDays is the user's usual pace: the days before a burst whose median is taken.
	burstLookbackDays = 28
	// hourPrecise is the widest range (in ms) a burst of ResolutionHour spans.
	hourPrecise = int64(3 * time.Hour / time.Millisecond)
	// dayPrecise is the widest age range (in ms) that can be placed in a burst: "yesterday" and
	// "n days ago" are 36–48 hours wide; a week ("Sent 1 week ago") is too vague for a day.
	dayPrecise = int64(48 * time.Hour / time.Millisecond)
	dayMs      = int64(24 * time.Hour / time.Millisecond)
	hourMs     = int64(time.Hour / time.Millisecond)
	// milli is the fixed-point unit of the daily counts: an invitation whose age range spans
	// several days counts a share of 1000 milli-invitations on each, in proportion.
	milli = 1000
)

// Validate checks a BurstRequest: a known network, a clock reading, the policy
// when given and the invitations (as Reconcile checks its known ones).
func (r BurstRequest) Validate() error {
	if !knownNetwork(r.Network) {
		return Errorf(CodeInvalid, "network %q is unknown (want linkedin or xing)", r.Network)
	}
	if err := validNow(r.Now); err != nil {
		return err
	}
	if r.Policy != nil {
		if err := r.Policy.Validate(); err != nil {
			return err
		}
	}
	return validateInvitations("invitations", r.Invitations)
}

// DetectBursts finds the bursts in a user's history of one network: days —
// or hours where the Sent list is that precise — on which many more
// invitations went out than the user usually sends, all of them from
// outside Invite Guard (the phone app's "Add all", an address-book import
// on another computer).
//
// The input is the history after a scan was reconciled: the invitations
// Invite Guard saw being sent (Source "extension", the known batches), and
// those it imported from the Sent list (any other source) with the age range
// the page showed when they were first read (SentEarliest to SentAt).
//
// Only invitations from outside whose range is at most 48 hours wide can be
// placed in a burst ("Sent today", "yesterday", "n days ago", hours); one
// with an exact time (no SentEarliest) stands for its clock hour. Those with
// the same range — the same age text of the same scan — form a slot. Slots
// are grouped, in the order of their latest time, with an earlier group whose
// span they share for at least two thirds of the wider of the two (the same
// day read by scans a few hours apart) as long as the group stays within 48
// hours; "today" and "yesterday" of one scan stay apart.
//
// A group is a burst when it holds at least Policy.BurstMinCount invitations
// and at least Policy.BurstFactor times the user's usual pace: the median of
// the daily counts of the 28 days before the group's start (all invitations
// of the network that went out, from Invite Guard or not, whatever became of
// them; one with an age range counts on each day in proportion to the part
// of its range that falls on it), times the group's width in days when that
// is more than one.
//
// A burst's ID is derived from the network and the range of the group's
// first slot, so a re-scan that adds stragglers (or changes states) keeps it.
// Its members are listed oldest first; Accepted counts those accepted, Gone
// those a complete scan no longer showed (accepted, declined or withdrawn
// elsewhere) and Pending those still sent (what a withdrawal can take back).
// Bursts come newest first.
func DetectBursts(req BurstRequest) (BurstResult, error) {
	if err := req.Validate(); err != nil {
		return BurstResult{}, err
	}
	minCount, factor := policyOrDefault(req.Policy).BurstThresholds()
	res := BurstResult{Bursts: []Burst{}}
	groups := burstGroups(req.Network, req.Invitations)
	var pace *dailyPace
	for _, g := range groups {
		if len(g.members) < minCount {
			continue
		}
		if pace == nil {
			pace = newDailyPace(req.Network, req.Invitations)
		}
		median := pace.median(g.from)
		need := int64(factor) * median
		if w := g.to - g.from; w > dayMs {
			need = need * w / dayMs
		}
		threshold := max(int64(minCount), (need+milli-1)/milli)
		if int64(len(g.members)) < threshold {
			continue
		}
		res.Bursts = append(res.Bursts, g.burst(req, median, int(threshold)))
	}
	slices.SortStableFunc(res.Bursts, func(a, b Burst) int {
		if c := b.To.Compare(a.To); c != 0 {
			return c
		}
		if c := b.From.Compare(a.From); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return res, nil
}

// burstSlot is the invitations from outside with one age range (ms).
type burstSlot struct {
	from, to int64
	members  []int
}

// burstGroup is one or more slots of the same day; from and to are its span (ms),
// id is derived from its first slot.
type burstGroup struct {
	id       string
	network  Network
	from, to int64
	members  []int
	invs     []Invitation
}

// outsideRange returns the age range (ms) of an invitation from outside that
// can be placed in a burst.
func outsideRange(inv *Invitation) (from, to int64, ok bool) {
	if inv.Source == SourceExtension || inv.State == StateHeld || inv.State == StateCancelled {
		return 0, 0, false
	}
	to = inv.SentAt.UnixMilli()
	if inv.SentEarliest == nil {
		from = floorDiv(to, hourMs) * hourMs
		return from, from + hourMs, true
	}
	from = inv.SentEarliest.UnixMilli()
	if to-from > dayPrecise || from > to {
		return 0, 0, false
	}
	return from, to, true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// burstGroups groups the network's invitations from outside as DetectBursts documents.
func burstGroups(network Network, invs []Invitation) []*burstGroup {
	type span struct{ from, to int64 }
	bySpan := map[span]*burstSlot{}
	var slots []*burstSlot
	for i := range invs {
		if invs[i].Network != network {
			continue
		}
		from, to, ok := outsideRange(&invs[i])
		if !ok {
			continue
		}
		s := bySpan[span{from, to}]
		if s == nil {
			s = &burstSlot{from: from, to: to}
			bySpan[span{from, to}] = s
			slots = append(slots, s)
		}
		s.members = append(s.members, i)
	}
	slices.SortFunc(slots, func(a, b *burstSlot) int {
		if a.to != b.to {
			return cmp.Compare(a.to, b.to)
		}
		return cmp.Compare(a.from, b.from)
	})
	var groups, active []*burstGroup
	for _, s := range slots {
		// A group whose span ends more than 48 hours before this slot's end can take no later slot.
		active = slices.DeleteFunc(active, func(g *burstGroup) bool { return g.to < s.to-dayPrecise })
		var home *burstGroup
		for _, g := range active {
			if sameDay(g, s) {
				home = g
				break
			}
		}
		if home == nil {
			home = &burstGroup{id: burstID(network, s.from, s.to), network: network, from: s.from, to: s.to, invs: invs}
			groups = append(groups, home)
			active = append(active, home)
		}
		home.from, home.to = min(home.from, s.from), max(home.to, s.to)
		home.members = append(home.members, s.members...)
	}
	return groups
}

// sameDay reports whether slot s belongs to group g: they share at least two
// thirds of the wider span, and together stay within 48 hours.
func sameDay(g *burstGroup, s *burstSlot) bool {
	overlap := min(g.to, s.to) - max(g.from, s.from)
	wider := max(g.to-g.from, s.to-s.from)
	return overlap >= 0 && 3*overlap >= 2*wider && max(g.to, s.to)-min(g.from, s.from) <= dayPrecise
}

// burstID derives a burst's ID from its network and its first slot's range.
func burstID(network Network, from, to int64) string {
	sum := sha256.Sum256([]byte(string(network) + "\x00" + strconv.FormatInt(from, 10) + "\x00" + strconv.FormatInt(to, 10)))
	return "burst:" + hex.EncodeToString(sum[:8])
}

// burst describes group g as a Burst.
func (g *burstGroup) burst(req BurstRequest, median int64, threshold int) Burst {
	members := slices.Clone(g.members)
	slices.SortStableFunc(members, func(a, b int) int {
		switch {
		case older(&g.invs[a], &g.invs[b]):
			return -1
		case older(&g.invs[b], &g.invs[a]):
			return 1
		}
		return 0
	})
	loc := req.Now.Location()
	b := Burst{
		ID: g.id, Network: g.network,
		From: time.UnixMilli(g.from).In(loc), To: time.UnixMilli(g.to).In(loc),
		Resolution: ResolutionDay, Count: len(members),
		UsualPerDay: float64(median) / milli, Threshold: threshold,
		Keys: make([]string, len(members)), IDs: make([]string, len(members)),
	}
	if g.to-g.from <= hourPrecise {
		b.Resolution = ResolutionHour
	}
	for k, i := range members {
		inv := &g.invs[i]
		b.Keys[k], b.IDs[k] = inv.Key, inv.ID
		switch inv.State {
		case StateAccepted:
			b.Accepted++
		case StateGone:
			b.Gone++
		case StateSent:
			b.Pending++
		}
	}
	return b
}

// dailyPace holds the age ranges (ms) of every invitation of a network that
// went out, to count them day by day.
type dailyPace struct {
	from, to []int64
}

func newDailyPace(network Network, invs []Invitation) *dailyPace {
	p := &dailyPace{}
	for i := range invs {
		inv := &invs[i]
		if inv.Network != network || inv.State == StateHeld || inv.State == StateCancelled {
			continue
		}
		to := inv.SentAt.UnixMilli()
		from := to
		if inv.SentEarliest != nil && inv.SentEarliest.Before(inv.SentAt) {
			from = inv.SentEarliest.UnixMilli()
		}
		p.from, p.to = append(p.from, from), append(p.to, to)
	}
	return p
}

// median returns the median of the counts (milli-invitations) of the 28 days
// before start: day k is [start−(k+1)·24h, start−k·24h).
func (p *dailyPace) median(start int64) int64 {
	var days [burstLookbackDays]int64
	lo := start - burstLookbackDays*dayMs
	for i, from := range p.from {
		to := p.to[i]
		if to < lo || from >= start {
			continue
		}
		if from == to {
			days[(start-1-from)/dayMs] += milli
			continue
		}
		width := to - from
		for k := max(0, (start-1-to)/dayMs); k < burstLookbackDays; k++ {
			a, b := start-(k+1)*dayMs, start-k*dayMs
			if b <= from {
				break
			}
			if overlap := min(b, to) - max(a, from); overlap > 0 {
				days[k] += overlap * milli / width
			}
		}
	}
	slices.Sort(days[:])
	return (days[burstLookbackDays/2-1] + days[burstLookbackDays/2]) / 2
}

// burstMembers returns the IDs of the invitations of the burst with the given
// ID — its group, whatever the thresholds — or false when no group has it.
func burstMembers(invs []Invitation, id string) (map[string]bool, bool) {
	for _, n := range Networks {
		for _, g := range burstGroups(n, invs) {
			if g.id != id {
				continue
			}
			ids := make(map[string]bool, len(g.members))
			for _, i := range g.members {
				ids[invs[i].ID] = true
			}
			return ids, true
		}
	}
	return nil, false
}
