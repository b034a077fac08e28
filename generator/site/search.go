package site

import (
	"fmt"
	"strings"
	"sync"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/generator/search"
)

// SearchDir is where each language's search page and index live, under
// the language's prefix: search/ and fi/search/.
const SearchDir = "search/"

// index builds every language's search index from its own pages (not the
// default-language pages its lists fall back to: those are in the default
// language's index) and writes it to out file by file, as it is made, so
// that no part of it is held through rendering; a one-off build drops the
// text it was made from. The leak check reads every file on its way out.
func (b *pass) index(out Output) error {
	check := b.leakCheck()
	b.indexed = map[string]bool{}
	var mu sync.Mutex
	for _, l := range b.langs {
		docs := make([]search.Doc, 0, len(l.pages))
		for _, v := range l.pages {
			docs = append(docs, b.searchDoc(v))
			if b.reuse == nil {
				b.docs[v.Page].Text = "" // the search Doc holds it now, and lets it go once counted
			}
		}
		dir := l.prefix + SearchDir
		err := b.reuse.searchIndex(l.code, docs, func(name string, data []byte) error {
			o := output{name: dir + name}
			check.scan(o, data)
			if err := out.WriteFile(o.name, data); err != nil {
				return fmt.Errorf("writing %s: %v", o.name, err)
			}
			mu.Lock()
			defer mu.Unlock()
			b.indexed[o.name] = true
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// searchDoc is what the index knows of a page: its words by field, and the
// facet values it can be filtered by.
func (b *pass) searchDoc(v *render.Page) search.Doc {
	doc, links := b.docs[v.Page], b.linked.links[v.Page]
	text := func(s string) string {
		return markdown.FillText(s, func(i int) string { return link.Text(doc, links, i) })
	}
	d := search.Doc{URL: v.URL, Kind: string(v.Kind), Title: v.Title, Summary: v.Summary, Body: text(doc.Text)}
	if !v.Date.IsZero() {
		d.Date = v.Date.Format("2006-01-02")
	}
	for _, h := range doc.Headings {
		d.Headings = append(d.Headings, text(h.Text))
	}
	if e := v.Experience; e != nil {
		d.Experience = []string{e.Expected, e.Target, e.Delivered}
	}
	for _, a := range v.Chain {
		d.Chain = append(d.Chain, strings.Join([]string{a.Actor, a.Role, a.Note}, " "))
	}
	if v.IndustryTerm != nil {
		d.Industry = v.IndustryTerm.Name
	}
	for _, t := range v.TagTerms {
		d.Tags = append(d.Tags, t.Name)
	}
	for _, f := range v.FrameworkPages {
		d.Frameworks = append(d.Frameworks, f.Title)
	}
	if v.Kind == content.KindFramework {
		d.Frameworks = append(d.Frameworks, v.Title) // filtering by a framework shows it too
	}
	return d
}
