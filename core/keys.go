package core

import (
	"strings"
	"unicode/utf8"
)

// NormalizeKey returns the canonical form of a recipient key, so that the
// extension, the server and the core compare keys by the same rules. Keys are
// compared only in this form: two keys are the same person when their
// normalised forms are equal.
//
// The rules, applied after trimming surrounding white space and replacing
// invalid UTF-8 with U+FFFD:
//
//   - "mailto:" is dropped and the address is treated as an email.
//   - A URL, that is a key starting with http:// or https:// (any case), or a
//     scheme-less key whose host is www.*, linkedin.com or xing.com (or a
//     subdomain of them), becomes https://HOST/PATH/:
//     the scheme is https; the host is lower-cased, loses trailing dots and
//     the default ports :80 and :443 (and an empty port); every host of linkedin.com (de., m., www.
//     …) becomes www.linkedin.com and every host of xing.com www.xing.com;
//     the query and fragment are dropped; %-escapes in the path are decoded
//     when they decode to valid UTF-8 without "%", "?" or "#"; a LinkedIn path is lower-cased (its
//     vanity URLs are case-insensitive); the path ends with exactly one "/" added
//     if missing.
//   - A key starting with "name:" (any case: a person known only by name) becomes "name:" and the
//     name lower-cased with every run of white space one space, trimmed — the extension's nameKey
//     (core/testdata/keys.json holds both to it).
//   - Otherwise a key containing "@" is an email and is lower-cased.
//   - Anything else (an opaque id such as "urn:li:member:123") is kept as is,
//     case included.
//
// NormalizeKey does not allocate when the key is already in canonical form.
func NormalizeKey(key string) string {
	if canonicalASCII(key) {
		return key
	}
	return normalizeKey(key)
}

// normalizeKey applies the rules of NormalizeKey in full.
func normalizeKey(key string) string {
	s := strings.TrimSpace(key)
	if s == "" {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if hasPrefixFold(s, "mailto:") {
		return strings.ToLower(strings.TrimSpace(s[len("mailto:"):]))
	}
	switch {
	case hasPrefixFold(s, "name:"):
		return nameKey(s, s[len("name:"):])
	case hasPrefixFold(s, "https://"):
		return normalizeURL(s, s[len("https://"):])
	case hasPrefixFold(s, "http://"):
		return normalizeURL(s, s[len("http://"):])
	case schemelessHost(s):
		return normalizeURL(s, s)
	case strings.IndexByte(s, '@') >= 0:
		return strings.ToLower(s)
	}
	return s
}

// hasPrefixFold reports whether s starts with the ASCII lower-case prefix p, ignoring ASCII case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// schemelessHost reports whether s looks like a URL without scheme whose host
// is one Invite Guard knows (www.*, linkedin.com, xing.com and their subdomains).
func schemelessHost(s string) bool {
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	host := s[:end]
	if strings.ContainsAny(host, "@ \t") {
		return false
	}
	if hasPrefixFold(host, "www.") && len(host) > len("www.") {
		return true
	}
	h := strings.ToLower(host)
	return isSiteHost(h, "linkedin.com") || isSiteHost(h, "xing.com")
}

// isSiteHost reports whether the lower-case host h is domain or one of its subdomains.
func isSiteHost(h, domain string) bool {
	return h == domain || (strings.HasSuffix(h, domain) && h[len(h)-len(domain)-1] == '.')
}

// normalizeURL builds https://host/path/ from rest (the key after its scheme);
// orig is the trimmed key, returned unchanged when it is already canonical.
func normalizeURL(orig, rest string) string {
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	host := strings.ToLower(rest[:end])
	path := rest[end:]
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for { // "host.:443", "host:443.", "host:" all become "host"
		h := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(host, ":443"), ":80"), ":"), ".")
		if h == host {
			break
		}
		host = h
	}
	linkedin := false
	switch {
	case isSiteHost(host, "linkedin.com"):
		host, linkedin = "www.linkedin.com", true
	case isSiteHost(host, "xing.com"):
		host = "www.xing.com"
	}
	if strings.IndexByte(path, '%') >= 0 {
		if p, err := pathUnescape(path); err == nil && utf8.ValidString(p) && !strings.ContainsAny(p, "%?#") {
			path = p
		}
	}
	if linkedin {
		path = strings.ToLower(path)
	}
	slash := ""
	if path == "" || path[len(path)-1] != '/' {
		slash = "/"
	}
	const scheme = "https://"
	if slash == "" && len(orig) == len(scheme)+len(host)+len(path) &&
		orig[:len(scheme)] == scheme &&
		orig[len(scheme):len(scheme)+len(host)] == host &&
		orig[len(scheme)+len(host):] == path {
		return orig
	}
	return scheme + host + path + slash // one allocation
}

