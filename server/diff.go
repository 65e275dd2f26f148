package server

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"
)

// Difference is one field where a recorded and a computed decision differ.
// A missing value is JSON null.
type Difference struct {
	Path     string          `json:"path"` // e.g. "verdict", "flagged[2].flags"
	Recorded json.RawMessage `json:"recorded"`
	Computed json.RawMessage `json:"computed"`
}

// DiffJSON compares two JSON documents structurally and lists at most max
// differences, in path order. Numbers compare by their text after decoding,
// object key order does not matter, and an absent field, null, [] and {} are
// the same (encoders differ on omitempty and nil slices; the meaning does not).
func DiffJSON(a, b []byte, max int) ([]Difference, error) {
	if bytes.Equal(bytes.TrimSpace(a), bytes.TrimSpace(b)) && json.Valid(a) {
		return []Difference{}, nil // the common case: the same encoder wrote the same decision
	}
	va, err := decodeAny(a)
	if err != nil {
		return nil, fmt.Errorf("recorded: %w", err)
	}
	vb, err := decodeAny(b)
	if err != nil {
		return nil, fmt.Errorf("computed: %w", err)
	}
	d := differ{max: max, out: []Difference{}}
	d.walk("", va, vb)
	return d.out, nil
}

func decodeAny(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

type differ struct {
	max int
	out []Difference
}

// empty reports whether v means "nothing": absent, null, [] or {}.
func empty(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case []any:
		return len(t) == 0
	case map[string]any:
		return len(t) == 0
	}
	return false
}

func (d *differ) add(path string, a, b any) {
	if len(d.out) >= d.max {
		return
	}
	ra, _ := json.Marshal(a)
	rb, _ := json.Marshal(b)
	if path == "" {
		path = "."
	}
	d.out = append(d.out, Difference{Path: path, Recorded: ra, Computed: rb})
}

func (d *differ) walk(path string, a, b any) {
	if len(d.out) >= d.max || (empty(a) && empty(b)) {
		return
	}
	switch ta := a.(type) {
	case map[string]any:
		tb, ok := b.(map[string]any)
		if !ok {
			d.add(path, a, b)
			return
		}
		keys := make([]string, 0, len(ta)+len(tb))
		for k := range ta {
			keys = append(keys, k)
		}
		for k := range tb {
			if _, dup := ta[k]; !dup {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			d.walk(p, ta[k], tb[k])
		}
	case []any:
		tb, ok := b.([]any)
		if !ok {
			d.add(path, a, b)
			return
		}
		n := max(len(ta), len(tb))
		for i := range n {
			var x, y any
			if i < len(ta) {
				x = ta[i]
			}
			if i < len(tb) {
				y = tb[i]
			}
			p := path + "[" + strconv.Itoa(i) + "]"
			if i >= len(ta) || i >= len(tb) {
				d.add(p, x, y)
				continue
			}
			d.walk(p, x, y)
		}
	case json.Number:
		tb, ok := b.(json.Number)
		if !ok || !sameNumber(ta, tb) {
			d.add(path, a, b)
		}
	default:
		if a != b {
			d.add(path, a, b)
		}
	}
}

// sameNumber compares two JSON numbers by value when both parse as floats.
func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	fa, errA := a.Float64()
	fb, errB := b.Float64()
	return errA == nil && errB == nil && fa == fb
}
