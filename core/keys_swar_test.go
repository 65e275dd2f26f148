package core

import (
	"strings"
	"testing"
)

// canonicalASCIIByByte is canonicalASCII as it was written before it checked
// eight bytes at a time: the reference of TestCanonicalASCIIWordAtATime.
func canonicalASCIIByByte(key string) bool {
	n := len(key)
	if n == 0 || key[n-1] == '/' && (n <= 8 || key[:8] != "https://") {
		return false
	}
	if key[n-1] != '/' {
		at := false
		for i := 0; i < n; i++ {
			c := key[i]
			switch {
			case c <= ' ' || c >= 0x7f || 'A' <= c && c <= 'Z' || c == '/' || c == '?' || c == '#' || c == ':':
				return false
			case c == '@':
				at = true
			}
		}
		return at
	}
	end := 8
	for ; end < n && key[end] != '/'; end++ {
		c := key[end]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	host := key[8:end]
	if host == "" || host[len(host)-1] == '.' {
		return false
	}
	linkedin := host == "www.linkedin.com"
	if !linkedin && host != "www.xing.com" && (strings.HasSuffix(host, "linkedin.com") || strings.HasSuffix(host, "xing.com")) {
		return false
	}
	for i := end; i < n; i++ {
		c := key[i]
		if c == '?' || c == '#' || c == '%' || c <= ' ' || c >= 0x7f || linkedin && 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// TestCanonicalASCIIWordAtATime: the word-at-a-time canonicalASCII answers
// as the byte loop did — every byte value at every offset of emails and of
// the paths of LinkedIn, XING and other hosts, and random keys built from
// the characters the rules care about.
func TestCanonicalASCIIWordAtATime(t *testing.T) {
	check := func(k string) {
		t.Helper()
		if got, want := canonicalASCII(k), canonicalASCIIByByte(k); got != want {
			t.Fatalf("canonicalASCII(%q) = %v, byte by byte %v", k, got, want)
		}
	}
	shapes := []struct{ prefix, suffix string }{
		{"", "@example.org"}, {"anna.schmidt", "@ex.org"}, {"a@", ""}, {"", ""},
		{"https://www.linkedin.com/in/", "/"}, {"https://www.xing.com/profile/", "/"}, {"https://x.example/", "/"},
		{"https://www.linkedin.com", "/"}, {"https://sub.example.com", "/"}, {"https://", "/"},
	}
	for _, sh := range shapes {
		for n := range 20 {
			for at := 0; at <= n; at++ {
				for c := range 256 {
					check(sh.prefix + strings.Repeat("a", at) + string([]byte{byte(c)}) + strings.Repeat("b", n-at) + sh.suffix)
				}
			}
		}
	}
	alphabet := []string{"a", "z", "A", "Z", "@", "@", "/", "?", "#", ":", "%", ".", "-", "0", "9", " ", "\x7f", "\x80", "é", "\x00", "[", "`", "{", "~",
		"linkedin.com", "xing.com", "www.", "https://", "www.linkedin.com/", "www.xing.com/"}
	rng := uint64(7)
	for range 200000 {
		var b strings.Builder
		for range int(rng>>59) + 1 {
			rng = rng*6364136223846793005 + 1442695040888963407
			b.WriteString(alphabet[rng>>33%uint64(len(alphabet))])
		}
		k := b.String()
		check(k)
		check("https://" + k)
		check(k + "/")
		check("https://" + k + "/")
		check("https://www.linkedin.com/" + k + "/")
	}
}

// benchKeys are keys as the extension sends them: LinkedIn profiles, XING
// profiles and emails.
var benchKeys = func() []string {
	var keys []string
	for i := range 300 {
		n := strings.Repeat(string(rune('a'+i%26)), 3+i%5)
		keys = append(keys, "https://www.linkedin.com/in/"+n+"-member-"+strings.Repeat("0", i%3)+"/",
			"https://www.xing.com/profile/"+n+"_x/", n+".schmidt@example.org")
	}
	return keys
}()

// BenchmarkCanonicalASCII and BenchmarkCanonicalASCIIByByte compare the two
// ways on the same keys; run them as wasm too (internal/wasmrun).
func BenchmarkCanonicalASCII(b *testing.B) { benchCanonical(b, canonicalASCII) }

func BenchmarkCanonicalASCIIByByte(b *testing.B) { benchCanonical(b, canonicalASCIIByByte) }

func benchCanonical(b *testing.B, f func(string) bool) {
	for b.Loop() {
		for _, k := range benchKeys {
			if !f(k) {
				b.Fatalf("%q is canonical", k)
			}
		}
	}
}
