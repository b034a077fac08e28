package site

import (
	"bytes"
	"cmp"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/layouts"
)

// StaticDir is copied verbatim to the output root.
const StaticDir = "static"

// plan lists every file the site consists of, each with the function that
// makes its bytes. Where two plan the same name the first planned wins:
// generated files, then files beside pages in content/, then static/.
func (b *pass) plan() {
	b.outputs = b.outputs[:0]
	for name, data := range b.tmpl.Assets() {
		b.bytes("assets/"+name, data)
		builtin, err := fs.ReadFile(layouts.FS, "assets/"+name)
		b.outputs[len(b.outputs)-1].builtin = err == nil && bytes.Equal(builtin, data)
	}
	b.bytes("assets/highlight.css", markdown.HighlightCSS())
	b.outputs[len(b.outputs)-1].builtin = true
	if b.anyMermaid() {
		b.bytes(MermaidScript, layouts.Mermaid)
		b.outputs[len(b.outputs)-1].builtin = true
	}

	for _, l := range b.langs {
		b.lists(l)
		for _, v := range l.pages {
			b.page(v.URL+"index.html", string(v.Kind)+".html", b.pageView(l, v))
			if v.Kind == content.KindCase && printable(v) {
				b.page(v.URL+BriefDir+"index.html", "brief.html", b.briefView(l, v))
			}
			if b.cards() {
				b.pageCard(l, v)
			}
		}
		b.compares(l)
		b.made(l.prefix+"atom.xml", func() ([]byte, error) { return b.feed(l) })
	}
	def := b.langs[0]
	notFound := b.view(def, "404", "", render.Text(def.code, "not_found"))
	// A host serves 404.html at whatever address was missing, so its links
	// cannot be relative to its own place: with a baseURL they start from a
	// <base href>, without one from the server's root, which is right for a
	// site published at the root of its domain (see README, "Publish").
	notFound.Base = b.site.BaseURL
	notFound.RootRelative = b.site.BaseURL == ""
	b.page("404.html", "404.html", notFound)
	if b.site.BaseURL != "" {
		b.made("sitemap.xml", b.sitemap)
	}
	b.made("robots.txt", b.robots)
	b.made(marker, b.libraryJSON)
	if b.prints != nil {
		lists := make([][]*render.Page, len(b.langs))
		for i, l := range b.langs {
			lists[i] = l.pages
		}
		b.outputs[len(b.outputs)-1].fingerprint = func() uint64 { return b.prints.Lists(marker, lists...) }
	}
	for _, f := range b.lib.Files {
		b.copyFile(filepath.Join(b.lib.Config.ContentDir(), filepath.FromSlash(f)), f)
	}
	b.copyTree(StaticDir, "")
	slices.SortStableFunc(b.outputs, func(x, y output) int { return cmp.Compare(x.name, y.name) })
	b.outputs = slices.CompactFunc(b.outputs, func(x, y output) bool { return x.name == y.name })
	// The search index, written already, wins over files of its names
	// in content/ and static/, as every generated file does.
	b.outputs = slices.DeleteFunc(b.outputs, func(o output) bool { return b.indexed[o.name] })
}

// MermaidScript is where the vendored mermaid bundle goes in a site. It
// weighs megabytes, so a site gets it only when a page has a diagram.
const MermaidScript = "assets/mermaid.min.js"

func (b *pass) anyMermaid() bool {
	for _, doc := range b.docs {
		if doc.Mermaid {
			return true
		}
	}
	return false
}

