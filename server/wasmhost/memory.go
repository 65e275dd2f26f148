package wasmhost

import "github.com/tetratelabs/wazero/experimental"

// linearMemory allocates each instance's linear memory (wazero's
// experimental.MemoryAllocator). On unix it reserves the instance's whole
// memory limit as address space once, with one anonymous mapping that the
// kernel backs with pages only where the guest touches them, so growing the
// memory never copies it and the memory is not part of the host's Go heap
// (the host's collector neither scans it nor counts it toward its goal);
// closing the instance unmaps it. See RATIONALE.md, "Why reserve the guest's
// memory instead of growing a slice?".
var linearMemory experimental.MemoryAllocator = experimental.MemoryAllocatorFunc(allocateMemory)

// sliceMemory is a linear memory that grows a Go slice, as wazero does by
// default: the fallback where a mapping cannot be made.
type sliceMemory struct{ buf []byte }

// Reallocate implements experimental.LinearMemory.
func (m *sliceMemory) Reallocate(size uint64) []byte {
	if n := uint64(len(m.buf)); size > n {
		m.buf = append(m.buf, make([]byte, size-n)...)
	}
	return m.buf[:size]
}

// Free implements experimental.LinearMemory.
func (m *sliceMemory) Free() { m.buf = nil }
