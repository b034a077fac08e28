package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Comments, Obsidian's %%…%% and HTML's <!--…-->, are never published.
// They are cut out of the source before it is parsed, not hidden when it
// is rendered: a comment may span paragraphs, hold headings, lists and
// links, and whatever reads the document afterwards (the HTML, the search
// text, the lead, link contexts, Doc.Links) must not see any of it. The
// cuts are kept so that an offset in what remains maps back to the source
// as written, and positions after a comment stay true.
//
// A comment is found left to right: the first %% or <!-- that is not in
// code opens one, and the next %% (for %%) or --> (for <!--) not in code
// closes it. One left open runs to the end of the note, as in Obsidian,
// where an unclosed %% hides the rest of the note (and a browser would do
// the same with an unclosed <!--). A comment alone on its lines (only
// blanks or blockquote marks before it, only blanks after) takes those
// lines with it, so it leaves no blank line that would split a paragraph.

// cut records one removed stretch: it stood where the stripped text has
// offset at, and shift is how many bytes this cut and all before it took.
type cut struct{ at, shift int }

// cuts map offsets in the stripped text back to the source.
type cuts []cut

// source is the source offset of offset off in the stripped text.
func (cs cuts) source(off int) int {
	i := sort.Search(len(cs), func(i int) bool { return cs[i].at > off })
	if i == 0 {
		return off
	}
	return off + cs[i-1].shift
}

// byteRange is a half-open byte range [start, stop) of the source.
type byteRange struct{ start, stop int }

// codeParser finds where code stands in a source with comments, so that
// %% and <!-- inside code stay. Plain CommonMark is enough: no extension
// changes what is code.
var codeParser = goldmark.DefaultParser()

// stripComments returns src without its comments, and the cuts made. A
// source with no comment marker is returned as it is, unparsed.
func stripComments(src []byte) ([]byte, cuts) {
	if !bytes.Contains(src, []byte("%%")) && !bytes.Contains(src, []byte("<!--")) {
		return src, nil
	}
	comments := findComments(src, codeRanges(src))
	if len(comments) == 0 {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	var cs cuts
	last, shift := 0, 0
	for _, c := range comments {
		out = append(out, src[last:c.start]...)
		shift += c.stop - c.start
		cs = append(cs, cut{at: len(out), shift: shift})
		last = c.stop
	}
	out = append(out, src[last:]...)
	return out, cs
}

// codeRanges lists the stretches of src that are code (fenced and
// indented blocks, code spans), in order.
func codeRanges(src []byte) []byteRange {
	root := codeParser.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var out []byteRange
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				out = append(out, byteRange{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			first, last := -1, -1
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if first < 0 {
						first = t.Segment.Start
					}
					last = t.Segment.Stop
				}
			}
			if first >= 0 {
				out = append(out, byteRange{first, last})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// inCode says whether offset off lies in one of the sorted ranges.
func inCode(code []byteRange, off int) bool {
	i := sort.Search(len(code), func(i int) bool { return code[i].stop > off })
	return i < len(code) && code[i].start <= off
}

// indexOutsideCode is the offset of the first mark in src at or after
// from that is not in code, or -1.
func indexOutsideCode(src []byte, from int, code []byteRange, mark string) int {
	for from < len(src) {
		i := bytes.Index(src[from:], []byte(mark))
		if i < 0 {
			return -1
		}
		if !inCode(code, from+i) {
			return from + i
		}
		from += i + 1
	}
	return -1
}

// findComments lists the comments of src, in order, each with the lines
// it stands alone on.
func findComments(src []byte, code []byteRange) []byteRange {
	var out []byteRange
	openers, closers := []string{"%%", "<!--"}, []string{"%%", "-->"}
	// next[k] is where opener k next stands, found once and looked for
	// again only once passed, so a note of many comments is read once.
	next := []int{indexOutsideCode(src, 0, code, openers[0]), indexOutsideCode(src, 0, code, openers[1])}
	for from := 0; ; {
		for k := range next {
			if next[k] >= 0 && next[k] < from {
				next[k] = indexOutsideCode(src, from, code, openers[k])
			}
		}
		which := 0
		if next[0] < 0 || next[1] >= 0 && next[1] < next[0] {
			which = 1
		}
		start := next[which]
		if start < 0 {
			return out
		}
		// The closer is looked for after the opener's first two bytes:
		// "%%%%" is an empty comment, and so is "<!-->", as in HTML.
		stop := len(src)
		if end := indexOutsideCode(src, start+2, code, closers[which]); end >= 0 {
			stop = end + len(closers[which])
		}
		c := byteRange{start, stop}
		if wide := wholeLines(src, c); wide.start >= from {
			c = wide
		}
		out = append(out, c)
		from = c.stop
	}
}

// wholeLines widens a comment to its lines when nothing but blanks and
// blockquote marks stand before it on its first line and nothing but
// blanks after it on its last.
func wholeLines(src []byte, c byteRange) byteRange {
	start := c.start
	for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t' || src[start-1] == '>') {
		start--
	}
	if start > 0 && src[start-1] != '\n' {
		return c
	}
	stop := c.stop
	for stop < len(src) && (src[stop] == ' ' || src[stop] == '\t' || src[stop] == '\r') {
		stop++
	}
	switch {
	case stop == len(src):
	case src[stop] == '\n':
		stop++
	default:
		return c
	}
	return byteRange{start, stop}
}
