//go:build !linux

package site

func swap(fresh, target string) error { return swapByRename(fresh, target) }
