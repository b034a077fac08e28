package serve

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/generator/site"
	"github.com/casebook-cx/casebook/generator/watch"
	"github.com/fsnotify/fsnotify"
)

// Watch rebuilds the site after every batch of changes to its sources
// until ctx ends, calling report after each rebuild.
func (s *Server) Watch(ctx context.Context, report func(Report)) error {
	w, err := watch.New(s.root, watch.Options{Ignore: s.ignored})
	if err != nil {
		return err
	}
	defer w.Close()
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches:
			if !ok {
				return nil
			}
			report(s.Rebuild(batch))
		case err := <-w.Errors:
			// The watcher goes on after an error: a lost event is made good
			// by a rebuild, which finds every change by itself.
			var warn diag.List
			warn.Warnf(diag.Pos{Path: s.root}, "watching: %v", err)
			report(Report{Errors: warn})
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				report(s.Rebuild(nil))
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
	if !watched[top] {
		return true
	}
	return content.Ignored(filepath.Base(path))
}
