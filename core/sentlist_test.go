package core

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return tm
}

func TestParseAge(t *testing.T) {
	const now = "2026-11-21T15:30:00Z"
	tests := []struct {
		now, text        string
		lang, unit       string
		amount           int
		earliest, latest string
	}{
		// English
		{now, "Sent today", "en", "day", 0, "2026-11-20T15:30:00Z", now},
		{now, "Sent yesterday", "en", "day", 1, "2026-11-19T15:30:00Z", "2026-11-21T03:30:00Z"},
		{now, "Sent 3 days ago", "en", "day", 3, "2026-11-17T15:30:00Z", "2026-11-19T03:30:00Z"},
		{now, "Sent 1 week ago", "en", "week", 1, "2026-11-07T15:30:00Z", "2026-11-18T03:30:00Z"},
		{now, "Sent 3 weeks ago", "en", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "Sent 2 months ago", "en", "month", 2, "2026-08-21T15:30:00Z", "2026-10-06T15:30:00Z"},
		{now, "Sent 1 year ago", "en", "year", 1, "2024-11-21T15:30:00Z", "2026-05-21T15:30:00Z"},
		{now, "Sent 2 years ago", "en", "year", 2, "2023-11-21T15:30:00Z", "2025-05-21T15:30:00Z"},
		{now, "Sent 5 minutes ago", "en", "minute", 5, "2026-11-21T15:24:00Z", "2026-11-21T15:25:30Z"},
		{now, "Sent 5 hours ago", "en", "hour", 5, "2026-11-21T09:30:00Z", "2026-11-21T11:00:00Z"},
		{now, "Sent an hour ago", "en", "hour", 1, "2026-11-21T13:30:00Z", "2026-11-21T15:00:00Z"},
		{now, "Sent a minute ago", "en", "minute", 1, "2026-11-21T15:28:00Z", "2026-11-21T15:29:30Z"},
		{now, "Sent just now", "en", "minute", 0, "2026-11-21T15:29:00Z", now},
		{now, "Sent a week ago", "en", "week", 1, "2026-11-07T15:30:00Z", "2026-11-18T03:30:00Z"},
		{now, "Sent one month ago", "en", "month", 1, "2026-09-21T15:30:00Z", "2026-11-05T15:30:00Z"},
		{now, "Sent 3w ago", "en", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		// English, tolerated variations
		{now, "  SENT   3\u00a0WEEKS  AGO  ", "en", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "Sent\u202f3 weeks ago.", "en", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "3 weeks ago", "en", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "today", "en", "day", 0, "2026-11-20T15:30:00Z", now},
		{now, "Sent\ttoday\n", "en", "day", 0, "2026-11-20T15:30:00Z", now},
		// German
		{now, "Heute gesendet", "de", "day", 0, "2026-11-20T15:30:00Z", now},
		{now, "Gestern gesendet", "de", "day", 1, "2026-11-19T15:30:00Z", "2026-11-21T03:30:00Z"},
		{now, "Vor 3 Tagen gesendet", "de", "day", 3, "2026-11-17T15:30:00Z", "2026-11-19T03:30:00Z"},
		{now, "Vor 1 Woche gesendet", "de", "week", 1, "2026-11-07T15:30:00Z", "2026-11-18T03:30:00Z"},
		{now, "Vor 3 Wochen gesendet", "de", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "Vor 2 Monaten gesendet", "de", "month", 2, "2026-08-21T15:30:00Z", "2026-10-06T15:30:00Z"},
		{now, "Vor einem Monat gesendet", "de", "month", 1, "2026-09-21T15:30:00Z", "2026-11-05T15:30:00Z"},
		{now, "Vor 1 Jahr gesendet", "de", "year", 1, "2024-11-21T15:30:00Z", "2026-05-21T15:30:00Z"},
		{now, "Vor 2 Jahren gesendet", "de", "year", 2, "2023-11-21T15:30:00Z", "2025-05-21T15:30:00Z"},
		{now, "Gesendet vor 2 Stunden", "de", "hour", 2, "2026-11-21T12:30:00Z", "2026-11-21T14:00:00Z"},
		{now, "Vor 5 Minuten gesendet", "de", "minute", 5, "2026-11-21T15:24:00Z", "2026-11-21T15:25:30Z"},
		{now, "Vor einer Stunde gesendet", "de", "hour", 1, "2026-11-21T13:30:00Z", "2026-11-21T15:00:00Z"},
		{now, "Vor\u00a0einer Woche gesendet", "de", "week", 1, "2026-11-07T15:30:00Z", "2026-11-18T03:30:00Z"},
		{now, "vor einem Tag", "de", "day", 1, "2026-11-19T15:30:00Z", "2026-11-21T03:30:00Z"},
		{now, "Gerade eben gesendet", "de", "minute", 0, "2026-11-21T15:29:00Z", now},
		// French
		{now, "Envoyée aujourd'hui", "fr", "day", 0, "2026-11-20T15:30:00Z", now},
		{now, "Envoyée aujourd\u2019hui", "fr", "day", 0, "2026-11-20T15:30:00Z", now},
		{now, "Envoyée hier", "fr", "day", 1, "2026-11-19T15:30:00Z", "2026-11-21T03:30:00Z"},
		{now, "Envoyée il y a 2 mois", "fr", "month", 2, "2026-08-21T15:30:00Z", "2026-10-06T15:30:00Z"},
		{now, "Envoyé il y a 3 semaines", "fr", "week", 3, "2026-10-24T15:30:00Z", "2026-11-04T03:30:00Z"},
		{now, "il y a 1 an", "fr", "year", 1, "2024-11-21T15:30:00Z", "2026-05-21T15:30:00Z"},
		{now, "Il y a 2 ans", "fr", "year", 2, "2023-11-21T15:30:00Z", "2025-05-21T15:30:00Z"},
		{now, "il y a une semaine", "fr", "week", 1, "2026-11-07T15:30:00Z", "2026-11-18T03:30:00Z"},
		{now, "Envoyée il y a 5 jours", "fr", "day", 5, "2026-11-15T15:30:00Z", "2026-11-17T03:30:00Z"},
		{now, "Envoyée il y a 3 heures", "fr", "hour", 3, "2026-11-21T11:30:00Z", "2026-11-21T13:00:00Z"},
		{now, "Envoyée il y a 10 minutes", "fr", "minute", 10, "2026-11-21T15:19:00Z", "2026-11-21T15:20:30Z"},
		{now, "Envoyée à l\u2019instant", "fr", "minute", 0, "2026-11-21T15:29:00Z", now},
		{now, "ENVOYÉE IL Y A UN AN", "fr", "year", 1, "2024-11-21T15:30:00Z", "2026-05-21T15:30:00Z"},
		// A year boundary: 3 weeks before 5 January 2027 is in December 2026.
		{"2027-01-05T00:00:00Z", "Sent 3 weeks ago", "en", "week", 3, "2026-12-08T00:00:00Z", "2026-12-18T12:00:00Z"},
		{"2027-01-05T10:00:00Z", "Sent 1 month ago", "en", "month", 1, "2026-11-05T10:00:00Z", "2026-12-20T10:00:00Z"},
		{"2027-01-05T10:00:00Z", "Vor 3 Tagen gesendet", "de", "day", 3, "2027-01-01T10:00:00Z", "2027-01-03T00:00:00Z"},
		{"2027-01-01T08:00:00Z", "Sent yesterday", "en", "day", 1, "2026-12-30T08:00:00Z", "2027-01-01T00:00:00Z"},
		// Month lengths: one month before 31 March is the end of February (leap year 2028 too).
		{"2027-03-31T12:00:00Z", "Vor einem Monat gesendet", "de", "month", 1, "2027-01-31T12:00:00Z", "2027-03-15T12:00:00Z"},
		{"2028-03-31T12:00:00Z", "Sent 1 month ago", "en", "month", 1, "2028-01-31T12:00:00Z", "2028-03-15T12:00:00Z"},
		// Calendar days in the user's zone: just after local midnight "yesterday" reaches to local midnight.
		{"2026-11-21T00:30:00+01:00", "Sent yesterday", "en", "day", 1, "2026-11-19T00:30:00+01:00", "2026-11-21T00:00:00+01:00"},
	}
	for _, tt := range tests {
		got, err := ParseAge(AgeRequest{Text: tt.text, Now: mustTime(t, tt.now)})
		if err != nil {
			t.Errorf("ParseAge(%q): %v", tt.text, err)
			continue
		}
		if got.Lang != tt.lang || got.Unit != tt.unit || got.Amount != tt.amount {
			t.Errorf("ParseAge(%q) = %s %d %s, want %s %d %s", tt.text, got.Lang, got.Amount, got.Unit, tt.lang, tt.amount, tt.unit)
		}
		if want := mustTime(t, tt.earliest); !got.Earliest.Equal(want) {
			t.Errorf("ParseAge(%q).Earliest = %s, want %s", tt.text, got.Earliest.Format(time.RFC3339), tt.earliest)
		}
		if want := mustTime(t, tt.latest); !got.Latest.Equal(want) {
			t.Errorf("ParseAge(%q).Latest = %s, want %s", tt.text, got.Latest.Format(time.RFC3339), tt.latest)
		}
	}
}

// TestParseAgeContainsTruth: for an invitation sent at a known time, the text
// a list that rounds down, or rounds to nearest, would show yields a range
// that contains the true time.
func TestParseAgeContainsTruth(t *testing.T) {
	now := mustTime(t, "2027-01-05T09:00:00Z")
	units := []struct {
		name string
		d    time.Duration
	}{{"minutes", time.Minute}, {"hours", time.Hour}, {"days", 24 * time.Hour}, {"weeks", 7 * 24 * time.Hour}}
	for _, u := range units {
		for elapsed := time.Duration(0); elapsed < 40*u.d; elapsed += u.d / 7 {
			sent := now.Add(-elapsed)
			for _, n := range []int{int(elapsed / u.d), int((elapsed + u.d/2) / u.d)} {
				text := "Sent " + strconv.Itoa(n) + " " + u.name + " ago"
				got, err := ParseAge(AgeRequest{Text: text, Now: now})
				if err != nil {
					t.Fatalf("ParseAge(%q): %v", text, err)
				}
				if sent.Before(got.Earliest) || sent.After(got.Latest) {
					t.Errorf("%q for elapsed %s: range [%s, %s] misses %s", text, elapsed, got.Earliest, got.Latest, sent)
				}
			}
		}
	}
}

func TestParseAgeInvalid(t *testing.T) {
	now := mustTime(t, "2026-11-21T15:30:00Z")
	tests := []struct {
		req  AgeRequest
		want string
	}{
		{AgeRequest{Text: "", Now: now}, "text: empty age text"},
		{AgeRequest{Text: " \u00a0 ", Now: now}, "text: empty age text"},
		{AgeRequest{Text: "Sent", Now: now}, `cannot read the age "Sent"`},
		{AgeRequest{Text: "Sent 3 fortnights ago", Now: now}, `cannot read the age "Sent 3 fortnights ago"`},
		{AgeRequest{Text: "Sent ago 3 weeks", Now: now}, `cannot read the age "Sent ago 3 weeks"`},
		{AgeRequest{Text: "Vor drei", Now: now}, `cannot read the age "Vor drei"`},
		{AgeRequest{Text: "Sent 3 weeks", Now: now}, `cannot read the age "Sent 3 weeks"`},
		{AgeRequest{Text: "Vor 3 weeks", Now: now}, `cannot read the age "Vor 3 weeks"`},
		{AgeRequest{Text: "Sent 3.5 weeks ago", Now: now}, `cannot read the age "Sent 3.5 weeks ago"`},
		{AgeRequest{Text: "Sent -3 weeks ago", Now: now}, `cannot read the age "Sent -3 weeks ago"`},
		{AgeRequest{Text: "Sent 99999 days ago", Now: now}, `cannot read the age "Sent 99999 days ago"`},
		{AgeRequest{Text: "Sent 1000 days ago", Now: now}, `age "Sent 1000 days ago": 1000 days is more than the 999`},
		{AgeRequest{Text: "Sent 100 years ago", Now: now}, `age "Sent 100 years ago": 100 years is more than the 99`},
		{AgeRequest{Text: "Sent today", Now: time.Time{}}, "now: missing"},
		{AgeRequest{Text: "Sent today", Now: time.Date(9500, 1, 1, 0, 0, 0, 0, time.UTC)}, "now: year 9500 out of range"},
		{AgeRequest{Text: strings.Repeat("a", 201), Now: now}, "text: age text of 201 bytes is longer than 200"},
		{AgeRequest{Text: "Sent \xff today", Now: now}, "text: not valid UTF-8"},
	}
	for _, tt := range tests {
		_, err := ParseAge(tt.req)
		if got, want := ErrorCode(err), CodeInvalid; got != want {
			t.Errorf("ParseAge(%q): code %q, want %q (err %v)", tt.req.Text, got, want, err)
			continue
		}
		if got := ErrorMessage(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("ParseAge(%q): message %q, want prefix %q", tt.req.Text, got, tt.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		k    int
		want string
	}{
		{"2027-01-05T10:00:00Z", -1, "2026-12-05T10:00:00Z"},
		{"2027-01-05T10:00:00Z", -13, "2025-12-05T10:00:00Z"},
		{"2027-01-05T10:00:00Z", -12, "2026-01-05T10:00:00Z"},
		{"2027-03-31T10:00:00Z", -1, "2027-02-28T10:00:00Z"},
		{"2028-03-31T10:00:00Z", -1, "2028-02-29T10:00:00Z"},
		{"2026-12-31T10:00:00Z", 2, "2027-02-28T10:00:00Z"},
		{"2026-05-31T10:00:00Z", 0, "2026-05-31T10:00:00Z"},
	}
	for _, tt := range tests {
		got := addMonths(mustTime(t, tt.from), tt.k)
		if want := mustTime(t, tt.want); !got.Equal(want) {
			t.Errorf("addMonths(%s, %d) = %s, want %s", tt.from, tt.k, got.Format(time.RFC3339), tt.want)
		}
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"People (1,100)", 1100},
		{"Personen (1.052)", 1052},
		{"Personnes (1 052)", 1052},
		{"Personnes (1\u00a0052)", 1052},
		{"Personnes (1\u202f052)", 1052},
		{"Personnes (1\u2009052)", 1052},
		{"Personen (1'052)", 1052},
		{"Personen (1\u2019052)", 1052},
		{"1,100", 1100},
		{"(12)", 12},
		{"Sent (3)", 3},
		{"People (0)", 0},
		{"People (12,345,678)", 12345678},
		{"  People  ( 7 ) ", 7},
		{"42", 42},
		{"Page 2 (1,100)", 1100},
		{"Gesendet (1.234.567)", 1234567},
		{"People (1,100 people)", 1100},
		{"999,999,999", 999999999},
	}
	for _, tt := range tests {
		got, err := ParseCount(CountRequest{Text: tt.text})
		if err != nil {
			t.Errorf("ParseCount(%q): %v", tt.text, err)
			continue
		}
		if got.Count != tt.want {
			t.Errorf("ParseCount(%q) = %d, want %d", tt.text, got.Count, tt.want)
		}
	}
}

func TestParseCountInvalid(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"", "text: empty count text"},
		{"People", `count "People": no number in the text`},
		{"People ()", `count "People ()": no number in the text`},
		{"1,5", `count "1,5": ambiguous number "1,5": after a separator come exactly 3 digits`},
		{"Personen (1.10)", `count "Personen (1.10)": ambiguous number "1.10"`},
		{"1,100.5", `count "1,100.5": mixed separators in "1,100.5"`},
		{"1234,567", `count "1234,567": thousands groups in "1234,567" are malformed`},
		{"(1) (2)", `count "(1) (2)": ambiguous, 2 numbers (1, 2)`},
		{"3 of 12", `count "3 of 12": ambiguous, 2 numbers (3, 12)`},
		{"People (1,100", `count "People (1,100": unbalanced parentheses`},
		{"People 1,100)", `count "People 1,100)": unbalanced parentheses`},
		{"((1))", `count "((1))": nested parentheses`},
		{"People (-3)", `count "People (-3)": a signed number is not a count`},
		{"People (99+)", `count "People (99+)": 99+ is a lower bound, not a count`},
		{"1234567890", `count "1234567890": number "1234567890" is too large for a count`},
		{"1,000,000,000", `count "1,000,000,000": number "1,000,000,000" is too large for a count`},
		{strings.Repeat("1", 201), "text: count text of 201 bytes is longer than 200"},
		{"\xff(1)", "text: not valid UTF-8"},
	}
	for _, tt := range tests {
		_, err := ParseCount(CountRequest{Text: tt.text})
		if got, want := ErrorCode(err), CodeInvalid; got != want {
			t.Errorf("ParseCount(%q): code %q, want %q (err %v)", tt.text, got, want, err)
			continue
		}
		if got := ErrorMessage(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("ParseCount(%q): message %q, want prefix %q", tt.text, got, tt.want)
		}
	}
}

