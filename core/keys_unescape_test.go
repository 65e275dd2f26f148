package core

import (
	"net/url"
	"testing"
)

// FuzzPathUnescape checks that pathUnescape agrees with net/url's PathUnescape,
// which core no longer links.
func FuzzPathUnescape(f *testing.F) {
	for _, s := range []string{"", "a", "%", "%4", "%41", "%zz", "a%2Fb", "%E2%82%AC+x", "%%41", "jane%20doe%3F"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotErr := pathUnescape(s)
		want, wantErr := url.PathUnescape(s)
		if (gotErr != nil) != (wantErr != nil) {
			t.Fatalf("pathUnescape(%q) error %v, net/url error %v", s, gotErr, wantErr)
		}
		if gotErr == nil && got != want {
			t.Fatalf("pathUnescape(%q) = %q, want %q", s, got, want)
		}
	})
}
