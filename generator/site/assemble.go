package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/parallel"
	"github.com/casebook-cx/casebook/generator/render"
)

// language is one language's share of the site: its pages and lists.
type language struct {
	code        string
	prefix      string // output folder: "" for the default language, "fi/" for Finnish
	home        *content.Page
	sections    map[string]*content.Page // section name -> its _index.md
	cases       []*render.Page
	frameworks  []*render.Page
	pages       []*render.Page // the language's own pages, rendered under its prefix
	listed      []*render.Page // what its lists show: its pages, then untranslated default-language ones
	tags        []*render.Term
	industries  []*render.Term
	folders     []*render.Folder // the top-level folders of pages
	folderPages []*render.Folder // the folders that get a page of their own
}

// assemble builds what templates see: every page's HTML with its links
// filled in, and the lists, taxonomies and cross references between pages.
func (b *pass) assemble() {
	cfg := b.lib.Config
	b.site = &render.Site{Title: cfg.Title, Description: cfg.Description, BaseURL: cfg.BaseURL, Languages: cfg.Languages, Params: cfg.Params}
	b.views = map[*content.Page]*render.Page{}
	byLang := map[string]*language{}
	for i, code := range cfg.Languages {
		l := &language{code: code, sections: map[string]*content.Page{}}
		if i > 0 {
			l.prefix = code + "/"
		}
		byLang[code] = l
	}
	// The tag pages there will be: each page's tags, in its language (a
	// home or folder page's text is none, and an embed can show that text
	// on any page).
	b.tagPages = map[string]bool{}
	for _, p := range b.lib.Pages {
		if p.Kind != content.KindSection {
			for _, t := range p.Tags {
				b.tagPages[tagURL(cfg, p, t)] = true
			}
		}
	}
	texts := make([]filled, len(b.lib.Pages))
	parallel.For(len(b.lib.Pages), func(i int) {
		if p := b.lib.Pages[i]; p.Kind != content.KindSection {
			texts[i] = b.reuse.filledText(p, b.docs[p], b.linked.links[p], func() filled {
				return filled{content: template.HTML(b.fill(p)), summary: summary(p, b.docs[p], b.linked.links[p])}
			})
			b.release(p)
		}
	})
	for i, p := range b.lib.Pages {
		l := byLang[p.Lang]
		if p.Kind == content.KindSection {
			if p.Path == "" {
				l.home = p
			} else {
				l.sections[p.Path] = p
			}
			continue
		}
		v := &render.Page{Page: p, Content: texts[i].content, Summary: texts[i].summary, Mermaid: b.docs[p].Mermaid}
		if b.opts.Preview {
			v.Unpublished = render.NewUnpublished(p)
		}
		b.views[p] = v
		l.pages = append(l.pages, v)
		switch p.Kind {
		case content.KindCase:
			l.cases = append(l.cases, v)
		case content.KindFramework:
			l.frameworks = append(l.frameworks, v)
		}
	}
	b.crossReference()
	b.linkTranslations()
	def := byLang[cfg.DefaultLanguage()]
	for i, code := range cfg.Languages {
		l := byLang[code]
		if i > 0 && len(l.pages) == 0 {
			continue // a configured language with no pages yet gets no lists
		}
		l.listed = l.pages
		if l != def {
			l.addFallbacks(def)
		}
		slices.SortFunc(l.cases, newestFirst)
		slices.SortFunc(l.frameworks, byTitle)
		slices.SortFunc(l.pages, byURL)
		l.tags = taxonomy(l, "tags", func(p *render.Page) []string { return p.Tags })
		l.industries = taxonomy(l, "industries", func(p *render.Page) []string {
			if p.Industry == "" {
				return nil
			}
			return []string{p.Industry}
		})
		b.folders(l)
		b.langs = append(b.langs, l)
		b.site.Indexed = append(b.site.Indexed, code)
	}
	b.site.Notes = cfg.Notes()
	b.site.HasCases = !cfg.Notes() || len(def.cases)+len(def.frameworks) > 0
	for _, f := range def.folders {
		if !f.Listed {
			b.site.Sections = append(b.site.Sections, render.NavLink{Title: f.Title, URL: f.URL})
		}
	}
}

