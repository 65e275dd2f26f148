//go:build unix

package wasmhost

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// allocateMemory reserves max bytes of address space for a linear memory
// (see linearMemory), or falls back to a growing slice when that fails.
func allocateMemory(capBytes, maxBytes uint64) experimental.LinearMemory {
	if maxBytes == 0 || maxBytes > 1<<32 {
		return &sliceMemory{buf: make([]byte, 0, capBytes)}
	}
	b, err := syscall.Mmap(-1, 0, int(maxBytes), syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
	if err != nil {
		return &sliceMemory{buf: make([]byte, 0, capBytes)}
	}
	return &mappedMemory{buf: b}
}

// mappedMemory is a linear memory in one reserved mapping: it grows in place.
type mappedMemory struct{ buf []byte }

// Reallocate implements experimental.LinearMemory: the first size bytes of
// the reservation (nil past it, which the guest sees as a failed grow).
func (m *mappedMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	return m.buf[:size:size]
}

// Free implements experimental.LinearMemory: the mapping is returned to the
// system. wazero calls it when the instance is closed, never during a call.
func (m *mappedMemory) Free() {
	if m.buf != nil {
		_ = syscall.Munmap(m.buf)
		m.buf = nil
	}
}
