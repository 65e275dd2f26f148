package core

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// now0 is the fixed "now" of the decide tests.
var now0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// people returns n selected members with distinct LinkedIn keys p0, p1, ….
func people(n int) []Recipient {
	rs := make([]Recipient, n)
	for i := range rs {
		rs[i] = Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/p%d/", i), Name: fmt.Sprintf("Person %d", i), Member: ptr(true), Selected: true}
	}
	return rs
}

// invited is a LinkedIn connection invitation of key, days (fractional) before now0.
func invited(key string, daysAgo float64) HistoryEntry {
	return HistoryEntry{Key: key, Network: LinkedIn, Kind: EventInvited, At: now0.Add(-time.Duration(daysAgo * float64(24*time.Hour)))}
}

// withdrawn is a LinkedIn withdrawal of key, days before now0.
func withdrawn(key string, daysAgo float64) HistoryEntry {
	h := invited(key, daysAgo)
	h.Kind = EventWithdrawn
	return h
}

// summary is the part of a Decision the table tests compare, in a readable form.
type summary struct {
	Verdict   Verdict
	Friction  Friction
	Count     int
	Confirm   string
	Undo      int
	Flags     []string // "index:flag,flag"
	Suggested []int
	Budget    Budget
	Reasons   []string // "code{k=v …}"
}

func summarize(d Decision) summary {
	s := summary{Verdict: d.Verdict, Friction: d.Friction, Count: d.Count, Confirm: d.ConfirmText, Undo: d.UndoSeconds,
		Suggested: d.Suggested, Budget: d.Budget}
	for _, f := range d.Flagged {
		fs := make([]string, len(f.Flags))
		for i, x := range f.Flags {
			fs[i] = string(x)
		}
		s.Flags = append(s.Flags, fmt.Sprintf("%d:%s", f.Index, strings.Join(fs, ",")))
	}
	for _, r := range d.Reasons {
		s.Reasons = append(s.Reasons, reasonString(r))
	}
	return s
}

func reasonString(r Reason) string {
	keys := make([]string, 0, len(r.Params))
	for k := range r.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(r.Code)
	if len(keys) > 0 {
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%s=%v", k, r.Params[k])
		}
		b.WriteString("}")
	}
	return b.String()
}

func budget(used, limit int) Budget {
	return Budget{Used: used, Limit: limit, Remaining: max(limit-used, 0)}
}

func TestDecideThresholds(t *testing.T) {
	tests := []struct {
		n    int
		want summary
	}{
		{1, summary{Allow, FrictionNone, 1, "", 0, nil, seq(1), budget(0, 100), nil}},
		{2, summary{Allow, FrictionNone, 2, "", 10, nil, seq(2), budget(0, 100), nil}},
		{5, summary{Allow, FrictionNone, 5, "", 10, nil, seq(5), budget(0, 100), nil}},
		{6, summary{Confirm, FrictionClick, 6, "", 10, nil, seq(6), budget(0, 100), []string{"batch_size{count=6 threshold=5}"}}},
		{25, summary{Confirm, FrictionClick, 25, "", 10, nil, seq(25), budget(0, 100), []string{"batch_size{count=25 threshold=5}"}}},
		{26, summary{Confirm, FrictionType, 26, "26", 10, nil, seq(26), budget(0, 100), []string{"batch_size{count=26 threshold=25}"}}},
		{100, summary{Confirm, FrictionType, 100, "100", 10, nil, seq(100), budget(0, 100), []string{"batch_size{count=100 threshold=25}"}}},
	}
	for _, tt := range tests {
		got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(tt.n), Now: now0})
		if err != nil {
			t.Fatalf("n=%d: %v", tt.n, err)
		}
		if g := summarize(got); !reflect.DeepEqual(g, tt.want) {
			t.Errorf("n=%d:\n got %+v\nwant %+v", tt.n, g, tt.want)
		}
	}
}

