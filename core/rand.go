package core

// splitMix64 is the SplitMix64 generator (Steele, Lea, Flood 2014; the
// seeding generator of xoshiro). The core takes its randomness only from a
// seed given in the request, and uses integer arithmetic only, so the same
// seed gives the same numbers natively, in core.wasm and in JavaScript
// reimplementations that use BigInt.
type splitMix64 struct{ state uint64 }

// next returns the next 64 random bits.
func (s *splitMix64) next() uint64 {
	s.state += 0x9e3779b97f4a7c15
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// between returns a uniform integer in [lo, hi] (lo <= hi), without modulo
// bias: draws below 2^64 mod n are rejected and drawn again.
func (s *splitMix64) between(lo, hi int) int {
	n := uint64(hi-lo) + 1
	threshold := -n % n // (2^64 − n) mod n == 2^64 mod n
	for {
		if x := s.next(); x >= threshold {
			return lo + int(x%n)
		}
	}
}
