//go:build !unix

package site

import "time"

// cpuTime is unknown here; benchmarks then report no processor time.
func cpuTime() time.Duration { return 0 }
