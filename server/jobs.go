package server

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// CreateJob asks for a withdrawal job.
type CreateJob struct {
	Selector core.Selector `json:"selector"`
	// Seed makes the pacing reproducible; nil picks a random one.
	Seed *uint64 `json:"seed,omitempty"`
}

// ItemReport is the result of one withdrawal as the extension saw it.
type ItemReport struct {
	Result ItemResult `json:"result"`
	Detail string     `json:"detail,omitempty"`
}

// MaxDetailBytes bounds an item report's detail text.
const MaxDetailBytes = 4096

// CreateJob plans a withdrawal through the core and stores it: the planned
// invitations move to withdraw_requested (checked by the core), all in one
// transaction.
func (s *Service) CreateJob(ctx context.Context, userID string, in CreateJob) (Job, error) {
	sel := in.Selector
	if err := sel.Validate(); err != nil {
		return Job{}, err
	}
	var seed uint64
	if in.Seed != nil {
		seed = *in.Seed
	} else {
		var b [8]byte
		_, _ = rand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	now := s.Now()
	status, err := jobMove(core.JobPlanned, core.JobStart)
	if err != nil {
		return Job{}, err
	}
	job := Job{ID: newID("j_"), Status: status, Selector: sel, Seed: seed, CreatedAt: now, UpdatedAt: now}
	err = s.store.Update(ctx, func(tx Tx) error {
		f := InvitationFilter{States: []core.State{core.StateSent, core.StateWithdrawRequested}}
		switch sel.Kind {
		case core.SelectBatch:
			if _, err := tx.Batch(ctx, userID, sel.BatchID); err != nil {
				return err
			}
			f = InvitationFilter{BatchID: sel.BatchID}
		case core.SelectBurst:
			// The core finds the burst's invitations in the network's whole history, as it found the burst.
			b, err := tx.Burst(ctx, userID, sel.BurstID)
			if err != nil {
				return err
			}
			f = InvitationFilter{Network: b.Network}
		case core.SelectKeys:
			keys := make([]string, len(sel.Keys))
			for i, k := range sel.Keys {
				keys[i] = core.NormalizeKey(k)
			}
			f = InvitationFilter{Keys: keys}
		}
		invs, err := tx.ListInvitations(ctx, userID, f)
		if err != nil {
			return err
		}
		policy, err := s.userPolicy(ctx, tx, userID)
		if err != nil {
			return err
		}
		dayStart := now.Truncate(24 * time.Hour)
		done, err := tx.CountReported(ctx, userID, ResultWithdrawn, dayStart)
		if err != nil {
			return err
		}
		req := core.WithdrawRequest{
			Selector: sel, Invitations: make([]core.Invitation, len(invs)), Policy: &policy,
			DoneToday: done, Seed: seed, Now: now,
		}
		byID := make(map[string]Invitation, len(invs))
		for i, inv := range invs {
			req.Invitations[i] = inv.Invitation
			byID[inv.ID] = inv
		}
		var plan core.WithdrawPlan
		if err := call(ctx, s.engine, OpPlanWithdrawal, req, &plan); err != nil {
			return err
		}
		job.Days, job.DurationSeconds, job.FinishAt = plan.Days, plan.DurationSeconds, plan.FinishAt
		job.Skipped = plan.Skipped
		if job.Skipped == nil {
			job.Skipped = []core.Skipped{}
		}
		tr := newTransitioner(s.engine)
		var mv stateMoves
		job.Items = make([]JobItem, len(plan.Items))
		for i, p := range plan.Items {
			inv, ok := byID[p.ID]
			if !ok {
				return core.Errorf(core.CodeEngine, "plan names invitation %q, which was not among those given", p.ID)
			}
			to, err := tr.apply(ctx, inv.State, core.EvWithdrawRequest)
			if err != nil {
				return core.Errorf(core.ErrorCode(err), "invitation %s (%s): %s", inv.ID, inv.Key, core.ErrorMessage(err))
			}
			mv.add(inv.ID, inv.State, to)
			job.Items[i] = JobItem{InvitationID: p.ID, Seq: i, Key: p.Key, Name: p.Name, At: p.At.UTC(), Day: p.Day}
			job.Counts.add("")
		}
		if len(job.Items) == 0 {
			if job.Status, err = jobMove(job.Status, core.JobFinish); err != nil {
				return err
			}
		}
		if err := mv.write(ctx, tx, userID, now); err != nil {
			return err
		}
		return tx.InsertJob(ctx, userID, job)
	})
	if err != nil {
		return Job{}, err
	}
	return job, nil
}

// GetJob returns a job with its items.
func (s *Service) GetJob(ctx context.Context, userID, id string) (Job, error) {
	var j Job
	err := s.store.View(ctx, func(tx Tx) (err error) {
		j, err = loadJob(ctx, tx, userID, id)
		return err
	})
	return j, err
}

// loadJob reads a job and its items and counts them.
func loadJob(ctx context.Context, tx Tx, userID, id string) (Job, error) {
	j, err := tx.Job(ctx, userID, id)
	if err != nil {
		return Job{}, err
	}
	j.Items, err = tx.JobItems(ctx, userID, id)
	if err != nil {
		return Job{}, err
	}
	j.Counts = JobCounts{}
	for _, it := range j.Items {
		j.Counts.add(it.Result)
	}
	return j, nil
}

// JobQuery is a page request for jobs.
type JobQuery struct {
	Status JobStatus
	Cursor string
	Limit  int
}

// ListJobs returns a page of a user's jobs, newest first, without items.
func (s *Service) ListJobs(ctx context.Context, userID string, q JobQuery) (Page[Job], error) {
	limit, err := pageLimit(q.Limit)
	if err != nil {
		return Page[Job]{}, err
	}
	switch q.Status {
	case "", JobRunning, JobPaused, JobCancelled, JobDone:
	default:
		return Page[Job]{}, core.Errorf(core.CodeInvalid, "status must be running, paused, cancelled or done, got %q", truncate(string(q.Status), 40))
	}
	after, err := DecodeCursor(q.Cursor)
	if err != nil {
		return Page[Job]{}, err
	}
	var items []Job
	err = s.store.View(ctx, func(tx Tx) (err error) {
		items, err = tx.ListJobs(ctx, userID, JobFilter{Status: q.Status, After: after, Limit: limit + 1})
		return err
	})
	if err != nil {
		return Page[Job]{}, err
	}
	return page(items, limit, func(j Job) (time.Time, string) { return j.CreatedAt, j.ID }), nil
}

// JobAction is pause, resume or cancel.
type JobAction string

// The job actions.
const (
	ActionPause  JobAction = "pause"
	ActionResume JobAction = "resume"
	ActionCancel JobAction = "cancel"
)

// actionEvents is the job event of each action; where it leads is the core's
// job table (core.JobTransition). An action into the status a job already has
// is idempotent (core.JobRepeat).
var actionEvents = map[JobAction]core.JobEvent{
	ActionPause:  core.JobPause,
	ActionResume: core.JobResume,
	ActionCancel: core.JobCancel,
}

// jobMove is where event ev takes a job in status from, by the core's table.
func jobMove(from JobStatus, ev core.JobEvent) (JobStatus, error) {
	res, err := core.JobTransition(core.JobTransitionRequest{From: from, Event: ev})
	return res.To, err
}

// ChangeJob pauses, resumes or cancels a job. Cancelling moves every
// invitation not yet reported back to sent (withdraw_cancel, checked by the core).
func (s *Service) ChangeJob(ctx context.Context, userID, id string, action JobAction) (Job, error) {
	ev, ok := actionEvents[action]
	if !ok {
		return Job{}, core.Errorf(core.CodeInvalid, "unknown job action %q", action)
	}
	var j Job
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		j, err = loadJob(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		if core.JobRepeat(j.Status, ev) {
			return nil
		}
		to, err := jobMove(j.Status, ev)
		if err != nil {
			return err
		}
		now := s.Now()
		if to == JobCancelled {
			var open []string
			for _, it := range j.Items {
				if it.Result == "" {
					open = append(open, it.InvitationID)
				}
			}
			invs, err := tx.ListInvitations(ctx, userID, InvitationFilter{IDs: open, States: []core.State{core.StateWithdrawRequested}})
			if err != nil {
				return err
			}
			// Reads are done; from here on only writes (see Store).
			tr := newTransitioner(s.engine)
			var mv stateMoves
			for _, inv := range invs {
				next, err := tr.apply(ctx, inv.State, core.EvWithdrawCancel)
				if err != nil {
					return err
				}
				mv.add(inv.ID, inv.State, next)
			}
			if err := mv.write(ctx, tx, userID, now); err != nil {
				return err
			}
		}
		if err := tx.SetJobStatus(ctx, userID, id, to, now); err != nil {
			return err
		}
		j.Status, j.UpdatedAt = to, now
		return nil
	})
	if err != nil {
		return Job{}, err
	}
	return j, nil
}

