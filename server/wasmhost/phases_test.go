package wasmhost

import (
	"context"
	"syscall"
	"testing"
	"time"

	json "github.com/goccy/go-json"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// BenchmarkPhases5000 splits decide on 5,000 recipients inside the guest
// (debug build, real clock) into decode, core and encode, and reports each
// as a metric: where the time under wazero goes.
func BenchmarkPhases5000(b *testing.B) {
	for _, gogc := range []string{"100", "200", "400", "off"} {
		b.Run("GOGC="+gogc, func(b *testing.B) { benchPhases(b, gogc) })
	}
}

func benchPhases(b *testing.B, gogc string) {
	in := decide5000(b)
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCompilationCache(benchCache(b)))
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	compiled, err := r.CompileModule(ctx, debugWasm)
	if err != nil {
		b.Fatal(err)
	}
	mod, err := r.InstantiateModule(ctx, compiled, wazero.NewModuleConfig().
		WithName("").WithStartFunctions("_initialize").WithSysNanotime().WithSysWalltime().WithEnv("GOGC", gogc))
	if err != nil {
		b.Fatal(err)
	}
	inst := &instance{mod: mod, alloc: mod.ExportedFunction("alloc"), free: mod.ExportedFunction("free"),
		stack: make([]uint64, 2), stderr: &limitBuffer{max: 4096},
		ops: map[string]api.Function{"debug_phases": mod.ExportedFunction("debug_phases")}}
	var sum struct{ Decode, Core, Encode time.Duration }
	cpu0 := cpuTime()
	for b.Loop() {
		out, err := inst.call(ctx, "debug_phases", in)
		if err != nil {
			b.Fatal(err)
		}
		var p struct {
			OK struct{ DecodeNs, CoreNs, EncodeNs int64 } `json:"ok"`
		}
		if err := json.Unmarshal(out, &p); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		sum.Decode += time.Duration(p.OK.DecodeNs)
		sum.Core += time.Duration(p.OK.CoreNs)
		sum.Encode += time.Duration(p.OK.EncodeNs)
	}
	n := float64(b.N)
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/n, "cpu-ms/op")
	b.ReportMetric(float64(sum.Decode.Milliseconds())/n, "decode-ms/op")
	b.ReportMetric(float64(sum.Core.Milliseconds())/n, "core-ms/op")
	b.ReportMetric(float64(sum.Encode.Milliseconds())/n, "encode-ms/op")
}

// benchCache is the default on-disk compilation cache, so benchmarks don't
// pay a cold compile on every run.
func benchCache(b *testing.B) wazero.CompilationCache {
	c, err := newCache(Options{}.withDefaults())
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// cpuTime is the CPU time the process used so far (user + system): on a
// shared machine it moves less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
