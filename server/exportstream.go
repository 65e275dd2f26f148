package server

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

// Export pages: what one read of a stream holds in memory at most (a batch
// carries its whole decision request, up to a few MB).
const (
	exportBatchPage = 50
	exportRowPage   = 1000
	exportJobPage   = 20
)

// StreamExport writes everything of a user to w as it reads it, page by page
// in one read transaction, so memory stays bounded whatever the user stores:
// format "json" (the Export document, byte for byte what encoding Export
// gives) or "csv" with one of CSVTables. An error before anything was written
// can still be answered; one after cuts the stream (the caller aborts it).
func (s *Service) StreamExport(ctx context.Context, userID string, w io.Writer, format, table string) error {
	if format == "csv" {
		if _, ok := csvHeaders[table]; !ok {
			return core.Errorf(core.CodeInvalid, "table must be one of %s, got %q", CSVTables, truncate(table, 40))
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	err := s.store.View(ctx, func(tx Tx) error {
		u, err := tx.UserByID(ctx, userID)
		if err != nil {
			return err
		}
		if format == "csv" {
			return s.streamCSV(ctx, tx, userID, bw, table)
		}
		return s.streamJSON(ctx, tx, u, bw)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// streamJSON writes the Export document of u.
func (s *Service) streamJSON(ctx context.Context, tx Tx, u User, w *bufio.Writer) error {
	policy, err := s.storedPolicy(ctx, tx, u.ID)
	if err != nil {
		return err
	}
	e := &jsonStream{w: w}
	e.raw(`{"exportedAt":`)
	e.value(s.Now())
	e.raw(`,"user":`)
	e.value(u)
	e.raw(`,"engine":`)
	e.value(s.engine.ID())
	e.raw(`,"policy":`)
	e.value(policy)
	e.raw(`,"batches":[`)
	var after *Cursor
	for e.err == nil {
		page, err := tx.ListBatches(ctx, u.ID, BatchFilter{Full: true, After: after, Limit: exportBatchPage})
		if err != nil {
			return err
		}
		for _, b := range page {
			e.item(b)
		}
		if len(page) < exportBatchPage {
			break
		}
		last := page[len(page)-1]
		after = &Cursor{At: last.SentAt, ID: last.ID}
	}
	e.raw(`],"invitations":[`)
	e.first, after = true, nil
	for e.err == nil {
		page, err := tx.ListInvitations(ctx, u.ID, InvitationFilter{After: after, Limit: exportRowPage})
		if err != nil {
			return err
		}
		for _, inv := range page {
			e.item(inv)
		}
		if len(page) < exportRowPage {
			break
		}
		last := page[len(page)-1]
		after = &Cursor{At: last.SentAt, ID: last.ID}
	}
	e.raw(`],"jobs":[`)
	e.first = true
	err = eachJob(ctx, tx, u.ID, func(j Job) error {
		e.item(j)
		return e.err
	})
	if err != nil {
		return err
	}
	e.raw(`],"bursts":[`)
	e.first, after = true, nil
	for e.err == nil {
		page, err := tx.ListBursts(ctx, u.ID, BurstFilter{After: after, Limit: exportRowPage})
		if err != nil {
			return err
		}
		for _, b := range page {
			e.item(b)
		}
		if len(page) < exportRowPage {
			break
		}
		last := page[len(page)-1]
		after = &Cursor{At: last.To, ID: last.ID}
	}
	e.raw("]}\n")
	return e.err
}

// eachJob calls fn with every job of the user, items loaded, a page at a time.
func eachJob(ctx context.Context, tx Tx, userID string, fn func(Job) error) error {
	var after *Cursor
	for {
		page, err := tx.ListJobs(ctx, userID, JobFilter{After: after, Limit: exportJobPage})
		if err != nil {
			return err
		}
		for _, j := range page {
			full, err := loadJob(ctx, tx, userID, j.ID)
			if err != nil {
				return err
			}
			if err := fn(full); err != nil {
				return err
			}
		}
		if len(page) < exportJobPage {
			return nil
		}
		last := page[len(page)-1]
		after = &Cursor{At: last.CreatedAt, ID: last.ID}
	}
}

// streamCSV writes one table as CSV, a page at a time.
func (s *Service) streamCSV(ctx context.Context, tx Tx, userID string, w *bufio.Writer, table string) error {
	cw := csv.NewWriter(w)
	if err := writeRows(cw, csvHeaders[table]); err != nil {
		return err
	}
	var after *Cursor
	switch table {
	case "invitations":
		for {
			page, err := tx.ListInvitations(ctx, userID, InvitationFilter{After: after, Limit: exportRowPage})
			if err != nil {
				return err
			}
			for _, inv := range page {
				if err := writeRows(cw, invitationRow(inv)); err != nil {
					return err
				}
			}
			if len(page) < exportRowPage {
				break
			}
			after = &Cursor{At: page[len(page)-1].SentAt, ID: page[len(page)-1].ID}
		}
	case "batches":
		for {
			page, err := tx.ListBatches(ctx, userID, BatchFilter{After: after, Limit: exportRowPage})
			if err != nil {
				return err
			}
			for _, b := range page {
				if err := writeRows(cw, batchRow(b)); err != nil {
					return err
				}
			}
			if len(page) < exportRowPage {
				break
			}
			after = &Cursor{At: page[len(page)-1].SentAt, ID: page[len(page)-1].ID}
		}
	case "jobs", "items":
		err := eachJob(ctx, tx, userID, func(j Job) error {
			if table == "jobs" {
				return writeRows(cw, jobRow(j))
			}
			return writeRows(cw, itemRows(j)...)
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonStream writes a JSON document piece by piece, keeping the first error.
type jsonStream struct {
	w     *bufio.Writer
	first bool
	err   error
}

func (e *jsonStream) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
	e.first = true
}

func (e *jsonStream) value(v any) {
	if e.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		e.err = core.Errorf(core.CodeInternal, "encode export: %v", err)
		return
	}
	_, e.err = e.w.Write(b)
}

// item writes v as the next element of the array being written.
func (e *jsonStream) item(v any) {
	if !e.first && e.err == nil {
		e.err = e.w.WriteByte(',')
	}
	e.first = false
	e.value(v)
}
