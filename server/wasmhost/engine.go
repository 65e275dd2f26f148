// Package wasmhost runs core.wasm under wazero: the server's decision engine.
//
// The module is compiled once (with wazero's compilation cache on disk) and
// instantiated N times. Each instance serves one call at a time, taken from
// and returned to a pool, because a Go guest used from two goroutines at once
// crashes the host process. A call has a deadline; an instance that traps,
// times out or returns nonsense is closed and replaced while the other
// instances keep serving; an instance whose memory grew past a bound is
// recycled. The package imports no other server adapter.
package wasmhost

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/inviteguard/inviteguard/core"
)

// Engine is a pool of core.wasm instances. It is safe for concurrent use.
type Engine struct {
	id       string
	opts     Options
	runtime  wazero.Runtime
	compiled wazero.CompiledModule
	ops      map[string]bool // the operation exports

	pool chan *slot     // idle slots; a slot taken from it is owned by one goroutine
	wg   sync.WaitGroup // background replacements

	mu     sync.RWMutex // guards closed against Close
	closed bool
	done   chan struct{} // closed by Close

	stats counters
}

// slot is a place in the pool; inst is nil when its instance was discarded
// and not replaced yet.
type slot struct {
	inst *instance
}

// New compiles wasm and starts opts.Instances instances of it.
func New(ctx context.Context, wasm []byte, opts Options) (*Engine, error) {
	opts = opts.withDefaults()
	sum := sha256.Sum256(wasm)
	e := &Engine{
		id:   hex.EncodeToString(sum[:]),
		opts: opts,
		ops:  map[string]bool{},
		pool: make(chan *slot, opts.Instances),
		done: make(chan struct{}),
	}
	cache, err := newCache(opts)
	if err != nil {
		return nil, err
	}
	cfg := wazero.NewRuntimeConfig().
		WithCompilationCache(cache).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(opts.MemoryLimitPages)
	e.runtime = wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, e.runtime); err != nil {
		e.runtime.Close(ctx)
		return nil, engineErr("instantiating WASI: %v", err)
	}
	if e.compiled, err = e.runtime.CompileModule(ctx, wasm); err != nil {
		e.runtime.Close(ctx)
		return nil, engineErr("compiling core.wasm: %v", err)
	}
	for name := range e.compiled.ExportedFunctions() {
		if !reserved[name] {
			e.ops[name] = true
		}
	}
	for _, need := range []string{"alloc", "free", "_initialize"} {
		if _, ok := e.compiled.ExportedFunctions()[need]; !ok {
			e.runtime.Close(ctx)
			return nil, engineErr("core.wasm does not export %s: not a core.wasm of ABI 1", need)
		}
	}
	for range opts.Instances {
		inst, err := e.instantiate(ctx)
		if err != nil {
			e.runtime.Close(ctx)
			return nil, err
		}
		e.pool <- &slot{inst: inst}
	}
	return e, nil
}

// reserved are the exports that are not operations.
var reserved = map[string]bool{"alloc": true, "free": true, "_initialize": true}

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

// Ops returns the names of the operations core.wasm exports.
func (e *Engine) Ops() []string {
	var ops []string
	for name := range e.ops {
		ops = append(ops, name)
	}
	return sortStrings(ops)
}

// Call runs operation op on the JSON request in and returns the response
// envelope core.wasm wrote ({"ok":…} or {"error":…}), a copy the caller owns.
// A failure of the host — the pool closed, the context done before an
// instance was free, a trap or a timeout — is a *core.Error with code engine
// (an unknown operation: code unsupported).
func (e *Engine) Call(ctx context.Context, op string, in []byte) ([]byte, error) {
	if !e.ops[op] {
		return nil, core.Errorf(core.CodeUnsupported, "core.wasm has no operation %q", op)
	}
	if uint64(len(in)) > uint64(e.opts.MemoryLimitPages)*65536/2 {
		return nil, core.Errorf(core.CodeTooLarge, "%s: request of %d bytes is too large for the engine", op, len(in))
	}
	s, err := e.acquire(ctx, op)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, e.opts.CallTimeout)
	defer cancel()
	out, err := s.inst.call(ctx, op, in)
	if err != nil {
		guest := s.inst.stderr.suffix()
		e.discard(s, op, fmt.Errorf("%w%s", err, guest))
		return nil, callErr(ctx, op, err, guest, e.opts.CallTimeout)
	}
	e.stats.calls.Add(1)
	if size := s.inst.mod.Memory().Size(); size > e.opts.RecycleAboveBytes {
		e.stats.recycled.Add(1)
		e.opts.Logger.Info("wasmhost: recycling an instance", "op", op, "memoryBytes", size, "bound", e.opts.RecycleAboveBytes)
		e.replace(s)
		return out, nil
	}
	e.pool <- s
	return out, nil
}

