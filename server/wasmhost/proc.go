package wasmhost

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// proc is one child process that runs core.wasm for the engine (the default
// mode: see Options.InProcess). It serves one call at a time.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.Closer
	in     *bufio.Writer
	out    *bufio.Reader
	exited chan struct{} // closed when the process has been waited for
	last   Stats         // the child's counters at its last answer
}

// helloTimeout bounds a child's start: a cold compile of core.wasm on a busy
// machine took 12 s at worst.
const helloTimeout = 2 * time.Minute

// startChild starts a child process of this binary and waits for its hello.
func (e *Engine) startChild(ctx context.Context) (*proc, childHello, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, childHello{}, engineErr("starting an engine process: %v", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stderr = os.Stderr
	// Pipes of our own rather than cmd's: Wait closes those when the process
	// exits, which may be before its last answer has been read.
	childIn, stdin, err := os.Pipe()
	if err != nil {
		return nil, childHello{}, engineErr("starting an engine process: %v", err)
	}
	stdout, childOut, err := os.Pipe()
	if err != nil {
		childIn.Close()
		stdin.Close()
		return nil, childHello{}, engineErr("starting an engine process: %v", err)
	}
	cmd.Stdin, cmd.Stdout = childIn, childOut
	err = cmd.Start()
	childIn.Close()
	childOut.Close()
	if err != nil {
		stdin.Close()
		stdout.Close()
		return nil, childHello{}, engineErr("starting an engine process %s: %v", exe, err)
	}
	p := &proc{cmd: cmd, stdin: stdin, stdout: stdout, in: bufio.NewWriterSize(stdin, 1<<20), out: bufio.NewReaderSize(stdout, 1<<20), exited: make(chan struct{})}
	// The read end stays open after the process exits: what it wrote last (a
	// hello that says why it could not start) is still in the pipe. kill and
	// stop close it once the process is gone.
	go func() {
		_ = cmd.Wait()
		stdin.Close()
		close(p.exited)
	}()
	init, _ := json.Marshal(childInit{
		CacheDir: e.opts.CacheDir, NoDiskCache: e.opts.NoDiskCache, MemoryLimitPages: e.opts.MemoryLimitPages,
		RecycleAboveBytes: e.opts.RecycleAboveBytes, GuestGOGC: e.opts.GuestGOGC, GuestMemoryLimit: e.opts.GuestMemoryLimit,
	})
	type helloResult struct {
		h   childHello
		err error
	}
	got := make(chan helloResult, 1)
	go func() {
		var r helloResult
		if r.err = writeFrames(p.in, init, e.wasm); r.err == nil {
			var b []byte
			if b, r.err = readFrame(p.out); r.err == nil {
				r.err = json.Unmarshal(b, &r.h)
			}
		}
		got <- r
	}()
	timer := time.NewTimer(helloTimeout)
	defer timer.Stop()
	select {
	case r := <-got:
		if r.err != nil {
			p.kill()
			return nil, childHello{}, engineErr("the engine process did not start (does main call wasmhost.ServeChildIfAsked first?): %v", r.err)
		}
		if r.h.Error != "" {
			p.kill()
			return nil, r.h, engineErr("%s", r.h.Error)
		}
		return p, r.h, nil
	case <-timer.C:
	case <-ctx.Done():
	}
	p.kill()
	return nil, childHello{}, engineErr("the engine process did not answer within %s (does main call wasmhost.ServeChildIfAsked first?)", helloTimeout)
}

// kill ends the process (if it still runs) and waits for it.
func (p *proc) kill() {
	_ = p.cmd.Process.Kill()
	<-p.exited
	_ = p.stdout.Close()
}

// stop asks the process to end (its input closes) and kills it if it has
// not ended within a second.
func (p *proc) stop() {
	_ = p.stdin.Close()
	select {
	case <-p.exited:
		_ = p.stdout.Close()
	case <-time.After(time.Second):
		p.kill()
	}
}

// errChildIO marks a call whose process died or broke the protocol.
var errChildIO = errors.New("the engine process failed")

// call sends one call to the process and reads its answer: the response
// envelope, or an error the child's engine reported (a *core.Error), or an
// error wrapping errChildIO.
func (p *proc) call(op string, in []byte) ([]byte, Stats, error) {
	if err := writeFrames(p.in, []byte(op), in); err != nil {
		return nil, Stats{}, fmt.Errorf("%w: %v", errChildIO, err)
	}
	status, err := readFrame(p.out)
	if err != nil || len(status) != 1 {
		return nil, Stats{}, fmt.Errorf("%w: %v", errChildIO, err)
	}
	res, err := readFrame(p.out)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("%w: %v", errChildIO, err)
	}
	st, err := readFrame(p.out)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("%w: %v", errChildIO, err)
	}
	if status[0] == childErr {
		code, msg, _ := strings.Cut(string(res), "\x00")
		return nil, parseStats(st), &core.Error{Code: core.Code(code), Message: msg}
	}
	return res, parseStats(st), nil
}

