package core

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var recNow = time.Date(2027, 1, 5, 12, 0, 0, 0, time.UTC)

func li(slug string) string { return "https://www.linkedin.com/in/" + slug + "/" }

func inv(id, key, name string, st State, sentAt time.Time) Invitation {
	return Invitation{ID: id, Key: key, Name: name, Network: LinkedIn, State: st, SentAt: sentAt, Source: SourceExtension}
}

func warnCodes(ws []Reason) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, w.Code)
	}
	return out
}

func changeStrings(cs []StateChange) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s-%s->%s", c.ID, c.From, c.Event, c.To))
	}
	return out
}

func importIDs(invs []Invitation) []string {
	out := []string{}
	for _, v := range invs {
		out = append(out, v.ID)
	}
	return out
}

// TestReconcileFull runs one scan that shows every kind of outcome.
func TestReconcileFull(t *testing.T) {
	day := 24 * time.Hour
	xing := inv("g", "https://www.xing.com/profile/G", "Gisela", StateSent, recNow.Add(-day))
	xing.Network = Xing
	req := ReconcileRequest{
		Network: LinkedIn,
		Known: []Invitation{
			inv("a", li("anna"), "Anna A", StateSent, recNow.Add(-3*day)),
			inv("b", li("bert"), "Bert B", StateSent, recNow.Add(-4*day)),
			inv("c", li("carl"), "Carl C", StateWithdrawRequested, recNow.Add(-5*day)),
			inv("d", li("dora"), "Dora D", StateGone, recNow.Add(-6*day)),
			inv("scan:"+li("emil"), li("emil"), "Emil E", StateWithdrawn, recNow.Add(-60*day)),
			inv("f", li("fritz"), "Fritz F", StateHeld, recNow.Add(-time.Minute)),
			xing,
			inv("h", "hanna@example.com", "Hanna Huber", StateSent, recNow.Add(-2*day)),
			inv("late", li("late"), "Late L", StateSent, recNow.Add(time.Minute)),
		},
		Cards: []SentCard{
			{Key: "https://de.linkedin.com/in/Anna?trk=abc", Name: "Anna A", AgeText: "Sent 3 days ago"},
			{Key: li("dora"), Name: "Dora D", AgeText: "Sent 6 days ago"},
			{Key: li("emil"), Name: "Emil E", AgeText: "Vor 1 Woche gesendet", Note: "Hallo Emil"},
			{Key: li("fritz"), Name: "Fritz F", AgeText: "Sent just now"},
			{Key: li("xaver"), Name: "Xaver X", AgeText: "Sent 3 weeks ago"},
			{Key: "", Name: "  hanna   HUBER ", AgeText: "Sent 2 days ago"},
			{Key: li("yvonne"), Name: "Yvonne Y", AgeText: "Sent sometime"},
			{Key: li("anna"), Name: "Anna A", AgeText: "Sent 3 days ago"},
			{Key: "", Name: "", AgeText: "Sent today"},
		},
		Complete:  true,
		TotalText: "People (7)",
		Now:       recNow,
	}
	got, err := Reconcile(req)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "h"}; !reflect.DeepEqual(got.Matched, want) {
		t.Errorf("Matched = %v, want %v", got.Matched, want)
	}
	wantChanged := []string{
		"d gone-reappear->sent",
		"f held-release->sent",
		"b sent-gone->gone",
		"c withdraw_requested-withdrawn->withdrawn",
	}
	if got := changeStrings(got.Changed); !reflect.DeepEqual(got, wantChanged) {
		t.Errorf("Changed = %v, want %v", got, wantChanged)
	}
	wantImported := []string{"scan:" + li("emil") + "#2", "scan:" + li("xaver"), "scan:" + li("yvonne")}
	if got := importIDs(got.Imported); !reflect.DeepEqual(got, wantImported) {
		t.Errorf("Imported = %v, want %v", got, wantImported)
	}
	wantWarn := []string{WarnClosedOnList, WarnUnreadableAge, WarnDuplicateCard, WarnUnreadableCard}
	if got := warnCodes(got.Warnings); !reflect.DeepEqual(got, wantWarn) {
		t.Errorf("Warnings = %v, want %v", got, wantWarn)
	}
	if got.Seen != 7 || got.Total != 7 {
		t.Errorf("Seen, Total = %d, %d, want 7, 7", got.Seen, got.Total)
	}

	// The imported invitation for Xaver carries the age range of "Sent 3 weeks ago".
	x := got.Imported[1]
	age, _ := ParseAge(AgeRequest{Text: "Sent 3 weeks ago", Now: recNow})
	if !x.SentAt.Equal(age.Latest) || x.SentEarliest == nil || !x.SentEarliest.Equal(age.Earliest) {
		t.Errorf("imported Xaver sent [%v, %s], want [%s, %s]", x.SentEarliest, x.SentAt, age.Earliest, age.Latest)
	}
	if x.Source != SourceScan || x.State != StateSent || x.Network != LinkedIn || x.Member == nil || !*x.Member || x.Name != "Xaver X" {
		t.Errorf("imported Xaver = %+v", x)
	}
	// Emil's new invitation keeps the note; Yvonne's unreadable age gives the widest range.
	if e := got.Imported[0]; e.Note != "Hallo Emil" || e.Key != li("emil") {
		t.Errorf("imported Emil = %+v", e)
	}
	if y := got.Imported[2]; !y.SentAt.Equal(recNow) || y.SentEarliest == nil || !y.SentEarliest.IsZero() {
		t.Errorf("imported Yvonne (unreadable age) sent [%v, %s], want [zero, now]", y.SentEarliest, y.SentAt)
	}
	if w := got.Warnings[0].Params; w["id"] != "scan:"+li("emil") || w["state"] != "withdrawn" {
		t.Errorf("closed_on_list params = %v", w)
	}
	if w := got.Warnings[2].Params; w["index"] != 7 || w["first"] != 0 {
		t.Errorf("duplicate_card params = %v", w)
	}
}

