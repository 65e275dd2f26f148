package dispatch

import (
	"reflect"
	"testing"

	"github.com/inviteguard/inviteguard/core"
)

// TestBurstsFastReader: the scanner reads every valid golden detect_bursts
// request itself, into exactly what the library reads, and leaves every
// request it does not plainly accept to the library.
func TestBurstsFastReader(t *testing.T) {
	n := 0
	for _, c := range goldenCases(t) {
		if c.Op != "detect_bursts" {
			continue
		}
		in := mustRequest(t, c.In)
		var want core.BurstRequest
		if decodeWith(in, &want, strict) != nil {
			continue
		}
		n++
		var got core.BurstRequest
		s := &scanner{in: in, elem: -1}
		if err := s.burstRequest(&got); err != nil || s.end() != nil {
			t.Errorf("%s: the fast reader left it to the library (%v)", c.Name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the fast reader read something else", c.Name)
		}
	}
	if n < 10 {
		t.Errorf("only %d golden requests", n)
	}
	var nulls core.BurstRequest
	if err := decodeBursts([]byte(`{"network":null,"policy":null,"invitations":[{"id":"a","member":null,"sentEarliest":null,"note":null}]}`), &nulls); err != nil ||
		nulls.Policy != nil || nulls.Invitations[0].Member != nil || nulls.Invitations[0].SentEarliest != nil || nulls.Network != "" {
		t.Errorf("nulls: got %+v, %v", nulls, err)
	}
	for name, in := range map[string]string{
		"field name in another case": `{"Network":"linkedin"}`,
		"repeated key":               `{"network":"linkedin","network":"xing"}`,
		"repeated key of an entry":   `{"invitations":[{"id":"a","id":"b"}]}`,
		"invalid UTF-8":              "{\"invitations\":[{\"name\":\"\xff\"}]}",
		"unknown field":              `{"invitation":[]}`,
		"unknown field of an entry":  `{"invitations":[{"sent":"2026-12-04T15:00:00Z"}]}`,
		"number as string":           `{"invitations":[{"key":1}]}`,
		"bad time":                   `{"invitations":[{"sentAt":"4 December 2026"}]}`,
		"time as number":             `{"invitations":[{"sentEarliest":1}]}`,
		"trailing data":              `{"network":"linkedin"}{}`,
	} {
		var got core.BurstRequest
		s := &scanner{in: []byte(in), elem: -1}
		if err := s.burstRequest(&got); err == nil && s.end() == nil {
			t.Errorf("%s: the fast reader accepted %s", name, in)
		}
	}
}
