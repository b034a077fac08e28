package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Output receives the built site, file by file. WriteFile is called from
// several goroutines at once, and may not keep data after it returns: a
// build reuses the buffer.
type Output interface {
	WriteFile(name string, data []byte) error // name is slash-separated, relative to the site's output root
}

// A Keeper is an Output that still holds the files of the last build a
// Rebuilder wrote into it, as the preview's does. A Rebuilder then holds no
// bytes of its own: it hands over each page it made with the fingerprint
// of what it was made from (WriteMade), and for a page whose fingerprint
// is unchanged asks the output to keep what it has (Keep) instead of
// rendering it again. The output answers from its own record, so a build
// that failed, or one written elsewhere, cannot make it keep a stale page.
type Keeper interface {
	Output
	// WriteMade writes a page made from inputs whose fingerprint is sum.
	WriteMade(name string, data []byte, sum uint64) error
	// Keep carries name over from the last build if WriteMade wrote it
	// with this sum there (or Keep kept it), and reports whether it did.
	Keep(name string, sum uint64) bool
}

// MemOutput keeps the site in memory, for tests and the preview server.
type MemOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemOutput returns an empty in-memory output.
func NewMemOutput() *MemOutput { return &MemOutput{files: map[string][]byte{}} }

func (m *MemOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// Files returns the written files by name.
func (m *MemOutput) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.files)
}

// DiskOutput writes into a fresh folder beside the target and swaps it in
// only when the whole build succeeded, so a failed or killed build leaves
// the previous site as it was, and files of deleted pages do not linger.
type DiskOutput struct {
	target string // the folder readers see, e.g. public/
	tmp    string // where this build writes
	dirs   sync.Map
}

// marker is a file every casebook build writes; its presence tells that a
// folder is casebook output and may be replaced.
const marker = "casebook.json"

const tmpPrefix = ".casebook-tmp-"

// NewDiskOutput prepares to replace target. It refuses a target that holds
// something casebook did not make, so a wrong --out cannot delete work.
func NewDiskOutput(target string) (*DiskOutput, error) {
	target = filepath.Clean(target)
	if entries, err := os.ReadDir(target); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(target, marker)); err != nil {
			return nil, fmt.Errorf("%s is not empty and was not made by casebook (no %s in it); remove it or choose another --out", target, marker)
		}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, filepath.Base(target))
	tmp, err := os.MkdirTemp(parent, tmpPrefix+filepath.Base(target)+"-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	// MkdirTemp joins without cleaning ("./.casebook-tmp-…" for a target
	// in the working folder), and mkdir compares against cleaned paths.
	return &DiskOutput{target: target, tmp: filepath.Clean(tmp)}, nil
}

// removeStale deletes the folders of earlier builds that were killed
// before they could clean up: those whose process is gone.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, tmpPrefix+base+"-*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), tmpPrefix+base+"-")
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		_ = os.RemoveAll(m)
	}
}

func (d *DiskOutput) WriteFile(name string, data []byte) error {
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// mkdir makes dir and the folders above it that this build has not made
// yet. Nearly every page has a folder of its own, whose parent the build
// made already: one mkdir, where os.MkdirAll would first stat the folder
// and its parent, on a disk where each call counts.
func (d *DiskOutput) mkdir(dir string) error {
	if _, made := d.dirs.Load(dir); made || dir == d.tmp {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir { // stop at "." or "/" whatever happens
		if err := d.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, true)
	return nil
}

// Commit puts the new site in place of the old one.
func (d *DiskOutput) Commit() error {
	if err := swap(d.tmp, d.target); err != nil {
		d.Abort()
		return err
	}
	return os.RemoveAll(d.tmp) // now holds the previous site, if there was one
}

// Abort throws away what this build wrote.
func (d *DiskOutput) Abort() { _ = os.RemoveAll(d.tmp) }
