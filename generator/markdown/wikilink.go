package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindWikilink is the AST node kind of [[target#anchor|label]].
var KindWikilink = ast.NewNodeKind("Wikilink")

// wikilinkNode is an inline node; Index points into Doc.Links, where the
// target, anchor and label are kept for the link phase.
type wikilinkNode struct {
	ast.BaseInline
	Index int
}

func (n *wikilinkNode) Kind() ast.NodeKind { return KindWikilink }

func (n *wikilinkNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// wikilinkParser makes wikilinkNodes. It runs before goldmark's link parser
// (both start at '['), and after the code span parser, so [[x]] inside
// `code` stays text.
type wikilinkParser struct{}

func (wikilinkParser) Trigger() []byte { return []byte{'['} }

func (wikilinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("]]"))
	if end < 0 {
		return nil
	}
	inner := line[2 : 2+end]
	if len(bytes.TrimSpace(inner)) == 0 || bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	target, anchor, _ := bytes.Cut(target, []byte("#"))
	doc := docFrom(pc)
	if doc == nil {
		return nil
	}
	link := Link{
		Kind:   LinkWiki,
		Target: string(bytes.TrimSpace(target)),
		Anchor: string(bytes.TrimSpace(anchor)),
		Offset: seg.Start,
	}
	if hasLabel {
		link.Label = string(bytes.TrimSpace(label))
	}
	if link.Target == "" && link.Anchor == "" {
		return nil
	}
	doc.Links = append(doc.Links, link)
	block.Advance(2 + end + 2)
	return &wikilinkNode{Index: len(doc.Links) - 1}
}