func TestReconcileIncomplete(t *testing.T) {
	req := ReconcileRequest{
		Network: LinkedIn,
		Known: []Invitation{
			inv("a", li("anna"), "Anna", StateSent, recNow.Add(-time.Hour)),
			inv("b", li("bert"), "Bert", StateSent, recNow.Add(-time.Hour)),
			inv("c", li("carl"), "Carl", StateWithdrawRequested, recNow.Add(-time.Hour)),
		},
		Cards:     []SentCard{{Key: li("anna"), Name: "Anna", AgeText: "Sent 1 hour ago"}},
		TotalText: "People (1,100)",
		Now:       recNow,
	}
	got, err := Reconcile(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Changed) != 0 {
		t.Errorf("an incomplete scan changed %v", changeStrings(got.Changed))
	}
	if got.Total != 1100 || got.Seen != 1 || len(got.Warnings) != 0 {
		t.Errorf("Total %d Seen %d Warnings %v, want 1100, 1, none", got.Total, got.Seen, got.Warnings)
	}
	// More cards than the count is odd even for a partial scan.
	req.TotalText = "(0)"
	got, _ = Reconcile(req)
	if codes := warnCodes(got.Warnings); !reflect.DeepEqual(codes, []string{WarnTotalMismatch}) {
		t.Errorf("warnings %v, want total_mismatch", codes)
	}
}

