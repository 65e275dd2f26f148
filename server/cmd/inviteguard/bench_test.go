package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/sqlite"
	"github.com/inviteguard/inviteguard/server/wasmhost"
)

// verifyInput is a 1,000-recipient decision with history, decided by the native core.
func verifyInput(b *testing.B) server.VerifyInput {
	member := true
	req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	for i := range 1000 {
		m := &member
		if i%7 == 0 {
			m = nil
		}
		req.Recipients = append(req.Recipients, core.Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/p-%05d/", i), Name: fmt.Sprintf("Person %d", i), Member: m, Selected: i%10 != 0})
	}
	for i := range 200 {
		req.History = append(req.History, core.HistoryEntry{Key: fmt.Sprintf("https://www.linkedin.com/in/p-%05d/", i*3), Network: core.LinkedIn,
			Kind: core.EventInvited, At: req.Now.Add(-time.Duration(i) * time.Hour)})
	}
	dec, err := core.Decide(req)
	if err != nil {
		b.Fatal(err)
	}
	return server.VerifyInput{EngineID: strings.Repeat("0", 64), Request: req, Decision: dec}
}

// BenchmarkVerify1000 verifies a 1,000-recipient decision through the domain
// with core.wasm under the wazero pool and with the core linked natively,
// calls from GOMAXPROCS goroutines; it reports p50/p99 latency and verifies/s.
func BenchmarkVerify1000(b *testing.B) {
	in := verifyInput(b)
	wasm, err := os.ReadFile(coreWasm)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	pool, err := wasmhost.New(ctx, wasm, wasmhost.Options{CacheDir: cacheDir, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close(ctx)
	db, err := sqlite.OpenFile(ctx, filepath.Join(b.TempDir(), "ig.db"), sqlite.FileOptions{Driver: sqliteDriver})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, eng := range []server.Engine{pool, native.New(pool.ID())} {
		name := "engine=wazero"
		if _, ok := eng.(*native.Engine); ok {
			name = "engine=native"
		}
		b.Run(name, func(b *testing.B) {
			svc := server.New(db.Store, eng)
			var mu sync.Mutex
			var lat []time.Duration
			cpu0 := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					t := time.Now()
					v, err := svc.Verify(ctx, in)
					mine = append(mine, time.Since(t))
					if err != nil || v.Result != server.Match {
						b.Errorf("verify: %v %s", err, v.Result)
						return
					}
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			b.StopTimer()
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "verifies/s")
			// Other processes on a shared machine stretch the wall clock, not this process's CPU time.
			b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "verifies/cpu-s")
		})
	}
}

// BenchmarkStartup starts the real binary until /readyz answers: with a warm
// compilation cache (the goal: ≤ 500 ms) and with an empty one (the cold first start).
func BenchmarkStartup(b *testing.B) {
	for _, warm := range []bool{true, false} {
		name := "cache=cold"
		if warm {
			name = "cache=warm"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			db := filepath.Join(dir, "ig.db")
			cache := filepath.Join(dir, "cache")
			cli(b, db, "migrate")
			if warm { // fill the cache once
				p := startWith(b, db, cache)
				_ = p.stop(b)
			}
			b.ResetTimer()
			for i := range b.N {
				if !warm {
					b.StopTimer()
					cache = filepath.Join(dir, fmt.Sprintf("cold-%d", i))
					b.StartTimer()
				}
				p := startWith(b, db, cache)
				b.StopTimer()
				_ = p.stop(b)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/start")
		})
	}
}

// startWith starts the server with its own compilation cache directory.
func startWith(b *testing.B, db, cache string) *proc {
	return start(b, db, "--cache-dir", cache)
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
