// Package markdown turns a page body into HTML. It is the only package that
// imports goldmark and chroma, so a change of either touches this folder
// alone.
//
// Rendering happens before the link phase: a link's address and (for
// [[slug]]) its text are not known until every page is loaded, so Convert
// writes placeholders and records each link in Doc.Links; Doc.Fill writes
// the resolved values in later. Every page is parsed exactly once.
package markdown

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	Unsafe bool // pass raw HTML through; by default it is escaped and shown as text
}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// Doc is one rendered body.
type Doc struct {
	HTML     []byte // with link placeholders; see Fill
	Headings []Heading
	Links    []Link
	Lead     string // the first paragraph as plain text, for a page without a summary
	Text     string // every block's plain text but code, one a line, for search; math as its TeX
	Blocks   []Block
	// Mermaid is set when the body has a mermaid diagram, so that its page
	// (and only its page) loads the script that draws it.
	Mermaid bool

	out           *bytes.Buffer    // while rendering: what is written so far, for offsetNode
	headingStarts map[ast.Node]int // while rendering: where each heading starts in the HTML
}

// Heading is one heading of the body, with the id its anchor uses.
type Heading struct {
	Level int
	ID    string
	Text  string
	Start int // where it starts in Doc.HTML
}

// LinkKind says how a link names its target.
type LinkKind int

const (
	LinkWiki LinkKind = iota // [[target#anchor|label]]
	LinkPage                 // [text](../frameworks/x.md#anchor) or [text](#anchor)
	LinkFile                 // [text](photo.png), ![alt](photo.png): a file beside the page
	LinkTag                  // #tag or #nested/tag in the text: Target is the tag as written, without '#'
)

// Link is one internal link: a wikilink, a Markdown link to a .md file or
// an #anchor on the same page, or a link or image naming a file by a
// relative path.
type Link struct {
	Kind   LinkKind
	Target string // a slug, title, alias or path for wikilinks; a relative file path otherwise; "" for the same page
	Anchor string
	Label  string // a wikilink's text after | ("" means the target's title); a Markdown link's text
	Offset int    // byte offset of the link in the body
	// Line and Col are where the link stands in the body (1-based), so
	// that the body need not be kept for an error's position.
	Line, Col int
	// Before and After are the rest of the sentence the link stands in, as
	// plain text, for backlinks that show a link in its context.
	Before, After string
	// Embed marks ![[target]]: the target is shown in place (a picture, a
	// player, another page's text) rather than linked. Width and Height
	// are its size in pixels when written, as ![[photo.png|300x200]].
	Embed         bool
	Width, Height int
	// Block marks an embed that stands alone in its paragraph, so that
	// what it shows may be a block (another page's text) and not only
	// inline content.
	Block bool
}

// RefID is the id of the element of link i in the rendered HTML, so a
// backlink can point at the very spot that links.
func RefID(i int) string { return "ref-" + strconv.Itoa(i) }

// New makes a Converter.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(
			util.Prioritized(&nodeRenderer{unsafe: opts.Unsafe}, 100),
			util.Prioritized(calloutRenderer{}, 100),
			util.Prioritized(highlightRenderer{}, 100),
			util.Prioritized(hashtagRenderer{}, 100),
			util.Prioritized(mathRenderer{}, 100),
			util.Prioritized(newTableBox(), 100),
		),
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, gmhtml.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(
				util.Prioritized(wikilinkParser{}, 150),
				util.Prioritized(mathParser{}, 150),
				util.Prioritized(hashtagParser{}, 600),
				util.Prioritized(highlightParser{}, 600),
			),
			parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, 650)),
			parser.WithParagraphTransformers(util.Prioritized(calloutTitler{}, 200)),
			parser.WithASTTransformers(
				util.Prioritized(linkCollector{}, 100),
				util.Prioritized(hashtagRecorder{}, 110),
				util.Prioritized(calloutMaker{}, 120),
				util.Prioritized(anchorsTransformer{}, 200),
			),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md}
}

var docKey = parser.NewContextKey()

func docFrom(pc parser.Context) *Doc {
	d, _ := pc.Get(docKey).(*Doc)
	return d
}

// Text is what a wikilink reads as in plain text before it is resolved:
// its label, else what it names.
func (l Link) Text() string {
	if l.Label != "" {
		return l.Label
	}
	if l.Target == "" {
		return l.Anchor
	}
	return l.Target
}

// Convert renders src. It does not fail on any input: Markdown has no
// syntax errors, and links are checked later against the whole site.
func (c *Converter) Convert(src []byte) (*Doc, error) {
	src = noNUL(src)
	doc := &Doc{}
	// Comments go first, so nothing below ever reads them; body is what
	// is parsed, and removed maps its offsets back to src.
	body, removed := stripComments(src)
	pc := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	pc.Set(docKey, doc)
	root := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	doc.out = buf
	err := c.md.Renderer().Render(buf, body, root)
	doc.out = nil
	if err != nil {
		return nil, err
	}
	doc.HTML = bytes.Clone(buf.Bytes()) // exactly its size: a library holds every page's HTML at once
	collectText(doc, root, body)
	doc.headingStarts = nil
	if len(doc.Links) > 0 {
		lines := diag.NewLineIndex(src)
		for i := range doc.Links {
			doc.Links[i].Offset = removed.source(doc.Links[i].Offset)
			doc.Links[i].Line, doc.Links[i].Col = lines.Position(doc.Links[i].Offset)
		}
	}
	return doc, nil
}

