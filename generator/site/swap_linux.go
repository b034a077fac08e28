package site

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges the folders fresh and target in one atomic step, so a
// reader (or a crash) sees either the old site or the new, never a mix.
// Where target does not exist yet, fresh is renamed to it.
func swap(fresh, target string) error {
	err := unix.Renameat2(unix.AT_FDCWD, fresh, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOENT) {
		return os.Rename(fresh, target)
	}
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return swapByRename(fresh, target)
	}
	return err
}
