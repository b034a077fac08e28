package markdown

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestMathAndMermaid runs testdata/math.txtar as TestConvert runs
// convert.txtar: each NAME.md converts to NAME.html (go test -update
// rewrites the .html halves).
func TestMathAndMermaid(t *testing.T) {
	const file = "testdata/math.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	conv := New(Options{})
	sources := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutSuffix(f.Name, ".md"); ok {
			sources[name] = f.Data
		}
	}
	changed := false
	for i, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".html")
		if !ok {
			continue
		}
		src, ok := sources[name]
		if !ok {
			t.Fatalf("%s has no %s.md", f.Name, name)
		}
		doc, err := conv.Convert(src)
		if err != nil {
			t.Fatal(err)
		}
		got := stubFill(doc)
		if bytes.Equal(got, f.Data) {
			continue
		}
		if *update {
			ar.Files[i].Data, changed = got, true
			continue
		}
		t.Errorf("%s.md\n--- want\n%s--- got\n%s", name, f.Data, got)
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

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
