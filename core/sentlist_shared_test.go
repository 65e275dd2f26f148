package core

import (
	"encoding/json"
	"os"
	"testing"
	"time"
)

// readTable reads a case table the extension's unit tests run too.
func readTable(t *testing.T, path string, cases any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &struct {
		Cases any `json:"cases"`
	}{cases}); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestAgesSharedWithExtension: every age the extension's reader picks out of a card, the core reads
// (testdata/ages.json); a card text that is no age, the core refuses.
func TestAgesSharedWithExtension(t *testing.T) {
	var cases []struct {
		Text   string `json:"text"`
		Unit   string `json:"unit"`
		Amount int    `json:"amount"`
		Age    *bool  `json:"age"`
	}
	readTable(t, "testdata/ages.json", &cases)
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	for _, c := range cases {
		t.Run(c.Text, func(t *testing.T) {
			got, err := ParseAge(AgeRequest{Text: c.Text, Now: now})
			if c.Age != nil && !*c.Age {
				if err == nil {
					t.Errorf("ParseAge(%q) = %+v, want an error", c.Text, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAge(%q): %v", c.Text, err)
			}
			if got.Unit != c.Unit || got.Amount != c.Amount {
				t.Errorf("ParseAge(%q) = %s %d, want %s %d", c.Text, got.Unit, got.Amount, c.Unit, c.Amount)
			}
		})
	}
}

// TestCountsSharedWithExtension: every total the extension's reader takes from the Sent list's tab,
// the core reads as the same number (testdata/counts.json).
func TestCountsSharedWithExtension(t *testing.T) {
	var cases []struct {
		Text  string `json:"text"`
		Count int    `json:"count"`
		Error bool   `json:"error"`
	}
	readTable(t, "testdata/counts.json", &cases)
	for _, c := range cases {
		t.Run(c.Text, func(t *testing.T) {
			got, err := ParseCount(CountRequest{Text: c.Text})
			switch {
			case c.Error && err == nil:
				t.Errorf("ParseCount(%q) = %d, want an error", c.Text, got.Count)
			case !c.Error && err != nil:
				t.Errorf("ParseCount(%q): %v", c.Text, err)
			case !c.Error && got.Count != c.Count:
				t.Errorf("ParseCount(%q) = %d, want %d", c.Text, got.Count, c.Count)
			}
		})
	}
}
