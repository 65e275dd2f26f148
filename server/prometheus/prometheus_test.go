package prometheus_test

import (
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/server/native"
	"github.com/inviteguard/inviteguard/server/prometheus"
)

func TestMetricsText(t *testing.T) {
	m := prometheus.New()
	eng := m.Engine(native.New("id")) // the core linked in: a real engine
	m.ObserveRequest("GET /v1/batches", 200, 3*time.Millisecond)
	m.ObserveRequest("GET /v1/batches", 404, time.Millisecond)
	m.InFlight(1)
	if r, ok := eng.(interface{ Runtime() string }); !ok || r.Runtime() != "native" {
		t.Error("the wrapper hides the engine's runtime")
	}
	if _, err := eng.Call(context.Background(), "version", nil); err != nil {
		t.Fatal(err)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eng.Call(done, "version", nil); err == nil {
		t.Fatal("the wrapper hid an engine failure")
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`inviteguard_http_requests_total{route="GET /v1/batches",status="200"} 1`,
		`inviteguard_http_requests_total{route="GET /v1/batches",status="404"} 1`,
		`inviteguard_http_requests_in_flight 1`,
		`inviteguard_engine_call_duration_seconds_count{op="version"} 2`,
		`inviteguard_engine_failures_total{op="version"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
