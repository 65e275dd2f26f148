//go:build !unix

package dispatch

import "time"

// cpuTime is not measured where there is no getrusage (wasip1, js).
func cpuTime() time.Duration { return 0 }
