package markdown

import (
	"strings"
	"testing"
)

// TestMathText: search and summaries read math as its TeX, one block a line.
func TestMathText(t *testing.T) {
	src := "Energy $E = mc^2$ and\n$a\nb$.\n\n$$\n\\int_0^1 f\n$$\n"
	doc, err := New(Options{}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Energy E = mc^2 and a b.\n\\int_0^1 f\n"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
	if want := "Energy E = mc^2 and a b."; doc.Lead != want {
		t.Errorf("lead %q, want %q", doc.Lead, want)
	}
}

// TestMermaidFlag: only a page with a mermaid block asks for the script,
// wherever the block stands.
func TestMermaidFlag(t *testing.T) {
	for src, want := range map[string]bool{
		"```mermaid\ngraph TD\n```\n":             true,
		"> - ```Mermaid\n>   graph TD\n>   ```\n": true,
		"```go\nx\n```\n":                         false,
		"mermaid\n\n    graph TD\n":               false,
		"`mermaid`\n":                             false,
	} {
		doc, err := New(Options{}).Convert([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Mermaid != want {
			t.Errorf("%q: Mermaid %v, want %v", src, doc.Mermaid, want)
		}
	}
}

// BenchmarkUnclosedDollars converts notes full of dollars that close
// nothing, which would cost a search to the end of the paragraph (or the
// document, for $$ lines) for every one of them if misses were not
// remembered.
func BenchmarkUnclosedDollars(b *testing.B) {
	conv := New(Options{})
	for _, c := range []struct{ name, src string }{
		{"inline", strings.Repeat("$a ", 20000)},
		{"display lines", strings.Repeat("$$a\n", 20000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				if _, err := conv.Convert([]byte(c.src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
