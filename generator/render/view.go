package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
)

// Site is what every template knows about the site as a whole.
type Site struct {
	Title       string
	Description string
	BaseURL     string
	Languages   []string
	Params      map[string]any // casebook.yaml keys casebook does not use itself
	Indexed     []string       // languages with a search index, in configured order
	// Sections are the top-level folders of pages, for the navigation;
	// in a library, those other than cases and frameworks.
	Sections []NavLink
	// Notes is set for a folder of notes (no content/ folder): the
	// navigation shows its folders first, and the case lists only when
	// it has cases.
	Notes bool
	// HasCases is false for a folder of notes without cases or
	// frameworks, whose navigation then leaves out their lists.
	HasCases bool
}

// Page is a content page as templates see it: the loaded front matter and
// everything the build worked out about it.
type Page struct {
	*content.Page
	Content        template.HTML
	Summary        string  // front matter summary, else the body's first paragraph
	FrameworkPages []*Page // a case's frameworks, resolved
	Cases          []*Page // a framework's cases: those that list it in frameworks
	Translations   []*Page // the same page in the other languages
	TagTerms       []*Term
	IndustryTerm   *Term
	Backlinks      []*Backlink        // pages that link here, with the sentence of each link
	Related        []*Page            // a case's most related cases, best first
	Previews       map[string]Preview // what hovering each link of the body shows, by its href
	Neighbours     []*Page            // pages this one links to or from, shown in its local graph
	Mermaid        bool               // the body has a mermaid diagram: the page loads the script that draws it
	// Unpublished is what the preview shows the writer and no published
	// build holds: nil outside the preview.
	Unpublished *Unpublished
}

// Unpublished is a page's part that only its writer sees, in the preview.
type Unpublished struct {
	Confidential bool          // the page is confidential: true, so no published build has it
	Private      []PrivateNote // the private: map, key by key
}

// PrivateNote is one key of a page's private: map, its value as text.
type PrivateNote struct {
	Key, Value string
}

// NewUnpublished is what the preview shows of page p's unpublished part,
// or nil when it has none.
func NewUnpublished(p *content.Page) *Unpublished {
	if !p.Confidential && len(p.Private) == 0 {
		return nil
	}
	u := &Unpublished{Confidential: p.Confidential}
	for _, key := range slices.Sorted(maps.Keys(p.Private)) {
		u.Private = append(u.Private, PrivateNote{Key: key, Value: noteText(p.Private[key])})
	}
	return u
}

// noteText writes a private value as a writer would read it: a text as
// it is, anything else as compact JSON.
func noteText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}

// localLimit is how many neighbours a page's own graph shows.
const localLimit = 14

// LocalGraph draws the page and up to localLimit of its neighbours as an
// SVG. It is drawn when a template asks, so that a rebuild draws only the
// graphs of the pages it renders.
func (p *Page) LocalGraph() template.HTML {
	if len(p.Neighbours) == 0 {
		return ""
	}
	nodes := []chart.Node{{Label: p.Title, Kind: string(p.Kind)}}
	for _, n := range p.Neighbours[:min(len(p.Neighbours), localLimit)] {
		nodes = append(nodes, chart.Node{Label: n.Title, Href: RelURL(p.URL, n.URL), Kind: string(n.Kind)})
	}
	return ScrollBox(chart.LocalGraph(Text(p.Lang, "connections")+": "+p.Title, nodes))
}

// Preview is what a hover over a link shows of the page it leads to.
type Preview struct {
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Kind    string `json:"kind"`
}

// Backlink is a page that links to the current one.
type Backlink struct {
	From     *Page
	Mentions []Mention
}

// Mention is one link to the current page: the sentence it stands in, and
// the id of the link on the linking page, to jump to the very spot.
type Mention struct {
	ID, Before, Text, After string
}

// Href is the address of the mention on the linking page.
func (b *Backlink) Href(m Mention) string { return b.From.URL + "#" + m.ID }

// FrameworkSlugs are the slugs of the case's resolved frameworks, however
// its front matter named them.
func (p *Page) FrameworkSlugs() []string {
	slugs := make([]string, len(p.FrameworkPages))
	for i, f := range p.FrameworkPages {
		slugs[i] = f.Slug
	}
	return slugs
}

// GapAt is the largest gap of one kind and the stage it occurs at.
type GapAt struct {
	Stage string
	Gap   int
}

