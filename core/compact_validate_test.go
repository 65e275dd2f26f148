package core

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestCompactValidateAsVersion1 holds DecideCompact's validation (which
// checks the expanded history per scope instead of per entry) to Expand then
// Validate: the same error, or the same decision, for random compact
// requests with problems in their keys, scopes, times, names and head —
// used and unused, early and late.
func TestCompactValidateAsVersion1(t *testing.T) {
	if got := time.UnixMilli(minCompactMillis).UTC(); !got.IsZero() {
		t.Fatalf("time.UnixMilli(minCompactMillis) = %v, want the zero time", got)
	}
	r := rand.New(rand.NewPCG(14, 5))
	badKeys := []string{"", " ", "\t\n", strings.Repeat("a", MaxKeyBytes+1)}
	badSurfaces := []string{"nope", "Connect", "connect "}
	now := time.Date(2027, 1, 4, 9, 30, 0, 0, time.UTC)
	var valid, invalid int
	for n := range 20000 {
		c := compactSample(r, now)
		for range r.IntN(3) {
			switch r.IntN(8) {
			case 0:
				c.Keys[r.IntN(len(c.Keys))] = badKeys[r.IntN(len(badKeys))]
			case 1:
				if len(c.Scopes) > 0 {
					c.Scopes[2*r.IntN(len(c.Scopes)/2)] = badSurfaces[r.IntN(len(badSurfaces))]
				}
			case 2:
				if len(c.Scopes) > 0 {
					c.Scopes[2*r.IntN(len(c.Scopes)/2)+1] = strings.Repeat("g", MaxTargetBytes+r.IntN(2))
				}
			case 3:
				if len(c.History) > 0 {
					c.History[4*r.IntN(len(c.History)/4)+3] = minCompactMillis + int64(r.IntN(2))
				}
			case 4:
				c.Scopes = append(c.Scopes, badSurfaces[r.IntN(len(badSurfaces))], "") // unused
			case 5:
				c.Keys = append(c.Keys, badKeys[r.IntN(len(badKeys))]) // unused
			case 6:
				c.Names = make([]string, len(c.Rows)/2)
				c.Names[r.IntN(len(c.Names))] = strings.Repeat("n", MaxNameBytes+r.IntN(2))
			case 7:
				c.Network = []Network{LinkedIn, Xing, "", "myspace"}[r.IntN(4)]
			}
		}
		got, gotErr := DecideCompact(c)
		want, wantErr := func() (Decision, error) {
			req, err := c.Expand()
			if err != nil {
				return Decision{}, err
			}
			if err := req.Validate(); err != nil {
				return Decision{}, err
			}
			return decide(&req, c.Invited, true), nil
		}()
		if !reflect.DeepEqual(gotErr, wantErr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("request %d: DecideCompact = %v, %v; Expand and Validate = %v, %v", n, got, gotErr, want, wantErr)
		}
		if gotErr == nil {
			valid++
		} else {
			invalid++
		}
	}
	if valid < 1000 || invalid < 1000 {
		t.Errorf("%d valid and %d invalid requests: the sample does not test both", valid, invalid)
	}
}

// compactSample is a small valid compact request: a few keys, rows and
// scopes, and history entries in them.
func compactSample(r *rand.Rand, now time.Time) CompactDecideRequest {
	c := CompactDecideRequest{V: CompactVersion, Network: LinkedIn, Surface: SurfaceConnect, Now: now}
	for i := range 1 + r.IntN(6) {
		c.Keys = append(c.Keys, "https://www.linkedin.com/in/ana-"+string(rune('a'+i))+"/")
	}
	for range 1 + r.IntN(6) {
		c.Rows = append(c.Rows, r.IntN(len(c.Keys)), RowSelected|[]int{0, RowMember, RowNotMember}[r.IntN(3)])
	}
	scopes := [][2]string{{"connect", ""}, {"group_invite", "g/1"}, {"", ""}, {"page_invite", "p"}}
	for _, s := range scopes[:r.IntN(len(scopes)+1)] {
		c.Scopes = append(c.Scopes, s[0], s[1])
	}
	for range r.IntN(6) {
		if len(c.Scopes) == 0 {
			break
		}
		at := now.Add(-time.Duration(r.IntN(40*24)) * time.Hour).UnixMilli()
		c.History = append(c.History, int64(r.IntN(len(c.Keys))), int64(r.IntN(len(c.Scopes)/2)), int64(r.IntN(2)), at)
	}
	return c
}
