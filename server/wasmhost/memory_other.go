//go:build !unix

package wasmhost

import "github.com/tetratelabs/wazero/experimental"

// allocateMemory is a growing slice where no anonymous mapping is available.
func allocateMemory(capBytes, _ uint64) experimental.LinearMemory {
	return &sliceMemory{buf: make([]byte, 0, capBytes)}
}
