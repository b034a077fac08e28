package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindHighlight is the AST node kind of Obsidian's ==highlighted text==.
var KindHighlight = ast.NewNodeKind("Highlight")

// highlightNode is an inline container: its children are the highlighted
// text, so emphasis and links inside it work and plain text keeps the
// words without the marks.
type highlightNode struct {
	ast.BaseInline
}

func (n *highlightNode) Kind() ast.NodeKind { return KindHighlight }

func (n *highlightNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// highlightDelimiter makes == a delimiter run, paired by goldmark's
// emphasis algorithm like GFM's ~~strikethrough~~: so ==a *b*== nests,
// and == with blanks on both sides ("a == b") is left as text.
type highlightDelimiter struct{}

func (highlightDelimiter) IsDelimiter(b byte) bool { return b == '=' }

func (highlightDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (highlightDelimiter) OnMatch(consumes int) ast.Node { return &highlightNode{} }

// highlightParser reads a run of exactly two '=' as a delimiter; longer
// runs ("===") are text, as they are in Obsidian.
type highlightParser struct{}

func (highlightParser) Trigger() []byte { return []byte{'='} }

func (highlightParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 2, highlightDelimiter{})
	if d == nil || d.OriginalLength != 2 || before == '=' {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// highlightRenderer writes a highlight as <mark>.
type highlightRenderer struct{}

func (highlightRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindHighlight, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<mark>")
		} else {
			_, _ = w.WriteString("</mark>")
		}
		return ast.WalkContinue, nil
	})
}
