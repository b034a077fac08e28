package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the .html halves of testdata/*.txtar")

// stubFill fills links so the test shows what was recorded for each.
func stubFill(doc *Doc) []byte {
	kinds := map[LinkKind]string{LinkWiki: "wiki", LinkPage: "page", LinkFile: "file", LinkTag: "tag"}
	return doc.Fill(func(i int) Value {
		l := doc.Links[i]
		label := l.Label
		if label == "" {
			label = "T(" + l.Target + ")"
		}
		href := fmt.Sprintf("%s:%s#%s", kinds[l.Kind], l.Target, l.Anchor)
		embed := fmt.Sprintf("[embed %s label=%q %dx%d block=%v]", href, l.Label, l.Width, l.Height, l.Block)
		return Value{Href: href, Text: label, HTML: []byte(embed)}
	})
}

// fixtures are the spec-style cases: each testdata/*.txtar holds NAME.md
// and the NAME.html it converts to.
func fixtures(t testing.TB) map[string]*txtar.Archive {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	out := map[string]*txtar.Archive{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out[file] = ar
	}
	return out
}

func TestConvert(t *testing.T) {
	conv := New(Options{})
	for file, ar := range fixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
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
					t.Errorf("%s has no %s.md", f.Name, name)
					continue
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
				t.Errorf("%s.md\n%s--- want\n%s--- got\n%s", name, src, f.Data, got)
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
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
	for _, ar := range fixtures(f) {
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".md") {
				f.Add(file.Data)
			}
		}
	}
	for _, forged := range forgedMarks {
		f.Add([]byte(forged))
	}
	conv, unsafe := New(Options{}), New(Options{Unsafe: true})
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := unsafe.Convert(src); err != nil {
			t.Fatal(err)
		}
		doc, err := conv.Convert(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range doc.Links {
			if strings.IndexByte(l.Target+l.Anchor+l.Label, 0) >= 0 {
				t.Fatalf("a NUL reached a link's target: %+v", l)
			}
			if l.Offset < 0 || l.Offset > len(src)+2*bytes.Count(src, []byte{0}) {
				t.Fatalf("offset %d outside a %d-byte source", l.Offset, len(src))
			}
			// Offsets survive the comments cut before parsing: a tag's
			// and a wikilink's point at their own marks in the source. (A
			// comment may stand inside a tag, #%%x%%tag, so only its #.)
			switch at := string(noNUL(src)[l.Offset:]); {
			case l.Kind == LinkTag && !strings.HasPrefix(at, "#"):
				t.Fatalf("tag %q at %d reads %q", l.Target, l.Offset, at)
			case l.Kind == LinkWiki && !strings.HasPrefix(at, "[[") && !strings.HasPrefix(at, "![["):
				t.Fatalf("wikilink %q at %d reads %q", l.Target, l.Offset, at)
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

// TestCommentsNeverPublished: whatever a comment holds, no part of the
// Doc shows it, with raw HTML passed through or escaped.
func TestCommentsNeverPublished(t *testing.T) {
	src := "# Title %%secret-heading%%\n\n" +
		"Lead %%secret-inline [[secret-link]]%% sentence with [[seen]] link.\n\n" +
		"<!-- secret-html [x](secret.md) -->\n\n" +
		"%%\nsecret-block\n\n## Secret heading\n\n- [[secret-item]]\n%%\n\n" +
		"Body <!-- secret-inline-html --> text and #tag.\n\n" +
		"%% secret-rest, never closed\n\n[[secret-last]]\n"
	for _, unsafe := range []bool{false, true} {
		doc, err := New(Options{Unsafe: unsafe}).Convert([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		all = append(all, string(doc.HTML), doc.Text, doc.Lead)
		for _, h := range doc.Headings {
			all = append(all, h.Text, h.ID)
		}
		for _, l := range doc.Links {
			all = append(all, l.Target, l.Label, l.Before, l.After)
		}
		for _, s := range all {
			if strings.Contains(strings.ToLower(s), "secret") || strings.Contains(s, "%%") || strings.Contains(s, "<!--") || strings.Contains(s, "&lt;!--") {
				t.Errorf("unsafe=%v: a comment shows in %q", unsafe, s)
			}
		}
		if len(doc.Links) != 2 || doc.Links[0].Target != "seen" || doc.Links[1].Target != "tag" {
			t.Errorf("unsafe=%v: links %+v, want [[seen]] and #tag only", unsafe, doc.Links)
		}
		if len(doc.Headings) != 1 || doc.Headings[0].Text != "Title" {
			t.Errorf("unsafe=%v: headings %+v", unsafe, doc.Headings)
		}
		if !strings.HasPrefix(doc.Lead, "Lead") || !strings.HasSuffix(doc.Lead, "link.") {
			t.Errorf("unsafe=%v: lead %q", unsafe, doc.Lead)
		}
		if !strings.Contains(doc.Text, "Body  text and #tag.") {
			t.Errorf("unsafe=%v: text %q", unsafe, doc.Text)
		}
	}
}

// TestPositionsAfterComments: a link's offset, line and column are where
// it stands in the source as written, however many comments come before.
func TestPositionsAfterComments(t *testing.T) {
	src := "Intro %%one\ntwo%% then [[a]].\n\n" +
		"%%\nblock\n\nstill comment\n%%\n" +
		"<!-- html\ncomment --> and ==[b](b.md)== and #c\n\n" +
		"> [!note] %%c%% Title [[d]]\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	lines := strings.Split(src, "\n")
	want := []struct {
		text      string
		line, col int
	}{{"[[a]]", 2, 12}, {"[b](b.md)", 10, 19}, {"#c", 10, 35}, {"[[d]]", 12, 23}}
	if len(doc.Links) != len(want) {
		t.Fatalf("links %+v", doc.Links)
	}
	for _, w := range want {
		var l *Link
		for i := range doc.Links {
			if strings.HasPrefix(src[doc.Links[i].Offset:], w.text) {
				l = &doc.Links[i]
			}
		}
		if l == nil {
			t.Errorf("no link's offset points at %q: %+v", w.text, doc.Links)
			continue
		}
		if l.Line != w.line || l.Col != w.col {
			t.Errorf("%s at %d:%d, want %d:%d", w.text, l.Line, l.Col, w.line, w.col)
		} else if line := lines[l.Line-1]; !strings.HasPrefix(line[l.Col-1:], w.text) {
			t.Errorf("%s: %d:%d reads %q", w.text, l.Line, l.Col, line[l.Col-1:])
		}
	}
}

// TestObsidianPlainText: highlights read as their words, tags as "#tag",
// and a callout's title and body as text, in the search text, the lead
// and a link's context.
func TestObsidianPlainText(t *testing.T) {
	src := "> [!tip]- A ==useful== title\n> Body with #ideas/new and [[x]] here.\n\n" +
		"The ==marked **words**== stay. Next sentence.\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	if doc.Lead != "Body with #ideas/new and \x00t0\x00 here." {
		t.Errorf("lead %q", doc.Lead)
	}
	for _, want := range []string{"A useful title\n", "The marked words stay. Next sentence.\n", "#ideas/new"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text %q lacks %q", doc.Text, want)
		}
	}
	if strings.Contains(doc.Text, "==") || strings.Contains(doc.Text, "[!tip]") {
		t.Errorf("marks left in the text %q", doc.Text)
	}
	var tag *Link
	for i := range doc.Links {
		if doc.Links[i].Kind == LinkTag {
			tag = &doc.Links[i]
		}
	}
	if tag == nil || tag.Target != "ideas/new" || tag.Before != "Body with " || tag.After != " and \x00t0\x00 here." {
		t.Errorf("tag link %+v", tag)
	}
}

// forgedMarks are sources that try to put a mark of their own into a Doc:
// a raw NUL, a percent-escaped one in a link path, an entity.
var forgedMarks = []string{
	"[x](%000000)",
	"![x](%00h0%00)",
	"[[a]] \x00t0\x00 and \x00h0\x00",
	"[x](a%00b.md)",
	"&#0;t0&#0; [[a]]",
	"[x](<%00e0%00>)",
}

func TestMarksCannotBeForged(t *testing.T) {
	conv := New(Options{})
	for _, src := range forgedMarks {
		doc, err := conv.Convert([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out := doc.Fill(func(i int) Value { return Value{Href: "H", Text: "T", HTML: []byte("<E>")} })
		if bytes.IndexByte(out, 0) >= 0 || bytes.Contains(out, []byte("<E>")) {
			t.Errorf("%q: a forged mark reached the page: %q", src, out)
		}
		if n := strings.Count(string(out), `"H"`) + strings.Count(string(out), ">T<"); n > 2*len(doc.Links) {
			t.Errorf("%q: more filled values (%d) than links (%d): %q", src, n, len(doc.Links), out)
		}
		for _, l := range doc.Links {
			if strings.IndexByte(l.Target, 0) >= 0 {
				t.Errorf("%q: a NUL in a link target %q", src, l.Target)
			}
		}
	}
}

func TestSections(t *testing.T) {
	src := "A paragraph. ^intro\n\n- one\n- two ^item-2\n\n> quoted\n\n^quote\n\n# Heading\n\nText [[x]].\n\n## Sub\n\nSub text.\n\n# Next\n\nEnd.\n"
	doc, _ := New(Options{}).Convert([]byte(src))
	for anchor, want := range map[string]string{
		"^intro":  "<p id=\"^intro\">A paragraph.</p>\n",
		"^item-2": "<li id=\"^item-2\">two</li>\n",
		"^quote":  "<blockquote id=\"^quote\"><p>quoted</p>\n</blockquote>\n",
		"heading": "<h1 id=\"heading\">Heading</h1>\n<p>Text <a class=\"wikilink\" id=\"ref-0\" href=\"H\">T</a>.</p>\n<h2 id=\"sub\">Sub</h2>\n<p>Sub text.</p>\n",
		"sub":     "<h2 id=\"sub\">Sub</h2>\n<p>Sub text.</p>\n",
		"next":    "<h1 id=\"next\">Next</h1>\n<p>End.</p>\n",
	} {
		start, end, ok := doc.Section(anchor)
		if !ok {
			t.Errorf("no section %q", anchor)
			continue
		}
		got := doc.FillRange(start, end, func(int) Value { return Value{Href: "H", Text: "T"} })
		if string(got) != want {
			t.Errorf("section %q:\n%q\nwant\n%q", anchor, got, want)
		}
	}
	if _, _, ok := doc.Section("missing"); ok {
		t.Error("a missing anchor has a section")
	}
	if strings.Contains(string(doc.HTML), "^quote</p>") || strings.Contains(doc.Text, "^intro") {
		t.Errorf("a block id marker is shown: %s / %q", doc.HTML, doc.Text)
	}
}

// BenchmarkConvert shows what Obsidian's constructs cost: a note without
// comment marks is parsed once, a note with them twice (once to find
// code, once without the comments).
func BenchmarkConvert(b *testing.B) {
	para := "A paragraph with [[a link]], *emphasis*, `code` and a [file](x.pdf). "
	obsidian := "> [!tip]- A ==callout== with #tag/nested\n> and a body line.\n\n"
	for _, c := range []struct{ name, src string }{
		{"plain", strings.Repeat(para+"\n\n", 50)},
		{"obsidian", strings.Repeat(para+"==mark== #tag\n\n"+obsidian, 25)},
		{"comments", strings.Repeat(para+"%%a comment%% <!-- and one -->\n\n", 50)},
	} {
		b.Run(c.name, func(b *testing.B) {
			conv := New(Options{})
			src := []byte(c.src)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := conv.Convert(src); err != nil {
					b.Fatal(err)
				}
			}
		})
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

// TestLexersUntimed: highlighting never depends on how busy the machine
// is. Should a chroma release change the shape untimed reaches into, this
// fails rather than letting builds differ again under load.
func TestLexersUntimed(t *testing.T) {
	l, ok := untimed(lexers.Get("go")).(*chroma.RegexLexer)
	if !ok {
		t.Fatal("the Go lexer is not a RegexLexer")
	}
	field := reflect.ValueOf(l).Elem().FieldByName("rules")
	rules := reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem().Interface().(map[string][]*chroma.CompiledRule)
	n := 0
	for _, state := range rules {
		for _, rule := range state {
			if rule.Regexp != nil && rule.Regexp.MatchTimeout != regexp2.DefaultMatchTimeout {
				t.Fatalf("a rule of the Go lexer still times out after %v", rule.Regexp.MatchTimeout)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("the Go lexer has no compiled rules")
	}
}