func TestReconcileTotals(t *testing.T) {
	card := SentCard{Key: li("anna"), Name: "Anna", AgeText: "Sent today"}
	tests := []struct {
		text     string
		complete bool
		total    int
		warn     []string
	}{
		{"", true, -1, []string{}},
		{"People (1)", true, 1, []string{}},
		{"People (2)", true, 2, []string{WarnTotalMismatch}},
		{"People (2)", false, 2, []string{}},
		{"People (1,5)", true, -1, []string{WarnUnreadableTotal}},
		{"Personen (1.052)", false, 1052, []string{}},
	}
	for _, tt := range tests {
		got, err := Reconcile(ReconcileRequest{Network: LinkedIn, Cards: []SentCard{card}, Complete: tt.complete, TotalText: tt.text, Now: recNow})
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if got.Total != tt.total || !reflect.DeepEqual(warnCodes(got.Warnings), tt.warn) {
			t.Errorf("%q complete=%v: total %d warnings %v, want %d %v", tt.text, tt.complete, got.Total, warnCodes(got.Warnings), tt.total, tt.warn)
		}
	}
}

func TestReconcileByName(t *testing.T) {
	tests := []struct {
		name     string
		known    []Invitation
		cards    []SentCard
		matched  []string
		imported []string
		warn     []string
	}{
		{
			name:     "email invitation found under a profile URL",
			known:    []Invitation{inv("h", "hanna@example.com", "Hanna Huber", StateSent, recNow)},
			cards:    []SentCard{{Key: li("hanna"), Name: "Hanna Huber", AgeText: "Sent today"}},
			matched:  []string{"h"},
			imported: []string{},
			warn:     []string{},
		},
		{
			name:     "a different profile URL is a different person",
			known:    []Invitation{inv("j", li("jane-1"), "Jane Doe", StateSent, recNow)},
			cards:    []SentCard{{Key: li("jane-2"), Name: "Jane Doe", AgeText: "Sent today"}},
			matched:  []string{},
			imported: []string{"scan:" + li("jane-2")},
			warn:     []string{},
		},
		{
			name:     "keyless card, the profile URL invitation of that name",
			known:    []Invitation{inv("j", li("jane-1"), "Jane Doe", StateSent, recNow)},
			cards:    []SentCard{{Name: "jane doe", AgeText: "Sent today"}},
			matched:  []string{"j"},
			imported: []string{},
			warn:     []string{},
		},
		{
			name: "two known invitations with the name",
			known: []Invitation{
				inv("m1", "max1@example.com", "Max Muster", StateSent, recNow),
				inv("m2", "max2@example.com", "Max Muster", StateSent, recNow),
			},
			cards:    []SentCard{{Key: li("max"), Name: "Max Muster", AgeText: "Sent today"}},
			matched:  []string{},
			imported: []string{"scan:" + li("max")},
			warn:     []string{WarnAmbiguousName},
		},
		{
			name:  "two cards with the name",
			known: []Invitation{inv("m1", "max1@example.com", "Max Muster", StateSent, recNow)},
			cards: []SentCard{
				{Key: li("max-a"), Name: "Max Muster", AgeText: "Sent today"},
				{Key: li("max-b"), Name: "Max Muster", AgeText: "Sent today"},
			},
			matched:  []string{},
			imported: []string{"scan:" + li("max-a"), "scan:" + li("max-b")},
			warn:     []string{WarnAmbiguousName, WarnAmbiguousName},
		},
		{
			name:     "keyless card nobody knows",
			cards:    []SentCard{{Name: "Nobody", AgeText: "Sent today"}},
			matched:  []string{},
			imported: []string{},
			warn:     []string{WarnCardWithoutKey},
		},
		{
			name:     "keyless duplicate",
			known:    []Invitation{inv("z", "zoe@example.com", "Zoe", StateSent, recNow)},
			cards:    []SentCard{{Name: "Zoe", AgeText: "Sent today"}, {Name: "ZOE", AgeText: "Sent today"}},
			matched:  []string{},
			imported: []string{},
			warn:     []string{WarnAmbiguousName, WarnDuplicateCard},
		},
	}
	for _, tt := range tests {
		got, err := Reconcile(ReconcileRequest{Network: LinkedIn, Known: tt.known, Cards: tt.cards, Now: recNow})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got.Matched, tt.matched) {
			t.Errorf("%s: Matched %v, want %v", tt.name, got.Matched, tt.matched)
		}
		if g := importIDs(got.Imported); !reflect.DeepEqual(g, tt.imported) {
			t.Errorf("%s: Imported %v, want %v", tt.name, g, tt.imported)
		}
		if g := warnCodes(got.Warnings); !reflect.DeepEqual(g, tt.warn) {
			t.Errorf("%s: Warnings %v, want %v", tt.name, g, tt.warn)
		}
	}
}

