package site

import (
	"html/template"
	"maps"
	"slices"
	"strconv"
	"sync"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/generator/search"
)

// Rebuilder builds one site again and again, as the preview does, redoing
// only what a change reaches: it parses only the files that changed,
// converts only their Markdown, and renders only the pages whose
// fingerprint (see render.Fingerprints) differs from the last good build.
// Links, lists and the search index are worked out whole each time, which
// keeps every build equal to a fresh one. A Rebuilder is not safe for
// concurrent use, but for Quick, which may run beside a Rebuild.
type Rebuilder struct {
	root  string
	opts  Options
	pages *content.Cache
	words *search.Cache

	// Of the last build that got as far as converting:
	docs map[*content.Page]*markdown.Doc
	// Of the last build that got as far as linking:
	related relatedMemo
	texts   map[*content.Page]filled
	// Of the last good build:
	sources map[*content.Page]uint64 // front matter hashes, by page
	outputs map[string]kept          // by output name
	lastMu  sync.Mutex               // Quick reads last while a Rebuild may run
	last    *pass                    // the whole build, which Quick renders against

	// Filled during a build:
	mu         sync.Mutex
	newSources map[*content.Page]uint64
	newOutputs map[string]kept
	newTexts   map[*content.Page]filled
}

// kept is one output of the last good build.
type kept struct {
	sum  uint64
	data []byte
}

// NewRebuilder prepares to build the site in root.
func NewRebuilder(root string, opts Options) *Rebuilder {
	return &Rebuilder{root: root, opts: opts, pages: content.NewCache(), words: search.NewCache()}
}

// Rebuild builds the site into out, reusing what it can of the last good
// build. Like Build, it writes nothing usable on errors; the next build
// then compares with the last good one.
func (r *Rebuilder) Rebuild(out Output) (Stats, diag.List) {
	r.newSources, r.newOutputs, r.newTexts = map[*content.Page]uint64{}, map[string]kept{}, map[*content.Page]filled{}
	b := &pass{root: r.root, opts: r.opts, reuse: r}
	stats, errs := b.run(out)
	if b.docs != nil {
		r.docs = b.docs
	}
	if b.views != nil {
		r.texts = r.newTexts
	}
	if !errs.HasErrors() {
		r.sources, r.outputs = r.newSources, r.newOutputs
		// Quick renders against the library, its views and links; what
		// only writing needed (every output's plan, with a view of each
		// comparison page, the fingerprints) would otherwise be held twice
		// through the next build. (The search index went to the output as
		// it was made.)
		b.outputs, b.prints = nil, nil
		r.lastMu.Lock()
		r.last = b
		r.lastMu.Unlock()
	}
	r.newSources, r.newOutputs, r.newTexts = nil, nil, nil
	return stats, errs
}

// pageCache is the content cache of a Rebuilder; nil for a one-off build.
func (r *Rebuilder) pageCache() *content.Cache {
	if r == nil {
		return nil
	}
	return r.pages
}

// searchIndex builds a language's search index, handing each file to put,
// in a Rebuilder counting the words of changed pages only.
func (r *Rebuilder) searchIndex(lang string, docs []search.Doc, put func(name string, data []byte) error) error {
	if r == nil {
		return search.Write(lang, docs, put)
	}
	return r.words.Write(lang, docs, put)
}

// doc is the converted body of a page that did not change since the last
// build, or nil.
func (r *Rebuilder) doc(p *content.Page) *markdown.Doc {
	if r == nil {
		return nil
	}
	return r.docs[p] // read-only during the build, so safe in parallel
}

// sourceHash hashes what a loaded page holds besides its body (which its
// rendered Content stands for): identity and front matter.
func (r *Rebuilder) sourceHash(p *content.Page) uint64 {
	if sum, ok := r.sources[p]; ok {
		r.remember(func() { r.newSources[p] = sum })
		return sum
	}
	sum := render.Source(p)
	r.remember(func() { r.newSources[p] = sum })
	return sum
}

