package server

import (
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// User owns every other row: batches, invitations, jobs, policy, tokens.
type User struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"createdAt"`
}

// Token is an API credential of a user. Only the SHA-256 of its secret is stored.
type Token struct {
	ID        string     `json:"id"`
	UserID    string     `json:"-"`
	Label     string     `json:"label,omitempty"`
	Hash      string     `json:"-"` // lowercase hex SHA-256 of the secret
	CreatedAt time.Time  `json:"createdAt"`
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
}

// Batch is one recorded bulk invitation: the request the extension decided
// on, the decision it got, the engine that made it and what was really sent.
type Batch struct {
	ID            string        `json:"id"`
	ClientBatchID string        `json:"clientBatchId"`
	EngineID      string        `json:"engineId"`
	Network       core.Network  `json:"network"`
	Surface       core.Surface  `json:"surface"`
	Target        string        `json:"target,omitempty"`
	Verdict       core.Verdict  `json:"verdict"`
	Friction      core.Friction `json:"friction"`
	Recipients    int           `json:"recipients"`
	Count         int           `json:"count"`
	SentCount     int           `json:"sentCount"`
	Sent          []int         `json:"sent"`
	DecidedAt     time.Time     `json:"decidedAt"`
	SentAt        time.Time     `json:"sentAt"`
	RecordedAt    time.Time     `json:"recordedAt"`
	// Request and Decision are the canonical JSON as recorded; lists leave them out.
	Request  json.RawMessage `json:"request,omitempty"`
	Decision json.RawMessage `json:"decision,omitempty"`
	// BodyHash is the SHA-256 of the canonical record body, for idempotency.
	BodyHash string `json:"-"`
}

// Invitation is one invitation in a user's history.
type Invitation struct {
	core.Invitation
	UpdatedAt time.Time `json:"updatedAt"`
}

// JobStatus is where a withdrawal job is: the core's job states
// (core/joblifecycle.go), of which the server keeps running, paused, done
// and cancelled.
type JobStatus = core.JobState

// The job statuses the server keeps.
const (
	JobRunning   = core.JobRunning
	JobPaused    = core.JobPaused
	JobCancelled = core.JobCancelled
	JobDone      = core.JobDone
)

// ItemResult is what the extension reported for one planned withdrawal (the
// core's withdrawal results; "" is not reported yet).
type ItemResult = core.WithdrawResult

// The item results.
const (
	ResultWithdrawn = core.WithdrawnResult
	ResultNotFound  = core.NotFoundResult
	ResultFailed    = core.FailedResult
)

// Job is a bulk withdrawal, planned by the core and executed by the extension.
type Job struct {
	ID              string         `json:"id"`
	Status          JobStatus      `json:"status"`
	Selector        core.Selector  `json:"selector"`
	Seed            uint64         `json:"seed"`
	Days            int            `json:"days"`
	DurationSeconds int            `json:"durationSeconds"`
	FinishAt        *time.Time     `json:"finishAt,omitempty"`
	Skipped         []core.Skipped `json:"skipped"`
	Counts          JobCounts      `json:"counts"`
	CreatedAt       time.Time      `json:"createdAt"`
	UpdatedAt       time.Time      `json:"updatedAt"`
	Items           []JobItem      `json:"items,omitempty"`
}

// JobCounts sums a job's items by result.
type JobCounts struct {
	Planned   int `json:"planned"`
	Pending   int `json:"pending"`
	Withdrawn int `json:"withdrawn"`
	NotFound  int `json:"notFound"`
	Failed    int `json:"failed"`
}

// add counts one item.
func (c *JobCounts) add(r ItemResult) {
	c.Planned++
	switch r {
	case ResultWithdrawn:
		c.Withdrawn++
	case ResultNotFound:
		c.NotFound++
	case ResultFailed:
		c.Failed++
	default:
		c.Pending++
	}
}

// JobItem is one planned withdrawal of a job, identified by its invitation.
type JobItem struct {
	InvitationID string     `json:"invitationId"`
	Seq          int        `json:"seq"`
	Key          string     `json:"key"`
	Name         string     `json:"name,omitempty"`
	At           time.Time  `json:"at"`
	Day          int        `json:"day"`
	Result       ItemResult `json:"result,omitempty"`
	Detail       string     `json:"detail,omitempty"`
	ReportedAt   *time.Time `json:"reportedAt,omitempty"`
}

// Burst is a burst of invitations from outside Invite Guard that a scan
// found (core.DetectBursts), as stored: the core's answer at the last scan
// that showed it, and when it was first and last seen.
type Burst struct {
	core.Burst
	FirstSeenAt time.Time `json:"firstSeenAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Page is one page of a list and the opaque cursor of the next ("" at the end).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}
