package markdown

import (
	_ "embed"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer overrides goldmark's HTML for the nodes casebook treats
// differently: links (placeholders), wikilinks, raw HTML (escaped unless
// unsafe) and fenced code (chroma, with CSS classes; mermaid diagrams as
// their source).
type nodeRenderer struct {
	unsafe bool
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(KindWikilink, r.wikilink)
	reg.Register(kindOffset, renderOffset)
	reg.Register(kindEmbedBlock, renderEmbedBlock)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.rawHTML)
		reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	}
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	if i, ok := destIndex(n.Destination); ok {
		_, _ = w.WriteString(`<a` + mark(markHref, i) + ` id="` + RefID(i) + `"`)
	} else {
		_, _ = w.WriteString(`<a href="`)
		r.destination(w, n.Destination)
		_ = w.WriteByte('"')
	}
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// destination writes a link or image address: the mark for one the
// linkCollector recorded, else the address escaped, or nothing for a
// javascript: or similar address (unless unsafe).
func (r *nodeRenderer) destination(w util.BufWriter, dest []byte) {
	if i, ok := destIndex(dest); ok {
		_, _ = w.WriteString(mark(markSrc, i))
	} else if dest := util.URLEscape(dest, true); r.unsafe || !gmhtml.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
}

func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	r.destination(w, n.Destination)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(imageAlt(n, src))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// imageAlt is the plain text of an image's description.
func imageAlt(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func (r *nodeRenderer) wikilink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*wikilinkNode); entering && n.Embed {
		_, _ = w.WriteString(mark(markEmbed, n.Index))
	} else if entering {
		i := n.Index
		_, _ = w.WriteString(`<a class="wikilink" id="` + RefID(i) + `"` + mark(markHref, i) + `>` + mark(markText, i) + `</a>`)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := node.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			s := segs.At(i)
			_, _ = w.Write(util.EscapeHTML(s.Value(src)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	_, _ = w.WriteString("<p>")
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		_, _ = w.Write(util.EscapeHTML(s.Value(src)))
	}
	if n.HasClosure() {
		_, _ = w.Write(util.EscapeHTML(n.ClosureLine.Value(src)))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// codeFormatter writes chroma's tokens as spans with CSS classes, so the
// colours live in one stylesheet that can switch with dark mode.
var codeFormatter = chromahtml.New(chromahtml.WithClasses(true))

func (r *nodeRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	if isMermaid(n, src) {
		renderMermaid(w, src, n)
		return ast.WalkSkipChildren, nil
	}
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		code.Write(s.Value(src))
	}
	lang := string(n.Language(src))
	var lexer chroma.Lexer
	if lang != "" {
		lexer = untimed(lexers.Get(lang))
	}
	if lexer != nil {
		if tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code.String()); err == nil {
			if err := codeFormatter.Format(w, codeStyle, tokens); err == nil {
				_ = w.WriteByte('\n')
				return ast.WalkSkipChildren, nil
			}
		}
	}
	_, _ = w.WriteString(`<pre class="chroma"><code`)
	if lang != "" {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML([]byte(lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML([]byte(code.String())))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// HighlightCSS is the stylesheet for highlighted code: a light theme for
// light screens and print, a dark one for dark screens. Each sits in its
// own media query, because the dark theme leaves some tokens undefined and
// would otherwise inherit light colours meant for a light background.
//
// It is made from chroma's github and github-dark styles ahead of time
// (TestHighlightCSS checks it is current, and -update rewrites it):
// chroma's styles package parses all of its 70-odd styles when a program
// starts, some 20 ms and 2 MB for every casebook command.
//
//go:embed highlight.css
var highlightCSS []byte

// HighlightCSS returns the stylesheet for highlighted code.
func HighlightCSS() []byte { return highlightCSS }

// codeStyle is the style handed to the formatter, which writes classes
// rather than colours and so reads no entry of it.
var codeStyle = chroma.MustNewStyle("casebook", chroma.StyleEntries{})

// HighlightSource renders lines of a source file for an error report:
// highlighted as the file's kind (by its extension), numbered from first,
// with line mark stressed.
func HighlightSource(file, code string, first, mark int) string {
	lexer := untimed(lexers.Match(file))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	var b strings.Builder
	tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err == nil {
		f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true),
			chromahtml.BaseLineNumber(first), chromahtml.HighlightLines([][2]int{{mark, mark}}))
		if f.Format(&b, codeStyle, tokens) == nil {
			return b.String()
		}
	}
	return `<pre class="chroma">` + string(util.EscapeHTML([]byte(code))) + `</pre>`
}

// tableBox puts each table in a box that scrolls sideways when the table
// is wider than the screen, rather than the whole page scrolling or cells
// breaking words apart. The box can take the keyboard focus, so it can be
// scrolled without a mouse. The table itself is goldmark's.
type tableBox struct{ table renderer.NodeRenderer }

func newTableBox() *tableBox { return &tableBox{table: extension.NewTableHTMLRenderer()} }

// SetOption passes goldmark's renderer options (XHTML, unsafe) on.
func (b *tableBox) SetOption(name renderer.OptionName, value any) {
	if s, ok := b.table.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

func (b *tableBox) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	inner := funcsOf(b.table)
	table := inner[east.KindTable]
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-scroll" tabindex="0">` + "\n")
		}
		status, err := table(w, src, n, entering)
		if !entering {
			_, _ = w.WriteString("</div>\n")
		}
		return status, err
	})
}

// funcs collects what a node renderer registers.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

func funcsOf(r renderer.NodeRenderer) funcs {
	f := funcs{}
	r.RegisterFuncs(f)
	return f
}