func TestDecideBlockAbove(t *testing.T) {
	// 101 with a budget that fits them: blocked by size alone, with the suggested selection still computed.
	pol := DefaultPolicy()
	pol.WeeklyBudgetLinkedIn = 1000
	got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(101), Policy: &pol, Now: now0})
	if err != nil {
		t.Fatal(err)
	}
	want := summary{Block, FrictionBlocked, 101, "", 10, nil, seq(101), budget(0, 1000), []string{"over_block_limit{count=101 limit=100}"}}
	if g := summarize(got); !reflect.DeepEqual(g, want) {
		t.Errorf("\n got %+v\nwant %+v", g, want)
	}
	// The same 101 with the default budget of 100: the 101st is also over budget.
	got, err = Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(101), Now: now0})
	if err != nil {
		t.Fatal(err)
	}
	want = summary{Block, FrictionBlocked, 101, "", 10, []string{"100:over_budget"}, seq(100), budget(0, 100),
		[]string{"over_block_limit{count=101 limit=100}", "over_budget{count=1 limit=100 remaining=100}"}}
	if g := summarize(got); !reflect.DeepEqual(g, want) {
		t.Errorf("\n got %+v\nwant %+v", g, want)
	}
}

// seq returns 0, 1, …, n-1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestDecideFlags(t *testing.T) {
	const anna = "https://www.linkedin.com/in/anna/"
	const bob = "https://www.linkedin.com/in/bob/"
	one := func(r Recipient) []Recipient { return []Recipient{r} }
	sel := func(key string) Recipient { return Recipient{Key: key, Member: ptr(true), Selected: true} }
	tests := []struct {
		name string
		req  DecideRequest
		want summary
	}{
		{
			name: "empty batch: nothing selected",
			req:  DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: []Recipient{{Key: anna}, {Key: bob}}},
			want: summary{Allow, FrictionNone, 0, "", 0, nil, []int{}, budget(0, 100), []string{"empty_batch"}},
		},
		{
			name: "empty batch: no rows",
			req:  DecideRequest{Network: Xing, Surface: SurfaceContactRequest},
			want: summary{Allow, FrictionNone, 0, "", 0, nil, []int{}, budget(0, 100), []string{"empty_batch"}},
		},
		{
			name: "single connect click has an undo window",
			req:  DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: one(sel(anna))},
			want: summary{Allow, FrictionNone, 1, "", 10, nil, []int{0}, budget(0, 100), nil},
		},
		{
			name: "not member",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceEmailInvite, Recipients: []Recipient{
				{Key: "anna@example.com", Member: ptr(false), Selected: true}, {Key: "bob@example.com", Selected: true}}},
			want: summary{Confirm, FrictionClick, 2, "", 10, []string{"0:not_member"}, []int{1}, budget(0, 100), []string{"not_members{count=1}"}},
		},
		{
			name: "recently invited within the cooldown, not at its end",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: []Recipient{sel(anna), sel(bob)},
				History: []HistoryEntry{invited(anna, 20.99), invited(bob, 21)}},
			want: summary{Confirm, FrictionClick, 2, "", 10, []string{"0:recently_invited"}, []int{1}, budget(0, 100), []string{"recently_invited{count=1 days=21}"}},
		},
		{
			name: "cooldown 0 switches the check off",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: one(sel(anna)),
				History: []HistoryEntry{invited(anna, 0.5)}, Policy: ptr(withPolicy(func(p *Policy) { p.CooldownDays = 0 }))},
			want: summary{Allow, FrictionNone, 1, "", 10, nil, []int{0}, budget(1, 100), nil},
		},
		{
			name: "history of another network or of a group invitation does not count for a connection",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: one(sel(anna)),
				History: []HistoryEntry{
					{Key: anna, Network: Xing, Kind: EventInvited, At: now0.Add(-time.Hour)},
					{Key: anna, Network: LinkedIn, Surface: SurfaceGroupInvite, Target: "g1", Kind: EventInvited, At: now0.Add(-time.Hour)},
				}},
			want: summary{Allow, FrictionNone, 1, "", 0, nil, []int{0}, budget(1, 100), nil},
		},
		{
			name: "re-invite locked after a withdrawal",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: []Recipient{sel(anna), sel(bob)},
				History: []HistoryEntry{invited(anna, 40), withdrawn(anna, 10), withdrawn(bob, 21)}},
			want: summary{Confirm, FrictionClick, 2, "", 10, []string{"0:reinvite_locked"}, []int{1}, budget(0, 100), []string{"reinvite_locked{count=1 days=21}"}},
		},
		{
			name: "invited and withdrawn: both flags",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: one(sel(anna)),
				History: []HistoryEntry{invited(anna, 5), withdrawn(anna, 2)}},
			want: summary{Confirm, FrictionClick, 1, "", 10, []string{"0:recently_invited,reinvite_locked"}, []int{}, budget(1, 100),
				[]string{"recently_invited{count=1 days=21}", "reinvite_locked{count=1 days=21}"}},
		},
		{
			name: "group invitation: same target within six months, members of the group",
			req: DecideRequest{Network: Xing, Surface: SurfaceGroupInvite, Target: "https://www.xing.com/communities/groups/berlin-1/",
				Recipients: []Recipient{
					{Key: anna, Member: ptr(true), Selected: true},
					{Key: bob, Member: ptr(true), Selected: true, InTarget: ptr(true)},
					{Key: "https://www.linkedin.com/in/carl/", Member: ptr(true), Selected: true, InTarget: ptr(false)},
					{Key: "https://www.linkedin.com/in/dora/", Member: ptr(true), Selected: true},
				},
				History: []HistoryEntry{
					{Key: anna, Network: Xing, Surface: SurfaceGroupInvite, Target: "xing.com/communities/groups/berlin-1?ref=x", Kind: EventInvited, At: now0.Add(-182 * 24 * time.Hour)},
					{Key: "https://www.linkedin.com/in/carl/", Network: Xing, Surface: SurfaceGroupInvite, Target: "https://www.xing.com/communities/groups/other/", Kind: EventInvited, At: now0.Add(-time.Hour)},
					{Key: "https://www.linkedin.com/in/dora/", Network: Xing, Surface: SurfaceGroupInvite, Target: "https://www.xing.com/communities/groups/berlin-1/", Kind: EventInvited, At: now0.Add(-183 * 24 * time.Hour)},
				}},
			want: summary{Confirm, FrictionClick, 4, "", 10, []string{"0:recently_invited", "1:in_target"}, []int{2, 3}, budget(1, 100),
				[]string{"recently_invited{count=1 days=183}", "in_target{count=1}"}},
		},
		{
			name: "in target is ignored on connection surfaces",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: []Recipient{
				{Key: anna, Member: ptr(true), Selected: true, InTarget: ptr(true)}}},
			want: summary{Allow, FrictionNone, 1, "", 10, nil, []int{0}, budget(0, 100), nil},
		},
		{
			name: "opted out",
			req: DecideRequest{Network: Xing, Surface: SurfaceEventInvite, Target: "event-42", Recipients: []Recipient{
				{Key: anna, Selected: true, OptedOut: true}, {Key: bob, Selected: true}}},
			want: summary{Confirm, FrictionClick, 2, "", 10, []string{"0:opted_out"}, []int{1}, budget(0, 100), []string{"opted_out{count=1}"}},
		},
		{
			name: "duplicates in other spellings; an unselected earlier row is no duplicate",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: []Recipient{
				{Key: "https://www.linkedin.com/in/anna/", Selected: true},
				{Key: "HTTPS://de.linkedin.com/in/Anna?trk=abc", Selected: true},
				{Key: "linkedin.com/in/anna", Selected: true},
				{Key: "Bob@Example.com", Selected: false},
				{Key: " bob@example.COM ", Selected: true},
				{Key: "mailto:BOB@example.com", Selected: true},
			}},
			want: summary{Confirm, FrictionClick, 5, "", 10, []string{"1:duplicate", "2:duplicate", "5:duplicate"}, []int{0, 4}, budget(0, 100),
				[]string{"duplicates{count=3}"}},
		},
		{
			name: "over budget: the unflagged rows beyond what is left, flagged rows use none",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport,
				Recipients: append([]Recipient{{Key: anna, Selected: true, OptedOut: true}}, people(4)...),
				History:    append(manyInvited(97, 6.9), invited("https://www.linkedin.com/in/old/", 7), invited("https://www.linkedin.com/in/older/", 30))},
			want: summary{Confirm, FrictionClick, 5, "", 10, []string{"0:opted_out", "4:over_budget"}, []int{1, 2, 3}, budget(97, 100),
				[]string{"opted_out{count=1}", "over_budget{count=1 limit=100 remaining=3}"}},
		},
		{
			name: "budget exhausted beyond its limit: remaining 0, everyone over",
			req: DecideRequest{Network: Xing, Surface: SurfaceContactRequest, Recipients: []Recipient{{Key: anna, Selected: true}},
				History: xing(manyInvited(12, 1)), Policy: ptr(withPolicy(func(p *Policy) { p.WeeklyBudgetXing = 10 }))},
			want: summary{Confirm, FrictionClick, 1, "", 0, []string{"0:over_budget"}, []int{}, budget(12, 10),
				[]string{"over_budget{count=1 limit=10 remaining=0}"}},
		},
		{
			name: "the budget of one network ignores the other",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(2),
				History: xing(manyInvited(150, 1))},
			want: summary{Allow, FrictionNone, 2, "", 10, nil, []int{0, 1}, budget(0, 100), nil},
		},
		{
			name: "every flag at once, reasons in order",
			req: DecideRequest{Network: LinkedIn, Surface: SurfacePageInvite, Target: "https://www.linkedin.com/company/acme/",
				Recipients: []Recipient{
					{Key: anna, Member: ptr(false), Selected: true, InTarget: ptr(true), OptedOut: true},
					{Key: anna, Member: ptr(true), Selected: true},
					{Key: bob, Member: ptr(true), Selected: true},
					{Key: "https://www.linkedin.com/in/carl/", Member: ptr(true), Selected: true},
				},
				History: append(manyInvited(99, 2),
					HistoryEntry{Key: anna, Network: LinkedIn, Surface: SurfacePageInvite, Target: "https://www.linkedin.com/company/acme", Kind: EventInvited, At: now0.AddDate(0, -1, 0)},
					HistoryEntry{Key: anna, Network: LinkedIn, Surface: SurfacePageInvite, Target: "https://www.linkedin.com/company/acme", Kind: EventWithdrawn, At: now0.AddDate(0, 0, -3)})},
			want: summary{Confirm, FrictionClick, 4, "", 10,
				[]string{"0:not_member,recently_invited,reinvite_locked,in_target,opted_out", "1:recently_invited,reinvite_locked,duplicate", "3:over_budget"},
				[]int{2}, budget(99, 100),
				[]string{"not_members{count=1}", "recently_invited{count=2 days=183}", "reinvite_locked{count=2 days=21}", "in_target{count=1}",
					"opted_out{count=1}", "duplicates{count=1}", "over_budget{count=1 limit=100 remaining=1}"}},
		},
		{
			name: "a message too long blocks even a single invitation",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: []Recipient{{Key: anna, Name: "Anna", Selected: true}},
				Message: "Hi Anna, " + strings.Repeat("x", 292)},
			want: summary{Block, FrictionBlocked, 1, "", 10, nil, []int{0}, budget(0, 100), []string{"message_issue{code=too_long severity=block}"}},
		},
		{
			name: "a message that does not name its one recipient asks for a click",
			req: DecideRequest{Network: Xing, Surface: SurfaceContactRequest, Recipients: []Recipient{{Key: anna, Name: "Jürgen Müller", Selected: true}},
				Message: "Hallo, gerne möchte ich mich mit Ihnen vernetzen."},
			want: summary{Confirm, FrictionClick, 1, "", 0, nil, []int{0}, budget(0, 100), []string{"message_issue{code=not_personalised severity=warn}"}},
		},
		{
			name: "a personalised message passes",
			req: DecideRequest{Network: Xing, Surface: SurfaceContactRequest, Recipients: []Recipient{{Key: anna, Name: "Jürgen Müller", Selected: true}},
				Message: "Hallo Herr Mueller, gerne möchte ich mich mit Ihnen vernetzen."},
			want: summary{Allow, FrictionNone, 1, "", 0, nil, []int{0}, budget(0, 100), nil},
		},
		{
			name: "one text to several people on a group invitation blocks",
			req: DecideRequest{Network: Xing, Surface: SurfaceGroupInvite, Target: "g", Recipients: people(3),
				Message: "Join our group about Go in Berlin."},
			want: summary{Block, FrictionBlocked, 3, "", 10, nil, []int{0, 1, 2}, budget(0, 100), []string{"message_issue{code=mass_message severity=block}"}},
		},
		{
			name: "a templated message: nearly identical to a recent one (another name) warns",
			req: DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: []Recipient{{Key: anna, Name: "Anna Schmidt", Selected: true}},
				Message: "Hi Anna, great to meet you at the Go meetup!", RecentMessages: []string{"Something else entirely.", "hi bob great to meet you at the go meetup"}},
			want: summary{Confirm, FrictionClick, 1, "", 10, nil, []int{0}, budget(0, 100), []string{"message_issue{code=templated severity=warn}"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.Now = now0
			got, err := Decide(req)
			if err != nil {
				t.Fatal(err)
			}
			if g := summarize(got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", g, tt.want)
			}
			checkInvariants(t, req, got)
		})
	}
}

