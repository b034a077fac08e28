package markdown

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestHighlightCSS checks that highlight.css is what chroma's styles make
// today; go test -run HighlightCSS -update rewrites it after a chroma
// upgrade.
func TestHighlightCSS(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("@media print, (prefers-color-scheme: light) {\n")
	if err := codeFormatter.WriteCSS(&b, styles.Get("github")); err != nil {
		t.Fatal(err)
	}
	b.WriteString("}\n@media screen and (prefers-color-scheme: dark) {\n")
	if err := codeFormatter.WriteCSS(&b, styles.Get("github-dark")); err != nil {
		t.Fatal(err)
	}
	b.WriteString("}\n")
	if *update {
		if err := os.WriteFile("highlight.css", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(HighlightCSS(), b.Bytes()) {
		t.Error("highlight.css differs from what chroma's github styles make; run go test ./generator/markdown -run HighlightCSS -update")
	}
}

// TestCodeStyleUnread checks that the empty style casebook formats code
// with gives the same HTML as a real one: with classes, the formatter
// reads no colour of it.
func TestCodeStyleUnread(t *testing.T) {
	samples := map[string]string{
		"go":     "package main\n\n// hi\nfunc main() { println(\"x\", 1.5) }\n",
		"python": "def f(x):\n    return {'a': x ** 2}  # square\n",
		"yaml":   "title: \"A\"\nlist: [1, 2]\n",
		"bash":   "for i in $(seq 3); do echo \"$i\" | tr a b; done\n",
	}
	for lang, code := range samples {
		it, err := chroma.Coalesce(lexers.Get(lang)).Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		tokens := it.Tokens()
		var ours, theirs strings.Builder
		if err := codeFormatter.Format(&ours, codeStyle, chroma.Literator(tokens...)); err != nil {
			t.Fatal(err)
		}
		for _, style := range []*chroma.Style{styles.Fallback, styles.Get("github"), styles.Get("github-dark")} {
			theirs.Reset()
			if err := chromahtml.New(chromahtml.WithClasses(true)).Format(&theirs, style, chroma.Literator(tokens...)); err != nil {
				t.Fatal(err)
			}
			if ours.String() != theirs.String() {
				t.Errorf("%s with style %s:\n%s\nwith casebook's:\n%s", lang, style.Name, theirs.String(), ours.String())
			}
		}
	}
}
