//go:build wasip1

package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The guest's collector (RATIONALE.md, "Why does the guest collect after a
// call, every 16 MiB?"): it runs at the end of an operation once the calls
// since the last collection allocated collectEvery bytes, and otherwise not
// at all. A collection started by the runtime in the middle of a call is
// dear as wasm: the module has one thread, so the collector's own workers
// run only when the call blocks, which it never does; the marking is done in
// small assists by the allocating call, with write barriers on for as long
// as it lasts, often across several calls. runtime.GC at the end of a call
// blocks, so the workers mark the little that is live (the buffers the host
// holds) at once, and the next call starts with the collector off.
const collectEvery = 16 << 20

// defaultMemoryLimit bounds the heap where the host sets no GOMEMLIMIT (the
// browser): a call that allocates more than collectEvery on its own still
// collects near this limit.
const defaultMemoryLimit = 48 << 20

func init() {
	// GOGC and GOMEMLIMIT from the host (server/wasmhost sets them) win;
	// elsewhere the same settings as there.
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(-1)
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

var (
	// allocated is the runtime's count of bytes allocated since start.
	allocated = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	// collectedAt is allocated's value after the last collection.
	collectedAt uint64
)

// collectIfDue collects once collectEvery bytes were allocated since the
// last collection.
func collectIfDue() {
	metrics.Read(allocated)
	if allocated[0].Value.Uint64()-collectedAt < collectEvery {
		return
	}
	runtime.GC()
	metrics.Read(allocated)
	collectedAt = allocated[0].Value.Uint64()
}
