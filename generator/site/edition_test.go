package site

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/casebook-cx/casebook/generator/search"
	"golang.org/x/tools/txtar"
)

// editionLibrary has cases for two clients, tagged apart, and editions
// that take each client's, one tag's, and one that renames a hotel.
const editionLibrary = `
-- casebook.yaml --
title: Casebook of Hotel Aurora work
baseURL: https://example.com/
editions:
  acme:
    title: Cases for Acme
    include: {client: [acme]}
    baseURL: https://acme.example.com/
  hotels:
    include: {tags: [hotels]}
    exclude: {paths: ["cases/spa-*"]}
  anon:
    exclude: {client: [acme]}
    replace: {"Hotel Aurora": "a Nordic hotel", "Aurora": "the hotel"}
-- content/cases/hotel-aurora.md --
---
title: Hotel Aurora check-in
summary: The night desk at Hotel Aurora.
client: aurora
tags: [hotels, check-in]
industry: hospitality
frameworks: [gaps]
chain:
  - {actor: Hotel Aurora desk, role: front desk, care: low}
---
Guests of Hotel Aurora waited an hour; the Aurora manager apologised.
-- content/cases/spa-day.md --
---
title: Spa day
client: aurora
tags: [hotels]
industry: wellness
frameworks: [gaps]
---
The spa sold out its quietest morning slots within minutes of opening.
-- content/cases/acme-parcel.md --
---
title: Acme parcel
client: acme
tags: [delivery]
industry: retail
frameworks: [gaps]
chain:
  - {actor: Courier, role: parceltaker, care: broken}
---
The parcelwhistle sound played at every missed delivery for the acme account.
-- content/frameworks/gaps.md --
---
title: Gaps
---
Expected, target and delivered.
`

