package render

import (
	"html/template"
	"slices"
	"strconv"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/stats"
)

// A compare page puts cases side by side (the view's Pages): their
// journeys on one chart, stages matched by name; their Expected / Target /
// Delivered panels; their chains aligned by role; their ratings on one 2×2.

// CompareDir is the folder of compare pages, under a language's prefix.
const CompareDir = "compare/"

// PairURL is the pre-built compare page of cases a and b, in either order;
// "" when they are in different languages.
func (v *View) PairURL(a, b *Page) string {
	if a.Lang != b.Lang {
		return ""
	}
	return PairPath(v.langPrefix, a.Slug, b.Slug)
}

// PairPath is the compare page of two cases' slugs under prefix: the slugs
// sorted, so a--b and b--a are one page.
func PairPath(prefix, a, b string) string {
	if b < a {
		a, b = b, a
	}
	return prefix + CompareDir + a + "--" + b + "/"
}

// FrameworkCompareURL is the compare page of all of a framework's cases.
func (v *View) FrameworkCompareURL(f *Page) string {
	return v.langPrefix + CompareDir + "framework/" + f.Slug + "/"
}

// CompareClip is how many characters of each Expected, Target and
// Delivered text a compare page shows: the more cases, the less each, so
// the page prints on one landscape sheet.
func (v *View) CompareClip() int { return min(max(360/max(len(v.Pages), 1), 50), 200) }

// CompareChart draws the compared cases' journeys on one chart.
func (v *View) CompareChart() template.HTML {
	var keys, names []string
	var series []chart.Series
	for _, p := range v.Pages {
		sr := chart.Series{Label: p.Title, Scores: map[string]chart.Stage{}}
		for _, st := range p.Journey {
			key := stats.Key(st.Stage)
			if !slices.Contains(keys, key) {
				keys, names = append(keys, key), append(names, st.Stage)
			}
			sr.Scores[key] = chart.Stage{Name: st.Stage, Expected: float64(st.Expected), Target: float64(st.Target), Delivered: float64(st.Delivered)}
		}
		series = append(series, sr)
	}
	if len(keys) == 0 {
		return ""
	}
	return ScrollBox(chart.CompareJourneys("compare-journey", keys, names, series,
		chart.CompareText{Title: v.T("journey"), Desc: v.T("compare_journey_desc"), Expected: v.T("expected"), Delivered: v.T("delivered")}))
}

// CompareQuadrant places the compared cases on one 2×2.
func (v *View) CompareQuadrant() template.HTML {
	dots := quadrantDots(v, v.Pages)
	if len(dots) == 0 {
		return ""
	}
	return ScrollBox(chart.Quadrant("compare-quadrant", dots, quadrantText(v, manyDesc(v, dots)), true))
}

// RoleRow is one role of the compared chains, and the parties of each case
// in it (Cells follows the view's Pages).
type RoleRow struct {
	Role  string
	Cells [][]content.Actor
}

// CompareRoles aligns the compared chains by role, in the order roles
// first appear; a party without a role is a role of its own name.
func (v *View) CompareRoles() []RoleRow {
	var rows []RoleRow
	at := map[string]int{}
	for i, p := range v.Pages {
		for _, a := range p.Chain {
			role := a.Role
			if role == "" {
				role = a.Actor
			}
			key := stats.Key(role)
			r, ok := at[key]
			if !ok {
				r = len(rows)
				at[key] = r
				rows = append(rows, RoleRow{Role: role, Cells: make([][]content.Actor, len(v.Pages))})
			}
			rows[r].Cells[i] = append(rows[r].Cells[i], a)
		}
	}
	return rows
}

// SameLanguage keeps the pages in this view's language.
func (v *View) SameLanguage(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Lang == v.Lang {
			out = append(out, p)
		}
	}
	return out
}

// CompareSheet is a compare page's content, made in one pass in Go: the
// page's template reads a handful of its fields instead of walking every
// case, stage and party itself (see html.go). Labels are the interface
// texts in the view's language.
type CompareSheet struct {
	Kicker                               string        // "Compare"
	Heading                              template.HTML // the cases' titles, each a link to its case
	JourneyLabel, RatingsLabel, ETDLabel string
	Journey                              template.HTML // CompareChart
	Quadrant                             template.HTML // CompareQuadrant
	Panels                               template.HTML // each case's Expected, Target and Delivered, with its two gaps
	ChainsTitle                          string
	Chains                               template.HTML // the chains aligned by role, a table; "" when no case has a chain
}

