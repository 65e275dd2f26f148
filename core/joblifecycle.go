package core

// The withdrawal job's lifecycle, beside the invitation's (lifecycle.go): one
// table the server and the extension both ask. The server keeps a subset of
// the states (running, paused, done, cancelled: it plans and records, the
// extension runs); the extension's job also waits for the next day, stops on
// what the page showed, and can be discarded before it starts. The extension
// reads the table from a generated file (internal/jsconst), tied to this one by
// a test.

// JobState is where a withdrawal job is.
type JobState string

// The job states.
const (
	JobPlanned   JobState = "planned"   // planned, not started yet (a dry run or a plan to confirm)
	JobRunning   JobState = "running"   // the runner works through the items
	JobPaused    JobState = "paused"    // paused by the user
	JobWaiting   JobState = "waiting"   // the day's cap is reached or the next item is due later: an alarm wakes it
	JobStopped   JobState = "stopped"   // a hard stop the page showed (rate limit, sign-in, …): resumable
	JobDone      JobState = "done"      // every item reported
	JobCancelled JobState = "cancelled" // cancelled after it started
	JobDiscarded JobState = "discarded" // a plan cancelled before it started
)

// JobEvent is something that happens to a job.
type JobEvent string

// The job events.
const (
	JobStart  JobEvent = "start"  // planned → running: the user confirmed the plan
	JobPause  JobEvent = "pause"  // the user paused it
	JobResume JobEvent = "resume" // the user resumed it (also after a hard stop, or early from waiting)
	JobWait   JobEvent = "wait"   // running → waiting: the daily cap or an item due later
	JobWake   JobEvent = "wake"   // waiting → running: the time came
	JobStop   JobEvent = "stop"   // a hard stop on the page (also when it comes after a pause: the click was under way)
	JobFinish JobEvent = "finish" // the last item was reported
	JobCancel JobEvent = "cancel" // the user cancelled it
)

// jobTransitions is the job table: from → event → to. Anything not in it is
// illegal; done, cancelled and discarded are final.
var jobTransitions = map[JobState]map[JobEvent]JobState{
	JobPlanned: {JobStart: JobRunning, JobCancel: JobDiscarded},
	JobRunning: {JobPause: JobPaused, JobWait: JobWaiting, JobStop: JobStopped, JobFinish: JobDone, JobCancel: JobCancelled},
	JobPaused:  {JobResume: JobRunning, JobStop: JobStopped, JobFinish: JobDone, JobCancel: JobCancelled},
	JobWaiting: {JobWake: JobRunning, JobResume: JobRunning, JobPause: JobPaused, JobStop: JobStopped, JobCancel: JobCancelled},
	JobStopped: {JobResume: JobRunning, JobCancel: JobCancelled},
}

// jobTargets is the state each event asks for (cancel from planned discards
// instead): a request for the state a job already has is a repeat (JobRepeat).
var jobTargets = map[JobEvent]JobState{
	JobStart: JobRunning, JobPause: JobPaused, JobResume: JobRunning, JobWait: JobWaiting,
	JobWake: JobRunning, JobStop: JobStopped, JobFinish: JobDone, JobCancel: JobCancelled,
}

// JobStates lists every job state, in lifecycle order.
var JobStates = []JobState{JobPlanned, JobRunning, JobPaused, JobWaiting, JobStopped, JobDone, JobCancelled, JobDiscarded}

// JobEvents lists every job event, in lifecycle order.
var JobEvents = []JobEvent{JobStart, JobPause, JobResume, JobWait, JobWake, JobStop, JobFinish, JobCancel}

// Valid reports whether s is one of the known job states.
func (s JobState) Valid() bool {
	_, ok := jobOrder(JobStates, s)
	return ok
}

// Valid reports whether e is one of the known job events.
func (e JobEvent) Valid() bool {
	_, ok := jobOrder(JobEvents, e)
	return ok
}

// IsOpen reports whether a job in state s is under way: started and not
// final (running, paused, waiting or stopped). One open job at a time.
func (s JobState) IsOpen() bool {
	return s != JobPlanned && s.Valid() && !s.IsFinal()
}

// IsFinal reports whether no event leads out of state s.
func (s JobState) IsFinal() bool {
	return s.Valid() && len(jobTransitions[s]) == 0
}

