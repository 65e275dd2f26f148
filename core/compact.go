package core

import (
	"strconv"
	"time"
)

// CompactVersion is the value of CompactDecideRequest.V: the wire format of
// decide in version 2 of the wasm ABI.
const CompactVersion = 2

// CompactDecideRequest is a DecideRequest in the compact form of ABI version 2
// (RATIONALE.md, "Why a compact request for decide?"): every key string once,
// rows and history as flat lists of integers that point into it, and the
// history already reduced to what Decide reads — per key, scope and kind the
// latest time. The fields without a comment mean what they mean in
// DecideRequest. Times in the lists are Unix milliseconds.
type CompactDecideRequest struct {
	// V is CompactVersion; it comes first in the JSON so that a host can tell
	// the two forms apart from the first bytes.
	V              int       `json:"v"`
	Network        Network   `json:"network"`
	Surface        Surface   `json:"surface"`
	Target         string    `json:"target,omitempty"`
	Now            time.Time `json:"now"`
	Policy         *Policy   `json:"policy,omitempty"`
	Message        string    `json:"message,omitempty"`
	RecentMessages []string  `json:"recentMessages,omitempty"`
	// Keys are the key strings the rows and the history name, each once.
	Keys []string `json:"keys"`
	// Rows are the recipients in page order, two integers each: the index of
	// the key in Keys and the row's bits (RowSelected, RowMember, …).
	Rows []int `json:"rows"`
	// Names are the rows' names, one per row, or none at all: the core reads
	// a name only to check a message's personalisation.
	Names []string `json:"names,omitempty"`
	// Scopes are the (surface, target) pairs the history names, two strings
	// each; a connection invitation's target is "".
	Scopes []string `json:"scopes,omitempty"`
	// History is four integers per entry: key index, scope index, kind
	// (HistInvited or HistWithdrawn) and time. One entry per key, scope and
	// kind — the latest — is all Decide reads; more are allowed.
	History []int64 `json:"history,omitempty"`
	// Invited are the times of every "invited" entry of the network, for the
	// weekly budget (the history above keeps only the latest per key).
	Invited []int64 `json:"invited,omitempty"`
}

// The bits of a compact row. A row without RowMember or RowNotMember is of
// unknown membership; InTarget false and unknown are the same to the core.
const (
	RowSelected  = 1 << iota // the row is checked on the page
	RowMember                // Member is true
	RowNotMember             // Member is false
	RowInTarget              // InTarget is true
	RowOptedOut              // OptedOut is true
	rowAll       = RowSelected | RowMember | RowNotMember | RowInTarget | RowOptedOut
)

// The kinds of a compact history entry.
const (
	HistInvited   = 0
	HistWithdrawn = 1
)

// DecideCompact decides on a request in the compact form: the same Decision,
// byte for byte once encoded, as Decide on the DecideRequest it stands for.
// Index errors name the list and the position ("rows[3]: key index 9 is out
// of range"); the others are DecideRequest.Validate's, where recipients[i] is
// row i and history[i] is entry i.
func DecideCompact(c CompactDecideRequest) (Decision, error) {
	req, err := c.Expand()
	if err != nil {
		return Decision{}, err
	}
	if err := c.validate(&req); err != nil {
		return Decision{}, err
	}
	return decide(&req, c.Invited, true), nil
}

// validate checks req, the expansion of c, as req.Validate does, with the
// same error. Expand built req's history from lists checkLists has checked:
// every entry's network is the request's, its kind one of the two, its
// surface and target those of one of c's scopes. So when every scope is
// valid, an entry can only fail by its key or by a time that is the zero
// time, and only those are checked per entry; anything else — or any
// problem — goes to validateHistory, which finds and words the first.
func (c *CompactDecideRequest) validate(req *DecideRequest) error {
	if err := req.validateHead(); err != nil {
		return err
	}
	if err := req.validateRecipients(); err != nil {
		return err
	}
	if c.historyPlainlyValid() {
		return nil
	}
	return req.validateHistory()
}

// historyPlainlyValid reports that the expansion of c's history, whose
// lists checkLists has checked, is valid: the network is known, every scope
// valid, and no entry's key has a problem or its time is the zero time
// (time.UnixMilli(minCompactMillis) is January 1 of year 1, UTC). False
// says only that validateHistory must look.
func (c *CompactDecideRequest) historyPlainlyValid() bool {
	if !knownNetwork(c.Network) {
		return false
	}
	for i := 0; i+1 < len(c.Scopes); i += 2 {
		if s := Surface(c.Scopes[i]); s != "" && !knownSurface(s) || len(c.Scopes[i+1]) > MaxTargetBytes {
			return false
		}
	}
	keys, h := c.Keys, c.History
	for i := 0; i+3 < len(h); i += 4 {
		if keyProblem(keys[h[i]]) != "" || h[i+3] == minCompactMillis {
			return false
		}
	}
	return true
}

