package dispatch

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
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

// TestAppendTime: the digit-by-digit RFC 3339 of a UTC time agrees with
// time's own formatting over the years 0000–9999, at the ends of days,
// months, leap years and centuries, with and without nanoseconds; other
// zones and years go through time's formatting.
func TestAppendTime(t *testing.T) {
	var times []time.Time
	for _, y := range []int{0, 1, 4, 99, 100, 399, 400, 1582, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2026, 2100, 2400, 9999} {
		for _, m := range []time.Month{1, 2, 3, 12} {
			for _, d := range []int{1, 28, 29, 30, 31} {
				times = append(times,
					time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
					time.Date(y, m, d, 23, 59, 59, 999999999, time.UTC),
					time.Date(y, m, d, 12, 30, 5, 120000000, time.UTC),
					time.Date(y, m, d, 9, 3, 7, 1000, time.UTC))
			}
		}
	}
	rng := uint64(1)
	for range 20000 {
		rng = rng*6364136223846793005 + 1442695040888963407
		sec := minYear0 + int64(rng>>1)%(maxYear9999-minYear0+1)
		times = append(times, time.Unix(sec, int64(rng>>40)%1000000000).UTC())
	}
	berlin := time.FixedZone("CET", 3600)
	times = append(times, time.Date(2026, 3, 1, 10, 0, 0, 0, berlin), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local))
	for _, tm := range times {
		want := `"` + tm.Format(time.RFC3339Nano) + `"`
		if got := string(appendTime(nil, tm)); got != want {
			t.Errorf("%v: got %s, want %s", tm, got, want)
		}
	}
}

// TestAppendStringOffsets: a byte that needs care is escaped wherever it
// falls in the eight-byte blocks of the fast path.
func TestAppendStringOffsets(t *testing.T) {
	for _, special := range []string{`"`, `\`, "\x00", "\x1f", "\n", "\x7f", "é", "\u2028", "\xff", "😀"} {
		for n := range 20 {
			for at := 0; at <= n; at++ {
				s := strings.Repeat("a", at) + special + strings.Repeat("b", n-at)
				want, err := marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				if got := appendString(nil, s); !bytes.Equal(got, want) {
					t.Errorf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}

// TestAppendUint4 holds appendUint4 and appendInts to strconv and to the
// JSON library: every number from -20,000 to 20,000 and the edges of int.
func TestAppendUint4(t *testing.T) {
	ns := []int{math.MinInt, math.MinInt + 1, -1 << 32, 1 << 32, math.MaxInt - 1, math.MaxInt}
	for n := -20000; n <= 20000; n++ {
		ns = append(ns, n)
	}
	for _, n := range ns {
		if got, want := string(appendUint4([]byte("x"), n)), "x"+strconv.Itoa(n); got != want {
			t.Errorf("appendUint4(%d) = %q, want %q", n, got, want)
		}
	}
	for name, list := range map[string][]int{"nil": nil, "empty": {}, "one": {7}, "all": ns} {
		t.Run(name, func(t *testing.T) {
			want, err := json.Marshal(list)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendInts(nil, list); string(got) != string(want) {
				t.Errorf("appendInts = %.80q…, want %.80q…", got, want)
			}
		})
	}
}
