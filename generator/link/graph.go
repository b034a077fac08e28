package link

import (
	"cmp"
	"slices"

	"github.com/casebook-cx/casebook/generator/content"
)

// Mention is one link from a page to another, with the sentence it
// stands in, as a backlink shows it.
type Mention struct {
	ID     string // the link's element id on the linking page
	Before string
	Text   string // the link's text
	After  string
}

// Backlink is a page that links to another, with each place it does.
type Backlink struct {
	From     *content.Page
	Mentions []Mention
}

// Graph holds every link between pages, both ways. It is built after all
// pages are parsed and linked, before any is rendered, so templates can
// show backlinks in the same build.
type Graph struct {
	out map[*content.Page][]*content.Page
	in  map[*content.Page][]*Backlink
}

// NewGraph makes an empty graph.
func NewGraph() *Graph {
	return &Graph{out: map[*content.Page][]*content.Page{}, in: map[*content.Page][]*Backlink{}}
}

// Add records a link from one page to another. Links to the same page are
// not kept: a page is not its own backlink. Add links of one page in
// document order; Sort puts the rest in order.
//
// Whether from linked to before is read from from's own few links, not
// from to's backlinks: a framework that every case names has tens of
// thousands of them in a large library, and scanning those for each new
// link made the graph grow with the square of the library.
func (g *Graph) Add(from, to *content.Page, m Mention) {
	if from == to {
		return
	}
	outs := g.out[from]
	if !slices.Contains(outs, to) {
		g.out[from] = append(outs, to)
		g.in[to] = append(g.in[to], &Backlink{From: from, Mentions: []Mention{m}})
		return
	}
	ins := g.in[to]
	for i := len(ins) - 1; i >= 0; i-- { // from the end: a page's links come together
		if ins[i].From == from {
			ins[i].Mentions = append(ins[i].Mentions, m)
			return
		}
	}
}

// Sort orders every page's backlinks by the linking page's source path,
// so output never depends on the order links were added in.
func (g *Graph) Sort() {
	for _, ins := range g.in {
		slices.SortFunc(ins, func(a, b *Backlink) int { return cmp.Compare(a.From.File, b.From.File) })
	}
	for _, outs := range g.out {
		slices.SortFunc(outs, func(a, b *content.Page) int { return cmp.Compare(a.File, b.File) })
	}
}

// Backlinks lists the pages that link to p.
func (g *Graph) Backlinks(p *content.Page) []*Backlink { return g.in[p] }

// Links lists the pages p links to.
func (g *Graph) Links(p *content.Page) []*content.Page { return g.out[p] }
