package site

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// secretLibrary holds a confidential case, private fields and unknown
// keys, each written so that it would reach a different kind of output
// if the build let it through.
const secretLibrary = `
-- casebook.yaml --
title: Safe Library
baseURL: https://example.com/lib/
json: {params: [region]}
-- content/cases/open-case.md --
---
title: The open case
summary: A case anyone may read.
date: 2024-05-01
tags: [delivery]
industry: retail
frameworks: [gaps]
client: Hotel Aurora
region: north
private:
  fee: "fee 40k for the Aurora work"
  contacts:
    - {name: Mirja Salonen, phone: "+358 40 123 4567"}
chain:
  - {actor: Courier, role: subcontractor, care: low}
---
The box came late. See [[gaps]] for why.
-- content/cases/zephyr.md --
---
title: Zephyr Bank overdraft
summary: Zephyrsummary words that no reader may see.
aliases: [Zephyr affair]
confidential: true
date: 2024-06-01
tags: [delivery, zephyrtag]
industry: zephyrbanking
frameworks: [gaps]
chain:
  - {actor: Zephyrcourier, role: zephyrrole, care: broken}
---
The overdraftish fee was charged twice to every account in the northern branch office. Unlike [[open-case]], nobody here noticed the mistake for months.
-- content/frameworks/gaps.md --
---
title: Gaps
summary: Expected, target and delivered.
---
The three experiences.
`

// secretsOf are the texts of secretLibrary's confidential case, each with
// the kind of output a --confidential build puts it in: proof that the
// fixture reaches that output, so its absence from a published build means
// the build left it out.
var secretsOf = []struct{ text, file string }{
	{"Zephyr Bank overdraft", "cases/zephyr/index.html"},    // its page
	{"cases/zephyr/", "sitemap.xml"},                        // sitemap and file names
	{"Zephyr Bank overdraft", "atom.xml"},                   // feed
	{"Zephyr Bank overdraft", "casebook.json"},              // the data
	{"Zephyr Bank overdraft", "cases/open-case/index.html"}, // related cases, backlinks
	{"nobody here noticed", "cases/open-case/index.html"},   // the backlink's quote
	{"zephyrrole", "insights/index.html"},                   // chart labels
	{"zephyrbanking", "industries/index.html"},              // taxonomy lists
	{"overdraftish", "search/"},                             // the search index
}

func TestConfidentialIsLeftOut(t *testing.T) {
	inside, _ := buildFixture(t, secretLibrary, Options{Confidential: true})
	for _, s := range secretsOf {
		if !anyFileHolds(inside, s.file, s.text) {
			t.Errorf("--confidential: %s does not hold %q; the fixture no longer tests that path", s.file, s.text)
		}
	}
	published, _ := buildFixture(t, secretLibrary, Options{})
	for _, secret := range []string{"Zephyr", "zephyr", "overdraftish", "nobody here noticed"} {
		for name, data := range published {
			if strings.Contains(name, secret) || bytes.Contains(data, []byte(secret)) {
				t.Errorf("published build: %s holds %q", name, secret)
			}
		}
	}
	// Counts follow the pages published: delivery has one case, not two.
	for _, c := range []struct {
		files map[string][]byte
		want  int
	}{{inside, 2}, {published, 1}} {
		if got := bytes.Count(c.files["tags/delivery/index.html"], []byte(`<li class="card"`)); got != c.want {
			t.Errorf("tags/delivery lists %d pages, want %d", got, c.want)
		}
	}
}

// anyFileHolds reports whether the file name (or, for a name ending in
// "/", any file under it) holds text.
func anyFileHolds(files map[string][]byte, name, text string) bool {
	for n, data := range files {
		if (n == name || strings.HasSuffix(name, "/") && strings.HasPrefix(n, name)) && bytes.Contains(data, []byte(text)) {
			return true
		}
	}
	return false
}

func TestPrivateFieldsNeverPublished(t *testing.T) {
	private := []string{"fee 40k", "Mirja Salonen", "+358 40 123 4567"}
	for _, opts := range []Options{{}, {Confidential: true}} {
		files, _ := buildFixture(t, secretLibrary, opts)
		for name, data := range files {
			for _, s := range private {
				if bytes.Contains(data, []byte(s)) {
					t.Errorf("%+v: %s holds the private %q", opts, name, s)
				}
			}
		}
	}
	preview, _ := buildFixture(t, secretLibrary, Options{Preview: true, Drafts: true})
	page := string(preview["cases/open-case/index.html"])
	for _, want := range []string{`<aside class="unpublished"`, "Not published", "fee 40k for the Aurora work", "Mirja Salonen"} {
		if !strings.Contains(page, want) {
			t.Errorf("preview of open-case lacks %q", want)
		}
	}
	secret := string(preview["cases/zephyr/index.html"])
	if !strings.Contains(secret, `class="unpublished-banner"`) || !strings.Contains(secret, "Confidential: not published") {
		t.Errorf("preview of the confidential case has no banner:\n%s", secret)
	}
	if strings.Contains(page, "unpublished-banner") {
		t.Error("the open case carries the confidential banner")
	}
}