func TestReconcileReappear(t *testing.T) {
	for _, st := range []State{StateGone, StateNotFound, StateFailed, StateExpired} {
		req := ReconcileRequest{
			Network: LinkedIn,
			Known: []Invitation{
				inv("old", li("p"), "P", StateWithdrawn, recNow.Add(-90*24*time.Hour)),
				inv("new", li("p"), "P", st, recNow.Add(-30*24*time.Hour)),
			},
			Cards: []SentCard{{Key: li("p"), Name: "P", AgeText: "Sent 1 month ago"}},
			Now:   recNow,
		}
		got, err := Reconcile(req)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"new " + string(st) + "-reappear->sent"}
		if g := changeStrings(got.Changed); !reflect.DeepEqual(g, want) || len(got.Imported) != 0 {
			t.Errorf("%s: Changed %v Imported %v, want %v and none", st, g, importIDs(got.Imported), want)
		}
	}
}

// TestReconcilePendingWins: when one person has a pending and a closed
// invitation, the card matches the pending one and nothing is imported.
func TestReconcilePendingWins(t *testing.T) {
	req := ReconcileRequest{
		Network: LinkedIn,
		Known: []Invitation{
			inv("w", li("p"), "P", StateWithdrawn, recNow.Add(-90*24*time.Hour)),
			inv("s", li("p"), "P", StateSent, recNow.Add(-30*24*time.Hour)),
			inv("g", li("p"), "P", StateGone, recNow.Add(-20*24*time.Hour)),
		},
		Cards:    []SentCard{{Key: li("p"), Name: "P", AgeText: "Sent 1 month ago"}},
		Complete: true,
		Now:      recNow,
	}
	got, err := Reconcile(req)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Matched, []string{"s"}) || len(got.Changed) != 0 || len(got.Imported) != 0 {
		t.Errorf("got Matched %v Changed %v Imported %v", got.Matched, changeStrings(got.Changed), importIDs(got.Imported))
	}
}

func TestReconcileMember(t *testing.T) {
	cards := []SentCard{
		{Key: li("p"), Name: "P", AgeText: "Sent today"},
		{Key: "Mailto:Q@Example.com", Name: "Q", AgeText: "Sent today"},
		{Key: "urn:li:member:1", Name: "R", AgeText: "Sent today"},
	}
	got, err := Reconcile(ReconcileRequest{Network: LinkedIn, Cards: cards, Now: recNow})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"true", "false", "nil"}
	for i, v := range got.Imported {
		g := "nil"
		if v.Member != nil {
			g = fmt.Sprint(*v.Member)
		}
		if g != want[i] {
			t.Errorf("imported %s: member %s, want %s", v.Key, g, want[i])
		}
	}
	if got.Imported[1].Key != "q@example.com" {
		t.Errorf("email key = %q, want normalised q@example.com", got.Imported[1].Key)
	}
}