// WorstTargetGap is the stage with the largest Expected−Target gap, or nil
// when no stage has a positive one.
func (p *Page) WorstTargetGap() *GapAt {
	return worst(p.Journey, content.Stage.TargetGap)
}

// WorstDeliveryGap is the stage with the largest Target−Delivered gap.
func (p *Page) WorstDeliveryGap() *GapAt {
	return worst(p.Journey, content.Stage.DeliveryGap)
}

func worst(stages []content.Stage, gap func(content.Stage) int) *GapAt {
	var w *GapAt
	for _, s := range stages {
		if g := gap(s); g > 0 && (w == nil || g > w.Gap) {
			w = &GapAt{Stage: s.Stage, Gap: g}
		}
	}
	return w
}

// Quadrant names where the case's ratings put it on the service vs
// experience field, as a key of the UI strings ("" without both ratings).
func (p *Page) Quadrant() string {
	r := p.Ratings
	if r == nil || r.Service == nil || r.Experience == nil {
		return ""
	}
	switch goodService, goodExperience := *r.Service >= 5, *r.Experience >= 5; {
	case goodService && goodExperience:
		return "quadrant_both_good"
	case goodExperience:
		return "quadrant_experience_despite_service"
	case goodService:
		return "quadrant_service_not_enough"
	}
	return "quadrant_both_poor"
}

// Term is one tag or industry with the pages that carry it.
type Term struct {
	Taxonomy  string // "tags" or "industries"
	Name      string
	Slug      string
	URL       string
	ParentURL string // the taxonomy's index
	Pages     []*Page
}

// Folder is a folder of pages, listed on a page of its own: its pages,
// the folders in it, and its own text when it has one.
type Folder struct {
	Title   string // the folder's note's title, else its name as written
	URL     string
	Intro   template.HTML
	Pages   []*Page
	Folders []*Folder
	Listed  bool // its address is another list's (cases/), which lists its pages; it gets no page of its own
}

// NavLink is one entry of the site's navigation.
type NavLink struct {
	Title, URL string
}

// Alternate is a version of the current page in another language.
type Alternate struct {
	Lang string
	Name string
	URL  string
}

// View is the data one template execution sees: the page being written
// and the site around it. Its methods compute links relative to URL.
type View struct {
	Site        *Site
	Kind        string // home, case, framework, page, cases, frameworks, tags, tag, industries, industry, 404
	URL         string // this output's folder ("cases/x/"), or file for 404.html ("")
	Lang        string
	Title       string
	Description string
	Base        string // a <base href>, for pages served from any path (404)
	// RootRelative makes links start at the server's root ("/assets/..."):
	// the 404 page without a baseURL, which a host serves at any depth.
	RootRelative bool
	Image        string // the page's share image, site-relative ("cases/x/card.png"); "" for none
	Page         *Page
	Pages        []*Page
	Intro        template.HTML // the section's _index.md text
	Term         *Term
	Terms        []*Term
	Cases        []*Page
	Recent       []*Page
	Frameworks   []*Page
	Industries   []*Term // the language's industries and tags, on the home page and case index
	Tags         []*Term
	Alternates   []Alternate
	Graph        template.HTML // the library graph's SVG
	GraphShown   int           // how many cases and pages the graph shows, of
	GraphTotal   int           // how many there are
	Filter       string        // on an insights page, the URL of the share of the library shown
	Folder       *Folder       // on a folder's page, the folder; on a folder of notes' home page, the top folder
	Slides       bool          // on the print document (casebook pdf), a slide deck of Pages rather than their briefs
	Pairs        [][2]*Page    // on the compare picker, the pre-built pairs of cases
	langPrefix   string
}

// NewView starts a view of the output at url in lang; prefix is the
// language's folder ("" for the default language, "fi/" for Finnish).
func NewView(site *Site, kind, url, lang, prefix string) *View {
	return &View{Site: site, Kind: kind, URL: url, Lang: lang, langPrefix: prefix}
}

// Rel links from this page to target (a site-relative folder or file).
func (v *View) Rel(target string) string { return relFrom(v.URL, v.RootRelative, target) }

// relFrom links from the page at folder from to target, or from the
// server's root when rootRelative: what a View and a Frame link by.
func relFrom(from string, rootRelative bool, target string) string {
	if rootRelative {
		return "/" + target
	}
	return RelURL(from, target)
}

