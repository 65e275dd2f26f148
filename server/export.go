package server

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Export is everything the server keeps for one user.
type Export struct {
	ExportedAt  time.Time    `json:"exportedAt"`
	User        User         `json:"user"`
	Engine      string       `json:"engine"`
	Policy      *core.Policy `json:"policy"` // nil: the user never set one (the default applies)
	Batches     []Batch      `json:"batches"`
	Invitations []Invitation `json:"invitations"`
	Jobs        []Job        `json:"jobs"`
	Bursts      []Burst      `json:"bursts"`
}

// Export reads all of a user's data in one read transaction.
func (s *Service) Export(ctx context.Context, userID string) (Export, error) {
	out := Export{ExportedAt: s.Now(), Engine: s.engine.ID()}
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		if out.User, err = tx.UserByID(ctx, userID); err != nil {
			return err
		}
		if out.Policy, err = s.storedPolicy(ctx, tx, userID); err != nil {
			return err
		}
		if out.Batches, err = tx.ListBatches(ctx, userID, BatchFilter{Full: true}); err != nil {
			return err
		}
		if out.Invitations, err = tx.ListInvitations(ctx, userID, InvitationFilter{}); err != nil {
			return err
		}
		if out.Bursts, err = tx.ListBursts(ctx, userID, BurstFilter{}); err != nil {
			return err
		}
		jobs, err := tx.ListJobs(ctx, userID, JobFilter{})
		if err != nil {
			return err
		}
		out.Jobs = make([]Job, len(jobs))
		for i, j := range jobs {
			if out.Jobs[i], err = loadJob(ctx, tx, userID, j.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Export{}, err
	}
	if out.Batches == nil {
		out.Batches = []Batch{}
	}
	if out.Invitations == nil {
		out.Invitations = []Invitation{}
	}
	return out, nil
}

// storedPolicy returns the user's policy as stored (nil: none, the default applies).
func (s *Service) storedPolicy(ctx context.Context, tx Tx, userID string) (*core.Policy, error) {
	stored, err := tx.Policy(ctx, userID)
	if err != nil || stored == nil {
		return nil, err
	}
	p, err := s.policyFrom(ctx, stored)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// ExportByName exports the data of the user with that name (the CLI).
func (s *Service) ExportByName(ctx context.Context, name string) (Export, error) {
	var u User
	err := s.store.View(ctx, func(tx Tx) (err error) {
		u, err = tx.UserByName(ctx, name)
		return err
	})
	if err != nil {
		return Export{}, err
	}
	return s.Export(ctx, u.ID)
}

// CSVTables names the tables WriteCSV can write.
var CSVTables = []string{"invitations", "batches", "jobs", "items"}

// csvHeaders are the header rows of the CSV tables.
var csvHeaders = map[string][]string{
	"invitations": {"id", "batch_id", "key", "name", "network", "surface", "member", "state", "sent_at", "sent_earliest", "source", "note", "updated_at"},
	"batches": {"id", "client_batch_id", "engine_id", "network", "surface", "target", "verdict", "friction",
		"recipients", "count", "sent_count", "decided_at", "sent_at", "recorded_at"},
	"jobs":  {"id", "status", "selector", "seed", "days", "planned", "pending", "withdrawn", "not_found", "failed", "created_at", "updated_at"},
	"items": {"job_id", "seq", "invitation_id", "key", "name", "at", "day", "result", "detail", "reported_at"},
}

func invitationRow(i Invitation) []string {
	return []string{i.ID, i.BatchID, i.Key, i.Name, string(i.Network), string(i.Surface), boolPtr(i.Member),
		string(i.State), ts(i.SentAt), tsPtr(i.SentEarliest), i.Source, i.Note, ts(i.UpdatedAt)}
}

func batchRow(b Batch) []string {
	return []string{b.ID, b.ClientBatchID, b.EngineID, string(b.Network), string(b.Surface), b.Target,
		string(b.Verdict), string(b.Friction), itoa(b.Recipients), itoa(b.Count), itoa(b.SentCount),
		ts(b.DecidedAt), ts(b.SentAt), ts(b.RecordedAt)}
}

func jobRow(j Job) []string {
	return []string{j.ID, string(j.Status), string(j.Selector.Kind), strconv.FormatUint(j.Seed, 10), itoa(j.Days),
		itoa(j.Counts.Planned), itoa(j.Counts.Pending), itoa(j.Counts.Withdrawn), itoa(j.Counts.NotFound), itoa(j.Counts.Failed),
		ts(j.CreatedAt), ts(j.UpdatedAt)}
}

func itemRows(j Job) [][]string {
	rows := make([][]string, 0, len(j.Items))
	for _, it := range j.Items {
		rows = append(rows, []string{j.ID, itoa(it.Seq), it.InvitationID, it.Key, it.Name, ts(it.At), itoa(it.Day),
			string(it.Result), it.Detail, tsPtr(it.ReportedAt)})
	}
	return rows
}

// writeRows writes rows as CSV, each cell defused (csvSafe).
func writeRows(cw *csv.Writer, rows ...[]string) error {
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, f := range r {
			safe[i] = csvSafe(f)
		}
		if err := cw.Write(safe); err != nil {
			return core.Errorf(core.CodeInternal, "write csv: %v", err)
		}
	}
	return nil
}

// WriteCSV writes one table of an export as CSV with a header row.
func (e Export) WriteCSV(w io.Writer, table string) error {
	head, ok := csvHeaders[table]
	if !ok {
		return core.Errorf(core.CodeInvalid, "table must be one of %s, got %q", strings.Join(CSVTables, ", "), truncate(table, 40))
	}
	cw := csv.NewWriter(w)
	rows := [][]string{head}
	switch table {
	case "invitations":
		for _, i := range e.Invitations {
			rows = append(rows, invitationRow(i))
		}
	case "batches":
		for _, b := range e.Batches {
			rows = append(rows, batchRow(b))
		}
	case "jobs":
		for _, j := range e.Jobs {
			rows = append(rows, jobRow(j))
		}
	case "items":
		for _, j := range e.Jobs {
			rows = append(rows, itemRows(j)...)
		}
	}
	if err := writeRows(cw, rows...); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses a cell a spreadsheet would run as a formula (names and
// notes come from web pages).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func tsPtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return ts(*t)
}

func boolPtr(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}
