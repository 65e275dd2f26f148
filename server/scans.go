package server

import (
	"context"
	"slices"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Scan is a scan of the Sent list that the extension uploads.
type Scan struct {
	Network   core.Network    `json:"network"`
	Cards     []core.SentCard `json:"cards"`
	Complete  bool            `json:"complete"`
	TotalText string          `json:"totalText,omitempty"`
	// ScannedAt is when the extension read the list: the cards' ages ("Sent
	// today") count from then, not from the upload, which the outbox may send
	// hours or days later. Absent: the server's clock.
	ScannedAt *time.Time `json:"scannedAt,omitempty"`
}

// Bounds of a scan's time against the server's clock: a little ahead (the
// browser's clock may run fast), up to a year back (an outbox kept that long).
const (
	scanClockSkew = 5 * time.Minute
	scanMaxAge    = 366 * 24 * time.Hour
)

// scanTime is the time a scan's ages count from: ScannedAt when given and
// within the bounds, else now.
func (in Scan) scanTime(now time.Time) (time.Time, error) {
	if in.ScannedAt == nil {
		return now, nil
	}
	at := in.ScannedAt.UTC()
	if at.After(now.Add(scanClockSkew)) {
		return time.Time{}, core.Errorf(core.CodeInvalid, "scannedAt %s is after the server's time %s (more than %s ahead)", at.Format(time.RFC3339), now.UTC().Format(time.RFC3339), scanClockSkew)
	}
	if at.Before(now.Add(-scanMaxAge)) {
		return time.Time{}, core.Errorf(core.CodeInvalid, "scannedAt %s is more than a year before the server's time", at.Format(time.RFC3339))
	}
	return at, nil
}

// ScanResult is the core's reconciliation, what the server applied, and the
// bursts of invitations from outside Invite Guard in the history the scan
// left (core.DetectBursts; each is stored, so GET /v1/bursts lists it).
type ScanResult struct {
	core.ReconcileResult
	Applied Applied      `json:"applied"`
	Bursts  []core.Burst `json:"bursts"`
}

// Applied counts the rows a reconciliation wrote.
type Applied struct {
	Imported int `json:"imported"`
	Changed  int `json:"changed"`
}

// MaxScanCards bounds one uploaded scan.
const MaxScanCards = 20000

// Reconcile runs a scan against the user's history through the core and, in
// the same transaction, imports the unknown invitations, applies the state
// changes and stores the bursts the core finds in the history that results
// (with the user's policy).
func (s *Service) Reconcile(ctx context.Context, userID string, in Scan) (ScanResult, error) {
	if in.Network != core.LinkedIn && in.Network != core.Xing {
		return ScanResult{}, core.Errorf(core.CodeInvalid, "network must be linkedin or xing, got %q", truncate(string(in.Network), 40))
	}
	if len(in.Cards) > MaxScanCards {
		return ScanResult{}, core.Errorf(core.CodeTooLarge, "cards has %d entries, at most %d are allowed in one scan", len(in.Cards), MaxScanCards)
	}
	now := s.Now()
	at, err := in.scanTime(now)
	if err != nil {
		return ScanResult{}, err
	}
	var out ScanResult
	err = s.store.Update(ctx, func(tx Tx) error {
		known, err := tx.ListInvitations(ctx, userID, InvitationFilter{Network: in.Network})
		if err != nil {
			return err
		}
		req := core.ReconcileRequest{
			Network: in.Network, Cards: in.Cards, Complete: in.Complete, TotalText: in.TotalText,
			Known: make([]core.Invitation, len(known)), Now: at,
		}
		for i := range known {
			req.Known[i] = known[i].Invitation
		}
		policy, err := s.userPolicy(ctx, tx, userID)
		if err != nil {
			return err
		}
		if err := call(ctx, s.engine, OpReconcile, req, &out.ReconcileResult); err != nil {
			return err
		}
		imported := make([]Invitation, len(out.Imported))
		for i, inv := range out.Imported {
			inv.ID = newID("inv_")
			inv.BatchID = ""
			inv.Network = in.Network
			if inv.Source == "" {
				inv.Source = "scan"
			}
			if inv.State == "" {
				inv.State = core.StateSent
			}
			out.Imported[i] = inv
			imported[i] = Invitation{Invitation: inv, UpdatedAt: now}
		}
		if err := s.checkQuota(ctx, tx, userID, invitationBytes(imported), 0); err != nil {
			return err
		}
		var mv stateMoves
		after := make(map[string]core.State, len(out.Changed))
		for _, ch := range out.Changed {
			mv.add(ch.ID, ch.From, ch.To)
			after[ch.ID] = ch.To
		}
		history := slices.Concat(req.Known, out.Imported)
		for i := range req.Known {
			if to, ok := after[history[i].ID]; ok {
				history[i].State = to
			}
		}
		if out.Bursts, err = s.detectBursts(ctx, in.Network, history, policy, at); err != nil {
			return err
		}
		// Reads are done; from here on only writes (see Store).
		if err := tx.InsertInvitations(ctx, userID, imported); err != nil {
			return err
		}
		if err := mv.write(ctx, tx, userID, now); err != nil {
			return err
		}
		if err := tx.UpsertBursts(ctx, userID, storedBursts(out.Bursts, now)); err != nil {
			return err
		}
		out.Applied = Applied{Imported: len(imported), Changed: len(out.Changed)}
		return nil
	})
	if err != nil {
		return ScanResult{}, err
	}
	return out, nil
}
