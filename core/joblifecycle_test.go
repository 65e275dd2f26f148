package core

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestJobTransition(t *testing.T) {
	tests := map[string]struct {
		from JobState
		ev   JobEvent
		want JobState
	}{
		"start a plan":             {JobPlanned, JobStart, JobRunning},
		"discard a plan":           {JobPlanned, JobCancel, JobDiscarded},
		"pause a running job":      {JobRunning, JobPause, JobPaused},
		"the daily cap":            {JobRunning, JobWait, JobWaiting},
		"a hard stop":              {JobRunning, JobStop, JobStopped},
		"the last item":            {JobRunning, JobFinish, JobDone},
		"cancel a running job":     {JobRunning, JobCancel, JobCancelled},
		"resume a paused job":      {JobPaused, JobResume, JobRunning},
		"the last item, paused":    {JobPaused, JobFinish, JobDone},
		"cancel a paused job":      {JobPaused, JobCancel, JobCancelled},
		"a hard stop, paused":      {JobPaused, JobStop, JobStopped},
		"a hard stop, waiting":     {JobWaiting, JobStop, JobStopped},
		"the alarm":                {JobWaiting, JobWake, JobRunning},
		"resume a waiting job":     {JobWaiting, JobResume, JobRunning},
		"pause a waiting job":      {JobWaiting, JobPause, JobPaused},
		"cancel a waiting job":     {JobWaiting, JobCancel, JobCancelled},
		"resume after a hard stop": {JobStopped, JobResume, JobRunning},
		"cancel a stopped job":     {JobStopped, JobCancel, JobCancelled},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := JobTransition(JobTransitionRequest{From: tt.from, Event: tt.ev})
			if err != nil {
				t.Fatal(err)
			}
			if got.To != tt.want {
				t.Errorf("got %s, want %s", got.To, tt.want)
			}
		})
	}
	if got, want := len(JobRules()), len(tests); got != want {
		t.Errorf("the table has %d rules, the test checks %d", got, want)
	}
}

func TestJobTransitionIllegal(t *testing.T) {
	tests := map[string]struct {
		from JobState
		ev   JobEvent
		msg  string
	}{
		"start twice":             {JobRunning, JobStart, "cannot start a job that is running (allowed: pause, wait, stop, finish, cancel)"},
		"pause a plan":            {JobPlanned, JobPause, "cannot pause a job that is planned (allowed: start, cancel)"},
		"pause a paused job":      {JobPaused, JobPause, "cannot pause a job that is paused (allowed: resume, stop, finish, cancel)"},
		"resume a running job":    {JobRunning, JobResume, "cannot resume a job that is running"},
		"pause a stopped job":     {JobStopped, JobPause, "cannot pause a job that is stopped (allowed: resume, cancel)"},
		"cancel a done job":       {JobDone, JobCancel, "cannot cancel a job that is done (a final state)"},
		"cancel a cancelled job":  {JobCancelled, JobCancel, "cannot cancel a job that is cancelled (a final state)"},
		"cancel a discarded plan": {JobDiscarded, JobCancel, "cannot cancel a job that is discarded (a final state)"},
		"resume a done job":       {JobDone, JobResume, "cannot resume a job that is done (a final state)"},
		"wake a running job":      {JobRunning, JobWake, "cannot wake a job that is running"},
		"stop a cancelled job":    {JobCancelled, JobStop, "cannot stop a job that is cancelled (a final state)"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := JobTransition(JobTransitionRequest{From: tt.from, Event: tt.ev})
			if got, want := ErrorCode(err), CodeIllegalTransition; got != want {
				t.Fatalf("got %v, want an %s error", err, want)
			}
			if got := ErrorMessage(err); !strings.HasPrefix(got, tt.msg) {
				t.Errorf("got %q, want it to start with %q", got, tt.msg)
			}
		})
	}
}

func TestJobTransitionUnknown(t *testing.T) {
	tests := map[string]struct {
		req JobTransitionRequest
		msg string
	}{
		"unknown state":                          {JobTransitionRequest{From: "sleeping", Event: JobStart}, `from: unknown job state "sleeping"`},
		"unknown event":                          {JobTransitionRequest{From: JobRunning, Event: "restart"}, `event: unknown job event "restart"`},
		"empty":                                  {JobTransitionRequest{}, `from: unknown job state ""`},
		"an invitation state is not a job state": {JobTransitionRequest{From: "sent", Event: JobStart}, `from: unknown job state "sent"`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := JobTransition(tt.req)
			if got, want := ErrorCode(err), CodeInvalid; got != want {
				t.Fatalf("got %v, want an %s error", err, want)
			}
			if got := ErrorMessage(err); !strings.HasPrefix(got, tt.msg) {
				t.Errorf("got %q, want it to start with %q", got, tt.msg)
			}
		})
	}
}

func TestJobStateKinds(t *testing.T) {
	tests := map[JobState]struct{ open, final bool }{
		JobPlanned:   {false, false},
		JobRunning:   {true, false},
		JobPaused:    {true, false},
		JobWaiting:   {true, false},
		JobStopped:   {true, false},
		JobDone:      {false, true},
		JobCancelled: {false, true},
		JobDiscarded: {false, true},
		"sleeping":   {false, false},
	}
	for s, tt := range tests {
		t.Run(string(s), func(t *testing.T) {
			if got := s.IsOpen(); got != tt.open {
				t.Errorf("IsOpen: got %v, want %v", got, tt.open)
			}
			if got := s.IsFinal(); got != tt.final {
				t.Errorf("IsFinal: got %v, want %v", got, tt.final)
			}
		})
	}
	if got, want := len(tests)-1, len(JobStates); got != want {
		t.Errorf("the test checks %d states, there are %d", got, want)
	}
}

