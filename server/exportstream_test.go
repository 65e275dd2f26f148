package server_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// pagedStore records the largest list a read asked for (0: everything).
type pagedStore struct {
	server.Store
	unpaged []string
}

func (p *pagedStore) View(ctx context.Context, fn func(server.Tx) error) error {
	return p.Store.View(ctx, func(tx server.Tx) error { return fn(pagedTx{Tx: tx, s: p}) })
}

type pagedTx struct {
	server.Tx
	s *pagedStore
}

func (t pagedTx) ListBatches(ctx context.Context, userID string, f server.BatchFilter) ([]server.Batch, error) {
	if f.Limit == 0 {
		t.s.unpaged = append(t.s.unpaged, "batches")
	}
	return t.Tx.ListBatches(ctx, userID, f)
}

func (t pagedTx) ListInvitations(ctx context.Context, userID string, f server.InvitationFilter) ([]server.Invitation, error) {
	if f.Limit == 0 {
		t.s.unpaged = append(t.s.unpaged, "invitations")
	}
	return t.Tx.ListInvitations(ctx, userID, f)
}

func (t pagedTx) ListJobs(ctx context.Context, userID string, f server.JobFilter) ([]server.Job, error) {
	if f.Limit == 0 {
		t.s.unpaged = append(t.s.unpaged, "jobs")
	}
	return t.Tx.ListJobs(ctx, userID, f)
}

// TestStreamExport: the export is read a page at a time (never a whole list
// at once) and says exactly what the in-memory Export says, in JSON and CSV.
func TestStreamExport(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.OpenFile(ctx, filepath.Join(t.TempDir(), "ig.db"), sqlite.FileOptions{Driver: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store := &pagedStore{Store: db.Store}
	svc := server.New(store, native.New(strings.Repeat("ab", 32)), server.WithQuota(server.Quota{}))
	raw, _, err := svc.CreateToken(ctx, "zoë", "t", 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Authenticate(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	u := p.User
	member := true
	for b := range 130 { // more than one page of batches (50) and of invitations (1,000)
		req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		sent := []int{}
		for i := range 9 {
			req.Recipients = append(req.Recipients, core.Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/p-%d-%d/", b, i), Name: "=Dr. Ana O'Neil, MBA 🚀", Member: &member, Selected: true})
			sent = append(sent, i)
		}
		in := server.RecordBatch{ClientBatchID: fmt.Sprintf("c-%d", b), EngineID: svc.EngineID(), Request: req,
			Decision: core.Decision{Verdict: core.Confirm, Friction: core.FrictionClick, Count: 9}, Sent: sent, SentAt: req.Now.Add(time.Duration(b) * time.Minute)}
		if _, _, err := svc.RecordBatch(ctx, u.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	want, err := svc.Export(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	store.unpaged = nil
	var got bytes.Buffer
	if err := svc.StreamExport(ctx, u.ID, &got, "json", ""); err != nil {
		t.Fatal(err)
	}
	if len(store.unpaged) > 0 {
		t.Errorf("the export read whole lists at once: %v", store.unpaged)
	}
	var gotDoc server.Export
	if err := json.Unmarshal(got.Bytes(), &gotDoc); err != nil {
		t.Fatalf("the stream is not JSON: %v", err)
	}
	gotDoc.ExportedAt = want.ExportedAt
	a, _ := json.Marshal(gotDoc)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) || len(gotDoc.Invitations) != 1170 || len(gotDoc.Batches) != 130 {
		t.Errorf("the streamed export differs from Export (%d batches, %d invitations)", len(gotDoc.Batches), len(gotDoc.Invitations))
	}
	for _, table := range server.CSVTables {
		var mem, stream bytes.Buffer
		if err := want.WriteCSV(&mem, table); err != nil {
			t.Fatal(err)
		}
		if err := svc.StreamExport(ctx, u.ID, &stream, "csv", table); err != nil {
			t.Fatal(err)
		}
		if mem.String() != stream.String() {
			t.Errorf("CSV %s: the stream differs from WriteCSV", table)
		}
	}
	if len(store.unpaged) > 0 {
		t.Errorf("the CSV export read whole lists at once: %v", store.unpaged)
	}
}
