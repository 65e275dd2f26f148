package dispatch

import (
	"bytes"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// TestDecisionEncoder: the hand-written encoder of a decision writes what the
// JSON library writes, for every golden decision and for strings and times
// that need care.
func TestDecisionEncoder(t *testing.T) {
	var decisions []core.Decision
	for _, c := range goldenCases(t) {
		if c.Op != "decide" {
			continue
		}
		in, err := c.Request()
		if err != nil {
			t.Fatal(err)
		}
		var req core.DecideRequest
		if Decode(in, &req) != nil {
			continue
		}
		if d, err := core.Decide(req); err == nil {
			decisions = append(decisions, d)
		}
	}
	until := time.Date(2026, 3, 1, 10, 0, 0, 120000000, time.UTC)
	decisions = append(decisions, core.Decision{
		Verdict: "confirm", ConfirmText: "3",
		Flagged: []core.FlaggedRecipient{{Index: 2, Key: "a\"b\\c\x01\b\f\n\r\t\x7f<>&\u2028\u2029\xffé😀 山田", Until: &until}},
		Reasons: []core.Reason{{Code: "x", Params: map[string]any{"b": 1, "a": "s", "c": []string{"x"}, "d": true}}},
		Message: &core.MessageCheck{Issues: []core.MessageIssue{{Code: "spam", Severity: "warn", Params: map[string]any{"words": []string{"€"}}}}},
	}, core.Decision{})
	if len(decisions) < 20 {
		t.Fatalf("only %d golden decisions", len(decisions))
	}
	for i := range decisions {
		got, err := decisionEnvelope(&decisions[i])
		if err != nil {
			t.Fatal(err)
		}
		want, err := okEnvelope(&decisions[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("decision %d:\n got %s\nwant %s", i, clip(got), clip(want))
		}
	}
}
