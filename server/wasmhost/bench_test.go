package wasmhost

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// BenchmarkDecide5000 is decide on 5,000 recipients through one core.wasm
// engine process (the default mode: unchecked code in a child process),
// copies in and out included; compare with wasm/dispatch
// BenchmarkDecide5000 (native). The request is the compact one of ABI
// version 2; BenchmarkDecide5000V1 runs the same decision from the request
// of version 1.
func BenchmarkDecide5000(b *testing.B) { benchDecide5000(b, Options{Instances: 1}, compact5000) }

// BenchmarkDecide5000V1 is BenchmarkDecide5000 on the request of version 1.
func BenchmarkDecide5000V1(b *testing.B) { benchDecide5000(b, Options{Instances: 1}, v1of5000) }

// BenchmarkDecide5000Fast is the same in this process on code without
// deadline checks (Options.Fast).
func BenchmarkDecide5000Fast(b *testing.B) {
	benchDecide5000(b, Options{Instances: 1, Fast: true}, compact5000)
}

// BenchmarkDecide5000Checked is the same in this process on checked code
// (Options.InProcess).
func BenchmarkDecide5000Checked(b *testing.B) {
	benchDecide5000(b, Options{Instances: 1, InProcess: true}, compact5000)
}

// BenchmarkHostGCDuringCall reports how long the host's runtime.GC() takes
// while an endless guest call runs (stopped at a 3 s deadline), in the
// default mode and on checked code in this process (see TestHostGCDuringCall;
// on unchecked code in this process it waits for the call to end).
func BenchmarkHostGCDuringCall(b *testing.B) {
	for _, mode := range []struct {
		name string
		opts Options
	}{
		{"processes", Options{Instances: 1, CallTimeout: 3 * time.Second}},
		{"checked", Options{Instances: 1, CallTimeout: 3 * time.Second, InProcess: true}},
	} {
		b.Run("mode="+mode.name, func(b *testing.B) {
			mode.opts.Logger = slog.New(slog.DiscardHandler) // a killed call logs a line: not in the table
			e, err := New(context.Background(), debugWasm, mode.opts)
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close(context.Background())
			var total time.Duration
			for b.Loop() {
				pause, done := gcDuringSpin(b, e)
				total += pause
				<-done
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "gc-ms")
		})
	}
}

// The golden decide cases on 5,000 recipients with history.
const (
	compact5000 = "v2_bulk_5000_history"
	v1of5000    = "bulk_5000_history"
)

// decide5000 is the golden decide request on 5,000 recipients with history
// in the compact form.
func decide5000(b *testing.B) []byte { return decideCase(b, compact5000) }

// decideCase reads the request of a golden decide case.
func decideCase(b testing.TB, name string) []byte { return goldenRequest(b, "decide/"+name) }

// goldenRequest reads the request of a golden case ("<op>/<name>").
func goldenRequest(b testing.TB, name string) []byte {
	b.Helper()
	in, err := golden.Request(name)
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func benchDecide5000(b *testing.B, opts Options, name string) {
	benchCall(b, opts, "decide", decideCase(b, name))
}

// benchCall times op on in through one engine of opts, after warmCalls
// untimed calls, and reports the process's CPU time per call beside it.
func benchCall(b *testing.B, opts Options, op string, in []byte) {
	e, err := New(context.Background(), coreWasm, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(context.Background())
	ctx := context.Background()
	// A server's instances are long-lived: the figure is a warm instance's,
	// as the native benchmark's is a warm heap's. The first calls grow the
	// guest's memory to where its collector settles (GuestMemoryLimit);
	// BenchmarkDecide5000FirstCalls measures them.
	for range warmCalls {
		if _, err := e.Call(ctx, op, in); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(in)))
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := e.Call(ctx, op, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// warmCalls is how many calls warm an instance before a benchmark times it.
const warmCalls = 20

// BenchmarkDecide5000FirstCalls is the mean of the first warmCalls calls of
// a fresh instance (unchecked code in this process), instantiation
// excluded: what growing the guest's memory costs until its collector
// settles, paid again whenever an instance is replaced or recycled.
func BenchmarkDecide5000FirstCalls(b *testing.B) {
	in := decideCase(b, compact5000)
	e, err := New(context.Background(), coreWasm, Options{Instances: 1, Fast: true})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(context.Background())
	ctx := context.Background()
	var calls time.Duration
	cpu := time.Duration(0)
	for b.Loop() {
		b.StopTimer()
		inst, err := e.instantiate(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0, c0 := time.Now(), cpuTime()
		for range warmCalls {
			if _, err := inst.call(ctx, "decide", in); err != nil {
				b.Fatal(err)
			}
		}
		calls += time.Since(t0)
		cpu += cpuTime() - c0
		inst.close(ctx)
	}
	n := float64(b.N * warmCalls)
	b.ReportMetric(float64(calls.Microseconds())/1000/n, "ms/call")
	b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/call")
}

// BenchmarkCompileCold compiles core.wasm with an empty compilation cache.
func BenchmarkCompileCold(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig())
		if _, err := r.CompileModule(ctx, coreWasm); err != nil {
			b.Fatal(err)
		}
		r.Close(ctx)
	}
}

// BenchmarkCompileWarm compiles core.wasm from a warm on-disk compilation
// cache, as a restarted server does.
func BenchmarkCompileWarm(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	compile := func() {
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCompilationCache(cache))
		if _, err := r.CompileModule(ctx, coreWasm); err != nil {
			b.Fatal(err)
		}
		r.Close(ctx)
		cache.Close(ctx)
	}
	compile() // fills the cache
	b.ResetTimer()
	for b.Loop() {
		compile()
	}
}

// BenchmarkInstantiate starts one instance (with _initialize) of an
// already-compiled core.wasm, as the pool does when it replaces one.
func BenchmarkInstantiate(b *testing.B) {
	e, err := New(context.Background(), coreWasm, Options{Instances: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(context.Background())
	ctx := context.Background()
	for b.Loop() {
		inst, err := e.instantiate(ctx)
		if err != nil {
			b.Fatal(err)
		}
		inst.close(ctx)
	}
}

// BenchmarkDetectBursts is detect_bursts on the largest golden request
// through one core.wasm engine process (the default mode), copies included;
// compare with wasm/dispatch BenchmarkDetectBursts (native).
func BenchmarkDetectBursts(b *testing.B) {
	benchCall(b, Options{Instances: 1}, "detect_bursts", burstsCase(b))
}

// burstsCase reads the largest golden detect_bursts request.
func burstsCase(b testing.TB) []byte {
	return goldenRequest(b, "detect_bursts/usual_4_a_day_20_today_is_five_times")
}
