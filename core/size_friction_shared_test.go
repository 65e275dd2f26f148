package core

import (
	"fmt"
	"testing"
)

// TestSizeFrictionSharedWithExtension: the friction a batch asks for by its size alone is what the
// extension's hold expects before the decision (testdata/size_friction.json), and a decision of that many
// clean recipients asks exactly that.
func TestSizeFrictionSharedWithExtension(t *testing.T) {
	var cases []struct {
		Selected   int      `json:"selected"`
		ClickAbove *int     `json:"clickAbove"`
		TypeAbove  *int     `json:"typeAbove"`
		BlockAbove *int     `json:"blockAbove"`
		Friction   Friction `json:"friction"`
	}
	readTable(t, "testdata/size_friction.json", &cases)
	if len(cases) < 10 {
		t.Fatalf("%d cases, want at least 10", len(cases))
	}
	for _, c := range cases {
		pol := DefaultPolicy()
		for _, f := range []struct {
			dst *int
			src *int
		}{{&pol.ClickAbove, c.ClickAbove}, {&pol.TypeAbove, c.TypeAbove}, {&pol.BlockAbove, c.BlockAbove}} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		pol.WeeklyBudgetLinkedIn = 10000
		name := fmt.Sprintf("%d of %d/%d/%d", c.Selected, pol.ClickAbove, pol.TypeAbove, pol.BlockAbove)
		t.Run(name, func(t *testing.T) {
			if got := SizeFriction(c.Selected, pol); got != c.Friction {
				t.Errorf("SizeFriction = %q, want %q", got, c.Friction)
			}
			dec, err := Decide(DecideRequest{Network: LinkedIn, Surface: SurfaceContactImport, Recipients: people(c.Selected), Policy: &pol, Now: now0})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := dec.Friction, c.Friction; got != want {
				t.Errorf("Decide's friction = %q, want %q", got, want)
			}
		})
	}
}