// manyInvited returns n LinkedIn invitations of distinct people, daysAgo before now0.
func manyInvited(n int, daysAgo float64) []HistoryEntry {
	hs := make([]HistoryEntry, n)
	for i := range hs {
		hs[i] = invited(fmt.Sprintf("https://www.linkedin.com/in/h%d/", i), daysAgo)
	}
	return hs
}

// xing moves history entries to XING.
func xing(hs []HistoryEntry) []HistoryEntry {
	for i := range hs {
		hs[i].Network = Xing
	}
	return hs
}

// withPolicy returns the default policy changed by f.
func withPolicy(f func(*Policy)) Policy {
	p := DefaultPolicy()
	f(&p)
	return p
}

func TestDecideUntil(t *testing.T) {
	const anna = "https://www.linkedin.com/in/anna/"
	at1 := time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC)
	at2 := time.Date(2026, 12, 30, 18, 30, 0, 0, time.UTC)
	now := time.Date(2027, 1, 3, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		hist []HistoryEntry
		want time.Time
	}{
		{"cooldown across the year boundary", []HistoryEntry{{Key: anna, Network: LinkedIn, Kind: EventInvited, At: at1}}, at1.Add(21 * 24 * time.Hour)},
		{"the latest invitation counts", []HistoryEntry{
			{Key: anna, Network: LinkedIn, Kind: EventInvited, At: at2},
			{Key: anna, Network: LinkedIn, Kind: EventInvited, At: at1}}, at2.Add(21 * 24 * time.Hour)},
		{"the later of cooldown and lock", []HistoryEntry{
			{Key: anna, Network: LinkedIn, Kind: EventInvited, At: at1},
			{Key: anna, Network: LinkedIn, Kind: EventWithdrawn, At: at2}}, at2.Add(21 * 24 * time.Hour)},
		{"a time zone offset is the same instant", []HistoryEntry{
			{Key: anna, Network: LinkedIn, Kind: EventInvited, At: at1.In(time.FixedZone("CET", 3600))}}, at1.Add(21 * 24 * time.Hour)},
	}
	for _, tt := range tests {
		got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Now: now,
			Recipients: []Recipient{{Key: anna, Selected: true}}, History: tt.hist})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Flagged) != 1 || got.Flagged[0].Until == nil {
			t.Fatalf("%s: flagged = %+v, want one with until", tt.name, got.Flagged)
		}
		if u := *got.Flagged[0].Until; !u.Equal(tt.want) || u.Location() != time.UTC {
			t.Errorf("%s: until = %v, want %v in UTC", tt.name, u, tt.want)
		}
	}
}

