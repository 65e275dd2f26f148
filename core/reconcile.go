package core

import (
	"strconv"
	"strings"
	"time"
)

// Size limits of a reconciliation. Going over one is a CodeTooLarge error.
const (
	MaxScanCards  = 20000  // cards of one scan (LinkedIn shows at most a few thousand pending)
	MaxKnownInvs  = 100000 // known invitations passed to Reconcile or PlanWithdrawal
	maxAgeTextLen = maxSentText
)

// The warning codes of a ReconcileResult, each with its parameters. A warning
// never stops the reconciliation: the rest of the scan is still used.
const (
	// WarnTotalMismatch: the count the page showed differs from the cards read —
	// in a complete scan any difference (then nothing is marked gone), in a
	// partial one more cards than the count. {total, seen, complete}
	WarnTotalMismatch = "total_mismatch"
	// WarnEmptyScan: a complete scan read no card, the page showed no count,
	// and the history has pending invitations: nothing is marked gone, because
	// a scanner that found nothing is more likely broken than the list empty. {pending}
	WarnEmptyScan = "empty_scan"
	// WarnUnreadableTotal: the page's count text could not be read; Total is -1. {text, error}
	WarnUnreadableTotal = "unreadable_total"
	// WarnUnreadableAge: a card's age text could not be read; the card is still
	// imported, with SentAt = now and SentEarliest = the zero time (unknown). {index, key, text}
	WarnUnreadableAge = "unreadable_age"
	// WarnDuplicateCard: a card repeats an earlier card's person (same key, or
	// same name for cards without a key); it is ignored. {index, first, key, name}
	WarnDuplicateCard = "duplicate_card"
	// WarnUnreadableCard: a card with neither key nor name; it is ignored. {index}
	WarnUnreadableCard = "unreadable_card"
	// WarnCardWithoutKey: a card without a profile key that no known invitation
	// matches by name; it cannot be imported. {index, name}
	WarnCardWithoutKey = "card_without_key"
	// WarnAmbiguousName: a card matched no key and its name fits several known
	// invitations or several cards, so it is not matched by name. {index, name, candidates}
	WarnAmbiguousName = "ambiguous_name"
	// WarnClosedOnList: a card for a person whose known invitations are all
	// closed (accepted, withdrawn or cancelled); a new pending invitation is
	// imported, because the list shows one. {index, key, id, state}
	WarnClosedOnList = "closed_on_list"
)

// ScanWarningCodes lists every warning code of Reconcile, in a stable order.
var ScanWarningCodes = []string{
	WarnTotalMismatch, WarnEmptyScan, WarnUnreadableTotal, WarnUnreadableAge, WarnDuplicateCard,
	WarnUnreadableCard, WarnCardWithoutKey, WarnAmbiguousName, WarnClosedOnList,
}

// SourceScan and SourceExtension are the values of Invitation.Source.
const (
	SourceExtension = "extension"
	SourceScan      = "scan"
)

// Validate checks a ReconcileRequest: a known network, a clock reading, sizes,
// and a consistent history (every known invitation with an id — unique —, a
// key, a known network and state). Cards are checked for size only: a card
// that cannot be used becomes a warning, never a failed scan.
func (r ReconcileRequest) Validate() error {
	if !knownNetwork(r.Network) {
		return Errorf(CodeInvalid, "network %q is unknown (want linkedin or xing)", r.Network)
	}
	if err := validNow(r.Now); err != nil {
		return err
	}
	if len(r.Cards) > MaxScanCards {
		return tooMany("cards", len(r.Cards), MaxScanCards)
	}
	if len(r.TotalText) > maxSentText {
		return Errorf(CodeInvalid, "totalText is longer than %d bytes", maxSentText)
	}
	for i := range r.Cards {
		if err := r.Cards[i].validate(i); err != nil {
			return err
		}
	}
	return validateInvitations("known", r.Known)
}

