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
	const perRow, gap, rowGap, pad = 4, 34.0, 40.0, 8.0
	// Boxes are as wide as the longest word in them and as tall as the
	// fullest one, so every name, role and care label shows whole.
	bw := 150.0
	for _, a := range actors {
		bw = max(bw, widestWord(a.Name)*boldWidth+2*pad, widestWord(a.Role, a.CareLabel)*boldWidth+2*pad)
	}
	type box struct{ name, role, care []string }
	boxes := make([]box, len(actors))
	bh := 84.0
	for i, a := range actors {
		b := box{name: wrap(a.Name, (bw-2*pad)/boldWidth, 0), care: wrap(a.CareLabel, (bw-2*pad)/boldWidth, 0)}
		if a.Role != "" {
			b.role = wrap(a.Role, bw-2*pad, 0)
		}
		boxes[i] = b
		bh = max(bh, 20+16*float64(len(b.name)-1)+15*float64(len(b.role))+10+15*float64(len(b.care)))
	}
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
		b := boxes[i]
		s.lines(x+pad, y+20, 16, "start", "name", b.name)
		s.lines(x+pad, y+20+16*float64(len(b.name)), 15, "start", "role", b.role)
		s.lines(x+pad, y+bh-10-15*float64(len(b.care)-1), 15, "start", "care", b.care)
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
	const w, labelW, right, lineH = 640.0, 150.0, 40.0, 15.0
	var items []legendItem
	for _, c := range careOrder {
		items = append(items, legendItem{"care-" + c, labels[c], "area"})
	}
	legend := legendRows(items, w-labelW)
	top := 10 + 20*float64(len(legend))
	// Role names wrap in their column; a row is as tall as its name.
	roles := make([][]string, len(stats))
	rowTop := make([]float64, len(stats)+1)
	rowTop[0] = top
	for i, st := range stats {
		roles[i] = wrap(st.Role, labelW-12, 0)
		rowTop[i+1] = rowTop[i] + max(26, lineH*float64(len(roles[i]))+11)
	}
	h := rowTop[len(stats)] + 8
	var s svg
	s.open("roles-chart", id, w, h, title, desc, false)
	drawLegend(&s, legend, labelW, 16)
	most := 1
	for _, st := range stats {
		most = max(most, st.Total)
	}
	barW := w - labelW - right
	for r, st := range stats {
		y := rowTop[r] + (rowTop[r+1]-rowTop[r]-26)/2
		s.lines(labelW-8, y+15-lineH*float64(len(roles[r])-1)/2, lineH, "end", "", roles[r])
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
