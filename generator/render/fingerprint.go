package render

import (
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/parallel"
)

// Fingerprints let a rebuild render again only the outputs a change can
// reach. An output's fingerprint hashes everything its template can read:
// the view's own fields, the page it shows with all the build worked out
// about it, and a card of every page it lists or links to (the page's
// front matter, summary, terms and translations). Two builds that
// give an output the same fingerprint give it the same bytes, as long as
// templates reach no further than one page away from the one they show;
// the built-in ones do not.
type Fingerprints struct {
	templates func(name string) uint64
	site      uint64
	cards     map[*Page]uint64
}

// seed makes fingerprints comparable within one process, which is as long
// as a preview's builds need to compare them.
var seed = maphash.MakeSeed()

// NewFingerprints prepares to fingerprint views of pages. templates hashes
// what the output of a page template depends on (Templates.Fingerprint);
// source hashes a loaded page's identity and front matter.
func NewFingerprints(site *Site, templates func(string) uint64, pages []*Page, source func(*content.Page) uint64) *Fingerprints {
	var h hasher
	h.str(site.Title, site.Description, site.BaseURL)
	h.strs(site.Languages)
	h.strs(site.Indexed)
	h.str(toJSONOrEmpty(site.Params))
	h.num(uint64(len(site.Sections)))
	for _, s := range site.Sections {
		h.str(s.Title, s.URL)
	}
	h.num(boolNum(site.Notes), boolNum(site.HasCases))
	f := &Fingerprints{templates: templates, site: h.sum(), cards: make(map[*Page]uint64, len(pages))}
	// First what a card shows of a page it names, once for each page,
	// then the cards, which name many (a framework's card, its cases).
	sums := make([]uint64, len(pages))
	parallel.For(len(pages), func(i int) { sums[i] = name(pages[i]) })
	names := make(map[*Page]uint64, len(pages))
	for i, p := range pages {
		names[p] = sums[i]
	}
	parallel.For(len(pages), func(i int) { sums[i] = card(pages[i], source, names) })
	for i, p := range pages {
		f.cards[p] = sums[i]
	}
	return f
}

// name hashes what a card shows of a page it names: title, address,
// slug, kind and language.
func name(p *Page) uint64 {
	var h hasher
	h.str(p.Lang, p.URL, p.Title, p.Slug, string(p.Kind))
	return h.sum()
}

// card hashes what other pages may show of p: everything but its body,
// which only its own page shows.
func card(p *Page, source func(*content.Page) uint64, names map[*Page]uint64) uint64 {
	var h hasher
	h.num(source(p.Page))
	h.str(p.Summary)
	terms(&h, p.TagTerms)
	if t := p.IndustryTerm; t != nil {
		term(&h, t)
	}
	// A card may name the pages it links to (a case its frameworks; the
	// graph page each framework's cases), by title.
	for _, list := range [][]*Page{p.FrameworkPages, p.Translations, p.Cases, p.Neighbours} {
		h.num(uint64(len(list)))
		for _, t := range list {
			if sum, ok := names[t]; ok {
				h.num(sum)
			} else { // a page outside the build's views
				h.num(name(t))
			}
		}
	}
	return h.sum()
}

// View fingerprints the output of template tmpl filled with v.
func (f *Fingerprints) View(tmpl string, v *View) uint64 {
	var h hasher
	h.num(f.site, f.templates(tmpl))
	h.str(tmpl, v.Kind, v.URL, v.Lang, v.langPrefix, v.Title, v.Description, v.Base, v.Image, strconv.FormatBool(v.RootRelative), string(v.Intro), string(v.Graph), v.Filter)
	h.num(uint64(v.GraphShown), uint64(v.GraphTotal), boolNum(v.Slides))
	switch {
	case v.Kind == "brief":
		// A brief shows only the case's front matter (its lessons included,
		// read from the body into Page.Lessons by the build), so its card
		// is all it depends on: a change to the story's wording keeps it.
		h.num(f.cards[v.Page])
	case v.Page != nil:
		f.page(&h, v.Page)
	}
	for _, list := range [][]*Page{v.Pages, v.Cases, v.Recent, v.Frameworks} {
		f.list(&h, list)
	}
	if v.Term != nil {
		term(&h, v.Term)
		f.list(&h, v.Term.Pages)
	}
	for _, list := range [][]*Term{v.Terms, v.Industries, v.Tags} {
		terms(&h, list)
	}
	for _, a := range v.Alternates {
		h.str(a.Lang, a.Name, a.URL)
	}
	if v.Folder != nil {
		f.folder(&h, v.Folder)
	}
	h.num(uint64(len(v.Pairs)))
	for _, p := range v.Pairs {
		f.list(&h, p[:])
	}
	return h.sum()
}

