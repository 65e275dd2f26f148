package core

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxSentText bounds the age and count texts: the Sent list never shows more
// than a few words, so anything longer is a scanner error.
const maxSentText = 200

// The units of an age, as AgeRange.Unit reports them.
const (
	UnitMinute = "minute"
	UnitHour   = "hour"
	UnitDay    = "day"
	UnitWeek   = "week"
	UnitMonth  = "month"
	UnitYear   = "year"
)

// AgeUnits lists the units of an age, shortest first.
var AgeUnits = []string{UnitMinute, UnitHour, UnitDay, UnitWeek, UnitMonth, UnitYear}

// maxAmount bounds the number in an age text per unit, so that no range
// leaves the years a timestamp can be written in.
var maxAmount = map[string]int{
	UnitMinute: 999, UnitHour: 999, UnitDay: 999, UnitWeek: 999, UnitMonth: 999, UnitYear: 99,
}

// Validate checks that the text is present and short and that Now is set.
func (r AgeRequest) Validate() error {
	if err := validSentText("age", r.Text); err != nil {
		return err
	}
	return validNow(r.Now)
}

// validSentText checks a text of the Sent list of the given kind ("age",
// "count"): present, at most maxSentText bytes, valid UTF-8.
func validSentText(kind, text string) error {
	if strings.TrimSpace(foldText(text)) == "" {
		return Errorf(CodeInvalid, "text: empty %s text", kind)
	}
	if len(text) > maxSentText {
		return Errorf(CodeInvalid, "text: %s text of %d bytes is longer than %d", kind, len(text), maxSentText)
	}
	if !utf8.ValidString(text) {
		return Errorf(CodeInvalid, "text: not valid UTF-8")
	}
	return nil
}

// validNow checks an input clock reading: set, and within the years that
// every computed range can still be written as RFC 3339.
func validNow(now time.Time) error {
	if now.IsZero() {
		return Errorf(CodeInvalid, "now: missing (the core reads no clock; pass the current time)")
	}
	if y := now.Year(); y < 1900 || y > 9000 {
		return Errorf(CodeInvalid, "now: year %d out of range 1900–9000", y)
	}
	return nil
}

// ParseAge reads an age text of the Sent list ("Sent 3 weeks ago", "Vor 3
// Wochen gesendet", "Envoyée il y a 2 mois", "Sent today" …) in English,
// German or French and returns the time range the invitation was sent in.
//
// The text is folded first: case, runs of white space (also no-break and
// narrow no-break spaces), typographic apostrophes and a trailing full stop do
// not matter; the word "Sent"/"gesendet"/"Envoyé(e)" may be missing. Numbers
// may be digits or words ("a", "an", "one", "ein", "einem", "une" …).
//
// The range is rounding-aware, because the list shows one rounded number.
// For an amount n of a unit u the invitation was sent between
//
//	Earliest = Now − (n+1)·u        (a list that rounds down shows n until n+1 units have passed)
//	Latest   = Now − n·u + ½u       (a list that rounds to nearest shows n from n−½ units on)
//
// with Latest never after Now. Minutes and hours are fixed durations; a week
// is 7 calendar days; days and weeks step by calendar day in Now's location,
// months and years by calendar month (clamped to the month's last day, so
// 31 March − 1 month is 28 or 29 February), so ranges across a year boundary
// and across month lengths are right; half a month is 15 days and half a year
// 6 months. Days also cover calendar-day wording ("yesterday" as the date
// before today in Now's location): Latest is at least the start of the day
// n−1 days before Now's day. So "today" is [Now−1 day, Now], "yesterday"
// [Now−2 days, max(Now−12 h, start of today)], "just now" [Now−1 minute, Now].
// Pass Now with the user's UTC offset for calendar days in their time zone.
//
// Text it cannot read is a CodeInvalid error quoting the text.
func ParseAge(req AgeRequest) (AgeRange, error) {
	if err := req.Validate(); err != nil {
		return AgeRange{}, err
	}
	lang, unit, n, ok := readAge(ageTokens(req.Text))
	if !ok {
		return AgeRange{}, Errorf(CodeInvalid, "cannot read the age %q: expected e.g. \"Sent 3 weeks ago\", \"Vor 3 Wochen gesendet\" or \"Envoyée il y a 3 semaines\"", req.Text)
	}
	if n > maxAmount[unit] {
		return AgeRange{}, Errorf(CodeInvalid, "age %q: %d %ss is more than the %d the Sent list can show", req.Text, n, unit, maxAmount[unit])
	}
	earliest, latest := ageBounds(req.Now, unit, n)
	return AgeRange{Lang: lang, Unit: unit, Amount: n, Earliest: earliest, Latest: latest}, nil
}

