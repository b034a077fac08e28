// Package chart draws casebook's pictures as SVG at build time: readable
// without JavaScript, styled by the page's CSS (so dark mode and print
// follow), each with a title and a text alternative beside it.
package chart

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
)

// Node is one page in a graph.
type Node struct {
	Label string
	Href  string // relative link to the page, already computed for the viewing page
	Kind  string // "framework", "case" or "page": the CSS class, and the ring it goes on
}

// Edge joins two nodes by index.
type Edge struct{ From, To int }

// LibraryGraph draws the whole library: frameworks on an inner ring,
// labelled; cases and pages on outer rings, each placed near the mean
// angle of the frameworks it connects to, so the cases of a framework
// gather by it. Lines are the links. Nodes are links to their pages and
// name themselves on hover and to screen readers.
func LibraryGraph(title string, nodes []Node, edges []Edge) string {
	var inner, outer []int
	for i, n := range nodes {
		if n.Kind == "framework" {
			inner = append(inner, i)
		} else {
			outer = append(outer, i)
		}
	}
	angle := make([]float64, len(nodes))
	for k, i := range inner {
		angle[i] = 2 * math.Pi * float64(k) / float64(max(len(inner), 1))
	}
	// Place each outer node at the circular mean of its frameworks' angles;
	// nodes with no framework share the gap after the last framework.
	neighbours := adjacency(len(nodes), edges)
	for _, i := range outer {
		var x, y float64
		for _, j := range neighbours[i] {
			if nodes[j].Kind == "framework" {
				x, y = x+math.Cos(angle[j]), y+math.Sin(angle[j])
			}
		}
		if x == 0 && y == 0 {
			angle[i] = 2*math.Pi - math.Pi/float64(max(len(inner), 1))
		} else {
			angle[i] = math.Mod(math.Atan2(y, x)+2*math.Pi, 2*math.Pi)
		}
	}
	// Spread the outer nodes evenly in that order, over as many rings as
	// it takes to keep them apart.
	slices.SortStableFunc(outer, func(a, b int) int { return cmp.Compare(angle[a], angle[b]) })
	const perRing, ringGap = 90, 34.0
	rings := max(1, (len(outer)+perRing-1)/perRing)
	innerR := 130.0 + 6*float64(len(inner))
	outerR := innerR + 120
	size := 2 * (outerR + float64(rings)*ringGap + 230) // room for labels of maxLabel characters
	c := size / 2
	x, y := make([]float64, len(nodes)), make([]float64, len(nodes))
	for _, i := range inner {
		x[i], y[i] = c+innerR*math.Cos(angle[i]), c+innerR*math.Sin(angle[i])
	}
	for k, i := range outer {
		a := 2*math.Pi*float64(k)/float64(max(len(outer), 1)) + angle[outer[0]]
		r := outerR + float64(k%rings)*ringGap
		x[i], y[i] = c+r*math.Cos(a), c+r*math.Sin(a)
	}

	var b strings.Builder
	var ext extent
	writeEdges(&b, edges, x, y)
	// Outer nodes are labelled only while few enough not to collide; past
	// that their names show on hover and in the text list beside the graph.
	for _, i := range outer {
		anchor := ""
		if len(outer) <= labelledOuter {
			anchor = outward(math.Atan2(y[i]-c, x[i]-c))
		}
		writeNode(&b, &ext, nodes[i], x[i], y[i], 5, anchor)
	}
	for _, i := range inner {
		writeNode(&b, &ext, nodes[i], x[i], y[i], 11, outward(angle[i]))
	}
	return graphSVG("graph", "graph-title", title, ext, b.String())
}

