package core

import "hash/maphash"

// keyTable maps the normalised keys of a batch to their index (0, 1, 2, …
// in the order they were added): Decide's one lookup per selected row and
// per history entry in scope. It does what a map[string]int32 does with one
// probe per key and no call per step, which matters as wasm, where Go's map
// (its hash is a call chain there, without the AES instructions it uses
// natively) was an eighth of a 5,000-row decision. Open addressing with
// linear probing over a power-of-two table at most half full; the hash mixes
// the key eight bytes at a time with a seed drawn once per process, so
// colliding keys cannot be prepared in advance.
type keyTable struct {
	slots []int32 // index+1 of the key in keys; 0 is empty
	keys  []string
	mask  uint64
}

// newKeyTable returns a table for up to n keys.
func newKeyTable(n int) keyTable {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return keyTable{slots: make([]int32, size), keys: make([]string, 0, n), mask: uint64(size - 1)}
}

// add returns the index of k, adding it when it is new (added true).
func (t *keyTable) add(k string) (i int32, added bool) {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	for p := keyHash(k) & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s == 0 {
			t.keys = append(t.keys, k)
			t.slots[p] = int32(len(t.keys))
			return int32(len(t.keys) - 1), true
		}
		if t.keys[s-1] == k {
			return s - 1, false
		}
	}
}

// find returns the index of k, or false when it was never added.
func (t *keyTable) find(k string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	for p := keyHash(k) & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s == 0 {
			return 0, false
		}
		if t.keys[s-1] == k {
			return s - 1, true
		}
	}
}

// grow doubles the table and places every key again.
func (t *keyTable) grow() {
	bigger := newKeyTable(max(len(t.slots), 4))
	bigger.keys = append(bigger.keys, t.keys...)
	for i, k := range t.keys {
		p := keyHash(k) & bigger.mask
		for bigger.slots[p] != 0 {
			p = (p + 1) & bigger.mask
		}
		bigger.slots[p] = int32(i + 1)
	}
	*t = bigger
}

// hashSeed is drawn once per process (from the runtime's random source).
var hashSeed = maphash.String(maphash.MakeSeed(), "inviteguard keyTable") | 1

// keyHash mixes k eight bytes at a time (multiply and xor-shift rounds, as
// in the wyhash family) starting from hashSeed and the length; the bytes
// past the last whole word are read as the key's last eight.
func keyHash(k string) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	h := hashSeed ^ uint64(len(k))*m1
	i := 0
	for ; i+8 <= len(k); i += 8 {
		h = (h ^ load8(k, i)) * m2
		h ^= h >> 31
	}
	switch {
	case i == len(k):
	case len(k) >= 8: // the last eight bytes, overlapping the words before
		h = (h ^ load8(k, len(k)-8)) * m2
		h ^= h >> 31
	default:
		var w uint64
		for j := len(k) - 1; j >= 0; j-- {
			w = w<<8 | uint64(k[j])
		}
		h = (h ^ w) * m2
		h ^= h >> 31
	}
	h = (h ^ hashSeed) * m1
	return h ^ h>>29
}
