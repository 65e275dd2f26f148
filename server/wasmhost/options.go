package wasmhost

import (
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Options configure an Engine. The zero value is usable: every field has a default.
type Options struct {
	// CacheDir is where wazero keeps compiled code between runs. "" means
	// <user cache dir>/inviteguard/wazero; if there is no user cache dir the
	// cache lives in memory only. NoDiskCache turns the disk cache off.
	CacheDir    string
	NoDiskCache bool
	// Instances is the number of module instances, the most calls that run at
	// once (default GOMAXPROCS). An instance serves one call at a time.
	Instances int
	// CallTimeout bounds one call (default 5 s); the caller's context may be shorter.
	CallTimeout time.Duration
	// InProcess runs core.wasm in this process, on code compiled with
	// deadline checks (wazero stops a call at its deadline; about 5× slower
	// than unchecked code for a Go guest). By default the engine runs it in
	// Instances child processes of this same binary instead, on unchecked
	// code: a call past its deadline is stopped by killing its process, and
	// the host's garbage collector never waits for guest code (main must call
	// ServeChildIfAsked first). See RATIONALE.md, "Why child processes?".
	InProcess bool
	// Fast runs core.wasm in this process (it implies InProcess) compiled
	// without deadline checks: calls are about 5× faster than checked ones,
	// but wazero cannot stop them, and while one runs the host's garbage
	// collector cannot stop the world — every goroutine of the process waits
	// for the call to end (a hang would freeze the process). A fast call that
	// passes its deadline is answered with a timeout at once, its instance is
	// abandoned, and the engine switches to checked code for good. For
	// trusted batch work and benchmarks only.
	Fast bool
	// MemoryLimitPages caps an instance's linear memory in 64 KiB pages
	// (default 4096: 256 MiB). A guest that needs more traps and is replaced.
	MemoryLimitPages uint32
	// RecycleAboveBytes: an instance whose linear memory has grown past this
	// after a call is closed and replaced by a fresh one (default 64 MiB).
	// Linear memory never shrinks, so this bounds what an idle pool holds.
	RecycleAboveBytes uint32
	// GuestGOGC and GuestMemoryLimit set the guest Go runtime's GOGC and
	// GOMEMLIMIT (default "off" and 3/4 of RecycleAboveBytes): with the
	// collector running only near the limit, a 5,000-recipient decide takes
	// about 17 % less time, and memory stays under the recycling bound.
	GuestGOGC        string
	GuestMemoryLimit uint32
	// Logger receives a line for every instance that is replaced (default slog.Default()).
	Logger *slog.Logger
}

// Defaults of Options.
const (
	DefaultCallTimeout       = 5 * time.Second
	DefaultMemoryLimitPages  = 4096
	DefaultRecycleAboveBytes = 64 << 20
)

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	if o.Fast {
		o.InProcess = true
	}
	if o.Instances <= 0 {
		o.Instances = runtime.GOMAXPROCS(0)
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = DefaultCallTimeout
	}
	if o.MemoryLimitPages == 0 {
		o.MemoryLimitPages = DefaultMemoryLimitPages
	}
	if o.RecycleAboveBytes == 0 {
		o.RecycleAboveBytes = DefaultRecycleAboveBytes
	}
	if o.GuestGOGC == "" {
		o.GuestGOGC = "off"
	}
	if o.GuestMemoryLimit == 0 {
		o.GuestMemoryLimit = o.RecycleAboveBytes / 4 * 3
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.CacheDir == "" && !o.NoDiskCache {
		o.CacheDir = DefaultCacheDir()
	}
	return o
}

// DefaultCacheDir is <user cache dir>/inviteguard/wazero, or "" when the
// system has no user cache dir (then the cache lives in memory).
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "inviteguard", "wazero")
}
