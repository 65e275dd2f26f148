package server

import (
	"context"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Store keeps the server's rows. Update runs fn in one read-write transaction
// and View in one read-only transaction; fn's error rolls everything back.
// Methods return *core.Error with CodeNotFound for a missing row (or one of
// another user) and CodeConflict for a violated uniqueness.
//
// Writes are blind: they report no row counts, and a use case does its reads
// first and its writes last (on D1 a transaction's writes are sent as one
// batch at commit, so nothing can be read back before it). Updates are
// guarded (they change a row only if it still is what was read).
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
	Ping(ctx context.Context) error
}

// Tx is the work one transaction can do. Every method on user data takes the
// owner's user ID and never touches another user's rows.
type Tx interface {
	CreateUser(ctx context.Context, u User) error
	UserByName(ctx context.Context, name string) (User, error)
	UserByID(ctx context.Context, id string) (User, error)

	CreateToken(ctx context.Context, t Token) error
	TokenByID(ctx context.Context, id string) (Token, error)
	ListTokens(ctx context.Context, userID string) ([]Token, error)
	RevokeToken(ctx context.Context, userID, tokenID string, at time.Time) error

	// Policy returns the stored policy JSON, or nil when the user has none.
	Policy(ctx context.Context, userID string) ([]byte, error)
	SetPolicy(ctx context.Context, userID string, policy []byte, at time.Time) error

	// Usage returns the user's stored bytes and the batches recorded since a time.
	Usage(ctx context.Context, userID string, since time.Time) (Usage, error)
	// AddStoredBytes adds n to the user's stored bytes.
	AddStoredBytes(ctx context.Context, userID string, n int64) error

	InsertBatch(ctx context.Context, userID string, b Batch) error
	BatchByClientID(ctx context.Context, userID, clientBatchID string) (Batch, error)
	// Batch returns one batch with its request and decision.
	Batch(ctx context.Context, userID, id string) (Batch, error)
	// ListBatches returns batches newest first, without request and decision
	// unless f.Full.
	ListBatches(ctx context.Context, userID string, f BatchFilter) ([]Batch, error)

	InsertInvitations(ctx context.Context, userID string, invs []Invitation) error
	// ListInvitations returns invitations newest first (sent_at, then id).
	ListInvitations(ctx context.Context, userID string, f InvitationFilter) ([]Invitation, error)
	Invitation(ctx context.Context, userID, id string) (Invitation, error)
	// SetInvitationStates moves invitations from one state to another, each
	// only if it is still in from (one statement, whatever the count).
	SetInvitationStates(ctx context.Context, userID string, ids []string, from, to core.State, at time.Time) error

	// UpsertBursts stores bursts by ID: a new one is inserted, a known one
	// updated (its FirstSeenAt kept).
	UpsertBursts(ctx context.Context, userID string, bursts []Burst) error
	Burst(ctx context.Context, userID, id string) (Burst, error)
	// ListBursts returns bursts newest first (to, then id).
	ListBursts(ctx context.Context, userID string, f BurstFilter) ([]Burst, error)

	InsertJob(ctx context.Context, userID string, j Job) error
	Job(ctx context.Context, userID, id string) (Job, error)
	ListJobs(ctx context.Context, userID string, f JobFilter) ([]Job, error)
	SetJobStatus(ctx context.Context, userID, id string, status JobStatus, at time.Time) error
	JobItems(ctx context.Context, userID, jobID string) ([]JobItem, error)
	JobItem(ctx context.Context, userID, jobID, invitationID string) (JobItem, error)
	// ReportJobItem stores an item's result if it has none yet.
	ReportJobItem(ctx context.Context, userID, jobID string, item JobItem) error
	// PendingJobItems counts a job's items not reported yet.
	PendingJobItems(ctx context.Context, userID, jobID string) (int, error)
	// CountReported counts items reported with result r since a time.
	CountReported(ctx context.Context, userID string, r ItemResult, since time.Time) (int, error)
}

// Cursor is a position in a list ordered by time, then ID, both descending.
type Cursor struct {
	At time.Time
	ID string
}

// BatchFilter selects batches.
type BatchFilter struct {
	Network core.Network
	Verdict core.Verdict
	From    *time.Time // sent at or after
	To      *time.Time // sent before
	After   *Cursor
	Limit   int // 0: all
	Full    bool
}

// InvitationFilter selects invitations.
type InvitationFilter struct {
	States  []core.State
	Network core.Network
	BatchID string
	Keys    []string   // nil: any; empty: none
	IDs     []string   // nil: any; empty: none
	From    *time.Time // sent at or after
	To      *time.Time // sent before
	After   *Cursor
	Limit   int // 0: all
}

// BurstFilter selects bursts.
type BurstFilter struct {
	Network core.Network
	After   *Cursor
	Limit   int // 0: all
}

// JobFilter selects jobs.
type JobFilter struct {
	Status JobStatus
	After  *Cursor
	Limit  int // 0: all
}
