package site

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/parallel"
)

// linkState is the outcome of the link phase, kept for assembly.
type linkState struct {
	resolver   *link.Resolver
	links      map[*content.Page][]link.Target
	embedded   map[*content.Page]bool            // pages whose text other pages show
	frameworks map[*content.Page][]*content.Page // a case's resolved frameworks entries
	graph      *link.Graph
	related    map[*content.Page][]link.Related
}

// relatedLimit is how many related cases a case shows.
const relatedLimit = 5

// link resolves every link of every page and every frameworks entry, and
// reports each that names nothing, names several pages, or names a
// missing heading, at the position of the link itself.
func (b *pass) link() diag.List {
	r := link.NewResolver(append(slices.Clip(b.lib.Pages), b.lib.Unloaded...), b.lib.Config)
	r.AddFiles(b.lib.Files)
	r.AddLeftOut(b.lib.LeftOut)
	r.AddUnpublished(b.lib.Unpublished)
	for p, doc := range b.docs {
		ids := make([]string, 0, len(doc.Headings)+len(doc.Blocks))
		for _, h := range doc.Headings {
			ids = append(ids, h.ID)
		}
		for _, bl := range doc.Blocks {
			ids = append(ids, bl.ID)
		}
		r.SetAnchors(p, ids)
	}
	pages := b.lib.Pages
	results := make([][]link.Target, len(pages))
	fws := make([][]*content.Page, len(pages))
	lists := make([]diag.List, len(pages))
	parallel.For(len(pages), func(i int) {
		p, doc := pages[i], b.docs[pages[i]]
		if doc == nil {
			return
		}
		results[i] = resolveLinks(r, b.lib.Config, p, doc, &lists[i])
		for j, name := range p.Frameworks {
			fw, err := r.Framework(p, name)
			if err != nil {
				lists[i].Add(unknownFramework(r, p, j, err))
				continue
			}
			if r.LeftOut(fw) {
				lists[i].Add(leftOutFramework(p, j, fw))
				continue
			}
			fws[i] = append(fws[i], fw)
		}
	})
	b.linked = &linkState{resolver: r, links: map[*content.Page][]link.Target{}, frameworks: map[*content.Page][]*content.Page{}}
	var errs diag.List
	for i, p := range pages {
		errs.Append(lists[i])
		b.linked.links[p] = results[i]
		b.linked.frameworks[p] = fws[i]
	}
	var cases []*content.Page
	for _, p := range pages {
		if p.Kind == content.KindCase {
			cases = append(cases, p)
		}
	}
	rank := func() *link.Ranking { return link.NewRanking(cases, b.linked.frameworks, relatedLimit) }
	if !b.checkOnly && b.reuse == nil {
		// Most of the work of finding related cases needs no links: a
		// one-off build does it while it builds the graph. (A Rebuilder
		// often needs none of it: see relatedCases.)
		ready, prepare := make(chan *link.Ranking, 1), rank
		go func() { ready <- prepare() }()
		rank = func() *link.Ranking { return <-ready }
	}
	var eerrs diag.List
	b.linked.embedded, eerrs = checkEmbeds(pages, b.docs, b.linked.links)
	errs.Append(eerrs)
	b.linked.graph = link.GraphOf(pages, b.docs, b.linked.links)
	b.dropLeftOutFiles(r)
	if !b.checkOnly {
		b.linked.related = b.reuse.relatedCases(rank, cases, b.linked.frameworks, b.linked.graph)
	}
	return errs
}

// orphans warns about pages no other page links to or lists among its
// frameworks.
func (b *pass) orphans() diag.List {
	var warnings diag.List
	for _, p := range link.Orphans(b.lib.Pages, b.linked.graph, b.linked.frameworks) {
		// Spans the opening --- (every page starts with it), so that
		// placing the warning needs no read of the file.
		warnings.Add(diag.Diagnostic{Pos: diag.Pos{Path: p.File, Line: 1, Col: 1}, Severity: diag.Warning, Rule: "orphan", Message: "no page links to this one"}.Span(3))
	}
	return warnings
}

// resolveLinks resolves one page's links. A link to a page or file that
// does not exist is an error, or a warning that shows it as text where
// the config says so (in a folder of notes, by default); so is a missing
// heading there, and the link goes to the page's top.
func resolveLinks(r *link.Resolver, cfg *content.Config, p *content.Page, doc *markdown.Doc, errs *diag.List) []link.Target {
	warn := cfg.MissingLinks == "warn"
	out := make([]link.Target, len(doc.Links))
	for i, l := range doc.Links {
		pos := diag.Pos{Path: p.File, Line: p.BodyLine + l.Line - 1, Col: l.Col}
		var to *content.Page
		var err error
		switch {
		case l.Kind == markdown.LinkTag:
			out[i] = link.Target{Tag: tagURL(cfg, p, l.Target), Missing: content.Slugify(l.Target) == ""}
			continue
		case l.Kind == markdown.LinkWiki && link.IsFile(l.Target):
			out[i].File, err = r.Attachment(p, l.Target)
		case l.Kind == markdown.LinkWiki:
			to, err = r.Wikilink(p, l.Target)
		case l.Kind == markdown.LinkPage:
			to, err = r.File(p, l.Target)
		case l.Kind == markdown.LinkFile:
			out[i].File, err = r.Attachment(p, l.Target)
			if err != nil && cfg.Notes() && !strings.Contains(path.Base(l.Target), ".") {
				to, err = r.File(p, l.Target+".md") // Obsidian's Markdown links may leave out .md
			}
		}
		if err != nil {
			var m *link.Missing
			if warn && errors.As(err, &m) {
				note := "it shows as text until the page or file exists"
				var unpublished *link.Unpublished
				if errors.As(err, &unpublished) {
					note = "it shows as text" // the page exists
				}
				errs.Add(brokenLink(r, p, l, nil, pos, err, diag.Warning, note))
				out[i] = link.Target{Missing: true}
				continue
			}
			errs.Add(brokenLink(r, p, l, nil, pos, err, diag.Error, ""))
			continue
		}
		if out[i].File != "" {
			continue
		}
		if r.LeftOut(to) {
			errs.Add(leftOutLink(to, pos))
			continue
		}
		anchorID := ""
		if l.Anchor != "" {
			if anchorID, err = anchorOn(r, to, l.Anchor); err != nil && warn {
				errs.Add(brokenLink(r, p, l, to, pos, err, diag.Warning, "it leads to the top of the page"))
			} else if err != nil {
				errs.Add(brokenLink(r, p, l, to, pos, err, diag.Error, ""))
				continue
			}
		}
		out[i] = link.Target{Page: to, Anchor: anchorID}
	}
	return out
}