// canonicalASCII reports, in one pass without calls or allocations, whether
// key is an ASCII key already in canonical form: an https URL as normalizeURL
// writes it, or a lower-case email. It may say no to some canonical keys
// (non-ASCII, opaque ids); the full rules then return them unchanged. Keys
// from the extension are canonical, so this is the path of nearly every key,
// and it is written for speed in WebAssembly too, where calls are dear and a
// byte loop costs several instructions a byte: the email and the URL path are
// checked eight bytes at a time (badEmailBytes, badPathBytes), and the two
// site hosts are recognised by one comparison.
func canonicalASCII(key string) bool {
	n := len(key)
	if n == 0 || key[n-1] == '/' && (n <= 8 || load8(key, 0) != https) {
		return false
	}
	if key[n-1] != '/' { // an email: lower-case ASCII, an "@", no URL characters, no "mailto:"
		i := 0
		for ; i+8 <= n; i += 8 {
			if badEmailBytes(load8(key, i)) {
				return false
			}
		}
		for ; i < n; i++ {
			if c := key[i]; c <= ' ' || c >= 0x7f || 'A' <= c && c <= 'Z' || c == '/' || c == '?' || c == '#' || c == ':' {
				return false
			}
		}
		return strings.IndexByte(key, '@') >= 0
	}
	// https://host/path/
	var end int
	linkedin := false
	switch {
	case n >= 25 && load8(key, 8) == wwwLinked && load8(key, 16) == inDotCom && key[24] == '/': // www.linkedin.com/
		end, linkedin = 24, true
	case n >= 21 && load8(key, 8) == wwwXingDo && load8(key, 13) == ingDotCom: // www.xing.com/
		end = 20
	default:
		end = 8
		for ; end < n && key[end] != '/'; end++ {
			c := key[end]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				return false
			}
		}
		host := key[8:end]
		if host == "" || host[len(host)-1] == '.' || strings.HasSuffix(host, "linkedin.com") || strings.HasSuffix(host, "xing.com") {
			return false // another spelling of a site host (or a look-alike, which the full rules keep)
		}
	}
	i := end
	for ; i+8 <= n; i += 8 {
		if badPathBytes(load8(key, i), linkedin) {
			return false
		}
	}
	for ; i < n; i++ {
		if c := key[i]; c == '?' || c == '#' || c == '%' || c <= ' ' || c >= 0x7f || linkedin && 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// The prefixes canonicalASCII compares a word at a time: "https://", then
// "www.link" + "edin.com" + "/", or "www.xing" + "ing.com/" (overlapping).
var (
	https     = load8("https://", 0)
	wwwLinked = load8("www.link", 0)
	inDotCom  = load8("edin.com", 0)
	wwwXingDo = load8("www.xing", 0)
	ingDotCom = load8("ing.com/", 0)
)

// load8 returns the eight bytes of s at i as a little-endian word (one load
// where the compiler combines them, as for wasm).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Bytes of a word as masks: every byte 0x01, every byte's high bit.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// The tests below work on words whose bytes are all ASCII (< 0x80); a word
// with a non-ASCII byte is bad by its high bit before any of them matters.
// Adding a constant below 0x80 to an ASCII byte never carries into the next
// byte, so each byte's high bit answers for that byte alone.

// badEmailBytes reports whether a byte of w may not stand in a canonical
// email: a control character or space, DEL or non-ASCII, an upper-case
// letter, "/", "?", "#" or ":".
func badEmailBytes(w uint64) bool {
	return (w|notAbove(w, ' ')|above(w, 0x7e)|upper(w)|
		equal(w, '/')|equal(w, '?')|equal(w, '#')|equal(w, ':'))&highs != 0
}

// badPathBytes reports whether a byte of w may not stand in a canonical URL
// path: a control character or space, DEL or non-ASCII, "?", "#", "%", and
// for LinkedIn an upper-case letter.
func badPathBytes(w uint64, linkedin bool) bool {
	bad := w | notAbove(w, ' ') | above(w, 0x7e) | equal(w, '?') | equal(w, '#') | equal(w, '%')
	if linkedin {
		bad |= upper(w)
	}
	return bad&highs != 0
}

// above sets the high bit of each byte of w greater than c.
func above(w uint64, c byte) uint64 { return w + ones*uint64(0x7f-c) }

// notAbove sets the high bit of each byte of w at most c.
func notAbove(w uint64, c byte) uint64 { return ^above(w, c) }

// upper sets the high bit of each byte of w from 'A' to 'Z'.
func upper(w uint64) uint64 { return above(w, 'A'-1) &^ above(w, 'Z') }

// equal sets the high bit of each byte of w equal to c.
func equal(w uint64, c byte) uint64 { return notAbove(w^(ones*uint64(c)), 0) }

// pathUnescape decodes the %XX escapes of a URL path, like net/url's
// PathUnescape ('+' stays '+'), and fails on a malformed escape. It is written
// here so that core.wasm does not link net/url (about 250 KB of code).
func pathUnescape(s string) (string, error) {
	n := strings.Count(s, "%")
	if n == 0 {
		return s, nil
	}
	b := make([]byte, 0, max(len(s)-2*n, 0))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			end := min(i+3, len(s))
			return "", Errorf(CodeInvalid, "invalid URL escape %q", s[i:end])
		}
		b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
		i += 2
	}
	return string(b), nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}
