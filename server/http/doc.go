// Package httpapi serves the Invite Guard API (/v1) over net/http: routing,
// authentication, CORS for the extension, body limits, per-token rate limits,
// the one table from core error codes to HTTP status, JSON in and out.
//
// It knows the domain (package server) and nothing of SQLite, wazero or
// Prometheus: storage and engine come inside the *server.Service, metrics and
// rate limits through the small interfaces below. It builds for GOOS=js
// GOARCH=wasm, where the Workers entry point serves the same handler.
package httpapi
