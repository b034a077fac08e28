//go:build windows

package site

import "os"

// processAlive reports whether a process with this id runs. On Windows,
// FindProcess opens the process and fails once it has exited.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
