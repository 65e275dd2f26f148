//go:build inviteguard_debug

package dispatch

import (
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// DecidePhases runs decide on a compact request (ABI version 2) as Call does
// and reports how long each phase took: reading the request, the core
// (expanding, validating, deciding) and writing the envelope. It exists only
// in debug builds (-tags inviteguard_debug): core.wasm's debug_phases export
// for BenchmarkPhases5000 in server/wasmhost.
func DecidePhases(in []byte) (decode, decide, encode time.Duration, outBytes int, err error) {
	t0 := time.Now()
	var req core.CompactDecideRequest
	if err := decodeCompact(in, &req, false); err != nil {
		return 0, 0, 0, 0, err
	}
	t1 := time.Now()
	d, err := core.DecideCompact(req)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	t2 := time.Now()
	out, err := decisionEnvelope(&d)
	t3 := time.Now()
	return t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), len(out), err
}
