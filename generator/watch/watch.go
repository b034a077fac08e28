// Package watch reports changes to files under a set of folders, as
// batches: recursive (folders created later are watched too), filtered
// (editor temp files and Chmod-only events never show), and coalesced (a
// burst of events, such as a git checkout, gives one batch). It knows
// nothing of sites.
//
// A save is sent at once when the system tells that it is finished (on
// Linux, the writer closed the file, or it was renamed into place) and it
// is not part of a burst; otherwise a batch waits for Quiet.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher.
type Options struct {
	// Ignore says whether a file or folder is of no interest; an ignored
	// folder is not descended into. Nil ignores nothing.
	Ignore func(path string, isDir bool) bool
	// Quiet is how long no event must come before a batch is sent (default
	// 20ms), unless every file in it is known to be finished and no other
	// change came within Quiet before it; MaxDelay bounds how long a batch may wait in a stream of
	// events that never pauses (default 500ms).
	Quiet, MaxDelay time.Duration
}

// Watcher sends batches of changed paths on Batches until Close.
type Watcher struct {
	Batches <-chan []string
	Errors  <-chan error

	fsw     *fsnotify.Watcher
	fin     *finisher // nil where the system cannot tell a finished file
	opts    Options
	changes atomic.Int64 // events that counted, so far
	batches chan []string
	errors  chan error
	done    chan struct{}
	wg      sync.WaitGroup
}

// New watches every folder under root, recursively.
func New(root string, opts Options) (*Watcher, error) {
	if opts.Ignore == nil {
		opts.Ignore = func(string, bool) bool { return false }
	}
	if opts.Quiet == 0 {
		opts.Quiet = 20 * time.Millisecond
	}
	if opts.MaxDelay == 0 {
		opts.MaxDelay = 500 * time.Millisecond
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fsw: fsw, fin: newFinisher(), opts: opts, batches: make(chan []string), errors: make(chan error, 1), done: make(chan struct{})}
	w.Batches, w.Errors = w.batches, w.errors
	if _, err := w.addTree(root); err != nil {
		fsw.Close()
		w.fin.close()
		return nil, err
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Changes counts the events that counted so far. Two readings that differ
// tell that something changed in between, before its batch is sent: a
// rebuild that ran meanwhile may have read a file half written.
func (w *Watcher) Changes() int64 { return w.changes.Load() }

// Close stops watching and closes Batches.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.fsw.Close()
	w.fin.close()
	w.wg.Wait()
	return err
}

// addTree watches dir and every folder under it, and returns the files
// found there: when a folder appears, files may already be inside it
// before its watch starts.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone already, or unreadable: nothing to watch
		}
		if p != dir && w.opts.Ignore(p, e.IsDir()) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if err := w.fsw.Add(p); err != nil {
				return watchError(p, err)
			}
			w.fin.add(p)
			return nil
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.batches)
	pending := map[string]bool{} // changes still coming in
	ready := map[string]bool{}   // a batch the consumer has not taken yet
	var batch []string           // ready, sorted
	var out chan []string        // w.batches while a batch is ready, else nil
	var quiet, deadline <-chan time.Time
	// What tells a finished save from one still being written:
	finished := map[string]stamp{} // files found whole since the last batch, as they were then
	var sent map[string]stamp      // the files of the last batch sent at once, as they were then
	var sentAt time.Time
	var last time.Time // when the last event that counted came
	burst := false     // the pending batch began within Quiet of the event before it
	whole := w.fin.finished()
	flush := func(early bool) {
		if early {
			sent, sentAt = make(map[string]stamp, len(pending)), time.Now()
			for p := range pending {
				sent[p] = finished[p]
			}
		}
		clear(finished)
		for p := range pending {
			ready[p] = true
		}
		clear(pending)
		quiet, deadline = nil, nil
		if len(ready) == 0 {
			return
		}
		batch = batch[:0:0]
		for p := range ready {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		out = w.batches
	}
	// settled says whether the pending batch may go without waiting for
	// quiet: every file in it finished, unchanged since, and no burst.
	settled := func() bool {
		if burst || len(pending) == 0 {
			return false
		}
		for p := range pending {
			s, ok := finished[p]
			if now, exists := stampOf(p); !ok || !exists || now != s {
				return false
			}
		}
		return true
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			// An event of a save already sent, read after its close: the
			// file is as it was sent, so nothing changed.
			if s, ok := sent[ev.Name]; ok && time.Since(sentAt) < w.opts.Quiet {
				if now, exists := stampOf(ev.Name); exists && now == s && ev.Op&(fsnotify.Remove|fsnotify.Rename) == 0 {
					continue
				}
			}
			if !w.accept(ev, pending) {
				continue
			}
			w.changes.Add(1)
			now := time.Now()
			if deadline == nil {
				deadline = time.After(w.opts.MaxDelay)
				burst = now.Sub(last) < w.opts.Quiet
			}
			last = now
			if settled() {
				flush(true)
				continue
			}
			quiet = time.After(w.opts.Quiet)
		case p, ok := <-whole:
			if !ok {
				whole = nil // the system stopped telling: wait for quiet from now on
				continue
			}
			if w.opts.Ignore(p, false) {
				continue // a swap file: it never makes a change
			}
			if s, exists := stampOf(p); exists {
				finished[p] = s
			}
			if settled() {
				flush(true)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			select {
			case w.errors <- err:
			default: // a report is already waiting; one is enough
			}
		case <-quiet:
			flush(false)
		case <-deadline:
			flush(false)
		// While the consumer is busy (rebuilding), events keep being read,
		// so the kernel's queue cannot overflow, and join the next batch.
		case out <- batch:
			clear(ready)
			out = nil
		}
	}
}

// accept records what ev changed in pending, and says whether it counts.
func (w *Watcher) accept(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op == fsnotify.Chmod {
		return false // touch, chmod, backup bits: no content changed
	}
	info, err := os.Lstat(ev.Name)
	isDir := err == nil && info.IsDir()
	if w.opts.Ignore(ev.Name, isDir) {
		return false
	}
	pending[ev.Name] = true
	if ev.Has(fsnotify.Create) && isDir {
		files, err := w.addTree(ev.Name)
		for _, f := range files {
			pending[f] = true
		}
		if err != nil {
			select {
			case w.errors <- err:
			default:
			}
		}
	}
	return true
}

// stamp is what a file's metadata says of its content: a write changes
// its modification time, to the nanosecond where the file system keeps it.
type stamp struct {
	size int64
	mod  time.Time
}

func stampOf(path string) (stamp, bool) {
	info, err := os.Lstat(path)
	if err != nil {
		return stamp{}, false
	}
	return stamp{info.Size(), info.ModTime()}, true
}

// watchError explains the error a full inotify table gives, which names
// no limit by itself.
func watchError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("cannot watch %s: the system's limit of watched folders is reached; raise it with "+
			"sudo sysctl fs.inotify.max_user_watches=524288 (and in /etc/sysctl.conf to keep it)", dir)
	}
	return err
}
