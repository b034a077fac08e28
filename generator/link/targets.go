package link

import (
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/markdown"
)

// Target is where one link of a page goes, once the link phase resolved
// it. At most one of Page, File and Tag is set; none is when the link
// names nothing that exists.
type Target struct {
	Page    *content.Page
	Anchor  string // heading or block id on Page, "" for its top
	File    string // a file beside the pages: its output path
	Missing bool   // names a page or file not written yet, shown as text (only where such links are warnings)
	Tag     string // an inline #tag: its tag page
}

// Text is what link i of a page, converted as doc with its links resolved
// as targets, reads as: its label; else the title of the page it leads
// to; for [[#heading]], the heading's text.
func Text(doc *markdown.Doc, targets []Target, i int) string {
	l, to := doc.Links[i], targets[i]
	switch {
	case l.Label != "":
		return l.Label
	case to.Page == nil:
		return l.Text()
	case l.Target == "" && to.Anchor != "":
		for _, h := range doc.Headings {
			if h.ID == to.Anchor {
				// A link inside the heading reads as what it names, not
				// resolved again, so a heading linking to itself cannot loop.
				return markdown.FillText(h.Text, func(j int) string { return doc.Links[j].Text() })
			}
		}
	}
	return to.Page.Title
}

// GraphOf records every resolved link between pages, each with the
// sentence it stands in.
func GraphOf(pages []*content.Page, docs map[*content.Page]*markdown.Doc, targets map[*content.Page][]Target) *Graph {
	g := NewGraph()
	for _, p := range pages {
		doc, tos := docs[p], targets[p]
		text := func(j int) string { return Text(doc, tos, j) }
		for i, to := range tos {
			if to.Page == nil {
				continue
			}
			l := doc.Links[i]
			g.Add(p, to.Page, Mention{ID: markdown.RefID(i), Text: text(i),
				Before: markdown.FillText(l.Before, text), After: markdown.FillText(l.After, text)})
		}
	}
	g.Sort()
	return g
}

// Orphans lists the pages, sections aside, that no page links to or
// names among its frameworks. A translation counts as linked when any
// version of it is: versions share a kind and a path.
func Orphans(pages []*content.Page, g *Graph, frameworks map[*content.Page][]*content.Page) []*content.Page {
	type key struct {
		kind content.Kind
		path string
	}
	linked := map[key]bool{}
	for _, p := range pages {
		for _, to := range g.Links(p) {
			linked[key{to.Kind, to.Path}] = true
		}
		for _, fw := range frameworks[p] {
			linked[key{fw.Kind, fw.Path}] = true
		}
	}
	var orphans []*content.Page
	for _, p := range pages {
		if p.Kind != content.KindSection && !linked[key{p.Kind, p.Path}] {
			orphans = append(orphans, p)
		}
	}
	return orphans
}