// validate bounds the sizes of card i.
func (c *SentCard) validate(i int) error {
	switch {
	case len(c.Key) > MaxKeyBytes:
		return fieldErr("cards", i, "key is longer than "+strconv.Itoa(MaxKeyBytes)+" bytes")
	case len(c.Name) > MaxNameBytes:
		return fieldErr("cards", i, "name is longer than "+strconv.Itoa(MaxNameBytes)+" bytes")
	case len(c.Headline) > MaxNameBytes:
		return fieldErr("cards", i, "headline is longer than "+strconv.Itoa(MaxNameBytes)+" bytes")
	case len(c.Note) > MaxMessageBytes:
		return fieldErr("cards", i, "note is longer than "+strconv.Itoa(MaxMessageBytes)+" bytes")
	case len(c.AgeText) > maxAgeTextLen:
		return fieldErr("cards", i, "ageText is longer than "+strconv.Itoa(maxAgeTextLen)+" bytes")
	}
	return nil
}

// validateInvitations checks a list of known invitations (field name list).
func validateInvitations(list string, invs []Invitation) error {
	if len(invs) > MaxKnownInvs {
		return tooMany(list, len(invs), MaxKnownInvs)
	}
	ids := make(map[string]int, len(invs))
	for i := range invs {
		inv := &invs[i]
		if strings.TrimSpace(inv.ID) == "" {
			return fieldErr(list, i, "id is empty")
		}
		if problem := keyProblem(inv.Key); problem != "" {
			return fieldErr(list, i, problem)
		}
		switch {
		case !knownNetwork(inv.Network):
			return fieldErr(list, i, "network "+strconv.Quote(string(inv.Network))+" is unknown (want linkedin or xing)")
		case !inv.State.Valid():
			return fieldErr(list, i, "state "+strconv.Quote(string(inv.State))+" is unknown")
		case inv.SentEarliest != nil && inv.SentEarliest.After(inv.SentAt):
			return fieldErr(list, i, "sentEarliest is after sentAt")
		}
		if j, dup := ids[inv.ID]; dup {
			return fieldErr(list, i, "id "+strconv.Quote(inv.ID)+" repeats "+list+"["+strconv.Itoa(j)+"]")
		}
		ids[inv.ID] = i
	}
	return nil
}

// Reconcile compares a scan of the Sent list with the known invitations of
// the same network and says what the scan means for the history.
//
// Each card is matched by its key (NormalizeKey on both sides); a card whose
// key matches nothing — or that has no key — is matched by its name (case and
// white space folded) when exactly one card has that name and exactly one
// unclaimed known invitation has it whose key is not a profile URL (an
// invitation recorded by email, say); a known invitation with a different
// profile URL is a different person. Among the known invitations of one
// person:
//
//   - pending ones (sent, withdraw_requested) are Matched — all of them;
//   - else a held one (the undo window's record lagging behind the release)
//     is Changed to sent by release;
//   - else the latest gone, not_found, failed or expired one is Changed back
//     to sent by reappear: the list shows it pending again (a failed
//     withdrawal, a runner that missed the card);
//   - else (all accepted, withdrawn or cancelled) the card is a new pending
//     invitation: Imported, with a closed_on_list warning.
//
// Cards matching nothing are Imported: Source "scan", State "sent", SentAt =
// the latest time the age text allows and SentEarliest the earliest, ID
// "scan:" + key (with "#2", "#3" … appended if that id is taken), Member true
// for a profile URL, false for an email key.
//
// A known invitation that an ambiguous name (several cards or several
// invitations) may fit is neither matched nor marked missing: it may be on
// the list. Only a Complete scan marks known pending invitations that are missing from
// it, and only when the page's count (if given) equals the cards read and,
// without a count, at least one card was read: sent ones become gone (accepted, declined or withdrawn elsewhere — the
// list cannot tell), withdraw_requested ones become withdrawn, because the
// withdrawal was asked for and the card is gone (treating it as withdrawn
// keeps the re-invite lock in force, the safe side). Invitations sent after
// Now are left alone. Matched and Imported follow the card order, Changed the
// card order and then the order of Known.
func Reconcile(req ReconcileRequest) (ReconcileResult, error) {
	if err := req.Validate(); err != nil {
		return ReconcileResult{}, err
	}
	r := newReconciler(req)
	for i := range req.Cards {
		r.card(i, &req.Cards[i])
	}
	r.total()
	if req.Complete && r.trustComplete() {
		r.markMissing()
	}
	return r.res, nil
}

