package dispatch

import (
	"os"
	"reflect"
	"testing"

	"github.com/inviteguard/inviteguard/core"
)

// TestDecideV1FastReader: the fast reader of version 1 reads every valid
// golden decide request itself, into exactly what the library reads, and
// leaves every request it does not plainly accept to the library.
func TestDecideV1FastReader(t *testing.T) {
	n := 0
	for _, c := range goldenCases(t) {
		if c.Op != "decide" || IsCompact(mustRequest(t, c.In)) {
			continue
		}
		in := mustRequest(t, c.In)
		var want core.DecideRequest
		if decodeWith(in, &want, strict) != nil {
			continue
		}
		n++
		var got core.DecideRequest
		s := &scanner{in: in, elem: -1}
		if err := s.decideV1(&got); err != nil || s.end() != nil {
			t.Errorf("%s: the fast reader left it to the library (%v)", c.Name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the fast reader read something else", c.Name)
		}
	}
	if n < 20 {
		t.Errorf("only %d golden requests", n)
	}
	var nulls core.DecideRequest
	if err := decodeDecideV1([]byte(`{"network":null,"policy":null,"recipients":[{"key":"a","member":null,"name":null}]}`), &nulls); err != nil ||
		nulls.Policy != nil || nulls.Recipients[0].Member != nil || nulls.Network != "" {
		t.Errorf("nulls: got %+v, %v", nulls, err)
	}
	for name, in := range map[string]string{
		"field name in another case": `{"Network":"linkedin"}`,
		"repeated key":               `{"network":"linkedin","network":"xing"}`,
		"invalid UTF-8":              "{\"message\":\"\xff\"}",
		"unknown field":              `{"recipient":[]}`,
		"number as string":           `{"recipients":[{"key":1}]}`,
		"trailing data":              `{"network":"linkedin"}{}`,
	} {
		var got core.DecideRequest
		s := &scanner{in: []byte(in), elem: -1}
		if err := s.decideV1(&got); err == nil && s.end() == nil {
			t.Errorf("%s: the fast reader accepted %s", name, in)
		}
	}
}

// mustRequest reads a golden request file.
func mustRequest(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
