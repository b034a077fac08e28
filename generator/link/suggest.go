package link

import (
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/suggest"
)

// Known reports whether some page answers to name (by slug, title, alias
// or path), whatever the language: a failed lookup of a known name is
// ambiguous, not misspelt.
func (r *Resolver) Known(name string) bool { return len(r.byName[fold(name)]) > 0 }

// Pages is every page the resolver answers for, in no particular order.
func (r *Resolver) Pages() []*content.Page {
	out := make([]*content.Page, 0, len(r.byFile))
	for _, p := range r.byFile {
		if p.Kind != content.KindSection {
			out = append(out, p)
		}
	}
	return out
}

// DidYouMean is the page name closest to one that names no page, written
// as the writer would write it (a title as a title, a slug as a slug), or
// "" when none is close enough to be a slip.
func (r *Resolver) DidYouMean(target string) string {
	var names []string
	for _, p := range r.byFile {
		if p.Kind == content.KindSection {
			continue
		}
		names = append(names, p.Slug, p.Path, p.Title)
		names = append(names, p.Aliases...)
	}
	return suggest.Closest(target, names)
}

// FrameworkNames are the slugs of every framework, closest to typed first.
func (r *Resolver) FrameworkNames(typed string) []suggest.Ranked {
	var slugs []string
	for _, p := range r.byFile {
		if p.Kind == content.KindFramework {
			slugs = append(slugs, p.Slug)
		}
	}
	return suggest.Rank(typed, slugs)
}

// KnowsHeadings reports whether the headings of p were recorded: a page
// whose Markdown could not be read has none to check an anchor against.
func (r *Resolver) KnowsHeadings(p *content.Page) bool {
	_, ok := r.anchors[p]
	return ok
}

// Headings are the heading ids of p, closest to anchor first.
func (r *Resolver) Headings(p *content.Page, anchor string) []suggest.Ranked {
	ids := make([]string, 0, len(r.anchors[p]))
	for id := range r.anchors[p] {
		if !strings.HasPrefix(id, "^") { // a block's, not a heading's
			ids = append(ids, id)
		}
	}
	return suggest.Rank(strings.ToLower(anchor), ids)
}