func TestReconcileInvalid(t *testing.T) {
	ok := inv("a", li("a"), "A", StateSent, recNow)
	tests := []struct {
		name string
		req  ReconcileRequest
		code Code
		want string
	}{
		{"network", ReconcileRequest{Network: "facebook", Now: recNow}, CodeInvalid, `network "facebook" is unknown`},
		{"now", ReconcileRequest{Network: LinkedIn}, CodeInvalid, "now: missing"},
		{"empty id", ReconcileRequest{Network: LinkedIn, Now: recNow, Known: []Invitation{inv("", li("a"), "A", StateSent, recNow)}}, CodeInvalid, "known[0].id is empty"},
		{"empty key", ReconcileRequest{Network: LinkedIn, Now: recNow, Known: []Invitation{ok, inv("b", " ", "B", StateSent, recNow)}}, CodeInvalid, "known[1].key is empty"},
		{"dup id", ReconcileRequest{Network: LinkedIn, Now: recNow, Known: []Invitation{ok, ok}}, CodeInvalid, `known[1].id "a" repeats known[0]`},
		{"state", ReconcileRequest{Network: LinkedIn, Now: recNow, Known: []Invitation{inv("a", li("a"), "A", "pending", recNow)}}, CodeInvalid, `known[0].state "pending" is unknown`},
		{"known network", ReconcileRequest{Network: LinkedIn, Now: recNow, Known: []Invitation{{ID: "a", Key: "k", State: StateSent}}}, CodeInvalid, `known[0].network "" is unknown`},
		{"card key", ReconcileRequest{Network: LinkedIn, Now: recNow, Cards: []SentCard{{Key: strings.Repeat("k", MaxKeyBytes+1)}}}, CodeInvalid, "cards[0].key is longer than"},
		{"too many", ReconcileRequest{Network: LinkedIn, Now: recNow, Cards: make([]SentCard, MaxScanCards+1)}, CodeTooLarge, "cards has 20001 entries"},
	}
	for _, tt := range tests {
		_, err := Reconcile(tt.req)
		if got := ErrorCode(err); got != tt.code {
			t.Errorf("%s: code %q, want %q (%v)", tt.name, got, tt.code, err)
			continue
		}
		if got := ErrorMessage(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: message %q, want prefix %q", tt.name, got, tt.want)
		}
	}
}

// fuzzBytes hands out small numbers from fuzz input, 0 when it runs out.
type fuzzBytes struct {
	b []byte
	i int
}

func (f *fuzzBytes) next(n int) int {
	if f.i >= len(f.b) || n <= 0 {
		return 0
	}
	v := int(f.b[f.i]) % n
	f.i++
	return v
}

var fuzzAges = []string{"Sent today", "Sent 3 weeks ago", "Vor 2 Monaten gesendet", "il y a 1 an", "garbage", "", "Sent 999 days ago"}

// fuzzReconcileRequest builds a request with a small alphabet of keys, names
// and states, so that collisions (duplicates, several invitations per person) are common.
func fuzzReconcileRequest(data []byte) ReconcileRequest {
	f := &fuzzBytes{b: data}
	keys := []string{"", li("a"), li("B"), "https://de.linkedin.com/in/a?x=1", "c@example.com", "urn:li:member:9", li("d")}
	names := []string{"", "Ann", "ann ", "Bob", "Cy", "Dee"}
	req := ReconcileRequest{Network: LinkedIn, Complete: f.next(2) == 1, Now: recNow}
	if f.next(2) == 1 {
		req.TotalText = []string{"People (3)", "(1,5)", "2", ""}[f.next(4)]
	}
	usedIDs := map[string]bool{}
	for n := f.next(12); n > 0; n-- {
		st := States[f.next(len(States))]
		in := inv(fmt.Sprintf("k%d", len(req.Known)), keys[1+f.next(len(keys)-1)], names[f.next(len(names))], st,
			recNow.Add(time.Duration(f.next(200)-20)*time.Hour))
		if f.next(5) == 0 {
			in.Network = Xing
		}
		if id := "scan:" + NormalizeKey(in.Key); f.next(4) == 0 && !usedIDs[id] {
			in.ID = id
		}
		usedIDs[in.ID] = true
		req.Known = append(req.Known, in)
	}
	for n := f.next(12); n > 0; n-- {
		req.Cards = append(req.Cards, SentCard{Key: keys[f.next(len(keys))], Name: names[f.next(len(names))], AgeText: fuzzAges[f.next(len(fuzzAges))]})
	}
	return req
}

