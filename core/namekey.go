package core

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameKey returns the key of a person known only by name: "name:" and the name lower-cased as
// JavaScript's toLowerCase does (the extension makes these keys), every run of white space (as
// JavaScript's \s knows it, and U+200B) one space, trimmed. orig is returned when already canonical.
func nameKey(orig, name string) string {
	var b strings.Builder
	b.Grow(len(orig))
	b.WriteString("name:")
	space := false
	for i, r := range name {
		if jsSpace(r) {
			space = b.Len() > len("name:")
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		writeLowerJS(&b, r, name, i)
	}
	if out := b.String(); out != orig {
		return out
	}
	return orig
}

// jsSpace reports whether r is white space to JavaScript's \s, or a zero-width space (which the
// extension's clean() collapses too).
func jsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b':
		return true
	}
	return '\u2000' <= r && r <= '\u200a'
}

// writeLowerJS writes r lower-cased as JavaScript's String.prototype.toLowerCase does where it differs
// from unicode.ToLower: İ becomes "i̇" (i and a combining dot), and Σ at the end of a word becomes ς.
func writeLowerJS(b *strings.Builder, r rune, s string, i int) {
	switch r {
	case 'İ':
		b.WriteString("i\u0307")
		return
	case 'Σ':
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len("Σ"):])
		if i > 0 && unicode.IsLetter(before) && !unicode.IsLetter(after) {
			b.WriteRune('ς')
			return
		}
	}
	b.WriteRune(unicode.ToLower(r))
}