// Expand returns the DecideRequest a compact request stands for, with the
// history as given (one entry per key, scope and kind) and without the budget
// list (see DecideCompact). Keys and names share the request's strings.
func (c *CompactDecideRequest) Expand() (DecideRequest, error) {
	if c.V != CompactVersion {
		return DecideRequest{}, Errorf(CodeInvalid, "v is %d: this engine reads decide requests of version %d (compact) or without v (version 1)", c.V, CompactVersion)
	}
	if err := c.checkLists(); err != nil {
		return DecideRequest{}, err
	}
	req := DecideRequest{
		Network: c.Network, Surface: c.Surface, Target: c.Target, Now: c.Now, Policy: c.Policy,
		Message: c.Message, RecentMessages: c.RecentMessages,
		Recipients: make([]Recipient, len(c.Rows)/2),
		History:    make([]HistoryEntry, len(c.History)/4),
	}
	for i := range req.Recipients {
		bits := c.Rows[2*i+1]
		r := Recipient{Key: c.Keys[c.Rows[2*i]], Selected: bits&RowSelected != 0, OptedOut: bits&RowOptedOut != 0}
		switch {
		case bits&RowMember != 0:
			r.Member = &yes
		case bits&RowNotMember != 0:
			r.Member = &no
		}
		if bits&RowInTarget != 0 {
			r.InTarget = &yes
		}
		if c.Names != nil {
			r.Name = c.Names[i]
		}
		req.Recipients[i] = r
	}
	for i := range req.History {
		h := c.History[4*i : 4*i+4]
		kind := EventInvited
		if h[2] == HistWithdrawn {
			kind = EventWithdrawn
		}
		req.History[i] = HistoryEntry{
			Key: c.Keys[h[0]], Network: c.Network, Surface: Surface(c.Scopes[2*h[1]]), Target: c.Scopes[2*h[1]+1],
			Kind: kind, At: time.UnixMilli(h[3]).UTC(),
		}
	}
	return req, nil
}

// yes and no are the targets of the *bool fields Expand sets; the core never writes through them.
var yes, no = true, false

// maxCompactMillis bounds the times of the compact lists to years 0001–9999.
const minCompactMillis, maxCompactMillis = -62135596800000, 253402300799999

// checkLists checks the shapes and indexes of the compact lists.
func (c *CompactDecideRequest) checkLists() error {
	switch {
	case len(c.Rows)%2 != 0:
		return Errorf(CodeInvalid, "rows has %d integers: want two per row (key index, bits)", len(c.Rows))
	case len(c.Rows)/2 > MaxRecipients:
		return tooMany("rows", len(c.Rows)/2, MaxRecipients)
	case c.Names != nil && len(c.Names) != len(c.Rows)/2:
		return Errorf(CodeInvalid, "names has %d entries for %d rows: give one per row or none", len(c.Names), len(c.Rows)/2)
	case len(c.Scopes)%2 != 0:
		return Errorf(CodeInvalid, "scopes has %d strings: want two per scope (surface, target)", len(c.Scopes))
	case len(c.History)%4 != 0:
		return Errorf(CodeInvalid, "history has %d integers: want four per entry (key index, scope index, kind, time)", len(c.History))
	case len(c.History)/4 > MaxHistory:
		return tooMany("history", len(c.History)/4, MaxHistory)
	case len(c.Invited) > MaxHistory:
		return tooMany("invited", len(c.Invited), MaxHistory)
	case len(c.Keys) > MaxRecipients+MaxHistory:
		return tooMany("keys", len(c.Keys), MaxRecipients+MaxHistory)
	}
	for i := 0; i < len(c.Rows); i += 2 {
		if k := c.Rows[i]; k < 0 || k >= len(c.Keys) {
			return compactErr("rows", i/2, "key index "+strconv.Itoa(k)+" is out of range (keys has "+strconv.Itoa(len(c.Keys))+")")
		}
		if b := c.Rows[i+1]; b < 0 || b&^rowAll != 0 || b&RowMember != 0 && b&RowNotMember != 0 {
			return compactErr("rows", i/2, "bits "+strconv.Itoa(b)+" are not a combination of selected 1, member 2, not member 4, in target 8, opted out 16")
		}
	}
	for i := 0; i < len(c.History); i += 4 {
		h := c.History[i : i+4]
		switch {
		case h[0] < 0 || h[0] >= int64(len(c.Keys)):
			return compactErr("history", i/4, "key index "+strconv.FormatInt(h[0], 10)+" is out of range (keys has "+strconv.Itoa(len(c.Keys))+")")
		case h[1] < 0 || h[1] >= int64(len(c.Scopes)/2):
			return compactErr("history", i/4, "scope index "+strconv.FormatInt(h[1], 10)+" is out of range (scopes has "+strconv.Itoa(len(c.Scopes)/2)+")")
		case h[2] != HistInvited && h[2] != HistWithdrawn:
			return compactErr("history", i/4, "kind "+strconv.FormatInt(h[2], 10)+" is unknown (want 0 invited or 1 withdrawn)")
		case h[3] < minCompactMillis || h[3] > maxCompactMillis:
			return compactErr("history", i/4, "time "+strconv.FormatInt(h[3], 10)+" is outside the years 0001–9999")
		}
	}
	for i, at := range c.Invited {
		if at < minCompactMillis || at > maxCompactMillis {
			return compactErr("invited", i, "time "+strconv.FormatInt(at, 10)+" is outside the years 0001–9999")
		}
	}
	return nil
}

