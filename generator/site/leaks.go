package site

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/leak"
)

// sentencesSearched is how many of a left-out page's longest sentences
// the leak check searches for, and minSentence the fewest characters
// a sentence needs to be one of them.
const (
	sentencesSearched = 3
	minSentence       = 24
	leaksShown        = 50
)

// secrets lists what this build must not publish: of every page it left
// out, the title, aliases, URL, a hyphenated slug, the summary and the
// longest sentences; and every private: value of every page.
func (b *pass) secrets() []leak.Secret {
	var out []leak.Secret
	// Each text is searched for as written and, when it has several
	// words, as the slug a tag, an industry or a page would make of it.
	add := func(text, what string, at diag.Pos) {
		if strings.TrimSpace(text) == "" {
			return
		}
		out = append(out, leak.Secret{Text: text, What: what, At: at})
		if slug := content.Slugify(text); strings.Contains(slug, "-") && slug != text {
			out = append(out, leak.Secret{Text: slug, What: what + " as a slug", At: at})
		}
	}
	// A left-out page's address is no secret when a published page has
	// it too, in another language: a translation the edition keeps.
	published := map[string]bool{}
	for _, p := range b.lib.Pages {
		published[p.Path] = true
	}
	for _, p := range b.lib.LeftOut {
		page := "page " + p.File + " (left out of this edition)"
		if p.Confidential {
			page = "confidential page " + p.File
		}
		first := diag.Pos{Path: p.File, Line: 1, Col: 1}
		add(p.Title, "the title of "+page, cmp.Or(p.TitleAt, first))
		for _, a := range p.Aliases {
			add(a, "an alias of "+page, first)
		}
		if p.URL != "" && !published[p.Path] {
			out = append(out, leak.Secret{Text: p.URL, What: "the address of " + page, At: first})
		}
		if strings.Contains(p.Slug, "-") && !published[p.Path] { // a single word slug ("notes") is too common to search for alone
			out = append(out, leak.Secret{Text: p.Slug, What: "the slug of " + page, At: first})
		}
		add(p.Summary, "the summary of "+page, first)
		for _, s := range longestSentences(p.Body, sentencesSearched) {
			add(s.text, "a sentence of "+page, diag.Pos{Path: p.File, Line: p.BodyLine + s.line, Col: s.col})
		}
	}
	if ed := b.lib.Config.Edition; ed != nil {
		for _, r := range ed.Replace {
			add(r.From, "a name edition "+ed.Name+" replaces", r.At)
		}
	}
	for _, pages := range [][]*content.Page{b.lib.Pages, b.lib.LeftOut} {
		for _, p := range pages {
			for _, s := range p.Secrets {
				add(s.Text, "a private: value of "+p.File, s.At)
			}
		}
	}
	return out
}

// sentence is a sentence of a body and where it starts: its line from
// the body's first (0) and its column.
type sentence struct {
	text      string
	line, col int
}

// longestSentences finds the n longest plain sentences of a Markdown
// body: those without Markdown marks or quotes, which the output would
// show changed, and so could not be found as written.
func longestSentences(body []byte, n int) []sentence {
	var all []sentence
	for i, line := range bytes.Split(body, []byte("\n")) {
		start := 0
		for start < len(line) {
			end := start
			for end < len(line) && !(strings.IndexByte(".!?", line[end]) >= 0 && (end+1 == len(line) || line[end+1] == ' ')) {
				end++
			}
			text := bytes.TrimSpace(line[start:min(end+1, len(line))])
			lead := len(line[start:]) - len(bytes.TrimLeft(line[start:], " \t"))
			if len(text) >= minSentence && !bytes.ContainsAny(text, "[]()*_`<>|#=$%\\\"'~{}^") {
				all = append(all, sentence{text: string(text), line: i, col: start + lead + 1})
			}
			start = end + 1
		}
	}
	slices.SortStableFunc(all, func(x, y sentence) int { return cmp.Compare(len(y.text), len(x.text)) })
	return all[:min(n, len(all))]
}

// leakCheck gathers the leak check's hits from the goroutines that write
// the output.
type leakCheck struct {
	scanner *leak.Scanner
	mu      sync.Mutex
	hits    []leak.Hit
	cpu     atomic.Int64 // nanoseconds spent scanning, summed over goroutines
}

// leakCheck is the build's leak check, made on first use: the index step
// writes its files before anything is rendered, and both go through it.
func (b *pass) leakCheck() *leakCheck {
	b.leaksOnce.Do(func() { b.leaks = b.newLeakCheck() })
	return b.leaks
}

// newLeakCheck prepares the check of a published build; the preview,
// which shows what it keeps from readers on purpose, has none.
func (b *pass) newLeakCheck() *leakCheck {
	if b.opts.Preview {
		return nil
	}
	s := leak.New(b.secrets())
	if s.Len() == 0 {
		return nil
	}
	return &leakCheck{scanner: s}
}

// scan searches one output file. Built-in files (casebook's own CSS and
// scripts, the mermaid bundle) are the same for every library and hold
// nothing of it, so only their names are searched: their bytes, megabytes
// of minified code, would only slow the check and match short names by
// chance.
func (c *leakCheck) scan(o output, data []byte) {
	if c == nil {
		return
	}
	start := time.Now()
	hits := c.scanner.Scan(o.name, data, !o.builtin)
	c.cpu.Add(int64(time.Since(start)))
	if len(hits) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits = append(c.hits, hits...)
}

// errors reports each hit at the place its secret was written, naming
// the output file and the byte offset it stands at.
func (c *leakCheck) errors() diag.List {
	if c == nil || len(c.hits) == 0 {
		return nil
	}
	slices.SortFunc(c.hits, func(x, y leak.Hit) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Offset, y.Offset))
	})
	var errs diag.List
	for i, h := range c.hits {
		if i == leaksShown {
			errs.Add(diag.Diagnostic{Pos: h.Secret.At, Severity: diag.Error, Rule: "leak",
				Message: fmt.Sprintf("leak: %d more texts that must not be published are in the output; the output is left as it was", len(c.hits)-leaksShown)})
			break
		}
		where := fmt.Sprintf("output file %s at byte %d", h.File, h.Offset)
		if h.InName {
			where = fmt.Sprintf("name of output file %s at byte %d", h.File, h.Offset)
		}
		if h.Found != h.Secret.Text {
			// Case and spacing do not hide a secret; say what was found,
			// or the writer looks for the text as written and sees none.
			where += fmt.Sprintf(", written %q", h.Found)
		}
		errs.Add(diag.Diagnostic{Pos: h.Secret.At, Severity: diag.Error, Rule: "leak",
			Message: fmt.Sprintf("leak: %s, %q, is in the %s; the output is left as it was", h.Secret.What, h.Secret.Text, where)})
	}
	return errs
}
