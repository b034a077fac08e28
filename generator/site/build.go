// Package site runs the pipeline that turns a site folder into output:
//
//  1. load:     read casebook.yaml and every page (content.Load)
//  2. convert:  render each body to HTML with link placeholders (markdown)
//  3. link:     resolve every link and frameworks entry, check anchors (link)
//  4. assemble: build the views: taxonomies, translations, framework cases
//  5. index:    build each language's search index and write it (search)
//  6. render:   fill the templates, in parallel (render)
//  7. write:    pages, assets, static files, feeds, data, to an Output
//
// Steps 1-3 report every error they find; nothing is written unless all
// of them pass.
package site

import (
	"fmt"
	"sync"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/parallel"
	"github.com/casebook-cx/casebook/generator/render"
)

// Options change what a build does.
type Options struct {
	Drafts  bool
	BaseURL string // replaces casebook.yaml's baseURL; checked with content.ParseBaseURL
	// NoCards leaves out the share images and the tags that name them. The
	// preview sets it: no link preview is ever drawn of a local address,
	// and at 10,000 cases the cards would cost the first build some 100 s
	// of CPU and keep 200 MB.
	NoCards  bool
	Progress func(done, total int) // called as pages render, from several goroutines
	// Prepared, if set, is called once the library is loaded, converted,
	// linked and assembled, before the search index and the rendering:
	// from there on the build holds little more than the library itself.
	Prepared func()
	// Overlay holds unsaved texts that stand for page files on disk, by
	// path relative to the site root (content/cases/x.md): an editor's
	// buffers, for the language server.
	Overlay map[string][]byte
	// Preview is the writer's own view (serve): confidential pages are
	// shown under a banner, and private: fields in a box, marked as not
	// published. No published build sets it.
	Preview bool
	// Confidential keeps pages marked confidential: true, for an internal
	// site (build --confidential). private: fields stay out even then.
	Confidential bool
	// Edition names the edition of casebook.yaml to build ("" for the
	// whole library less its confidential pages).
	Edition string
	// Print, if set, adds print/index.html: chosen cases as briefs or
	// slides, for casebook pdf.
	Print *Print
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // HTML pages written
	Files    int // every file written
	Rendered int // HTML pages whose template ran (fewer than Pages when a Rebuilder reused some)
	Phases   []Phase
	// BaseURL is the address the site was built for; "" when unknown,
	// which leaves out the sitemap and every link that must be absolute.
	BaseURL string
	// Sources maps each page's source file (content/cases/x.md) to its
	// folder in the output (cases/x/), for the preview to follow edits.
	Sources map[string]string
	// Printed are the cases print/index.html shows, and PrintPages the
	// pages it should print to, when Options.Print was set.
	Printed    []string
	PrintPages int
	PrintFile  string // the print document, relative to the output: print/index.html, fi/print/index.html
}

// Phase is how long one step of the pipeline took.
type Phase struct {
	Name     string
	Duration time.Duration
}

// timed runs one step of the pipeline and records its duration.
func (b *pass) timed(name string, step func()) {
	start := time.Now()
	step()
	b.phases = append(b.phases, Phase{Name: name, Duration: time.Since(start)})
}

// pass is the state of one run through the pipeline: load, convert,
// link, assemble, index, render and write. Build makes one and drops it;
// a Rebuilder keeps what it can of its last one.
type pass struct {
	root    string
	opts    Options
	lib     *content.Library
	tmpl    *render.Templates
	docs    map[*content.Page]*markdown.Doc
	views   map[*content.Page]*render.Page
	site    *render.Site
	langs   []*language
	linked  *linkState
	phases  []Phase
	outputs []output
	// tagPages are the addresses of the tag pages (see filler).
	tagPages map[string]bool
	// indexed are the search index files the index step wrote; files
	// planned later under the same names yield to them.
	indexed map[string]bool
	// leaks is the leak check of everything written, which the index step
	// and the writing share (see leakCheck).
	leaks     *leakCheck
	leaksOnce sync.Once
	// reuse is what a Rebuilder kept of its last build; nil in a one-off build.
	reuse *Rebuilder
	// fingerprints of the views, when reuse is set.
	prints *render.Fingerprints
	// leftOutStatic are the files under static/, by output name, that only
	// left-out pages name.
	leftOutStatic map[string]bool
	// publishing is set for a one-off build, which says nothing of pages
	// it leaves out as unpublished drafts (check and the preview do).
	publishing bool
	// checkOnly skips what only rendering needs (related cases), for
	// Rebuilder.Analyze.
	checkOnly bool
	// printed are the cases of the print document, and printPages how
	// many pages it prints to, when opts.Print is set.
	printed    []*render.Page
	printPages int
	printFile  string
}

