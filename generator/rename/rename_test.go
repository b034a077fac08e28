package rename

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/site"
	"golang.org/x/tools/txtar"
)

// library writes the files of a txtar archive into a new folder.
func library(t *testing.T, archive string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
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

func read(t *testing.T, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const small = `
-- casebook.yaml --
languages: [en, fi]
-- content/cases/a.md --
---
title: Case A
frameworks: [etd, "Expected, target, delivered", ETD-alias]
---
See [[etd]], [[ frameworks/etd #the-gaps | the gaps ]], [[Expected, target, delivered]], [[ETD-alias]]
and [the file](../frameworks/etd.md#the-gaps), [[Case A]].
-- content/cases/a.fi.md --
---
title: Tapaus A
frameworks: [etd]
---
Katso [[etd]].
-- content/frameworks/etd.md --
---
title: "Expected, target, delivered"
aliases: [ETD-alias]
---
## The gaps

Back to [[Case A]], a [picture](diagram.png) and [case A](../cases/a.md).
-- content/frameworks/etd.fi.md --
---
title: Odotettu, tavoite, toimitettu
---
-- content/frameworks/diagram.png --
PNG
`

// TestMoveToAnotherFolder moves a framework with its translation into a
// new folder: every name and path that led to it follows, aliases stay,
// and its own relative links are rewritten from its new place.
func TestMoveToAnotherFolder(t *testing.T) {
	root := library(t, small)
	c, err := Plan(root, "etd", "frameworks/ideas/gaps.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	reports, err := c.Apply(root)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range reports {
		files = append(files, r.File)
	}
	want := []string{"content/frameworks/ideas/gaps.fi.md", "content/frameworks/ideas/gaps.md", "content/cases/a.fi.md", "content/cases/a.md"}
	if !slices.Equal(files, want) {
		t.Errorf("changed %v, want %v", files, want)
	}
	if got := read(t, root, "content/cases/a.md"); !strings.Contains(got, "frameworks: [gaps, \"Expected, target, delivered\", ETD-alias]") ||
		!strings.Contains(got, "See [[gaps]], [[ frameworks/ideas/gaps #the-gaps | the gaps ]], [[Expected, target, delivered]], [[ETD-alias]]") ||
		!strings.Contains(got, "[the file](../frameworks/ideas/gaps.md#the-gaps), [[Case A]]") {
		t.Errorf("a.md:\n%s", got)
	}
	if got := read(t, root, "content/frameworks/ideas/gaps.md"); !strings.Contains(got, "[picture](../diagram.png) and [case A](../../cases/a.md)") {
		t.Errorf("the moved page's own links:\n%s", got)
	}
	if got := read(t, root, "content/cases/a.fi.md"); !strings.Contains(got, "Katso [[gaps]].") {
		t.Errorf("a.fi.md:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(root, "content/frameworks/etd.md")); !os.IsNotExist(err) {
		t.Errorf("the old file is still there")
	}
	if errs := site.Check(root, site.Options{}); errs.HasErrors() {
		t.Errorf("the library no longer checks:\n%s", errs)
	}
}

// TestRetitleKeepsAlias renames by a new title: the file takes its slug,
// links by the old title follow unless --alias keeps the old title.
func TestRetitleKeepsAlias(t *testing.T) {
	for _, alias := range []bool{false, true} {
		root := library(t, small)
		c, err := Plan(root, "content/frameworks/etd.md", "Three experiences", Options{Alias: alias})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Apply(root); err != nil {
			t.Fatal(err)
		}
		fw := read(t, root, "content/frameworks/three-experiences.md")
		a := read(t, root, "content/cases/a.md")
		if !strings.Contains(fw, "title: Three experiences\n") {
			t.Errorf("alias %v: title not changed:\n%s", alias, fw)
		}
		if alias {
			if !strings.Contains(fw, `aliases: [ETD-alias, "Expected, target, delivered"]`) || !strings.Contains(a, "[[Expected, target, delivered]]") {
				t.Errorf("alias kept: framework\n%s\ncase\n%s", fw, a)
			}
		} else if !strings.Contains(a, "[[Three experiences]]") || !strings.Contains(a, `frameworks: [three-experiences, "Three experiences", ETD-alias]`) {
			t.Errorf("no alias: case\n%s", a)
		}
		if errs := site.Check(root, site.Options{}); errs.HasErrors() {
			t.Errorf("alias %v: the library no longer checks:\n%s", alias, errs)
		}
	}
}

// TestRefusals: mv never overwrites, never gives a page a name another
// page answers to, and says why it cannot move.
func TestRefusals(t *testing.T) {
	root := library(t, small+"-- content/frameworks/taken.md --\n---\ntitle: Taken\n---\n")
	for _, tc := range []struct{ from, to, want string }{
		{"etd", "taken", "content/frameworks/taken.md already exists"},
		{"taken", "a", `"a" already leads to content/cases/a.md`},
		{"taken", "cases/etd", `"etd" already leads to content/frameworks/etd.md`},
		{"taken", "Case A", `"Case A" already leads to content/cases/a.md`},
		{"taken", "Untaken", ""},
		{"nothing", "x", `no page is called "nothing"`},
		{"etd", "etd", "is already at"},
		{"etd", "../../outside.md", "outside the library's pages"},
		{"etd", "ideas/gaps", "would no longer be a framework"},
	} {
		_, err := Plan(root, tc.from, tc.to, Options{})
		if tc.want == "" && err != nil {
			t.Errorf("mv %s %s: %v, want no error", tc.from, tc.to, err)
		} else if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("mv %s %s: %v, want %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// TestPlanUsesOverlay: an editor's unsaved text is what gets planned.
func TestPlanUsesOverlay(t *testing.T) {
	root := library(t, small)
	overlay := map[string][]byte{"content/cases/a.fi.md": []byte("---\ntitle: Tapaus A\n---\nUusi [[etd]] ja [[etd]].\n")}
	c, err := Plan(root, "etd", "gaps", Options{Overlay: overlay})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Files {
		if f.Path == "content/cases/a.fi.md" {
			got := string(Text(overlay[f.Path], f.Edits))
			if got != "---\ntitle: Tapaus A\n---\nUusi [[gaps]] ja [[gaps]].\n" {
				t.Errorf("overlay edited to:\n%s", got)
			}
			return
		}
	}
	t.Errorf("the unsaved file got no edits: %+v", c.Files)
}

// TestMoveFrameworkOfSampleLibrary moves a framework of the bundled
// library on a copy: the site builds with no broken link, and has the
// same pages, but the moved one at its new place.
func TestMoveFrameworkOfSampleLibrary(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", ".."))); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(root, "public"))
	before := site.NewMemOutput()
	if _, errs := site.Build(root, site.Options{}, before); errs.HasErrors() {
		t.Fatal(errs)
	}
	c, err := Plan(root, "Customer Experience vs Customer Service", "frameworks/service-within-experience", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(root); err != nil {
		t.Fatal(err)
	}
	after := site.NewMemOutput()
	if _, errs := site.Build(root, site.Options{}, after); errs.HasErrors() {
		t.Fatalf("after mv:\n%s", errs)
	}
	pages := func(out *site.MemOutput) []string {
		var names []string
		for name := range out.Files() {
			if strings.HasSuffix(name, "index.html") {
				names = append(names, strings.NewReplacer("experience-vs-service", "MOVED", "service-within-experience", "MOVED").Replace(name))
			}
		}
		slices.Sort(names)
		return names
	}
	if b, a := pages(before), pages(after); !slices.Equal(b, a) {
		t.Errorf("pages differ:\nbefore %v\nafter  %v", b, a)
	}
	if _, ok := after.Files()["frameworks/service-within-experience/index.html"]; !ok {
		t.Errorf("the moved framework is not at its new place")
	}
}

// TestEveryFormOfLinkFollows: a table's [[x\|label]] keeps its backslash,
// embeds follow, reference definitions follow, and links to pages that
// do not move stay as written.
func TestEveryFormOfLinkFollows(t *testing.T) {
	root := library(t, `
-- casebook.yaml --
title: T
-- content/cases/target.md --
---
title: The target
---
## Lessons

Learn.
-- content/cases/other.md --
---
title: Other
---
## Text

[Back up](#text).
-- content/cases/linker.md --
---
title: Linker
---
| case | note |
|---|---|
| [[target\|tbl]] | x |
| [[target#Lessons\|lessons]] | y |

![[target#Lessons]]

See [the target][t] and [the other](../cases/other.md).

[t]: target.md#lessons
`)
	c, err := Plan(root, "target", "new-target", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Files {
		if f.Path == "content/cases/other.md" {
			t.Errorf("a page that neither moves nor links to the moved one is edited: %+v", f.Edits)
		}
	}
	if _, err := c.Apply(root); err != nil {
		t.Fatal(err)
	}
	got := read(t, root, "content/cases/linker.md")
	for _, want := range []string{
		`| [[new-target\|tbl]] | x |`,
		`| [[new-target#Lessons\|lessons]] | y |`,
		`![[new-target#Lessons]]`,
		`[t]: new-target.md#lessons`,
		`[the other](../cases/other.md)`, // not the moved page's: as written
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if errs := site.Check(root, site.Options{}); errs.HasErrors() {
		t.Errorf("the library no longer checks:\n%s", errs)
	}
}

// TestLinksItCannotRewriteStopTheMove: a link to the page whose text mv
// cannot find to rewrite (here a reference definition with its path on
// the next line, which Markdown allows) stops the move before anything is
// written, naming the link.
func TestLinksItCannotRewriteStopTheMove(t *testing.T) {
	root := library(t, `
-- casebook.yaml --
title: T
-- content/cases/target.md --
---
title: The target
---
Text.
-- content/cases/linker.md --
---
title: Linker
---
See [the target][t].

[t]:
  target.md
`)
	_, err := Plan(root, "target", "new-target", Options{})
	if err == nil || !strings.Contains(err.Error(), "nothing moved: these links to content/cases/target.md could not be rewritten") || !strings.Contains(err.Error(), "content/cases/linker.md:4:") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/cases/target.md")); err != nil {
		t.Errorf("the page moved anyway: %v", err)
	}
}
