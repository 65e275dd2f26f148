package core

import "testing"

func TestNormalizeKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"https://www.linkedin.com/in/anna-schmidt/", "https://www.linkedin.com/in/anna-schmidt/"},
		{"  https://www.linkedin.com/in/anna-schmidt  ", "https://www.linkedin.com/in/anna-schmidt/"},
		{"HTTPS://DE.LinkedIn.com/in/Anna-Schmidt?trk=people#top", "https://www.linkedin.com/in/anna-schmidt/"},
		{"http://linkedin.com/in/anna-schmidt/", "https://www.linkedin.com/in/anna-schmidt/"},
		{"linkedin.com/in/anna-schmidt", "https://www.linkedin.com/in/anna-schmidt/"},
		{"m.linkedin.com/in/anna-schmidt/?x=1", "https://www.linkedin.com/in/anna-schmidt/"},
		{"https://www.linkedin.com:443/in/anna-schmidt", "https://www.linkedin.com/in/anna-schmidt/"},
		{"https://www.linkedin.com./in/anna-schmidt", "https://www.linkedin.com/in/anna-schmidt/"},
		{"https://www.linkedin.com/in/j%C3%BCrgen-m%c3%bcller", "https://www.linkedin.com/in/jürgen-müller/"},
		{"https://www.linkedin.com/in/J%C3%9CRGEN", "https://www.linkedin.com/in/jürgen/"},
		{"https://www.linkedin.com/in/bad%zz", "https://www.linkedin.com/in/bad%zz/"},
		{"https://www.linkedin.com/in/half%C3", "https://www.linkedin.com/in/half%c3/"},
		{"https://www.linkedin.com", "https://www.linkedin.com/"},
		{"https://x.example/a%3Fb%C3%BC", "https://x.example/a%3Fb%C3%BC/"},
		{"https://www.linkedin.com?x", "https://www.linkedin.com/"},
		// XING keeps the case of its path; only the host is canonical.
		{"https://xing.com/profile/Max_Mustermann", "https://www.xing.com/profile/Max_Mustermann/"},
		{"www.xing.com/profile/Max_Mustermann/", "https://www.xing.com/profile/Max_Mustermann/"},
		{"https://Example.COM:80/People/X", "https://example.com/People/X/"},
		// Emails.
		{"Anna.Schmidt@Example.COM", "anna.schmidt@example.com"},
		{"  anna.schmidt@example.com\t", "anna.schmidt@example.com"},
		{"mailto:Anna@Example.com", "anna@example.com"},
		{"MAILTO: jürgen@BEISPIEL.de", "jürgen@beispiel.de"},
		{"ÉLODIE@exemple.fr", "élodie@exemple.fr"},
		// Opaque ids keep their case.
		{"urn:li:fsd_profile:ACoAAB12", "urn:li:fsd_profile:ACoAAB12"},
		{" anna.schmidt ", "anna.schmidt"},
		{"xingid:12345", "xingid:12345"},
	}
	for _, tt := range tests {
		if got := NormalizeKey(tt.in); got != tt.want {
			t.Errorf("NormalizeKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// The fast path agrees with the full rules on every input and output.
		for _, k := range []string{tt.in, tt.want} {
			if canonicalASCII(k) && normalizeKey(k) != k {
				t.Errorf("canonicalASCII(%q) = true, but the full rules give %q", k, normalizeKey(k))
			}
		}
	}
	for _, k := range []string{"https://www.linkedin.com/in/anna/", "anna.schmidt@example.com", "https://example.com/People/X/", "https://www.xing.com/profile/Max_M/"} {
		if !canonicalASCII(k) {
			t.Errorf("canonicalASCII(%q) = false, want the fast path", k)
		}
	}
	for _, k := range []string{"a/", "https://", "https:///", "https://de.linkedin.com/in/a/", "https://www.linkedin.com/in/A/", "Anna@example.com",
		"mailto:a@b.c", "https://www.linkedin.com./in/a/", "https://x.example/a?b/", "urn:li:member:1", " a@b.c"} {
		if canonicalASCII(k) {
			t.Errorf("canonicalASCII(%q) = true, want the full rules", k)
		}
	}
}

func TestNormalizeKeyIdempotent(t *testing.T) {
	for _, in := range []string{
		"HTTPS://DE.LinkedIn.com/in/Anna-Schmidt?trk=people", "Anna@Example.com", "www.xing.com/profile/A_B",
		"https://www.linkedin.com/in/j%C3%BCrgen", "urn:li:member:1", "https://x.example/%25", "https://x.example/%2541", "https://x.example/a%3Fb", "https://x.example/a%2Fb",
	} {
		once := NormalizeKey(in)
		if twice := NormalizeKey(once); twice != once {
			t.Errorf("NormalizeKey(NormalizeKey(%q)) = %q, want %q", in, twice, once)
		}
	}
}

func TestNormalizeKeyCanonicalDoesNotAllocate(t *testing.T) {
	for _, k := range []string{"https://www.linkedin.com/in/anna-schmidt/", "anna@example.com", "urn:li:member:1"} {
		if got := testing.AllocsPerRun(100, func() { _ = NormalizeKey(k) }); got != 0 {
			t.Errorf("NormalizeKey(%q) allocates %v times, want 0", k, got)
		}
	}
}
