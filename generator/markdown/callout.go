package markdown

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Obsidian's callouts: a blockquote whose first line is [!type], then
// optionally + or - (foldable, open or closed), then optionally a title:
//
//	> [!tip]- Optional title
//	> Body, any Markdown, nested callouts too.
//
// Two steps make one. When the blockquote's first paragraph closes,
// calloutTitler takes the [!type] line off it and puts a calloutTitle
// block in its place, whose title goldmark then parses as inline
// Markdown. Once the whole document is parsed, calloutMaker replaces each
// blockquote that begins with a calloutTitle by a calloutNode holding the
// same children. A blockquote without the marker stays a blockquote.

var (
	// KindCallout is the AST node kind of a callout.
	KindCallout = ast.NewNodeKind("Callout")
	// KindCalloutTitle is the AST node kind of a callout's title line.
	KindCalloutTitle = ast.NewNodeKind("CalloutTitle")
)

// calloutTypes maps each type Obsidian documents, and each of its aliases,
// to the type whose colour and icon it takes.
var calloutTypes = map[string]string{
	"note":     "note",
	"abstract": "abstract", "summary": "abstract", "tldr": "abstract",
	"info": "info",
	"todo": "todo",
	"tip":  "tip", "hint": "tip", "important": "tip",
	"success": "success", "check": "success", "done": "success",
	"question": "question", "help": "question", "faq": "question",
	"warning": "warning", "caution": "warning", "attention": "warning",
	"failure": "failure", "fail": "failure", "missing": "failure",
	"danger": "danger", "error": "danger",
	"bug":     "bug",
	"example": "example",
	"quote":   "quote", "cite": "quote",
}

// calloutNode is a callout: its first child is its calloutTitle, the rest
// is its body.
type calloutNode struct {
	ast.BaseBlock
	Name     string // the type as written, lower case: "faq", "my-type"
	Base     string // the documented type it looks like: "question"; "note" for a custom type
	Foldable bool
	Open     bool // for a foldable callout: shown open at first ('+')
}

func (n *calloutNode) Kind() ast.NodeKind { return KindCallout }

func (n *calloutNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// calloutTitle is the first line of a callout. Its Lines are the title as
// written (none when the line has only the marker); its fields carry the
// marker to calloutMaker.
type calloutTitle struct {
	ast.BaseBlock
	Name     string // the type, as in calloutNode
	Foldable bool
	Open     bool
}

func (n *calloutTitle) Kind() ast.NodeKind { return KindCalloutTitle }

func (n *calloutTitle) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// defaultTitle is the title a callout without one shows: its type with a
// capital, as Obsidian shows it.
func defaultTitle(typ string) string {
	r, size := utf8.DecodeRuneInString(typ)
	return string(unicode.ToUpper(r)) + typ[size:]
}

// calloutMarker reads "[!type]" with an optional "|metadata" after the
// type, then '+' or '-', at the start of line (after blanks). It returns
// the type in lower case, the fold mark (0 if none) and where the title
// starts in line; ok is false when line has no marker.
func calloutMarker(line []byte) (typ string, fold byte, rest int, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("[!")) {
		return "", 0, 0, false
	}
	end := bytes.IndexByte(line[i:], ']')
	if end < 0 {
		return "", 0, 0, false
	}
	inner := line[i+2 : i+end]
	inner, _, _ = bytes.Cut(inner, []byte("|")) // metadata, for themes: not used
	if len(inner) == 0 || bytes.ContainsAny(inner, " \t[\n\r") || !utf8.Valid(inner) {
		return "", 0, 0, false
	}
	rest = i + end + 1
	if rest < len(line) && (line[rest] == '+' || line[rest] == '-') {
		fold = line[rest]
		rest++
	}
	if rest < len(line) && line[rest] != ' ' && line[rest] != '\t' && line[rest] != '\n' && line[rest] != '\r' {
		return "", 0, 0, false
	}
	return strings.ToLower(string(inner)), fold, rest, true
}

// calloutTitler is a paragraph transformer: on the first paragraph of a
// blockquote that starts with a callout marker, it moves the marker's
// line into a calloutTitle placed before the paragraph.
type calloutTitler struct{}

func (calloutTitler) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	quote, ok := para.Parent().(*ast.Blockquote)
	if !ok || quote.FirstChild() != para || para.Lines().Len() == 0 {
		return
	}
	src := reader.Source()
	first := para.Lines().At(0)
	line := src[first.Start:first.Stop]
	typ, fold, rest, ok := calloutMarker(line)
	if !ok {
		return
	}
	title := &calloutTitle{Name: typ, Foldable: fold != 0, Open: fold == '+'}
	start, stop := first.Start+rest, first.Stop
	for start < stop && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	for stop > start && (src[stop-1] == ' ' || src[stop-1] == '\t' || src[stop-1] == '\n' || src[stop-1] == '\r') {
		stop--
	}
	if start < stop {
		title.Lines().Append(text.NewSegment(start, stop))
	}
	quote.InsertBefore(quote, para, title)
	body := text.NewSegments()
	for i := 1; i < para.Lines().Len(); i++ {
		body.Append(para.Lines().At(i))
	}
	if body.Len() == 0 {
		quote.RemoveChild(quote, para)
		return
	}
	para.SetLines(body)
}