// ageBounds computes [Earliest, Latest] for n units before now, as ParseAge documents.
func ageBounds(now time.Time, unit string, n int) (earliest, latest time.Time) {
	switch unit {
	case UnitMinute, UnitHour:
		d := time.Minute
		if unit == UnitHour {
			d = time.Hour
		}
		earliest = now.Add(-time.Duration(n+1) * d)
		latest = now.Add(-time.Duration(n)*d + d/2)
	case UnitDay:
		earliest = now.AddDate(0, 0, -(n + 1))
		latest = now.AddDate(0, 0, -n).Add(12 * time.Hour)
		y, m, d := now.Date()
		if cal := time.Date(y, m, d-(n-1), 0, 0, 0, 0, now.Location()); cal.After(latest) {
			latest = cal
		}
	case UnitWeek:
		earliest = now.AddDate(0, 0, -7*(n+1))
		latest = now.AddDate(0, 0, -7*n).Add(84 * time.Hour)
	case UnitMonth:
		earliest = addMonths(now, -(n + 1))
		latest = addMonths(now, -n).AddDate(0, 0, 15)
	case UnitYear:
		earliest = addMonths(now, -12*(n+1))
		latest = addMonths(now, -12*n+6)
	}
	if latest.After(now) {
		latest = now
	}
	return earliest, latest
}

// addMonths moves t by k calendar months, keeping the time of day and
// clamping the day to the target month's length.
func addMonths(t time.Time, k int) time.Time {
	y, m, d := t.Date()
	total := int(m) - 1 + k
	y += total / 12
	mm := total % 12
	if mm < 0 {
		mm += 12
		y--
	}
	month := time.Month(mm + 1)
	if last := daysIn(y, month); d > last {
		d = last
	}
	h, mi, s := t.Clock()
	return time.Date(y, month, d, h, mi, s, t.Nanosecond(), t.Location())
}

// daysIn returns the number of days of a month.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// The words that say "sent" in each language; they are dropped before reading.
var sentWords = map[string]bool{
	"sent": true, "gesendet": true, "verschickt": true,
	"envoyé": true, "envoyée": true, "envoyés": true, "envoyées": true,
	"envoye": true, "envoyee": true, "envoyes": true, "envoyees": true,
}

// Number words per language (the Sent list writes "a week", "einem Monat", "une semaine").
var numberWords = map[string]map[string]int{
	"en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
	"de": {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
		"fünf": 5, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
		"zwölf": 12, "zwolf": 12},
	"fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
		"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12},
}

// Unit words per language, singular, plural, inflected and abbreviated.
var unitWords = map[string]map[string]string{
	"en": {
		"minute": UnitMinute, "minutes": UnitMinute, "min": UnitMinute, "mins": UnitMinute, "m": UnitMinute,
		"hour": UnitHour, "hours": UnitHour, "hr": UnitHour, "hrs": UnitHour, "h": UnitHour,
		"day": UnitDay, "days": UnitDay, "d": UnitDay,
		"week": UnitWeek, "weeks": UnitWeek, "wk": UnitWeek, "wks": UnitWeek, "w": UnitWeek,
		"month": UnitMonth, "months": UnitMonth, "mo": UnitMonth, "mos": UnitMonth,
		"year": UnitYear, "years": UnitYear, "yr": UnitYear, "yrs": UnitYear, "y": UnitYear,
	},
	"de": {
		"minute": UnitMinute, "minuten": UnitMinute, "min": UnitMinute, "m": UnitMinute,
		"stunde": UnitHour, "stunden": UnitHour, "std": UnitHour, "h": UnitHour,
		"tag": UnitDay, "tage": UnitDay, "tagen": UnitDay, "t": UnitDay,
		"woche": UnitWeek, "wochen": UnitWeek, "wo": UnitWeek,
		"monat": UnitMonth, "monate": UnitMonth, "monaten": UnitMonth, "monats": UnitMonth, "mon": UnitMonth,
		"jahr": UnitYear, "jahre": UnitYear, "jahren": UnitYear, "j": UnitYear,
	},
	"fr": {
		"minute": UnitMinute, "minutes": UnitMinute, "min": UnitMinute, "mn": UnitMinute,
		"heure": UnitHour, "heures": UnitHour, "h": UnitHour,
		"jour": UnitDay, "jours": UnitDay, "j": UnitDay,
		"semaine": UnitWeek, "semaines": UnitWeek, "sem": UnitWeek,
		"mois": UnitMonth,
		"an":   UnitYear, "ans": UnitYear, "année": UnitYear, "années": UnitYear, "annee": UnitYear, "annees": UnitYear,
	},
}

