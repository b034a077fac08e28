package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Go's collector lets the heap grow to twice what was live at the last
// collection before it collects again, and hands freed memory back to the
// system slowly. A build holds the library from loading to rendering, and
// rendering makes a great deal of short-lived garbage on top of it, so
// with those defaults a 100,000-case build peaked at 6.7 GB, several times
// the library it held. casebook build collects sooner instead, and so
// does casebook serve, which holds the library between builds too:
const (
	// buildGCPercent: collect when the heap has grown by a quarter.
	buildGCPercent = 25
	// Once the library is prepared, a soft limit of this many times what
	// it holds, plus limitSlack, which also makes the runtime give freed
	// memory back. Rendering and the search index need room above it:
	// at 1.5 the limit bound a 100,000-case build, whose collector then
	// took most of the processor (60% of perf's samples); the build took
	// 952 s and peaked at 3.9 GB, at 2 it takes 478 s and 4.1 GB. The
	// preview at 10,000 cases holds about 100 MB more for it (736 MB,
	// 0.35 of hugo server's) and rebuilds a second faster (see
	// docs/benchmarks.md).
	limitFactor = 2
	limitSlack  = 256 << 20
)

// casebook takes no heap profiles, and the runtime would otherwise keep a
// call stack for every half megabyte allocated: 1.7 MB at 2,000 cases.
func init() { runtime.MemProfileRate = 0 }

// boundMemory applies the build's memory policy: at once, the lower GC
// percentage; prepared, called once the library is loaded and linked,
// sets the soft limit. restore puts the process's settings back (run is
// called many times in one test process). A user's GOGC or GOMEMLIMIT
// wins over either.
func boundMemory() (prepared, restore func()) {
	var oldPercent int
	var oldLimit int64
	setPercent, setLimit := os.Getenv("GOGC") == "", false
	if setPercent {
		oldPercent = debug.SetGCPercent(buildGCPercent)
	}
	prepared = func() {
		if os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		runtime.GC()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		live := float64(sample[0].Value.Uint64())
		oldLimit, setLimit = debug.SetMemoryLimit(int64(live*limitFactor)+limitSlack), true
	}
	restore = func() {
		if setPercent {
			debug.SetGCPercent(oldPercent)
		}
		if setLimit {
			debug.SetMemoryLimit(oldLimit)
		}
	}
	return prepared, restore
}
