package markdown

import (
	"html"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindHashtag is the AST node kind of an inline #tag or #nested/tag.
var KindHashtag = ast.NewNodeKind("Hashtag")

// hashtagNode is a tag as written in the text. Index points into
// Doc.Links, where the tag is recorded as a LinkTag so the site can send
// it to the tag's page; it is -1 until hashtagRecorder has run.
type hashtagNode struct {
	ast.BaseInline
	Tag    string // without the '#'
	Offset int    // where the '#' stands in the parsed text
	Index  int
}

func (n *hashtagNode) Kind() ast.NodeKind { return KindHashtag }

func (n *hashtagNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tag": n.Tag}, nil)
}

// hashtagParser reads Obsidian's inline tags. A tag is '#' and then
// letters, digits, '_', '-' and '/', with at least one character that is
// not a digit (so "#123" is not a tag), standing at the start of a line or
// after a blank (so "a#b" and "page/#frag" are not). Code spans come
// first, so a tag in `code` stays text; a heading's own '#' is taken by
// the heading, and "# x" has a blank after the '#'.
type hashtagParser struct{}

func (hashtagParser) Trigger() []byte { return []byte{'#'} }

func (hashtagParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if before := block.PrecendingCharacter(); block.LineOffset() != 0 && !unicode.IsSpace(before) {
		return nil
	}
	line, seg := block.PeekLine()
	n := tagLength(line[1:])
	if n == 0 {
		return nil
	}
	block.Advance(1 + n)
	return &hashtagNode{Tag: string(line[1 : 1+n]), Offset: seg.Start, Index: -1}
}

// tagLength is the length of the tag at the start of s (after its '#'),
// or 0 if s starts no tag. Trailing slashes are not part of a tag.
func tagLength(s []byte) int {
	n, named := 0, false
scan:
	for n < len(s) {
		r, size := utf8.DecodeRune(s[n:])
		switch {
		case r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsMark(r):
			named = true
		case unicode.IsDigit(r) || r == '/':
		default:
			break scan
		}
		n += size
	}
	for n > 0 && s[n-1] == '/' {
		n--
	}
	if !named || s[0] == '/' {
		return 0
	}
	return n
}

// hashtagRecorder records each tag in Doc.Links, in document order, and
// turns a tag back into text where a link cannot hold it: inside a link's
// text, where a second <a> would nest, and inside an image's description.
type hashtagRecorder struct{}

func (hashtagRecorder) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc := docFrom(pc)
	var inLink []*hashtagNode
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tag, ok := n.(*hashtagNode)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		for p := n.Parent(); p != nil; p = p.Parent() {
			switch p.(type) {
			case *ast.Link, *ast.Image, *ast.AutoLink:
				inLink = append(inLink, tag)
				return ast.WalkContinue, nil
			}
		}
		doc.Links = append(doc.Links, Link{Kind: LinkTag, Target: tag.Tag, Offset: tag.Offset})
		tag.Index = len(doc.Links) - 1
		return ast.WalkContinue, nil
	})
	for _, tag := range inLink {
		plain := ast.NewTextSegment(text.NewSegment(tag.Offset, tag.Offset+1+len(tag.Tag)))
		tag.Parent().ReplaceChild(tag.Parent(), tag, plain)
	}
}

// hashtagRenderer writes a tag as a link whose address the site fills in
// (the tag's page), with the id backlinks point at.
type hashtagRenderer struct{}

func (hashtagRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindHashtag, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		tag := n.(*hashtagNode)
		if tag.Index < 0 { // not recorded: cannot happen after hashtagRecorder, but never print a bad link
			_, _ = w.WriteString(html.EscapeString("#" + tag.Tag))
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(`<a class="tag" id="` + RefID(tag.Index) + `"` + mark(markHref, tag.Index) + `>`)
		_, _ = w.WriteString(html.EscapeString("#" + tag.Tag))
		_, _ = w.WriteString("</a>")
		return ast.WalkSkipChildren, nil
	})
}
