//go:build wasm

package jsonlib

import "encoding/json"

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
