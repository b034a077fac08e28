package site

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/render"
)

// compares plans a language's compare pages, built ahead so that they
// work without JavaScript: each case beside each of its related cases
// (compare/a--b/), and each framework's cases side by side
// (compare/framework/SLUG/).
func (b *pass) compares(l *language) {
	seen := map[string]bool{}
	var pairs [][2]*render.Page
	defer func() { b.comparePicker(l, pairs) }()
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
			b.compare(l, url, pair, nil)
			pairs = append(pairs, [2]*render.Page{pair[0], pair[1]})
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
			b.compare(l, l.prefix+render.CompareDir+"framework/"+f.Slug+"/", cases, f)
		}
	}
}

// compare plans the page at url comparing cases: a pair, or the cases of
// framework. A library has several comparisons for each case, so each
// view is made when its page is.
func (b *pass) compare(l *language, url string, cases []*render.Page, framework *render.Page) {
	b.pageOf(url+"index.html", "compare.html", func() *render.View {
		title := render.Text(l.code, "compare") + ": "
		if framework != nil {
			// Named by the framework and the count: a title listing every
			// case would run to hundreds of names in a browser's tab.
			title += framework.Title + " (" + strconv.Itoa(len(cases)) + ")"
		} else {
			title += cases[0].Title + " · " + cases[1].Title
		}
		v := b.view(l, "compare", url, title)
		v.Pages = cases
		return v
	})
}

// CompareData is the file the compare picker reads, beside its page: a
// script (not JSON, which file:// pages cannot fetch) that hands the
// language's cases to compare.js.
const CompareData = "data.js"

// comparePicker plans compare/index.html, where a reader picks two to four
// cases with JavaScript, and the data it draws them from. Without
// JavaScript the page lists the pre-built pairs.
func (b *pass) comparePicker(l *language, pairs [][2]*render.Page) {
	var cases []*render.Page
	for _, c := range casesOf(l) {
		if printable(c) {
			cases = append(cases, c)
		}
	}
	if len(cases) < 2 {
		return
	}
	url := l.prefix + render.CompareDir
	v := b.view(l, "comparepick", url, render.Text(l.code, "compare"))
	v.Pages, v.Pairs = cases, pairs
	b.page(url+"index.html", "comparepick.html", v)
	b.made(url+CompareData, func() ([]byte, error) { return compareData(l.code, url, cases) })
}

// comparedCase is what compare.js knows of a case.
type comparedCase struct {
	Slug       string              `json:"slug"`
	Title      string              `json:"title"`
	Href       string              `json:"href"`
	Experience *content.Experience `json:"etd,omitempty"`
	Journey    []content.Stage     `json:"journey,omitempty"`
	Chain      []comparedParty     `json:"chain,omitempty"`
	Ratings    *content.Ratings    `json:"ratings,omitempty"`
}

type comparedParty struct {
	content.Actor
	CareLabel string `json:"careLabel"`
}

func compareData(lang, url string, cases []*render.Page) ([]byte, error) {
	out := struct {
		Cases []comparedCase    `json:"cases"`
		Text  map[string]string `json:"text"`
	}{Text: map[string]string{}}
	for _, key := range []string{"expected", "target", "delivered", "gap_positioning", "gap_execution", "points_at", "role",
		"journey", "ratings", "service", "experience", "compare_chains", "compare_journey_desc", "etd", "compare_pick"} {
		out.Text[key] = render.Text(lang, key)
	}
	for _, c := range cases {
		cc := comparedCase{Slug: c.Slug, Title: c.Title, Href: render.RelURL(url, c.URL), Experience: c.Experience, Journey: c.Journey, Ratings: c.Ratings}
		for _, a := range c.Chain {
			cc.Chain = append(cc.Chain, comparedParty{Actor: a, CareLabel: render.Text(lang, "care_"+string(a.Care))})
		}
		out.Cases = append(out.Cases, cc)
	}
	data, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	// The data goes in a script: escape what could end it or start HTML.
	data = bytes.ReplaceAll(data, []byte("</"), []byte(`<\/`))
	return append(append([]byte("window.casebookCompare = "), data...), ";\n"...), nil
}
