package site

import (
	"cmp"
	"strconv"

	"github.com/casebook-cx/casebook/generator/card"
	"github.com/casebook-cx/casebook/generator/render"
)

// Share images (see package card) are drawn only when the site has a
// baseURL: Open Graph and Twitter take an image by absolute address only,
// so without one no page could point at them, and drawing one takes some
// 10 ms of CPU, too much to spend on every case for nothing.
func (b *pass) cards() bool { return b.site.BaseURL != "" && !b.opts.NoCards }

// homeCard plans the share image of a language's home page, which every
// page without its own also shows: the site's title and what it is about.
func (b *pass) homeCard(l *language) {
	var own string
	if l.home != nil {
		own = l.home.Summary
	}
	about := cmp.Or(own, b.site.Description, b.about(l))
	b.card(l.prefix+render.CardName, card.Card{Title: b.site.Title, Summary: about})
}

// pageImage is the share image a content page shows: its own for a case
// or a framework, else its language's home card; "" without cards.
func (b *pass) pageImage(l *language, p *render.Page) string {
	switch {
	case !b.cards():
		return ""
	case p.Kind == "case" || p.Kind == "framework":
		return p.URL + render.CardName
	}
	return l.prefix + render.CardName
}

// pageCard plans the share image of a case or framework beside its page.
func (b *pass) pageCard(l *language, p *render.Page) {
	if name := b.pageImage(l, p); name == p.URL+render.CardName {
		b.card(name, card.Card{Site: b.site.Title, Label: render.Text(l.code, string(p.Kind)), Title: p.Title, Summary: p.Summary, Journey: p.Journey})
	}
}

// card plans one share image. Its fingerprint is what it shows, so a
// Rebuilder draws again only the cards that changed.
func (b *pass) card(name string, c card.Card) {
	b.made(name, func() ([]byte, error) { return card.PNG(c) })
	if b.reuse != nil {
		parts := [][]byte{[]byte(c.Site), []byte(c.Label), []byte(c.Title), []byte(c.Summary)}
		for _, s := range c.Journey {
			parts = append(parts, []byte(s.Stage), []byte(strconv.Itoa(s.Expected)+","+strconv.Itoa(s.Target)+","+strconv.Itoa(s.Delivered)))
		}
		sum := render.Hash(parts...)
		b.outputs[len(b.outputs)-1].fingerprint = func() uint64 { return sum }
	}
}