// compactErr is a CodeInvalid error about entry i of a compact list.
func compactErr(list string, i int, problem string) error {
	return Errorf(CodeInvalid, "%s[%d]: %s", list, i, problem)
}

// Compact returns the compact form of a valid request, which DecideCompact
// decides exactly as Decide decides r; ok is false when r cannot be written
// compactly without changing the answer (a history time finer than a
// millisecond), and then r must be sent as it is. History entries of other
// networks are dropped (Decide ignores them).
func (r *DecideRequest) Compact() (c CompactDecideRequest, ok bool) {
	c = CompactDecideRequest{
		V: CompactVersion, Network: r.Network, Surface: r.Surface, Target: r.Target, Now: r.Now, Policy: r.Policy,
		Message: r.Message, RecentMessages: r.RecentMessages,
		Keys: make([]string, 0, len(r.Recipients)), Rows: make([]int, 0, 2*len(r.Recipients)),
	}
	keys := make(map[string]int, len(r.Recipients))
	key := func(k string) int {
		i, ok := keys[k]
		if !ok {
			i = len(c.Keys)
			keys[k] = i
			c.Keys = append(c.Keys, k)
		}
		return i
	}
	for _, p := range r.Recipients {
		c.Rows = append(c.Rows, key(p.Key), rowBits(p))
	}
	if r.Message != "" {
		c.Names = make([]string, len(r.Recipients))
		for i, p := range r.Recipients {
			c.Names[i] = p.Name
		}
	}
	type scope struct {
		surface Surface
		target  string
	}
	type slot struct {
		key, scope int
		kind       EventKind
	}
	scopes := map[scope]int{}
	latest := map[slot]int{} // → index into c.History / 4
	for _, h := range r.History {
		if h.Network != r.Network {
			continue
		}
		if h.At.Nanosecond()%int(time.Millisecond) != 0 {
			return CompactDecideRequest{}, false
		}
		ms := h.At.UnixMilli()
		if h.Kind == EventInvited {
			c.Invited = append(c.Invited, ms)
		}
		s := scope{h.Surface, h.Target}
		si, seen := scopes[s]
		if !seen {
			si = len(scopes)
			scopes[s] = si
			c.Scopes = append(c.Scopes, string(h.Surface), h.Target)
		}
		sl := slot{key(h.Key), si, h.Kind}
		if at, seen := latest[sl]; seen {
			c.History[4*at+3] = max(c.History[4*at+3], ms)
			continue
		}
		latest[sl] = len(c.History) / 4
		kind := int64(HistInvited)
		if h.Kind == EventWithdrawn {
			kind = HistWithdrawn
		}
		c.History = append(c.History, int64(sl.key), int64(si), kind, ms)
	}
	return c, true
}

// rowBits is the compact bits of a recipient.
func rowBits(p Recipient) int {
	b := 0
	if p.Selected {
		b |= RowSelected
	}
	if p.Member != nil {
		if *p.Member {
			b |= RowMember
		} else {
			b |= RowNotMember
		}
	}
	if p.InTarget != nil && *p.InTarget {
		b |= RowInTarget
	}
	if p.OptedOut {
		b |= RowOptedOut
	}
	return b
}
