package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/stats"
)

// The charts of case and framework pages, drawn when a template asks (so
// that pages a rebuild keeps are not drawn again). Each returns "" when
// the page has nothing to draw.

// JourneyChart draws a case's journey, or for a framework the mean scores
// per stage over the cases applying it.
func (p PageInView) JourneyChart() template.HTML {
	v := p.View
	var stages []chart.Stage
	desc := ""
	if p.Kind == content.KindFramework {
		cases := oneVersion(p.Cases, v.Lang)
		stages = stats.Shared(stats.MeanStages(contentOf(cases)))
		desc = fmt.Sprintf(v.T("journey_desc_many"), len(casesWith(cases, func(c *Page) bool { return len(c.Journey) > 0 })))
	} else {
		for _, s := range p.Journey {
			stages = append(stages, chart.Stage{Name: s.Stage, Expected: float64(s.Expected), Target: float64(s.Target), Delivered: float64(s.Delivered)})
		}
		desc = v.T("journey_desc")
	}
	if len(stages) == 0 {
		return ""
	}
	if w := stats.Worst(stages); w != nil {
		desc += " " + fmt.Sprintf(v.T("journey_desc_worst"), chart.Score(w.Target-w.Delivered), w.Name)
	}
	return ScrollBox(chart.Journey("journey-"+slugID(p.URL), stages, journeyText(v, desc)))
}

func journeyText(v *View, desc string) chart.JourneyText {
	return chart.JourneyText{Title: v.T("journey"), Desc: desc,
		Expected: v.T("expected"), Target: v.T("target"), Delivered: v.T("delivered"),
		PositioningGap: v.T("gap_positioning"), ExecutionGap: v.T("gap_execution"),
		Points: v.T("points"), Cases: v.T("cases_lower")}
}

// ChainChart draws a case's chain of care.
func (p PageInView) ChainChart() template.HTML {
	if len(p.Chain) == 0 {
		return ""
	}
	v := p.View
	actors := make([]chart.Actor, len(p.Chain))
	broken := 0
	for i, a := range p.Chain {
		actors[i] = chart.Actor{Name: a.Actor, Role: a.Role, Care: string(a.Care), CareLabel: v.T("care_" + string(a.Care)), Note: a.Note}
		if a.Care == "broken" {
			broken++
		}
	}
	desc := fmt.Sprintf(v.T("chain_desc"), len(actors), broken)
	return ScrollBox(chart.Chain("chain-"+slugID(p.URL), actors, chart.ChainText{Title: v.T("chain"), Desc: desc, Broken: v.T("care_broken")}))
}

// RolesChart draws, for a framework, how the chain roles of its cases
// showed care.
func (p PageInView) RolesChart() template.HTML {
	roles := stats.Roles(contentOf(oneVersion(p.Cases, p.View.Lang)))
	if len(roles) == 0 {
		return ""
	}
	return ScrollBox(rolesChart(p.View, "roles-"+slugID(p.URL), roles))
}

func rolesChart(v *View, id string, roles []chart.ChainStat) string {
	labels := map[string]string{}
	for _, c := range content.CareLevels {
		labels[string(c)] = v.T("care_" + string(c))
	}
	desc := v.T("roles_desc_none")
	if broken := roles[0].Counts["broken"]; broken > 0 { // the roles that broke care most come first
		desc = fmt.Sprintf(v.T("roles_desc"), roles[0].Role, broken, roles[0].Total)
	}
	return chart.ChainRoles(id, roles, labels, v.T("roles_title"), desc)
}

// QuadrantChart places a case on the service vs experience field, or for a
// framework every case applying it.
func (p PageInView) QuadrantChart() template.HTML {
	v := p.View
	if p.Kind == content.KindFramework {
		dots := quadrantDots(v, oneVersion(p.Cases, v.Lang))
		if len(dots) == 0 {
			return ""
		}
		return ScrollBox(chart.Quadrant("quadrant-"+slugID(p.URL), dots, quadrantText(v, manyDesc(v, dots)), false))
	}
	r := p.Ratings
	if r == nil || r.Service == nil || r.Experience == nil {
		return ""
	}
	dot := chart.Dot{Service: float64(*r.Service), Experience: float64(*r.Experience), Label: p.Title}
	desc := fmt.Sprintf(v.T("quadrant_desc"), *r.Service, *r.Experience) + " " + v.T(p.Quadrant())
	return ScrollBox(chart.Quadrant("quadrant-"+slugID(p.URL), []chart.Dot{dot}, quadrantText(v, desc), true))
}

