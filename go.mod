module github.com/inviteguard/inviteguard

go 1.26.8

require github.com/goccy/go-json v0.12.0

require github.com/syumai/workers v0.32.0

require (
	github.com/tetratelabs/wazero v1.12.0 // indirect
	golang.org/x/sys v0.44.0 // indirect
)
