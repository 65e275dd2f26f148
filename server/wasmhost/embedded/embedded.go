// Package embedded carries core.wasm inside the server binary.
//
// ./scripts/build copies build/core.wasm into blob/core.wasm (ignored by git)
// before it builds the server, so a clean clone still vets and tests; a
// binary built without that step reports the missing engine clearly.
package embedded

import (
	"embed"

	"github.com/inviteguard/inviteguard/core"
)

//go:embed blob
var blob embed.FS

// Wasm returns the embedded core.wasm bytes.
func Wasm() ([]byte, error) {
	b, err := blob.ReadFile("blob/core.wasm")
	if err != nil || len(b) == 0 {
		return nil, core.Errorf(core.CodeEngine, "core.wasm not embedded: run ./scripts/build")
	}
	return b, nil
}