// A fixed phrase: the tokens, its language, unit and amount.
type agePhrase struct {
	tokens []string
	lang   string
	unit   string
	n      int
}

var agePhrases = []agePhrase{
	{[]string{"today"}, "en", UnitDay, 0},
	{[]string{"yesterday"}, "en", UnitDay, 1},
	{[]string{"just", "now"}, "en", UnitMinute, 0},
	{[]string{"now"}, "en", UnitMinute, 0},
	{[]string{"moments", "ago"}, "en", UnitMinute, 0},
	{[]string{"a", "moment", "ago"}, "en", UnitMinute, 0},
	{[]string{"heute"}, "de", UnitDay, 0},
	{[]string{"gestern"}, "de", UnitDay, 1},
	{[]string{"gerade", "eben"}, "de", UnitMinute, 0},
	{[]string{"soeben"}, "de", UnitMinute, 0},
	{[]string{"jetzt"}, "de", UnitMinute, 0},
	{[]string{"aujourd'hui"}, "fr", UnitDay, 0},
	{[]string{"hier"}, "fr", UnitDay, 1},
	{[]string{"à", "l'instant"}, "fr", UnitMinute, 0},
	{[]string{"a", "l'instant"}, "fr", UnitMinute, 0},
	{[]string{"maintenant"}, "fr", UnitMinute, 0},
}

// readAge recognises the folded tokens of an age text.
func readAge(toks []string) (lang, unit string, n int, ok bool) {
	for _, p := range agePhrases {
		if slices.Equal(toks, p.tokens) {
			return p.lang, p.unit, p.n, true
		}
	}
	switch {
	case len(toks) == 3 && toks[2] == "ago": // en: 3 weeks ago
		return numberUnit("en", toks[0], toks[1])
	case len(toks) == 3 && toks[0] == "vor": // de: vor 3 Wochen
		return numberUnit("de", toks[1], toks[2])
	case len(toks) == 5 && toks[0] == "il" && toks[1] == "y" && toks[2] == "a": // fr: il y a 3 semaines
		return numberUnit("fr", toks[3], toks[4])
	}
	return "", "", 0, false
}

// numberUnit reads "<number> <unit>" in one language.
func numberUnit(lang, num, unitTok string) (string, string, int, bool) {
	unit, ok := unitWords[lang][unitTok]
	if !ok {
		return "", "", 0, false
	}
	n, ok := numberWords[lang][num]
	if !ok {
		var err error
		if n, err = smallInt(num); err != nil {
			return "", "", 0, false
		}
	}
	return lang, unit, n, true
}

