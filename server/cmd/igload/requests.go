package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// names are first and last names as people write them on LinkedIn: titles,
// suffixes, pronouns, emoji, apostrophes, hyphens and other scripts. A
// recipient's name is one of each list (data, never a count).
var (
	firstNames = []string{"Anna", "Dr. Jörg", "José", "Zoë", "Siobhán", "Li", "Priya", "Jean-Luc", "Олег", "山田",
		"Mary-Kate", "Fatima", "O'Neil", "Ngozi", "Łukasz", "Dr. Ana María", "🌱 Sam", "Ahmed", "Chloé", "Kim"}
	lastNames = []string{"Müller", "García, MBA", "O'Brien", "Wei (she/her)", "Natarajan, PhD", "Picard", "Петров", "太郎",
		"Olsen-Smith 🚀", "Al-Hassan", "Okafor", "Wójcik", "de la Cruz", "Nguyễn", "Schmidt (he/him)", "Rossi", "2nd", "van Dijk", "Şahin", "Lee"}
)

// slug is a profile URL's last part for a name, as LinkedIn makes them:
// lower-case ASCII words and a hex suffix.
func slug(r *rand.Rand, first, last string) string {
	var b strings.Builder
	for _, s := range []string{first, last} {
		for _, c := range strings.ToLower(s) {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				b.WriteRune(c)
			case c == ' ' || c == '-':
				if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
					b.WriteByte('-')
				}
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return fmt.Sprintf("%s%x", b.String(), r.Uint32())
}

// decideRequests makes k different contact-import requests of n recipients
// each, as a person's imports differ: other people (names, profile keys),
// another moment, other selections and membership, and a history of 10 to
// 30 % of the recipients (invited, some withdrawn) spread over the last
// weeks. The variants are fixed by seed so that runs compare.
func decideRequests(k, n int, seed uint64) []core.DecideRequest {
	out := make([]core.DecideRequest, k)
	for v := range out {
		r := rand.New(rand.NewPCG(seed, uint64(v)))
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(90*24)) * time.Hour)
		req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: now}
		yes, no := true, false
		for range n {
			first, last := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
			p := core.Recipient{Key: "https://www.linkedin.com/in/" + slug(r, first, last) + "/", Name: first + " " + last, Selected: r.IntN(10) != 0}
			switch r.IntN(8) {
			case 0:
				p.Member = &no
			case 1:
			default:
				p.Member = &yes
			}
			req.Recipients = append(req.Recipients, p)
		}
		for range n/10 + r.IntN(n/5+1) {
			h := core.HistoryEntry{Key: req.Recipients[r.IntN(n)].Key, Network: core.LinkedIn, Kind: core.EventInvited,
				At: now.Add(-time.Duration(r.IntN(60*24*60)) * time.Minute)}
			if r.IntN(6) == 0 {
				h.Kind = core.EventWithdrawn
			}
			req.History = append(req.History, h)
		}
		out[v] = req
	}
	return out
}
