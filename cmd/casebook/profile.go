package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole run to the file named by
// CASEBOOK_CPUPROFILE, when it is set, for `go tool pprof`: it is how the
// costs in docs/benchmarks.md were found. The returned function stops the
// profile.
func startProfile() func() {
	path := os.Getenv("CASEBOOK_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "warning: CASEBOOK_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
