// Package wasmhost runs core.wasm under wazero: the server's decision engine.
//
// The module is compiled once (with wazero's compilation cache on disk) and
// instantiated N times. Each instance serves one call at a time, taken from
// and returned to a pool, because a Go guest used from two goroutines at once
// crashes the host process. A call has a deadline; an instance that traps,
// times out or returns nonsense is closed and replaced while the other
// instances keep serving; an instance whose memory grew past a bound is
// recycled. The package imports no other server adapter.
//
// Deadlines: by default core.wasm is compiled with a check at every loop
// header (wazero's WithCloseOnContextDone), so a call is stopped at its
// deadline and the host's garbage collector can stop the world while a call
// runs. Options.Fast drops the checks (calls about 6× faster) at the price
// described there. See RATIONALE.md, "wasmhost: pool, deadlines, recycling".
package wasmhost

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// Engine is a pool of core.wasm instances. It is safe for concurrent use.
type Engine struct {
	id    string
	wasm  []byte
	opts  Options
	cache wazero.CompilationCache
	ops   map[string]bool // the operation exports

	fast          *flavor                // unchecked code; nil unless Options.Fast
	interruptible atomic.Pointer[flavor] // checked code, once the engine has switched to it
	switchOnce    sync.Once              // starts the switch
	pool          chan *slot             // idle slots; a slot taken from it is owned by one goroutine
	wg            sync.WaitGroup         // background replacements and the switch
	abandoned     atomic.Int64           // timed-out calls of fast code still running

	closed atomic.Bool   // set by Close; acquire refuses from then on
	done   chan struct{} // closed by Close

	stats counters
}

// flavor is core.wasm compiled one way, in its own runtime.
type flavor struct {
	runtime       wazero.Runtime
	compiled      wazero.CompiledModule
	interruptible bool
}

// slot is a place in the pool; inst is nil when its instance was discarded
// and not replaced yet.
type slot struct {
	inst *instance
	proc *proc // instead of inst, in the default mode (child processes)
}

// New compiles wasm and starts opts.Instances instances of it.
func New(ctx context.Context, wasm []byte, opts Options) (*Engine, error) {
	opts = opts.withDefaults()
	sum := sha256.Sum256(wasm)
	e := &Engine{
		id:   hex.EncodeToString(sum[:]),
		wasm: wasm,
		opts: opts,
		ops:  map[string]bool{},
		pool: make(chan *slot, opts.Instances),
		done: make(chan struct{}),
	}
	if !opts.InProcess {
		return e.startProcs(ctx)
	}
	var err error
	if e.cache, err = newCache(opts); err != nil {
		return nil, err
	}
	first, err := e.compile(ctx, !opts.Fast)
	if err != nil {
		return nil, err
	}
	if opts.Fast {
		e.fast = first
	} else {
		e.interruptible.Store(first)
	}
	exports := first.compiled.ExportedFunctions()
	for _, need := range []string{"alloc", "free", "_initialize"} {
		if _, ok := exports[need]; !ok {
			first.runtime.Close(ctx)
			return nil, engineErr("core.wasm does not export %s: not a core.wasm of ABI 1", need)
		}
	}
	for name := range exports {
		if !reserved[name] {
			e.ops[name] = true
		}
	}
	for range opts.Instances {
		inst, err := e.instantiate(ctx)
		if err != nil {
			first.runtime.Close(ctx)
			return nil, err
		}
		e.pool <- &slot{inst: inst}
	}
	return e, nil
}

// startProcs starts the engine's child processes (the default mode).
func (e *Engine) startProcs(ctx context.Context) (*Engine, error) {
	if os.Getenv(childEnv) == "1" {
		return nil, engineErr("an engine process cannot start engine processes (use Options.InProcess)")
	}
	slots, ops, err := e.startChildren(ctx, e.opts.Instances)
	if err != nil {
		return nil, err
	}
	for _, op := range ops {
		e.ops[op] = true
	}
	for _, s := range slots {
		e.pool <- s
	}
	return e, nil
}

// reserved are the exports that are not operations.
var reserved = map[string]bool{"alloc": true, "free": true, "_initialize": true}

// compile makes a runtime with WASI and compiles core.wasm in it.
func (e *Engine) compile(ctx context.Context, interruptible bool) (*flavor, error) {
	cfg := wazero.NewRuntimeConfig().
		WithCompilationCache(e.cache).
		WithCloseOnContextDone(interruptible).
		WithMemoryLimitPages(e.opts.MemoryLimitPages)
	r := wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		r.Close(ctx)
		return nil, engineErr("instantiating WASI: %v", err)
	}
	compiled, err := r.CompileModule(ctx, e.wasm)
	if err != nil {
		r.Close(ctx)
		return nil, engineErr("compiling core.wasm: %v", err)
	}
	return &flavor{runtime: r, compiled: compiled, interruptible: interruptible}, nil
}

// current is the flavor new instances are made of.
func (e *Engine) current() *flavor {
	if f := e.interruptible.Load(); f != nil {
		return f
	}
	return e.fast
}

// newCache opens the compilation cache the options ask for.
func newCache(opts Options) (wazero.CompilationCache, error) {
	if opts.NoDiskCache || opts.CacheDir == "" {
		return wazero.NewCompilationCache(), nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(opts.CacheDir)
	if err != nil {
		return nil, engineErr("opening the compilation cache %s: %v", opts.CacheDir, err)
	}
	return cache, nil
}

// ID is the engine id: the lowercase hex sha256 of the core.wasm bytes.
func (e *Engine) ID() string { return e.id }

// Runtime is "wasm": core.wasm under wazero (verify reports it beside the ID).
func (e *Engine) Runtime() string { return "wasm" }

// Ops returns the names of the operations core.wasm exports, sorted.
func (e *Engine) Ops() []string {
	return slices.Sorted(maps.Keys(e.ops))
}

// Interruptible reports whether new calls are stopped at their deadline:
// always in child processes (the default) and on checked code, with
// Options.Fast only after the first timeout.
func (e *Engine) Interruptible() bool { return !e.opts.InProcess || e.interruptible.Load() != nil }

// String describes the engine for logs.
func (e *Engine) String() string {
	where := "processes"
	if e.opts.InProcess {
		where = "instances in this process"
	}
	return fmt.Sprintf("core.wasm %s (%d %s)", e.id[:12], e.opts.Instances, where)
}