func TestUnknownKeysStayOutOfJSON(t *testing.T) {
	files, _ := buildFixture(t, secretLibrary, Options{})
	var lib struct {
		Pages []struct {
			Slug   string         `json:"slug"`
			Params map[string]any `json:"params"`
		} `json:"pages"`
	}
	if err := json.Unmarshal(files["casebook.json"], &lib); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(lib.Pages, func(p struct {
		Slug   string         `json:"slug"`
		Params map[string]any `json:"params"`
	}) bool {
		return p.Slug == "open-case"
	})
	if i < 0 {
		t.Fatal("no open-case in casebook.json")
	}
	if got := lib.Pages[i].Params; len(got) != 1 || got["region"] != "north" {
		t.Errorf("params = %v, want only the listed region", got)
	}
	if bytes.Contains(files["casebook.json"], []byte("Hotel Aurora")) {
		t.Error("casebook.json holds the unlisted client key")
	}
	// Templates still see every unknown key.
	ar := txtar.Parse([]byte(secretLibrary))
	ar.Files = append(ar.Files, txtar.File{Name: "layouts/case.html", Data: []byte(`client={{.Page.Params.client}}`)})
	withLayout, _ := buildFixture(t, string(txtar.Format(ar)), Options{})
	if got := strings.TrimSpace(string(withLayout["cases/open-case/index.html"])); got != "client=Hotel Aurora" {
		t.Errorf("a template reading .Params.client got %q", got)
	}
}

func TestJSONConfigErrors(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"json: [region]\n", "casebook.yaml:1:7: error: json: want a mapping of key: value"},
		{"json: {params: {a: b}}\n", "casebook.yaml:1:16: error: json.params: want a list of text"},
		{"json: {fields: [a]}\n", `casebook.yaml:1:8: error: json: unknown field "fields"`},
	} {
		root := writeSite(t, txtar.Parse([]byte("-- casebook.yaml --\n"+tc.config+"-- content/a.md --\n# A\n")))
		errs := Check(root, Options{})
		if !strings.Contains(errs.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.config, errs, tc.want)
		}
	}
}

