package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
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
			key := strings.ToLower(strings.TrimSpace(st.Stage))
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
			key := strings.ToLower(strings.TrimSpace(role))
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
