package dispatch

import (
	"testing"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// benchCase is the golden case the decide benchmarks run: 5,000 recipients
// with their history (the figure of issue 2's speed goal), in the compact
// form of ABI version 2; benchCaseV1 is the same request in version 1.
const (
	benchCase   = "decide/v2_bulk_5000_history"
	benchCaseV1 = "decide/bulk_5000_history"
)

// readBenchCase reads the request of a bench case.
func readBenchCase(b *testing.B, name string) []byte {
	b.Helper()
	in, err := golden.Request(name)
	if err != nil {
		b.Fatal(err)
	}
	return in
}

// BenchmarkDecide5000 is decide on 5,000 recipients natively, JSON included,
// on the compact request: the baseline of the wazero ratio (server/wasmhost
// BenchmarkDecide5000).
func BenchmarkDecide5000(b *testing.B) { benchDecide(b, benchCase) }

// BenchmarkDecide5000V1 is the same on the request of version 1.
func BenchmarkDecide5000V1(b *testing.B) { benchDecide(b, benchCaseV1) }

func benchDecide(b *testing.B, name string) {
	in := readBenchCase(b, name)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		Call("decide", in)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkDetectBursts is detect_bursts natively, JSON included, on the
// largest golden request (a history of 28 days before a burst); compare with
// the same case under wazero (server/wasmhost BenchmarkDetectBursts).
func BenchmarkDetectBursts(b *testing.B) {
	in := readBenchCase(b, burstsCase)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		Call("detect_bursts", in)
	}
}

// burstsCase is the golden detect_bursts case the benchmarks run.
const burstsCase = "detect_bursts/usual_4_a_day_20_today_is_five_times"
