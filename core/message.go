package core

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckMessage checks a personal message before it is sent with an invitation.
//
// Length is counted in runes (Unicode code points) and compared with
// MessageMax for the network and surface: LinkedIn's connection note 300,
// XING's contact request and every group/page/event invitation 500. An empty
// or blank message has no issues. The issues, in the order of IssueCodes:
//
//   - too_long (block) {length, max}.
//   - not_personalised (warn) {name}: the message goes to one person whose name
//     is known, and it contains no part of that name (compared as words, case,
//     accents and umlaut spellings ignored: "Jürgen" matches "juergen"; names in
//     Chinese, Japanese, Korean or Thai script are found as substrings). A warning,
//     not a block: people go by nicknames the core cannot know.
//   - mass_message {recipients}: the same text to more than one person. XING
//     forbids mass messages, so it blocks on group/page/event invitations and
//     contact requests; elsewhere it warns.
//   - templated {index, identical}: the text equals a recent message once case,
//     white space, punctuation, salutations (Herr, Frau, Mr, Dr …) and the
//     recipients' names are set aside
//     (identical: severity as mass_message), or differs from one by at most
//     1 + n/10 words out of n, n ≥ 4 (near-identical: warn). index points into
//     RecentMessages; the first identical one wins, else the first near one.
//   - spam_signals {signals}: any of "links" (two or more), "shouting" (mostly
//     capitals, or three or more words of four capitals or more), "money"
//     (money-making and MLM phrases in English, German and French),
//     "repeated_punctuation" ("!!", or three or more of ! and ? in a row).
//     Warn; block from three signals on.
//
// OK is true when no issue blocks.
func CheckMessage(req MessageRequest) (MessageCheck, error) {
	if err := req.Validate(); err != nil {
		return MessageCheck{}, err
	}
	return checkMessage(req.Network, req.Surface, req.Message, len(req.RecipientNames), req.RecipientNames, req.RecentMessages), nil
}

// checkMessage checks msg sent to recipients people whose names (all, some or
// none) are given; the request is valid.
func checkMessage(n Network, s Surface, msg string, recipients int, names, recent []string) MessageCheck {
	mc := MessageCheck{OK: true, Length: utf8.RuneCountInString(msg), Max: MessageMax(n, s), Issues: []MessageIssue{}}
	if strings.TrimSpace(msg) == "" {
		return mc
	}
	strict := IsTargetSurface(s) || s == SurfaceContactRequest
	strictSeverity := SeverityWarn
	if strict {
		strictSeverity = SeverityBlock
	}
	add := func(code, severity string, params map[string]any) {
		mc.Issues = append(mc.Issues, MessageIssue{Code: code, Severity: severity, Params: params})
		if severity == SeverityBlock {
			mc.OK = false
		}
	}
	if mc.Length > mc.Max {
		add(IssueTooLong, SeverityBlock, map[string]any{"length": mc.Length, "max": mc.Max})
	}
	folded := foldMessage(msg)
	ws := messageWords(folded)
	if recipients == 1 && len(names) == 1 {
		if parts := nameParts(names[0]); len(parts) > 0 && !mentionsAny(folded, ws, parts) {
			add(IssueNotPersonalised, SeverityWarn, map[string]any{"name": names[0]})
		}
	}
	if recipients > 1 {
		add(IssueMassMessage, strictSeverity, map[string]any{"recipients": recipients})
	}
	if i, identical := templated(ws, names, recent); i >= 0 {
		sev := SeverityWarn
		if identical {
			sev = strictSeverity
		}
		add(IssueTemplated, sev, map[string]any{"index": i, "identical": identical})
	}
	if sig := spamSignals(msg, folded); len(sig) > 0 {
		sev := SeverityWarn
		if len(sig) >= 3 {
			sev = SeverityBlock
		}
		add(IssueSpamSignals, sev, map[string]any{"signals": sig})
	}
	return mc
}

// mentionsAny reports whether the folded text mentions any of the name parts.
func mentionsAny(folded string, ws, parts []string) bool {
	for _, p := range parts {
		if mentions(folded, ws, p) {
			return true
		}
	}
	return false
}

// maxNamesStripped bounds how many recipient names templated() sets aside.
const maxNamesStripped = 100

// maxCompareWords bounds the words compared by templated(), to keep the edit distance cheap.
const maxCompareWords = 200

// templated returns the index of the first recent message the words ws equal
// (identical) once the recipients' name parts are set aside, else of the first
// one they nearly equal, else -1.
func templated(ws, names, recent []string) (int, bool) {
	if len(recent) == 0 {
		return -1, false
	}
	skip := maps.Clone(salutations)
	for i, n := range names {
		if i == maxNamesStripped {
			break
		}
		for _, p := range nameParts(n) {
			skip[p] = true
		}
	}
	a := stripWords(ws, skip)
	if len(a) == 0 {
		return -1, false
	}
	near := -1
	for i, r := range recent {
		b := stripWords(messageWords(foldMessage(r)), skip)
		if len(b) == 0 {
			continue
		}
		if slices.Equal(a, b) {
			return i, true
		}
		if near < 0 && nearWords(a, b) {
			near = i
		}
	}
	return near, false
}

