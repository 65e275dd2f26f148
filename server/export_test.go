package server

import (
	"encoding/json"
	"os"
	"testing"
)

// TestCSVSafe checks csvSafe against the case table the extension's export
// shares (core/testdata/csv_cells.json): one rule for both.
func TestCSVSafe(t *testing.T) {
	raw, err := os.ReadFile("../core/testdata/csv_cells.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Cases []struct{ In, Out string }
	}
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range table.Cases {
		t.Run(c.In, func(t *testing.T) {
			if got, want := csvSafe(c.In), c.Out; got != want {
				t.Errorf("csvSafe(%q) = %q, want %q", c.In, got, want)
			}
		})
	}
}