// reconciler holds the indexes of one Reconcile call.
type reconciler struct {
	req       ReconcileRequest
	res       ReconcileResult
	byKey     map[string][]int     // normalised key → indexes into req.Known (this network)
	byName    map[string][]int     // folded name → indexes into req.Known (this network)
	cardNames map[string]int       // folded name → number of cards with it
	claimed   []bool               // known invitation accounted for by a card
	ids       map[string]bool      // ids in use (known and imported)
	firstKey  map[string]int       // normalised card key → first card index
	firstName map[string]int       // folded name of a keyless card → first card index
	ages      map[string]parsedAge // ParseAge results by age text
	unsure    map[int]bool         // known invitations a card may be, by an ambiguous name
}

func newReconciler(req ReconcileRequest) *reconciler {
	r := &reconciler{
		req:       req,
		res:       ReconcileResult{Imported: []Invitation{}, Matched: []string{}, Changed: []StateChange{}, Warnings: []Reason{}, Total: -1},
		byKey:     make(map[string][]int, len(req.Known)),
		byName:    make(map[string][]int, len(req.Known)),
		cardNames: make(map[string]int, len(req.Cards)),
		claimed:   make([]bool, len(req.Known)),
		ids:       make(map[string]bool, len(req.Known)+len(req.Cards)),
		firstKey:  make(map[string]int, len(req.Cards)),
		firstName: make(map[string]int),
		unsure:    make(map[int]bool),
	}
	for i := range req.Known {
		inv := &req.Known[i]
		r.ids[inv.ID] = true
		if inv.Network != req.Network {
			continue
		}
		k := NormalizeKey(inv.Key)
		r.byKey[k] = append(r.byKey[k], i)
		if n := foldName(inv.Name); n != "" {
			r.byName[n] = append(r.byName[n], i)
		}
	}
	for i := range req.Cards {
		if n := foldName(req.Cards[i].Name); n != "" {
			r.cardNames[n]++
		}
	}
	return r
}

// card reconciles card i.
func (r *reconciler) card(i int, c *SentCard) {
	key, name := NormalizeKey(c.Key), foldName(c.Name)
	if key == "" && name == "" {
		r.warn(WarnUnreadableCard, map[string]any{"index": i})
		return
	}
	if first, dup := r.seenBefore(i, key, name); dup {
		r.warn(WarnDuplicateCard, map[string]any{"index": i, "first": first, "key": key, "name": c.Name})
		return
	}
	r.res.Seen++
	cands := r.unclaimed(r.byKey[key])
	ambiguous := false
	if key == "" || len(r.byKey[key]) == 0 {
		cands, ambiguous = r.byNameMatch(i, key, name, c.Name)
	}
	if len(cands) > 0 && r.resolve(i, key, cands) {
		return
	}
	if key == "" {
		if len(cands) == 0 && !ambiguous {
			r.warn(WarnCardWithoutKey, map[string]any{"index": i, "name": c.Name})
		}
		return
	}
	r.importCard(i, key, c)
}

// seenBefore reports whether an earlier card showed the same person.
func (r *reconciler) seenBefore(i int, key, name string) (int, bool) {
	if key != "" {
		first, dup := r.firstKey[key]
		if !dup {
			r.firstKey[key] = i
		}
		return first, dup
	}
	first, dup := r.firstName[name]
	if !dup {
		r.firstName[name] = i
	}
	return first, dup
}

// unclaimed filters out known invitations already accounted for.
func (r *reconciler) unclaimed(idx []int) []int {
	var out []int
	for _, k := range idx {
		if !r.claimed[k] {
			out = append(out, k)
		}
	}
	return out
}

