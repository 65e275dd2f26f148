package core

import (
	"strings"
	"testing"
)

func TestTransitionLegal(t *testing.T) {
	tests := []struct {
		from State
		ev   Event
		want State
	}{
		{StateHeld, EvRelease, StateSent},
		{StateHeld, EvUndo, StateCancelled},
		{StateHeld, EvSendFailed, StateFailed},
		{StateSent, EvAccept, StateAccepted},
		{StateSent, EvExpire, StateExpired},
		{StateSent, EvGone, StateGone},
		{StateSent, EvWithdrawRequest, StateWithdrawRequested},
		{StateSent, EvWithdrawn, StateWithdrawn},
		{StateWithdrawRequested, EvWithdrawn, StateWithdrawn},
		{StateWithdrawRequested, EvWithdrawMissing, StateNotFound},
		{StateWithdrawRequested, EvWithdrawFailed, StateFailed},
		{StateWithdrawRequested, EvWithdrawCancel, StateSent},
		{StateWithdrawRequested, EvAccept, StateAccepted},
		{StateGone, EvReappear, StateSent},
		{StateNotFound, EvReappear, StateSent},
		{StateFailed, EvReappear, StateSent},
		{StateExpired, EvReappear, StateSent},
	}
	if got, want := len(Rules()), len(tests); got != want {
		t.Errorf("Rules() has %d rules, the test lists %d: keep them in step", got, want)
	}
	for _, tt := range tests {
		got, err := Transition(TransitionRequest{From: tt.from, Event: tt.ev})
		if err != nil {
			t.Errorf("Transition(%s, %s): %v", tt.from, tt.ev, err)
			continue
		}
		if got.To != tt.want {
			t.Errorf("Transition(%s, %s) = %s, want %s", tt.from, tt.ev, got.To, tt.want)
		}
	}
}

// TestTransitionIllegal walks every (state, event) pair outside the table.
func TestTransitionIllegal(t *testing.T) {
	table := Transitions()
	n := 0
	for _, from := range States {
		for _, ev := range Events {
			if _, ok := table[from][ev]; ok {
				continue
			}
			n++
			_, err := Transition(TransitionRequest{From: from, Event: ev})
			if got, want := ErrorCode(err), CodeIllegalTransition; got != want {
				t.Errorf("Transition(%s, %s): code %q, want %q", from, ev, got, want)
				continue
			}
			wantMsg := "cannot " + string(ev) + " an invitation that is " + string(from)
			if got := ErrorMessage(err); !strings.HasPrefix(got, wantMsg) {
				t.Errorf("Transition(%s, %s): message %q, want prefix %q", from, ev, got, wantMsg)
			}
		}
	}
	if got, want := n, len(States)*len(Events)-len(Rules()); got != want {
		t.Errorf("checked %d illegal pairs, want %d", got, want)
	}
}

func TestTransitionMessages(t *testing.T) {
	tests := []struct {
		from State
		ev   Event
		want string
	}{
		{StateAccepted, EvWithdrawRequest, "cannot withdraw_request an invitation that is accepted (a final state)"},
		{StateHeld, EvAccept, "cannot accept an invitation that is held (allowed: release, undo, send_failed)"},
		{StateGone, EvGone, "cannot gone an invitation that is gone (allowed: reappear)"},
	}
	for _, tt := range tests {
		_, err := Transition(TransitionRequest{From: tt.from, Event: tt.ev})
		if got := ErrorMessage(err); got != tt.want {
			t.Errorf("Transition(%s, %s) message = %q, want %q", tt.from, tt.ev, got, tt.want)
		}
	}
}

func TestTransitionInvalid(t *testing.T) {
	tests := []struct {
		req  TransitionRequest
		want string
	}{
		{TransitionRequest{From: "pending", Event: EvAccept}, `from: unknown state "pending"`},
		{TransitionRequest{From: "", Event: EvAccept}, `from: unknown state ""`},
		{TransitionRequest{From: StateSent, Event: "accepted"}, `event: unknown event "accepted"`},
		{TransitionRequest{From: "Sent", Event: EvAccept}, `from: unknown state "Sent"`},
	}
	for _, tt := range tests {
		_, err := Transition(tt.req)
		if got, want := ErrorCode(err), CodeInvalid; got != want {
			t.Errorf("Transition(%+v): code %q, want %q", tt.req, got, want)
		}
		if got := ErrorMessage(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Transition(%+v): message %q, want prefix %q", tt.req, got, tt.want)
		}
	}
}

func TestIsPending(t *testing.T) {
	for _, s := range States {
		got := IsPending(s)
		want := s == StateSent || s == StateWithdrawRequested
		if got != want {
			t.Errorf("IsPending(%s) = %v, want %v", s, got, want)
		}
	}
	if IsPending("bogus") {
		t.Error(`IsPending("bogus") = true`)
	}
}

func TestIsTerminal(t *testing.T) {
	want := map[State]bool{StateCancelled: true, StateAccepted: true, StateWithdrawn: true}
	for _, s := range States {
		if got := IsTerminal(s); got != want[s] {
			t.Errorf("IsTerminal(%s) = %v, want %v", s, got, want[s])
		}
	}
}

// TestTransitionsIsACopy: callers may not change the engine's table.
func TestTransitionsIsACopy(t *testing.T) {
	m := Transitions()
	m[StateAccepted] = map[Event]State{EvWithdrawRequest: StateWithdrawRequested}
	m[StateSent][EvAccept] = StateFailed
	if _, err := Transition(TransitionRequest{From: StateAccepted, Event: EvWithdrawRequest}); err == nil {
		t.Error("changing the copy changed the table (accepted)")
	}
	if got, _ := Transition(TransitionRequest{From: StateSent, Event: EvAccept}); got.To != StateAccepted {
		t.Errorf("changing the copy changed the table: sent+accept = %s", got.To)
	}
}

// TestEveryStateReachable: each state but held is the target of some rule, and every event is used.
func TestEveryStateReachable(t *testing.T) {
	reached := map[State]bool{StateHeld: true}
	used := map[Event]bool{}
	for _, r := range Rules() {
		reached[r.To] = true
		used[r.Event] = true
	}
	for _, s := range States {
		if !reached[s] {
			t.Errorf("state %s is never reached", s)
		}
	}
	for _, e := range Events {
		if !used[e] {
			t.Errorf("event %s is never used", e)
		}
	}
}
