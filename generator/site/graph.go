package site

import (
	"cmp"
	"html/template"
	"slices"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/render"
)

const (
	// graphLimit is how many cases and pages the library graph shows
	// (the most connected first); past a few hundred it stops being legible.
	graphLimit = 300
)

// neighbours lists the pages a page is connected to, most telling first:
// its frameworks, the pages it links to, those linking to it, and (for a
// framework) the cases applying it.
func (b *pass) neighbours(p *content.Page, v *render.Page) []*render.Page {
	var out []*render.Page
	add := func(n *render.Page) {
		if n != nil && n != v && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, f := range v.FrameworkPages {
		add(f)
	}
	for _, to := range b.linked.graph.Links(p) {
		add(b.views[to])
	}
	for _, in := range v.Backlinks {
		add(in.From)
	}
	for _, c := range v.Cases {
		add(c)
	}
	return out
}

// libraryGraph draws a language's frameworks and its best connected cases
// and pages, for the page at url. It returns the SVG and how many of the
// cases and pages it shows.
func (b *pass) libraryGraph(l *language, url string) (svg template.HTML, shown, total int) {
	var others []*render.Page
	for _, p := range l.listed {
		if p.Kind != content.KindFramework {
			others = append(others, p)
		}
	}
	total = len(others)
	slices.SortStableFunc(others, func(x, y *render.Page) int { return cmp.Compare(len(y.Neighbours), len(x.Neighbours)) })
	others = others[:min(len(others), graphLimit)]
	members := append(slices.Clone(l.frameworks), others...)
	index := make(map[*render.Page]int, len(members))
	nodes := make([]chart.Node, len(members))
	for i, p := range members {
		index[p] = i
		nodes[i] = chart.Node{Label: p.Title, Href: render.RelURL(url, p.URL), Kind: string(p.Kind)}
	}
	var edges []chart.Edge
	seen := map[[2]int]bool{}
	for i, p := range members {
		for _, n := range p.Neighbours {
			j, ok := index[n]
			if !ok {
				continue
			}
			key := [2]int{min(i, j), max(i, j)}
			if !seen[key] {
				seen[key] = true
				edges = append(edges, chart.Edge{From: key[0], To: key[1]})
			}
		}
	}
	return render.ScrollBox(chart.LibraryGraph(render.Text(l.code, "graph_title"), nodes, edges)), len(others), total
}