func quadrantText(v *View, desc string) chart.QuadrantText {
	return chart.QuadrantText{Title: v.T("ratings"), Desc: desc, Service: v.T("service"), Experience: v.T("experience"),
		Corners: [4]string{v.T("corner_experience_despite_service"), v.T("corner_both_good"), v.T("corner_both_poor"), v.T("corner_service_not_enough")}}
}

// dotLimit is how many cases a quadrant shows one by one; past it, cases
// with the same two ratings share a dot sized by their count, which keeps
// a page of a large library small.
const dotLimit = 300

// quadrantDots places cases with both ratings, each linked from v.
func quadrantDots(v *View, cases []*Page) []chart.Dot {
	rated := casesWith(cases, func(c *Page) bool {
		return c.Ratings != nil && c.Ratings.Service != nil && c.Ratings.Experience != nil
	})
	var dots []chart.Dot
	if len(rated) <= dotLimit {
		for _, c := range rated {
			dots = append(dots, chart.Dot{Service: float64(*c.Ratings.Service), Experience: float64(*c.Ratings.Experience), Label: c.Title, Href: v.Rel(c.URL)})
		}
		return dots
	}
	type cell struct{ s, e int }
	groups := map[cell][]*Page{}
	for _, c := range rated {
		k := cell{*c.Ratings.Service, *c.Ratings.Experience}
		groups[k] = append(groups[k], c)
	}
	keys := make([]cell, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cell) int { return cmp.Or(cmp.Compare(a.s, b.s), cmp.Compare(a.e, b.e)) })
	for _, k := range keys {
		g := groups[k]
		label := fmt.Sprintf("%d %s", len(g), v.T("cases_lower"))
		if len(g) == 1 {
			label = g[0].Title
		}
		dots = append(dots, chart.Dot{Service: float64(k.s), Experience: float64(k.e), Label: label, Href: v.Rel(g[0].URL), Count: len(g)})
	}
	return dots
}

// contentOf is the pages' content, for the arithmetic of package stats.
func contentOf(pages []*Page) []*content.Page {
	out := make([]*content.Page, len(pages))
	for i, p := range pages {
		out[i] = p.Page
	}
	return out
}

func casesWith(cases []*Page, keep func(*Page) bool) []*Page {
	var out []*Page
	for _, c := range cases {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// slugID makes an id for a page's charts from its URL.
func slugID(url string) string {
	id := strings.Trim(strings.ReplaceAll(url, "/", "-"), "-")
	if id == "" {
		return "home"
	}
	return id
}

// oneVersion keeps one version of each case, the one in lang if there is
// one, so that a translated case counts once in a framework's charts.
func oneVersion(cases []*Page, lang string) []*Page {
	var out []*Page
	at := map[string]int{}
	for _, c := range cases {
		i, seen := at[c.Path]
		switch {
		case !seen:
			at[c.Path] = len(out)
			out = append(out, c)
		case c.Lang == lang:
			out[i] = c
		}
	}
	return out
}

// manyDesc describes a field of many cases by how many there are.
func manyDesc(v *View, dots []chart.Dot) string {
	n := 0
	for _, d := range dots {
		n += max(d.Count, 1)
	}
	if n == 1 {
		return v.T("quadrant_desc_one")
	}
	return fmt.Sprintf(v.T("quadrant_desc_many"), n)
}

// ScrollBox puts a chart in a box that scrolls sideways: a chart is never
// drawn narrower than its width attribute, where its labels are still
// readable, so on a narrow screen it scrolls in its box rather than
// shrinking or widening the page. The box can take the keyboard focus,
// to be scrolled without a mouse (casebook.js keeps it out of the tab
// order while it fits).
func ScrollBox(svg string) template.HTML {
	return template.HTML(`<div class="chart-scroll" tabindex="0">` + svg + `</div>`)
}
