package wasmhost

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// BenchmarkDecide5000 is decide on 5,000 recipients through one core.wasm
// instance under wazero (the default, interruptible code), copies in and out
// included; compare with wasm/dispatch BenchmarkDecide5000 (native).
func BenchmarkDecide5000(b *testing.B) { benchDecide5000(b, Options{Instances: 1}) }

// BenchmarkDecide5000Fast is the same on code without deadline checks (Options.Fast).
func BenchmarkDecide5000Fast(b *testing.B) {
	benchDecide5000(b, Options{Instances: 1, Fast: true})
}

// decide5000 is the golden decide request on 5,000 recipients with history.
func decide5000(b *testing.B) []byte {
	b.Helper()
	dir, err := golden.Dir()
	if err != nil {
		b.Fatal(err)
	}
	in, err := os.ReadFile(filepath.Join(dir, "decide", "bulk_5000_history.in.json"))
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func benchDecide5000(b *testing.B, opts Options) {
	in := decide5000(b)
	e, err := New(context.Background(), coreWasm, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(context.Background())
	ctx := context.Background()
	b.SetBytes(int64(len(in)))
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := e.Call(ctx, "decide", in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
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
