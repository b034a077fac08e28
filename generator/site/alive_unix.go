//go:build !windows

package site

import "syscall"

// processAlive reports whether a process with this id runs: signal 0
// checks for it without disturbing it.
func processAlive(pid int) bool { return syscall.Kill(pid, 0) == nil }
