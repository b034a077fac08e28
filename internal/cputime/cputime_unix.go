//go:build unix

// Package cputime reads the processor time a process has used, for
// benchmarks that must hold on a busy machine, where wall time does not.
package cputime

import (
	"syscall"
	"time"
)

// Used is the processor time (user and system) this process has used.
func Used() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