// checkReconcile checks the invariants of a reconciliation result.
func checkReconcile(t *testing.T, req ReconcileRequest, got ReconcileResult) {
	t.Helper()
	known := map[string]Invitation{}
	for _, k := range req.Known {
		known[k.ID] = k
	}
	accounted := map[string]bool{}
	for _, id := range got.Matched {
		k, ok := known[id]
		if !ok || !IsPending(k.State) || accounted[id] {
			t.Fatalf("matched %q: known %v pending %v twice %v", id, ok, IsPending(k.State), accounted[id])
		}
		accounted[id] = true
	}
	for _, c := range got.Changed {
		k, ok := known[c.ID]
		if !ok || k.State != c.From || accounted[c.ID] {
			t.Fatalf("changed %+v: known %v state %s twice %v", c, ok, k.State, accounted[c.ID])
		}
		to, err := Transition(TransitionRequest{From: c.From, Event: c.Event})
		if err != nil || to.To != c.To {
			t.Fatalf("changed %+v is not a legal transition: %v", c, err)
		}
		if c.To == StateGone && !req.Complete {
			t.Fatalf("an incomplete scan marked %s gone", c.ID)
		}
		accounted[c.ID] = true
	}
	ids := map[string]bool{}
	for _, v := range got.Imported {
		if _, clash := known[v.ID]; clash || ids[v.ID] {
			t.Fatalf("imported id %q clashes", v.ID)
		}
		ids[v.ID] = true
		if v.Key == "" || v.State != StateSent || v.Source != SourceScan || v.SentEarliest == nil || v.SentEarliest.After(v.SentAt) || v.SentAt.After(req.Now) {
			t.Fatalf("imported %+v", v)
		}
	}
	if got.Seen > len(req.Cards) || got.Seen < 0 {
		t.Fatalf("seen %d of %d cards", got.Seen, len(req.Cards))
	}
}

