package link

import (
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
)

func TestRelatedCases(t *testing.T) {
	fw1 := page("content/frameworks/f1.md", content.KindFramework, "en", "f1", "frameworks/f1", "F1")
	fw2 := page("content/frameworks/f2.md", content.KindFramework, "en", "f2", "frameworks/f2", "F2")
	mk := func(slug, industry string, day int, tags ...string) *content.Page {
		p := page("content/cases/"+slug+".md", content.KindCase, "en", slug, "cases/"+slug, slug)
		p.Industry, p.Tags, p.Date = industry, tags, time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC)
		return p
	}
	a := mk("a", "retail", 1, "delivery", "Press")
	b := mk("b", "retail", 2, "delivery")     // framework f1 (3) + tag (1) + industry (1) = 5
	c := mk("c", "airline", 3, "press")       // framework f1 (3) + tag "Press"/"press" (1) + linked (2) = 6
	d := mk("d", "telecom", 4)                // shares nothing with a
	e := mk("e", "retail", 5)                 // industry only (1)
	fi := mk("a-fi", "retail", 6, "delivery") // another language: never related to a
	fi.Lang = "fi"
	frameworks := map[*content.Page][]*content.Page{a: {fw1}, b: {fw1, fw2}, c: {fw1}, d: {fw2}, fi: {fw1}}
	g := NewGraph()
	g.Add(c, a, Mention{})
	got := RelatedCases([]*content.Page{a, b, c, d, e, fi}, frameworks, g, 2)

	want := []Related{{c, 6}, {b, 5}}
	if len(got[a]) != len(want) {
		t.Fatalf("related to a: %+v", got[a])
	}
	for i := range want {
		if got[a][i] != want[i] {
			t.Errorf("related to a [%d] = %s (%d), want %s (%d)", i, got[a][i].Page.Slug, got[a][i].Score, want[i].Page.Slug, want[i].Score)
		}
	}
	if r := got[d]; len(r) != 1 || r[0].Page != b || r[0].Score != WeightFramework {
		t.Errorf("related to d: %+v", r)
	}
	if r := got[fi]; len(r) != 0 {
		t.Errorf("a Finnish case is related only to Finnish cases: %+v", r)
	}
}

func TestGraph(t *testing.T) {
	a := page("content/a.md", content.KindPage, "en", "a", "a", "A")
	b := page("content/b.md", content.KindPage, "en", "b", "b", "B")
	c := page("content/c.md", content.KindPage, "en", "c", "c", "C")
	g := NewGraph()
	g.Add(c, a, Mention{ID: "ref-0"})
	g.Add(b, a, Mention{ID: "ref-3"})
	g.Add(b, a, Mention{ID: "ref-5"})
	g.Add(a, a, Mention{ID: "ref-1"}) // a page is not its own backlink
	g.Sort()
	in := g.Backlinks(a)
	if len(in) != 2 || in[0].From != b || len(in[0].Mentions) != 2 || in[1].From != c {
		t.Fatalf("backlinks of a: %+v", in)
	}
	if out := g.Links(b); len(out) != 1 || out[0] != a {
		t.Errorf("b links to %v, want only a", out)
	}
	// A page's links to b that others' links come between still make one
	// backlink with all its mentions.
	g.Add(a, b, Mention{ID: "ref-0"})
	g.Add(c, b, Mention{ID: "ref-2"})
	g.Add(a, b, Mention{ID: "ref-4"})
	g.Sort()
	if in := g.Backlinks(b); len(in) != 2 || in[0].From != a || len(in[0].Mentions) != 2 || in[0].Mentions[1].ID != "ref-4" || len(in[1].Mentions) != 1 {
		t.Errorf("backlinks of b: %+v", in)
	}
}
