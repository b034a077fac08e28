package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
	"golang.org/x/tools/txtar"
)

// sheetCase is a case whose every text needs escaping somewhere: quotes,
// a plus, markup, an ampersand, letters beyond ASCII (in its address too),
// texts longer than their boxes, and more parties and lessons than a
// brief shows.
func sheetCase(slug, lang string, full bool) *Page {
	p := &Page{Page: &content.Page{Slug: slug, Lang: lang, Kind: content.KindCase, URL: "cases/" + slug + "/",
		Title: `The "sofa" + <b>lamp</b> & Ääkköset's ` + strings.Repeat("long title ", 8)}}
	p.Summary = `A summary with <i>markup</i> & a "quote" + plus`
	if !full {
		return p
	}
	p.Attribution = `A. Writer & "Co" <https://example.com/?a=1&b=2>`
	p.IndustryTerm = &Term{Name: "Retail & <more>", URL: "industries/retail/"}
	p.Experience = &content.Experience{Expected: `Expect "it" + <soon> & ` + strings.Repeat("wordy ", 60), Target: "Target it's ok", Delivered: "Delivered ä"}
	for i, st := range []string{"Buy & <pay>", `"Deliver"`, "Use + enjoy"} {
		p.Journey = append(p.Journey, content.Stage{Stage: st, Expected: 9, Target: 8 - i, Delivered: 6 - 2*i})
	}
	cares := []content.Care{"high", "medium", "low", "broken"}
	for i := range 12 {
		p.Chain = append(p.Chain, content.Actor{Actor: fmt.Sprintf(`Party "%d" & <co>`, i), Role: []string{"seller", "", "Courier + van"}[i%3],
			Care: cares[i%4], Note: strings.Repeat("a note's words ", i)})
	}
	for i := range 6 {
		p.Lessons = append(p.Lessons, fmt.Sprintf(`Lesson %d: "do" + <don't> & `, i)+strings.Repeat("more ", 10*i))
	}
	s, e := 3, 8
	p.Ratings = &content.Ratings{Service: &s, Experience: &e}
	return p
}

// TestSheetsMatchTemplates renders compare pages, the compare picker and
// brief sheets with the templates they had before their parts were written in Go
// (testdata/sheets.txtar) and with the built-in layouts, and wants the
// same bytes.
func TestSheetsMatchTemplates(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/sheets.txtar")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, errs := LoadTemplates(t.TempDir())
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	old, err := tmpl.set.Clone()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if _, err := old.New("old-" + f.Name).Parse(string(f.Data)); err != nil {
			t.Fatal(err)
		}
	}
	site := &Site{Title: "Site & co", BaseURL: "https://example.com/a&b/", Languages: []string{"en", "fi"}}
	exec := func(name string, data any, fromOld bool) string {
		t.Helper()
		var b bytes.Buffer
		set := tmpl.set
		if fromOld {
			set = old
		}
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		lang  string
		cases []*Page
	}{
		{"two full cases", "en", []*Page{sheetCase("sohva-ä", "en", true), sheetCase("lamp", "en", true)}},
		{"one bare, in Finnish", "fi", []*Page{sheetCase("a+b", "fi", false), sheetCase("c", "fi", true)}},
		{"four", "en", []*Page{sheetCase("a", "en", true), sheetCase("b", "en", false), sheetCase("c", "en", true), sheetCase("d", "en", true)}},
	} {
		prefix := ""
		if tc.lang == "fi" {
			prefix = "fi/"
		}
		v := NewView(site, "compare", PairPath(prefix, tc.cases[0].Slug, tc.cases[1].Slug), tc.lang, prefix)
		v.Pages = tc.cases
		if got, want := exec("compare.html", v, false), exec("old-compare.html", v, true); got != want {
			t.Errorf("%s: the compare page differs from the template's:\n%s", tc.name, firstDifference(got, want))
		}
		pick := NewView(site, "comparepick", prefix+CompareDir, tc.lang, prefix)
		pick.Pages = tc.cases
		for i := 1; i < len(tc.cases); i++ {
			pick.Pairs = append(pick.Pairs, [2]*Page{tc.cases[0], tc.cases[i]})
		}
		if got, want := exec("comparepick.html", pick, false), exec("old-comparepick.html", pick, true); got != want {
			t.Errorf("%s: the compare picker differs from the template's:\n%s", tc.name, firstDifference(got, want))
		}
		for _, p := range tc.cases {
			bv := NewView(site, "brief", p.URL+"brief/", tc.lang, prefix)
			bv.Page = p
			got, want := exec("brief-sheet", bv.With(p), false), exec("old-brief-sheet", bv.With(p), true)
			if got != want {
				t.Errorf("%s: %s's brief sheet differs from the template's:\n%s", tc.name, p.Slug, firstDifference(got, want))
			}
			if !strings.Contains(got, "&#34;") && p.Experience != nil {
				t.Errorf("%s: the brief escapes no quote; is the fixture hostile?", p.Slug)
			}
		}
	}
}

// firstDifference shows where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf("got  …%s\nwant …%s", got[from:min(i+120, len(got))], want[from:min(i+120, len(want))])
}
