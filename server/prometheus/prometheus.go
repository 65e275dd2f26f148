// Package prometheus reports the server's metrics in the Prometheus text
// format with github.com/prometheus/client_golang: request counts and
// latencies per route (the Metrics interface of server/http) and engine call
// latencies per operation (an Engine wrapper), plus the Go runtime and
// process collectors.
package prometheus

import (
	"context"
	"net/http"
	"strconv"
	"time"

	prom "github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/inviteguard/inviteguard/server"
)

// Metrics holds the collectors on a registry of its own.
type Metrics struct {
	reg      *prom.Registry
	requests *prom.CounterVec
	latency  *prom.HistogramVec
	inFlight prom.Gauge
	engine   *prom.HistogramVec
	failures *prom.CounterVec
}

// New registers the collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prom.NewRegistry(),
		requests: prom.NewCounterVec(prom.CounterOpts{
			Name: "inviteguard_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"route", "status"}),
		latency: prom.NewHistogramVec(prom.HistogramOpts{
			Name: "inviteguard_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
		inFlight: prom.NewGauge(prom.GaugeOpts{
			Name: "inviteguard_http_requests_in_flight", Help: "HTTP requests being served.",
		}),
		engine: prom.NewHistogramVec(prom.HistogramOpts{
			Name: "inviteguard_engine_call_duration_seconds", Help: "Engine (core.wasm) call latency by operation.",
			Buckets: []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"op"}),
		failures: prom.NewCounterVec(prom.CounterOpts{
			Name: "inviteguard_engine_failures_total", Help: "Engine calls that failed (trap, deadline, closed pool) by operation.",
		}, []string{"op"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.engine, m.failures,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveRequest implements the Metrics interface of server/http.
func (m *Metrics) ObserveRequest(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// InFlight implements the Metrics interface of server/http.
func (m *Metrics) InFlight(delta int) { m.inFlight.Add(float64(delta)) }

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Engine wraps an engine so that every call is timed.
func (m *Metrics) Engine(e server.Engine) server.Engine { return &timedEngine{Engine: e, m: m} }

type timedEngine struct {
	server.Engine
	m *Metrics
}

func (t *timedEngine) Call(ctx context.Context, op string, in []byte) ([]byte, error) {
	start := time.Now()
	out, err := t.Engine.Call(ctx, op, in)
	t.m.engine.WithLabelValues(op).Observe(time.Since(start).Seconds())
	if err != nil {
		t.m.failures.WithLabelValues(op).Inc()
	}
	return out, err
}

// Runtime forwards the wrapped engine's runtime name ("wasm" when it names none).
func (t *timedEngine) Runtime() string {
	if r, ok := t.Engine.(interface{ Runtime() string }); ok {
		return r.Runtime()
	}
	return "wasm"
}
