//go:build wasip1 && inviteguard_debug

package main

import (
	"fmt"
	"strconv"
	"unsafe"

	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// The debug exports exist only in a core.wasm built with -tags
// inviteguard_debug (never by scripts/build): the tests of server/wasmhost use
// them to make an instance trap, hang or grow on purpose.

// held keeps the memory debug_grow allocated.
var held [][]byte

// debug_trap panics without recovering: the runtime aborts and the call traps.
//
//go:wasmexport debug_trap
func debugTrap(ptr unsafe.Pointer, size uint32) uint64 {
	panic("debug_trap: a deliberate unrecovered panic")
}

// spins counts the iterations of debug_spin, so the loop has a body.
var spins uint64

// debug_spin loops the number of times given as its decimal input, or
// forever when there is none: only an interruptible host can stop that.
//
//go:wasmexport debug_spin
func debugSpin(ptr unsafe.Pointer, size uint32) uint64 {
	n, err := strconv.ParseUint(string(unsafe.Slice((*byte)(ptr), size)), 10, 64)
	if err != nil {
		for {
			spins++
		}
	}
	for range n {
		spins++
	}
	return respond([]byte(`{"ok":{"spins":` + strconv.FormatUint(spins, 10) + `}}`))
}

// debug_grow allocates and keeps the number of MiB given as its decimal input.
//
//go:wasmexport debug_grow
func debugGrow(ptr unsafe.Pointer, size uint32) uint64 {
	mb, err := strconv.Atoi(string(unsafe.Slice((*byte)(ptr), size)))
	if err != nil {
		return respond([]byte(`{"error":{"code":"invalid","message":"debug_grow wants a number of MiB"}}`))
	}
	for range mb {
		b := make([]byte, 1<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		held = append(held, b)
	}
	return respond([]byte(`{"ok":{"heldMiB":` + strconv.Itoa(len(held)) + `}}`))
}

// debug_phases runs decide on its input, a compact request (ABI version 2),
// and reports how long the guest spent decoding, deciding and encoding (a
// real clock needs the host's WithSysNanotime): BenchmarkPhases5000 of
// server/wasmhost uses it to find where time goes under wazero. The
// collector runs after it as after any operation (gc.go).
//
//go:wasmexport debug_phases
func debugPhases(ptr unsafe.Pointer, size uint32) uint64 {
	decode, decide, encode, n, err := dispatch.DecidePhases(unsafe.Slice((*byte)(ptr), size))
	if err != nil {
		return respond([]byte(`{"error":{"code":"invalid","message":` + strconv.Quote("debug_phases: "+err.Error()) + `}}`))
	}
	r := respond(fmt.Appendf(nil, `{"ok":{"decodeNs":%d,"coreNs":%d,"encodeNs":%d,"outBytes":%d}}`,
		decode, decide, encode, n))
	collectIfDue()
	return r
}
