package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/ncruces/go-sqlite3/driver"
	_ "modernc.org/sqlite"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// drivers are the two pure-Go SQLite drivers measured against each other.
var drivers = []string{"sqlite", "sqlite3"} // modernc.org/sqlite, ncruces/go-sqlite3

// recordInput makes a recorded batch of n sent recipients.
func recordInput(id string, n int) server.RecordBatch {
	member := true
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	in := server.RecordBatch{
		ClientBatchID: id, EngineID: strings.Repeat("ab", 32),
		Request:  core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: now},
		Decision: core.Decision{Verdict: core.Confirm, Friction: core.FrictionType, Count: n},
		Sent:     make([]int, n),
	}
	for i := range n {
		in.Request.Recipients = append(in.Request.Recipients, core.Recipient{
			Key: fmt.Sprintf("https://www.linkedin.com/in/%s-%05d/", id, i), Name: fmt.Sprintf("Person %d", i), Member: &member, Selected: true,
		})
		in.Sent[i] = i
	}
	return in
}

// BenchmarkIngest records batches through the domain into a real SQLite file
// and reports invitations stored per second, per driver, batch size and
// synchronous level.
func BenchmarkIngest(b *testing.B) {
	for _, driver := range drivers {
		for _, sync := range []string{"FULL", "NORMAL"} {
			for _, size := range []int{100, 1000} {
				b.Run(fmt.Sprintf("driver=%s/sync=%s/batch=%d", driver, sync, size), func(b *testing.B) {
					ctx := context.Background()
					f, err := sqlite.OpenFile(ctx, filepath.Join(b.TempDir(), "ig.db"), sqlite.FileOptions{Driver: driver, Synchronous: sync})
					if err != nil {
						b.Fatal(err)
					}
					defer f.Close()
					svc := server.New(f.Store, native.New(strings.Repeat("ab", 32)))
					_, tok, err := svc.CreateToken(ctx, "bench", "", 0)
					if err != nil {
						b.Fatal(err)
					}
					inputs := make([]server.RecordBatch, b.N)
					for i := range inputs {
						inputs[i] = recordInput(fmt.Sprintf("b%d", i), size)
					}
					cpu0 := cpuTime()
					b.ResetTimer()
					for i := range b.N {
						if _, _, err := svc.RecordBatch(ctx, tok.UserID, inputs[i]); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "invitations/s")
					// On a shared machine the wall clock also counts other processes'
					// time; CPU seconds of this process do not.
					b.ReportMetric(float64(b.N*size)/(cpuTime()-cpu0).Seconds(), "invitations/cpu-s")
				})
			}
		}
	}
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
