package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Mermaid diagrams are fenced code blocks whose language is mermaid. They
// are written as their source, which a reader without JavaScript reads as
// code; the page's mermaid script (loaded only where Doc.Mermaid is set)
// draws each pre.mermaid as a diagram in its place.

// isMermaid reports whether a fenced code block holds a mermaid diagram.
func isMermaid(n *ast.FencedCodeBlock, src []byte) bool {
	return bytes.EqualFold(n.Language(src), []byte("mermaid"))
}

// renderMermaid writes a diagram's source for the script to draw.
func renderMermaid(w util.BufWriter, src []byte, n *ast.FencedCodeBlock) {
	_, _ = w.WriteString(`<pre class="mermaid"><code class="language-mermaid">`)
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		_, _ = w.Write(util.EscapeHTML(s.Value(src)))
	}
	_, _ = w.WriteString("</code></pre>\n")
}
