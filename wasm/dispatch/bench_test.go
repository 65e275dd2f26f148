package dispatch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// benchCase is the golden case the decide benchmarks run: 5,000 recipients
// with their history (the figure of issue 2's speed goal).
const benchCase = "decide/bulk_5000_history"

// readBenchCase reads the request of benchCase.
func readBenchCase(b *testing.B) []byte {
	b.Helper()
	dir, err := golden.Dir()
	if err != nil {
		b.Fatal(err)
	}
	in, err := os.ReadFile(filepath.Join(dir, benchCase+".in.json"))
	if err != nil {
		b.Fatal(err)
	}
	return in
}

// BenchmarkDecide5000 is decide on 5,000 recipients natively, JSON included:
// the baseline of the wazero ratio (server/wasmhost BenchmarkDecide5000).
func BenchmarkDecide5000(b *testing.B) {
	in := readBenchCase(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		Call("decide", in)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
