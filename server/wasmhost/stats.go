package wasmhost

import "sync/atomic"

// counters are the engine's statistics.
type counters struct {
	calls, failed, replaced, recycled atomic.Int64
}

// Stats are counts since New.
type Stats struct {
	Calls     int64 // calls that returned a response
	Failed    int64 // calls that trapped, timed out or returned nonsense
	Replaced  int64 // instances started to replace failed or recycled ones
	Recycled  int64 // instances retired because their memory grew past the bound
	Abandoned int64 // timed-out calls of fast code still running now
}

// Stats returns the counts since New.
func (e *Engine) Stats() Stats {
	return Stats{
		Calls:     e.stats.calls.Load(),
		Failed:    e.stats.failed.Load(),
		Replaced:  e.stats.replaced.Load(),
		Recycled:  e.stats.recycled.Load(),
		Abandoned: e.abandoned.Load(),
	}
}
