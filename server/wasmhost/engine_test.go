package wasmhost

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
	"github.com/inviteguard/inviteguard/wasm/golden"
)

// TestGoldenUnderWazero runs every golden case through core.wasm: the
// response must equal the native dispatch.Call byte for byte (and so the
// .out.json file, which wasm/dispatch checks natively).
func TestGoldenUnderWazero(t *testing.T) {
	e := sharedEngine(t, 2)
	cases, err := golden.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Op+"/"+c.Name, func(t *testing.T) {
			in, err := c.Request()
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.Call(context.Background(), c.Op, in)
			if err != nil {
				t.Fatal(err)
			}
			if want := dispatch.Call(c.Op, in); !bytes.Equal(got, want) {
				t.Errorf("core.wasm and native differ\nwasm:   %.600s\nnative: %.600s", got, want)
			}
		})
	}
}

func TestExportsMatchOps(t *testing.T) {
	e := sharedEngine(t, 2)
	if got, want := e.Ops(), dispatch.Ops(); !slices.Equal(got, want) {
		t.Errorf("core.wasm exports %v, dispatch has %v", got, want)
	}
}

func TestID(t *testing.T) {
	e := sharedEngine(t, 2)
	sum := sha256.Sum256(coreWasm)
	if got, want := e.ID(), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUnknownOpAndReservedExports(t *testing.T) {
	e := sharedEngine(t, 2)
	for _, op := range []string{"decid", "alloc", "free", "_initialize", "debug_trap", ""} {
		_, err := e.Call(context.Background(), op, []byte(`{}`))
		if got, want := core.ErrorCode(err), core.CodeUnsupported; got != want {
			t.Errorf("%q: got %v, want a %s error", op, err, want)
		}
	}
}

// TestTrapIsContained: a guest that aborts fails its call with an engine
// error naming the guest's message; the instance is replaced and the next
// calls are answered.
func TestTrapIsContained(t *testing.T) {
	e := newEngine(t, debugWasm, Options{Instances: 1})
	closeEngine(t, e)
	_, err := e.Call(context.Background(), "debug_trap", nil)
	if got, want := core.ErrorCode(err), core.CodeEngine; got != want {
		t.Fatalf("got %v, want an engine error", err)
	}
	if !strings.Contains(err.Error(), "debug_trap: a deliberate unrecovered panic") {
		t.Errorf("error does not carry the guest's message: %v", err)
	}
	for range 3 {
		assertVersion(t, e)
	}
	if s := e.Stats(); s.Failed != 1 || s.Replaced != 1 {
		t.Errorf("stats: got %+v, want 1 failed and 1 replaced", s)
	}
}

// TestHangIsStopped: a call that never returns is stopped at the deadline
// and its instance replaced.
func TestHangIsStopped(t *testing.T) {
	e := newEngine(t, debugWasm, Options{Instances: 1, CallTimeout: 200 * time.Millisecond})
	closeEngine(t, e)
	start := time.Now()
	_, err := e.Call(context.Background(), "debug_spin", nil)
	if got, want := core.ErrorCode(err), core.CodeEngine; got != want {
		t.Fatalf("got %v, want an engine error", err)
	}
	if !strings.Contains(err.Error(), "did not answer in time") {
		t.Errorf("error does not say it timed out: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the hanging call took %s to stop", d)
	}
	assertVersion(t, e)
}

// TestFastTimeoutSwitches: on fast code a call past its deadline is
// answered at the deadline, its instance abandoned until the call ends, and
// the engine moves to interruptible code, where a hang is stopped.
func TestFastTimeoutSwitches(t *testing.T) {
	e := newEngine(t, debugWasm, Options{Instances: 2, CallTimeout: 100 * time.Millisecond, Fast: true})
	closeEngine(t, e)
	if e.Interruptible() {
		t.Fatal("a fast engine starts interruptible")
	}
	// a finite spin (under a second) that outlasts the deadline; the caller is
	// answered at the deadline (unless the host's GC waits for the spin: see
	// TestHostGCDuringCall), so no wall-clock bound is asserted here.
	_, err := e.Call(context.Background(), "debug_spin", []byte("300000000"))
	if err == nil || !strings.Contains(err.Error(), "did not answer in time") {
		t.Fatalf("got %v, want a timeout", err)
	}
	waitFor(t, "the abandoned call to end", func() bool { return e.Stats().Abandoned == 0 })
	waitFor(t, "the switch to interruptible code", e.Interruptible)
	assertVersion(t, e)
	_, err = e.Call(context.Background(), "debug_spin", nil) // forever, stopped now
	if err == nil || !strings.Contains(err.Error(), "did not answer in time") {
		t.Fatalf("got %v, want a timeout", err)
	}
	assertVersion(t, e)
}

// waitFor polls cond for up to a minute (a cold compile on a busy machine).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestCallerGivesUp: when the caller's context ends first, the caller is
// answered at once; the call finishes in the background, its instance goes
// back to the pool, and the engine does not switch to interruptible code.
func TestCallerGivesUp(t *testing.T) {
	for _, fast := range []bool{false, true} {
		e := newEngine(t, debugWasm, Options{Instances: 1, Fast: fast})
		closeEngine(t, e)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, err := e.Call(ctx, "debug_spin", []byte("300000000"))
		cancel()
		if fast && err == nil {
			// a host GC during the unchecked spin held every goroutine until the
			// call ended (TestHostGCDuringCall); its answer came back first
			t.Log("fast: the call ended before the caller's deadline was seen")
		} else if err == nil || !strings.Contains(err.Error(), "the caller gave up") {
			t.Fatalf("fast=%v: got %v, want an engine error saying the caller gave up", fast, err)
		}
		assertVersion(t, e)
		if got, want := e.Interruptible(), !fast; got != want {
			t.Errorf("interruptible: got %v, want %v", got, want)
		}
		if s := e.Stats(); s.Abandoned != 0 {
			t.Errorf("stats: got %+v, want nothing abandoned", s)
		}
	}
}

// TestMemoryLimit: a guest that needs more memory than allowed traps and is
// replaced; TestRecycle: one that grew past the bound is retired after its call.
func TestMemoryLimit(t *testing.T) {
	e := newEngine(t, debugWasm, Options{Instances: 1, MemoryLimitPages: 1024}) // 64 MiB
	closeEngine(t, e)
	_, err := e.Call(context.Background(), "debug_grow", []byte("100"))
	if got, want := core.ErrorCode(err), core.CodeEngine; got != want {
		t.Fatalf("got %v, want an engine error", err)
	}
	if !strings.Contains(err.Error(), "out of memory") {
		t.Errorf("error does not say the guest ran out of memory: %v", err)
	}
	assertVersion(t, e)
}

func TestRecycle(t *testing.T) {
	e := newEngine(t, debugWasm, Options{Instances: 1, RecycleAboveBytes: 32 << 20})
	closeEngine(t, e)
	out, err := e.Call(context.Background(), "debug_grow", []byte("40"))
	if err != nil || !bytes.Contains(out, []byte(`"heldMiB":40`)) {
		t.Fatalf("got %s, %v", out, err)
	}
	// the fresh instance holds nothing: growing by 1 MiB reports 1
	out, err = e.Call(context.Background(), "debug_grow", []byte("1"))
	if err != nil || !bytes.Contains(out, []byte(`"heldMiB":1}`)) {
		t.Fatalf("after recycling: got %s, %v", out, err)
	}
	if s := e.Stats(); s.Recycled != 1 || s.Failed != 0 {
		t.Errorf("stats: got %+v, want 1 recycled, 0 failed", s)
	}
}

// TestBadPointerTrap drives the real core.wasm out of bounds through the ABI
// (an input pointer past its memory) and checks the engine survives it.
func TestBadPointerTrap(t *testing.T) {
	e := newEngine(t, coreWasm, Options{Instances: 1, InProcess: true})
	closeEngine(t, e)
	s, err := e.acquire(context.Background(), "decide")
	if err != nil {
		t.Fatal(err)
	}
	s.inst.stack[0], s.inst.stack[1] = 0xfffffff0, 64
	err = s.inst.ops["decide"].CallWithStack(context.Background(), s.inst.stack)
	if err == nil {
		t.Fatal("reading past memory did not trap")
	}
	e.discard(s, "decide", err)
	assertVersion(t, e)
}

// TestConcurrent: many goroutines over a small pool, every answer equal to
// the native one (run with -race).
func TestConcurrent(t *testing.T) {
	e := sharedEngine(t, 2)
	cases, err := golden.Cases()
	if err != nil {
		t.Fatal(err)
	}
	type job struct {
		op       string
		in, want []byte
	}
	var jobs []job
	for _, c := range cases {
		in, err := c.Request()
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{c.Op, in, dispatch.Call(c.Op, in)})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				j := jobs[(g*7+i)%len(jobs)]
				got, err := e.Call(context.Background(), j.op, j.in)
				if err == nil && !bytes.Equal(got, j.want) {
					err = fmt.Errorf("%s: got %.200s, want %.200s", j.op, got, j.want)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestWaitForInstance: a caller whose context ends while every instance is
// busy gets an engine error instead of waiting forever.
func TestWaitForInstance(t *testing.T) {
	e := newEngine(t, coreWasm, Options{Instances: 1, InProcess: true})
	closeEngine(t, e)
	s, err := e.acquire(context.Background(), "version")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = e.Call(ctx, "version", nil)
	if err == nil || !strings.Contains(err.Error(), "no engine instance became free") {
		t.Errorf("got %v, want an engine error about waiting", err)
	}
	e.pool <- s
	assertVersion(t, e)
}

func TestClose(t *testing.T) {
	e := newEngine(t, coreWasm, Options{Instances: 2})
	assertVersion(t, e)
	if err := e.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err := e.Call(context.Background(), "version", nil)
	if err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("after Close: got %v, want an engine error", err)
	}
	if err := e.Close(context.Background()); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestNotACoreWasm(t *testing.T) {
	_, err := New(context.Background(), []byte("\x00asm\x01\x00\x00\x00"), Options{})
	if got, want := core.ErrorCode(err), core.CodeEngine; got != want || !strings.Contains(err.Error(), "does not export") {
		t.Errorf("empty module: got %v, want an engine error", err)
	}
	_, err = New(context.Background(), []byte("not wasm"), Options{})
	if got, want := core.ErrorCode(err), core.CodeEngine; got != want {
		t.Errorf("garbage: got %v, want an engine error", err)
	}
}

// assertVersion checks that e answers the version operation.
func assertVersion(t *testing.T, e *Engine) {
	t.Helper()
	out, err := e.Call(context.Background(), "version", nil)
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	if want := dispatch.Call("version", nil); !bytes.Equal(out, want) {
		t.Fatalf("version: got %s, want %s", out, want)
	}
}

// TestHostGCDuringCall: the host's garbage collector completes while a
// 3-second guest call runs, in the default mode (unchecked code in a child
// process) and on checked code in this process — on unchecked code in this
// process (Options.Fast) it would wait for the call to end, which is why that
// is not the default. BenchmarkHostGCDuringCall measures the pause.
func TestHostGCDuringCall(t *testing.T) {
	for name, opts := range map[string]Options{
		"child processes": {Instances: 1, CallTimeout: 3 * time.Second},
		"checked code":    {Instances: 1, CallTimeout: 3 * time.Second, InProcess: true},
	} {
		t.Run(name, func(t *testing.T) {
			e := newEngine(t, debugWasm, opts)
			closeEngine(t, e)
			pause, done := gcDuringSpin(t, e)
			t.Logf("runtime.GC() took %s during the call", pause)
			select {
			case err := <-done:
				t.Fatalf("the call (%v) ended before the host's GC did: the GC waited for it", err)
			default:
			}
			if err := <-done; err == nil || !strings.Contains(err.Error(), "did not answer in time") {
				t.Fatalf("got %v, want the endless call stopped at its deadline", err)
			}
			assertVersion(t, e)
		})
	}
}

// gcDuringSpin starts an endless call (stopped at the engine's deadline),
// runs the host's GC while it runs and returns how long the GC took and
// the channel the call's error arrives on.
func gcDuringSpin(t testing.TB, e *Engine) (time.Duration, <-chan error) {
	done := make(chan error, 1)
	go func() {
		_, err := e.Call(context.Background(), "debug_spin", nil)
		done <- err
	}()
	time.Sleep(100 * time.Millisecond) // let the call start
	start := time.Now()
	runtime.GC()
	return time.Since(start), done
}

// TestGuestCollectsEarly: the guest collects after a call once it allocated
// 16 MiB since its last collection (wasm/gc.go), so a long run of large
// decisions keeps its linear memory far below the recycling bound (it grew
// to the bound and was recycled when the runtime's own collector ran near
// GOMEMLIMIT).
func TestGuestCollectsEarly(t *testing.T) {
	e := newEngine(t, coreWasm, Options{Instances: 1, Fast: true})
	closeEngine(t, e)
	ctx := context.Background()
	inst, err := e.instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.close(ctx)
	in := decideCase(t, compact5000)
	for range 40 { // about 120 MB allocated in the guest
		if _, err := inst.call(ctx, "decide", in); err != nil {
			t.Fatal(err)
		}
	}
	if got, limit := inst.mod.Memory().Size(), uint32(32<<20); got > limit {
		t.Errorf("linear memory after 40 calls: got %d bytes, want at most %d (the recycling bound is %d)",
			got, limit, e.opts.RecycleAboveBytes)
	}
}