// TestJobRepeat: the requests the server answers as done without a move.
func TestJobRepeat(t *testing.T) {
	tests := map[string]struct {
		from JobState
		ev   JobEvent
		want bool
	}{
		"pause a paused job":       {JobPaused, JobPause, true},
		"resume a running job":     {JobRunning, JobResume, true},
		"cancel a cancelled job":   {JobCancelled, JobCancel, true},
		"pause a running job":      {JobRunning, JobPause, false},
		"cancel a discarded plan":  {JobDiscarded, JobCancel, false},
		"resume a done job":        {JobDone, JobResume, false},
		"an unknown event":         {JobRunning, "restart", false},
		"finish a done job":        {JobDone, JobFinish, true},
		"cancel a running job":     {JobRunning, JobCancel, false},
		"stop a stopped job again": {JobStopped, JobStop, true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := JobRepeat(tt.from, tt.ev); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestJobTableShape: every state and event is in the lists, every move leads
// to a known state, and every event's target is where its moves lead (cancel
// from a plan discards).
func TestJobTableShape(t *testing.T) {
	for _, r := range JobRules() {
		if !r.From.Valid() || !r.Event.Valid() || !r.To.Valid() {
			t.Errorf("rule %+v names an unknown state or event", r)
		}
		want := jobTargets[r.Event]
		if r.From == JobPlanned && r.Event == JobCancel {
			want = JobDiscarded
		}
		if r.To != want {
			t.Errorf("rule %+v: %s leads to %s elsewhere", r, r.Event, want)
		}
	}
	for _, ev := range JobEvents {
		if _, ok := jobTargets[ev]; !ok {
			t.Errorf("event %s has no target state", ev)
		}
	}
	for from := range jobTransitions {
		if !from.Valid() {
			t.Errorf("the table has a row for unknown state %q", from)
		}
	}
}

func TestWithdrawResultEvent(t *testing.T) {
	tests := map[WithdrawResult]struct {
		want Event
		ok   bool
	}{
		WithdrawnResult: {EvWithdrawn, true},
		NotFoundResult:  {EvWithdrawMissing, true},
		FailedResult:    {EvWithdrawFailed, true},
		"highlighted":   {"", false},
		"":              {"", false},
	}
	for r, tt := range tests {
		t.Run(string(r), func(t *testing.T) {
			got, ok := r.Event()
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v, want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

var updateJobMoves = flag.Bool("update-job-moves", false, "rewrite core/testdata/job_moves.json from the job table")

// jobMoveCase is one case of core/testdata/job_moves.json: a state, an event,
// and where the job goes, or the error; repeat is JobRepeat.
type jobMoveCase struct {
	From   JobState `json:"from"`
	Event  JobEvent `json:"event"`
	To     JobState `json:"to,omitempty"`
	Error  *Error   `json:"error,omitempty"`
	Repeat bool     `json:"repeat"`
}

// jobMoveCases answers every state with every event, and a few unknowns.
func jobMoveCases() []jobMoveCase {
	var out []jobMoveCase
	add := func(from JobState, ev JobEvent) {
		c := jobMoveCase{From: from, Event: ev, Repeat: JobRepeat(from, ev)}
		res, err := JobTransition(JobTransitionRequest{From: from, Event: ev})
		if err != nil {
			c.Error = &Error{Code: ErrorCode(err), Message: ErrorMessage(err)}
		} else {
			c.To = res.To
		}
		out = append(out, c)
	}
	for _, from := range JobStates {
		for _, ev := range JobEvents {
			add(from, ev)
		}
	}
	add("sleeping", JobStart)
	add(JobRunning, "restart")
	add("sent", JobCancel)
	return out
}

// TestJobMovesTable: core/testdata/job_moves.json is what the table answers
// now (the extension's test/unit/job-lifecycle.test.mjs runs the same cases
// against its reading of the generated table). -update-job-moves rewrites it.
func TestJobMovesTable(t *testing.T) {
	const file = "testdata/job_moves.json"
	type table struct {
		About string        `json:"about"`
		Cases []jobMoveCase `json:"cases"`
	}
	want := table{
		About: "Every job state with every job event (and a few unknown ones): where the job goes, or the error, and whether the event asks for the state the job has (a repeat). Written from core/joblifecycle.go by go test ./core -run TestJobMovesTable -update-job-moves; run by core and by extension/test/unit/job-lifecycle.test.mjs.",
		Cases: jobMoveCases(),
	}
	if *updateJobMoves {
		var b bytes.Buffer
		fmt.Fprintf(&b, "{\n  \"about\": %q,\n  \"cases\": [\n", want.About)
		for i, c := range want.Cases {
			line, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			sep := ","
			if i == len(want.Cases)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "    %s%s\n", line, sep)
		}
		b.WriteString("  ]\n}\n")
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var got table
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s is not what the job table answers now: run go test ./core -run TestJobMovesTable -update-job-moves", file)
	}
}