func (r *Rebuilder) remember(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

// make returns an output's bytes: those of the last good build when its
// fingerprint is unchanged, else freshly made. rendered says which. An
// output that is a Keeper keeps the unchanged bytes itself; then make
// writes or keeps the page itself, stored is true, and the caller writes
// nothing.
func (r *Rebuilder) make(o output, out Output) (data []byte, rendered, stored bool, err error) {
	if r == nil || o.fingerprint == nil {
		data, err = o.render()
		return data, o.html, false, err
	}
	sum := o.fingerprint()
	if keeper, ok := out.(Keeper); ok {
		if keeper.Keep(o.name, sum) {
			return nil, false, true, nil
		}
		if data, err = o.render(); err == nil {
			err = keeper.WriteMade(o.name, data, sum)
		}
		return data, true, true, err
	}
	if k, ok := r.outputs[o.name]; ok && k.sum == sum {
		r.remember(func() { r.newOutputs[o.name] = k })
		return k.data, false, false, nil
	}
	data, err = o.render()
	if err == nil {
		r.remember(func() { r.newOutputs[o.name] = kept{sum: sum, data: data} })
	}
	return data, true, false, err
}

// views are every page view of a build, for fingerprinting.
func (b *pass) allViews() []*render.Page {
	return slices.Collect(maps.Values(b.views))
}

// relatedMemo is the related cases of a build, by file, with a hash of
// everything they were scored from. Scoring compares each case with every
// case sharing a trait, the costliest step of linking, while most edits
// change no case's traits.
type relatedMemo struct {
	inputs uint64
	byFile map[string][]relatedFile
}

type relatedFile struct {
	file  string
	score int
}

// relatedCases scores the related cases through the ranking rank gives,
// or, in a Rebuilder, reuses the last build's when nothing they depend on
// changed.
func (r *Rebuilder) relatedCases(rank func() *link.Ranking, cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *link.Graph) map[*content.Page][]link.Related {
	if r == nil {
		return rank().Related(g)
	}
	inputs := relatedInputs(cases, frameworks, g)
	if inputs == r.related.inputs && r.related.byFile != nil {
		byFile := make(map[string]*content.Page, len(cases))
		for _, c := range cases {
			byFile[c.File] = c
		}
		out := make(map[*content.Page][]link.Related, len(r.related.byFile))
		for file, rels := range r.related.byFile {
			for _, rel := range rels {
				out[byFile[file]] = append(out[byFile[file]], link.Related{Page: byFile[rel.file], Score: rel.score})
			}
		}
		return out
	}
	related := rank().Related(g)
	r.related = relatedMemo{inputs: inputs, byFile: make(map[string][]relatedFile, len(related))}
	for c, rels := range related {
		for _, rel := range rels {
			r.related.byFile[c.File] = append(r.related.byFile[c.File], relatedFile{rel.Page.File, rel.Score})
		}
	}
	return related
}

// relatedInputs hashes what link.RelatedCases reads of the cases.
func relatedInputs(cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *link.Graph) uint64 {
	var parts [][]byte
	str := func(ss ...string) {
		for _, s := range ss {
			parts = append(parts, []byte(s))
		}
	}
	for _, c := range cases {
		str("case", c.File, c.Lang, c.Title, c.Date.String(), c.Industry)
		str(c.Tags...)
		for _, f := range frameworks[c] {
			str("f", f.File)
		}
		for _, to := range g.Links(c) {
			str("l", to.File)
		}
	}
	return render.Hash(parts...)
}

// filled is a page's HTML with its links filled in, and its summary.
type filled struct {
	links   uint64 // hash of where the links went, see linkTargets
	content template.HTML
	summary string
}

// filledText returns a page's filled text: the last build's if the page
// did not change and its links lead to the same places under the same
// titles, else fill's. A page that shows another page's text is filled
// every time, as that text may have changed.
func (r *Rebuilder) filledText(p *content.Page, doc *markdown.Doc, links []link.Target, fill func() filled) filled {
	if r == nil {
		return fill()
	}
	sum := linkTargets(links)
	f, ok := r.texts[p] // read-only during the build
	if !ok || f.links != sum || showsPages(doc, links) {
		f = fill()
		f.links = sum
	}
	r.remember(func() { r.newTexts[p] = f })
	return f
}

// linkTargets hashes what filling in links reads of the pages they lead to.
func linkTargets(links []link.Target) uint64 {
	parts := make([][]byte, 0, 4*len(links))
	for _, l := range links {
		parts = append(parts, []byte(l.File), []byte(l.Anchor), []byte(l.Tag), []byte(strconv.FormatBool(l.Missing)))
		if l.Page != nil {
			parts = append(parts, []byte(l.Page.URL), []byte(l.Page.Title))
		} else {
			parts = append(parts, nil, nil)
		}
	}
	return render.Hash(parts...)
}

// showsPages reports whether a page shows the text of another.
func showsPages(doc *markdown.Doc, links []link.Target) bool {
	for i, l := range doc.Links {
		if showsPage(l, links[i]) {
			return true
		}
	}
	return false
}
