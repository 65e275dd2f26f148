package server

import (
	"context"
	"fmt"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Quota is what one user may store: MaxBytes in all (about: see Usage) and
// BatchesPerDay recorded batches per UTC day. Zero fields are no limit.
type Quota struct {
	MaxBytes      int64
	BatchesPerDay int
}

// DefaultQuota is the quota of a user unless the operator sets another: far
// above what a person sends (LinkedIn lets one send about a hundred
// invitations a week), far below what fills a disk.
var DefaultQuota = Quota{MaxBytes: 1 << 30, BatchesPerDay: 500}

// Usage is what a user stores: Bytes (a batch's request, decision and sent
// list; per invitation its key, name and note plus 64) and the Batches
// recorded since a time.
type Usage struct {
	Bytes   int64
	Batches int
}

// WithQuota sets the per-user quota (the default is DefaultQuota).
func WithQuota(q Quota) Option { return func(s *Service) { s.quota = q } }

// QuotaError is a quota error with the time after which a retry can work
// (the HTTP layer sends it as Retry-After).
type QuotaError struct {
	Err  *core.Error
	Wait time.Duration
}

func (e *QuotaError) Error() string { return e.Err.Error() }

// Unwrap gives the *core.Error (its code is core.CodeQuota).
func (e *QuotaError) Unwrap() error { return e.Err }

// RetryAfter is how long to wait before the quota can allow the request.
func (e *QuotaError) RetryAfter() time.Duration { return e.Wait }

// invitationBytes is what a list of invitations adds to the stored bytes.
func invitationBytes(invs []Invitation) int64 {
	var n int64
	for _, inv := range invs {
		n += int64(len(inv.Key) + len(inv.Name) + len(inv.Note) + 64)
	}
	return n
}

// checkQuota refuses a write of adding bytes (and batches new batches) that
// would take the user over the quota, and else counts the bytes as stored.
func (s *Service) checkQuota(ctx context.Context, tx Tx, userID string, adding int64, batches int) error {
	now := s.Now()
	day := now.Truncate(24 * time.Hour)
	u, err := tx.Usage(ctx, userID, day)
	if err != nil {
		return err
	}
	if q := s.quota.BatchesPerDay; q > 0 && batches > 0 && u.Batches+batches > q {
		return &QuotaError{Wait: day.Add(24 * time.Hour).Sub(now), Err: core.Errorf(core.CodeQuota,
			"quota: %d batches were recorded today (UTC), the most a day is %d; the next can be recorded after midnight UTC", u.Batches, q)}
	}
	if q := s.quota.MaxBytes; q > 0 && u.Bytes+adding > q {
		return &QuotaError{Wait: time.Hour, Err: core.Errorf(core.CodeQuota,
			"quota: this would store %s, the most per user is %s (%s stored now); ask the server's operator to raise --quota-mb", mib(u.Bytes+adding), mib(q), mib(u.Bytes))}
	}
	return tx.AddStoredBytes(ctx, userID, adding)
}

// mib formats a byte count in MiB with one decimal.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