// Compare makes the compare page's content. A template calls it once.
func (v *View) Compare() *CompareSheet {
	s := &CompareSheet{Kicker: v.T("compare"), JourneyLabel: v.T("journey"), RatingsLabel: v.T("ratings"), ETDLabel: v.T("etd"),
		Journey: v.CompareChart(), Quadrant: v.CompareQuadrant(), ChainsTitle: v.T("compare_chains")}
	var b html
	for i, p := range v.Pages {
		if i > 0 {
			b.raw(` <span class="vs">·</span> `)
		}
		b.raw(`<a href="`)
		b.href(v.Rel(p.URL))
		b.raw(`">`)
		b.text(Clip(p.Title, 70).Text)
		b.raw(`</a>`)
	}
	s.Heading = b.done()
	s.Panels = v.comparePanels()
	s.Chains = v.compareChains()
	return s
}

// comparePanels writes each case's Expected, Target and Delivered, cut
// to CompareClip, and its largest gap of each kind.
func (v *View) comparePanels() template.HTML {
	n := v.CompareClip()
	points := v.T("points_at")
	var b html
	b.Grow(1280 * len(v.Pages)) // about a case's panel: a framework compares hundreds
	row := func(class, key, text string) {
		b.raw("\n        <div class=\"", class, "\"><dt>")
		b.text(v.T(key))
		b.raw("</dt><dd>")
		b.text(Clip(text, n).Text)
		b.raw("</dd></div>")
	}
	gap := func(class, key string, g *GapAt) {
		b.raw("\n        <div class=\"gap ", class, "\"><dt>")
		b.text(v.T(key))
		b.raw("</dt><dd>")
		if g == nil {
			b.raw("0")
		} else {
			b.raw("<strong>", strconv.Itoa(g.Gap), "</strong> ")
			b.text(points)
			b.raw(" ")
			b.text(Clip(g.Stage, 30).Text)
		}
		b.raw("</dd></div>")
	}
	for _, p := range v.Pages {
		b.raw("\n    <div class=\"compare-case\">\n      <h2>")
		b.text(Clip(p.Title, 60).Text)
		b.raw("</h2>\n      ")
		if e := p.Experience; e != nil {
			b.raw("<dl>")
			storyInOrder(p, e.Expected, e.Target, e.Delivered, row, gap)
			b.raw("\n      </dl>")
		}
		b.raw("\n    </div>")
	}
	return b.done()
}

// compareChains writes the table of CompareRoles: a row per role, a
// column per case.
func (v *View) compareChains() template.HTML {
	rows := v.CompareRoles()
	if len(rows) == 0 {
		return ""
	}
	var b html
	b.Grow(1024 + 96*len(rows)*len(v.Pages)) // about a cell each
	b.raw(`<div class="table-scroll" tabindex="0"><table>`, "\n      ", `<thead><tr><th scope="col">`)
	b.text(v.T("role"))
	b.raw(`</th>`)
	for _, p := range v.Pages {
		b.raw(`<th scope="col">`)
		b.text(Clip(p.Title, 40).Text)
		b.raw(`</th>`)
	}
	b.raw(`</tr></thead>`, "\n      ", `<tbody>`)
	for _, r := range rows {
		b.raw(`<tr><th scope="row">`)
		b.text(Clip(r.Role, 30).Text)
		b.raw(`</th>`)
		for _, cell := range r.Cells {
			b.raw(`<td>`)
			if len(cell) == 0 {
				b.raw("—")
			}
			for _, a := range cell {
				b.raw(`<span class="party care-`)
				b.text(string(a.Care))
				b.raw(`"><span class="care">`)
				b.text(v.T("care_" + string(a.Care)))
				b.raw(`</span> `)
				b.text(Clip(a.Actor, 40).Text)
				b.raw(`</span>`)
			}
			b.raw(`</td>`)
		}
		b.raw(`</tr>`)
	}
	b.raw(`</tbody>`, "\n    ", `</table></div>`)
	return b.done()
}

// PairList is the compare picker's list of the pre-built pairs (Pairs),
// the items of a <ul>, written in Go: a library has thousands of pairs.
func (v *View) PairList() template.HTML {
	var b html
	for _, p := range v.Pairs {
		b.raw(`<li><a href="`)
		b.href(v.Rel(v.PairURL(p[0], p[1])))
		b.raw(`">`)
		b.text(p[0].Title)
		b.raw(` · `)
		b.text(p[1].Title)
		b.raw(`</a></li>`)
	}
	return b.done()
}
