package server

import (
	"testing"
	"time"
)

func TestCursorRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 123e6, time.UTC)
	c, err := DecodeCursor(EncodeCursor(at, "inv_abc"))
	if err != nil || !c.At.Equal(at) || c.ID != "inv_abc" {
		t.Fatalf("round trip = %+v, %v", c, err)
	}
	for _, bad := range []string{"not-a-cursor", "e30", "!!!"} {
		if _, err := DecodeCursor(bad); err == nil {
			t.Errorf("DecodeCursor(%q): no error", bad)
		}
	}
	if c, err := DecodeCursor(""); c != nil || err != nil {
		t.Errorf("empty cursor = %v, %v", c, err)
	}
}

func TestNewIDUnique(t *testing.T) {
	seen := map[string]bool{}
	for range 10000 {
		id := newID("b_")
		if seen[id] || len(id) != 26 {
			t.Fatalf("id %q repeated or of length %d", id, len(id))
		}
		seen[id] = true
	}
}
