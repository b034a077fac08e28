package site

import (
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
)

// Analysis is what an editor needs to know of a library at one moment:
// the problems check would report (but those only rendering finds), and
// the pages, their parsed bodies and where each of their links leads.
type Analysis struct {
	Diagnostics diag.List
	Library     *content.Library
	Docs        map[*content.Page]*markdown.Doc
	Resolver    *link.Resolver
	// Targets[p][i] is the page link i of p leads to, nil when it leads
	// nowhere (or to a file).
	Targets map[*content.Page][]*content.Page
	// Frameworks[p][j] is the framework entry j of p's frameworks names,
	// nil when it names none.
	Frameworks map[*content.Page][]*content.Page
}

// Analyze checks the library as the texts in overlay (by root-relative
// path) and the files on disk have it, without rendering: load, convert,
// link, orphans. Like Rebuild, it parses and converts only what changed
// since its last run, so an editor can call it on every pause in typing.
// The source of each diagnostic's span is the overlay's text where it
// has one.
func (r *Rebuilder) Analyze(overlay map[string][]byte) *Analysis {
	b := &pass{root: r.root, opts: r.opts, reuse: r, checkOnly: true}
	b.opts.Drafts = true // a writer edits drafts too
	b.opts.Overlay = overlay
	var errs diag.List
	b.lib, errs = content.Load(b.root, content.Options{Drafts: true, Cache: r.pages, Overlay: overlay})
	errs.Append(b.convert())
	errs.Append(b.link())
	errs.Append(b.orphans())
	r.docs = b.docs
	classify(errs)
	diag.Place(errs, func(path string) []byte {
		if src, ok := overlay[path]; ok {
			return src
		}
		return readSource(b.root, path)
	})
	errs.Sort()
	a := &Analysis{Diagnostics: errs, Library: b.lib, Docs: b.docs, Resolver: b.linked.resolver,
		Targets: map[*content.Page][]*content.Page{}, Frameworks: map[*content.Page][]*content.Page{}}
	for p, links := range b.linked.links {
		to := make([]*content.Page, len(links))
		for i, l := range links {
			to[i] = l.Page
		}
		a.Targets[p] = to
	}
	for _, p := range b.lib.Pages {
		fws := make([]*content.Page, len(p.Frameworks))
		for j, name := range p.Frameworks {
			if fw, err := b.linked.resolver.Framework(p, name); err == nil {
				fws[j] = fw
			}
		}
		a.Frameworks[p] = fws
	}
	return a
}
