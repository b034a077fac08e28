package site

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/sites/*.txtar from the build")

// TestSites builds each site in testdata/sites/*.txtar in memory. The
// archive's files outside want/ are the site; want/errors holds the exact
// error lines expected (none, if absent); every other want/NAME must equal
// the built file NAME. Run with -update to rewrite the want/ files.
func TestSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, archive := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(archive), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(archive)
			if err != nil {
				t.Fatal(err)
			}
			root := writeSite(t, ar)
			out := NewMemOutput()
			_, errs := Build(root, Options{}, out)
			got := map[string][]byte{"errors": []byte(errs.Error() + "\n")}
			if len(errs) == 0 {
				got["errors"] = nil
			}
			for name, data := range out.Files() {
				got[name] = data
				if bytes.IndexByte(data, 0) >= 0 && !strings.HasSuffix(name, ".png") {
					t.Errorf("%s: a link placeholder leaked into the output", name)
				}
			}
			changed := false
			sawErrors := false
			for i, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if !ok {
					continue
				}
				sawErrors = sawErrors || name == "errors"
				if g, built := got[name]; !built && name != "errors" {
					t.Errorf("%s: not built", name)
				} else if !bytes.Equal(g, f.Data) {
					if *update {
						ar.Files[i].Data, changed = g, true
						continue
					}
					t.Errorf("%s differs (go test -update rewrites it)\n%s", name, firstDifference(f.Data, g))
				}
			}
			if !sawErrors && len(errs) > 0 {
				t.Errorf("unexpected errors:\n%s", errs)
			}
			if changed {
				if err := os.WriteFile(archive, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// writeSite writes the site part of an archive to a temporary folder.
func writeSite(t testing.TB, ar *txtar.Archive) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestDeterministic builds the same site twice and wants identical bytes.
func TestDeterministic(t *testing.T) {
	root := filepath.Join("..", "..")
	a, b := NewMemOutput(), NewMemOutput()
	if _, errs := Build(root, Options{}, a); errs.HasErrors() {
		t.Fatal(errs)
	}
	if _, errs := Build(root, Options{}, b); errs.HasErrors() {
		t.Fatal(errs)
	}
	fa, fb := a.Files(), b.Files()
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// firstDifference shows the first line where want and got part, with
// its number, rather than two whole pages.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl)
		}
	}
	return "same lines, different bytes"
}

// TestTagsOnlyInSectionText: tag pages list pages, and the text of the
// home page or a folder is none, so a #tag only such text has gets no
// page; it shows as a tag that leads nowhere rather than to a missing page.
// A tag a page has too leads to its page from there as well.
func TestTagsOnlyInSectionText(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(`-- casebook.yaml --
title: T
-- content/_index.md --
Welcome: #hometag and #shared.
-- content/notes/_index.md --
---
title: Notes
---
Also #foldertag here.
-- content/notes/a.md --
---
title: A
tags: [shared]
---
Text.
`)))
	out := NewMemOutput()
	if _, errs := Build(root, Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	files := out.Files()
	for _, want := range []string{"tags/shared/index.html"} {
		if files[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	for page, tags := range map[string][]string{"index.html": {"hometag"}, "notes/index.html": {"foldertag"}} {
		for _, tag := range tags {
			if files["tags/"+tag+"/index.html"] != nil {
				t.Errorf("a page for #%s, which no page has", tag)
			}
			if strings.Contains(string(files[page]), "tags/"+tag+"/") {
				t.Errorf("%s links to the missing page of #%s", page, tag)
			}
		}
	}
	if !strings.Contains(string(files["index.html"]), `href="tags/shared/index.html">#shared</a>`) {
		t.Errorf("the home page's #shared does not lead to its page")
	}
	if broken := brokenLinks(files); len(broken) > 0 {
		t.Errorf("broken links: %v", broken)
	}
	// In a folder of notes, a note may embed the home page's text.
	vault := writeSite(t, txtar.Parse([]byte("-- Home.md --\n# Home\n\nWelcome #hometag.\n-- Notes/a.md --\n# A\n\n![[Home]]\n")))
	out = NewMemOutput()
	if _, errs := Build(vault, Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	if broken := brokenLinks(out.Files()); len(broken) > 0 {
		t.Errorf("an embedded home page: broken links: %v", broken)
	}
}

// TestMissingHeadingListsHeadings: a link to a heading a page does not
// have lists the headings it does, closest first, and not its blocks.
func TestMissingHeadingListsHeadings(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(`-- Alpha.md --
# Alpha

## Goals

Find the gap. ^goal-block

## Notes

- one ^item1
-- Beta.md --
See [[Alpha#Gaols]].
`)))
	_, errs := Build(root, Options{}, NewMemOutput())
	want := `Beta.md:1:5: warning: [[Alpha#Gaols]]: Alpha.md has no heading "Gaols"`
	got := errs.Error()
	if !strings.Contains(got, want) || !strings.Contains(got, "its headings, closest first: #goals, ") || strings.Contains(got, "#^") {
		t.Errorf("got\n%s\nwant %s…, listing #goals first and no block", got, want)
	}
}

// TestPagesWhereCasebookWritesItsOwn: a page under a folder casebook fills
// with its own pages (tags/, industries/, compare/, ...) would be written
// over without a word; in a library it is an error, in a folder of notes
// it moves aside with a warning, as a note named like a casebook page does,
// out of that folder.
func TestPagesWhereCasebookWritesItsOwn(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(`-- casebook.yaml --
title: T
-- content/cases/a.md --
---
title: A
tags: [delivery]
---
Text.
-- content/tags/delivery/index.md --
---
title: Our delivery notes
---
Lost.
-- content/compare.md --
---
title: Compare
---
Lost too.
`)))
	got := Check(root, Options{}).Error()
	for _, want := range []string{
		"content/tags/delivery/index.md:1:1: error: /tags/delivery/ is where casebook puts the tag pages",
		"content/compare.md:1:1: error: /compare/ is where casebook puts the compare pages",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	vault := writeSite(t, txtar.Parse([]byte("-- Home.md --\n# Home\n-- Notes/a.md --\n# A\n\n#delivery\n-- Tags/delivery.md --\n# Delivery notes\n\nKept.\n")))
	out := NewMemOutput()
	_, errs := Build(vault, Options{}, out)
	if errs.HasErrors() || !strings.Contains(errs.Error(), "Tags/delivery.md:1:1: warning: /tags/delivery/ is taken by casebook's own pages; this note is at /tags-2/delivery/") {
		t.Errorf("vault: %v", errs)
	}
	if !strings.Contains(string(out.Files()["tags-2/delivery/index.html"]), "Kept.") || !strings.Contains(string(out.Files()["tags/delivery/index.html"]), `href="../../notes/a/index.html"`) {
		t.Errorf("the note was not kept aside at tags-2/delivery/, beside the tag page")
	}
}
