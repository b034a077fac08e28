package chart

import "fmt"

// Actor is one party in a chain of care.
type Actor struct {
	Name, Role string
	Care       string // high, medium, low or broken: the CSS class
	CareLabel  string // how the page's language names the care
	Note       string
}

// ChainText is the words a chain diagram shows besides the actors'.
type ChainText struct {
	Title, Desc string
	Broken      string // the mark's name for a party where care broke
}

// Chain draws the chain of care as a swimlane: each party a box in order
// from maker to customer, coloured by the care it showed, rows of four
// that wrap, and a break mark on the way into each party where care
// broke. A party's note shows on hover and focus (and is in the text list
// the page prints beside the diagram).
func Chain(id string, actors []Actor, t ChainText) string {
	const perRow, bw, bh, gap, rowGap = 4, 150.0, 84.0, 34.0, 40.0
	cols := min(perRow, max(len(actors), 1))
	w := float64(cols)*bw + float64(cols-1)*gap + 8
	rows := (len(actors) + perRow - 1) / perRow
	h := float64(max(rows, 1))*(bh+rowGap) - rowGap + 8
	var s svg
	s.open("chain-chart", id, w, h, t.Title, t.Desc, false)
	pos := func(i int) (float64, float64) {
		return 4 + float64(i%perRow)*(bw+gap), 4 + float64(i/perRow)*(bh+rowGap)
	}
	// Connectors first, under the boxes.
	s.WriteString(`<g class="links">`)
	for i := 1; i < len(actors); i++ {
		px, py := pos(i - 1)
		x, y := pos(i)
		var mx, my float64
		if py == y {
			s.f(`<path d="M%.1f %.1fH%.1f"/>`, px+bw, y+bh/2, x-4)
			s.f(`<path class="head" d="M%.1f %.1fl-6 -4v8z"/>`, x, y+bh/2)
			mx, my = px+bw+gap/2, y+bh/2
		} else { // down from the last box of a row, back to the first of the next
			s.f(`<path d="M%.1f %.1fV%.1fH%.1fV%.1f"/>`, px+bw/2, py+bh, py+bh+rowGap/2, x+bw/2, y-4)
			s.f(`<path class="head" d="M%.1f %.1fl-4 -6h8z"/>`, x+bw/2, y)
			mx, my = (px+x+bw)/2, py+bh+rowGap/2
		}
		if actors[i].Care == "broken" {
			s.f(`<g class="break"><title>%s</title><circle cx="%.1f" cy="%.1f" r="9"/><path d="M%.1f %.1fl8 8m0 -8l-8 8"/></g>`,
				esc(t.Broken), mx, my, mx-4, my-4)
		}
	}
	s.WriteString(`</g>`)
	for i, a := range actors {
		x, y := pos(i)
		s.f(`<g class="actor care-%s" tabindex="0">`, esc(a.Care))
		tip := a.Name
		if a.Role != "" {
			tip += " (" + a.Role + ")"
		}
		tip += ": " + a.CareLabel
		if a.Note != "" {
			tip += ". " + a.Note
		}
		s.f(`<title>%s</title>`, esc(tip))
		s.f(`<rect x="%.1f" y="%.1f" width="%.0f" height="%.0f" rx="8"/>`, x, y, bw, bh)
		line := y + 20
		for _, l := range wrap(a.Name, bw-16, 2) {
			s.text(x+8, line, "start", "name", l)
			line += 16
		}
		if a.Role != "" {
			s.text(x+8, line, "start", "role", fit(a.Role, bw-16))
		}
		s.text(x+8, y+bh-10, "start", "care", fit(a.CareLabel, bw-16))
		s.WriteString(`</g>`)
	}
	return s.close()
}

// ChainStat is how often one role in the chains of many cases showed each
// level of care.
type ChainStat struct {
	Role   string
	Counts map[string]int // care level -> actors
	Total  int
}

// careOrder is the order care levels stack in, best first.
var careOrder = []string{"high", "medium", "low", "broken"}

// ChainRoles draws, for each role, a bar split by the care its actors
// showed, broken first so the roles that break care most stand out.
// labels names each care level in the page's language.
func ChainRoles(id string, stats []ChainStat, labels map[string]string, title, desc string) string {
	const w, labelW, right, rowH = 640.0, 150.0, 40.0, 26.0
	top := 30.0
	h := top + rowH*float64(len(stats)) + 8
	var s svg
	s.open("roles-chart", id, w, h, title, desc, false)
	var items []legendItem
	for _, c := range careOrder {
		items = append(items, legendItem{"care-" + c, labels[c], "area"})
	}
	drawLegend(&s, legendRows(items, w-labelW), labelW, 16)
	most := 1
	for _, st := range stats {
		most = max(most, st.Total)
	}
	barW := w - labelW - right
	for r, st := range stats {
		y := top + rowH*float64(r)
		s.text(labelW-8, y+15, "end", "", fit(st.Role, labelW-12))
		x := labelW
		for _, c := range []string{"broken", "low", "medium", "high"} {
			n := st.Counts[c]
			if n == 0 {
				continue
			}
			bw := barW * float64(n) / float64(most)
			s.f(`<rect class="care-%s" x="%.1f" y="%.1f" width="%.1f" height="18"><title>%s: %d %s</title></rect>`,
				c, x, y+2, bw, esc(st.Role), n, esc(labels[c]))
			x += bw
		}
		s.text(x+6, y+15, "start", "value", fmt.Sprint(st.Total))
	}
	return s.close()
}
