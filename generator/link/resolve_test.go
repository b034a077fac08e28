package link

import (
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

func page(file string, kind content.Kind, lang, slug, path, title string, aliases ...string) *content.Page {
	return &content.Page{File: file, Kind: kind, Lang: lang, Slug: slug, Path: path, Title: title, Aliases: aliases}
}

func TestResolve(t *testing.T) {
	wm := page("content/cases/washing-machine.md", content.KindCase, "en", "washing-machine", "cases/washing-machine", "The Washing Machine")
	wmFi := page("content/cases/washing-machine.fi.md", content.KindCase, "fi", "washing-machine", "cases/washing-machine", "Pesukone")
	etd := page("content/frameworks/etd.md", content.KindFramework, "en", "etd", "frameworks/etd", "Expected, Target, Delivered", "ETD", "gaps")
	gapsCase := page("content/cases/gaps.md", content.KindCase, "en", "gaps", "cases/gaps", "Gaps")
	r := NewResolver([]*content.Page{wm, wmFi, etd, gapsCase}, &content.Config{Languages: []string{"en", "fi"}})

	for _, tc := range []struct {
		from   *content.Page
		target string
		want   *content.Page
		err    string
	}{
		{wm, "washing-machine", wm, ""},
		{wmFi, "washing-machine", wmFi, ""}, // a translation prefers its own language
		{etd, "THE WASHING MACHINE", wm, ""},
		{wm, "etd", etd, ""},
		{wm, "etd ", etd, ""},
		{wm, "frameworks/etd", etd, ""},
		{wmFi, "Expected, target, delivered", etd, ""}, // no Finnish version: the default language
		{wm, "nothing", nil, `no page is called "nothing"`},
		{wm, "gaps", nil, `"gaps" names 2 pages: content/cases/gaps.md, content/frameworks/etd.md`},
		{wm, "", wm, ""},
	} {
		got, err := r.Wikilink(tc.from, tc.target)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("[[%s]] from %s: got %v, %v", tc.target, tc.from.File, got, err)
		}
	}
	if got, err := r.Framework(wm, "gaps"); got != etd || err != nil {
		t.Errorf("frameworks entry: only frameworks count; got %v, %v", got, err)
	}
	if _, err := r.Framework(wm, "washing-machine"); err == nil {
		t.Errorf("a case is not a framework")
	}
	if got, err := r.File(wm, "../frameworks/etd.md"); got != etd || err != nil {
		t.Errorf("relative file: %v, %v", got, err)
	}
	if _, err := r.File(wm, "../frameworks/gone.md"); err == nil {
		t.Errorf("missing file resolved")
	}
}

// FuzzResolve: any wikilink target either resolves to a page that really
// carries that name (case folded) or fails with a message; never panics.
func FuzzResolve(f *testing.F) {
	pages := []*content.Page{
		page("content/cases/washing-machine.md", content.KindCase, "en", "washing-machine", "cases/washing-machine", "The Washing Machine", "WM"),
		page("content/cases/washing-machine.fi.md", content.KindCase, "fi", "washing-machine", "cases/washing-machine", "Pesukone"),
		page("content/frameworks/etd.md", content.KindFramework, "en", "etd", "frameworks/etd", "Expected, Target, Delivered", "ETD", "Ääkköset"),
	}
	r := NewResolver(pages, &content.Config{Languages: []string{"en", "fi"}})
	for _, seed := range []string{"washing-machine", "WM", "cases/washing-machine", "ETD", "ääkköset", "", " ", "nothing", "frameworks/", "\x00"} {
		f.Add(seed, 0)
		f.Add(seed, 1)
	}
	f.Fuzz(func(t *testing.T, target string, from int) {
		src := pages[(from%len(pages)+len(pages))%len(pages)]
		p, err := r.Wikilink(src, target)
		if err != nil {
			if p != nil || err.Error() == "" {
				t.Fatalf("%q: page %v with error %v", target, p, err)
			}
			return
		}
		if target == "" {
			if p != src {
				t.Fatalf("[[]] from %s resolved to %s", src.File, p.File)
			}
			return
		}
		names := append([]string{p.Slug, p.Path, p.Title}, p.Aliases...)
		for _, n := range names {
			if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(target)) || fold(n) == fold(target) {
				return
			}
		}
		t.Fatalf("%q resolved to %s, which has no such name", target, p.File)
	})
}
