package core

import "time"

// Network is a professional network Invite Guard knows.
type Network string

// The networks.
const (
	LinkedIn Network = "linkedin"
	Xing     Network = "xing"
)

// Surface is the kind of screen an invitation is sent from.
type Surface string

// The surfaces.
const (
	// SurfaceContactImport: the address-book import ("Add connections" over a pre-selected list).
	SurfaceContactImport Surface = "contact_import"
	// SurfaceEmailInvite: the import step that invites non-members by email.
	SurfaceEmailInvite Surface = "email_invite"
	// SurfaceConnect: single "Connect" buttons (suggestions, search results) clicked in fast succession.
	SurfaceConnect Surface = "connect"
	// SurfacePageInvite: invite connections to follow a Page.
	SurfacePageInvite Surface = "page_invite"
	// SurfaceEventInvite: invite connections to an Event.
	SurfaceEventInvite Surface = "event_invite"
	// SurfaceGroupInvite: invite connections to a Group.
	SurfaceGroupInvite Surface = "group_invite"
	// SurfaceContactRequest: a XING contact request ("Kontaktanfrage") with a personal message.
	SurfaceContactRequest Surface = "contact_request"
)

// Recipient is one row of a bulk invitation screen, as the page shows it.
type Recipient struct {
	// Key identifies the person stably: a normalised profile URL where the page has one, else an email.
	Key  string `json:"key"`
	Name string `json:"name,omitempty"`
	// Member is true for a network member, false for an address-book entry (an email invitation), nil when unknown.
	Member *bool `json:"member,omitempty"`
	// Selected is whether the row is checked on the page.
	Selected bool `json:"selected"`
	// InTarget is true when the person already belongs to the group, page or event (nil when unknown).
	InTarget *bool `json:"inTarget,omitempty"`
	// OptedOut is true when the person has switched such invitations off.
	OptedOut bool `json:"optedOut,omitempty"`
}

// EventKind is what happened to an invitation in the user's history.
type EventKind string

// The history event kinds.
const (
	EventInvited   EventKind = "invited"
	EventWithdrawn EventKind = "withdrawn"
)

// HistoryEntry is one earlier invitation or withdrawal, the input for cooldowns,
// re-invite locks and the weekly budget.
type HistoryEntry struct {
	Key     string    `json:"key"`
	Network Network   `json:"network"`
	Surface Surface   `json:"surface,omitempty"`
	Target  string    `json:"target,omitempty"`
	Kind    EventKind `json:"kind"`
	At      time.Time `json:"at"`
}

// DecideRequest asks for a decision on a (bulk) invitation before anything is sent.
type DecideRequest struct {
	Network Network `json:"network"`
	Surface Surface `json:"surface"`
	// Target names the group, page or event for the *_invite surfaces.
	Target     string      `json:"target,omitempty"`
	Recipients []Recipient `json:"recipients"`
	Message    string      `json:"message,omitempty"`
	// RecentMessages are messages the user sent recently, to detect templated text (see CheckMessage).
	RecentMessages []string       `json:"recentMessages,omitempty"`
	Policy         *Policy        `json:"policy,omitempty"` // nil: DefaultPolicy()
	History        []HistoryEntry `json:"history,omitempty"`
	Now            time.Time      `json:"now"`
}

// Verdict is the outcome of a decision.
type Verdict string

// The verdicts.
const (
	Allow   Verdict = "allow"
	Confirm Verdict = "confirm"
	Block   Verdict = "block"
)

// Verdicts lists the verdicts, from the mildest.
var Verdicts = []Verdict{Allow, Confirm, Block}

// Friction is what the user must do to go ahead.
type Friction string

// The frictions, in increasing order.
const (
	FrictionNone    Friction = "none"
	FrictionClick   Friction = "click"
	FrictionType    Friction = "type"
	FrictionBlocked Friction = "blocked"
)

// Frictions lists the frictions, in increasing order.
var Frictions = []Friction{FrictionNone, FrictionClick, FrictionType, FrictionBlocked}

// Flag marks a recipient the user should look at before sending.
type Flag string

// The recipient flags.
const (
	FlagNotMember       Flag = "not_member"       // an email invitation to an address-book entry
	FlagRecentlyInvited Flag = "recently_invited" // invited within the cooldown
	FlagReinviteLocked  Flag = "reinvite_locked"  // withdrawn less than ReinviteLockDays ago
	FlagInTarget        Flag = "in_target"        // already in the group, page or event
	FlagOptedOut        Flag = "opted_out"
	FlagDuplicate       Flag = "duplicate" // the same key earlier in this batch
	FlagOverBudget      Flag = "over_budget"
)

