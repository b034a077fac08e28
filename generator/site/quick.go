package site

import (
	"cmp"
	"html/template"
	"os"
	"path/filepath"
	"slices"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
)

// Quick shows an edit at once. It renders the page of one source file
// (a slash-separated path relative to the site root, as
// "content/cases/x.md") again, against the last good build, and returns
// its output's name and bytes. A Rebuild must follow in any case: Quick
// makes the edited page alone, and Rebuild brings the rest of the site
// (backlinks quoting the edited text, lists, the search index) up to date.
// When nothing else changed since the last good build and that Rebuild
// succeeds, the page Quick returns is the one it makes.
//
// That holds because Quick answers only for edits that change nothing the
// rest of the build gives the page: the file must be a page of the last
// good build, still parse without errors, keep its place (kind, language,
// URL), its draft state, title, tags, industry, frameworks and aliases,
// and link to the same pages as before (not to itself). (Two pages saved
// at once may quote each other in their backlinks, so Quick takes one.)
// For any other change, or any error, ok is false; the Rebuild that follows
// reports the errors.
//
// Quick only reads the last good build, which no later Rebuild changes, so
// it may run while a Rebuild runs.
func (r *Rebuilder) Quick(file string) (name string, data []byte, ok bool) {
	r.lastMu.Lock()
	last := r.last
	r.lastMu.Unlock()
	if last == nil {
		return "", nil, false
	}
	return last.quickPage(r.root, file)
}

// quickPage renders the page of a source file again, if the edit allows
// (see Rebuilder.Quick).
func (b *pass) quickPage(root, file string) (name string, data []byte, ok bool) {
	rel, isContent := b.lib.Config.ContentPath(file)
	if !isContent {
		return "", nil, false
	}
	i := slices.IndexFunc(b.lib.Pages, func(p *content.Page) bool { return p.File == file })
	if i < 0 {
		return "", nil, false
	}
	old := b.lib.Pages[i]
	view := b.views[old]
	if view == nil {
		return "", nil, false // a section's _index.md: its text is part of list pages
	}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return "", nil, false
	}
	p, errs := content.ParsePage(rel, src, b.lib.Config)
	if p == nil || errs.HasErrors() {
		return "", nil, false
	}
	doc, err := markdown.New(markdown.Options{Unsafe: b.lib.Config.Unsafe}).Convert(p.Body)
	if err != nil {
		return "", nil, false
	}
	addInlineTags(p, doc)
	if !sameStanding(old, p) {
		return "", nil, false
	}
	if doc.Mermaid != view.Mermaid {
		return "", nil, false // the site may not have the mermaid script yet, or no longer need it
	}
	links := resolveLinks(b.linked.resolver, b.lib.Config, p, doc, &errs)
	if errs.HasErrors() || !sameTargets(old, links, b.linked.graph.Links(old)) {
		return "", nil, false
	}

	// The new page takes the old one's place in a copy of its view; all
	// the rest of the view comes from the build, which the checks above
	// show the edit cannot have changed.
	v := *view
	v.Page = p
	v.Content = template.HTML(b.filler().fill(p, doc, links, p.URL, 0, 0))
	v.Summary = summary(p, doc, links)
	l := b.languageOf(p)
	data, err = b.tmpl.Render(string(p.Kind)+".html", b.pageView(l, &v))
	if err != nil {
		return "", nil, false
	}
	return p.URL + "index.html", data, true
}

// sameStanding reports whether a page's new version keeps everything the
// rest of the build reads of it for what its own page shows: its place,
// draft state, title (the text of links to it, which its backlinks
// quote), tags, industry, frameworks and aliases.
func sameStanding(old, p *content.Page) bool {
	return old.File == p.File && old.Kind == p.Kind && old.Lang == p.Lang && old.URL == p.URL &&
		old.Draft == p.Draft && old.Title == p.Title && old.Industry == p.Industry &&
		slices.Equal(old.Tags, p.Tags) && slices.Equal(old.Frameworks, p.Frameworks) &&
		slices.Equal(old.Aliases, p.Aliases)
}

// sameTargets reports whether a page's links, newly resolved, lead to the
// pages it led to before (before: sorted by file, as Graph.Links is), and
// none to the page itself, whose old version the resolver still holds.
func sameTargets(old *content.Page, links []link.Target, before []*content.Page) bool {
	var now []*content.Page
	for _, l := range links {
		if l.Page == old {
			return false
		}
		if l.Page != nil && !slices.Contains(now, l.Page) {
			now = append(now, l.Page)
		}
	}
	slices.SortFunc(now, func(a, b *content.Page) int { return cmp.Compare(a.File, b.File) })
	return slices.Equal(now, before)
}

// languageOf is the language a page is listed and rendered in.
func (b *pass) languageOf(p *content.Page) *language {
	for _, l := range b.langs {
		if l.code == p.Lang {
			return l
		}
	}
	return b.langs[0]
}
