package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the .html halves of testdata/convert.txtar")

// stubFill fills links so the test shows what was recorded for each.
func stubFill(doc *Doc) []byte {
	kinds := map[LinkKind]string{LinkWiki: "wiki", LinkPage: "page", LinkFile: "file"}
	return doc.Fill(func(i int) (string, string) {
		l := doc.Links[i]
		label := l.Label
		if label == "" {
			label = "T(" + l.Target + ")"
		}
		return fmt.Sprintf("%s:%s#%s", kinds[l.Kind], l.Target, l.Anchor), label
	})
}

func TestConvert(t *testing.T) {
	const file = "testdata/convert.txtar"
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
		doc, err := conv.Convert(sources[name])
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
		os.WriteFile(file, txtar.Format(ar), 0o644)
	}
}

func TestUnsafePassesHTML(t *testing.T) {
	doc, _ := New(Options{Unsafe: true}).Convert([]byte("<b>bold</b>\n"))
	if !bytes.Contains(doc.HTML, []byte("<b>bold</b>")) {
		t.Errorf("unsafe: %s", doc.HTML)
	}
}

func TestLinkOffsets(t *testing.T) {
	src := "Intro.\n\nSee [[a]] and [b](b.md).\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	if len(doc.Links) != 2 {
		t.Fatalf("links: %+v", doc.Links)
	}
	for i, want := range []string{"[[a]]", "[b](b.md)"} {
		if got := src[doc.Links[i].Offset:]; !strings.HasPrefix(got, want) {
			t.Errorf("link %d starts at %q, want %q", i, got, want)
		}
	}
	if l := doc.Links[1]; l.Line != 3 || l.Col != 15 {
		t.Errorf("the second link stands at %d:%d, want 3:15", l.Line, l.Col)
	}
	if doc.Lead != "Intro." {
		t.Errorf("lead %q", doc.Lead)
	}
}

// FuzzConvert: any Markdown converts, every recorded link's offset lies in
// the source, and no placeholder survives Fill.
func FuzzConvert(f *testing.F) {
	ar, err := txtar.ParseFile("testdata/convert.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range ar.Files {
		if strings.HasSuffix(file.Name, ".md") {
			f.Add(file.Data)
		}
	}
	conv := New(Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD")) // as the loader does
		doc, err := conv.Convert(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range doc.Links {
			if l.Offset < 0 || l.Offset > len(src) {
				t.Fatalf("offset %d outside a %d-byte source", l.Offset, len(src))
			}
		}
		if out := stubFill(doc); bytes.IndexByte(out, 0) >= 0 {
			t.Fatalf("a placeholder survived: %q", out)
		}
		text := func(i int) string { return "T" }
		for _, l := range doc.Links {
			for _, s := range []string{l.Before, l.After} {
				if strings.IndexByte(FillText(s, text), 0) >= 0 {
					t.Fatalf("a placeholder survived in context %q", s)
				}
			}
		}
		if strings.IndexByte(FillText(doc.Lead, text), 0) >= 0 {
			t.Fatalf("a placeholder survived in the lead %q", doc.Lead)
		}
	})
}

func TestLinkContext(t *testing.T) {
	src := "First sentence. The [[washing-machine|machine]] case shows *both* gaps! Later text.\n\n" +
		"- A list item with [a link](x.md) at the end\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	for i, want := range [][2]string{{"The ", " case shows both gaps!"}, {"A list item with ", " at the end"}} {
		if got := [2]string{doc.Links[i].Before, doc.Links[i].After}; got != want {
			t.Errorf("link %d context %q, want %q", i, got, want)
		}
	}
	if !bytes.Contains(doc.HTML, []byte(`id="ref-0"`)) || !bytes.Contains(doc.HTML, []byte(`id="ref-1"`)) {
		t.Errorf("links carry no ids for backlinks to point at: %s", doc.HTML)
	}
}

func TestContextNeverSplitsPlaceholder(t *testing.T) {
	long := strings.Repeat("word ", 40)
	src := long + "[[a]] [[b|B]] " + long + "[[target]] " + long + "[[c]] end.\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	fill := func(i int) string { return "<" + doc.Links[i].Text() + ">" }
	l := doc.Links[2]
	before, after := FillText(l.Before, fill), FillText(l.After, fill)
	if strings.IndexByte(before+after, 0) >= 0 || !strings.HasPrefix(before, "…") || !strings.HasSuffix(after, "…") {
		t.Errorf("context %q / %q", before, after)
	}
	if got := FillText("x \x00t1\x00 y \x00t0", fill); got != "x <B> y " {
		t.Errorf("FillText dropped or kept the wrong parts: %q", got)
	}
}

// TestTextKeepsTableCellsApart checks the text search indexes: cells of a
// table are separated, so an excerpt never runs two cells into one
// phrase, and other blocks stay one a line.
func TestTextKeepsTableCellsApart(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"paragraphs", "One.\n\nTwo.\n", "One.\nTwo.\n"},
		{"table", "| Stage | Where |\n|---|---|\n| Buying and getting it | Store, website |\n| Paying | Bank |\n\nAfter.\n",
			"Stage · Where · Buying and getting it · Store, website · Paying · Bank\nAfter.\n"},
		{"one cell", "| Only |\n|---|\n| on time |\n", "Only · on time\n"},
	}
	conv := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := conv.Convert([]byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text %q, want %q", doc.Text, tt.want)
			}
		})
	}
}