// procResult is what a call on a process returns.
type procResult struct {
	out   []byte
	stats Stats
	err   error
}

// callProc runs a call on a child process, answering the caller when it
// ends, when the caller's context is done (the call then finishes in the
// background, up to the deadline), or at the engine's deadline: then the
// process is killed — the host's own goroutines and collector never wait for
// guest code — and a new one started.
func (e *Engine) callProc(ctx context.Context, s *slot, op string, in []byte) ([]byte, error) {
	p := s.proc
	done := make(chan procResult, 1)
	go func() {
		out, st, err := p.call(op, in)
		done <- procResult{out, st, err}
	}()
	timer := time.NewTimer(e.opts.CallTimeout)
	select {
	case r := <-done:
		timer.Stop()
		return e.finishProc(ctx, s, op, r)
	case <-timer.C:
		e.killProc(s, op, "deadline")
		return nil, e.callErr(ctx, op, errTimeout, "")
	case <-ctx.Done():
	}
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		select {
		case r := <-done:
			timer.Stop()
			_, _ = e.finishProc(context.Background(), s, op, r)
		case <-timer.C:
			e.killProc(s, op, "deadline after the caller gave up")
		}
	}()
	return nil, e.callErr(ctx, op, ctx.Err(), "")
}

// finishProc counts a call that a process answered and puts its slot back,
// or replaces the process if it died.
func (e *Engine) finishProc(ctx context.Context, s *slot, op string, r procResult) ([]byte, error) {
	if errors.Is(r.err, errChildIO) {
		e.killProc(s, op, r.err.Error())
		return nil, e.callErr(ctx, op, r.err, "")
	}
	p := s.proc
	e.stats.calls.Add(r.stats.Calls - p.last.Calls)
	e.stats.failed.Add(r.stats.Failed - p.last.Failed)
	e.stats.replaced.Add(r.stats.Replaced - p.last.Replaced)
	e.stats.recycled.Add(r.stats.Recycled - p.last.Recycled)
	p.last = r.stats
	e.pool <- s
	return r.out, r.err
}

// killProc kills the process of a slot whose call failed or passed its
// deadline and starts another in the background; the slot returns to the
// pool when that is done (empty if starting failed, retried by the next acquire).
func (e *Engine) killProc(s *slot, op, why string) {
	e.stats.failed.Add(1)
	e.opts.Logger.Warn("wasmhost: killing an engine process", "op", op, "why", why)
	old := s.proc
	s.proc = nil
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		old.kill()
		p, _, err := e.startChild(context.Background())
		if err != nil {
			e.opts.Logger.Error("wasmhost: starting a replacement engine process failed; retrying on next use", "err", err)
		} else {
			s.proc = p
			e.stats.replaced.Add(1)
		}
		e.pool <- s
	}()
}

// startChildren starts n processes at once and returns their slots and the
// operations the first one reports.
func (e *Engine) startChildren(ctx context.Context, n int) ([]*slot, []string, error) {
	type started struct {
		p     *proc
		hello childHello
		err   error
	}
	res := make([]started, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i].p, res[i].hello, res[i].err = e.startChild(ctx)
		}()
	}
	wg.Wait()
	var slots []*slot
	var firstErr error
	for _, r := range res {
		if r.err != nil && firstErr == nil {
			firstErr = r.err
		}
		if r.p != nil {
			slots = append(slots, &slot{proc: r.p})
		}
	}
	if firstErr != nil {
		for _, s := range slots {
			s.proc.stop()
		}
		return nil, nil, firstErr
	}
	return slots, res[0].hello.Ops, nil
}
