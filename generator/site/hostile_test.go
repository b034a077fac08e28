package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
	"golang.org/x/tools/txtar"
)

// hostile is a library written to attack its readers and the machine
// that builds it: script in every field a page shows, links to javascript:
// and data: addresses, and names that try to leave the output folder.
const hostile = `
-- casebook.yaml --
title: "<script>alert('site')</script>"
description: "\" onmouseover=\"alert('desc')"
-- content/cases/xss.md --
---
title: "<script>alert('title')</script>"
summary: "<img src=x onerror=alert('summary')>"
slug: "../../../../tmp/escaped"
tags: ["<b onclick=alert('tag')>t</b>", "../../etc"]
industry: "\"><svg onload=alert('industry')>"
aliases: ["<script>alert('alias')</script>"]
source: "<iframe src=javascript:alert('source')>"
experience:
  expected: "<script>alert('expected')</script>"
journey:
  - {stage: "<script>alert('stage')</script>", expected: 9, target: 5, delivered: 1}
chain:
  - {actor: "<script>alert('actor')</script>", role: "<i onmouseover=alert('role')>", care: broken, note: "</title><script>alert('note')</script>"}
ratings: {service: 1, experience: 2}
extra: "<script>alert('param')</script>"
---

Raw HTML: <script>alert('body')</script> <img src=x onerror="alert('img')">

[a link](javascript:alert('link')) and [another](JaVaScRiPt:alert('caps'))
and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)
and [vb](vbscript:msgbox) and [[other|<img src=x onerror=alert('label')>]].
-- content/cases/other.md --
---
title: "Other </script><script>alert('other')</script>"
---

Links back to [[tmp-escaped]], which shows its title in the link, and [by file](xss.md).
-- content/cases/con.md --
---
title: A page named like a Windows device
---

See [[other]].
`

// payload matches markup a browser would run: a script element, an event
// handler attribute, or a script address in a link or source.
var payload = regexp.MustCompile(`(?i)<script>alert|<(img|svg|iframe|b|i)\b[^>]*\bon[a-z]+=|(href|src)="\s*(javascript|vbscript|data:text/html)`)

// TestHostileContentIsInert builds the hostile library and checks that no
// output runs any of its script, and that nothing is written outside the
// output folder or under a name Windows cannot hold.
func TestHostileContentIsInert(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(hostile)))
	out := NewMemOutput()
	if _, errs := Build(root, Options{}, out); errs.HasErrors() {
		t.Fatalf("the hostile library should build (its payloads are text): %s", errs)
	}
	files := out.Files()
	if len(files) == 0 {
		t.Fatal("nothing built")
	}
	reserved := regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)`)
	for name, data := range files {
		clean := filepath.ToSlash(filepath.Clean(name))
		if clean != name || strings.HasPrefix(name, "/") || strings.HasPrefix(name, "../") || strings.ContainsAny(name, "\x00\\:") {
			t.Errorf("output name %q could leave the output folder", name)
		}
		for _, seg := range strings.Split(name, "/") {
			if reserved.MatchString(seg) {
				t.Errorf("output name %q has a segment Windows reserves", name)
			}
		}
		if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") {
			if m := payload.Find(data); m != nil {
				t.Errorf("%s holds live markup: %s", name, m)
			}
		}
	}
	page := string(files["cases/tmp-escaped/index.html"])
	if page == "" {
		t.Fatalf("the slug with ../ did not become a plain folder; built: %v", keys(files, "cases/"))
	}
	for _, want := range []string{"&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;script&gt;alert('body')&lt;/script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the case page does not show %s as text", want)
		}
	}
	// The JSON data blocks must not end their <script> element early.
	if strings.Contains(strings.ToLower(string(files["cases/other/index.html"])), "</script><script>") {
		t.Error("a value closed the page's JSON <script> block")
	}
}

func keys(files map[string][]byte, prefix string) []string {
	var out []string
	for name := range files {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}

// TestHostileInputIsBounded feeds inputs meant to exhaust the builder:
// YAML alias bombs, a page far too large, thousands of links on one page,
// deep nesting. Each gives a positioned error or a normal build, never a
// panic or a hang.
func TestHostileInputIsBounded(t *testing.T) {
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i := 'b'; i <= 'i'; i++ {
		prev := string(i - 1)
		laughs += fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	var links strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&links, "[[target]] %d ", i)
	}
	cases := []struct {
		name, file, src string
		wantErr         string // "" for a normal build
	}{
		{"alias bomb in an unknown key", "content/bomb.md", "---\ntitle: Bomb\n" + laughs + "---\nText.\n", "content/bomb.md:"},
		{"alias bomb in tags", "content/bomb.md", "---\ntitle: Bomb\n" + laughs + "tags: *i\n---\nText.\n", "content/bomb.md:"},
		{"a page over the size limit", "content/big.md", "---\ntitle: Big\n---\n" + strings.Repeat("All work and no play. ", content.MaxPageBytes/20), "content/big.md:1:1: error: "},
		{"ten thousand links", "content/links.md", "---\ntitle: Links\n---\n" + links.String() + "\n", ""},
		{"deeply nested quotes", "content/quotes.md", "---\ntitle: Quotes\n---\n" + strings.Repeat(">", 5000) + " deep\n", ""},
		{"deeply nested lists", "content/lists.md", "---\ntitle: Lists\n---\n" + nestedList(1000), ""},
		{"a byte order mark", "content/bom.md", "\uFEFF---\ntitle: BOM\n---\nText.\n", ""},
		{"invalid UTF-8", "content/latin1.md", "---\ntitle: Caf\xe9\n---\n", "content/latin1.md:2:11: error: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			write := func(rel, s string) {
				if err := writeFile(root, rel, s); err != nil {
					t.Fatal(err)
				}
			}
			write("casebook.yaml", "title: T\n")
			write("content/target.md", "---\ntitle: Target\n---\nHere.\n")
			write(c.file, c.src)
			_, errs := Build(root, Options{}, discard{})
			switch {
			case c.wantErr == "" && errs.HasErrors():
				t.Errorf("want a normal build, got %s", errs)
			case c.wantErr != "" && !strings.Contains(errs.Error(), c.wantErr):
				t.Errorf("want an error at %s, got %v", c.wantErr, errs)
			}
		})
	}
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		fmt.Fprintf(&b, "%s- level %d\n", strings.Repeat("  ", i), i)
	}
	return b.String()
}

// TestSymlinksAreNotFollowed: a link out of the site and a loop inside it
// neither leak outside files into the output nor hang the build.
func TestSymlinksAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := writeFile(outside, "secret.md", "---\ntitle: Secret\n---\nThe password is hunter2.\n"); err != nil {
		t.Fatal(err)
	}
	for rel, s := range map[string]string{"casebook.yaml": "title: T\n", "content/page.md": "---\ntitle: Page\n---\nText.\n", "static/ok.txt": "ok"} {
		if err := writeFile(root, rel, s); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"content/secret.md": filepath.Join(outside, "secret.md"),
		"content/outside":   outside,
		"content/loop":      filepath.Join(root, "content"),
		"static/secret.md":  filepath.Join(outside, "secret.md"),
		"static/passwd.txt": "/etc/passwd",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	out := NewMemOutput()
	if _, errs := Build(root, Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	for name, data := range out.Files() {
		if strings.Contains(string(data), "hunter2") || strings.Contains(string(data), "root:x:") {
			t.Errorf("%s holds a file from outside the site", name)
		}
	}
	if _, ok := out.Files()["ok.txt"]; !ok {
		t.Error("the regular static file was not copied")
	}
}
