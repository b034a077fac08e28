package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// twoLanguages is a small library in English and Finnish, with a page in
// each language dated so that both feeds have entries.
const twoLanguages = `
-- casebook.yaml --
title: Two Languages
languages: [en, fi]
-- content/_index.md --
---
title: Two Languages
summary: Cases in two languages, for the tests.
---
Welcome.
-- content/cases/machine.md --
---
title: The machine
date: 2024-05-01
journey:
  - {stage: Purchase, expected: 8, target: 8, delivered: 8}
  - {stage: Delivery, expected: 9, target: 6, delivered: 2}
---
Body.
-- content/cases/machine.fi.md --
---
title: Kone
date: 2024-05-02
---
Teksti.
-- content/about.md --
---
title: About
date: 2024-01-01
---
About.
`

// buildFixture builds a txtar site held in a string, with opts.
func buildFixture(t *testing.T, archive string, opts Options) (map[string][]byte, Stats) {
	t.Helper()
	root := writeSite(t, txtar.Parse([]byte(archive)))
	out := NewMemOutput()
	stats, errs := Build(root, opts, out)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return out.Files(), stats
}

type feedXML struct {
	Links []struct {
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Link struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		ID string `xml:"id"`
	} `xml:"entry"`
}

// feedHrefs lists every link of an Atom feed.
func feedHrefs(t *testing.T, data []byte) (hrefs, ids []string) {
	t.Helper()
	var f feedXML
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	for _, l := range f.Links {
		hrefs = append(hrefs, l.Href)
	}
	for _, e := range f.Entries {
		hrefs = append(hrefs, e.Link.Href)
		ids = append(ids, e.ID)
	}
	return hrefs, ids
}

// TestFeedsAndSitemapWithBaseURL: every URL is absolute under the base, the
// home page included, in both languages' feeds.
func TestFeedsAndSitemapWithBaseURL(t *testing.T) {
	const base = "https://example.com/lib/"
	for _, opts := range []Options{{BaseURL: base}} { // as build --baseURL gives it
		files, stats := buildFixture(t, twoLanguages, opts)
		if stats.BaseURL != base {
			t.Errorf("Stats.BaseURL = %q", stats.BaseURL)
		}
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
			t.Fatal(err)
		}
		locs := map[string]bool{}
		for _, u := range set.URLs {
			locs[u.Loc] = true
			rel, ok := strings.CutPrefix(u.Loc, base)
			if !ok {
				t.Errorf("sitemap: %q is not under %s", u.Loc, base)
			} else if _, built := files[rel+"index.html"]; !built {
				t.Errorf("sitemap: %q names no page", u.Loc)
			}
		}
		for _, want := range []string{base, base + "cases/machine/", base + "fi/", base + "fi/cases/machine/"} {
			if !locs[want] {
				t.Errorf("sitemap lacks %s", want)
			}
		}
		if !strings.Contains(string(files["robots.txt"]), "Sitemap: "+base+"sitemap.xml\n") {
			t.Errorf("robots.txt does not name the sitemap:\n%s", files["robots.txt"])
		}
		for _, feed := range []string{"atom.xml", "fi/atom.xml"} {
			hrefs, ids := feedHrefs(t, files[feed])
			for _, h := range append(hrefs, ids...) {
				rel, ok := strings.CutPrefix(h, base)
				if !ok || strings.HasPrefix(rel, "fi/fi/") {
					t.Errorf("%s: %q is not a URL of the site", feed, h)
				}
			}
			if want := base + strings.TrimSuffix(feed, "atom.xml"); hrefs[1] != want {
				t.Errorf("%s: alternate link %q, want %q", feed, hrefs[1], want)
			}
		}
	}
}

