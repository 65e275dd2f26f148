package jsconst

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated modules from the core")

// root is the repository root, two levels up from this package.
const root = "../.."

// TestModulesAreCurrent: every generated module in the extension says what
// the core says now (run with -update after changing the core). The content
// is compared, not the bytes: a formatter may re-indent the file.
func TestModulesAreCurrent(t *testing.T) {
	for _, m := range Modules() {
		t.Run(m.Path, func(t *testing.T) {
			want, err := Render(m)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(root, filepath.FromSlash(m.Path))
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/jsconst -update)", err)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("%s: %v", m.Path, err)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s differs from what %s says now: run go test ./internal/jsconst -update", m.Path, m.Source)
			}
		})
	}
}

func TestRender(t *testing.T) {
	got, err := Render(Module{Path: "x.json", Source: "core/x.go", About: "Two things.", Value: struct {
		A []string       `json:"a"`
		B map[string]int `json:"b"`
	}{[]string{"a", "b"}, map[string]int{"z": 1, "y": 2}}})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`{`,
		"  \"generated\": \"from core/x.go by `go test ./internal/jsconst -update`; do not edit\",",
		`  "about": "Two things.",`,
		`  "a": [`,
		`    "a",`,
		`    "b"`,
		`  ],`,
		`  "b": {`,
		`    "y": 2,`,
		`    "z": 1`,
		`  }`,
		`}`,
		``,
	}, "\n")
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRenderRefuses(t *testing.T) {
	tests := map[string]struct {
		value any
		msg   string
	}{
		"a func":          {func() {}, "x.json: json: unsupported type"},
		"a list":          {[]int{1}, "x.json: the value must be a JSON object with fields"},
		"an empty object": {struct{}{}, "x.json: the value must be a JSON object with fields"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Render(Module{Path: "x.json", Value: tt.value})
			if err == nil || !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("got %v, want an error starting %q", err, tt.msg)
			}
		})
	}
}