// buffers are the buffers Convert renders into, reused.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Value is what one link shows once the link phase resolved it.
type Value struct {
	Href string // the address, for a link
	Text string // the text, for a link
	HTML []byte // for an embed: the HTML that stands in its place, written as it is
	// Missing marks a link to a page not written yet: it shows as text,
	// without an address, as Obsidian shows it.
	Missing bool
}

// Fill returns the HTML with every mark replaced by resolve's value for
// its link: the address and text HTML-escaped, an embed's HTML as it is.
func (d *Doc) Fill(resolve func(i int) Value) []byte {
	return fillMarks(d.HTML, len(d.Links), resolve)
}

// FillRange is Fill for the part of the HTML between two offsets, such as
// a Section.
func (d *Doc) FillRange(start, end int, resolve func(i int) Value) []byte {
	return fillMarks(d.HTML[start:end], len(d.Links), resolve)
}

// LinksIn lists the links whose marks stand in the HTML between two
// offsets (a Section), in order; a link's marks next to each other (its
// address and its text) give it once.
func (d *Doc) LinksIn(start, end int) []int {
	var in []int
	src := d.HTML[start:end]
	for {
		_, next, _, i, found, complete := nextMark(src)
		if !found {
			return in
		}
		if complete && (len(in) == 0 || in[len(in)-1] != i) {
			in = append(in, i)
		}
		src = src[next:]
	}
}

func fillMarks(src []byte, links int, resolve func(i int) Value) []byte {
	if !hasMark(src) {
		return src
	}
	out := make([]byte, 0, len(src)+links*32)
	for {
		start, end, kind, i, found, complete := nextMark(src)
		if !found {
			return append(out, src...)
		}
		out = append(out, src[:start]...)
		if complete {
			v := resolve(i)
			switch kind {
			case markHref:
				if !v.Missing {
					out = append(out, ` href="`...)
					out = append(out, html.EscapeString(v.Href)...)
					out = append(out, '"')
				}
			case markSrc:
				out = append(out, html.EscapeString(v.Href)...)
			case markText:
				out = append(out, html.EscapeString(v.Text)...)
			case markEmbed:
				out = append(out, v.HTML...)
			}
		}
		src = src[end:]
	}
}

// FillText replaces the text marks of links in plain text taken from the
// document (Lead, Text, Heading.Text, Link.Before and After) with
// text(i). A mark cut in half at the edge of a context is dropped, and so
// is an embed's.
func FillText(s string, text func(i int) string) string {
	if !hasMark(s) {
		return s
	}
	var b strings.Builder
	for {
		start, end, kind, i, found, complete := nextMark(s)
		if !found {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:start])
		if complete && kind == markText {
			b.WriteString(text(i))
		}
		s = s[end:]
	}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// internalTarget classifies a Markdown link destination: another page's
// source (x.md, ../frameworks/y.md#anchor), an anchor on this page
// (#anchor), or a file by relative path (photo.png). Web addresses and
// absolute paths are left alone (ok is false).
func internalTarget(dest string) (target, anchor string, kind LinkKind, ok bool) {
	if dest == "" || scheme.MatchString(dest) || strings.HasPrefix(dest, "/") {
		return "", "", 0, false
	}
	p, anchor, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	if unescaped, err := url.PathUnescape(p); err == nil && !strings.ContainsFunc(unescaped, unicode.IsControl) {
		p = unescaped // a path with spaces, as %20; never a control character, which no file name holds
	}
	switch {
	case p == "" && anchor == "":
		return "", "", 0, false
	case p == "" || strings.HasSuffix(p, ".md"):
		return p, anchor, LinkPage, true
	}
	return p, "", LinkFile, true
}

// linkCollector records internal Markdown links and images, and replaces
// their destination with a mark the renderers turn into a placeholder.
type linkCollector struct{}

func (linkCollector) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc := docFrom(pc)
	src := reader.Source()
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch n := n.(type) {
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest = &n.Destination
		default:
			return ast.WalkContinue, nil
		}
		target, anchor, kind, ok := internalTarget(string(*dest))
		if !ok {
			return ast.WalkContinue, nil
		}
		doc.Links = append(doc.Links, Link{Kind: kind, Target: target, Anchor: anchor, Offset: linkOffset(n, src)})
		*dest = destMark(len(doc.Links) - 1)
		return ast.WalkContinue, nil
	})
}

