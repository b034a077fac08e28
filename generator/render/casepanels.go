package render

import (
	"html/template"
	"strconv"
)

// A case page's four panels (expected/target/delivered, the journey, the
// chain of care, the ratings) are written here in Go rather than by
// templates value by value: together they read some sixty values per
// page, each through reflection, and were a third of a case page's cost.
// The markup is the one partials/case.html used to hold, byte for byte;
// a site that replaces that partial with its own keeps its own.

// open starts a panel: its section, labelled by its heading, the
// interface text titleKey.
func (b *html) open(v *View, class, id, titleKey string) {
	b.raw("\n<section class=\"", class, "\" aria-labelledby=\"", id, "\">\n  <h2 id=\"", id, "\">")
	b.text(v.T(titleKey))
	b.raw("</h2>")
}

// gapSize writes a gap's size and the stage it is largest at, as the
// case panel and the brief show it; nothing when there is no gap.
func (b *html) gapSize(v *View, g *GapAt) {
	if g == nil {
		return
	}
	b.raw(`<p class="gap-size"><strong>`, strconv.Itoa(g.Gap), `</strong> `)
	b.text(v.T("points_at"))
	b.raw(" ")
	b.text(g.Stage)
	b.raw(`</p>`)
}

// storyInOrder tells a case's gap story in the order every panel of it
// uses: Expected, the positioning gap, Target, the execution gap,
// Delivered. column writes a text and gap a gap, each in its page's way.
func storyInOrder(p *Page, expected, target, delivered string, column func(class, key, text string), gap func(class, key string, worst *GapAt)) {
	column("expected", "expected", expected)
	gap("positioning", "gap_positioning", p.WorstTargetGap())
	column("target", "target", target)
	gap("execution", "gap_execution", p.WorstDeliveryGap())
	column("delivered", "delivered", delivered)
}

// ExperiencePanel is the expected/target/delivered panel with both gaps,
// or "" when the case has no experience.
func (p PageInView) ExperiencePanel() template.HTML {
	e := p.Experience
	if e == nil {
		return ""
	}
	v := p.View
	var b html
	b.open(v, "etd", "etd-h", "etd")
	b.raw("\n  <div class=\"etd-grid\">\n")
	column := func(class, key, text string) {
		b.raw(`    <div class="etd-col `, class, `"><h3>`)
		b.text(v.T(key))
		b.raw(`</h3><p class="etd-hint">`)
		b.text(v.T(key + "_hint"))
		b.raw(`</p><p>`)
		b.text(text)
		b.raw("</p></div>\n")
	}
	gap := func(class, key string, worst *GapAt) {
		b.raw(`    <div class="etd-gap `, class, "\" role=\"note\">\n      <p class=\"gap-name\">")
		b.text(v.T(key))
		b.raw("</p>\n      ")
		b.gapSize(v, worst)
		b.raw("\n      <p class=\"gap-hint\">")
		b.text(v.T(key + "_hint"))
		b.raw("</p>\n    </div>\n")
	}
	storyInOrder(p.Page, e.Expected, e.Target, e.Delivered, column, gap)
	b.raw("  </div>\n</section>\n")
	return b.done()
}

