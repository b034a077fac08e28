package link

import (
	"slices"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

// TestOrphans: a page is linked when any page links to it or names it
// among its frameworks, or links to a translation of it; a page linking
// to itself is not; sections are never orphans.
func TestOrphans(t *testing.T) {
	fw := page("content/frameworks/f.md", content.KindFramework, "en", "f", "frameworks/f", "F")
	a := page("content/cases/a.md", content.KindCase, "en", "a", "cases/a", "A")
	b := page("content/cases/b.md", content.KindCase, "en", "b", "cases/b", "B")
	bFi := page("content/cases/b.fi.md", content.KindCase, "fi", "b", "cases/b", "B fi")
	self := page("content/cases/self.md", content.KindCase, "en", "self", "cases/self", "Self")
	section := page("content/cases/_index.md", content.KindSection, "en", "cases", "cases", "Cases")
	g := NewGraph()
	g.Add(a, b, Mention{})
	g.Add(self, self, Mention{})
	got := Orphans([]*content.Page{fw, a, b, bFi, self, section}, g, map[*content.Page][]*content.Page{b: {fw}})
	if want := []*content.Page{a, self}; !slices.Equal(got, want) {
		var names []string
		for _, p := range got {
			names = append(names, p.File)
		}
		t.Errorf("orphans: %v, want content/cases/a.md and content/cases/self.md", names)
	}
}
