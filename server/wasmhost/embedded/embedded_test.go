package embedded

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestWasm checks both states: with blob/core.wasm (after ./scripts/build)
// the bytes are a wasm module; without it the error says what to run.
func TestWasm(t *testing.T) {
	b, err := Wasm()
	if _, statErr := os.Stat("blob/core.wasm"); statErr != nil {
		if err == nil || !strings.Contains(err.Error(), "run ./scripts/build") {
			t.Fatalf("without blob/core.wasm: got %v, want an error naming ./scripts/build", err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x00asm\x01\x00\x00\x00")) {
		t.Errorf("blob/core.wasm is not a wasm module (starts %q)", b[:min(8, len(b))])
	}
}