func TestDecideYearBoundaryBudget(t *testing.T) {
	now := time.Date(2027, 1, 2, 12, 0, 0, 0, time.UTC)
	var hist []HistoryEntry
	for i, at := range []time.Time{
		time.Date(2026, 12, 26, 12, 0, 0, 0, time.UTC),  // exactly 7 days: outside
		time.Date(2026, 12, 26, 12, 0, 1, 0, time.UTC),  // inside
		time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), // inside
		time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),     // inside
		time.Date(2027, 1, 2, 13, 0, 0, 0, time.UTC),    // an hour after now (another clock): inside
	} {
		hist = append(hist, HistoryEntry{Key: fmt.Sprintf("k%d@example.com", i), Network: LinkedIn, Kind: EventInvited, At: at})
	}
	got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Now: now, History: hist, Recipients: people(1)})
	if err != nil {
		t.Fatal(err)
	}
	if want := budget(4, 100); got.Budget != want {
		t.Errorf("budget = %+v, want %+v", got.Budget, want)
	}
}

func TestDecideBreakdown(t *testing.T) {
	rs := []Recipient{
		{Key: "a@example.com", Member: ptr(false), Selected: true},
		{Key: "b@example.com", Member: ptr(true), Selected: true},
		{Key: "c@example.com", Selected: true},
		{Key: "d@example.com", Member: ptr(false), Selected: false},
		{Key: "A@example.com", Member: ptr(false), Selected: true},
	}
	got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: rs, Now: now0})
	if err != nil {
		t.Fatal(err)
	}
	want := Breakdown{Selected: 4, Members: 1, NotMembers: 2, Unknown: 1, Duplicates: 1}
	if got.Breakdown != want {
		t.Errorf("breakdown = %+v, want %+v", got.Breakdown, want)
	}
	if got.Flagged[1].Key != "a@example.com" {
		t.Errorf("flagged[1].key = %q, want the normalised key", got.Flagged[1].Key)
	}
}

