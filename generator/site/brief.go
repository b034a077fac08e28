package site

import (
	"github.com/casebook-cx/casebook/generator/render"
)

// BriefDir is the folder of a case's one-page brief, under the case's own.
const BriefDir = "brief/"

// printable reports whether a case may be handed out: given a brief page,
// and printed by casebook pdf. Confidential pages, and those the edition
// being built does not take, never become views (content.Load leaves them
// out), so every case a build knows is printable; this stays the one place
// to say otherwise.
func printable(p *render.Page) bool {
	return p != nil
}

// briefView is the view of a case's brief: the case's page, one folder down.
func (b *pass) briefView(l *language, p *render.Page) *render.View {
	v := b.pageView(l, p)
	v.Kind, v.URL = "brief", p.URL+BriefDir
	v.Title = render.Text(l.code, "brief") + ": " + p.Title
	v.Alternates = nil
	return v
}