// ReportItem records the result of one withdrawal. The same report again
// answers the stored item; a different result for a reported item is a
// CodeConflict; the invitation moves by the core's lifecycle table. When the
// last item is reported the job is done.
func (s *Service) ReportItem(ctx context.Context, userID, jobID, invitationID string, in ItemReport) (JobItem, error) {
	ev, ok := in.Result.Event()
	if !ok {
		return JobItem{}, core.Errorf(core.CodeInvalid, "result must be withdrawn, not_found or failed, got %q", truncate(string(in.Result), 40))
	}
	if len(in.Detail) > MaxDetailBytes {
		return JobItem{}, core.Errorf(core.CodeTooLarge, "detail is %d bytes, at most %d are allowed", len(in.Detail), MaxDetailBytes)
	}
	var item JobItem
	err := s.store.Update(ctx, func(tx Tx) error {
		j, err := tx.Job(ctx, userID, jobID)
		if err != nil {
			return err
		}
		item, err = tx.JobItem(ctx, userID, jobID, invitationID)
		if err != nil {
			return err
		}
		if item.Result != "" {
			if item.Result == in.Result && item.Detail == in.Detail {
				return nil
			}
			return core.Errorf(core.CodeConflict, "item %s was already reported as %s", invitationID, item.Result)
		}
		inv, err := tx.Invitation(ctx, userID, invitationID)
		if err != nil {
			return err
		}
		pending, err := tx.PendingJobItems(ctx, userID, jobID)
		if err != nil {
			return err
		}
		to, err := newTransitioner(s.engine).apply(ctx, inv.State, ev)
		if err != nil {
			return err
		}
		// Reads are done; from here on only writes (see Store).
		now := s.Now()
		if err := tx.SetInvitationStates(ctx, userID, []string{inv.ID}, inv.State, to, now); err != nil {
			return err
		}
		item.Result, item.Detail, item.ReportedAt = in.Result, in.Detail, &now
		if err := tx.ReportJobItem(ctx, userID, jobID, item); err != nil {
			return err
		}
		if pending != 1 {
			return nil
		}
		// The last item: a running or paused job is done; a cancelled one stays so.
		done, err := jobMove(j.Status, core.JobFinish)
		if core.ErrorCode(err) == core.CodeIllegalTransition {
			return nil
		}
		if err != nil {
			return err
		}
		return tx.SetJobStatus(ctx, userID, jobID, done, now)
	})
	if err != nil {
		return JobItem{}, err
	}
	return item, nil
}
