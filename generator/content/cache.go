package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"time"

	"github.com/casebook-cx/casebook/generator/diag"
)

// Cache keeps the pages of earlier loads, so that loading a library again
// parses only the files whose size or modification time changed since.
// An unchanged file gives back the very same *Page, which lets later steps
// keep what they made of it. A nil *Cache caches nothing.
type Cache struct {
	mu      sync.Mutex
	config  *Config
	entries map[string]cached // by path under content/
}

type cached struct {
	size int64
	mod  time.Time
	src  []byte // kept while the modification time is too recent to trust
	page *Page
	errs diag.List
}

// RacyWindow is how close to the moment it was read a file's modification
// time must be for the time alone not to prove the file unchanged: a save
// within the same clock tick (seconds, on some file systems) keeps it.
// Such files are compared by content instead, as git does.
const RacyWindow = 2 * time.Second

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

// useConfig forgets every page when the configuration changed, since a
// page's language and URL depend on it.
func (c *Cache) useConfig(cfg *Config) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.config == nil || !reflect.DeepEqual(c.config, cfg) {
		clear(c.entries)
	}
	c.config = cfg
}

// load returns the page in file rel, parsing it only if it changed.
func (c *Cache) load(root, rel string, cfg *Config) (*Page, diag.List) {
	if c == nil {
		return loadPage(root, rel, cfg)
	}
	name := filepath.Join(root, cfg.ContentDir(), filepath.FromSlash(rel))
	now := time.Now()
	info, err := os.Stat(name)
	if err != nil {
		return loadPage(root, rel, cfg) // reports the error
	}
	c.mu.Lock()
	e, ok := c.entries[rel]
	c.mu.Unlock()
	same := ok && e.size == info.Size() && e.mod.Equal(info.ModTime())
	if same && e.src == nil {
		return e.page, e.errs
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return loadPage(root, rel, cfg)
	}
	if same && bytes.Equal(src, e.src) {
		if now.Sub(info.ModTime()) >= RacyWindow {
			e.src = nil // old enough now for the time to tell
			c.mu.Lock()
			c.entries[rel] = e
			c.mu.Unlock()
		}
		return e.page, e.errs
	}
	page, errs := ParsePage(rel, src, cfg)
	e = cached{size: info.Size(), mod: info.ModTime(), page: page, errs: errs}
	if now.Sub(info.ModTime()) < RacyWindow {
		e.src = src
	}
	c.mu.Lock()
	c.entries[rel] = e
	c.mu.Unlock()
	return page, errs
}

// keepOnly forgets the files that are gone.
func (c *Cache) keepOnly(files []string) {
	if c == nil {
		return
	}
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for f := range c.entries {
		if !keep[f] {
			delete(c.entries, f)
		}
	}
}
