package jsconst

import "github.com/inviteguard/inviteguard/core"

// jobLifecycle is the withdrawal job's lifecycle as the extension reads it.
type jobLifecycle struct {
	States       []core.JobState                                   `json:"states"`
	Events       []core.JobEvent                                   `json:"events"`
	Table        map[core.JobState]map[core.JobEvent]core.JobState `json:"table"`
	Targets      map[core.JobEvent]core.JobState                   `json:"targets"`
	Open         []core.JobState                                   `json:"open"`
	Final        []core.JobState                                   `json:"final"`
	ResultEvents map[core.WithdrawResult]core.Event                `json:"resultEvents"`
}

// JobLifecycle is the withdrawal job's lifecycle (core/joblifecycle.go) for
// the extension: the states and events in order, the table (from → event →
// to), the state each event asks for, the open and the final states, and the
// invitation event each withdrawal result means.
func JobLifecycle() Module {
	v := jobLifecycle{
		States:       core.JobStates,
		Events:       core.JobEvents,
		Table:        map[core.JobState]map[core.JobEvent]core.JobState{},
		Targets:      map[core.JobEvent]core.JobState{},
		ResultEvents: map[core.WithdrawResult]core.Event{},
	}
	for _, r := range core.JobRules() {
		if v.Table[r.From] == nil {
			v.Table[r.From] = map[core.JobEvent]core.JobState{}
		}
		v.Table[r.From][r.Event] = r.To
	}
	for _, ev := range core.JobEvents {
		v.Targets[ev] = core.JobTarget(ev)
	}
	for _, s := range core.JobStates {
		if s.IsOpen() {
			v.Open = append(v.Open, s)
		}
		if s.IsFinal() {
			v.Final = append(v.Final, s)
		}
	}
	for _, r := range core.WithdrawResults {
		v.ResultEvents[r], _ = r.Event()
	}
	return Module{
		Path:   "extension/shared/gen/job-lifecycle.json",
		Source: "core/joblifecycle.go",
		About:  "The withdrawal job's lifecycle: the one table the server and the extension move jobs by (extension/shared/job-lifecycle.js reads it).",
		Value:  v,
	}
}
