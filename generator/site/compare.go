package site

import (
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/render"
)

// compares plans a language's compare pages, built ahead so that they
// work without JavaScript: each case beside each of its related cases
// (compare/a--b/), and each framework's cases side by side
// (compare/framework/SLUG/).
func (b *build) compares(l *language) {
	seen := map[string]bool{}
	for _, c := range casesOf(l) {
		if !printable(c) {
			continue
		}
		for _, r := range c.Related {
			if r.Kind != content.KindCase || r.Lang != c.Lang || !printable(r) {
				continue
			}
			url := render.PairPath(l.prefix, c.Slug, r.Slug)
			if seen[url] {
				continue
			}
			seen[url] = true
			pair := []*render.Page{c, r}
			if r.Slug < c.Slug {
				pair = []*render.Page{r, c}
			}
			b.compare(l, url, pair)
		}
	}
	for _, f := range l.frameworks {
		if f.Lang != l.code {
			continue
		}
		var cases []*render.Page
		for _, c := range casesIn(f.Cases, l) {
			if printable(c) {
				cases = append(cases, c)
			}
		}
		if len(cases) > 1 {
			b.compare(l, l.prefix+render.CompareDir+"framework/"+f.Slug+"/", cases)
		}
	}
}

func (b *build) compare(l *language, url string, cases []*render.Page) {
	title := render.Text(l.code, "compare") + ":"
	for i, c := range cases {
		if i > 0 {
			title += " ·"
		}
		title += " " + c.Title
	}
	v := b.view(l, "compare", url, title)
	v.Pages = cases
	b.page(url+"index.html", "compare.html", v)
}