// JourneyPanel is the journey's chart and its table of scores and gaps,
// or "" when the case has no journey.
func (p PageInView) JourneyPanel() template.HTML {
	if len(p.Journey) == 0 {
		return ""
	}
	v := p.View
	var b html
	b.open(v, "journey", "journey-h", "journey")
	b.raw("\n  <figure class=\"chart-figure\">", string(p.JourneyChart()), "</figure>\n  <div class=\"table-scroll\" tabindex=\"0\"><table>\n    <caption>")
	b.text(v.T("journey_caption"))
	b.raw("</caption>\n    <thead><tr>")
	for _, key := range []string{"stage", "expected", "target", "delivered"} {
		b.raw(`<th scope="col">`)
		b.text(v.T(key))
		b.raw(`</th>`)
	}
	for _, h := range [][2]string{{"gap_positioning", "E−T"}, {"gap_execution", "T−D"}} {
		b.raw(`<th scope="col"><abbr title="`)
		b.text(v.T(h[0]))
		b.raw(`">`, h[1], `</abbr></th>`)
	}
	b.raw("</tr></thead>\n    <tbody>")
	for _, s := range p.Journey {
		b.raw("\n      <tr><th scope=\"row\">")
		b.text(s.Stage)
		b.raw(`</th><td>`, strconv.Itoa(s.Expected), `</td><td>`, strconv.Itoa(s.Target), `</td><td>`, strconv.Itoa(s.Delivered), `</td><td class="`)
		if s.TargetGap() > 0 {
			b.raw("gap")
		}
		b.raw(`">`, strconv.Itoa(s.TargetGap()), `</td><td class="`)
		switch d := s.DeliveryGap(); {
		case d >= 3:
			b.raw("gap big")
		case d > 0:
			b.raw("gap")
		}
		b.raw(`">`, strconv.Itoa(s.DeliveryGap()), `</td></tr>`)
	}
	b.raw("\n    </tbody>\n  </table></div>\n</section>\n")
	return b.done()
}

// ChainPanel is the chain of care's chart and its list of parties, or ""
// when the case has no chain.
func (p PageInView) ChainPanel() template.HTML {
	if len(p.Chain) == 0 {
		return ""
	}
	v := p.View
	var b html
	b.open(v, "chain", "chain-h", "chain")
	b.raw("\n  <p class=\"hint\">")
	b.text(v.T("chain_hint"))
	b.raw("</p>\n  <figure class=\"chart-figure\">", string(p.ChainChart()), "</figure>\n  <ol class=\"chain-list\">")
	for _, a := range p.Chain {
		b.raw("\n    <li class=\"care-")
		b.text(string(a.Care))
		b.raw("\">\n      <span class=\"actor\">")
		b.text(a.Actor)
		b.raw("</span>")
		if a.Role != "" {
			b.raw(` <span class="role">`)
			b.text(a.Role)
			b.raw("</span>")
		}
		b.raw("\n      <span class=\"care\">")
		b.text(v.T("care_" + string(a.Care)))
		b.raw("</span>\n      ")
		if a.Note != "" {
			b.raw(`<span class="note">`)
			b.text(a.Note)
			b.raw("</span>")
		}
		b.raw("\n    </li>")
	}
	b.raw("\n  </ol>\n</section>\n")
	return b.done()
}

// RatingsPanel is the service and experience ratings with the 2×2 chart,
// or "" when the case has no ratings.
func (p PageInView) RatingsPanel() template.HTML {
	r := p.Ratings
	if r == nil {
		return ""
	}
	v := p.View
	var b html
	b.open(v, "ratings", "ratings-h", "ratings")
	b.raw("\n  ")
	if chart := p.QuadrantChart(); chart != "" {
		b.raw(`<figure class="chart-figure square">`, string(chart), `</figure>`)
	}
	b.raw("\n  <dl>\n    ")
	rating := func(key string, score *int) {
		if score == nil {
			return
		}
		s := strconv.Itoa(*score)
		b.raw(`<div><dt>`)
		b.text(v.T(key))
		b.raw(`</dt><dd><meter min="0" max="10" low="4" high="7" optimum="10" value="`, s, `">`, s, `/10</meter> `, s, `/10</dd></div>`)
	}
	rating("service", r.Service)
	b.raw("\n    ")
	rating("experience", r.Experience)
	b.raw("\n  </dl>\n  ")
	if q := p.Quadrant(); q != "" {
		b.raw(`<p class="quadrant">`)
		b.text(v.T(q))
		b.raw(`</p>`)
	}
	b.raw("\n</section>\n")
	return b.done()
}
