package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Block is a part of the body an Obsidian block id names: a paragraph or
// list item that ends in " ^id", or the list, table or quote that a line
// of "^id" alone follows. Its element gets the id "^id", so that
// [[Note#^id]] links to it, and ![[Note#^id]] shows it elsewhere.
type Block struct {
	ID         string // with its caret: "^id"
	Start, End int    // where its HTML lies in Doc.HTML
}

// Section is where the part of the HTML an anchor names lies: for a
// heading id, the heading and what follows it up to the next heading of
// its level or above; for a block id ("^id"), the block.
func (d *Doc) Section(anchor string) (start, end int, ok bool) {
	for _, b := range d.Blocks {
		if b.ID == anchor {
			return b.Start, b.End, true
		}
	}
	for i, h := range d.Headings {
		if h.ID != anchor {
			continue
		}
		end := len(d.HTML)
		for _, next := range d.Headings[i+1:] {
			if next.Level <= h.Level {
				end = next.Start
				break
			}
		}
		return h.Start, end, true
	}
	return 0, 0, false
}

// blockIDMark is an Obsidian block id at the end of a block's text.
var blockIDMark = regexp.MustCompile(`(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$`)

// anchorsTransformer gives blocks their ids, turns a paragraph holding
// only an embed into a block embed, and marks where each heading and
// block starts and ends, so that Convert can record their place in the
// HTML for embeds of a part of a page.
type anchorsTransformer struct{}

func (anchorsTransformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc := docFrom(pc)
	src := reader.Source()
	var headings, alone, withID, embeds []ast.Node
	doc.headingStarts = map[ast.Node]int{}
	var ids []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if e := onlyEmbed(n, src); e != nil {
				doc.Links[e.Index].Block = true
				if _, ok := n.(*ast.Paragraph); ok {
					embeds = append(embeds, n)
				}
				return ast.WalkSkipChildren, nil
			}
			last, ok := n.LastChild().(*ast.Text)
			if !ok {
				return ast.WalkSkipChildren, nil
			}
			m := blockIDMark.FindSubmatchIndex(last.Segment.Value(src))
			if m == nil {
				return ast.WalkSkipChildren, nil
			}
			id := "^" + string(last.Segment.Value(src)[m[2]:m[3]])
			target := n
			if n.FirstChild() == last && m[0] == 0 { // "^id" alone names the block before
				alone = append(alone, n)
				target = n.PreviousSibling()
			} else {
				last.Segment = last.Segment.WithStop(last.Segment.Start + m[0])
				if li, ok := n.Parent().(*ast.ListItem); ok && n.NextSibling() == nil {
					target = li
				}
			}
			if target != nil && !hasID(target) {
				target.SetAttributeString("id", []byte(id))
				withID = append(withID, target)
				ids = append(ids, id)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range alone {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range embeds { // a block embed is no paragraph: it may show one, or several
		n.Parent().ReplaceChild(n.Parent(), n, &embedBlock{Index: onlyEmbed(n, src).Index})
	}
	for _, h := range headings {
		h.Parent().InsertBefore(h.Parent(), h, &offsetNode{doc: doc, at: func(d *Doc, off int) { d.headingStarts[h] = off }})
	}
	for k, n := range withID {
		i := len(doc.Blocks)
		doc.Blocks = append(doc.Blocks, Block{ID: ids[k]})
		n.Parent().InsertBefore(n.Parent(), n, &offsetNode{doc: doc, at: func(d *Doc, off int) { d.Blocks[i].Start = off }})
		n.Parent().InsertAfter(n.Parent(), n, &offsetNode{doc: doc, at: func(d *Doc, off int) { d.Blocks[i].End = off }})
	}
}

func hasID(n ast.Node) bool {
	_, ok := n.AttributeString("id")
	return ok
}

// onlyEmbed is the embed a paragraph holds alone, but for blanks.
func onlyEmbed(n ast.Node, src []byte) *wikilinkNode {
	var embed *wikilinkNode
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *wikilinkNode:
			if !c.Embed || embed != nil {
				return nil
			}
			embed = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return embed
}

// kindOffset is the node kind of offsetNode.
var kindOffset = ast.NewNodeKind("Offset")

// offsetNode writes nothing; rendering it tells at where in the HTML it
// stands.
type offsetNode struct {
	ast.BaseBlock
	doc *Doc
	at  func(d *Doc, offset int)
}

func (n *offsetNode) Kind() ast.NodeKind            { return kindOffset }
func (n *offsetNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
func (n *offsetNode) IsRaw() bool                   { return true }

func renderOffset(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*offsetNode); entering {
		n.at(n.doc, n.doc.out.Len()+w.Buffered())
	}
	return ast.WalkSkipChildren, nil
}

// kindEmbedBlock is the node kind of embedBlock.
var kindEmbedBlock = ast.NewNodeKind("EmbedBlock")

// embedBlock is an embed that stands alone in its paragraph, in the
// paragraph's place.
type embedBlock struct {
	ast.BaseBlock
	Index int
}

func (n *embedBlock) Kind() ast.NodeKind            { return kindEmbedBlock }
func (n *embedBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func renderEmbedBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(mark(markEmbed, node.(*embedBlock).Index) + "\n")
	}
	return ast.WalkSkipChildren, nil
}
