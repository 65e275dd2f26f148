package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/prometheus"
)

// serve runs the server until ctx is done, then drains the requests in flight.
func serve(ctx context.Context, args []string, stderr io.Writer) error {
	var c config
	fs := flagSet("serve", stderr, &c)
	serveFlags(fs, &c)
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := c.logger(stderr)
	if err != nil {
		return err
	}
	tuneGC(log)
	origins := splitList(c.origins)
	if err := httpapi.CheckOrigins(origins); err != nil {
		return usageError{err.Error()}
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	compileStart := time.Now()
	eng, err := c.openEngine(ctx, log)
	if err != nil {
		return err
	}
	defer eng.Close(context.Background())
	log.Info("engine ready", "engine", eng.ID(), "instances", c.instances, "compile", time.Since(compileStart).Round(time.Millisecond), "cache", c.cacheDir)

	metrics := prometheus.New()
	perUser := c.perUser
	if perUser == 0 {
		perUser = max(1, c.instances/2)
	}
	svc := server.New(db.Store, server.Share(metrics.Engine(eng), perUser), server.WithLogger(log), server.WithAuthCache(db.DataVersion),
		server.WithQuota(server.Quota{MaxBytes: c.quotaMB << 20, BatchesPerDay: c.quotaDaily}))
	var limiter httpapi.RateLimiter
	if c.rate > 0 {
		limiter = httpapi.NewTokenBucket(c.rate, c.burst)
	}
	cfg := httpapi.Config{
		Service: svc, Origins: origins, MaxBody: c.maxBody, MaxDecisionBody: c.maxDecision,
		Limiter: limiter, Metrics: metrics, Logger: log,
	}
	if c.failBurst > 0 {
		cfg.AuthFailures = httpapi.NewTokenBucket(c.failPerMin/60, c.failBurst)
	}
	if c.clientIP != "" {
		cfg.ClientAddr = httpapi.ClientHeader(c.clientIP)
	}
	handler, err := httpapi.New(cfg)
	if err != nil {
		return err
	}
	stopMetrics, err := serveMetrics(c.metricsAddr, metrics.Handler(), log)
	if err != nil {
		return err
	}
	defer stopMetrics()
	stopPprof, err := servePprof(c.pprofAddr, log)
	if err != nil {
		return err
	}
	defer stopPprof()
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "db", c.db, "origins", origins, "startup", time.Since(started).Round(time.Millisecond))

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests in flight", "timeout", c.shutdown)
	sctx, cancel := context.WithTimeout(context.Background(), c.shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// serveMetrics serves /metrics on its own listener (addr "" or "off": not at
// all), apart from the API: the counters say who uses the server how much,
// which is nobody's business on the API's public address. It returns the
// function that stops it.
func serveMetrics(addr string, h http.Handler, log *slog.Logger) (func(), error) {
	if addr == "" || addr == "off" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics listener (--metrics-addr %s; \"off\" switches it off): %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	log.Info("metrics listening", "addr", ln.Addr().String())
	return func() { _ = srv.Close() }, nil
}