// graphSVG wraps a graph's shapes in an <svg> whose viewBox holds every
// node and label drawn (ext), with a margin.
func graphSVG(class, titleID, title string, ext extent, body string) string {
	const margin = 8.0
	x, y := math.Floor(ext.x0-margin), math.Floor(ext.y0-margin)
	w, h := math.Ceil(ext.x1+margin)-x, math.Ceil(ext.y1+margin)-y
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="%s" viewBox="%.0f %.0f %.0f %.0f" width="%.0f" role="group" aria-labelledby="%s">`, class, x, y, w, h, legibleWidth(w), titleID)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, titleID, html.EscapeString(title))
	b.WriteString(body)
	b.WriteString(`</svg>`)
	return b.String()
}

// extent is the box that everything drawn so far fits in.
type extent struct {
	x0, y0, x1, y1 float64
	set            bool
}

func (e *extent) add(x0, y0, x1, y1 float64) {
	if !e.set {
		*e = extent{x0, y0, x1, y1, true}
		return
	}
	e.x0, e.y0, e.x1, e.y1 = min(e.x0, x0), min(e.y0, y0), max(e.x1, x1), max(e.y1, y1)
}

// LocalGraph draws one page and its neighbours around it, all labelled.
// nodes[0] is the page itself.
func LocalGraph(title string, nodes []Node) string {
	const w, h = 640.0, 360.0
	cx, cy, rx, ry := w/2, h/2, 200.0, 130.0
	var b strings.Builder
	ext := extent{0, 0, w, h, true}
	n := len(nodes) - 1
	xs, ys := []float64{cx}, []float64{cy}
	for k := range n {
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(n)
		xs, ys = append(xs, cx+rx*math.Cos(a)), append(ys, cy+ry*math.Sin(a))
	}
	edges := make([]Edge, n)
	for k := range n {
		edges[k] = Edge{0, k + 1}
	}
	writeEdges(&b, edges, xs, ys)
	for k := 1; k <= n; k++ {
		writeNode(&b, &ext, nodes[k], xs[k], ys[k], 7, outward(math.Atan2(ys[k]-cy, xs[k]-cx)))
	}
	writeNode(&b, &ext, Node{Label: nodes[0].Label, Kind: nodes[0].Kind + " current"}, cx, cy, 11, "middle")
	return graphSVG("graph local", "local-graph-title", title, ext, b.String())
}

// labelledOuter is how many outer nodes the library graph still labels.
const labelledOuter = 40

// outward anchors a label so it runs away from the centre.
func outward(angle float64) string {
	switch cos := math.Cos(angle); {
	case cos < -0.2:
		return "end"
	case cos > 0.2:
		return "start"
	}
	return "middle"
}

func adjacency(n int, edges []Edge) [][]int {
	adj := make([][]int, n)
	for _, e := range edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	return adj
}

func writeEdges(b *strings.Builder, edges []Edge, x, y []float64) {
	b.WriteString(`<g class="edges">`)
	for _, e := range edges {
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x[e.From], y[e.From], x[e.To], y[e.To])
	}
	b.WriteString(`</g>`)
}

// labelRoom is how wide a node's label runs before it wraps onto another
// line: long names take several short lines rather than being cut.
const labelRoom = 180.0

// writeNode draws a dot, a link when the node has one, and a label when
// anchor is set, and widens ext to hold them; the full title is always in
// <title>.
func writeNode(b *strings.Builder, ext *extent, n Node, x, y, r float64, anchor string) {
	label := html.EscapeString(n.Label)
	if n.Href != "" {
		fmt.Fprintf(b, `<a href="%s" class="node %s">`, html.EscapeString(n.Href), n.Kind)
	} else {
		fmt.Fprintf(b, `<g class="node %s">`, n.Kind)
	}
	fmt.Fprintf(b, `<title>%s</title><circle cx="%.1f" cy="%.1f" r="%.0f"/>`, label, x, y, r)
	ext.add(x-r, y-r, x+r, y+r)
	if anchor != "" {
		const lineH = 15.0
		lines := wrap(n.Label, max(labelRoom, widestWord(n.Label)), 0)
		wide := 0.0
		for _, l := range lines {
			wide = max(wide, width(l))
		}
		lx, first := x, y+r+14 // below the dot
		left := lx - wide/2
		switch anchor {
		case "start":
			lx, first = x+r+4, y+4-lineH*float64(len(lines)-1)/2
			left = lx
		case "end":
			lx, first = x-r-4, y+4-lineH*float64(len(lines)-1)/2
			left = lx - wide
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="%s">`, lx, first, anchor)
		for k, l := range lines {
			if k == 0 {
				fmt.Fprintf(b, `<tspan x="%.1f">%s</tspan>`, lx, html.EscapeString(l))
			} else {
				fmt.Fprintf(b, `<tspan x="%.1f" dy="%.0f">%s</tspan>`, lx, lineH, html.EscapeString(l))
			}
		}
		b.WriteString(`</text>`)
		ext.add(left, first-12, left+wide, first+lineH*float64(len(lines)-1)+5)
	}
	if n.Href != "" {
		b.WriteString(`</a>`)
	} else {
		b.WriteString(`</g>`)
	}
}
