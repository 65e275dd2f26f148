//go:build wasip1

// Command core is core.wasm: the core as a WebAssembly reactor with one export
// per operation. Build it with
//
//	GOOS=wasip1 GOARCH=wasm go build -trimpath -buildmode=c-shared -o build/core.wasm ./wasm
//
// The ABI (RATIONALE.md, "Why this wasm ABI?"): the host calls _initialize once,
// writes a request into a buffer from alloc, calls an operation with
// (ptr, len) and gets back ptr<<32|len of the response envelope, copies it
// out and frees both buffers.
package main

import (
	"unsafe"

	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

func main() {}

// buffers keeps every buffer handed to the host reachable until free, keyed
// by its address: Go's collector would otherwise reclaim it.
var buffers = map[unsafe.Pointer][]byte{}

// alloc returns a buffer of size bytes for the host to write a request into,
// or 0 for size 0.
//
//go:wasmexport alloc
func alloc(size uint32) unsafe.Pointer {
	if size == 0 {
		return nil
	}
	return keep(make([]byte, size))
}

// free releases a buffer returned by alloc or by an operation. Freeing an
// unknown pointer does nothing.
//
//go:wasmexport free
func free(ptr unsafe.Pointer) {
	delete(buffers, ptr)
}

// keep registers buf until free and returns its address.
func keep(buf []byte) unsafe.Pointer {
	p := unsafe.Pointer(unsafe.SliceData(buf))
	buffers[p] = buf
	return p
}

// call runs op on the request at [ptr, ptr+size) and returns the packed
// address and length of the response, which stays allocated until free.
// The collector runs after the response is kept, when it is due (gc.go).
func call(op string, ptr unsafe.Pointer, size uint32) uint64 {
	var in []byte
	if size > 0 {
		in = unsafe.Slice((*byte)(ptr), size)
	}
	r := respond(dispatch.Call(op, in))
	collectIfDue()
	return r
}

// respond keeps out until free and packs its address and length.
func respond(out []byte) uint64 {
	return uint64(uintptr(keep(out)))<<32 | uint64(len(out))
}
