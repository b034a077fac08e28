package render

import (
	"slices"
	"strings"
)

// Frame is what the site's header and footer show around a page: the
// same for every page of one language and section at one depth. Pages
// render it through the cached template function, so a build runs the
// header's template once per distinct Frame rather than once per page;
// a Frame is therefore comparable, and holds all that the header and
// footer templates read.
type Frame struct {
	Site *Site
	Lang string
	// From is the page's folder with every folder that no link of the
	// frame depends on replaced by a mark no address holds. The frame
	// links only to top-level folders of a language (cases/, fi/cases/)
	// and files in them (assets/casebook.css), so from cases/a/ and
	// cases/b/ its links are the same: all but the language and the
	// first folder of the address is masked, keeping only its depth.
	From string
	// Current is the navigation entry the page belongs to: a list
	// ("cases", "frameworks", "industries", "tags", "insights",
	// "graph"), a section's address, or "".
	Current string
	// Search is whether the header holds the search form: every page
	// but the search page, which has its own.
	Search       bool
	RootRelative bool
	langPrefix   string
}

// navEntry maps the kinds of page to the list of the navigation they
// belong to.
var navEntry = map[string]string{
	"cases": "cases", "case": "cases", "frameworks": "frameworks", "framework": "frameworks",
	"industries": "industries", "industry": "industries", "tags": "tags", "tag": "tags",
	"insights": "insights", "graph": "graph",
}

// Frame is the frame of this view's page.
func (v *View) Frame() Frame {
	f := Frame{Site: v.Site, Lang: v.Lang, From: frameFolder(v.URL, v.Site.Languages), Current: navEntry[v.Kind],
		Search: v.Kind != "search", RootRelative: v.RootRelative, langPrefix: v.langPrefix}
	if f.Current == "" {
		for _, s := range v.Site.Sections {
			if s.URL == v.URL {
				f.Current = s.URL
			}
		}
	}
	return f
}

// frameMark stands for a folder that no link of the frame reaches.
const frameMark = "\x00"

// frameFolder masks the folders of url that a frame's links do not
// depend on: all after the first, or after the second when the first is
// a language's.
func frameFolder(url string, langs []string) string {
	parts := strings.Split(strings.TrimSuffix(url, "/"), "/")
	keep := 1
	if slices.Contains(langs, parts[0]) {
		keep = 2
	}
	if len(parts) <= keep {
		return url
	}
	for i := keep; i < len(parts); i++ {
		parts[i] = frameMark
	}
	return strings.Join(parts, "/") + "/"
}

// Rel links from the page to target, a top-level folder or a file in one.
func (f Frame) Rel(target string) string { return relFrom(f.From, f.RootRelative, target) }

// T is the interface text for key in the frame's language.
func (f Frame) T(key string) string { return Text(f.Lang, key) }

// LangURL is a folder of the frame's language: "cases/" -> "fi/cases/".
func (f Frame) LangURL(p string) string { return f.langPrefix + p }

// HomeURL is the home page of the frame's language.
func (f Frame) HomeURL() string { return f.langPrefix }

// FeedURL is the Atom feed of the frame's language.
func (f Frame) FeedURL() string { return f.langPrefix + "atom.xml" }

// Root is the site's root folder relative to the page: "../../".
func (f Frame) Root() string { return strings.TrimSuffix(f.Rel(""), "index.html") }

// SearchPage is the search page of the frame's language.
func (f Frame) SearchPage() string { return f.Rel(searchURL(f.Site, f.Lang)) }

// SearchIndex is the folder of the search index of the frame's language.
func (f Frame) SearchIndex() string {
	return strings.TrimSuffix(f.SearchPage(), "index.html")
}
