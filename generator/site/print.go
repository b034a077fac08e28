package site

import (
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/render"
)

// PrintDir is where a build asked for a Print writes its one document.
const PrintDir = "print/"

// Print asks a build for one more page, print/index.html: the briefs of
// the chosen cases one a page, or a slide deck of them, for casebook pdf
// to print once (one document with page breaks, rather than a PDF per
// case to merge).
type Print struct {
	Cases     []string // by slug, title or alias, in the order given
	All       bool     // every case of the language
	Tag       string   // every case with this tag (by name or slug)
	Framework string   // every case applying this framework (by slug, title or alias)
	Lang      string   // the language whose cases are chosen; "" for the site's first
	Slides    bool     // a 16:9 deck instead of briefs
}

// planPrint plans print/index.html for the build's Print, or reports why
// the cases asked for cannot be found.
func (b *pass) planPrint() diag.List {
	var errs diag.List
	pr := b.opts.Print
	l := b.langs[0]
	if pr.Lang != "" {
		i := slices.IndexFunc(b.langs, func(l *language) bool { return l.code == pr.Lang })
		if i < 0 {
			errs.Errorf(diag.Pos{Path: content.ConfigFile}, "--lang %s: the site's languages are %s", pr.Lang, strings.Join(b.lib.Config.Languages, ", "))
			return errs
		}
		l = b.langs[i]
	}
	own := casesOf(l)
	var chosen []*render.Page
	add := func(ps ...*render.Page) {
		for _, p := range ps {
			if !slices.Contains(chosen, p) && printable(p) {
				chosen = append(chosen, p)
			}
		}
	}
	if pr.All {
		add(own...)
	}
	if pr.Tag != "" {
		t := slices.IndexFunc(l.tags, func(t *render.Term) bool { return same(t.Name, pr.Tag) || same(t.Slug, pr.Tag) })
		if t < 0 {
			errs.Errorf(diag.Pos{}, "--tag %s: no case has this tag", pr.Tag)
		} else {
			add(casesIn(l.tags[t].Pages, l)...)
		}
	}
	if pr.Framework != "" {
		f := slices.IndexFunc(l.frameworks, func(f *render.Page) bool { return names(f, pr.Framework) })
		if f < 0 {
			errs.Errorf(diag.Pos{}, "--framework %s: no framework is called that (by slug, title or alias)", pr.Framework)
		} else {
			add(casesIn(l.frameworks[f].Cases, l)...)
		}
	}
	for _, name := range pr.Cases {
		i := slices.IndexFunc(own, func(p *render.Page) bool { return names(p, name) })
		if i < 0 {
			// A name in another language picks the case in this one.
			for _, other := range b.langs {
				if j := slices.IndexFunc(casesOf(other), func(p *render.Page) bool { return names(p, name) }); j >= 0 {
					i = slices.IndexFunc(own, func(p *render.Page) bool { return p.Path == casesOf(other)[j].Path })
					break
				}
			}
		}
		if i < 0 {
			slugs := make([]string, len(own))
			for k, p := range own {
				slugs[k] = p.Slug
			}
			errs.Errorf(diag.Pos{}, "%q: no case is called that (by slug, title or alias); the cases are: %s", name, strings.Join(slugs, ", "))
			continue
		}
		add(own[i])
	}
	if errs.HasErrors() {
		return errs
	}
	if len(chosen) == 0 {
		errs.Errorf(diag.Pos{}, "no case to print: the selection is empty")
		return errs
	}
	v := b.view(l, "print", l.prefix+PrintDir, b.site.Title)
	v.Pages, v.Slides = chosen, pr.Slides
	b.printed = chosen
	b.printPages = len(chosen)
	if pr.Slides {
		b.printPages = 2 + len(chosen) + len(v.DeckFrameworks())
	}
	b.printFile = v.URL + "index.html"
	b.page(b.printFile, "print.html", v)
	return errs
}

// casesOf are the cases written in l's language (not the default
// language's cases its lists also show).
func casesOf(l *language) []*render.Page { return casesIn(l.cases, l) }

func casesIn(pages []*render.Page, l *language) []*render.Page {
	var out []*render.Page
	for _, p := range pages {
		if p.Kind == content.KindCase && p.Lang == l.code {
			out = append(out, p)
		}
	}
	return out
}

// names reports whether name is p's slug, title or one of its aliases.
func names(p *render.Page, name string) bool {
	if same(p.Slug, name) || same(p.Title, name) {
		return true
	}
	return slices.ContainsFunc(p.Aliases, func(a string) bool { return same(a, name) })
}

func same(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
