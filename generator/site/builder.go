package site

import (
	"encoding/json"
	"maps"
	"slices"
	"sync"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/render"
)

// Builder builds one site again and again, as the preview does, redoing
// only what a change reaches: it parses only the files that changed,
// converts only their Markdown, and renders only the pages whose
// fingerprint (see render.Fingerprints) differs from the last good build.
// Links, lists and the search index are worked out whole each time, which
// keeps every build equal to a fresh one. A Builder is not safe for
// concurrent use.
type Builder struct {
	root  string
	opts  Options
	pages *content.Cache

	// Of the last build that got as far as converting:
	docs map[*content.Page]*markdown.Doc
	// Of the last good build:
	sources map[*content.Page]uint64 // front matter hashes, by page
	outputs map[string]kept          // by output name

	// Filled during a build:
	mu         sync.Mutex
	newSources map[*content.Page]uint64
	newOutputs map[string]kept
}

// kept is one output of the last good build.
type kept struct {
	sum  uint64
	data []byte
}

// NewBuilder prepares to build the site in root.
func NewBuilder(root string, opts Options) *Builder {
	return &Builder{root: root, opts: opts, pages: content.NewCache()}
}

// Build builds the site into out, reusing what it can of the last good
// build. Like Build, it writes nothing usable on errors; the next build
// then compares with the last good one.
func (r *Builder) Build(out Output) (Stats, diag.List) {
	r.newSources, r.newOutputs = map[*content.Page]uint64{}, map[string]kept{}
	b := &build{root: r.root, opts: r.opts, reuse: r}
	stats, errs := build1(b, out)
	if b.docs != nil {
		r.docs = b.docs
	}
	if !errs.HasErrors() {
		r.sources, r.outputs = r.newSources, r.newOutputs
	}
	r.newSources, r.newOutputs = nil, nil
	return stats, errs
}

// pageCache is the content cache of a Builder; nil for a one-off build.
func (r *Builder) pageCache() *content.Cache {
	if r == nil {
		return nil
	}
	return r.pages
}

// doc is the converted body of a page that did not change since the last
// build, or nil.
func (r *Builder) doc(p *content.Page) *markdown.Doc {
	if r == nil {
		return nil
	}
	return r.docs[p] // read-only during the build, so safe in parallel
}

// sourceHash hashes what a loaded page holds besides its body (which its
// rendered Content stands for): identity and front matter.
func (r *Builder) sourceHash(p *content.Page) uint64 {
	if sum, ok := r.sources[p]; ok {
		r.remember(func() { r.newSources[p] = sum })
		return sum
	}
	front := *p
	front.Body, front.FrameworkAt, front.BodyLine = nil, nil, 0
	data, _ := json.Marshal(front)
	sum := render.Hash(data)
	r.remember(func() { r.newSources[p] = sum })
	return sum
}

func (r *Builder) remember(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

// make returns an output's bytes: those of the last good build when its
// fingerprint is unchanged, else freshly made. rendered says which.
func (r *Builder) make(o output) (data []byte, rendered bool, err error) {
	if r == nil || o.fingerprint == nil {
		data, err = o.render()
		return data, o.html, err
	}
	sum := o.fingerprint()
	if k, ok := r.outputs[o.name]; ok && k.sum == sum {
		r.remember(func() { r.newOutputs[o.name] = k })
		return k.data, false, nil
	}
	data, err = o.render()
	if err == nil {
		r.remember(func() { r.newOutputs[o.name] = kept{sum: sum, data: data} })
	}
	return data, true, err
}

// views are every page view of a build, for fingerprinting.
func (b *build) allViews() []*render.Page {
	return slices.Collect(maps.Values(b.views))
}
