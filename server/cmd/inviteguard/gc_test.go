package main

import (
	"log/slog"
	"os"
	"runtime/debug"
	"testing"
)

// TestTuneGC: the server's collector settings apply unless the environment
// names its own (GOGC, GOMEMLIMIT win).
func TestTuneGC(t *testing.T) {
	gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) })
	log := slog.New(slog.DiscardHandler)
	for name, env := range map[string]map[string]string{
		"defaults": {}, "GOGC set": {"GOGC": "150"}, "GOMEMLIMIT set": {"GOMEMLIMIT": "256MiB"},
	} {
		t.Run(name, func(t *testing.T) {
			for _, k := range []string{"GOGC", "GOMEMLIMIT"} {
				if v, ok := env[k]; ok {
					t.Setenv(k, v)
				} else if old, had := os.LookupEnv(k); had {
					t.Setenv(k, old) // restored after the subtest
					os.Unsetenv(k)
				}
			}
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(512 << 20)
			tuneGC(log)
			wantGC, wantLimit := int64(serverGCPercent), int64(serverMemoryLimit)
			if _, set := env["GOGC"]; set {
				wantGC = 100
			}
			if _, set := env["GOMEMLIMIT"]; set {
				wantLimit = 512 << 20
			}
			if got := debug.SetGCPercent(100); int64(got) != wantGC {
				t.Errorf("GC percent = %d, want %d", got, wantGC)
			}
			if got := debug.SetMemoryLimit(-1); got != wantLimit {
				t.Errorf("memory limit = %d, want %d", got, wantLimit)
			}
		})
	}
}
