package main

import (
	"log/slog"
	"os"
	"runtime/debug"
)

// The server process's collector, unless the environment sets GOGC or
// GOMEMLIMIT: a verify of 1,000 recipients allocates about 2 MB (its body,
// the request read and put in compact form, the answer) against a live heap
// of about 12 MB, so with Go's default GOGC=100 the collector ran every few
// requests and returned memory to the system between them, to fault it in
// again. GOGC=400 collects a quarter as often; the soft limit keeps a burst
// of large requests from growing the heap past 1 GiB (the collector runs
// more often near it). RATIONALE.md, "Why does the server set its own GOGC?".
const (
	serverGCPercent   = 400
	serverMemoryLimit = 1 << 30
)

// tuneGC applies the server's collector settings where the environment has none.
func tuneGC(log *slog.Logger) {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(serverGCPercent)
		log.Debug("garbage collector", "GOGC", serverGCPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(serverMemoryLimit)
		log.Debug("garbage collector", "GOMEMLIMIT", serverMemoryLimit)
	}
}
