package core

import "testing"

// TestSplitMix64Reference compares with the reference outputs of SplitMix64
// (computed independently with arbitrary-precision integers).
func TestSplitMix64Reference(t *testing.T) {
	tests := []struct {
		seed uint64
		want []uint64
	}{
		{0, []uint64{0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f}},
		{42, []uint64{13679457532755275413, 2949826092126892291, 5139283748462763858}},
	}
	for _, tt := range tests {
		g := splitMix64{state: tt.seed}
		for i, want := range tt.want {
			if got := g.next(); got != want {
				t.Errorf("seed %d, draw %d = %#x, want %#x", tt.seed, i, got, want)
			}
		}
	}
}

func TestSplitMix64Between(t *testing.T) {
	g := splitMix64{state: 7}
	seen := map[int]int{}
	for i := 0; i < 7000; i++ {
		v := g.between(3, 9)
		if v < 3 || v > 9 {
			t.Fatalf("between(3, 9) = %d", v)
		}
		seen[v]++
	}
	for v := 3; v <= 9; v++ {
		if seen[v] < 800 || seen[v] > 1200 {
			t.Errorf("value %d drawn %d times of 7000, want about 1000", v, seen[v])
		}
	}
	if got := g.between(5, 5); got != 5 {
		t.Errorf("between(5, 5) = %d", got)
	}
}
