package core

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldMessage lower-cases s, spells out German umlauts and ß (ä → ae, ß → ss),
// drops the accents of other Latin letters (é → e, also when decomposed) and collapses every run of
// white space into one space, so that "Jürgen" and "JUERGEN" fold alike and
// phrases match across spelling habits.
func foldMessage(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	space := true // drop leading space
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent of a decomposed letter (e + ́ → e)
		}
		space = false
		r = unicode.ToLower(r)
		if r < 0x80 {
			b.WriteByte(byte(r))
			continue
		}
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSuffix(b.String(), " ")
}

// foldTable spells out the Latin letters with diacritics found in English,
// German and French names and text (and a few from their neighbours).
var foldTable = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ą': "a",
	'ç': "c", 'č': "c", 'ć': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'ō': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ū': "u", 'ů': "u",
	'ý': "y", 'ÿ': "y", 'ł': "l", 'š': "s", 'ś': "s", 'ž': "z", 'ź': "z", 'ż': "z",
	'ř': "r", 'đ': "d", 'ğ': "g", 'ş': "s", 'ı': "i",
	'’': "'", '‘': "'",
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// messageWords splits folded text into its words (runs of letters and digits).
func messageWords(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool { return !isWordRune(r) })
}

// unspaced reports whether s is written in a script that does not separate
// words with spaces (Chinese, Japanese, Thai), or in Hangul, where particles
// stick to names: there a name is found as a substring, not as a word.
func unspaced(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			return true
		}
	}
	return false
}

// nameTitles are words of a name that do not address the person by themselves.
var nameTitles = map[string]bool{
	"dr": true, "prof": true, "herr": true, "frau": true, "mr": true, "mrs": true, "ms": true,
	"mme": true, "mlle": true, "m": true, "von": true, "van": true, "de": true, "der": true,
	"den": true, "du": true, "la": true, "le": true, "zu": true, "di": true, "da": true,
	"dipl": true, "ing": true, "mba": true, "phd": true, "jr": true, "sr": true,
}

// salutations are the titles of address that templated() sets aside with the names.
var salutations = map[string]bool{
	"dr": true, "prof": true, "herr": true, "frau": true, "mr": true, "mrs": true, "ms": true,
	"mme": true, "mlle": true, "monsieur": true, "madame": true,
}

// nameParts returns the folded words of a name that address its person: two
// runes or more, titles and particles left out.
func nameParts(name string) []string {
	var parts []string
	for _, w := range messageWords(foldMessage(name)) {
		if utf8.RuneCountInString(w) < 2 || nameTitles[w] {
			continue
		}
		parts = append(parts, w)
	}
	return parts
}

// mentions reports whether folded text, split into ws, contains the name part p.
func mentions(folded string, ws []string, p string) bool {
	if unspaced(p) {
		return strings.Contains(folded, p)
	}
	return slices.Contains(ws, p)
}