// stripWords returns ws without the words in skip, at most maxCompareWords of them.
func stripWords(ws []string, skip map[string]bool) []string {
	out := make([]string, 0, min(len(ws), maxCompareWords))
	for _, w := range ws {
		if len(out) == maxCompareWords {
			break
		}
		if !skip[w] {
			out = append(out, w)
		}
	}
	return out
}

// nearWords reports whether a and b have four words or more and differ by at
// most 1 + n/10 word insertions, deletions or substitutions, n the longer length.
func nearWords(a, b []string) bool {
	n := max(len(a), len(b))
	if min(len(a), len(b)) < 4 {
		return false
	}
	limit := 1 + n/10
	if n-min(len(a), len(b)) > limit {
		return false
	}
	return wordEditDistance(a, b) <= limit
}

// wordEditDistance is the Levenshtein distance between two word sequences.
func wordEditDistance(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// The spam signals, in the order they are listed.
const (
	SignalLinks               = "links"
	SignalShouting            = "shouting"
	SignalMoney               = "money"
	SignalRepeatedPunctuation = "repeated_punctuation"
)

// SpamSignals lists every spam signal, in the order they appear in a spam_signals issue's params.
var SpamSignals = []string{SignalLinks, SignalShouting, SignalMoney, SignalRepeatedPunctuation}

// moneyPhrases are money-making and MLM phrases in English, German and French, folded (see foldMessage).
var moneyPhrases = []string{
	// English
	"make money", "earn money", "making money", "passive income", "financial freedom", "work from home",
	"get rich", "network marketing", "mlm", "be your own boss", "investment opportunity", "business opportunity",
	"guaranteed income", "guaranteed return", "risk free", "risk-free", "double your", "extra income",
	"crypto", "bitcoin", "forex", "$$$",
	// German
	"geld verdienen", "passives einkommen", "finanzielle freiheit", "von zu hause arbeiten", "von zuhause arbeiten",
	"nebenverdienst", "nebeneinkommen", "schnell reich", "sein eigener chef", "dein eigener chef",
	"garantierte rendite", "geschaeftsmoeglichkeit", "krypto", "€€€",
	// French
	"gagner de l'argent", "argent facile", "revenu passif", "revenus passifs", "liberte financiere",
	"travailler a domicile", "devenir riche", "votre propre patron", "opportunite d'investissement",
	"rendement garanti",
}

// spamSignals lists the spam signals of msg (folded is foldMessage(msg)).
func spamSignals(msg, folded string) []string {
	var sig []string
	if countLinks(folded) >= 2 {
		sig = append(sig, SignalLinks)
	}
	if shouting(msg) {
		sig = append(sig, SignalShouting)
	}
	for _, p := range moneyPhrases {
		if containsPhrase(folded, p) {
			sig = append(sig, SignalMoney)
			break
		}
	}
	if repeatedPunctuation(msg) {
		sig = append(sig, SignalRepeatedPunctuation)
	}
	return sig
}

// containsPhrase reports whether folded text contains phrase as whole words:
// where the phrase starts or ends with a letter or digit, the text must not
// continue it ("crypto" is not found in "cryptography").
func containsPhrase(folded, phrase string) bool {
	for from := 0; from <= len(folded)-len(phrase); {
		i := strings.Index(folded[from:], phrase)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(folded[:start])
		after, _ := utf8.DecodeRuneInString(folded[end:])
		first, _ := utf8.DecodeRuneInString(phrase)
		last, _ := utf8.DecodeLastRuneInString(phrase)
		if (start == 0 || !isWordRune(first) || !isWordRune(before)) && (end == len(folded) || !isWordRune(last) || !isWordRune(after)) {
			return true
		}
		from = start + 1
	}
	return false
}

// countLinks counts the URLs in folded text: each "://" and each "www." not right after one.
func countLinks(folded string) int {
	n := strings.Count(folded, "://")
	n += strings.Count(folded, "www.") - strings.Count(folded, "://www.")
	return n
}

// shouting reports whether msg is mostly capitals (70 % of at least 12 cased
// letters) or has three or more words of four capitals or more.
func shouting(msg string) bool {
	upper, cased, capsWords, run := 0, 0, 0, 0
	lowerInWord := false
	endWord := func() {
		if run >= 4 && !lowerInWord {
			capsWords++
		}
		run, lowerInWord = 0, false
	}
	for _, r := range msg {
		switch {
		case unicode.IsUpper(r):
			upper++
			cased++
			run++
		case unicode.IsLower(r):
			cased++
			lowerInWord = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			endWord()
		}
	}
	endWord()
	return capsWords >= 3 || (cased >= 12 && upper*10 >= cased*7)
}

// repeatedPunctuation reports "!!" or a run of three or more of ! and ?.
func repeatedPunctuation(msg string) bool {
	run, bangs := 0, 0
	for _, r := range msg {
		switch r {
		case '!', '?', '¡', '¿':
			run++
			if r == '!' {
				bangs++
			} else {
				bangs = 0
			}
			if run >= 3 || bangs >= 2 {
				return true
			}
		default:
			run, bangs = 0, 0
		}
	}
	return false
}
