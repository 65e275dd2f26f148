package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/prometheus"
	"github.com/inviteguard/inviteguard/server/sqlite"
)

// answerEngine answers decide with the envelope the native core wrote once
// for the benchmark's request, as core.wasm would (its runtime is "wasm", so
// the server sends it the compact form): what is measured is the server's
// own side of a verify, not the engine's.
type answerEngine struct {
	id, want string
	out      []byte
}

func (e *answerEngine) ID() string      { return e.id }
func (e *answerEngine) Runtime() string { return "wasm" }
func (e *answerEngine) Call(_ context.Context, op string, in []byte) ([]byte, error) {
	if op != server.OpDecide || string(in) != e.want {
		return nil, fmt.Errorf("answerEngine answers only its one decide request, got %s %.100s", op, in)
	}
	return bytes.Clone(e.out), nil
}

// BenchmarkVerifyHost runs POST /v1/verify of a 1,000-recipient decision
// (the body igload sends) through the whole handler — authentication
// against a real SQLite file, the body, the compact request, the comparison
// and the answer — with the engine's answer given (answerEngine), so the
// figure is the server's own CPU per verify over HTTP, engine excluded.
func BenchmarkVerifyHost(b *testing.B) {
	ctx := context.Background()
	in := verifyInput(b)
	compact, ok := in.Request.Compact()
	if !ok {
		b.Fatal("no compact form")
	}
	want, _ := json.Marshal(&compact)
	eng := &answerEngine{id: strings.Repeat("0", 64), want: string(want)}
	eng.out, _ = native.New(eng.id).Call(ctx, server.OpDecide, want)
	db, err := sqlite.OpenFile(ctx, filepath.Join(b.TempDir(), "ig.db"), sqlite.FileOptions{Driver: sqliteDriver})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var decision json.RawMessage
	if ok, found := bytes.CutPrefix(eng.out, []byte(`{"ok":`)); found {
		decision = ok[:len(ok)-1]
	}
	body, _ := json.Marshal(map[string]any{"engineId": eng.id, "request": in.Request, "decision": decision})
	// The collector as serve sets it (tuneGC), and the authentication as serve
	// wires it (auth=cache) or reading the token from the store every time.
	gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) }()
	debug.SetGCPercent(gc)
	tuneGC(slog.New(slog.DiscardHandler))
	for _, cache := range []bool{true, false} {
		name := "auth=cache"
		opts := []server.Option{server.WithAuthCache(db.DataVersion)}
		if !cache {
			name, opts = "auth=store", nil
		}
		b.Run(name, func(b *testing.B) { benchVerifyHandler(b, db, eng, body, opts) })
	}
}

// benchVerifyHandler posts body to /v1/verify b.N times through the handler
// of a service on db and eng made with opts.
func benchVerifyHandler(b *testing.B, db *sqlite.File, eng server.Engine, body []byte, opts []server.Option) {
	ctx := context.Background()
	metrics := prometheus.New()
	svc := server.New(db.Store, server.Share(metrics.Engine(eng), 1), opts...)
	token, _, err := svc.CreateToken(ctx, "bench", "", 0)
	if err != nil {
		b.Fatal(err)
	}
	h, err := httpapi.New(httpapi.Config{Service: svc, Metrics: metrics, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		req := httptest.NewRequest("POST", "/v1/verify", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		w := &bodyWriter{header: http.Header{}}
		h.ServeHTTP(w, req)
		if w.status != http.StatusOK || !bytes.Contains(w.body.Bytes(), []byte(`"result":"match"`)) {
			b.Fatalf("verify: %d %.300s", w.status, w.body.Bytes())
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// bodyWriter is the least a handler needs to write an answer to.
type bodyWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *bodyWriter) Header() http.Header { return w.header }
func (w *bodyWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(b)
}
func (w *bodyWriter) WriteHeader(code int) { w.status = code }

var _ io.Writer = (*bodyWriter)(nil)