func TestLinkToConfidentialIsAnError(t *testing.T) {
	ar := txtar.Parse([]byte(secretLibrary + `-- content/frameworks/hidden.md --
---
title: Hidden method
confidential: true
---
Ours alone.
-- content/cases/leaky.md --
---
title: Leaky
frameworks: [gaps, hidden method]
---
First line.
As in [[Zephyr affair|the bank]], and [the same](zephyr.md).
`))
	root := writeSite(t, ar)
	_, errs := Build(root, Options{}, NewMemOutput())
	got := errs.Errors().Error()
	for _, want := range []string{
		`content/cases/leaky.md:3:20: error: frameworks[1]: names confidential page "Hidden method"`,
		`content/cases/leaky.md:6:7: error: links to confidential page "Zephyr Bank overdraft"`,
		`content/cases/leaky.md:6:39: error: links to confidential page "Zephyr Bank overdraft"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, d := range errs.Errors() {
		if d.Rule != "link-confidential" {
			t.Errorf("rule %q for %s", d.Rule, d)
		}
	}
	if _, errs := Build(root, Options{Confidential: true}, NewMemOutput()); errs.HasErrors() {
		t.Errorf("--confidential: %v", errs)
	}
}

// TestLinkToUnpublishedPage: a link, Markdown link or frameworks entry
// naming a draft or a publish: false page says which page that is and why
// the build has not got it; with --drafts the draft links as any page.
func TestLinkToUnpublishedPage(t *testing.T) {
	ar := txtar.Parse([]byte(`-- casebook.yaml --
title: T
-- content/frameworks/sketch.md --
---
title: Sketch method
draft: true
---
Not yet.
-- content/cases/notes.md --
---
title: Internal notes
publish: false
---
Ours.
-- content/cases/a.md --
---
title: A
frameworks: [sketch method]
---
See [[Sketch method]], [[Internal notes]] and [the notes](notes.md).
`))
	root := writeSite(t, ar)
	_, errs := Build(root, Options{}, NewMemOutput())
	got := errs.Errors().Error()
	for _, want := range []string{
		`content/cases/a.md:3:14: error: frameworks[0]: content/frameworks/sketch.md is a draft, which this build leaves out; build with --drafts, or delete draft: true there to publish it`,
		`content/cases/a.md:5:5: error: [[Sketch method]]: content/frameworks/sketch.md is a draft, which this build leaves out`,
		`content/cases/a.md:5:24: error: [[Internal notes]]: content/cases/notes.md says publish: false, so no build has it`,
		`content/cases/a.md:5:47: error: link to notes.md: content/cases/notes.md says publish: false, so no build has it`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, d := range errs.Errors() {
		if d.Rule != "link-unpublished" {
			t.Errorf("rule %q for %s", d.Rule, d)
		}
	}
	if strings.Contains(got, "did you mean") || strings.Contains(got, "has no frameworks") {
		t.Errorf("an unpublished page is no slip of a name; got suggestions:\n%s", got)
	}
	_, errs = Build(root, Options{Drafts: true}, NewMemOutput())
	if got := errs.Errors().Error(); strings.Contains(got, "sketch") || !strings.Contains(got, "says publish: false") {
		t.Errorf("--drafts: want only the publish: false links refused, got\n%s", got)
	}
}

// TestLeakCheckFails feeds a published build texts it must not hold, each
// in a different place, and wants each named with its output file and
// the offset, at the place the secret was written.
func TestLeakCheckFails(t *testing.T) {
	for _, tc := range []struct {
		name, extra, want string
	}{
		{"title in a body", "-- content/about.md --\n# About\n\nWe once helped Zephyr Bank Overdraft, quietly.\n",
			`content/cases/zephyr.md:2:8: error: leak: the title of confidential page content/cases/zephyr.md, "Zephyr Bank overdraft", is in the output file about/index.html at byte `},
		{"alias in a summary", "-- content/about.md --\n---\nsummary: Remember the zephyr affair?\n---\n# About\n",
			`content/cases/zephyr.md:1:1: error: leak: an alias of confidential page content/cases/zephyr.md, "Zephyr affair", is in the output file about/index.html at byte `},
		{"sentence in a page", "-- content/about.md --\n# About\n\nThe overdraftish fee was charged twice to every account\nin the northern branch office.\n",
			`content/cases/zephyr.md:13:1: error: leak: a sentence of confidential page content/cases/zephyr.md, "The overdraftish fee was charged twice to every account in the northern branch office.", is in the output file about/index.html at byte `},
		{"private value in a tag", "-- content/about.md --\n---\ntags: [Mirja Salonen]\n---\n# About\n",
			`content/cases/open-case.md:13:14: error: leak: a private: value of content/cases/open-case.md as a slug, "mirja-salonen", is in the name of output file tags/mirja-salonen/index.html at byte 5;`},
		{"private value in a static file", "-- static/notes.txt --\nCall +358 40 123 4567 after five.\n",
			`error: leak: a private: value of content/cases/open-case.md, "+358 40 123 4567", is in the output file notes.txt at byte 5;`},
		{"title with a no-break space", "-- content/about.md --\n# About\n\nWe once helped Zephyr\u00a0Bank&nbsp;Overdraft, quietly.\n",
			`content/cases/zephyr.md:2:8: error: leak: the title of confidential page content/cases/zephyr.md, "Zephyr Bank overdraft", is in the output file about/index.html at byte `},
		{"title in a link's address", "-- content/about.md --\n# About\n\nSee [the fees](https://drive.example.com/Zephyr%20Bank%20overdraft.pdf).\n",
			`content/cases/zephyr.md:2:8: error: leak: the title of confidential page content/cases/zephyr.md, "Zephyr Bank overdraft", is in the output file about/index.html at byte `},
		{"address in a static file name", "-- static/cases/zephyr/x.txt --\nhello\n",
			`content/cases/zephyr.md:1:1: error: leak: the address of confidential page content/cases/zephyr.md, "cases/zephyr/", is in the name of output file cases/zephyr/x.txt at byte 0;`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, txtar.Parse([]byte(secretLibrary+tc.extra)))
			_, errs := Build(root, Options{}, NewMemOutput())
			if !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("got\n%v\nwant a line containing\n%s", errs, tc.want)
			}
			for _, d := range errs.Errors() {
				if d.Rule != "leak" {
					t.Errorf("rule %q: %s", d.Rule, d)
				}
			}
			if checked := Check(root, Options{}); !strings.Contains(checked.Error(), tc.want) {
				t.Errorf("check does not find the leak:\n%v", checked)
			}
		})
	}
}

// TestLeakOffsets checks that a reported offset points at the secret.
func TestLeakOffsets(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(secretLibrary+"-- static/a.txt --\n0123456789 Hotel fee 40k for the Aurora work.\n")))
	out := NewMemOutput()
	_, errs := Build(root, Options{}, out)
	if len(errs.Errors()) != 1 || !strings.Contains(errs.Error(), "a.txt at byte 17;") {
		t.Fatalf("got %v", errs)
	}
	if got := string(out.Files()["a.txt"][17:24]); got != "fee 40k" {
		t.Errorf("byte 17 starts %q", got)
	}
}

// TestLeftOutAttachments leaves out the pictures only a confidential case
// uses (its bundle's, those it links, those under static/ it names by
// their root path), and keeps those a published page shows too, and
// static files no page names.
func TestLeftOutAttachments(t *testing.T) {
	files, _ := buildFixture(t, secretLibrary+`-- content/cases/vault/index.md --
---
title: The vault
confidential: true
---
![plan](plan.png) ![[shared.png]] ![[only-secret.png]] ![a](/img/alone.png) ![b](/img/both.png)
-- content/cases/vault/plan.png --
png
-- content/shared.png --
png
-- content/only-secret.png --
png
-- static/img/alone.png --
png
-- static/img/both.png --
png
-- static/img/other.png --
png
-- content/about.md --
# About

![[shared.png]] ![b](/img/both.png)
`, Options{})
	for name, want := range map[string]bool{"cases/vault/plan.png": false, "only-secret.png": false, "shared.png": true,
		"img/alone.png": false, "img/both.png": true, "img/other.png": true} {
		if _, got := files[name]; got != want {
			t.Errorf("%s written: %v, want %v", name, got, want)
		}
	}
}

// TestPreviewRebuildsPrivateNotes edits a private value and a page's
// confidential mark under a preview Rebuilder: the page is drawn again with
// the new box and banner, as a fresh preview build draws it.
func TestPreviewRebuildsPrivateNotes(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(secretLibrary)))
	opts := Options{Preview: true, Drafts: true, NoCards: true}
	r := NewRebuilder(root, opts)
	if _, errs := r.Rebuild(NewMemOutput()); errs.HasErrors() {
		t.Fatal(errs)
	}
	edit(t, root, "content/cases/open-case.md", func(s string) string {
		s = strings.Replace(s, "fee 40k for the Aurora work", "fee 45k after the change", 1)
		return strings.Replace(s, "region: north", "region: north\nconfidential: true", 1)
	})
	out := NewMemOutput()
	stats, errs := r.Rebuild(out)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	if stats.Rendered == 0 {
		t.Fatal("nothing was drawn again")
	}
	page := string(out.Files()["cases/open-case/index.html"])
	if !strings.Contains(page, "fee 45k after the change") || !strings.Contains(page, "Confidential: not published") {
		t.Error("the rebuilt page lacks the new private value or the banner")
	}
	fresh := NewMemOutput()
	if _, errs := Build(root, opts, fresh); errs.HasErrors() {
		t.Fatal(errs)
	}
	if string(fresh.Files()["cases/open-case/index.html"]) != page {
		t.Error("the rebuilt page differs from a fresh preview build")
	}
}

func TestPrivateMustBeAMapping(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte("-- casebook.yaml --\ntitle: T\n-- content/a.md --\n---\ntitle: A\nprivate: fee 40k\nconfidential: maybe\n---\nText.\n")))
	got := Check(root, Options{}).Error()
	for _, want := range []string{
		"content/a.md:3:10: error: private: want a mapping of notes that are never published, got",
		"content/a.md:4:15: error: confidential: want true or false",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

// TestCheckReadsTheSearchIndex: check's leak check reads what the build
// would write to the search index too, so check and build find the same.
func TestCheckReadsTheSearchIndex(t *testing.T) {
	root := writeSite(t, txtar.Parse([]byte(secretLibrary+"-- content/about.md --\n---\ntags: [Mirja Salonen]\n---\n# About\n")))
	checked := Check(root, Options{}).Errors()
	_, built := Build(root, Options{}, NewMemOutput())
	if len(checked) != len(built.Errors()) || !strings.Contains(checked.Error(), "in the output file search/") {
		t.Errorf("check found %d, build %d; check:\n%s", len(checked), len(built.Errors()), checked)
	}
}