// lists plans the home page, indexes and taxonomy pages of one language.
func (b *pass) lists(l *language) {
	if b.cards() {
		b.homeCard(l)
	}
	home := b.view(l, "home", l.prefix, "")
	home.Intro = b.intro(l.home)
	if l.home != nil && l.home.Summary != "" {
		home.Description = l.home.Summary
	}
	home.Cases, home.Frameworks = l.cases, l.frameworks
	home.Recent = l.cases[:min(len(l.cases), 6)]
	if b.lib.Config.Notes() {
		home.Folder = &render.Folder{Folders: l.folders} // the top folder, as a folder's page shows it
		for _, v := range l.pages {
			if rel, _ := b.lib.Config.ContentPath(v.File); !strings.Contains(rel, "/") {
				home.Folder.Pages = append(home.Folder.Pages, v)
			}
		}
	}
	b.page(l.prefix+"index.html", "home.html", home)

	for _, f := range l.folderPages {
		v := b.view(l, "section", f.URL, f.Title)
		v.Folder = f
		b.page(f.URL+"index.html", "section.html", v)
	}

	cases := b.view(l, "cases", l.prefix+"cases/", b.sectionTitle(l, "cases"))
	cases.Intro, cases.Pages, cases.Frameworks = b.intro(l.sections["cases"]), l.cases, l.frameworks
	b.page(cases.URL+"index.html", "cases.html", cases)

	fws := b.view(l, "frameworks", l.prefix+"frameworks/", b.sectionTitle(l, "frameworks"))
	fws.Intro, fws.Pages = b.intro(l.sections["frameworks"]), l.frameworks
	b.page(fws.URL+"index.html", "frameworks.html", fws)

	find := b.view(l, "search", l.prefix+SearchDir, render.Text(l.code, "search"))
	b.page(find.URL+"index.html", "search.html", find)

	graph := b.view(l, "graph", l.prefix+"graph/", render.Text(l.code, "graph_title"))
	graph.Frameworks = l.frameworks
	graph.Graph, graph.GraphShown, graph.GraphTotal = b.libraryGraph(l, graph.URL)
	b.page(graph.URL+"index.html", "graph.html", graph)

	b.insights(l)

	for _, tax := range []struct {
		kind, one string
		terms     []*render.Term
	}{{"tags", "tag", l.tags}, {"industries", "industry", l.industries}} {
		index := b.view(l, tax.kind, l.prefix+tax.kind+"/", render.Text(l.code, tax.kind))
		index.Terms = tax.terms
		b.page(index.URL+"index.html", "terms.html", index)
		for _, t := range tax.terms {
			v := b.view(l, tax.one, t.URL, t.Name)
			v.Term, v.Pages = t, t.Pages
			v.Alternates = b.termAlternates(l, tax.kind, t.Slug)
			b.page(t.URL+"index.html", "term.html", v)
		}
	}
}

// view starts a view with what every page of a language shows.
func (b *pass) view(l *language, kind, url, title string) *render.View {
	v := render.NewView(b.site, kind, url, l.code, l.prefix)
	v.Title, v.Description = title, b.site.Description
	if v.Description == "" {
		// Search engines and link previews want a description on every
		// page; the home page's summary says what the whole site is.
		v.Description = b.about(l)
	}
	if b.cards() {
		v.Image = l.prefix + render.CardName // a page with its own card replaces it
	}
	switch kind {
	case "home", "cases":
		// Only the lists show the library's terms; giving them to every
		// page would make every page change with any tag's count.
		v.Industries, v.Tags = l.industries, l.tags
	}
	switch kind {
	case "home", "cases", "frameworks", "tags", "industries", "graph", "search", "insights":
		v.Alternates = b.listAlternates(l, url)
	}
	return v
}

// about is the summary of l's home page, else of the default language's.
func (b *pass) about(l *language) string {
	for _, home := range []*content.Page{l.home, b.langs[0].home} {
		if home != nil && home.Summary != "" {
			return home.Summary
		}
	}
	return ""
}

// pageView is the view of one content page of language l.
func (b *pass) pageView(l *language, v *render.Page) *render.View {
	view := b.view(l, string(v.Kind), v.URL, v.Title)
	view.Page, view.Description = v, v.Summary
	view.Image = b.pageImage(l, v)
	for _, t := range v.Translations {
		view.Alternates = append(view.Alternates, render.Alternate{Lang: t.Lang, Name: render.LanguageName(t.Lang), URL: t.URL})
	}
	return view
}

// termAlternates links a tag or industry page to the same term in the
// other languages that have it.
func (b *pass) termAlternates(l *language, kind, slug string) []render.Alternate {
	var alts []render.Alternate
	for _, other := range b.langs {
		terms := other.tags
		if kind == "industries" {
			terms = other.industries
		}
		if other != l && slices.ContainsFunc(terms, func(t *render.Term) bool { return t.Slug == slug }) {
			alts = append(alts, render.Alternate{Lang: other.code, Name: render.LanguageName(other.code), URL: other.prefix + kind + "/" + slug + "/"})
		}
	}
	return alts
}

