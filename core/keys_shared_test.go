package core

import (
	"encoding/json"
	"os"
	"testing"
)

// TestKeysSharedWithExtension runs the key cases the extension's unit test runs too
// (testdata/keys.json): the core turns what the extension would key into the extension's key.
func TestKeysSharedWithExtension(t *testing.T) {
	raw, err := os.ReadFile("testdata/keys.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Cases []struct {
			Kind     string `json:"kind"`
			In       string `json:"in"`
			Want     string `json:"want"`
			SiteOnly bool   `json:"siteOnly"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatalf("testdata/keys.json: %v", err)
	}
	if len(table.Cases) < 20 {
		t.Fatalf("only %d cases", len(table.Cases))
	}
	for _, c := range table.Cases {
		t.Run(c.Kind+"/"+c.In, func(t *testing.T) {
			if got := NormalizeKey(c.Want); got != c.Want {
				t.Errorf("NormalizeKey(%q) = %q, want it unchanged", c.Want, got)
			}
			if c.SiteOnly {
				return
			}
			in := c.In
			if c.Kind == "name" {
				in = "name:" + in
			}
			if got := NormalizeKey(in); got != c.Want {
				t.Errorf("NormalizeKey(%q) = %q, want %q", in, got, c.Want)
			}
		})
	}
	for _, in := range []string{"NAME:Jane Doe", "Name:  jane doe  "} {
		if got, want := NormalizeKey(in), "name:jane doe"; got != want {
			t.Errorf("NormalizeKey(%q) = %q, want %q", in, got, want)
		}
	}
}