// folder hashes what a folder's page shows: its text, pages and folders.
func (f *Fingerprints) folder(h *hasher, folder *Folder) {
	h.str(folder.Title, folder.URL, string(folder.Intro))
	f.list(h, folder.Pages)
	h.num(uint64(len(folder.Folders)))
	for _, sub := range folder.Folders {
		h.str(sub.Title, sub.URL)
		h.num(uint64(len(sub.Pages)), uint64(len(sub.Folders)))
	}
}

// Lists fingerprints an output made from the cards of lists of pages (the
// library's JSON), and the site; name tells outputs apart.
func (f *Fingerprints) Lists(name string, lists ...[]*Page) uint64 {
	var h hasher
	h.num(f.site)
	h.str(name)
	for _, l := range lists {
		f.list(&h, l)
	}
	return h.sum()
}

// page hashes the page an output shows: its card, and the cards of the
// pages it shows around it.
func (f *Fingerprints) page(h *hasher, p *Page) {
	h.num(f.cards[p])
	h.str(string(p.Content)) // its local graph is drawn from its neighbours' cards
	h.num(boolNum(p.Mermaid))
	if u := p.Unpublished; u != nil {
		h.num(1, boolNum(u.Confidential), uint64(len(u.Private)))
		for _, n := range u.Private {
			h.str(n.Key, n.Value)
		}
	}
	for _, list := range [][]*Page{p.FrameworkPages, p.Cases, p.Translations, p.Related, p.Neighbours} {
		f.list(h, list)
	}
	h.num(uint64(len(p.Backlinks)))
	for _, b := range p.Backlinks {
		h.num(f.cards[b.From], uint64(len(b.Mentions)))
		for _, m := range b.Mentions {
			h.str(m.ID, m.Before, m.Text, m.After)
		}
	}
	for _, href := range slices.Sorted(maps.Keys(p.Previews)) {
		pv := p.Previews[href]
		h.str(href, pv.Title, pv.Summary, pv.Kind)
	}
}

func (f *Fingerprints) list(h *hasher, pages []*Page) {
	h.num(uint64(len(pages)))
	for _, p := range pages {
		h.num(f.cards[p])
	}
}

func terms(h *hasher, ts []*Term) {
	h.num(uint64(len(ts)))
	for _, t := range ts {
		term(h, t)
	}
}

// term hashes what a list of terms shows of one: its name, place and count.
func term(h *hasher, t *Term) {
	h.str(t.Taxonomy, t.Name, t.Slug, t.URL, t.ParentURL)
	h.num(uint64(len(t.Pages)))
}

func boolNum(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func toJSONOrEmpty(v any) string {
	s, _ := toJSON(v)
	return s
}

// hasher writes values with their lengths, so that ("ab", "c") and
// ("a", "bc") hash apart.
type hasher struct {
	h    maphash.Hash
	init bool
}

func (h *hasher) start() {
	if !h.init {
		h.h.SetSeed(seed)
		h.init = true
	}
}

func (h *hasher) num(ns ...uint64) {
	h.start()
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		h.h.Write(b[:])
	}
}

func (h *hasher) str(ss ...string) {
	for _, s := range ss {
		h.num(uint64(len(s)))
		h.h.WriteString(s)
	}
}

func (h *hasher) strs(ss []string) {
	h.num(uint64(len(ss)))
	h.str(ss...)
}

func (h *hasher) sum() uint64 {
	h.start()
	return h.h.Sum64()
}

// Source hashes what a loaded page holds besides its body, which its
// converted Content stands for: every field, found by encoding the page
// whole, so that a field added to content.Page is hashed without being
// named here. Only positions kept for messages are left out.
func Source(p *content.Page) uint64 {
	front := *p
	front.Body, front.FrameworkAt, front.TitleAt, front.BodyLine = nil, nil, diag.Pos{}, 0
	data, err := json.Marshal(front)
	if err != nil {
		// A value JSON cannot hold (in Params): a number never given
		// before, so that the page's outputs are made again, not reused.
		return Hash(strconv.AppendUint([]byte("unencodable "), unmatched.Add(1), 10))
	}
	return Hash(data)
}

var unmatched atomic.Uint64

// Hash fingerprints byte slices, for what a build hashes outside views
// (templates, a loaded page's front matter).
func Hash(parts ...[]byte) uint64 {
	var h hasher
	for _, p := range parts {
		h.num(uint64(len(p)))
		h.h.Write(p)
	}
	return h.sum()
}
