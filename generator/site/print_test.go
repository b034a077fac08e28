package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// printLibrary has cases to choose by slug, title, alias, tag and
// framework, one of them translated.
const printLibrary = `
-- casebook.yaml --
title: Print
languages: [en, fi]
-- content/frameworks/chain.md --
---
title: Care Across the Chain
aliases: [chain care]
---
A framework.
-- content/cases/sofa.md --
---
title: The Sofa in Two Halves
aliases: [sofa story]
tags: [delivery]
frameworks: [chain]
experience: {expected: "A sofa", target: "A delivery", delivered: "Half a sofa"}
---
## Lessons

- Deliver whole sofas.
-- content/cases/sofa.fi.md --
---
title: Sohva kahtena puolikkaana
tags: [toimitus]
---
Tarina.
-- content/cases/lamp.md --
---
title: The Lamp
tags: [delivery]
---
Story.
-- content/cases/chair.md --
---
title: The Chair
frameworks: [Care Across the Chain]
---
Story.
`

func TestPrintChoosesCases(t *testing.T) {
	for _, tc := range []struct {
		name  string
		print Print
		want  []string // the cases printed, in order
		err   string
	}{
		{"slug, title and alias, in the order given", Print{Cases: []string{"lamp", "the chair", "SOFA STORY"}}, []string{"cases/lamp/", "cases/chair/", "cases/sofa/"}, ""},
		{"a case named twice prints once", Print{Cases: []string{"sofa", "The Sofa in Two Halves"}}, []string{"cases/sofa/"}, ""},
		{"a Finnish title picks the case in the language printed", Print{Cases: []string{"Sohva kahtena puolikkaana"}}, []string{"cases/sofa/"}, ""},
		{"in Finnish", Print{Cases: []string{"sofa"}, Lang: "fi"}, []string{"fi/cases/sofa/"}, ""},
		{"by tag", Print{Tag: "delivery"}, []string{"cases/lamp/", "cases/sofa/"}, ""},
		{"by framework alias", Print{Framework: "chain care"}, []string{"cases/chair/", "cases/sofa/"}, ""},
		{"all", Print{All: true}, []string{"cases/chair/", "cases/lamp/", "cases/sofa/"}, ""},
		{"unknown case", Print{Cases: []string{"table"}}, nil, `"table": no case is called that (by slug, title or alias); the cases are: chair, lamp, sofa`},
		{"unknown tag", Print{Tag: "nope"}, nil, "--tag nope: no case has this tag"},
		{"unknown language", Print{All: true, Lang: "sv"}, nil, "--lang sv: the site's languages are en, fi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, txtar.Parse([]byte(printLibrary)))
			out := NewMemOutput()
			stats, errs := Build(root, Options{Print: &tc.print}, out)
			if tc.err != "" {
				if !strings.Contains(errs.Error(), tc.err) {
					t.Errorf("errors %v, want %q", errs, tc.err)
				}
				return
			}
			if errs.HasErrors() {
				t.Fatal(errs)
			}
			got := slices.Clone(stats.Printed)
			if tc.print.Tag != "" || tc.print.Framework != "" || tc.print.All {
				slices.Sort(got)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("printed %v, want %v", got, tc.want)
			}
			doc := string(out.Files()[stats.PrintFile])
			if n := strings.Count(doc, `<article class="sheet brief"`); n != len(tc.want) || stats.PrintPages != n {
				t.Errorf("the print document has %d briefs and says %d pages, want %d", n, stats.PrintPages, len(tc.want))
			}
		})
	}
}

// TestPrintSlides counts the slides of a deck: a title, each case, each
// framework they apply, and the closing slide.
func TestPrintSlides(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(printLibrary)))
	out := NewMemOutput()
	stats, errs := Build(root, Options{Print: &Print{Cases: []string{"sofa", "chair", "lamp"}, Slides: true}}, out)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	doc := string(out.Files()[stats.PrintFile])
	slides := strings.Count(doc, `<section class="slide `)
	if slides != 1+3+1+1 || stats.PrintPages != slides {
		t.Errorf("%d slides, PrintPages %d; want 6: title, 3 cases, 1 framework, closing", slides, stats.PrintPages)
	}
}

// TestBriefLessonsAndEditions: a brief lists the lessons under its heading;
// a case an edition leaves out, or a confidential one, gets no brief.
func TestBriefLessonsAndEditions(t *testing.T) {
	files, _ := buildFixture(t, printLibrary, Options{})
	brief := string(files["cases/sofa/brief/index.html"])
	if !strings.Contains(brief, "<li>Deliver whole sofas.</li>") {
		t.Errorf("the brief lacks its lesson:\n%s", brief)
	}
	if !strings.Contains(string(files["cases/sofa/index.html"]), `href="brief/index.html"`) {
		t.Errorf("the case page does not link its brief")
	}
	root := writeSite(t, txtar.Parse([]byte(printLibrary)))
	if err := writeFile(root, "casebook.yaml", "title: Print\nlanguages: [en, fi]\neditions:\n  other: {exclude: {paths: [cases/sofa*.md]}}\n"); err != nil {
		t.Fatal(err)
	}
	out := NewMemOutput()
	if _, errs := Build(root, Options{Edition: "other"}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	if _, ok := out.Files()["cases/sofa/brief/index.html"]; ok {
		t.Error("an edition without the sofa case has its brief")
	}
	sofa := filepath.Join(root, "content", "cases", "sofa.md")
	src, err := os.ReadFile(sofa)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sofa, []byte(strings.Replace(string(src), "---\n", "---\nconfidential: true\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out = NewMemOutput()
	if _, errs := Build(root, Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	if _, ok := out.Files()["cases/sofa/brief/index.html"]; ok {
		t.Error("a confidential case has a published brief")
	}
}

// TestLongBriefSaysContinuedOnline: a case too long for its brief is cut,
// and the brief says where the rest is, in its language.
func TestLongBriefSaysContinuedOnline(t *testing.T) {
	out := NewMemOutput()
	if _, errs := Build("../../e2e/testdata/long", Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	for name, want := range map[string][]string{
		"cases/long/brief/index.html":    {"+3 more lessons, continued online", "<strong>continued online:</strong>", "…</p>"},
		"fi/cases/long/brief/index.html": {"+3 muuta oppia, jatkuu verkossa", "<strong>jatkuu verkossa:</strong>"},
	} {
		brief := string(out.Files()[name])
		for _, w := range want {
			if !strings.Contains(brief, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
		if n := strings.Count(brief, `<li class="care-`); n != 10 {
			t.Errorf("%s shows %d parties, want all 10", name, n)
		}
	}
}