// JobTransitionRequest asks where an event takes a job.
type JobTransitionRequest struct {
	From  JobState `json:"from"`
	Event JobEvent `json:"event"`
}

// JobTransitionResult is the job's state after the event.
type JobTransitionResult struct {
	To JobState `json:"to"`
}

// Validate checks that the state and the event are known.
func (r JobTransitionRequest) Validate() error {
	if !r.From.Valid() {
		return Errorf(CodeInvalid, "from: unknown job state %q (want one of %s)", r.From, joinNames(JobStates))
	}
	if !r.Event.Valid() {
		return Errorf(CodeInvalid, "event: unknown job event %q (want one of %s)", r.Event, joinNames(JobEvents))
	}
	return nil
}

// JobTransition applies an event to a job by the job table. An event the
// table does not allow in that state is a CodeIllegalTransition error that
// names both and the events allowed; an unknown state or event is CodeInvalid.
func JobTransition(req JobTransitionRequest) (JobTransitionResult, error) {
	if err := req.Validate(); err != nil {
		return JobTransitionResult{}, err
	}
	to, ok := jobTransitions[req.From][req.Event]
	if !ok {
		return JobTransitionResult{}, &Error{Code: CodeIllegalTransition, Message: JobRefusal(req.From, req.Event)}
	}
	return JobTransitionResult{To: to}, nil
}

// JobRefusal is the message of an event the table does not allow in state
// from: "cannot pause a job that is done (a final state)". Hosts that check a
// move on their side (the extension) say the same.
func JobRefusal(from JobState, ev JobEvent) string {
	msg := "cannot " + string(ev) + " a job that is " + string(from)
	var allowed []JobEvent
	for _, e := range JobEvents {
		if _, ok := jobTransitions[from][e]; ok {
			allowed = append(allowed, e)
		}
	}
	switch {
	case len(allowed) > 0:
		msg += " (allowed: " + joinNames(allowed) + ")"
	case from.Valid():
		msg += " (a final state)"
	}
	return msg
}

// JobRepeat reports whether event ev asks a job for the state it already has
// (pause a paused job, resume a running one, cancel a cancelled one). The
// server's API answers a repeated request as done, so a retried request is
// harmless; the extension's own handlers refuse it like any illegal move.
func JobRepeat(from JobState, ev JobEvent) bool {
	to, ok := jobTargets[ev]
	return ok && to == from
}

// JobTarget returns the state event ev asks for ("" for an unknown event).
func JobTarget(ev JobEvent) JobState {
	return jobTargets[ev]
}

// JobRule is one legal job transition.
type JobRule struct {
	From  JobState `json:"from"`
	Event JobEvent `json:"event"`
	To    JobState `json:"to"`
}

// JobRules lists the job table as rules, ordered by JobStates and then
// JobEvents, for display and for hosts that check moves on their side.
func JobRules() []JobRule {
	var out []JobRule
	for _, from := range JobStates {
		for _, ev := range JobEvents {
			if to, ok := jobTransitions[from][ev]; ok {
				out = append(out, JobRule{From: from, Event: ev, To: to})
			}
		}
	}
	return out
}

// WithdrawResult is what the runner reports for one planned withdrawal.
type WithdrawResult string

// The withdrawal results.
const (
	WithdrawnResult WithdrawResult = "withdrawn" // the card is gone after the click (or LinkedIn said so)
	NotFoundResult  WithdrawResult = "not_found" // no card for the invitation on the Sent list
	FailedResult    WithdrawResult = "failed"    // the card could not be withdrawn
)

// WithdrawResults lists the results in order.
var WithdrawResults = []WithdrawResult{WithdrawnResult, NotFoundResult, FailedResult}

// resultEvents is the invitation event each result means.
var resultEvents = map[WithdrawResult]Event{
	WithdrawnResult: EvWithdrawn,
	NotFoundResult:  EvWithdrawMissing,
	FailedResult:    EvWithdrawFailed,
}

// Event returns the invitation lifecycle event a result means; false for an
// unknown result.
func (r WithdrawResult) Event() (Event, bool) {
	ev, ok := resultEvents[r]
	return ev, ok
}

// jobOrder returns the position of x in xs.
func jobOrder[T comparable](xs []T, x T) (int, bool) {
	for i, v := range xs {
		if v == x {
			return i, true
		}
	}
	return -1, false
}