func FuzzReconcile(f *testing.F) {
	f.Add([]byte{1, 1, 0, 5, 2, 3, 1, 9, 0, 4, 4, 1, 2, 7, 0, 1, 3, 2, 2, 1, 6, 0, 3, 1, 1, 1})
	f.Add([]byte{0, 0, 11, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
	f.Add([]byte("reconcile a scan of the sent list"))
	f.Fuzz(func(t *testing.T, data []byte) {
		req := fuzzReconcileRequest(data)
		got, err := Reconcile(req)
		if err != nil {
			t.Fatalf("Reconcile of a valid request: %v", err)
		}
		checkReconcile(t, req, got)
	})
}

func reconcileBenchRequest(n int) ReconcileRequest {
	req := ReconcileRequest{Network: LinkedIn, Complete: true, TotalText: fmt.Sprintf("People (%d)", n), Now: recNow}
	ages := []string{"Sent today", "Sent 3 days ago", "Sent 2 weeks ago", "Sent 3 weeks ago", "Vor 2 Monaten gesendet", "Sent 1 year ago"}
	for i := 0; i < n; i++ {
		key := li(fmt.Sprintf("person-%d", i))
		if i%3 != 0 { // two thirds known
			req.Known = append(req.Known, inv(fmt.Sprintf("id-%d", i), key, fmt.Sprintf("Person %d", i), StateSent, recNow.Add(-time.Duration(i)*time.Hour)))
		}
		req.Cards = append(req.Cards, SentCard{Key: key, Name: fmt.Sprintf("Person %d", i), AgeText: ages[i%len(ages)]})
	}
	for i := n; i < n+n/10; i++ { // some known ones gone from the list
		req.Known = append(req.Known, inv(fmt.Sprintf("id-%d", i), li(fmt.Sprintf("person-%d", i)), "", StateSent, recNow.Add(-time.Hour)))
	}
	return req
}

func TestReconcileBenchCase(t *testing.T) {
	req := reconcileBenchRequest(1000)
	got, err := Reconcile(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Imported) != 334 || len(got.Matched) != 666 || len(got.Changed) != 100 || len(got.Warnings) != 0 {
		t.Errorf("imported %d matched %d changed %d warnings %v", len(got.Imported), len(got.Matched), len(got.Changed), got.Warnings)
	}
	checkReconcile(t, req, got)
}

func BenchmarkReconcile1000(b *testing.B) {
	req := reconcileBenchRequest(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Reconcile(req); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReconcileTrustComplete: a complete scan marks missing invitations only
// when the page's count agrees, and never from an empty scan without a count.
func TestReconcileTrustComplete(t *testing.T) {
	known := []Invitation{
		inv("a", li("anna"), "Anna", StateSent, recNow.Add(-time.Hour)),
		inv("b", li("bert"), "Bert", StateSent, recNow.Add(-time.Hour)),
	}
	anna := []SentCard{{Key: li("anna"), Name: "Anna", AgeText: "Sent 1 hour ago"}}
	tests := []struct {
		name    string
		cards   []SentCard
		total   string
		changed []string
		warn    []string
	}{
		{"count agrees", anna, "People (1)", []string{"b sent-gone->gone"}, []string{}},
		{"no count", anna, "", []string{"b sent-gone->gone"}, []string{}},
		{"count disagrees", anna, "People (2)", []string{}, []string{WarnTotalMismatch}},
		{"unreadable count", anna, "People (1,5)", []string{"b sent-gone->gone"}, []string{WarnUnreadableTotal}},
		{"empty, no count", nil, "", []string{}, []string{WarnEmptyScan}},
		{"empty, count zero", nil, "People (0)", []string{"a sent-gone->gone", "b sent-gone->gone"}, []string{}},
	}
	for _, tt := range tests {
		got, err := Reconcile(ReconcileRequest{Network: LinkedIn, Known: known, Cards: tt.cards, Complete: true, TotalText: tt.total, Now: recNow})
		if err != nil {
			t.Fatal(err)
		}
		if g := changeStrings(got.Changed); !reflect.DeepEqual(g, tt.changed) {
			t.Errorf("%s: changed %v, want %v", tt.name, g, tt.changed)
		}
		if g := warnCodes(got.Warnings); !reflect.DeepEqual(g, tt.warn) {
			t.Errorf("%s: warnings %v, want %v", tt.name, g, tt.warn)
		}
	}
}

// TestGoldenShowsEveryCode: every warning code of Reconcile and every skip
// reason of PlanWithdrawal appears in some golden output under testdata.
func TestGoldenShowsEveryCode(t *testing.T) {
	read := func(op string) string {
		files, err := filepath.Glob(filepath.Join("testdata", op, "*.out.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no golden outputs for %s (%v)", op, err)
		}
		var all strings.Builder
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(b)
		}
		return all.String()
	}
	rec := read("reconcile")
	for _, c := range ScanWarningCodes {
		if !strings.Contains(rec, `"code":"`+c+`"`) {
			t.Errorf("warning %s appears in no testdata/reconcile output", c)
		}
	}
	plan := read("plan_withdrawal")
	for _, r := range SkipReasons {
		if !strings.Contains(plan, `"reason":"`+r+`"`) {
			t.Errorf("skip reason %s appears in no testdata/plan_withdrawal output", r)
		}
	}
	for _, k := range SelectorKinds {
		if !goldenInputHas(t, "plan_withdrawal", `"kind": "`+string(k)+`"`) {
			t.Errorf("selector %s appears in no testdata/plan_withdrawal input", k)
		}
	}
}

func goldenInputHas(t *testing.T, op, s string) bool {
	files, _ := filepath.Glob(filepath.Join("testdata", op, "*.in.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), s) {
			return true
		}
	}
	return false
}