// listAlternates links a list page to the same list in the other languages.
func (b *pass) listAlternates(l *language, url string) []render.Alternate {
	var alts []render.Alternate
	rest := url[len(l.prefix):]
	for _, other := range b.langs {
		if other != l {
			alts = append(alts, render.Alternate{Lang: other.code, Name: render.LanguageName(other.code), URL: other.prefix + rest})
		}
	}
	return alts
}

func (b *pass) sectionTitle(l *language, section string) string {
	if p := l.sections[section]; p != nil {
		return p.Title
	}
	return render.Text(l.code, section)
}

// intro is a section's _index.md body, links filled in.
func (b *pass) intro(p *content.Page) template.HTML {
	if p == nil {
		return ""
	}
	return template.HTML(b.fill(p))
}

func (b *pass) page(name, tmpl string, v *render.View) {
	b.pageOf(name, tmpl, func() *render.View { return v })
}

// pageOf plans a page whose view is made only when it is rendered (or
// fingerprinted): for the many pages, such as the pre-built comparisons,
// whose views would otherwise all be held from planning to writing.
func (b *pass) pageOf(name, tmpl string, view func() *render.View) {
	o := output{name: name, html: true, view: view, render: func() ([]byte, error) {
		return b.tmpl.Render(tmpl, view())
	}, renderThen: func(use func([]byte) error) error {
		return b.tmpl.RenderThen(tmpl, view(), use)
	}}
	if b.prints != nil {
		o.fingerprint = func() uint64 { return b.prints.View(tmpl, view()) }
	}
	b.outputs = append(b.outputs, o)
}

func (b *pass) made(name string, fn func() ([]byte, error)) {
	b.outputs = append(b.outputs, output{name: name, render: fn})
}

func (b *pass) bytes(name string, data []byte) {
	b.made(name, func() ([]byte, error) { return data, nil })
}

func (b *pass) copyFile(src, name string) {
	path := filepath.Join(b.root, src)
	b.made(name, func() ([]byte, error) { return os.ReadFile(path) })
	if b.reuse != nil {
		// A Rebuilder keeps the bytes of a file whose size and time are
		// unchanged, rather than read every image of the library per save.
		b.outputs[len(b.outputs)-1].fingerprint = func() uint64 { return fileStamp(path) }
	}
}

// fileStamp hashes a file's path, size and modification time. When these
// cannot be trusted (the file is missing, or changed too recently for its
// time to tell two saves apart) it returns the current time instead, which
// matches no kept fingerprint, so the file is read.
func fileStamp(path string) uint64 {
	info, err := os.Stat(path)
	if err != nil || time.Since(info.ModTime()) < content.RacyWindow {
		return uint64(time.Now().UnixNano()) // differs from any kept one
	}
	return render.Hash([]byte(path), []byte(info.ModTime().String()), []byte(strconv.FormatInt(info.Size(), 10)))
}

// copyTree plans a copy of every file under dir (relative to the site
// root) to prefix in the output.
func (b *pass) copyTree(dir, prefix string) {
	base := filepath.Join(b.root, dir)
	_ = filepath.WalkDir(base, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == base {
			return nil
		}
		if content.Ignored(e.Name()) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			rel, _ := filepath.Rel(base, p)
			if b.leftOutStatic[prefix+filepath.ToSlash(rel)] {
				return nil // only pages this build leaves out use it
			}
			b.copyFile(filepath.Join(dir, rel), prefix+filepath.ToSlash(rel))
		}
		return nil
	})
}

// insights plans a language's dashboard over all its cases, and a variant
// per industry and per framework, so that filtering is a plain link.
func (b *pass) insights(l *language) {
	base := l.prefix + "insights/"
	title := render.Text(l.code, "insights")
	page := func(url, name string, pages []*render.Page) {
		v := b.view(l, "insights", base, title)
		v.URL, v.Filter, v.Pages = url, url, pages
		if name != "" {
			v.Title = title + ": " + name
		}
		v.Industries, v.Frameworks = l.industries, l.frameworks
		b.page(url+"index.html", "insights.html", v)
	}
	page(base, "", l.cases)
	for _, t := range l.industries {
		page(base+"industry/"+t.Slug+"/", t.Name, t.Pages)
	}
	for _, f := range l.frameworks {
		page(base+"framework/"+f.Slug+"/", f.Title, f.Cases)
	}
}
