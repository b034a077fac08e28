package site

import (
	"github.com/casebook-cx/casebook/generator/render"
)

// BriefDir is the folder of a case's one-page brief, under the case's own.
const BriefDir = "brief/"

// printable reports whether a case may be handed out: given a brief page,
// and printed by casebook pdf.
//
// LEAD (issue 14): this is the one place for confidential pages. Return
// false here for a page the current edition must not show, and neither
// its brief nor any PDF or slide will include it.
func printable(p *render.Page) bool {
	return p != nil
}

// briefView is the view of a case's brief: the case's page, one folder down.
func (b *build) briefView(l *language, p *render.Page) *render.View {
	v := b.pageView(l, p)
	v.Kind, v.URL = "brief", p.URL+BriefDir
	v.Title = render.Text(l.code, "brief") + ": " + p.Title
	v.Alternates = nil
	return v
}