func TestDecideKeepsNonNilLists(t *testing.T) {
	got, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: people(1), Now: now0})
	if err != nil {
		t.Fatal(err)
	}
	if got.Flagged == nil || got.Suggested == nil || got.Reasons == nil {
		t.Errorf("flagged, suggested, reasons = %v, %v, %v; want empty lists, not nil (JSON [])", got.Flagged, got.Suggested, got.Reasons)
	}
}

func TestDecideMessageResult(t *testing.T) {
	req := DecideRequest{Network: LinkedIn, Surface: SurfaceConnect, Recipients: people(1), Now: now0}
	got, _ := Decide(req)
	if got.Message != nil {
		t.Errorf("message = %+v without a message, want nil", got.Message)
	}
	req.Message = "Hallo Person 0, schön Sie kennenzulernen!"
	got, _ = Decide(req)
	if got.Message == nil || !got.Message.OK || got.Message.Length != 41 || got.Message.Max != 300 {
		t.Errorf("message = %+v, want ok, length 41, max 300", got.Message)
	}
}

func TestDecideValidate(t *testing.T) {
	valid := func() DecideRequest {
		return DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(3), Now: now0,
			History: []HistoryEntry{invited("https://www.linkedin.com/in/x/", 1)}}
	}
	tests := []struct {
		name     string
		edit     func(*DecideRequest)
		code     Code
		contains string
	}{
		{"missing network", func(r *DecideRequest) { r.Network = "" }, CodeInvalid, "network is missing"},
		{"unknown network", func(r *DecideRequest) { r.Network = "facebook" }, CodeInvalid, `network "facebook" is unknown`},
		{"unknown surface", func(r *DecideRequest) { r.Surface = "poke" }, CodeInvalid, `surface "poke" is unknown`},
		{"surface of the other network", func(r *DecideRequest) { r.Surface = SurfaceContactRequest }, CodeInvalid, `surface "contact_request" does not exist on linkedin`},
		{"xing has no email invite", func(r *DecideRequest) { r.Network = Xing; r.Surface = SurfaceEmailInvite }, CodeInvalid, `surface "email_invite" does not exist on xing`},
		{"group without target", func(r *DecideRequest) { r.Surface = SurfaceGroupInvite; r.Target = "  " }, CodeInvalid, "target is missing"},
		{"zero now", func(r *DecideRequest) { r.Now = time.Time{} }, CodeInvalid, "now is missing"},
		{"empty key", func(r *DecideRequest) { r.Recipients[2].Key = " " }, CodeInvalid, "recipients[2].key is empty"},
		{"long key", func(r *DecideRequest) { r.Recipients[1].Key = strings.Repeat("k", MaxKeyBytes+1) }, CodeInvalid, "recipients[1].key is longer than 2048 bytes"},
		{"long name", func(r *DecideRequest) { r.Recipients[0].Name = strings.Repeat("n", MaxNameBytes+1) }, CodeInvalid, "recipients[0].name is longer"},
		{"too many recipients", func(r *DecideRequest) { r.Recipients = people(MaxRecipients + 1) }, CodeTooLarge, "recipients has 10001 entries, at most 10000"},
		{"history empty key", func(r *DecideRequest) { r.History[0].Key = "" }, CodeInvalid, "history[0].key is empty"},
		{"history network", func(r *DecideRequest) { r.History[0].Network = "" }, CodeInvalid, `history[0].network "" is unknown`},
		{"history surface", func(r *DecideRequest) { r.History[0].Surface = "x" }, CodeInvalid, `history[0].surface "x" is unknown`},
		{"history kind", func(r *DecideRequest) { r.History[0].Kind = "accepted" }, CodeInvalid, `history[0].kind "accepted" is unknown`},
		{"history at", func(r *DecideRequest) { r.History[0].At = time.Time{} }, CodeInvalid, "history[0].at is missing"},
		{"too much history", func(r *DecideRequest) { r.History = make([]HistoryEntry, MaxHistory+1) }, CodeTooLarge, "history has 100001 entries"},
		{"huge message", func(r *DecideRequest) { r.Message = strings.Repeat("m", MaxMessageBytes+1) }, CodeTooLarge, "message is 65537 bytes"},
		{"too many recent messages", func(r *DecideRequest) { r.RecentMessages = make([]string, MaxRecentMessages+1) }, CodeTooLarge, "recentMessages has 201 entries"},
		{"bad policy", func(r *DecideRequest) { r.Policy = ptr(withPolicy(func(p *Policy) { p.BlockAbove = 0 })) }, CodeInvalid, "policy.blockAbove must be between 1 and 10000, got 0"},
		{"policy order", func(r *DecideRequest) { r.Policy = ptr(withPolicy(func(p *Policy) { p.ClickAbove = 30 })) }, CodeInvalid, "policy.clickAbove (30) must not exceed policy.typeAbove (25)"},
	}
	for _, tt := range tests {
		req := valid()
		tt.edit(&req)
		_, err := Decide(req)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: err = %v, want a *core.Error", tt.name, err)
			continue
		}
		if e.Code != tt.code || !strings.Contains(e.Message, tt.contains) {
			t.Errorf("%s: err = %v, want code %s containing %q", tt.name, err, tt.code, tt.contains)
		}
	}
	if _, err := Decide(valid()); err != nil {
		t.Errorf("valid request: %v", err)
	}
}

