package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindWikilink is the AST node kind of [[target#anchor|label]] and of an
// embed, ![[target#anchor|label]].
var KindWikilink = ast.NewNodeKind("Wikilink")

// wikilinkNode is an inline node; Index points into Doc.Links, where the
// target, anchor and label are kept for the link phase.
type wikilinkNode struct {
	ast.BaseInline
	Index int
	Embed bool
}

func (n *wikilinkNode) Kind() ast.NodeKind { return KindWikilink }

func (n *wikilinkNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// wikilinkParser makes wikilinkNodes. It runs before goldmark's link parser
// (both start at '['), and after the code span parser, so [[x]] inside
// `code` stays text.
type wikilinkParser struct{}

func (wikilinkParser) Trigger() []byte { return []byte{'[', '!'} }

func (wikilinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	embed := bytes.HasPrefix(line, []byte("![["))
	open := 2
	if embed {
		open = 3
	} else if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	end := bytes.Index(line[open:], []byte("]]"))
	if end < 0 {
		return nil
	}
	inner := line[open : open+end]
	if len(bytes.TrimSpace(inner)) == 0 || bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	// In a table a wikilink's bar is escaped, [[a\|b]], so that it does
	// not end the cell; the backslash belongs to neither side.
	target = bytes.TrimSuffix(target, []byte("\\"))
	target, anchor, _ := bytes.Cut(target, []byte("#"))
	doc := docFrom(pc)
	if doc == nil {
		return nil
	}
	link := Link{
		Kind:   LinkWiki,
		Target: string(bytes.TrimSpace(target)),
		Anchor: headingPath(anchor),
		Offset: seg.Start,
		Embed:  embed,
	}
	if hasLabel {
		link.Label = string(bytes.TrimSpace(label))
		if embed {
			link.Label, link.Width, link.Height = embedSize(link.Label)
		}
	}
	if link.Target == "" && link.Anchor == "" {
		return nil
	}
	doc.Links = append(doc.Links, link)
	block.Advance(open + end + 2)
	return &wikilinkNode{Index: len(doc.Links) - 1, Embed: embed}
}

// headingPath is the heading a link's anchor names. Obsidian writes a
// heading under another as Note#Heading#Sub; heading ids are unique in a
// page, so the last one is enough. A block id keeps its caret: #^id.
func headingPath(anchor []byte) string {
	parts := bytes.Split(anchor, []byte("#"))
	for i := len(parts) - 1; i >= 0; i-- {
		if p := bytes.TrimSpace(parts[i]); len(p) > 0 {
			return string(p)
		}
	}
	return ""
}

// embedSize reads the size an embed's label may end with, |300 or
// |300x200, and returns what is left of the label.
func embedSize(label string) (rest string, width, height int) {
	size := label
	if i := strings.LastIndexByte(label, '|'); i >= 0 {
		rest, size = strings.TrimSpace(label[:i]), label[i+1:]
	}
	w, h, hasHeight := strings.Cut(strings.TrimSpace(size), "x")
	width, err := strconv.Atoi(w)
	if err != nil || width <= 0 {
		return label, 0, 0
	}
	if hasHeight {
		if height, err = strconv.Atoi(h); err != nil || height <= 0 {
			return label, 0, 0
		}
	}
	return rest, width, height
}