func TestEditions(t *testing.T) {
	all, _ := buildFixture(t, editionLibrary, Options{})
	for _, url := range []string{"cases/hotel-aurora/", "cases/spa-day/", "cases/acme-parcel/"} {
		if all[url+"index.html"] == nil {
			t.Errorf("the default build lacks %s", url)
		}
	}
	for _, tc := range []struct {
		edition    string
		cases      []string // the case pages published
		absent     []string // texts no file may hold
		industries int      // industries listed
	}{
		{"acme", []string{"acme-parcel"}, []string{"Aurora", "aurora", "Spa day", "spa-day", "hospitality", "front desk"}, 1},
		{"hotels", []string{"hotel-aurora"}, []string{"Acme parcel", "parcelwhistle", "Spa day", "wellness", "parceltaker"}, 1},
		{"anon", []string{"a-nordic-hotel", "spa-day"}, []string{"Aurora", "Acme parcel", "parcelwhistle"}, 2},
	} {
		t.Run(tc.edition, func(t *testing.T) {
			files, _ := buildFixture(t, editionLibrary, Options{Edition: tc.edition})
			var got []string
			for name := range files {
				if m := regexp.MustCompile(`^cases/([^/]+)/index\.html$`).FindStringSubmatch(name); m != nil {
					got = append(got, m[1])
				}
			}
			if strings.Join(sorted(got), ",") != strings.Join(sorted(tc.cases), ",") {
				t.Errorf("case pages %v, want %v", got, tc.cases)
			}
			for _, secret := range tc.absent {
				for name, data := range files {
					if strings.Contains(name, secret) || bytes.Contains(data, []byte(secret)) {
						t.Errorf("%s holds %q", name, secret)
					}
				}
			}
			// The lists count what is published: the framework lists its
			// cases, the industries page its industries, the insights its cases.
			gaps := files["frameworks/gaps/index.html"]
			if n := bytes.Count(gaps, []byte(`<li class="card"`)); n != len(tc.cases) {
				t.Errorf("frameworks/gaps lists %d cases, want %d", n, len(tc.cases))
			}
			industries := files["industries/index.html"]
			if n := bytes.Count(industries, []byte(`<span class="count">`)); n != tc.industries {
				t.Errorf("industries/ lists %d industries, want %d", n, tc.industries)
			}
			sum := 0
			for _, m := range regexp.MustCompile(`<span class="count">(\d+)</span>`).FindAllSubmatch(industries, -1) {
				n, _ := strconv.Atoi(string(m[1]))
				sum += n
			}
			if sum != len(tc.cases) {
				t.Errorf("industries/ counts %d cases, want %d", sum, len(tc.cases))
			}
			if want := fmt.Sprintf(`<p class="stats">%d case`, len(tc.cases)); !bytes.Contains(files["insights/index.html"], []byte(want)) {
				t.Errorf("insights/ does not say %s", want)
			}
			// Search for a left-out case's words finds nothing.
			fsys := fstest.MapFS{}
			for name, data := range files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			ix, err := search.Open(fsys, "search")
			if err != nil {
				t.Fatal(err)
			}
			for _, word := range []string{"parcelwhistle", "quietest", "apologised"} {
				res, err := search.Query(ix, search.Request{Text: word})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					if !strings.Contains(strings.Join(tc.cases, " "), strings.TrimSuffix(strings.TrimPrefix(h.URL, "cases/"), "/")) {
						t.Errorf("search %q finds %s, which the edition leaves out", word, h.URL)
					}
				}
			}
		})
	}
	acme, _ := buildFixture(t, editionLibrary, Options{Edition: "acme"})
	if !bytes.Contains(acme["index.html"], []byte("<title>Cases for Acme")) || !bytes.Contains(acme["sitemap.xml"], []byte("https://acme.example.com/cases/acme-parcel/")) {
		t.Error("the acme edition has not its own title and baseURL")
	}
	anon, _ := buildFixture(t, editionLibrary, Options{Edition: "anon"})
	page := string(anon["cases/a-nordic-hotel/index.html"])
	for _, want := range []string{"a Nordic hotel check-in", "Guests of a Nordic hotel waited", "the hotel manager", "a Nordic hotel desk"} {
		if !strings.Contains(page, want) {
			t.Errorf("anon's hotel page lacks %q", want)
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func TestEditionErrors(t *testing.T) {
	for _, tc := range []struct{ name, extra, edition, want string }{
		{"replace key left in a static file", "-- static/notes.txt --\nFor Hotel Aurora only.\n", "anon",
			`casebook.yaml:13:15: error: leak: a name edition anon replaces, "Hotel Aurora", is in the output file notes.txt at byte 4;`},
		{"a name in another case", "", "anon", ""},
		{"link to a left-out case", "-- content/cases/tour.md --\n---\ntitle: Tour\nclient: acme\n---\nSee [[spa day]].\n", "acme",
			`content/cases/tour.md:5:5: error: links to page "Spa day", which this edition leaves out`},
		{"no such edition", "", "nope", `casebook.yaml:1:1: error: no edition "nope" in editions: (it has acme, anon, hotels)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, txtar.Parse([]byte(editionLibrary+tc.extra)))
			_, errs := Build(root, Options{Edition: tc.edition}, NewMemOutput())
			if tc.want == "" {
				if errs.HasErrors() {
					t.Errorf("unexpected: %v", errs)
				}
				return
			}
			if !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("got\n%v\nwant\n%s", errs, tc.want)
			}
		})
	}
	for _, tc := range []struct{ config, want string }{
		{"editions: [a]\n", "casebook.yaml:1:11: error: editions: want a mapping"},
		{"editions: {A: {}}\n", `casebook.yaml:1:12: error: editions: name "A": want lowercase letters`},
		{"editions: {a: {include: [x]}}\n", "casebook.yaml:1:25: error: editions.a.include: want a mapping"},
		{"editions: {a: {inclde: {}}}\n", `casebook.yaml:1:16: error: editions.a: unknown field "inclde"`},
		{"editions: {a: {replace: {x: [y]}}}\n", "casebook.yaml:1:29: error: editions.a.replace.x: want"},
		{"editions: {a: {baseURL: nope}}\n", "casebook.yaml:1:25: error: editions.a.baseURL: want an absolute"},
		{"editions: {a: {replace: {Sofa: a sofa chair}}}\n", `casebook.yaml:1:32: error: editions.a.replace: "a sofa chair" still holds "Sofa", which the leak check would then find`},
	} {
		root := writeSite(t, txtar.Parse([]byte("-- casebook.yaml --\n"+tc.config+"-- content/a.md --\n# A\n")))
		if errs := Check(root, Options{}); !strings.Contains(errs.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.config, errs, tc.want)
		}
	}
}