func FuzzParseAge(f *testing.F) {
	for _, s := range []string{"Sent today", "Sent 3 weeks ago", "Vor 3 Wochen gesendet", "Envoyée il y a 2 mois",
		"il y a une semaine", "Gesendet vor 2 Stunden", "Sent 999 months ago", "Sent 99 years ago", "3w", "vor 0 tagen"} {
		f.Add(s, int64(1_800_000_000), 0)
	}
	f.Add("Sent yesterday", int64(-2_000_000_000), 3600)
	f.Fuzz(func(t *testing.T, text string, unix int64, offset int) {
		now := time.Unix(unix, 0).In(time.FixedZone("", offset%(15*3600)))
		got, err := ParseAge(AgeRequest{Text: text, Now: now})
		if err != nil {
			if ErrorCode(err) != CodeInvalid {
				t.Fatalf("ParseAge(%q): code %q, want invalid", text, ErrorCode(err))
			}
			return
		}
		if got.Latest.After(now) || got.Earliest.After(got.Latest) {
			t.Fatalf("ParseAge(%q) at %s: bad range [%s, %s]", text, now, got.Earliest, got.Latest)
		}
		if _, err := got.Earliest.MarshalJSON(); err != nil {
			t.Fatalf("ParseAge(%q): earliest cannot be written: %v", text, err)
		}
		if got.Lang != "en" && got.Lang != "de" && got.Lang != "fr" {
			t.Fatalf("ParseAge(%q): lang %q", text, got.Lang)
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"People (1,100)", "Personen (1.052)", "Personnes (1\u202f052)", "(12)", "1,5", "99+", "((1))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := ParseCount(CountRequest{Text: text})
		if err != nil {
			if ErrorCode(err) != CodeInvalid {
				t.Fatalf("ParseCount(%q): code %q, want invalid", text, ErrorCode(err))
			}
			return
		}
		if got.Count < 0 || got.Count > maxCount {
			t.Fatalf("ParseCount(%q) = %d", text, got.Count)
		}
	})
}