// output is one file to write: a page to render, or bytes made directly.
type output struct {
	name   string
	render func() ([]byte, error)
	// renderThen, for a page, renders it into a reused buffer and hands
	// the bytes to use, which may not keep them.
	renderThen func(use func([]byte) error) error
	html       bool
	// view makes the view an HTML page renders.
	view func() *render.View
	// fingerprint, when set, hashes all render reads, so that a Rebuilder can
	// keep the bytes of its last build when it is unchanged.
	fingerprint func() uint64
	// builtin marks casebook's own files (default CSS and scripts, the
	// mermaid bundle), whose bytes the leak check need not read.
	builtin bool
}

// Check runs the pipeline, rendering into nothing, and reports what is
// wrong, and as warnings the pages nothing links to. It writes nothing.
func Check(root string, opts Options) diag.List {
	b := &pass{root: root, opts: opts}
	errs := b.prepare()
	if !errs.HasErrors() {
		errs.Append(b.checkRender())
	}
	if b.linked != nil {
		errs.Append(b.orphans())
	}
	b.place(errs)
	errs.Sort()
	return errs
}

// Build runs the whole pipeline into out. On errors it writes nothing
// (DiskOutput) or a partial set the caller discards (MemOutput).
func Build(root string, opts Options, out Output) (Stats, diag.List) {
	return (&pass{root: root, opts: opts, publishing: true}).run(out)
}

// run runs the whole pipeline into out.
func (b *pass) run(out Output) (Stats, diag.List) {
	errs := b.prepare()
	if errs.HasErrors() {
		b.place(errs)
		errs.Sort()
		return Stats{}, errs
	}
	if b.opts.Prepared != nil {
		b.opts.Prepared()
	}
	var ierr error
	b.timed("index", func() { ierr = b.index(out) })
	if ierr != nil {
		errs.Errorf(diag.Pos{Path: SearchDir}, "%v", ierr)
		errs.Sort()
		return Stats{}, errs
	}
	if b.reuse != nil {
		b.timed("fingerprint", func() {
			b.prints = render.NewFingerprints(b.site, b.tmpl.Fingerprint, b.allViews(), b.reuse.sourceHash)
		})
	}
	var stats Stats
	var werrs diag.List
	b.timed("render and write", func() { stats, werrs = b.write(out) })
	stats.Files += len(b.indexed)
	stats.Phases = b.phases
	stats.BaseURL = b.site.BaseURL
	for _, p := range b.printed {
		stats.Printed = append(stats.Printed, p.URL)
	}
	stats.PrintPages, stats.PrintFile = b.printPages, b.printFile
	stats.Sources = map[string]string{}
	for _, p := range b.lib.Pages {
		stats.Sources[p.File] = p.URL
	}
	errs.Append(werrs)
	errs.Sort()
	return stats, errs
}

// prepare runs load, convert, link and assemble. With errors, b is not
// fit for the later steps. Errors in some files do not stop the others
// from being converted and linked, so one run reports every problem of
// every file; only assembly waits for a clean library.
func (b *pass) prepare() diag.List {
	var errs diag.List
	b.timed("load", func() {
		b.lib, errs = content.Load(b.root, content.Options{Drafts: b.opts.Drafts, Cache: b.reuse.pageCache(), Overlay: b.opts.Overlay, BaseURL: b.opts.BaseURL,
			Confidential: b.opts.Confidential || b.opts.Preview, Edition: b.opts.Edition, QuietUnpublished: b.publishing})
		var terrs diag.List
		b.tmpl, terrs = render.LoadTemplates(b.root)
		errs.Append(terrs)
	})
	b.timed("convert", func() { errs.Append(b.convert()) })
	b.timed("link", func() { errs.Append(b.link()) })
	if errs.HasErrors() {
		return errs
	}
	b.timed("assemble", b.assemble)
	return errs
}

