package core

import (
	"slices"
	"strings"
)

// EvReappear moves an invitation that was believed off the Sent list (gone,
// not found by the withdrawal runner, failed, expired) back to sent, because a
// scan found its card on the list again. Reconcile emits it.
const EvReappear Event = "reappear"

// transitions is the one lifecycle table: from → event → to. Anything not in
// it is illegal. Terminal states (cancelled, accepted, withdrawn) have no row.
var transitions = map[State]map[Event]State{
	StateHeld: {
		EvRelease:    StateSent,
		EvUndo:       StateCancelled,
		EvSendFailed: StateFailed,
	},
	StateSent: {
		EvAccept:          StateAccepted,
		EvExpire:          StateExpired,
		EvGone:            StateGone,
		EvWithdrawRequest: StateWithdrawRequested,
		EvWithdrawn:       StateWithdrawn, // withdrawn elsewhere (by hand, another tool)
	},
	StateWithdrawRequested: {
		EvWithdrawn:       StateWithdrawn,
		EvWithdrawMissing: StateNotFound,
		EvWithdrawFailed:  StateFailed,
		EvWithdrawCancel:  StateSent,
		EvAccept:          StateAccepted, // accepted before the runner reached it
	},
	StateGone:     {EvReappear: StateSent},
	StateNotFound: {EvReappear: StateSent},
	StateFailed:   {EvReappear: StateSent},
	StateExpired:  {EvReappear: StateSent},
}

// States lists every invitation state, in lifecycle order.
var States = []State{
	StateHeld, StateCancelled, StateSent, StateAccepted, StateWithdrawRequested,
	StateWithdrawn, StateNotFound, StateGone, StateExpired, StateFailed,
}

// Events lists every lifecycle event, in lifecycle order.
var Events = []Event{
	EvRelease, EvUndo, EvSendFailed, EvAccept, EvExpire, EvGone, EvWithdrawRequest,
	EvWithdrawn, EvWithdrawMissing, EvWithdrawFailed, EvWithdrawCancel, EvReappear,
}

// Valid reports whether s is one of the known states.
func (s State) Valid() bool {
	return slices.Contains(States, s)
}

// Valid reports whether e is one of the known events.
func (e Event) Valid() bool {
	return slices.Contains(Events, e)
}

// IsPending reports whether an invitation in state s is still open on the
// site: sent, or sent with a withdrawal planned or under way.
func IsPending(s State) bool {
	return s == StateSent || s == StateWithdrawRequested
}

// IsTerminal reports whether no event leads out of state s.
func IsTerminal(s State) bool {
	return s.Valid() && len(transitions[s]) == 0
}

// Transitions returns a copy of the lifecycle table: from → event → to.
func Transitions() map[State]map[Event]State {
	out := make(map[State]map[Event]State, len(transitions))
	for from, row := range transitions {
		r := make(map[Event]State, len(row))
		for ev, to := range row {
			r[ev] = to
		}
		out[from] = r
	}
	return out
}

// Rule is one legal transition.
type Rule struct {
	From  State `json:"from"`
	Event Event `json:"event"`
	To    State `json:"to"`
}

// Rules lists the lifecycle table as rules, ordered by States and then Events,
// for display and for hosts that validate on their side.
func Rules() []Rule {
	var out []Rule
	for _, from := range States {
		for _, ev := range Events {
			if to, ok := transitions[from][ev]; ok {
				out = append(out, Rule{From: from, Event: ev, To: to})
			}
		}
	}
	return out
}

// Validate checks that the state and the event are known.
func (r TransitionRequest) Validate() error {
	if !r.From.Valid() {
		return Errorf(CodeInvalid, "from: unknown state %q (want one of %s)", r.From, joinNames(States))
	}
	if !r.Event.Valid() {
		return Errorf(CodeInvalid, "event: unknown event %q (want one of %s)", r.Event, joinNames(Events))
	}
	return nil
}

// Transition applies an event to a state by the lifecycle table. An event the
// table does not allow in that state is a CodeIllegalTransition error that
// names both; an unknown state or event is CodeInvalid.
func Transition(req TransitionRequest) (TransitionResult, error) {
	if err := req.Validate(); err != nil {
		return TransitionResult{}, err
	}
	to, ok := transitions[req.From][req.Event]
	if !ok {
		msg := "cannot " + string(req.Event) + " an invitation that is " + string(req.From)
		if allowed := allowedEvents(req.From); len(allowed) > 0 {
			msg += " (allowed: " + joinNames(allowed) + ")"
		} else {
			msg += " (a final state)"
		}
		return TransitionResult{}, &Error{Code: CodeIllegalTransition, Message: msg}
	}
	return TransitionResult{To: to}, nil
}

// allowedEvents lists the events legal in state s, in Events order.
func allowedEvents(s State) []Event {
	var out []Event
	for _, ev := range Events {
		if _, ok := transitions[s][ev]; ok {
			out = append(out, ev)
		}
	}
	return out
}

// joinNames joins states or events with ", ".
func joinNames[T ~string](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = string(x)
	}
	return strings.Join(parts, ", ")
}
