package render

import (
	"html/template"
	"os"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

func score(n int) *int { return &n }

// panelCases are cases that take every branch of the panels: none of a
// part, gaps or none, a party with and without role and note, one rating
// or both, and text that must be escaped.
func panelCases() []*content.Page {
	hostile := `<script>alert("x")</script> & 'quoted' +1`
	return []*content.Page{
		{Title: "Empty", Kind: content.KindCase, URL: "cases/empty/", Lang: "en"},
		{Title: "Full", Kind: content.KindCase, URL: "cases/full/", Lang: "en",
			Experience: &content.Experience{Expected: "A working washer.", Target: "Delivery in a week.", Delivered: "Nothing, then a form."},
			Journey: []content.Stage{{Stage: "Buy", Expected: 9, Target: 6, Delivered: 6}, {Stage: "Fix", Expected: 8, Target: 8, Delivered: 2},
				{Stage: "Use", Expected: 5, Target: 5, Delivered: 4}},
			Chain:   []content.Actor{{Actor: "Store", Role: "seller", Care: "high", Note: "Called back."}, {Actor: "Maker", Care: "broken"}},
			Ratings: &content.Ratings{Service: score(8), Experience: score(3)}},
		{Title: "Hostile", Kind: content.KindCase, URL: "cases/hostile/", Lang: "fi",
			Experience: &content.Experience{Expected: hostile, Target: hostile, Delivered: hostile},
			Journey:    []content.Stage{{Stage: hostile, Expected: 2, Target: 9, Delivered: 10}},
			Chain:      []content.Actor{{Actor: hostile, Role: hostile, Care: content.Care(`x" onmouseover="y`), Note: hostile}},
			Ratings:    &content.Ratings{Experience: score(0)}},
		{Title: "No gaps", Kind: content.KindCase, URL: "cases/level/", Lang: "en",
			Experience: &content.Experience{Expected: "Same."},
			Journey:    []content.Stage{{Stage: "Only", Expected: 5, Target: 5, Delivered: 5}},
			Ratings:    &content.Ratings{}},
	}
}

// TestCasePanelsAsTemplates holds the Go panels to the templates they
// replaced (testdata/case-panels.tmpl), byte for byte, on every branch.
func TestCasePanelsAsTemplates(t *testing.T) {
	text, err := os.ReadFile("testdata/case-panels.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	oracle := template.Must(template.New("").Funcs(funcs).Parse(string(text)))
	site := &Site{Languages: []string{"en", "fi"}}
	for _, c := range panelCases() {
		v := NewView(site, "case", c.URL, c.Lang, "")
		p := v.With(&Page{Page: c})
		for name, got := range map[string]template.HTML{"experience": p.ExperiencePanel(), "journey": p.JourneyPanel(),
			"chain": p.ChainPanel(), "ratings": p.RatingsPanel()} {
			var want strings.Builder
			if err := oracle.ExecuteTemplate(&want, name, p); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("%s of %q:\n got %q\nwant %q", name, c.Title, got, want.String())
			}
		}
	}
}

// TestCasePanelsEscape checks that nothing of a hostile case's text
// reaches a panel unescaped.
func TestCasePanelsEscape(t *testing.T) {
	c := panelCases()[2]
	p := NewView(&Site{}, "case", c.URL, c.Lang, "").With(&Page{Page: c})
	for _, got := range []template.HTML{p.ExperiencePanel(), p.JourneyPanel(), p.ChainPanel()} {
		for _, bad := range []string{"<script>", `" onmouseover`, "'quoted'"} {
			if strings.Contains(string(got), bad) {
				t.Errorf("a panel holds %q unescaped:\n%s", bad, got)
			}
		}
	}
}

// BenchmarkCasePanels compares the Go panels with the templates they
// replaced, on the full case of panelCases.
//
//	go test ./generator/render -run '^$' -bench CasePanels
func BenchmarkCasePanels(b *testing.B) {
	text, err := os.ReadFile("testdata/case-panels.tmpl")
	if err != nil {
		b.Fatal(err)
	}
	oracle := template.Must(template.New("").Funcs(funcs).Parse(string(text)))
	c := panelCases()[1]
	p := NewView(&Site{}, "case", c.URL, c.Lang, "").With(&Page{Page: c})
	b.Run("templates", func(b *testing.B) {
		var w strings.Builder
		for b.Loop() {
			w.Reset()
			for _, name := range []string{"experience", "journey", "chain", "ratings"} {
				if err := oracle.ExecuteTemplate(&w, name, p); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			_ = p.ExperiencePanel() + p.JourneyPanel() + p.ChainPanel() + p.RatingsPanel()
		}
	})
}
