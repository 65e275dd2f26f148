package core

import "testing"

// TestFoldNameSharedWithExtension: the core and the extension tell the same names alike
// (testdata/fold.json).
func TestFoldNameSharedWithExtension(t *testing.T) {
	var cases []struct {
		A    string `json:"a"`
		B    string `json:"b"`
		Same bool   `json:"same"`
	}
	readTable(t, "testdata/fold.json", &cases)
	for _, c := range cases {
		if got := foldName(c.A) == foldName(c.B); got != c.Same {
			t.Errorf("foldName(%q) == foldName(%q) is %v, want %v (%q, %q)", c.A, c.B, got, c.Same, foldName(c.A), foldName(c.B))
		}
	}
}