// convert renders every page body, in parallel; a Rebuilder's pages that did
// not change keep the Doc they had.
func (b *pass) convert() diag.List {
	conv := markdown.New(markdown.Options{Unsafe: b.lib.Config.Unsafe})
	docs := make([]*markdown.Doc, len(b.lib.Pages))
	lists := make([]diag.List, len(b.lib.Pages))
	parallel.For(len(b.lib.Pages), func(i int) {
		p := b.lib.Pages[i]
		if p.Kind == content.KindCase {
			// A brief lists the lessons; read them while the body is here,
			// since a build drops each body once it is converted.
			p.Lessons = p.LessonList()
		}
		if doc := b.reuse.doc(p); doc != nil {
			docs[i] = doc
			return
		}
		doc, err := conv.Convert(p.Body)
		if err != nil {
			lists[i].Errorf(diag.Pos{Path: p.File, Line: p.BodyLine, Col: 1}, "rendering Markdown: %v", err)
			return
		}
		docs[i] = doc
		addInlineTags(p, doc)
		if b.reuse == nil || b.opts.Preview {
			// The Doc has all later steps need. A Rebuilder keeps the page for
			// the next build, which reuses the Doc while the file is
			// unchanged; the language server's reads the Markdown again, the
			// preview's never does (Quick reads the file).
			p.Body = nil
		}
	})
	b.docs = make(map[*content.Page]*markdown.Doc, len(docs))
	var errs diag.List
	for i, p := range b.lib.Pages {
		errs.Append(lists[i])
		if docs[i] != nil {
			b.docs[p] = docs[i]
		}
	}
	return errs
}

// checkRender renders every output without keeping it, so check finds
// template errors too.
func (b *pass) checkRender() diag.List {
	var errs diag.List
	if err := b.index(discard{}); err != nil { // the search index is output too, and the leak check reads it
		errs.Errorf(diag.Pos{Path: SearchDir}, "%v", err)
		return errs
	}
	_, errs = b.write(discard{})
	return errs
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// write renders every output in parallel and hands it to out.
func (b *pass) write(out Output) (Stats, diag.List) {
	b.plan()
	if b.opts.Print != nil {
		if errs := b.planPrint(); errs.HasErrors() {
			return Stats{}, errs
		}
	}
	check := b.leakCheck()
	var (
		mu    sync.Mutex
		errs  diag.List
		stats Stats
		done  int
	)
	parallel.For(len(b.outputs), func(i int) {
		o := b.outputs[i]
		write := func(data []byte) error {
			check.scan(o, data)
			return out.WriteFile(o.name, data)
		}
		var rendered bool
		var err error
		if b.reuse == nil && o.renderThen != nil {
			// Nothing keeps a one-off build's pages: each is written from
			// a reused buffer.
			rendered, err = true, o.renderThen(write)
		} else {
			// A Keeper keeps unchanged pages without showing their bytes,
			// which a leak check must read each time: with one, nothing is
			// kept.
			var data []byte
			var stored bool
			data, rendered, stored, err = b.reuse.make(o, keeping(out, check))
			if err == nil && !stored {
				err = write(data)
			}
		}
		// A written output's plan is done with: its view, and what the
		// closures hold, go while the rest render. (The sitemap, made
		// meanwhile, reads only names.)
		b.outputs[i].render, b.outputs[i].renderThen, b.outputs[i].view, b.outputs[i].fingerprint = nil, nil, nil, nil
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			if list, ok := err.(diag.List); ok {
				errs.Append(list)
			} else {
				errs.Errorf(diag.Pos{Path: o.name}, "%v", err)
			}
			return
		}
		stats.Files++
		if o.html {
			stats.Pages++
			if rendered {
				stats.Rendered++
			}
		}
		done++
		if b.opts.Progress != nil {
			b.opts.Progress(done, len(b.outputs))
		}
	})
	errs.Append(check.errors())
	if check != nil {
		// Scanning runs inside the parallel writing; this is its share of
		// the CPU time, summed over every goroutine that scanned.
		b.phases = append(b.phases, Phase{Name: "leak check (cpu)", Duration: time.Duration(check.cpu.Load())})
	}
	return stats, errs
}

// keeping is out, hidden behind a plain Output when a leak check must
// read every file's bytes (see Keeper).
func keeping(out Output, check *leakCheck) Output {
	if k, ok := out.(Keeper); ok && check != nil {
		return plainOutput{k}
	}
	return out
}

// plainOutput is an Output that is not a Keeper.
type plainOutput struct{ out Output }

func (p plainOutput) WriteFile(name string, data []byte) error { return p.out.WriteFile(name, data) }

// Summary is the one line build prints when it is done.
func (s Stats) Summary(out string, seconds float64) string {
	return fmt.Sprintf("built %d pages (%d files) into %s in %.2fs", s.Pages, s.Files, out, seconds)
}
