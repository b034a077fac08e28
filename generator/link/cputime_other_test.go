//go:build !unix

package link

import "time"

// cpuTime is unknown here; benchmarks then report no processor time.
func cpuTime() time.Duration { return 0 }
