package dispatch

import (
	"bytes"
	"slices"
	"testing"
	"time"

	json "github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// The fuzz targets: one per operation that reads a request. Any input must
// give a well-formed envelope — ok, or an error with a known code that is
// neither engine (a panic Call recovered) nor internal (an encoding failure).
// Seeds: the golden requests of the operation. Run one with e.g.
//
//	go test ./wasm/dispatch -run '^$' -fuzz '^FuzzDecide$' -fuzztime 60s

func FuzzDecide(f *testing.F)         { fuzzOp(f, "decide") }
func FuzzCheckMessage(f *testing.F)   { fuzzOp(f, "check_message") }
func FuzzParseAge(f *testing.F)       { fuzzOp(f, "parse_age") }
func FuzzParseCount(f *testing.F)     { fuzzOp(f, "parse_count") }
func FuzzReconcile(f *testing.F)      { fuzzOp(f, "reconcile") }
func FuzzPlanWithdrawal(f *testing.F) { fuzzOp(f, "plan_withdrawal") }
func FuzzDetectBursts(f *testing.F)   { fuzzOp(f, "detect_bursts") }
func FuzzTransition(f *testing.F)     { fuzzOp(f, "transition") }
func FuzzValidatePolicy(f *testing.F) { fuzzOp(f, "validate_policy") }

// fuzzHang is how long one input may take before it counts as a hang.
const fuzzHang = 5 * time.Second

// fuzzSeedMax skips golden requests too large to be useful seeds: with seeds
// of 64 KB the fuzzer managed 41 executions of decide in a minute, with seeds
// up to 4 KB about 18,000 a second.
const fuzzSeedMax = 4 << 10

func fuzzOp(f *testing.F, op string) {
	seeded := 0
	for _, c := range goldenCases(f) {
		if c.Op != op {
			continue
		}
		in, err := c.Request()
		if err != nil {
			f.Fatal(err)
		}
		if len(in) <= fuzzSeedMax {
			f.Add(in)
			seeded++
		}
	}
	if seeded == 0 {
		f.Fatalf("no golden request of %s to seed from", op)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		done := make(chan []byte, 1)
		go func() { done <- Call(op, in) }()
		select {
		case out := <-done:
			checkEnvelope(t, op, in, out)
		case <-time.After(fuzzHang):
			t.Fatalf("%s: no answer after %s\nin: %q", op, fuzzHang, in)
		}
	})
}

// checkEnvelope fails unless out is one JSON object with exactly one of ok
// and error, the error having a known code other than engine and internal.
func checkEnvelope(t *testing.T, op string, in, out []byte) {
	t.Helper()
	var env struct {
		OK    json.RawMessage `json:"ok"`
		Error *core.Error     `json:"error"`
	}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatalf("%s: response is not a JSON envelope: %v\nin:  %q\nout: %q", op, err, in, out)
	}
	if (env.OK == nil) == (env.Error == nil) {
		t.Fatalf("%s: want exactly one of ok and error\nin:  %q\nout: %q", op, in, out)
	}
	if env.Error == nil {
		if !json.Valid(env.OK) || bytes.Equal(env.OK, []byte("null")) {
			t.Fatalf("%s: ok is not a value: %q (in %q)", op, env.OK, in)
		}
		return
	}
	switch code := env.Error.Code; {
	case code == core.CodeEngine || code == core.CodeInternal:
		t.Fatalf("%s: %s error: %s\nin: %q", op, code, env.Error.Message, in)
	case !slices.Contains(core.Codes, code):
		t.Fatalf("%s: unknown error code %q\nin: %q", op, code, in)
	case env.Error.Message == "":
		t.Fatalf("%s: error without a message\nin: %q", op, in)
	}
}