// crossReference fills what each page shows of the others: a case's
// frameworks, a framework's cases (those that list it or link to it),
// backlinks, and related cases.
func (b *pass) crossReference() {
	for p, fws := range b.linked.frameworks {
		v := b.views[p]
		for _, fw := range fws {
			v.FrameworkPages = append(v.FrameworkPages, b.views[fw])
			b.views[fw].Cases = append(b.views[fw].Cases, v)
		}
	}
	for p, v := range b.views {
		for _, in := range b.linked.graph.Backlinks(p) {
			from := b.views[in.From]
			if from == nil {
				continue // the home page or a section's text
			}
			bl := &render.Backlink{From: from}
			for _, m := range in.Mentions {
				bl.Mentions = append(bl.Mentions, render.Mention(m))
			}
			v.Backlinks = append(v.Backlinks, bl)
			if p.Kind == content.KindFramework && from.Kind == content.KindCase && !slices.Contains(v.Cases, from) {
				v.Cases = append(v.Cases, from)
			}
		}
		for _, r := range b.linked.related[p] {
			v.Related = append(v.Related, b.views[r.Page])
		}
		for _, to := range b.linked.graph.Links(p) {
			if tv := b.views[to]; tv != nil {
				if v.Previews == nil {
					v.Previews = map[string]render.Preview{}
				}
				v.Previews[render.RelURL(p.URL, to.URL)] = render.Preview{Title: tv.Title, Summary: tv.Summary, Kind: render.Text(p.Lang, string(to.Kind))}
			}
		}
	}
	for p, v := range b.views {
		slices.SortFunc(v.Cases, newestFirst)
		v.Neighbours = b.neighbours(p, v)
	}
}

// addFallbacks lists the default language's pages that have no version in
// l, so a reader of a partly translated library still sees all of it.
func (l *language) addFallbacks(def *language) {
	l.listed = slices.Clone(l.pages)
	for _, p := range def.pages {
		if slices.ContainsFunc(p.Translations, func(t *render.Page) bool { return t.Lang == l.code }) {
			continue
		}
		l.listed = append(l.listed, p)
		switch p.Kind {
		case content.KindCase:
			l.cases = append(l.cases, p)
		case content.KindFramework:
			l.frameworks = append(l.frameworks, p)
		}
	}
}

// release drops the HTML with placeholders of a page once its links are
// filled in. On a large library the pages' HTML is most of the memory a
// build holds.
func (b *pass) release(p *content.Page) {
	if b.reuse != nil || b.linked.embedded[p] {
		return // a Rebuilder converts only changed pages, so keeps them all; other pages show an embedded one's
	}
	b.docs[p].HTML = nil
}

// fill writes the resolved links into a page's HTML.
func (b *pass) fill(p *content.Page) []byte {
	return b.filler().fill(p, b.docs[p], b.linked.links[p], p.URL, 0, 0)
}

func (b *pass) filler() filler {
	return filler{docs: b.docs, links: b.linked.links, tagPages: b.tagPages}
}

// summary is the front matter summary, else the first paragraph, cut at a
// word boundary so cards stay short.
func summary(p *content.Page, doc *markdown.Doc, links []link.Target) string {
	if p.Summary != "" {
		return p.Summary
	}
	const limit = 240
	s := markdown.FillText(doc.Lead, func(i int) string { return link.Text(doc, links, i) })
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	cut := string([]rune(s)[:limit])
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// linkTranslations links pages that share a path across languages, both
// ways, in the configured language order.
func (b *pass) linkTranslations() {
	order := map[string]int{}
	for i, l := range b.lib.Config.Languages {
		order[l] = i
	}
	groups := map[string][]*render.Page{}
	for _, v := range b.views {
		key := string(v.Kind) + "|" + v.Path
		groups[key] = append(groups[key], v)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		slices.SortFunc(g, func(a, b *render.Page) int { return cmp.Compare(order[a.Lang], order[b.Lang]) })
		for _, v := range g {
			for _, other := range g {
				if other != v {
					v.Translations = append(v.Translations, other)
				}
			}
		}
	}
}

// taxonomy groups a language's pages by the terms names returns. Terms
// whose names slugify alike ("CX", "cx") are one term, shown by the first
// name in sort order.
func taxonomy(l *language, kind string, names func(*render.Page) []string) []*render.Term {
	bySlug := map[string]*render.Term{}
	for _, p := range l.listed {
		for _, name := range names(p) {
			slug := content.Slugify(name)
			if slug == "" {
				continue
			}
			t := bySlug[slug]
			if t == nil {
				t = &render.Term{Taxonomy: kind, Name: name, Slug: slug,
					URL: l.prefix + kind + "/" + slug + "/", ParentURL: l.prefix + kind + "/"}
				bySlug[slug] = t
			}
			if name < t.Name {
				t.Name = name
			}
			if len(t.Pages) == 0 || t.Pages[len(t.Pages)-1] != p {
				t.Pages = append(t.Pages, p)
			}
			if p.Lang != l.code {
				continue // a fallback page keeps the terms of its own language
			}
			if kind == "tags" {
				p.TagTerms = append(p.TagTerms, t)
			} else {
				p.IndustryTerm = t
			}
		}
	}
	terms := make([]*render.Term, 0, len(bySlug))
	for _, t := range bySlug {
		slices.SortFunc(t.Pages, newestFirst)
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b *render.Term) int { return cmp.Compare(a.Slug, b.Slug) })
	return terms
}

func newestFirst(a, b *render.Page) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL))
}

func byTitle(a, b *render.Page) int {
	return cmp.Or(naturalCompare(a.Title, b.Title), cmp.Compare(a.URL, b.URL))
}

func byURL(a, b *render.Page) int { return cmp.Compare(a.URL, b.URL) }