// calloutMaker turns each blockquote that starts with a calloutTitle into
// a calloutNode.
type calloutMaker struct{}

func (calloutMaker) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			if _, ok := q.FirstChild().(*calloutTitle); ok {
				quotes = append(quotes, q)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		title := q.FirstChild().(*calloutTitle)
		c := &calloutNode{Name: title.Name, Base: "note", Foldable: title.Foldable, Open: title.Open}
		if base, ok := calloutTypes[title.Name]; ok {
			c.Base = base
		}
		for child := q.FirstChild(); child != nil; {
			next := child.NextSibling()
			c.AppendChild(c, child) // AppendChild takes child out of q first
			child = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
	}
}

// calloutRenderer writes a foldable callout as <details> and <summary>,
// which fold without any script, and any other as <aside>. The classes
// name the type's look (callout-tip for tip, hint and important); a
// custom type looks like a note and also gets a class of its own,
// callout-custom-NAME. data-callout keeps the type as written, as
// Obsidian's own HTML does, for stylesheets made for Obsidian.
type calloutRenderer struct{}

func (r calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, r.callout)
	reg.Register(KindCalloutTitle, r.title)
}

func (calloutRenderer) callout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*calloutNode)
	tag := "aside"
	if n.Foldable {
		tag = "details"
	}
	if !entering {
		if n.FirstChild() != n.LastChild() {
			_, _ = w.WriteString("</div>\n")
		}
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag + ` class="callout callout-` + n.Base)
	if _, known := calloutTypes[n.Name]; !known {
		_, _ = w.WriteString(" callout-custom-" + classSafe(n.Name))
	}
	_, _ = w.WriteString(`" data-callout="` + html.EscapeString(n.Name) + `"`)
	if id, ok := n.AttributeString("id"); ok { // a block id, ^id, on the line after the callout
		if id, ok := id.([]byte); ok {
			_, _ = w.WriteString(` id="` + html.EscapeString(string(id)) + `"`)
		}
	}
	if n.Foldable && n.Open {
		_, _ = w.WriteString(" open")
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (calloutRenderer) title(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*calloutTitle)
	c, _ := n.Parent().(*calloutNode)
	if c == nil { // a title whose blockquote was not made a callout: cannot happen, show nothing odd
		return ast.WalkSkipChildren, nil
	}
	tag := "div"
	if c.Foldable {
		tag = "summary"
	}
	if entering {
		_, _ = w.WriteString("<" + tag + ` class="callout-title">` + calloutIcons[c.Base] + `<span class="callout-title-text">`)
		if n.Lines().Len() == 0 {
			_, _ = w.WriteString(html.EscapeString(defaultTitle(c.Name)))
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</span></" + tag + ">\n")
	if n.NextSibling() != nil {
		_, _ = w.WriteString(`<div class="callout-content">` + "\n")
	}
	return ast.WalkContinue, nil
}

// classSafe turns a custom type into a class name: letters and digits
// kept, anything else a '-'.
func classSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '-'
	}, s)
}

// calloutIcons are small line drawings, one per documented type, drawn
// for casebook on a 24-unit grid. They carry no colour or style of their
// own: the stylesheet strokes them in the callout's colour.
var calloutIcons = func() map[string]string {
	paths := map[string]string{
		"note":     "M4 20l1-4L16 5l3 3L8 19z M14 7l3 3",
		"abstract": "M7 4h10v17H7z M10 3h4v3h-4z M10 11h4 M10 15h4",
		"info":     "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 11v6 M12 7.5v.5",
		"todo":     "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 12l3 3 5-6",
		"tip":      "M12 3c1 4 5 6 5 11a5 5 0 0 1-10 0c0-3 2-4 2-6 1 1 2 2 2 3 1-2 1-5 1-8z",
		"success":  "M4 12l5 5L20 6",
		"question": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 1-1 1.7 M12 17v.5",
		"warning":  "M12 3L2 20h20z M12 9v5 M12 17v.5",
		"failure":  "M6 6l12 12 M18 6L6 18",
		"danger":   "M13 2L4 14h7l-1 8 9-12h-7z",
		"bug":      "M8 9h8v6a4 4 0 0 1-8 0z M9 9a3 3 0 0 1 6 0 M12 9v10 M4 11h4 M16 11h4 M4 16h4 M16 16h4",
		"example":  "M9 6h11 M9 12h11 M9 18h11 M4 6h.01 M4 12h.01 M4 18h.01",
		"quote":    "M5 11h4v6H5z M5 11c0-3 1-5 4-6 M14 11h4v6h-4z M14 11c0-3 1-5 4-6",
	}
	icons := make(map[string]string, len(paths))
	for name, d := range paths {
		icons[name] = `<svg class="callout-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="` + d + `"/></svg>`
	}
	return icons
}()