// LangURL is a folder of this view's language: "cases/" -> "fi/cases/".
func (v *View) LangURL(p string) string { return v.langPrefix + p }

// HomeURL is the home page of this view's language.
func (v *View) HomeURL() string { return v.langPrefix }

// FeedURL is the Atom feed of this view's language.
func (v *View) FeedURL() string { return v.langPrefix + "atom.xml" }

// Root is the site's root folder relative to this page: "../../", or ""
// on the home page.
func (v *View) Root() string { return strings.TrimSuffix(v.Rel(""), "index.html") }

// SearchURL is the search page (and index folder) of lang.
func (v *View) SearchURL(lang string) string { return searchURL(v.Site, lang) }

func searchURL(site *Site, lang string) string {
	if len(site.Languages) > 0 && lang != site.Languages[0] {
		return lang + "/search/"
	}
	return "search/"
}

// SearchIndexes maps each indexed language to its index folder, relative
// to this page, for the search client.
func (v *View) SearchIndexes() map[string]string {
	m := map[string]string{}
	for _, l := range v.Site.Indexed {
		m[l] = strings.TrimSuffix(v.Rel(v.SearchURL(l)), "index.html")
	}
	return m
}

// SearchLabels are the words the search page's facets show, in this view's
// language.
func (v *View) SearchLabels() map[string]string {
	m := map[string]string{"type": "search_type", "industry": "industry", "tag": "tag", "framework": "framework",
		"lang": "search_language", "case": "case", "page": "page"}
	for k, key := range m {
		m[k] = v.T(key)
	}
	for _, l := range v.Site.Indexed {
		m["lang:"+l] = LanguageName(l)
	}
	return m
}

// T is the interface text for key in this view's language.
func (v *View) T(key string) string { return Text(v.Lang, key) }

// Count is n and a noun, "cases_lower" or another key of the interface
// texts, which has its one-of form at the key with "_one" after it:
// "1 case", "2 cases". A noun without one (in a layout of the writer's)
// keeps its form.
func (v *View) Count(n int, noun string) string {
	if one := noun + "_one"; n == 1 && v.T(one) != one {
		return "1 " + v.T(one)
	}
	return strconv.Itoa(n) + " " + v.T(noun)
}

// LangName is a language's name in its own words.
func (v *View) LangName(lang string) string { return LanguageName(lang) }

// Date formats a date the way this view's language writes it.
func (v *View) Date(t time.Time) string {
	if v.Lang == "fi" {
		return t.Format("2.1.2006")
	}
	return t.Format("2 January 2006")
}

// Card is what a list shows of a page. It is flat, with every value
// ready to print, because lists hold thousands of cards and templates read
// a flat struct's fields far faster than fields promoted from embedded ones.
type Card struct {
	Title, Href, Summary, Industry string
	Tags, Frameworks               string // "|"-joined, for the case filter
	DateISO, DateText              string
	Draft                          string // the "Draft" badge's text, or ""
}

// Card makes p's card for this view.
func (v *View) Card(p *Page) Card {
	c := Card{Title: p.Title, Href: v.Rel(p.URL), Summary: p.Summary, Industry: p.Industry,
		Tags: strings.Join(p.Tags, "|"), Frameworks: strings.Join(p.FrameworkSlugs(), "|")}
	if !p.Date.IsZero() {
		c.DateISO, c.DateText = p.Date.Format("2006-01-02"), v.Date(p.Date)
	}
	if p.Draft {
		c.Draft = v.T("draft")
	}
	return c
}

// PageInView pairs a page with the view it is shown in, for partials that
// need to link from the current page.
type PageInView struct {
	*Page
	View *View
}

// With pairs p with this view.
func (v *View) With(p *Page) PageInView { return PageInView{Page: p, View: v} }

// TermsInView pairs terms with this view, for the "terms" partial.
type TermsInView struct {
	Terms  []*Term
	View   *View
	Counts bool
}

// WithTerms pairs terms with this view; WithCountedTerms also shows counts.
func (v *View) WithTerms(ts []*Term) TermsInView { return TermsInView{Terms: ts, View: v} }

func (v *View) WithCountedTerms(ts []*Term) TermsInView {
	return TermsInView{Terms: ts, View: v, Counts: true}
}