// TestFeedsWithoutBaseURL: no sitemap (search engines reject relative
// URLs), and feed links relative to the feed that lead to built pages.
func TestFeedsWithoutBaseURL(t *testing.T) {
	files, stats := buildFixture(t, twoLanguages, Options{})
	if stats.BaseURL != "" {
		t.Errorf("Stats.BaseURL = %q", stats.BaseURL)
	}
	if _, ok := files["sitemap.xml"]; ok {
		t.Error("sitemap.xml written without a baseURL")
	}
	if strings.Contains(string(files["robots.txt"]), "Sitemap") {
		t.Errorf("robots.txt names a sitemap that is not there:\n%s", files["robots.txt"])
	}
	for _, feed := range []string{"atom.xml", "fi/atom.xml"} {
		hrefs, ids := feedHrefs(t, files[feed])
		if len(ids) == 0 {
			t.Fatalf("%s has no entries", feed)
		}
		self, _ := url.Parse("https://host/any/path/" + feed)
		for _, h := range hrefs {
			u, err := url.Parse(h)
			if h == "" || err != nil || u.IsAbs() || strings.HasPrefix(h, "/") {
				t.Errorf("%s: link %q: want a non-empty link relative to the feed", feed, h)
				continue
			}
			name := strings.TrimPrefix(self.ResolveReference(u).Path, "/any/path/")
			if name == "" || strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			if _, ok := files[name]; !ok {
				t.Errorf("%s: link %q leads to %s, which was not built", feed, h, name)
			}
		}
		for _, id := range ids {
			if !strings.HasPrefix(id, "urn:casebook:") {
				t.Errorf("%s: id %q", feed, id)
			}
		}
	}
}

func TestBaseURLOptionReplacesConfig(t *testing.T) {
	archive := strings.Replace(twoLanguages, "title: Two Languages\n", "title: Two Languages\nbaseURL: https://example.com/live/\n", 1)
	files, _ := buildFixture(t, archive, Options{BaseURL: "https://preview.example.net/"})
	if s := string(files["sitemap.xml"]); !strings.Contains(s, "https://preview.example.net/cases/machine/") || strings.Contains(s, "example.com/live") {
		t.Errorf("the sitemap does not use the given baseURL:\n%s", s)
	}
}

// casebook.json, written a page at a time, is byte for byte the document
// json.MarshalIndent makes of the whole library: for a generated library,
// two languages, and a library of no pages.
func TestLibraryJSONAsOneDocument(t *testing.T) {
	generated := t.TempDir()
	writeBenchSite(t, generated, 40)
	roots := map[string]string{
		"generated":     generated,
		"two languages": writeSite(t, txtar.Parse([]byte(twoLanguages))),
		"no pages":      writeSite(t, txtar.Parse([]byte("-- casebook.yaml --\ntitle: Empty\n-- content/_index.md --\nNothing yet.\n"))),
	}
	for name, root := range roots {
		b := &pass{root: root}
		if errs := b.prepare(); errs.HasErrors() {
			t.Fatal(name, errs)
		}
		whole := struct {
			Title     string        `json:"title"`
			BaseURL   string        `json:"baseURL,omitempty"`
			Languages []string      `json:"languages"`
			Pages     []libraryPage `json:"pages"`
		}{Title: b.site.Title, BaseURL: b.site.BaseURL, Languages: b.site.Languages, Pages: []libraryPage{}}
		for _, l := range b.langs {
			for _, p := range l.pages {
				whole.Pages = append(whole.Pages, b.libraryPage(p))
			}
		}
		want, err := json.MarshalIndent(whole, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.libraryJSON()
		if err != nil {
			t.Fatal(err)
		}
		if want = append(want, '\n'); !bytes.Equal(got, want) {
			t.Errorf("%s: casebook.json differs from the whole marshalled at once:\n%s\nwant:\n%s", name, got, want)
		}
		if name == "generated" && len(whole.Pages) < 40 {
			t.Errorf("generated: %d pages in casebook.json, want the 40 cases at least", len(whole.Pages))
		}
	}
}