// FlaggedRecipient is a recipient with at least one flag.
type FlaggedRecipient struct {
	Index int    `json:"index"` // position in DecideRequest.Recipients
	Key   string `json:"key"`
	Flags []Flag `json:"flags"`
	// Until is when the cooldown or re-invite lock ends, if one applies.
	Until *time.Time `json:"until,omitempty"`
}

// Reason explains a verdict with a code and parameters; the UI renders it in the user's language.
type Reason struct {
	Code   string         `json:"code"`
	Params map[string]any `json:"params,omitempty"`
}

// Breakdown counts the selected recipients by kind.
type Breakdown struct {
	Selected        int `json:"selected"`
	Members         int `json:"members"`
	NotMembers      int `json:"notMembers"`
	Unknown         int `json:"unknown"`
	RecentlyInvited int `json:"recentlyInvited"`
	ReinviteLocked  int `json:"reinviteLocked"`
	InTarget        int `json:"inTarget"`
	OptedOut        int `json:"optedOut"`
	Duplicates      int `json:"duplicates"`
	OverBudget      int `json:"overBudget"`
}

// Budget is the weekly invitation budget of a network.
type Budget struct {
	Used      int `json:"used"`
	Limit     int `json:"limit"`
	Remaining int `json:"remaining"`
}

// Decision is the core's answer to a DecideRequest.
type Decision struct {
	Verdict  Verdict  `json:"verdict"`
	Friction Friction `json:"friction"`
	// Count is the number of invitations the page would send (selected rows).
	Count int `json:"count"`
	// ConfirmText is what the user must type when Friction is "type".
	ConfirmText string             `json:"confirmText,omitempty"`
	UndoSeconds int                `json:"undoSeconds"`
	Breakdown   Breakdown          `json:"breakdown"`
	Flagged     []FlaggedRecipient `json:"flagged"`
	// Suggested lists the indexes of the recipients to keep: selected and unflagged.
	Suggested []int         `json:"suggested"`
	Budget    Budget        `json:"budget"`
	Reasons   []Reason      `json:"reasons"`
	Message   *MessageCheck `json:"message,omitempty"`
}

// MessageRequest asks for a check of a personal message.
type MessageRequest struct {
	Network Network `json:"network"`
	Surface Surface `json:"surface"`
	Message string  `json:"message"`
	// RecipientNames are the names of the people the message goes to.
	RecipientNames []string `json:"recipientNames,omitempty"`
	// RecentMessages are messages the user sent recently, to detect templated text.
	RecentMessages []string `json:"recentMessages,omitempty"`
}

// MessageIssue is one problem found in a message.
type MessageIssue struct {
	Code     string         `json:"code"`
	Severity string         `json:"severity"` // "block" or "warn"
	Params   map[string]any `json:"params,omitempty"`
}

// MessageCheck is the result of CheckMessage.
type MessageCheck struct {
	OK     bool           `json:"ok"`     // no issue of severity "block"
	Length int            `json:"length"` // in characters (runes)
	Max    int            `json:"max"`
	Issues []MessageIssue `json:"issues"`
}

// AgeRequest asks to parse an age text of the Sent list ("Sent 3 weeks ago").
type AgeRequest struct {
	Text string    `json:"text"`
	Now  time.Time `json:"now"`
}

// AgeRange is when an invitation was sent, as far as the Sent list tells: between Earliest and Latest.
type AgeRange struct {
	Lang     string    `json:"lang"` // "en", "de" or "fr"
	Unit     string    `json:"unit"` // "minute", "hour", "day", "week", "month", "year"
	Amount   int       `json:"amount"`
	Earliest time.Time `json:"earliest"`
	Latest   time.Time `json:"latest"`
}

// CountRequest asks to parse a count text ("People (1,100)", "Personen (1.052)").
type CountRequest struct {
	Text string `json:"text"`
}

// CountResult is a parsed count.
type CountResult struct {
	Count int `json:"count"`
}

// State is where an invitation is in its lifecycle.
type State string