// acquire takes an idle slot, instantiating its module if it has none.
func (e *Engine) acquire(ctx context.Context, op string) (*slot, error) {
	e.mu.RLock()
	closed := e.closed
	e.mu.RUnlock()
	if closed {
		return nil, engineErr("%s: the engine is closed", op)
	}
	var s *slot
	select {
	case s = <-e.pool:
	case <-e.done:
		return nil, engineErr("%s: the engine is closed", op)
	case <-ctx.Done():
		return nil, engineErr("%s: no engine instance became free: %v", op, ctx.Err())
	}
	if s.inst == nil {
		inst, err := e.instantiate(ctx)
		if err != nil {
			e.pool <- s
			return nil, err
		}
		s.inst = inst
	}
	return s, nil
}

// discard closes the instance of a slot whose call failed and replaces it.
func (e *Engine) discard(s *slot, op string, cause error) {
	e.stats.failed.Add(1)
	e.opts.Logger.Warn("wasmhost: replacing an instance after a failed call", "op", op, "err", cause)
	e.replace(s)
}

// replace closes the slot's instance and starts a fresh one in the
// background; the slot returns to the pool when that is done (empty if it
// failed, to be retried by the next acquire).
func (e *Engine) replace(s *slot) {
	old := s.inst
	s.inst = nil
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		ctx := context.Background()
		old.close(ctx)
		inst, err := e.instantiate(ctx)
		if err != nil {
			e.opts.Logger.Error("wasmhost: instantiating a replacement failed; retrying on next use", "err", err)
		} else {
			s.inst = inst
			e.stats.replaced.Add(1)
		}
		e.pool <- s
	}()
}

// Close waits for the calls in flight and closes every instance and the runtime.
func (e *Engine) Close(ctx context.Context) error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	e.mu.Unlock()
	for range e.opts.Instances {
		select {
		case s := <-e.pool:
			if s.inst != nil {
				s.inst.close(ctx)
			}
		case <-ctx.Done():
			close(e.done)
			e.runtime.Close(context.Background())
			return engineErr("closing the engine: %v", ctx.Err())
		}
	}
	close(e.done)
	e.wg.Wait()
	return e.runtime.Close(ctx)
}

// engineErr is a host-side failure.
func engineErr(format string, args ...any) *core.Error {
	return core.Errorf(core.CodeEngine, format, args...)
}

// callErr describes a failed call: timeout, cancellation or trap, with the
// first line of the wazero error (the wasm stack trace goes to the log only)
// and what the guest printed.
func callErr(ctx context.Context, op string, err error, guest string, timeout time.Duration) *core.Error {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return engineErr("%s: the engine did not answer in time (deadline %s)", op, timeout)
	case errors.Is(ctx.Err(), context.Canceled):
		return engineErr("%s: the call was cancelled", op)
	}
	msg, _, _ := strings.Cut(core.ErrorMessage(err), "\n")
	return engineErr("%s: the engine failed: %s%s", op, msg, guest)
}

// counters are the engine's statistics.
type counters struct {
	calls, failed, replaced, recycled atomic.Int64
}

// Stats are counts since New.
type Stats struct {
	Calls    int64 // calls that returned a response
	Failed   int64 // calls that trapped, timed out or returned nonsense
	Replaced int64 // instances started to replace failed or recycled ones
	Recycled int64 // instances retired because their memory grew past the bound
}

// Stats returns the counts since New.
func (e *Engine) Stats() Stats {
	return Stats{
		Calls:    e.stats.calls.Load(),
		Failed:   e.stats.failed.Load(),
		Replaced: e.stats.replaced.Load(),
		Recycled: e.stats.recycled.Load(),
	}
}

// String describes the engine for logs.
func (e *Engine) String() string {
	return fmt.Sprintf("core.wasm %s (%d instances)", e.id[:12], e.opts.Instances)
}
