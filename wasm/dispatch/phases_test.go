package dispatch

import (
	"testing"

	"github.com/inviteguard/inviteguard/core"
)

// BenchmarkPhases5000 splits decide on the compact 5,000-recipient request
// into its phases, beside the decoders and the encoder it replaced. Run it
// as wasm too, where the split matters (internal/wasmrun; -tags
// inviteguard_gojson for go-json as wasm).
func BenchmarkPhases5000(b *testing.B) {
	in := readBenchCase(b, benchCase)
	var req core.CompactDecideRequest
	if err := decodeCompact(in, &req, false); err != nil {
		b.Fatal(err)
	}
	full, err := req.Expand()
	if err != nil {
		b.Fatal(err)
	}
	d, err := core.DecideCompact(req)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			var r core.CompactDecideRequest
			_ = decodeCompact(in, &r, false)
		}
	})
	v1 := readBenchCase(b, benchCaseV1)
	b.Run("decodeV1Library", func(b *testing.B) {
		for b.Loop() {
			var r core.DecideRequest
			_ = decodeWith(v1, &r, strict, noCopy)
		}
	})
	b.Run("decodeV1Scanner", func(b *testing.B) {
		for b.Loop() {
			var r core.DecideRequest
			_ = decodeDecideV1(v1, &r)
		}
	})
	b.Run("encodeLibrary", func(b *testing.B) {
		for b.Loop() {
			_, _ = okEnvelope(&d)
		}
	})
	b.Run("expand", func(b *testing.B) {
		for b.Loop() {
			_, _ = req.Expand()
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			_ = full.Validate()
		}
	})
	b.Run("decide", func(b *testing.B) {
		for b.Loop() {
			_, _ = core.DecideCompact(req)
		}
	})
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			_, _ = decisionEnvelope(&d)
		}
	})
}