// smallInt parses 1–4 ASCII digits.
func smallInt(s string) (int, error) {
	if len(s) == 0 || len(s) > 4 {
		return 0, strconv.ErrRange
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// ageTokens folds an age text and splits it into words: the "sent" words
// dropped, punctuation around words trimmed, "3w" split into "3" "w".
func ageTokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(foldText(text)) {
		f = strings.Trim(f, ".,;:!?·•()[]\"«»")
		if f == "" || strings.Trim(f, "-–—") == "" || sentWords[f] {
			continue
		}
		if i := digitPrefix(f); i > 0 && i < len(f) {
			out = append(out, f[:i], f[i:])
			continue
		}
		out = append(out, f)
	}
	return out
}

// digitPrefix returns the length of the leading ASCII digits of s.
func digitPrefix(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// foldText lowercases s, turns every kind of space into ' ', drops
// zero-width characters and turns typographic apostrophes into '.
func foldText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch r {
		case '\u00a0', '\u202f', '\u2007', '\u2009', '\u200a', '\u2002', '\u2003', '\u2004',
			'\u2005', '\u2006', '\u2008', '\u3000', '\t', '\n', '\r', '\v', '\f':
			b.WriteByte(' ')
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			// zero-width and soft hyphen: nothing
		case '\u2019', '\u2018', '\u02bc', '\u2032', '\u00b4', '`':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Validate checks that the count text is present and short.
func (r CountRequest) Validate() error { return validSentText("count", r.Text) }

// maxCount bounds a parsed count (nine digits).
const maxCount = 999_999_999

// ParseCount reads a count as the Sent list shows it: "People (1,100)",
// "Personen (1.052)", "Personnes (1 052)" (also with no-break or narrow
// no-break spaces, or "1'052"), "1,100", "(12)", "Sent (3)".
//
// A number in parentheses wins over numbers outside them. Thousands groups
// must be well formed — one separator kind, 1–3 digits first, then groups of
// exactly 3 — so "1,5", "1.10" or "1,100.5" are refused rather than guessed.
// No number, more than one candidate, a sign, "99+" (a lower bound, not a
// count), unbalanced parentheses and more than nine digits are CodeInvalid
// errors that quote the text.
func ParseCount(req CountRequest) (CountResult, error) {
	if err := req.Validate(); err != nil {
		return CountResult{}, err
	}
	text := foldText(req.Text)
	inner, err := parenContents(text)
	if err != nil {
		return CountResult{}, Errorf(CodeInvalid, "count %q: %s", req.Text, err.Error())
	}
	var nums []string
	for _, part := range inner {
		found, err := numberRuns(part)
		if err != nil {
			return CountResult{}, Errorf(CodeInvalid, "count %q: %s", req.Text, err.Error())
		}
		nums = append(nums, found...)
	}
	if len(nums) == 0 {
		found, err := numberRuns(text)
		if err != nil {
			return CountResult{}, Errorf(CodeInvalid, "count %q: %s", req.Text, err.Error())
		}
		nums = found
	}
	switch len(nums) {
	case 0:
		return CountResult{}, Errorf(CodeInvalid, "count %q: no number in the text", req.Text)
	case 1:
	default:
		return CountResult{}, Errorf(CodeInvalid, "count %q: ambiguous, %d numbers (%s)", req.Text, len(nums), strings.Join(nums, ", "))
	}
	n, err := groupedInt(nums[0])
	if err != nil {
		return CountResult{}, Errorf(CodeInvalid, "count %q: %s", req.Text, err.Error())
	}
	return CountResult{Count: n}, nil
}

// countError is a reason a count text was refused; ParseCount quotes the text around it.
type countError string

func (e countError) Error() string { return string(e) }

// parenContents returns the contents of each top-level pair of parentheses.
func parenContents(s string) ([]string, error) {
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if start >= 0 {
				return nil, countError("nested parentheses")
			}
			start = i + 1
		case ')':
			if start < 0 {
				return nil, countError("unbalanced parentheses")
			}
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		return nil, countError("unbalanced parentheses")
	}
	return out, nil
}

// isGroupSep reports whether c may separate thousands (after foldText every space is ' ').
func isGroupSep(c byte) bool { return c == ',' || c == '.' || c == ' ' || c == '\'' }

// numberRuns finds the digit runs of s, each with the separators between its
// digits ("1,100", "1 052"); a sign before or a '+' after a run is an error.
func numberRuns(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		if i > 0 && (s[i-1] == '-' || s[i-1] == '+') || strings.HasSuffix(s[:i], "\u2212") {
			return nil, countError("a signed number is not a count")
		}
		j := i
		for j < len(s) {
			if s[j] >= '0' && s[j] <= '9' {
				j++
				continue
			}
			if isGroupSep(s[j]) && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		run := s[i:j]
		rest := strings.TrimLeft(s[j:], " ")
		if strings.HasPrefix(rest, "+") {
			return nil, countError(run + "+ is a lower bound, not a count")
		}
		out = append(out, run)
		i = j
	}
	return out, nil
}

// groupedInt parses a digit run with optional thousands separators.
func groupedInt(run string) (int, error) {
	var sep byte
	var groups []string
	start := 0
	for i := 0; i < len(run); i++ {
		if isGroupSep(run[i]) {
			if sep != 0 && run[i] != sep {
				return 0, countError("mixed separators in " + strconv.Quote(run))
			}
			sep = run[i]
			groups = append(groups, run[start:i])
			start = i + 1
		}
	}
	groups = append(groups, run[start:])
	digits := strings.Join(groups, "")
	if len(groups) > 1 {
		if len(groups[0]) > 3 {
			return 0, countError("thousands groups in " + strconv.Quote(run) + " are malformed (the first has more than 3 digits)")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, countError("ambiguous number " + strconv.Quote(run) + ": after a separator come exactly 3 digits")
			}
		}
	}
	if len(digits) > 9 {
		return 0, countError("number " + strconv.Quote(run) + " is too large for a count")
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > maxCount {
		return 0, countError("number " + strconv.Quote(run) + " is not a count")
	}
	return n, nil
}