func TestSurfacesAndMessageMax(t *testing.T) {
	tests := []struct {
		n    Network
		s    Surface
		ok   bool
		max  int
		trgt bool
	}{
		{LinkedIn, SurfaceContactImport, true, 300, false},
		{LinkedIn, SurfaceEmailInvite, true, 300, false},
		{LinkedIn, SurfaceConnect, true, 300, false},
		{LinkedIn, SurfacePageInvite, true, 500, true},
		{LinkedIn, SurfaceEventInvite, true, 500, true},
		{LinkedIn, SurfaceGroupInvite, true, 500, true},
		{LinkedIn, SurfaceContactRequest, false, 0, false},
		{Xing, SurfaceContactRequest, true, 500, false},
		{Xing, SurfaceGroupInvite, true, 500, true},
		{Xing, SurfacePageInvite, true, 500, true},
		{Xing, SurfaceEventInvite, true, 500, true},
		{Xing, SurfaceConnect, false, 0, false},
		{Xing, SurfaceContactImport, false, 0, false},
		{"other", SurfaceConnect, false, 0, false},
	}
	for _, tt := range tests {
		if got := SurfaceAllowed(tt.n, tt.s); got != tt.ok {
			t.Errorf("SurfaceAllowed(%s, %s) = %v, want %v", tt.n, tt.s, got, tt.ok)
		}
		if got := MessageMax(tt.n, tt.s); got != tt.max {
			t.Errorf("MessageMax(%s, %s) = %d, want %d", tt.n, tt.s, got, tt.max)
		}
		if got := IsTargetSurface(tt.s); got != tt.trgt {
			t.Errorf("IsTargetSurface(%s) = %v, want %v", tt.s, got, tt.trgt)
		}
	}
}

