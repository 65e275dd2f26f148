package wasmhost

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// instance is one instantiated core.wasm. It is used by one goroutine at a
// time: the pool hands it out.
type instance struct {
	flavor *flavor // the code it runs
	mod    api.Module
	alloc  api.Function
	free   api.Function
	ops    map[string]api.Function
	stack  []uint64     // CallWithStack's argument and result space
	stderr *limitBuffer // what the guest runtime wrote to stderr (a fatal error's message)
}

// instantiate starts a new instance: a fresh linear memory with _initialize
// run exactly once.
func (e *Engine) instantiate(ctx context.Context) (*instance, error) {
	stderr := &limitBuffer{max: 4096}
	cfg := wazero.NewModuleConfig().
		WithName(""). // many instances of one module
		WithStartFunctions("_initialize").
		WithStderr(stderr).
		WithEnv("GOGC", e.opts.GuestGOGC).
		WithEnv("GOMEMLIMIT", strconv.FormatUint(uint64(e.opts.GuestMemoryLimit), 10))
	f := e.current()
	// linear memory reserved once, grown in place (memory.go)
	mod, err := f.runtime.InstantiateModule(experimental.WithMemoryAllocator(ctx, linearMemory), f.compiled, cfg)
	if err != nil {
		return nil, engineErr("instantiating core.wasm: %v%s", err, stderr.suffix())
	}
	inst := &instance{
		flavor: f,
		mod:    mod,
		alloc:  mod.ExportedFunction("alloc"),
		free:   mod.ExportedFunction("free"),
		ops:    map[string]api.Function{},
		stack:  make([]uint64, 2),
		stderr: stderr,
	}
	for name := range e.ops {
		inst.ops[name] = mod.ExportedFunction(name)
	}
	return inst, nil
}

// call writes in to guest memory, runs op and copies the response out.
// Any error leaves the instance untrustworthy: the caller discards it.
func (i *instance) call(ctx context.Context, op string, in []byte) ([]byte, error) {
	i.stderr.reset()
	mem := i.mod.Memory()
	var ptr uint32
	if len(in) > 0 {
		i.stack[0] = uint64(len(in))
		if err := i.alloc.CallWithStack(ctx, i.stack); err != nil {
			return nil, err
		}
		ptr = uint32(i.stack[0])
		if !mem.Write(ptr, in) {
			return nil, engineErr("alloc returned %d for %d bytes, outside memory of %d bytes", ptr, len(in), mem.Size())
		}
	}
	i.stack[0], i.stack[1] = uint64(ptr), uint64(len(in))
	if err := i.ops[op].CallWithStack(ctx, i.stack); err != nil {
		return nil, err
	}
	outPtr, outLen := uint32(i.stack[0]>>32), uint32(i.stack[0])
	view, ok := mem.Read(outPtr, outLen)
	if !ok || outLen == 0 {
		return nil, engineErr("response at %d, length %d, is outside memory of %d bytes", outPtr, outLen, mem.Size())
	}
	out := slices.Clone(view)
	for _, p := range []uint32{outPtr, ptr} {
		if p == 0 {
			continue
		}
		i.stack[0] = uint64(p)
		if err := i.free.CallWithStack(ctx, i.stack); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// close ends the instance; its memory is released.
func (i *instance) close(ctx context.Context) {
	_ = i.mod.Close(ctx)
}

// limitBuffer keeps the first max bytes written to it.
type limitBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

// Write implements io.Writer; it never fails.
func (l *limitBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if room := l.max - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (l *limitBuffer) reset() {
	l.mu.Lock()
	l.b = l.b[:0]
	l.mu.Unlock()
}

// suffix is ` (guest: <first line of stderr>)`, or "" when nothing was
// written: the Go runtime's "panic: …" or "runtime: out of memory: …".
func (l *limitBuffer) suffix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := strings.TrimSpace(string(l.b))
	if s == "" {
		return ""
	}
	first, _, _ := strings.Cut(s, "\n")
	return " (guest: " + first + ")"
}
