package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/server"
	httpapi "github.com/inviteguard/inviteguard/server/http"
	"github.com/inviteguard/inviteguard/server/wasmhost"
)

// config is every setting of the binary; commands use the parts they need.
type config struct {
	addr        string
	db          string
	sync        string
	origins     string
	maxBody     int64
	maxDecision int64
	rate        float64
	burst       int
	failBurst   int
	failPerMin  float64
	clientIP    string
	metricsAddr string
	pprofAddr   string
	instances   int
	perUser     int
	quotaMB     int64
	quotaDaily  int
	callTimeout time.Duration
	memoryMB    int
	inProcess   bool
	cacheDir    string
	wasm        string
	shutdown    time.Duration
	logLevel    string
	logFormat   string
}

// flagSet makes a command's flag set with the storage and engine flags every
// command shares; serve adds its own.
func flagSet(name string, stderr io.Writer, c *config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.db, "db", "./data/inviteguard.db", "SQLite database file")
	fs.StringVar(&c.sync, "sync", "FULL", "SQLite synchronous level in WAL mode: FULL (survives power loss) or NORMAL")
	fs.StringVar(&c.cacheDir, "cache-dir", wasmhost.DefaultCacheDir(), "wazero compilation cache directory (\"\" keeps it in memory)")
	fs.StringVar(&c.wasm, "wasm", "", "core.wasm to run instead of the embedded one")
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format: text or json")
	return fs
}

// serveFlags adds the flags of serve.
func serveFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8787", "address to listen on")
	fs.StringVar(&c.origins, "origins", "", "comma-separated extension origins admitted by CORS (chrome-extension://<id>, moz-extension://<uuid>)")
	fs.Int64Var(&c.maxBody, "max-body", httpapi.DefaultMaxBody, "largest request body in bytes")
	fs.Int64Var(&c.maxDecision, "max-decision-body", httpapi.DefaultMaxDecisionBody, "largest body carrying a decision request (record a batch, verify), in bytes")
	fs.Float64Var(&c.rate, "rate", 20, "requests per second per token (0: no limit)")
	fs.IntVar(&c.burst, "burst", 100, "requests per token allowed at once above the rate")
	fs.IntVar(&c.failBurst, "auth-fail-burst", 20, "failed authentications one client address may make at once before 429 (0: no limit)")
	fs.Float64Var(&c.failPerMin, "auth-fail-per-minute", 6, "failed authentications a client address regains per minute")
	fs.StringVar(&c.clientIP, "client-ip-header", "", "header a trusted reverse proxy sets to the client address (X-Forwarded-For, X-Real-IP); \"\": the connection's address")
	fs.StringVar(&c.metricsAddr, "metrics-addr", "127.0.0.1:9787", "address of the separate /metrics listener (\"\" or off: no metrics); keep it off the public interface")
	fs.StringVar(&c.pprofAddr, "pprof-addr", "", "loopback address of a net/http/pprof listener for profiling (\"\": none)")
	fs.IntVar(&c.instances, "instances", runtime.GOMAXPROCS(0), "core.wasm instances in the pool")
	fs.IntVar(&c.perUser, "engine-per-user", 0, "engine calls one user may run at once (0: half the instances, at least 1; -1: no per-user limit)")
	fs.Int64Var(&c.quotaMB, "quota-mb", server.DefaultQuota.MaxBytes>>20, "what one user may store, in MiB (0: no limit); over it a write is 429 quota")
	fs.IntVar(&c.quotaDaily, "quota-batches-per-day", server.DefaultQuota.BatchesPerDay, "batches one user may record per UTC day (0: no limit)")
	fs.DurationVar(&c.callTimeout, "call-timeout", 5*time.Second, "deadline of one engine call")
	fs.IntVar(&c.memoryMB, "memory-limit-mb", 256, "linear memory limit of one core.wasm instance, in MiB")
	fs.BoolVar(&c.inProcess, "engine-in-process", false, "run core.wasm in this process on deadline-checked code (slower) instead of in child processes")
	fs.DurationVar(&c.shutdown, "shutdown-timeout", 15*time.Second, "how long a shutdown waits for requests in flight")
}

// parse reads the environment (INVITEGUARD_<FLAG>) and then the arguments,
// so that a flag on the command line wins.
func parse(fs *flag.FlagSet, args []string) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := "INVITEGUARD_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok && err == nil {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("%s=%q: %v", env, v, e)
			}
		}
	})
	if err != nil {
		return usageError{err.Error()}
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected arguments: %v", fs.Args())}
	}
	return nil
}

// logger makes the structured logger the config asks for.
func (c *config) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, usageError{fmt.Sprintf("log level %q: want debug, info, warn or error", c.logLevel)}
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usageError{fmt.Sprintf("log format %q: want text or json", c.logFormat)}
}

// splitList splits a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
