package serve

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/site"
)

// TestServedSiteIsAFreshBuild edits a library step by step and checks
// after each good rebuild that the server holds exactly the files a fresh
// build makes, byte for byte, though it keeps unchanged pages on disk and
// renders only what changed.
func TestServedSiteIsAFreshBuild(t *testing.T) {
	root, s, _ := newSite(t)
	writeFile(t, filepath.Join(root, "content", "cases", "kiosk.md"), "---\ntitle: The Kiosk\nindustry: retail\n---\n\nThe kiosk froze. See [[locker]].\n")
	locker := filepath.Join(root, "content", "cases", "locker.md")
	steps := []struct {
		name   string
		edit   func()
		broken bool
		keeps  bool // whether the rebuild must keep some pages (all, when nothing changed)
	}{
		{name: "a new case", edit: func() {}},
		{name: "nothing changed", edit: func() {}, keeps: true},
		{name: "a body edit", edit: func() { writeFile(t, locker, strings.Replace(goodCase, "never opened", "jammed", 1)) }, keeps: true},
		{name: "a broken front matter", edit: func() { writeFile(t, locker, "---\ntitle: [\n---\n") }, broken: true},
		{name: "fixed, with a new title", edit: func() { writeFile(t, locker, strings.Replace(goodCase, "The Parcel Locker", "The Locker", 1)) }},
		{name: "a layout change", edit: func() {
			writeFile(t, filepath.Join(root, "layouts", "assets", "casebook.css"), "body { color: red }\n")
		}},
		{name: "a case removed", edit: func() { os.Remove(filepath.Join(root, "content", "cases", "kiosk.md")) }},
	}
	for _, step := range steps {
		step.edit()
		rep := s.Rebuild(nil)
		if rep.Errors.HasErrors() != step.broken {
			t.Fatalf("%s: errors %v", step.name, rep.Errors)
		}
		if step.broken {
			continue
		}
		pages := 0
		fresh := site.NewMemOutput()
		if _, errs := site.Build(root, site.Options{NoCards: true, Preview: true}, fresh); errs.HasErrors() {
			t.Fatal(errs)
		}
		want := fresh.Files()
		s.mu.RLock()
		got := slices.Sorted(maps.Keys(s.files))
		for _, name := range got {
			data, _, err := s.served(name)
			if err != nil {
				t.Fatalf("%s: reading %s: %v", step.name, name, err)
			}
			if strings.HasSuffix(name, ".html") {
				pages++
			}
			if !bytes.Equal(data, want[name]) {
				t.Errorf("%s: %s differs from a fresh build's", step.name, name)
			}
		}
		s.mu.RUnlock()
		if step.name == "nothing changed" && rep.Rendered != 0 || step.keeps && rep.Rendered >= pages {
			t.Errorf("%s: rendered %d of %d pages", step.name, rep.Rendered, pages)
		}
		if names := slices.Sorted(maps.Keys(want)); !slices.Equal(got, names) {
			t.Errorf("%s: serves %d files, a fresh build makes %d", step.name, len(got), len(names))
		}
	}
}

// TestGenerationKeepsAndCompacts drives the store directly: Keep takes
// only a page made from the same inputs, unchanged bytes are not written
// again, and a segment mostly replaced is copied out and let go.
func TestGenerationKeepsAndCompacts(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 1000)
	first := newGeneration(nil)
	for _, name := range []string{"a", "b", "c"} {
		if err := first.WriteMade(name, append([]byte(name), big...), 1); err != nil {
			t.Fatal(err)
		}
	}
	first.WriteFile("plain", []byte("plain"))
	changed, dead, err := first.finish()
	if err != nil || len(changed) != 4 || len(dead) != 0 {
		t.Fatalf("first build: changed %v, dead %d, %v", changed, len(dead), err)
	}

	second := newGeneration(first.next)
	if second.Keep("a", 2) || second.Keep("plain", 0) || second.Keep("missing", 1) {
		t.Error("kept a page made from other inputs, or not made at all")
	}
	if !second.Keep("a", 1) {
		t.Error("did not keep a page made from the same inputs")
	}
	second.WriteMade("b", append([]byte("b"), big...), 7) // the same bytes: nothing written
	second.WriteMade("c", append([]byte("C"), big...), 2) // new bytes
	second.WriteFile("plain", []byte("plain"))            // the same bytes
	changed, dead, err = second.finish()
	if err != nil || !slices.Equal(changed, []string{"c"}) || len(dead) != 0 {
		t.Fatalf("second build: changed %v, dead %d, %v", changed, len(dead), err)
	}
	if second.next["b"].sum != 7 || second.Keep("b", 7) {
		t.Error("an unchanged page written again does not carry its new fingerprint")
	}

	// Two of the three pages of the first segment replaced: it is copied
	// out and dies, and "a" and "plain" read the same from their new place.
	third := newGeneration(second.next)
	third.WriteMade("a", append([]byte("A"), big...), 3)
	third.WriteMade("b", append([]byte("B"), big...), 3)
	third.Keep("c", 2)
	third.WriteFile("plain", []byte("plain"))
	changed, dead, err = third.finish()
	if err != nil || !slices.Equal(slices.Sorted(slices.Values(changed)), []string{"a", "b"}) {
		t.Fatalf("third build: changed %v, %v", changed, err)
	}
	if !slices.Equal(dead, []*segment{first.seg}) {
		t.Errorf("dead segments %d, want the first alone", len(dead))
	}
	for name, want := range map[string]string{"a": "A", "b": "B", "c": "C", "plain": "plain"} {
		e := third.next[name]
		if e.seg == first.seg {
			t.Errorf("%s was left in the dead segment", name)
		}
		data, err := e.read()
		if err != nil || !bytes.HasPrefix(data, []byte(want)) {
			t.Errorf("%s reads %.10q (%v)", name, data, err)
		}
	}
	for _, seg := range dead {
		seg.close()
	}
	third.abort()
	second.abort()
}
