package content

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCacheReusesUnchangedPages: a second load gives back the same *Page
// for a file that did not change and a new one for a file that did, even
// when the rewrite keeps the size and lands within the same clock tick.
func TestCacheReusesUnchangedPages(t *testing.T) {
	root := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/cases/a.md", "---\ntitle: A\n---\nText.\n")
	write("content/cases/b.md", "---\ntitle: B\n---\nText.\n")
	cache := NewCache()
	load := func() map[string]*Page {
		lib, errs := Load(root, Options{Cache: cache})
		if errs.HasErrors() {
			t.Fatal(errs)
		}
		pages := map[string]*Page{}
		for _, p := range lib.Pages {
			pages[p.File] = p
		}
		return pages
	}
	first := load()
	write("content/cases/b.md", "---\ntitle: C\n---\nText.\n") // same size, same instant
	second := load()
	if second["content/cases/a.md"] != first["content/cases/a.md"] {
		t.Error("an unchanged file was parsed again")
	}
	if got := second["content/cases/b.md"]; got == first["content/cases/b.md"] || got.Title != "C" {
		t.Errorf("a changed file kept its old page (title %q)", got.Title)
	}
	if err := os.Remove(filepath.Join(root, "content/cases/a.md")); err != nil {
		t.Fatal(err)
	}
	if third := load(); third["content/cases/a.md"] != nil || len(cache.entries) != 1 {
		t.Errorf("a deleted file is still loaded or cached (%d entries)", len(cache.entries))
	}
	write("casebook.yaml", "title: T\nlanguages: [en, fi]\n")
	if fourth := load(); fourth["content/cases/b.md"] == second["content/cases/b.md"] {
		t.Error("a new configuration kept pages parsed under the old one")
	}
}
