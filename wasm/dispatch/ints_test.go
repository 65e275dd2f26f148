package dispatch

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// intsByElement reads an integer list as ints did before its fast path:
// every element through int. The reference of TestIntsFastPath.
func intsByElement(s *scanner, field string) ([]int64, error) {
	out := make([]int64, 0, 64)
	if empty, err := s.open(field); empty || err != nil {
		return out, err
	}
	defer func() { s.elem = -1 }()
	for {
		s.elem = len(out)
		v, err := s.int(field)
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if done, err := s.next(); done || err != nil {
			return out, err
		}
	}
}

// TestIntsFastPath: ints, reading plain elements without a call each, gives
// the same list, position and error as reading every element through int — on
// numbers of 1 to 17 digits at every alignment, with leading zeros, signs,
// fractions, exponents, white space, non-ASCII and other bytes next to the
// digits, and lists cut short.
func TestIntsFastPath(t *testing.T) {
	var lists []string
	for d := 1; d <= 17; d++ {
		num := strings.Repeat("9", d)
		mixed := "1234567890123456789"[:d]
		for pad := range 9 {
			for _, tail := range []string{"]", ",5]", ", 5]", "]  ", ",", "", ".5]", "e3]", "x]", "\xc3\xa9]", "/]", ":]", "0]"} {
				for _, n := range []string{num, mixed, "0" + num[1:], "-" + num} {
					lists = append(lists, "["+strings.Repeat("1,", pad)+n+tail)
				}
			}
		}
	}
	rng := uint64(3)
	for range 30000 {
		var b strings.Builder
		b.WriteByte('[')
		for j := range int(rng>>60) + 1 {
			rng = rng*6364136223846793005 + 1442695040888963407
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%d", rng>>(11+rng%53))
			if rng%97 == 0 {
				b.WriteString([]string{" ", "0", "a", "\x00", "\xff", "-", ".0"}[rng%7])
			}
		}
		if rng%13 != 0 {
			b.WriteByte(']')
		}
		lists = append(lists, b.String())
	}
	for _, l := range lists {
		for _, in := range []string{l, `{"history":` + l + `}`} {
			start := strings.IndexByte(in, '[')
			fast := &scanner{in: []byte(in), pos: start, elem: -1}
			slow := &scanner{in: []byte(in), pos: start, elem: -1}
			got, gotErr := fast.ints("history")
			want, wantErr := intsByElement(slow, "history")
			if !slices.Equal(got, want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || fast.pos != slow.pos {
				t.Fatalf("%q:\n got %v %v at %d\nwant %v %v at %d", in, got, gotErr, fast.pos, want, wantErr, slow.pos)
			}
		}
	}
}

// BenchmarkInts reads the integer lists of the 5,000-row compact request
// (rows, history, invited) with ints; run it as wasm (internal/wasmrun),
// where the fast path is made for.
func BenchmarkInts(b *testing.B) {
	in := readBenchCase(b, benchCase)
	var starts []int
	for _, key := range []string{`"rows":[`, `"history":[`, `"invited":[`} {
		starts = append(starts, strings.Index(string(in), key)+len(key)-1)
	}
	for b.Loop() {
		for _, p := range starts {
			s := &scanner{in: in, pos: p, elem: -1}
			if _, err := s.ints("list"); err != nil {
				b.Fatal(err)
			}
		}
	}
}
