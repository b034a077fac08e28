package render

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestFrameLinksAsView holds the promise Frame's From makes: from any
// page, a frame links to every place the header and footer name exactly
// as the page's own view would.
func TestFrameLinksAsView(t *testing.T) {
	site := &Site{Languages: []string{"en", "fi"}, Indexed: []string{"en", "fi"}, Sections: []NavLink{{Title: "Notes", URL: "notes/"}}}
	pages := []string{"", "fi/", "cases/", "cases/a/", "cases/a/brief/", "fi/cases/a/", "fi/cases/a/brief/",
		"compare/a--b/", "compare/framework/f/", "notes/", "notes/x/y/z/", "fi/notes/x/", "tags/t/"}
	targets := []string{"", "fi/", "cases/", "fi/cases/", "notes/", "search/", "fi/search/", "assets/casebook.css",
		"atom.xml", "fi/atom.xml", "casebook.json", "graph/"}
	for _, url := range pages {
		for _, lang := range []string{"en", "fi"} {
			v := NewView(site, "case", url, lang, map[string]string{"en": "", "fi": "fi/"}[lang])
			f := v.Frame()
			for _, target := range targets {
				if got, want := f.Rel(target), v.Rel(target); got != want {
					t.Errorf("from %q to %q: frame links %q, view %q", url, target, got, want)
				}
			}
			if got, want := f.SearchIndex(), v.SearchIndexes()[lang]; got != want {
				t.Errorf("from %q: search index %q, want %q", url, got, want)
			}
			if got, want := f.Root(), v.Root(); got != want {
				t.Errorf("from %q: root %q, want %q", url, got, want)
			}
		}
	}
}

// TestFrameCurrent checks which navigation entry a page's frame marks.
func TestFrameCurrent(t *testing.T) {
	site := &Site{Sections: []NavLink{{Title: "Notes", URL: "notes/"}}}
	for _, c := range []struct{ kind, url, want string }{
		{"case", "cases/a/", "cases"}, {"cases", "cases/", "cases"}, {"framework", "frameworks/f/", "frameworks"},
		{"tag", "tags/t/", "tags"}, {"industry", "industries/i/", "industries"}, {"graph", "graph/", "graph"},
		{"section", "notes/", "notes/"}, {"section", "notes/deeper/", ""}, {"home", "", ""}, {"compare", "compare/a--b/", ""},
	} {
		if got := NewView(site, c.kind, c.url, "en", "").Frame().Current; got != c.want {
			t.Errorf("%s page at %q: current %q, want %q", c.kind, c.url, got, c.want)
		}
	}
}

// TestCached checks that cached runs a template once per value, gives
// what running it gives, and refuses a value that cannot be a key.
func TestCached(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, LayoutsDir, "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	probe := `{{define "probe"}}<b>{{.Name}}</b>{{end}}`
	if err := os.WriteFile(filepath.Join(root, LayoutsDir, "partials", "probe.html"), []byte(probe), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl, errs := LoadTemplates(root)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	type key struct{ Name string }
	for _, name := range []string{"<a>", "<a>", "b", "<a>"} {
		got, err := tmpl.cached("probe", key{name})
		if err != nil {
			t.Fatal(err)
		}
		if want := "<b>" + map[string]string{"<a>": "&lt;a&gt;", "b": "b"}[name] + "</b>"; string(got) != want {
			t.Errorf("cached(%q) = %q, want %q", name, got, want)
		}
	}
	entries := 0
	tmpl.rendered.Range(func(any, any) bool { entries++; return true })
	if entries != 2 {
		t.Errorf("%d cached renderings of two values, want 2", entries)
	}
	for i := range maxCached + 10 {
		if _, err := tmpl.cached("probe", key{strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	entries = 0
	tmpl.rendered.Range(func(any, any) bool { entries++; return true })
	if entries > maxCached {
		t.Errorf("cached kept %d renderings of one template, more than its %d", entries, maxCached)
	}
	if _, err := tmpl.cached("probe", map[string]string{"Name": "x"}); err == nil {
		t.Error("cached accepted a map, which cannot be compared")
	}
}

// TestFrameShared checks that pages of one section, language and depth
// share one frame, which is what makes the header cheap.
func TestFrameShared(t *testing.T) {
	site := &Site{Languages: []string{"en", "fi"}}
	for _, pair := range [][2]string{{"cases/a/", "cases/b/"}, {"compare/a--b/", "compare/c--d/"},
		{"fi/cases/a/", "fi/cases/b/"}, {"cases/a/brief/", "cases/b/brief/"}, {"notes/x/y/", "notes/z/w/"}} {
		lang, prefix := "en", ""
		if pair[0][:3] == "fi/" {
			lang, prefix = "fi", "fi/"
		}
		a, b := NewView(site, "case", pair[0], lang, prefix).Frame(), NewView(site, "case", pair[1], lang, prefix).Frame()
		if a != b {
			t.Errorf("frames of %s and %s differ: %+v, %+v", pair[0], pair[1], a, b)
		}
	}
}
