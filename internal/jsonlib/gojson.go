//go:build !wasm

// Package jsonlib is the JSON library of the server's packages: goccy/go-json
// natively (the fastest there), encoding/json when they are built as wasm for
// the Worker, where go-json would add a megabyte of code and push the Worker
// over the free plan's 3 MB (RATIONALE.md, "Why two JSON libraries?"). The
// two are API-compatible for what the server uses and write the same bytes;
// the API suite runs against both builds.
package jsonlib

import json "github.com/goccy/go-json"

// The API of encoding/json the server uses.
type (
	RawMessage = json.RawMessage
	Number     = json.Number
	Decoder    = json.Decoder
)

var (
	Marshal    = json.Marshal
	Unmarshal  = json.Unmarshal
	Valid      = json.Valid
	NewDecoder = json.NewDecoder
)