// byNameMatch finds the one known invitation a card may be by name, as
// Reconcile documents; ambiguous is true when several fit (and it warned).
func (r *reconciler) byNameMatch(i int, key, name, shown string) (cands []int, ambiguous bool) {
	if name == "" {
		return nil, false
	}
	for _, k := range r.byName[name] {
		if r.claimed[k] || (key != "" && isProfileKey(NormalizeKey(r.req.Known[k].Key))) {
			continue
		}
		cands = append(cands, k)
	}
	if len(cands) == 0 {
		return nil, false
	}
	if len(cands) > 1 || r.cardNames[name] > 1 {
		r.warn(WarnAmbiguousName, map[string]any{"index": i, "name": shown, "candidates": len(cands)})
		for _, k := range cands {
			r.unsure[k] = true // maybe on the list: never marked missing
		}
		return nil, true
	}
	return cands, false
}

// resolve applies the card to the known invitations of one person; false
// when they are all closed and the card must be imported.
func (r *reconciler) resolve(i int, key string, cands []int) bool {
	var pending []int
	held, back := -1, -1
	for _, k := range cands {
		inv := &r.req.Known[k]
		switch {
		case IsPending(inv.State):
			pending = append(pending, k)
		case inv.State == StateHeld:
			held = latest(r.req.Known, held, k)
		case inv.State == StateGone, inv.State == StateNotFound, inv.State == StateFailed, inv.State == StateExpired:
			back = latest(r.req.Known, back, k)
		}
	}
	switch {
	case len(pending) > 0:
		for _, k := range pending {
			r.claimed[k] = true
			r.res.Matched = append(r.res.Matched, r.req.Known[k].ID)
		}
	case held >= 0:
		r.change(held, EvRelease)
	case back >= 0:
		r.change(back, EvReappear)
	default:
		closed := latest(r.req.Known, -1, cands[0])
		for _, k := range cands[1:] {
			closed = latest(r.req.Known, closed, k)
		}
		inv := &r.req.Known[closed]
		r.warn(WarnClosedOnList, map[string]any{"index": i, "key": key, "id": inv.ID, "state": string(inv.State)})
		return key == "" // a keyless card cannot be imported: the warning is all there is
	}
	return true
}

// latest returns whichever of invitations a and b (indexes, a may be -1) was sent later; a on a tie.
func latest(invs []Invitation, a, b int) int {
	if a < 0 || invs[b].SentAt.After(invs[a].SentAt) {
		return b
	}
	return a
}

// change records a state change of known invitation k by event ev.
func (r *reconciler) change(k int, ev Event) {
	inv := &r.req.Known[k]
	r.claimed[k] = true
	to := transitions[inv.State][ev]
	r.res.Changed = append(r.res.Changed, StateChange{ID: inv.ID, Key: inv.Key, From: inv.State, To: to, Event: ev})
}

// importCard adds card i as a new invitation.
func (r *reconciler) importCard(i int, key string, c *SentCard) {
	inv := Invitation{
		ID:      r.newID(key),
		Key:     key,
		Name:    strings.TrimSpace(c.Name),
		Network: r.req.Network,
		State:   StateSent,
		Source:  SourceScan,
		Note:    c.Note,
	}
	switch {
	case isProfileKey(key):
		inv.Member = boolPtr(true)
	case strings.Contains(key, "@") && !strings.Contains(key, "/"):
		inv.Member = boolPtr(false)
	}
	age, err := r.age(c.AgeText)
	if err != nil {
		r.warn(WarnUnreadableAge, map[string]any{"index": i, "key": key, "text": c.AgeText})
		inv.SentAt = r.req.Now
		inv.SentEarliest = &time.Time{}
	} else {
		inv.SentAt = age.Latest
		inv.SentEarliest = &age.Earliest
	}
	r.res.Imported = append(r.res.Imported, inv)
}