// linkOffset estimates where a Markdown link starts: goldmark keeps no
// position for links, so use its first text, less the opening bracket.
func linkOffset(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// collectText records the headings, for anchors; the first paragraph as
// plain text, for a page without a summary; the sentence around each
// link, for backlinks; and all the text, for search.
func collectText(doc *Doc, root ast.Node, src []byte) {
	var all strings.Builder
	defer func() { doc.Text = all.String() }()
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *mathBlock:
			all.Write(n.TeX(src))
			all.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			if isMermaid(n, src) {
				doc.Mermaid = true
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() != ast.TypeBlock || n.FirstChild() == nil || n.FirstChild().Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		text, spans := doc.inlineText(n, src)
		all.WriteString(text)
		all.WriteString(textEnd(n))
		for _, sp := range spans {
			doc.Links[sp.link].Before, doc.Links[sp.link].After = sentenceAround(text, sp.start, sp.end)
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idText, _ := id.([]byte)
			doc.Headings = append(doc.Headings, Heading{Level: n.Level, ID: string(idText), Text: text, Start: doc.headingStarts[n]})
		case *ast.Paragraph:
			if doc.Lead == "" {
				doc.Lead = text
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// cellSeparator stands between the cells of a table in the search text,
// so an excerpt shows where one cell ends and the next begins.
const cellSeparator = " · "

// textEnd is what follows a block's text: a line break, or within a table
// the cell separator, so that "on time" and "Buying" from two cells do not
// read as one sentence.
func textEnd(n ast.Node) string {
	if _, ok := n.(*east.TableCell); !ok {
		return "\n"
	}
	if n.NextSibling() == nil && n.Parent().NextSibling() == nil { // the table's last cell
		return "\n"
	}
	return cellSeparator
}

// span is where link number link stands in a block's plain text.
type span struct{ link, start, end int }

// inlineText is the text of an inline container as a reader sees it, and
// where its internal links stand in that text.
func (doc *Doc) inlineText(n ast.Node, src []byte) (string, []span) {
	var b strings.Builder
	var spans []span
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n { // the container itself: only its children are text
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *mathNode:
			b.Write(bytes.ReplaceAll(c.TeX, []byte("\n"), []byte(" "))) // Text holds one block a line
		case *wikilinkNode:
			start := b.Len()
			b.WriteString(mark(markText, c.Index))
			spans = append(spans, span{c.Index, start, b.Len()})
		case *hashtagNode:
			start := b.Len()
			b.WriteString("#" + c.Tag)
			if c.Index >= 0 {
				spans = append(spans, span{c.Index, start, b.Len()})
			}
		case *ast.Link:
			if i, ok := destIndex(c.Destination); ok {
				start := b.Len()
				label, _ := doc.inlineText(c, src)
				b.WriteString(label)
				doc.Links[i].Label = label
				spans = append(spans, span{i, start, b.Len()})
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	text := b.String()
	trimmed := strings.TrimLeft(text, " \t")
	shift := len(text) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " \t")
	for i := range spans { // a link of blanks at either edge may stand outside the trimmed text
		start := min(max(spans[i].start-shift, 0), len(trimmed))
		spans[i].start, spans[i].end = start, min(max(spans[i].end-shift, start), len(trimmed))
	}
	return trimmed, spans
}

// contextLimit bounds each side of a backlink's context, in bytes.
const contextLimit = 160

// sentenceAround returns the text of the sentence before and after
// text[start:end], cut at sentence ends and at about contextLimit bytes,
// never inside a placeholder.
func sentenceAround(text string, start, end int) (before, after string) {
	// Look no further than twice the limit either way: what lies beyond
	// would be cut anyway, and a page of thousands of links would
	// otherwise search its whole text for each one.
	from, to := max(0, start-2*contextLimit), min(len(text), end+2*contextLimit)
	if endsInsideMark(text[from:start]) { // inside a mark: start after it
		from += strings.IndexByte(text[from:start], 0) + 1
	}
	if endsInsideMark(text[end:to]) { // inside a mark: end before it
		to = end + strings.LastIndexByte(text[end:to], 0)
	}
	before, after = text[from:start], text[end:to]
	for _, stop := range []string{". ", "! ", "? ", ": "} {
		if i := strings.LastIndex(before, stop); i >= 0 {
			before = before[i+len(stop):]
		}
	}
	cut := len(after)
	for _, stop := range []string{". ", "! ", "? "} {
		if i := strings.Index(after, stop); i >= 0 && i+1 < cut {
			cut = i + 1
		}
	}
	after = after[:cut]
	if len(before) > contextLimit {
		k := len(before) - contextLimit
		if endsInsideMark(before[k:]) { // inside a mark: skip past its end
			k += strings.IndexByte(before[k:], 0) + 1
		}
		before = "…" + trimToRune(before[k:], true)
	}
	if len(after) > contextLimit {
		k := contextLimit
		if endsInsideMark(after[:k]) { // inside a mark: stop before its start
			k = strings.LastIndexByte(after[:k], 0)
		}
		after = trimToRune(after[:k], false) + "…"
	}
	return before, after
}

// trimToRune drops the partial UTF-8 character a byte cut may leave at
// the start (front) or end of s.
func trimToRune(s string, front bool) string {
	if front {
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
		return s
	}
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