// The invitation states.
const (
	StateHeld              State = "held"               // in the undo window, nothing released yet
	StateCancelled         State = "cancelled"          // undone in the undo window
	StateSent              State = "sent"               // released to the site, pending
	StateAccepted          State = "accepted"           //
	StateWithdrawRequested State = "withdraw_requested" // a withdrawal is planned or under way
	StateWithdrawn         State = "withdrawn"          //
	StateNotFound          State = "not_found"          // the runner did not find it on the Sent list
	StateGone              State = "gone"               // no longer on the Sent list: accepted, declined or withdrawn elsewhere
	StateExpired           State = "expired"            //
	StateFailed            State = "failed"             // sending or withdrawing failed
)

// Event is what moves an invitation from one state to another.
type Event string

// The lifecycle events.
const (
	EvRelease         Event = "release"          // held → sent
	EvUndo            Event = "undo"             // held → cancelled
	EvSendFailed      Event = "send_failed"      // held → failed
	EvAccept          Event = "accept"           // sent → accepted
	EvExpire          Event = "expire"           // sent → expired
	EvGone            Event = "gone"             // sent → gone (missing from a complete scan)
	EvWithdrawRequest Event = "withdraw_request" // sent → withdraw_requested
	EvWithdrawn       Event = "withdrawn"        // withdraw_requested → withdrawn (also sent → withdrawn when seen elsewhere)
	EvWithdrawMissing Event = "withdraw_missing" // withdraw_requested → not_found
	EvWithdrawFailed  Event = "withdraw_failed"  // withdraw_requested → failed
	EvWithdrawCancel  Event = "withdraw_cancel"  // withdraw_requested → sent (job cancelled)
)

// TransitionRequest asks whether an event is allowed in a state.
type TransitionRequest struct {
	From  State `json:"from"`
	Event Event `json:"event"`
}

// TransitionResult is the state after the event.
type TransitionResult struct {
	To State `json:"to"`
}

// Invitation is one invitation the user sent, as the history knows it.
type Invitation struct {
	ID      string  `json:"id"`
	BatchID string  `json:"batchId,omitempty"`
	Key     string  `json:"key"`
	Name    string  `json:"name,omitempty"`
	Network Network `json:"network"`
	Surface Surface `json:"surface,omitempty"`
	Member  *bool   `json:"member,omitempty"`
	State   State   `json:"state"`
	// SentAt is when it was sent; for imported ones, the latest time the Sent list allows.
	SentAt time.Time `json:"sentAt"`
	// SentEarliest is set for imported invitations whose age is only known as a range.
	SentEarliest *time.Time `json:"sentEarliest,omitempty"`
	// Source is "extension" (seen when sent) or "scan" (imported from the Sent list).
	Source string `json:"source"`
	Note   string `json:"note,omitempty"`
}

// SentCard is one card of the Sent list as a scan read it.
type SentCard struct {
	Key      string `json:"key"` // normalised profile URL, else ""
	Name     string `json:"name"`
	Headline string `json:"headline,omitempty"`
	AgeText  string `json:"ageText"`
	Note     string `json:"note,omitempty"`
}

// ReconcileRequest compares a scan of the Sent list with the known history.
type ReconcileRequest struct {
	Network Network    `json:"network"`
	Cards   []SentCard `json:"cards"`
	// Complete is true when the scan read the whole list (every "Load more" done);
	// only then are known pending invitations missing from it marked gone.
	Complete bool `json:"complete"`
	// TotalText is the count as the page showed it ("People (1,100)"), optional.
	TotalText string       `json:"totalText,omitempty"`
	Known     []Invitation `json:"known"`
	Now       time.Time    `json:"now"`
}

// StateChange is a known invitation whose state the reconciliation changes.
type StateChange struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	From  State  `json:"from"`
	To    State  `json:"to"`
	Event Event  `json:"event"`
}

// ReconcileResult is what a scan means for the history.
type ReconcileResult struct {
	// Imported are invitations on the list the history did not know (e.g. sent from the phone app).
	Imported []Invitation `json:"imported"`
	// Matched are the IDs of known pending invitations found on the list.
	Matched []string `json:"matched"`
	// Changed are known invitations whose state changes (gone from the list, or back on it).
	Changed []StateChange `json:"changed"`
	// Total is the count the page showed, -1 when not given; Seen is the number of cards read.
	Total    int      `json:"total"`
	Seen     int      `json:"seen"`
	Warnings []Reason `json:"warnings"`
}

// SelectorKind says which invitations a withdrawal is for.
type SelectorKind string

