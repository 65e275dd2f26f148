// Package jsconst writes what the extension's JavaScript must know of the core
// as generated JSON modules, so Go and JS have one source. Each module is one
// Go value rendered as a JSON object with "generated" (its source and how to
// regenerate it) and "about" beside the value's own fields; the extension
// imports it (`import x from './gen/….json' with { type: 'json' }`).
// TestModulesAreCurrent fails when a checked-in module and the core differ in
// content (a formatter may re-indent the file); `go test ./internal/jsconst
// -update` rewrites them.
package jsconst

import (
	"encoding/json"
	"fmt"
)

// Module is one generated file.
type Module struct {
	Path   string // from the repository root, e.g. extension/shared/gen/job-lifecycle.json
	Source string // what it is generated from, e.g. core/joblifecycle.go
	About  string // what the module holds
	Value  any    // a struct or map whose JSON is an object: the module's fields
}

// Modules lists every generated module.
func Modules() []Module {
	return []Module{JobLifecycle(), Core()}
}

// Render returns the module's file: a JSON object with "generated" and
// "about" first, then the value's fields, indented by two spaces.
func Render(m Module) ([]byte, error) {
	fields, err := json.Marshal(m.Value)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.Path, err)
	}
	var value map[string]json.RawMessage
	if err := json.Unmarshal(fields, &value); err != nil || len(value) == 0 {
		return nil, fmt.Errorf("%s: the value must be a JSON object with fields, got %.40s", m.Path, fields)
	}
	head, err := json.Marshal(struct {
		Generated string `json:"generated"`
		About     string `json:"about"`
	}{"from " + m.Source + " by `go test ./internal/jsconst -update`; do not edit", m.About})
	if err != nil {
		return nil, err
	}
	// The head's fields, then the value's (json.Marshal orders a struct's fields as declared).
	whole := append(head[:len(head)-1:len(head)-1], ',')
	whole = append(whole, fields[1:]...)
	var out []byte
	out, err = json.MarshalIndent(json.RawMessage(whole), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.Path, err)
	}
	return append(out, '\n'), nil
}