// age parses an age text once per distinct text of the scan.
func (r *reconciler) age(text string) (AgeRange, error) {
	if a, ok := r.ages[text]; ok {
		return a.AgeRange, a.err
	}
	a, err := ParseAge(AgeRequest{Text: text, Now: r.req.Now})
	if r.ages == nil {
		r.ages = map[string]parsedAge{}
	}
	r.ages[text] = parsedAge{a, err}
	return a, err
}

// parsedAge is a cached ParseAge result.
type parsedAge struct {
	AgeRange
	err error
}

// newID derives an imported invitation's id from its key, unique among known and imported ids.
func (r *reconciler) newID(key string) string {
	id := SourceScan + ":" + key
	for n := 2; r.ids[id]; n++ {
		id = SourceScan + ":" + key + "#" + strconv.Itoa(n)
	}
	r.ids[id] = true
	return id
}

// markMissing changes known pending invitations of this network that no card showed.
func (r *reconciler) markMissing() {
	for k := range r.req.Known {
		inv := &r.req.Known[k]
		if r.claimed[k] || r.unsure[k] || inv.Network != r.req.Network || inv.SentAt.After(r.req.Now) {
			continue
		}
		switch inv.State {
		case StateSent:
			r.change(k, EvGone)
		case StateWithdrawRequested:
			r.change(k, EvWithdrawn)
		}
	}
}

// trustComplete decides whether a scan that says it is complete may mark
// missing invitations: not when the page's count disagrees with the cards
// read (total_mismatch already says so), and not when no card was read and
// no count says the list is empty (a scanner that found nothing is more
// likely broken than the list empty).
func (r *reconciler) trustComplete() bool {
	if r.res.Total >= 0 {
		return r.res.Total == r.res.Seen
	}
	if r.res.Seen > 0 {
		return true
	}
	if n := r.countPending(); n > 0 {
		r.warn(WarnEmptyScan, map[string]any{"pending": n})
		return false
	}
	return true
}

// countPending counts the known pending invitations of the scan's network.
func (r *reconciler) countPending() int {
	n := 0
	for k := range r.req.Known {
		if inv := &r.req.Known[k]; inv.Network == r.req.Network && IsPending(inv.State) {
			n++
		}
	}
	return n
}

// total reads the page's count and compares it with the cards seen.
func (r *reconciler) total() {
	if strings.TrimSpace(r.req.TotalText) == "" {
		return
	}
	n, err := ParseCount(CountRequest{Text: r.req.TotalText})
	if err != nil {
		r.warn(WarnUnreadableTotal, map[string]any{"text": r.req.TotalText, "error": ErrorMessage(err)})
		return
	}
	r.res.Total = n.Count
	if (r.req.Complete && n.Count != r.res.Seen) || n.Count < r.res.Seen {
		r.warn(WarnTotalMismatch, map[string]any{"total": n.Count, "seen": r.res.Seen, "complete": r.req.Complete})
	}
}

func (r *reconciler) warn(code string, params map[string]any) {
	r.res.Warnings = append(r.res.Warnings, Reason{Code: code, Params: params})
}

// isProfileKey reports whether a normalised key is a member's profile URL.
func isProfileKey(key string) bool {
	return strings.HasPrefix(key, "https://www.linkedin.com/in/") || strings.HasPrefix(key, "https://www.xing.com/profile/")
}

// foldName folds a display name for comparison: case, and every run of white space to one space.
func foldName(name string) string {
	// Fast path for ASCII names: one pass, no allocation when already folded.
	canonical := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80, c == '`': // a backtick is an apostrophe, as foldText has it (testdata/fold.json)
			return strings.Join(strings.Fields(foldText(name)), " ")
		case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			canonical = false
		case c == ' ' && (i == 0 || i == len(name)-1 || name[i+1] == ' '):
			canonical = false
		}
	}
	if canonical {
		return name
	}
	b := make([]byte, 0, len(name))
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			space = len(b) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

func boolPtr(b bool) *bool { return &b }
