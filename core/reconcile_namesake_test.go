package core

import (
	"fmt"
	"slices"
	"testing"
)

// TestReconcileNamesakes tries hard to make Reconcile take one person for another on a long Sent list
// full of namesakes (issue 9): every known invitation with a profile URL is matched only by that URL,
// whatever the names; a name-only (email) invitation is matched by name only when exactly one card of
// the scan has the name, and a card whose profile URL is a known invitation's is that invitation's.
func TestReconcileNamesakes(t *testing.T) {
	names := []string{"Anna Schmidt, MBA", "Li O'Neill | 3x Founder", "Marta Nguyen (10k+ followers)", "王芳", "محمد علي"}
	var cards []SentCard
	for i := 0; i < 300; i++ {
		cards = append(cards, SentCard{Key: li(fmt.Sprintf("p-%d", i)), Name: names[i%len(names)], AgeText: "Sent 2 days ago"})
	}
	cards = append(cards, SentCard{Key: li("unique-jane"), Name: "Jane Unique (she/her)", AgeText: "Sent 2 days ago"})
	var known []Invitation
	// Profile-URL invitations named like everyone, with profiles that are not on the list.
	for i := 0; i < 40; i++ {
		known = append(known, inv(fmt.Sprintf("gone-%d", i), li(fmt.Sprintf("other-%d", i)), names[i%len(names)], StateSent, recNow.AddDate(0, 0, -3)))
	}
	// Profile-URL invitations on the list, beyond the first ten rows.
	for i := 12; i < 300; i += 7 {
		known = append(known, inv(fmt.Sprintf("on-%d", i), li(fmt.Sprintf("p-%d", i)), "A Different Name", StateSent, recNow.AddDate(0, 0, -3)))
	}
	// Name-only invitations: duplicate names on the list, and one unique name.
	known = append(known,
		inv("mail-anna", "anna@example.com", "Anna Schmidt, MBA", StateSent, recNow.AddDate(0, 0, -3)),
		inv("mail-li", "li@example.com", "li o'neill | 3x founder", StateSent, recNow.AddDate(0, 0, -3)),
		inv("mail-jane", "jane@example.com", "jane unique (she/her)", StateSent, recNow.AddDate(0, 0, -3)),
	)
	for _, complete := range []bool{false, true} {
		t.Run(fmt.Sprintf("complete=%v", complete), func(t *testing.T) {
			got, err := Reconcile(ReconcileRequest{Network: LinkedIn, Cards: cards, Known: known, Complete: complete, TotalText: "People (301)", Now: recNow})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := 12; i < 300; i += 7 {
				want = append(want, fmt.Sprintf("on-%d", i))
			}
			want = append(want, "mail-jane")
			if !slices.Equal(got.Matched, want) {
				t.Errorf("Matched = %v, want %v", got.Matched, want)
			}
			for _, ch := range got.Changed {
				if ch.ID == "mail-anna" || ch.ID == "mail-li" {
					t.Errorf("a name-only invitation with namesakes changed: %+v", ch)
				}
			}
			for _, imp := range got.Imported {
				if imp.Key == li("unique-jane") {
					t.Errorf("the card matched by its unique name was imported too: %+v", imp)
				}
			}
			if n := len(got.Imported); n != 300-len(want)+1 {
				t.Errorf("imported %d cards, want %d", n, 300-len(want)+1)
			}
		})
	}
}