// The withdrawal selectors.
const (
	SelectBatch      SelectorKind = "batch"       // one batch: BatchID
	SelectRange      SelectorKind = "range"       // sent between From and To
	SelectOlderThan  SelectorKind = "older_than"  // sent more than Days days ago
	SelectNonMembers SelectorKind = "non_members" // email invitations to non-members
	SelectKeys       SelectorKind = "keys"        // hand-picked: Keys
	SelectAllPending SelectorKind = "all_pending"
	SelectBurst      SelectorKind = "burst" // one burst DetectBursts found: BurstID
)

// Selector picks invitations to withdraw.
type Selector struct {
	Kind    SelectorKind `json:"kind"`
	BatchID string       `json:"batchId,omitempty"`
	BurstID string       `json:"burstId,omitempty"`
	From    *time.Time   `json:"from,omitempty"`
	To      *time.Time   `json:"to,omitempty"`
	Days    int          `json:"days,omitempty"`
	Keys    []string     `json:"keys,omitempty"`
}

// WithdrawRequest asks for a plan to withdraw invitations.
type WithdrawRequest struct {
	Selector    Selector     `json:"selector"`
	Invitations []Invitation `json:"invitations"`
	Policy      *Policy      `json:"policy,omitempty"`
	// DoneToday is how many withdrawals already ran today (against the daily cap).
	DoneToday int       `json:"doneToday"`
	Seed      uint64    `json:"seed"`
	Now       time.Time `json:"now"`
}

// PlannedWithdrawal is one step of a withdrawal plan.
type PlannedWithdrawal struct {
	ID   string    `json:"id"`
	Key  string    `json:"key"`
	Name string    `json:"name,omitempty"`
	At   time.Time `json:"at"`  // not before this time
	Day  int       `json:"day"` // 0 = today, 1 = tomorrow (daily cap) …
}

// Skipped is an invitation the selector matched (or named) that will not be withdrawn.
type Skipped struct {
	ID     string `json:"id,omitempty"`
	Key    string `json:"key"`
	Reason string `json:"reason"` // "accepted", "already_withdrawn", "not_pending", "unknown", "duplicate"
	State  State  `json:"state,omitempty"`
}

// WithdrawPlan is the answer to a WithdrawRequest.
type WithdrawPlan struct {
	Items           []PlannedWithdrawal `json:"items"`
	Skipped         []Skipped           `json:"skipped"`
	Days            int                 `json:"days"`
	DurationSeconds int                 `json:"durationSeconds"` // of today's part, pace only
	FinishAt        *time.Time          `json:"finishAt,omitempty"`
}

// BurstRequest asks for the bursts in a user's history of one network (see DetectBursts).
type BurstRequest struct {
	Network Network `json:"network"`
	// Invitations is the history after the scan was reconciled: every invitation the user sent on any
	// network (others are ignored), in any state, with the age ranges of those read from the Sent list.
	Invitations []Invitation `json:"invitations"`
	Policy      *Policy      `json:"policy,omitempty"` // nil: DefaultPolicy()
	Now         time.Time    `json:"now"`
}

// Burst is a day (or hour) with many invitations from outside Invite Guard.
type Burst struct {
	// ID is stable under re-scans: derived from the network and the first age range that showed it.
	ID      string  `json:"id"`
	Network Network `json:"network"`
	// From and To bound when the burst's invitations went out, as precisely as the Sent list said.
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Resolution string    `json:"resolution"` // "hour" or "day"
	Count      int       `json:"count"`
	Accepted   int       `json:"accepted"`
	Gone       int       `json:"gone"`    // no longer on the Sent list: accepted, declined or withdrawn elsewhere
	Pending    int       `json:"pending"` // still sent: what a withdrawal can take back
	// UsualPerDay is the median daily count of the 28 days before From; Threshold the count that made it a burst.
	UsualPerDay float64 `json:"usualPerDay"`
	Threshold   int     `json:"threshold"`
	// Keys and IDs are the burst's invitations, oldest first.
	Keys []string `json:"keys"`
	IDs  []string `json:"ids"`
}

// BurstResult lists the bursts, newest first.
type BurstResult struct {
	Bursts []Burst `json:"bursts"`
}

// VersionInfo describes the engine.
type VersionInfo struct {
	ABI  int      `json:"abi"`
	Core string   `json:"core"`
	Ops  []string `json:"ops"`
}
