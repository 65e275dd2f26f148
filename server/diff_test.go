package server

import (
	"testing"
)

func TestDiffJSON(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		want       []string
	}{
		{"equal bytes", `{"a":1,"b":[1,2]}`, `{"a":1,"b":[1,2]}`, nil},
		{"key order", `{"a":1,"b":2}`, `{"b":2,"a":1}`, nil},
		{"number forms", `{"a":1.0}`, `{"a":1}`, nil},
		{"absent, null and empty", `{"a":null,"b":[],"c":{}}`, `{}`, nil},
		{"changed scalar", `{"verdict":"allow","count":3}`, `{"verdict":"block","count":3}`, []string{"verdict"}},
		{"nested", `{"flagged":[{"index":1,"flags":["a"]}]}`, `{"flagged":[{"index":1,"flags":["a","b"]}]}`, []string{"flagged[0].flags[1]"}},
		{"longer array", `{"s":[1,2]}`, `{"s":[1,2,3]}`, []string{"s[2]"}},
		{"type change", `{"a":{"x":1}}`, `{"a":[1]}`, []string{"a"}},
		{"top level", `1`, `2`, []string{"."}},
		{"added key", `{"a":1}`, `{"a":1,"b":true}`, []string{"b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DiffJSON([]byte(tc.a), []byte(tc.b), 10)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, d := range got {
				paths = append(paths, d.Path)
			}
			if len(paths) != len(tc.want) {
				t.Fatalf("got %v, want %v", paths, tc.want)
			}
			for i := range paths {
				if paths[i] != tc.want[i] {
					t.Errorf("got %v, want %v", paths, tc.want)
				}
			}
		})
	}
	if _, err := DiffJSON([]byte(`{`), []byte(`{}`), 10); err == nil {
		t.Error("malformed recorded JSON: no error")
	}
	got, _ := DiffJSON([]byte(`[1,2,3,4]`), []byte(`[5,6,7,8]`), 2)
	if len(got) != 2 {
		t.Errorf("max 2 gave %d differences", len(got))
	}
}
