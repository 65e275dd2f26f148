package wasmhost

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// Call runs operation op on the JSON request in and returns the response
// envelope core.wasm wrote ({"ok":…} or {"error":…}), a copy the caller owns.
// A failure of the host — the pool closed, the context done before an
// instance was free or before the answer, a trap or a timeout — is a
// *core.Error with code engine (an unknown operation: code unsupported).
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
	if s.proc != nil {
		return e.callProc(ctx, s, op, in)
	}
	if !s.inst.flavor.interruptible {
		return e.callFast(ctx, s, op, in)
	}
	// wazero closes the instance at the deadline and the call returns.
	cctx, cancel := context.WithTimeout(ctx, e.opts.CallTimeout)
	defer cancel()
	out, err := s.inst.call(cctx, op, in)
	if err != nil && ctx.Err() == nil && cctx.Err() != nil {
		err = errTimeout
	}
	return e.finish(ctx, s, op, out, err)
}

// callResult is what a call on its own goroutine returns.
type callResult struct {
	out []byte
	err error
}

// errTimeout marks a call stopped by the engine's own deadline.
var errTimeout = errors.New("deadline")

// finish puts the slot back after a call ended — or replaces its instance
// after a failure or when its memory grew past the bound — and shapes the result.
func (e *Engine) finish(ctx context.Context, s *slot, op string, out []byte, err error) ([]byte, error) {
	inst := s.inst
	if err != nil {
		guest := inst.stderr.suffix()
		e.discard(s, op, fmt.Errorf("%w%s", err, guest))
		return nil, e.callErr(ctx, op, err, guest)
	}
	e.stats.calls.Add(1)
	if size := inst.mod.Memory().Size(); size > e.opts.RecycleAboveBytes {
		e.stats.recycled.Add(1)
		e.opts.Logger.Info("wasmhost: recycling an instance", "op", op, "memoryBytes", size, "bound", e.opts.RecycleAboveBytes)
		e.replace(s, true)
		return out, nil
	}
	e.pool <- s
	return out, nil
}

// callFast runs a call on unchecked code, which no deadline can stop, on a
// goroutine of its own, and answers the caller when it ends, when the
// caller's context is done (the call then finishes in the background and its
// slot returns to the pool), or at the engine's deadline: then the instance
// is abandoned (see abandon).
func (e *Engine) callFast(ctx context.Context, s *slot, op string, in []byte) ([]byte, error) {
	inst := s.inst
	done := make(chan callResult, 1)
	go func() {
		out, err := inst.call(context.Background(), op, in)
		done <- callResult{out, err}
	}()
	timer := time.NewTimer(e.opts.CallTimeout)
	select {
	case r := <-done:
		timer.Stop()
		return e.finish(ctx, s, op, r.out, r.err)
	case <-timer.C:
		e.abandon(s, op, done)
		return nil, e.callErr(ctx, op, errTimeout, "")
	case <-ctx.Done():
	}
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		select {
		case r := <-done:
			timer.Stop()
			_, _ = e.finish(context.Background(), s, op, r.out, r.err)
		case <-timer.C:
			e.abandon(s, op, done)
		}
	}()
	return nil, e.callErr(ctx, op, ctx.Err(), "")
}

// abandon leaves a call of fast code that passed the engine's deadline to
// its goroutine, which closes the instance when (if ever) the call ends,
// refills the slot and switches the engine to interruptible code.
func (e *Engine) abandon(s *slot, op string, done <-chan callResult) {
	inst := s.inst
	e.stats.failed.Add(1)
	e.abandoned.Add(1)
	go func() {
		<-done
		inst.close(context.Background())
		e.abandoned.Add(-1)
	}()
	e.switchToInterruptible(fmt.Sprintf("a %s call passed its deadline of %s on fast code; its instance is abandoned until the call ends", op, e.opts.CallTimeout))
	e.replace(s, false)
}

// switchToInterruptible compiles the checked flavor in the background, once;
// acquire then moves every slot onto it.
func (e *Engine) switchToInterruptible(why string) {
	e.switchOnce.Do(func() {
		if e.interruptible.Load() != nil {
			return
		}
		e.opts.Logger.Error("wasmhost: switching to interruptible code", "why", why)
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			f, err := e.compile(context.Background(), true)
			if err != nil {
				e.opts.Logger.Error("wasmhost: compiling interruptible code failed; staying on fast code", "err", err)
				return
			}
			e.interruptible.Store(f)
			e.opts.Logger.Warn("wasmhost: now running interruptible code (slower; every call stops at its deadline)")
		}()
	})
}

// acquire takes an idle slot, instantiating its module if it has none or if
// its instance is of a flavor the engine no longer uses.
func (e *Engine) acquire(ctx context.Context, op string) (*slot, error) {
	if e.closed.Load() {
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
	if !e.opts.InProcess {
		if s.proc == nil {
			p, _, err := e.startChild(ctx)
			if err != nil {
				e.pool <- s
				return nil, err
			}
			s.proc = p
			e.stats.replaced.Add(1)
		}
		return s, nil
	}
	if s.inst != nil && s.inst.flavor != e.current() {
		s.inst.close(ctx)
		s.inst = nil
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
	e.replace(s, true)
}

// replace starts a fresh instance for the slot in the background, closing the
// old one first if closeOld; the slot returns to the pool when that is done
// (empty if instantiating failed, to be retried by the next acquire).
func (e *Engine) replace(s *slot, closeOld bool) {
	old := s.inst
	s.inst = nil
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		ctx := context.Background()
		if closeOld && old != nil {
			old.close(ctx)
		}
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

// Close waits for the calls in flight and closes every instance and the
// runtimes. If a timed-out call of fast code is still running, its runtime
// stays open (closing it would unmap code in use) and Close says so.
func (e *Engine) Close(ctx context.Context) error {
	if !e.closed.CompareAndSwap(false, true) {
		return nil
	}
	var err error
	for range e.opts.Instances {
		select {
		case s := <-e.pool:
			if s.inst != nil {
				s.inst.close(ctx)
			}
			if s.proc != nil {
				s.proc.stop()
			}
			continue
		case <-ctx.Done():
			err = engineErr("closing the engine: %v", ctx.Err())
		}
		break
	}
	close(e.done)
	e.wg.Wait()
	if f := e.interruptible.Load(); f != nil {
		f.runtime.Close(context.Background())
	}
	if e.fast != nil {
		if n := e.abandoned.Load(); n > 0 {
			return engineErr("closing the engine: %d timed-out calls are still running; their runtime stays open", n)
		}
		e.fast.runtime.Close(context.Background())
	}
	return err
}

// engineErr is a host-side failure.
func engineErr(format string, args ...any) *core.Error {
	return core.Errorf(core.CodeEngine, format, args...)
}

// callErr describes a failed call: the engine's deadline, the caller giving
// up, or a trap, with the first line of the wazero error (the wasm stack
// trace goes to the log only) and what the guest printed.
func (e *Engine) callErr(ctx context.Context, op string, err error, guest string) *core.Error {
	switch {
	case errors.Is(err, errTimeout):
		return engineErr("%s: the engine did not answer in time (deadline %s)", op, e.opts.CallTimeout)
	case ctx.Err() != nil:
		return engineErr("%s: the caller gave up before the engine answered: %v", op, ctx.Err())
	}
	msg, _, _ := strings.Cut(core.ErrorMessage(err), "\n")
	return engineErr("%s: the engine failed: %s%s", op, msg, guest)
}
