package wasmhost

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// childEnv marks a process started by an Engine to run core.wasm for it.
const childEnv = "INVITEGUARD_WASMHOST_CHILD"

// ServeChildIfAsked makes this process an engine child when the engine of a
// parent process started it, and then never returns; otherwise it returns
// at once. Every binary that starts an Engine in its default mode (child
// processes) calls it first thing in main — and test binaries in TestMain —
// because a child is the same binary, run again.
func ServeChildIfAsked() {
	if os.Getenv(childEnv) != "1" {
		return
	}
	err := serveChild(os.Stdin, os.Stdout)
	if err != nil && !errors.Is(err, io.EOF) {
		fmt.Fprintln(os.Stderr, "wasmhost child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// childInit is the first message of a parent: the options for the child's
// own engine (core.wasm follows it).
type childInit struct {
	CacheDir          string
	NoDiskCache       bool
	MemoryLimitPages  uint32
	RecycleAboveBytes uint32
	GuestGOGC         string
	GuestMemoryLimit  uint32
}

// childHello is the child's answer to childInit: its operations, or why it has none.
type childHello struct {
	Ops   []string `json:"ops"`
	Error string   `json:"error,omitempty"`
}

// The status byte of a child's answer.
const (
	childOK  = 0
	childErr = 1
)

// serveChild runs the child's side of the protocol on r and w: the init
// message, then one call after the other until r ends. The child's engine
// runs unchecked code in one instance, in-process: the parent stops a call
// that passes its deadline by killing the whole process.
func serveChild(r io.Reader, w io.Writer) error {
	in := bufio.NewReaderSize(r, 1<<20)
	out := bufio.NewWriterSize(w, 1<<20)
	initJSON, err := readFrame(in)
	if err != nil {
		return err
	}
	wasm, err := readFrame(in)
	if err != nil {
		return err
	}
	var init childInit
	if err := json.Unmarshal(initJSON, &init); err != nil {
		return fmt.Errorf("reading the init message: %w", err)
	}
	ctx := context.Background()
	e, err := New(ctx, wasm, Options{
		InProcess: true, Fast: true, Instances: 1, CallTimeout: 365 * 24 * time.Hour,
		CacheDir: init.CacheDir, NoDiskCache: init.NoDiskCache, MemoryLimitPages: init.MemoryLimitPages,
		RecycleAboveBytes: init.RecycleAboveBytes, GuestGOGC: init.GuestGOGC, GuestMemoryLimit: init.GuestMemoryLimit,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)),
	})
	hello := childHello{}
	if err != nil {
		hello.Error = core.ErrorMessage(err)
	} else {
		hello.Ops = e.Ops()
	}
	b, _ := json.Marshal(hello)
	if err := writeFrames(out, b); err != nil || e == nil {
		return err
	}
	for {
		op, err := readFrame(in)
		if err != nil {
			return err
		}
		req, err := readFrame(in)
		if err != nil {
			return err
		}
		res, err := e.Call(ctx, string(op), req)
		status := []byte{childOK}
		if err != nil {
			status[0] = childErr
			res = []byte(string(core.ErrorCode(err)) + "\x00" + core.ErrorMessage(err))
		}
		if err := writeFrames(out, status, res, statsFrame(e.Stats())); err != nil {
			return err
		}
	}
}

// statsFrame encodes a child engine's counters.
func statsFrame(s Stats) []byte {
	b := make([]byte, 0, 32)
	for _, n := range []int64{s.Calls, s.Failed, s.Replaced, s.Recycled} {
		b = binary.LittleEndian.AppendUint64(b, uint64(n))
	}
	return b
}

// parseStats decodes statsFrame.
func parseStats(b []byte) Stats {
	if len(b) != 32 {
		return Stats{}
	}
	n := func(i int) int64 { return int64(binary.LittleEndian.Uint64(b[8*i:])) }
	return Stats{Calls: n(0), Failed: n(1), Replaced: n(2), Recycled: n(3)}
}

// maxFrame bounds a frame of the protocol (a request is at most half the
// guest's memory limit, 128 MiB by default).
const maxFrame = 1 << 30

// writeFrames writes each frame as a 4-byte little-endian length and its
// bytes, and flushes.
func writeFrames(w *bufio.Writer, frames ...[]byte) error {
	for _, f := range frames {
		if err := binary.Write(w, binary.LittleEndian, uint32(len(f))); err != nil {
			return err
		}
		if _, err := w.Write(f); err != nil {
			return err
		}
	}
	return w.Flush()
}

// readFrame reads one frame of writeFrames.
func readFrame(r *bufio.Reader) ([]byte, error) {
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes is over the limit", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	return b, nil
}
