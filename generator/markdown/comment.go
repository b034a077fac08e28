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

// cut is one removed stretch: n bytes were taken out where the stripped
// text now has offset at.
type cut struct{ at, n int }

// cuts map offsets in the stripped text back to the source.
type cuts []cut

// source is the source offset of offset off in the stripped text.
func (cs cuts) source(off int) int {
	shift := 0
	for _, c := range cs {
		if c.at > off {
			break
		}
		shift += c.n
	}
	return off + shift
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
	last := 0
	for _, c := range comments {
		out = append(out, src[last:c.start]...)
		cs = append(cs, cut{at: len(out), n: c.stop - c.start})
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

// nextMark finds the first of marks in src at or after from that is not in
// code; it returns its offset and which mark it is, or -1.
func nextMark(src []byte, from int, code []byteRange, marks ...string) (int, int) {
	for from < len(src) {
		best, which := -1, -1
		for k, m := range marks {
			if i := bytes.Index(src[from:], []byte(m)); i >= 0 && (best < 0 || from+i < best) {
				best, which = from+i, k
			}
		}
		if best < 0 {
			return -1, -1
		}
		if !inCode(code, best) {
			return best, which
		}
		from = best + 1
	}
	return -1, -1
}

// findComments lists the comments of src, in order, each with the lines
// it stands alone on.
func findComments(src []byte, code []byteRange) []byteRange {
	var out []byteRange
	closers := []string{"%%", "-->"}
	for from := 0; ; {
		start, which := nextMark(src, from, code, "%%", "<!--")
		if start < 0 {
			return out
		}
		// The closer is looked for after the opener's first two bytes:
		// "%%%%" is an empty comment, and so is "<!-->", as in HTML.
		stop := len(src)
		if end, _ := nextMark(src, start+2, code, closers[which]); end >= 0 {
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
	lineStart := bytes.LastIndexByte(src[:c.start], '\n') + 1
	for _, b := range src[lineStart:c.start] {
		if b != ' ' && b != '\t' && b != '>' {
			return c
		}
	}
	lineEnd := len(src)
	if i := bytes.IndexByte(src[c.stop:], '\n'); i >= 0 {
		lineEnd = c.stop + i + 1
	}
	for _, b := range src[c.stop:lineEnd] {
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return c
		}
	}
	return byteRange{lineStart, lineEnd}
}
