package serve

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/generator/site"
	"github.com/casebook-cx/casebook/generator/watch"
	"github.com/fsnotify/fsnotify"
)

// Watch rebuilds the site after every batch of changes to its sources
// until ctx ends, calling report after each rebuild. A batch that Quick
// can show is shown at once; the full rebuild runs in its own goroutine,
// one at a time, each taking every batch that came while the last ran, so
// a save never waits for the rebuild of the one before.
func (s *Server) Watch(ctx context.Context, report func(Report)) error {
	w, err := watch.New(s.root, watch.Options{Ignore: s.ignored})
	if err != nil {
		return err
	}
	defer w.Close()
	s.setChanges(w.Changes)
	defer s.setChanges(nil)
	var reportMu sync.Mutex
	say := func(r Report) { // reports come from this loop and from the rebuilds
		reportMu.Lock()
		defer reportMu.Unlock()
		report(r)
	}
	var (
		mu      sync.Mutex
		pending []string
		kick    = make(chan struct{}, 1)
		done    = make(chan struct{})
	)
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
				mu.Lock()
				edited := pending
				pending = nil
				mu.Unlock()
				say(s.Rebuild(edited))
			}
		}
	}()
	defer func() { <-done }() // a rebuild under way ends before Watch returns
	rebuild := func(edited []string) {
		mu.Lock()
		pending = append(pending, edited...)
		mu.Unlock()
		select {
		case kick <- struct{}{}:
		default: // one is due already, and will take these too
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches:
			if !ok {
				return nil
			}
			s.Saved(batch)
			if rep, ok := s.Quick(batch); ok {
				say(rep)
			}
			rebuild(batch)
		case err := <-w.Errors:
			// The watcher goes on after an error: a lost event is made good
			// by a rebuild, which finds every change by itself.
			var warn diag.List
			warn.Warnf(diag.Pos{Path: s.root}, "watching: %v", err)
			say(Report{Errors: warn})
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				s.Saved([]string{s.root}) // an unknown change: nothing may be shown alone until a rebuild
				rebuild(nil)
			}
		}
	}
}

// watched are the names at a site's top level that a build reads.
var watched = map[string]bool{content.Dir: true, render.LayoutsDir: true, site.StaticDir: true, content.ConfigFile: true}

// ignored leaves out everything a build does not read (the output folder
// among it) and editors' temporary files.
func (s *Server) ignored(path string, isDir bool) bool {
	rel, err := filepath.Rel(s.root, path)
	if err != nil || rel == "." {
		return false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !watched[top] && !s.folderOfNotes() {
		return true
	}
	for _, seg := range strings.Split(rel, "/") {
		if content.Ignored(seg) {
			return true // a file in .obsidian/ or .git/ is no note
		}
	}
	if content.EarlierBuild(filepath.Join(s.root, top)) {
		return true // an earlier build's output in a folder of notes
	}
	return false
}

// folderOfNotes reports whether the site has no content/ folder, so that
// every folder in it holds pages.
func (s *Server) folderOfNotes() bool {
	info, err := os.Stat(filepath.Join(s.root, content.Dir))
	return err != nil || !info.IsDir()
}