// checkInvariants checks what must hold for any decision of a valid request.
func checkInvariants(t *testing.T, req DecideRequest, d Decision) {
	t.Helper()
	selected := 0
	for _, r := range req.Recipients {
		if r.Selected {
			selected++
		}
	}
	if d.Count != selected || d.Breakdown.Selected != selected {
		t.Errorf("count %d, breakdown.selected %d, want %d", d.Count, d.Breakdown.Selected, selected)
	}
	if len(d.Suggested)+len(d.Flagged) != d.Count {
		t.Errorf("suggested %d + flagged %d != count %d", len(d.Suggested), len(d.Flagged), d.Count)
	}
	if b := d.Breakdown; b.Members+b.NotMembers+b.Unknown != b.Selected {
		t.Errorf("members %d + not members %d + unknown %d != selected %d", b.Members, b.NotMembers, b.Unknown, b.Selected)
	}
	if !sort.IntsAreSorted(d.Suggested) {
		t.Errorf("suggested not sorted: %v", d.Suggested)
	}
	last := -1
	for _, f := range d.Flagged {
		if f.Index <= last || f.Index >= len(req.Recipients) || !req.Recipients[f.Index].Selected || len(f.Flags) == 0 {
			t.Errorf("bad flagged entry %+v (after index %d)", f, last)
		}
		last = f.Index
	}
	for _, i := range d.Suggested {
		if i < 0 || i >= len(req.Recipients) || !req.Recipients[i].Selected {
			t.Errorf("suggested %d is not a selected row", i)
		}
	}
	wantVerdict := map[Friction]Verdict{FrictionNone: Allow, FrictionClick: Confirm, FrictionType: Confirm, FrictionBlocked: Block}[d.Friction]
	if d.Verdict != wantVerdict || d.Verdict == "" {
		t.Errorf("verdict %q with friction %q", d.Verdict, d.Friction)
	}
	if (d.Friction == FrictionType) != (d.ConfirmText != "") {
		t.Errorf("confirmText %q with friction %q", d.ConfirmText, d.Friction)
	}
	if len(d.Flagged) > 0 && d.Friction == FrictionNone {
		t.Errorf("flagged rows but no friction")
	}
	if d.Budget.Remaining != max(d.Budget.Limit-d.Budget.Used, 0) {
		t.Errorf("budget %+v inconsistent", d.Budget)
	}
	order := map[string]int{}
	for i, c := range ReasonCodes {
		order[c] = i
	}
	prev := -1
	for _, r := range d.Reasons {
		o, ok := order[r.Code]
		if !ok || o < prev {
			t.Errorf("reason %q unknown or out of order in %v", r.Code, d.Reasons)
		}
		prev = o
	}
}
