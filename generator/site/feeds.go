package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/render"
)

// feedLink is the link from the feed in folder dir ("" or "fi/") to the
// site-relative url: absolute with a baseURL; without one, relative to the
// feed's own address, which is how Atom resolves a relative link, so that
// fi/atom.xml links to "cases/x/", never "fi/cases/x/" (read as
// fi/fi/cases/x/), and to its home page as "./", never "".
func (b *pass) feedLink(dir, url string) string {
	if b.site.BaseURL != "" {
		return b.site.BaseURL + url
	}
	rel := strings.TrimSuffix(render.RelURL(dir, url), "index.html")
	if rel == "" {
		return "./"
	}
	return rel
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	Link    atomLink `xml:"link"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

const feedSize = 50

// feed is the Atom feed of a language: its newest dated pages. Its
// updated time is the newest page's, never the build's, so output stays
// the same for the same input.
func (b *pass) feed(l *language) ([]byte, error) {
	pages := slices.Clone(l.pages)
	slices.SortFunc(pages, func(x, y *render.Page) int {
		return y.LastModified().Compare(x.LastModified())
	})
	f := atomFeed{
		Lang: l.code, Title: b.site.Title, ID: b.id(l.prefix), Author: b.site.Title,
		Links: []atomLink{{Href: b.feedLink(l.prefix, l.prefix+"atom.xml"), Rel: "self", Type: "application/atom+xml"},
			{Href: b.feedLink(l.prefix, l.prefix), Rel: "alternate", Type: "text/html"}},
	}
	var newest time.Time
	for _, p := range pages {
		if p.LastModified().IsZero() || len(f.Entries) == feedSize {
			continue
		}
		if p.LastModified().After(newest) {
			newest = p.LastModified()
		}
		f.Entries = append(f.Entries, atomEntry{Title: p.Title, Link: atomLink{Href: b.feedLink(l.prefix, p.URL), Rel: "alternate"}, ID: b.id(p.URL),
			Updated: p.LastModified().UTC().Format(time.RFC3339), Summary: p.Summary})
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	return marshalXML(f)
}

// id is an entry's permanent identifier: its absolute URL, or a tag URI
// made from the site title and path when no baseURL is set.
func (b *pass) id(url string) string {
	if b.site.BaseURL != "" {
		return b.site.BaseURL + url
	}
	return "urn:casebook:" + content.Slugify(b.site.Title) + ":" + url
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists every HTML page but the 404 and the search pages. Search
// engines take only absolute URLs, so it is written only with a baseURL.
func (b *pass) sitemap() ([]byte, error) {
	lastMod := map[string]string{}
	for _, l := range b.langs {
		for _, p := range l.pages {
			if !p.LastModified().IsZero() {
				lastMod[p.URL] = p.LastModified().Format("2006-01-02")
			}
		}
	}
	var set urlSet
	// By index, reading only names: outputs written meanwhile have their
	// plans dropped (see write).
	for i := range b.outputs {
		o := &b.outputs[i]
		if !o.html || o.name == "404.html" || strings.HasSuffix(o.name, SearchDir+"index.html") || strings.HasSuffix(o.name, "/"+BriefDir+"index.html") {
			continue // nothing for a search engine to read, or a print of a page it has
		}
		url := o.name[:len(o.name)-len("index.html")]
		set.URLs = append(set.URLs, sitemapURL{Loc: b.site.BaseURL + url, LastMod: lastMod[url]})
	}
	return marshalXML(set)
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func (b *pass) robots() ([]byte, error) {
	s := "User-agent: *\nAllow: /\n"
	if b.site.BaseURL != "" {
		s += "Sitemap: " + b.site.BaseURL + "sitemap.xml\n"
	}
	return []byte(s), nil
}

// libraryPage is one page in casebook.json.
type libraryPage struct {
	URL          string              `json:"url"`
	Lang         string              `json:"lang"`
	Kind         content.Kind        `json:"kind"`
	Slug         string              `json:"slug"`
	Title        string              `json:"title"`
	Summary      string              `json:"summary,omitempty"`
	Date         string              `json:"date,omitempty"`
	Updated      string              `json:"updated,omitempty"`
	Tags         []string            `json:"tags,omitempty"`
	Aliases      []string            `json:"aliases,omitempty"`
	Draft        bool                `json:"draft,omitempty"`
	Industry     string              `json:"industry,omitempty"`
	Frameworks   []string            `json:"frameworks,omitempty"` // URLs of the resolved framework pages
	Source       string              `json:"source,omitempty"`
	Experience   *content.Experience `json:"experience,omitempty"`
	Journey      []content.Stage     `json:"journey,omitempty"`
	Chain        []content.Actor     `json:"chain,omitempty"`
	Ratings      *content.Ratings    `json:"ratings,omitempty"`
	Translations map[string]string   `json:"translations,omitempty"` // language -> URL
	Params       map[string]any      `json:"params,omitempty"`
}

// libraryJSON is the whole library as data, for other tools. It is
// written a page at a time, with the indenting json.MarshalIndent gives
// the whole: marshalling the whole at once held three copies of a file
// of megabytes, the highest point of a build's memory.
func (b *pass) libraryJSON() ([]byte, error) {
	head, err := json.MarshalIndent(struct {
		Title     string   `json:"title"`
		BaseURL   string   `json:"baseURL,omitempty"`
		Languages []string `json:"languages"`
	}{Title: b.site.Title, BaseURL: b.site.BaseURL, Languages: b.site.Languages}, "", "  ")
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Write(head[:len(head)-len("\n}")])
	out.WriteString(",\n  \"pages\": [")
	n := 0
	for _, l := range b.langs {
		if n == 0 {
			out.Grow(2048 * len(l.pages)) // about a page each
		}
		for _, p := range l.pages {
			data, err := json.MarshalIndent(b.libraryPage(p), "    ", "  ")
			if err != nil {
				return nil, err
			}
			if n > 0 {
				out.WriteByte(',')
			}
			out.WriteString("\n    ")
			out.Write(data)
			n++
		}
	}
	if n > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("]\n}\n")
	return out.Bytes(), nil
}

func (b *pass) libraryPage(p *render.Page) libraryPage {
	lp := libraryPage{URL: p.URL, Lang: p.Lang, Kind: p.Kind, Slug: p.Slug, Title: p.Title, Summary: p.Summary,
		Tags: p.Tags, Aliases: p.Aliases, Draft: p.Draft, Industry: p.Industry, Source: p.Attribution,
		Experience: p.Experience, Journey: p.Journey, Chain: p.Chain, Ratings: p.Ratings, Date: day(p.Date), Updated: day(p.Updated)}
	for _, fw := range p.FrameworkPages {
		lp.Frameworks = append(lp.Frameworks, fw.URL)
	}
	if len(p.Translations) > 0 {
		lp.Translations = map[string]string{}
		for _, t := range p.Translations {
			lp.Translations[t.Lang] = t.URL
		}
	}
	lp.Params = jsonParams(p.Params, b.lib.Config.JSONParams)
	return lp
}

// jsonParams is what casebook.json carries of a page's unknown keys: only
// those the config lists, so that a client: or fee: key a writer added for
// templates is not published as data by accident.
func jsonParams(params map[string]any, listed []string) map[string]any {
	var out map[string]any
	for _, key := range listed {
		if v, ok := params[key]; ok {
			if out == nil {
				out = map[string]any{}
			}
			out[key] = v
		}
	}
	return out
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