// tagURL is the page of a tag, in the language of page p.
func tagURL(cfg *content.Config, p *content.Page, tag string) string {
	prefix := ""
	if p.Lang != cfg.DefaultLanguage() {
		prefix = p.Lang + "/"
	}
	return prefix + "tags/" + content.Slugify(tag) + "/"
}

// addInlineTags adds the #tags of a page's text to its tags, so that the
// tag pages list it, as Obsidian lists a note under the tags it mentions.
func addInlineTags(p *content.Page, doc *markdown.Doc) {
	for _, l := range doc.Links {
		if l.Kind != markdown.LinkTag {
			continue
		}
		slug := content.Slugify(l.Target)
		if slug != "" && !slices.ContainsFunc(p.Tags, func(t string) bool { return content.Slugify(t) == slug }) {
			p.Tags = append(p.Tags, l.Target)
		}
	}
}

// anchorOn finds the heading an anchor names on page to: by its id as
// written, or by the id its text would get.
func anchorOn(r *link.Resolver, to *content.Page, anchor string) (string, error) {
	if !r.KnowsHeadings(to) {
		return markdown.AnchorID(anchor), nil // a page that failed to load: its own errors say so
	}
	for _, id := range []string{anchor, markdown.AnchorID(anchor)} {
		if r.HasAnchor(to, id) {
			return id, nil
		}
	}
	if id, ok := strings.CutPrefix(anchor, "^"); ok {
		return "", fmt.Errorf("%s has no block ^%s (a paragraph ending in ^%s)", to.File, id, id)
	}
	return "", fmt.Errorf("%s has no heading %q", to.File, anchor)
}

// describeLink writes a link back the way the writer typed it.
func describeLink(l markdown.Link) string {
	s := l.Target
	if l.Anchor != "" {
		s += "#" + l.Anchor
	}
	if l.Kind != markdown.LinkWiki {
		return "link to " + s
	}
	if l.Label != "" {
		s += "|" + l.Label
	}
	if l.Embed {
		return "![[" + s + "]]"
	}
	return "[[" + s + "]]"
}

// rootPath finds the site-root paths (src="/img/x.png") a body's HTML
// names: files under static/, which is copied to the output's root.
var rootPath = regexp.MustCompile(`(?:src|href)="/([^"?#/][^"?#]*)`)

// dropLeftOutFiles leaves out the files beside pages that only left-out
// pages use: those in a left-out page's bundle folder and those its links
// and embeds name, unless a published page links to them too. A picture
// of a confidential case is as confidential as its text, and its path
// would name the case.
func (b *pass) dropLeftOutFiles(r *link.Resolver) {
	if len(b.lib.LeftOut) == 0 {
		return
	}
	used := map[string]bool{}
	usedStatic := map[string]bool{}
	for _, p := range b.lib.Pages {
		for _, to := range b.linked.links[p] {
			if to.File != "" {
				used[to.File] = true
			}
		}
		if doc := b.docs[p]; doc != nil {
			for _, m := range rootPath.FindAllSubmatch(doc.HTML, -1) {
				usedStatic[string(m[1])] = true
			}
		}
	}
	drop := map[string]bool{}
	b.leftOutStatic = map[string]bool{}
	conv := markdown.New(markdown.Options{Unsafe: b.lib.Config.Unsafe})
	for _, p := range b.lib.LeftOut {
		if p.Bundle != "" {
			for _, f := range b.lib.Files {
				if strings.HasPrefix(f, p.Bundle+"/") {
					drop[f] = true
				}
			}
		}
		doc, err := conv.Convert(p.Body)
		if err != nil {
			continue
		}
		for _, m := range rootPath.FindAllSubmatch(doc.HTML, -1) {
			if !usedStatic[string(m[1])] {
				b.leftOutStatic[string(m[1])] = true
			}
		}
		for _, l := range doc.Links {
			if l.Kind == markdown.LinkFile || l.Kind == markdown.LinkWiki && link.IsFile(l.Target) {
				if f, err := r.Attachment(p, l.Target); err == nil {
					drop[f] = true
				}
			}
		}
	}
	b.lib.Files = slices.DeleteFunc(slices.Clone(b.lib.Files), func(f string) bool { return drop[f] && !used[f] })
}
