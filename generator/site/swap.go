package site

import (
	"errors"
	"os"
)

// swapByRename is the portable swap: two renames, with a short moment in
// which target is missing. The old site is moved to fresh, as the atomic
// swap does, so the caller removes it the same way.
func swapByRename(fresh, target string) error {
	old := fresh + ".old"
	if err := os.Rename(target, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(fresh, target); err != nil {
		_ = os.Rename(old, target)
		return err
	}
	if err := os.Rename(old, fresh); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
