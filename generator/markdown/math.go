package markdown

import (
	"bytes"

	"github.com/casebook-cx/casebook/generator/mathml"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Math as Obsidian writes it: $inline$ and $$display$$, the display form
// either inside a paragraph or as a block of its own lines. Both render at
// build time as MathML (see package mathml), so no script or font is
// fetched and a reader with JavaScript off sees the formula.

// KindMath is the AST node kind of $...$ and of $$...$$ inside a paragraph.
var KindMath = ast.NewNodeKind("Math")

// KindMathBlock is the AST node kind of a $$ block.
var KindMathBlock = ast.NewNodeKind("MathBlock")

// mathNode is inline math; Display is set for $$...$$.
type mathNode struct {
	ast.BaseInline
	TeX     []byte
	Display bool
}

func (n *mathNode) Kind() ast.NodeKind { return KindMath }

func (n *mathNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"TeX": string(n.TeX)}, nil)
}

// mathBlock is display math on lines of its own; its Lines are the TeX.
type mathBlock struct {
	ast.BaseBlock
}

func (n *mathBlock) Kind() ast.NodeKind { return KindMathBlock }
func (n *mathBlock) IsRaw() bool        { return true }

func (n *mathBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// TeX is the block's source, its lines joined.
func (n *mathBlock) TeX(source []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		b.Write(s.Value(source))
	}
	return bytes.TrimSpace(b.Bytes())
}

// mathParser makes mathNodes. Obsidian's rules keep prices from turning
// into math: the opening $ must not be followed by a space, the closing $
// must not follow one nor be followed by a digit, so "$5 and $6" stays
// text. An escaped \$ is never a delimiter (goldmark does not even call
// the parser for it). Inline math may run over the lines of a paragraph.
type mathParser struct{}

func (mathParser) Trigger() []byte { return []byte{'$'} }

func (mathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	display := bytes.HasPrefix(line, []byte("$$"))
	open, kind := 1, 0
	if display {
		open, kind = 2, 1
	}
	if !display && (len(line) < 2 || isBlank(line[1])) {
		return nil
	}
	// Whether a $ closes does not depend on where the math opened, so once
	// a search found no closer after some point of a paragraph, none is
	// found after any later point either: a paragraph of many lone $ is
	// searched once, not once per $.
	miss, _ := pc.Get(mathMissKey).(*mathMiss)
	if miss == nil {
		miss = &mathMiss{}
		pc.Set(mathMissKey, miss)
	}
	if miss.block == parent && miss.found[kind] && seg.Start >= miss.from[kind] {
		return nil
	}
	startLine, startPos := block.Position()
	block.Advance(open)
	var tex []byte
	for {
		line, _ := block.PeekLine()
		if line == nil {
			block.SetPosition(startLine, startPos)
			if miss.block != parent {
				*miss = mathMiss{block: parent}
			}
			miss.from[kind], miss.found[kind] = seg.Start, true
			return nil
		}
		if end := closing(line, display); end >= 0 {
			tex = append(tex, line[:end]...)
			block.Advance(end + open)
			if display {
				tex = bytes.TrimSpace(tex)
			}
			if len(bytes.TrimSpace(tex)) == 0 {
				block.SetPosition(startLine, startPos)
				return nil
			}
			return &mathNode{TeX: tex, Display: display}
		}
		tex = append(tex, line...)
		block.AdvanceLine()
	}
}

var mathMissKey = parser.NewContextKey()

// mathMiss remembers, for one paragraph, the offset from which no closing
// $ (found[0]) or $$ (found[1]) follows.
type mathMiss struct {
	block ast.Node
	from  [2]int
	found [2]bool
}

// closing finds the closing delimiter in line, or -1.
func closing(line []byte, display bool) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // \$ inside math is a dollar sign, not the end
		case '$':
			if display {
				if i+1 < len(line) && line[i+1] == '$' {
					return i
				}
				continue
			}
			if i == 0 || isBlank(line[i-1]) { // at a line's start it follows the line break

				continue
			}
			if i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9' {
				continue
			}
			return i
		}
	}
	return -1
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// mathBlockParser makes mathBlocks from lines that open with $$. The
// block ends at a line that ends with $$; "$$ x $$" alone on its line is a
// block of one line. A $$ that nothing closes is left to the paragraph.
type mathBlockParser struct{}

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || !bytes.HasPrefix(line[pos:], []byte("$$")) {
		return nil, parser.NoChildren
	}
	rest := line[pos+2:]
	node := &mathBlock{}
	if end := bytes.Index(rest, []byte("$$")); end >= 0 {
		if len(bytes.TrimSpace(rest[end+2:])) != 0 || len(bytes.TrimSpace(rest[:end])) == 0 {
			return nil, parser.NoChildren // $$x$$ and more: inline math in a paragraph
		}
		start := seg.Start + pos + 2
		node.Lines().Append(text.NewSegment(start, start+end))
		reader.AdvanceToEOL()
		return node, parser.Close
	}
	if !closedLater(reader.Source(), seg.Stop, pc) {
		return nil, parser.NoChildren
	}
	if len(bytes.TrimSpace(rest)) != 0 {
		start := seg.Start + pos + 2
		node.Lines().Append(text.NewSegment(start, seg.Stop))
	}
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

var unclosedKey = parser.NewContextKey()

// closedLater reports whether a line after offset from ends with $$. The
// first search that finds none is remembered, so a document of many
// unclosed $$ lines is searched once.
func closedLater(src []byte, from int, pc parser.Context) bool {
	if none, ok := pc.Get(unclosedKey).(int); ok && from >= none {
		return false
	}
	for rest := src[from:]; len(rest) > 0; {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if bytes.HasSuffix(bytes.TrimRight(line, " \t\r"), []byte("$$")) {
			return true
		}
		rest = after
	}
	pc.Set(unclosedKey, from)
	return false
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimRight(line, " \t\r\n")
	if end, ok := bytes.CutSuffix(trimmed, []byte("$$")); ok {
		if len(bytes.TrimSpace(end)) != 0 {
			node.Lines().Append(text.NewSegment(seg.Start, seg.Start+len(end)))
		}
		reader.AdvanceToEOL()
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (mathBlockParser) CanInterruptParagraph() bool                                { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool                                { return false }

// mathRenderer writes math as MathML.
type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, renderMath)
	reg.Register(KindMathBlock, renderMathBlock)
}

func renderMath(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*mathNode)
		_, _ = w.WriteString(mathml.Convert(string(n.TeX), n.Display))
	}
	return ast.WalkSkipChildren, nil
}

func renderMathBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		// The wrapper centres the formula and lets a wide one scroll
		// sideways on a narrow screen instead of overflowing the page.
		_, _ = w.WriteString(`<div class="math-display">`)
		_, _ = w.WriteString(mathml.Convert(string(node.(*mathBlock).TeX(src)), true))
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkSkipChildren, nil
}
