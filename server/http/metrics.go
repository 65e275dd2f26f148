package httpapi

import (
	"net/http"
	"time"
)

// Metrics receives one observation per request. The self-hosted binary
// passes a Prometheus adapter; nil observes nothing.
type Metrics interface {
	// ObserveRequest records a finished request: the route pattern
	// ("GET /v1/batches/{id}", "unmatched" for no route), the status and the duration.
	ObserveRequest(route string, status int, d time.Duration)
	// InFlight adds delta to the number of requests being served.
	InFlight(delta int)
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
