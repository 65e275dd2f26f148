package core

import (
	"strconv"
	"testing"
)

// TestKeyTable: keyTable answers as a map[string]int32 filled in the same
// order — new keys numbered in order, repeats found, absent keys not — from
// an empty table that grows and from one sized up front, on keys of every
// length around the word size and on keys that differ only in one byte.
func TestKeyTable(t *testing.T) {
	var keys []string
	for i := range 3000 {
		keys = append(keys, "https://www.linkedin.com/in/member-"+strconv.Itoa(i)+"/", strconv.Itoa(i), "k"+string(rune('a' + i%26))[:i%2])
	}
	for n := range 20 {
		for c := range 3 {
			b := []byte("abcdefghijklmnopqrstuvwxyz")[:n]
			if n > 0 {
				b[n/2] = byte('0' + c)
			}
			keys = append(keys, string(b))
		}
	}
	for _, size := range []int{0, len(keys)} {
		t.Run("sized="+strconv.Itoa(size), func(t *testing.T) {
			table, want := newKeyTable(size), map[string]int32{}
			for _, k := range keys {
				i, added := table.add(k)
				w, seen := want[k]
				if !seen {
					w = int32(len(want))
					want[k] = w
				}
				if i != w || added == seen {
					t.Fatalf("add(%q) = %d, %v; want %d, %v", k, i, added, w, !seen)
				}
			}
			for k, w := range want {
				if i, ok := table.find(k); !ok || i != w {
					t.Fatalf("find(%q) = %d, %v; want %d", k, i, ok, w)
				}
			}
			for _, k := range []string{"https://www.linkedin.com/in/member-3000/", "-1", "abcdefghijklmnopqrstuvwxyz", "kz!"} {
				if i, ok := table.find(k); ok {
					t.Errorf("find(%q) = %d, want absent", k, i)
				}
			}
		})
	}
	var empty keyTable
	if _, ok := empty.find("a"); ok {
		t.Error("the zero table finds a key")
	}
}
