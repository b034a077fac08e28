package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Washing Machine":             "washing-machine",
		"  Care -- across/the chain ": "care-across-the-chain",
		"Pesukoneen toimitus":         "pesukoneen-toimitus",
		"Ääkköset ÖÖ":                 "ääkköset-öö",
		"../../etc/passwd":            "etc-passwd",
		"snake_case":                  "snake_case",
		"%2e%2e":                      "2e-2e",
		"!!!":                         "",
		"CON":                         "con_",
		"lpt1":                        "lpt1_",
		"lpt10":                       "lpt10",
		"console":                     "console",
		"a\x00b":                      "a-b",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIdentify(t *testing.T) {
	cfg := &Config{Languages: []string{"en", "fi"}}
	for _, tc := range []struct {
		rel                         string
		kind                        Kind
		lang, slug, path, url, sect string
	}{
		{"cases/washing-machine.md", KindCase, "en", "washing-machine", "cases/washing-machine", "cases/washing-machine/", "cases"},
		{"cases/washing-machine.fi.md", KindCase, "fi", "washing-machine", "cases/washing-machine", "fi/cases/washing-machine/", "cases"},
		{"cases/sofa/index.md", KindCase, "en", "sofa", "cases/sofa", "cases/sofa/", "cases"},
		{"cases/sofa/index.fi.md", KindCase, "fi", "sofa", "cases/sofa", "fi/cases/sofa/", "cases"},
		{"frameworks/Care Chain.md", KindFramework, "en", "care-chain", "frameworks/care-chain", "frameworks/care-chain/", "frameworks"},
		{"about.md", KindPage, "en", "about", "about", "about/", ""},
		{"method/steps.md", KindPage, "en", "steps", "method/steps", "method/steps/", "method"},
		{"_index.md", KindSection, "en", "", "", "", ""},
		{"_index.fi.md", KindSection, "fi", "", "", "fi/", ""},
		{"cases/_index.md", KindSection, "en", "", "cases", "cases/", "cases"},
		{"notes.de.md", KindPage, "en", "notes-de", "notes-de", "notes-de/", ""}, // de is not a configured language
	} {
		p := &Page{}
		identify(p, tc.rel, cfg)
		p.setURL(cfg)
		if p.Kind != tc.kind || p.Lang != tc.lang || p.Slug != tc.slug || p.Path != tc.path || p.URL != tc.url || p.Section != tc.sect {
			t.Errorf("%s: got kind %s lang %s slug %q path %q url %q section %q", tc.rel, p.Kind, p.Lang, p.Slug, p.Path, p.URL, p.Section)
		}
	}
}

func TestParsePageText(t *testing.T) {
	cfg := DefaultConfig()
	for _, tc := range []struct {
		name, src, err string
		bodyLine       int
	}{
		{"bom", "\uFEFF---\ntitle: T\n---\nBody\n", "", 4},
		{"crlf", "---\r\ntitle: T\r\n---\r\nBody\r\n", "", 4},
		{"latin1", "---\ntitle: Caf\xe9\n---\n", "content/x.md:2:11: error: not valid UTF-8 text; save the file as UTF-8", 0},
		{"dots close", "---\ntitle: T\n...\nBody\n", "", 4},
		{"whitespace only", " \n\t\n", "content/x.md:1:1: error: empty file; write the page's text, or front matter between --- lines", 0},
		{"list at top", "---\n- a\n- b\n---\n", "content/x.md:2:1: error: front matter: want key: value lines, got a list", 0},
		{"no body", "---\ntitle: T\n---", "", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, errs := ParsePage("x.md", []byte(tc.src), cfg)
			if got := errs.Error(); !strings.HasPrefix(got, tc.err) || (tc.err == "") != (len(errs) == 0) {
				t.Fatalf("errors:\n%s\nwant:\n%s", got, tc.err)
			}
			if tc.err == "" && (p.Title != "T" || p.BodyLine != tc.bodyLine) {
				t.Errorf("title %q, body line %d; want T, %d", p.Title, p.BodyLine, tc.bodyLine)
			}
		})
	}
}

func TestUnknownKeysKept(t *testing.T) {
	p, errs := ParsePage("cases/x.md", []byte("---\ntitle: T\nclient: {name: Acme, size: 3}\n---\n"), DefaultConfig())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	client, ok := p.Params["client"].(map[string]any)
	if !ok || client["name"] != "Acme" || client["size"] != 3 {
		t.Errorf("params: %#v", p.Params)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ConfigFile), []byte("title: [a, b]\nlanguages: [en, 'F I']\nunsafe: sometimes\n"), 0o644)
	_, errs := LoadConfig(dir)
	want := "casebook.yaml:1:8: error: title: want text, got a list\n" +
		"casebook.yaml:2:17: error: languages[1]: want a language code such as en or fi, got \"F I\"\n" +
		"casebook.yaml:3:9: error: unsafe: want true or false, got \"sometimes\""
	errs.Sort()
	if errs.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", errs, want)
	}
}

// TestConfigKeySlips: a casebook.yaml key one slip from a known key is a
// warning offering it, so a site does not lose its address to baseUrl;
// a key far from all is the site's own parameter, and passes.
func TestConfigKeySlips(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ConfigFile), []byte("baseUrl: https://example.com/\ntitel: Oops\nbrand_colour: teal\n"), 0o644)
	cfg, errs := LoadConfig(dir)
	want := "casebook.yaml:1:1: warning: baseUrl: not a key casebook knows (it would only reach templates); did you mean `baseURL`?\n" +
		"casebook.yaml:2:1: warning: titel: not a key casebook knows (it would only reach templates); did you mean `title`?"
	errs.Sort()
	if errs.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", errs, want)
	}
	if cfg.Params["brand_colour"] != "teal" || errs.HasErrors() {
		t.Errorf("the site's own parameter: %v; errors: %v", cfg.Params, errs.HasErrors())
	}
}

// FuzzParsePage feeds arbitrary files to the front matter and schema code,
// seeded with every page in the site fixtures: it must never panic, and a
// page it returns must have a URL that stays inside the output folder.
func FuzzParsePage(f *testing.F) {
	archives, _ := filepath.Glob("../site/testdata/sites/*.txtar")
	mistakes, _ := filepath.Glob("../site/testdata/check/*.txtar") // front matter YAML rejects, for explainYAML
	for _, a := range append(archives, mistakes...) {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if rel, ok := strings.CutPrefix(file.Name, "content/"); ok && strings.HasSuffix(rel, ".md") {
				f.Add(rel, file.Data)
			}
		}
	}
	cfg := &Config{Languages: []string{"en", "fi"}}
	f.Fuzz(func(t *testing.T, rel string, src []byte) {
		p, _ := ParsePage(rel, src, cfg)
		if p == nil {
			return
		}
		if strings.Contains(p.URL, "..") || strings.HasPrefix(p.URL, "/") || strings.Contains(p.URL, "\\") {
			t.Errorf("%q makes URL %q", rel, p.URL)
		}
	})
}

// TestNotesGetAddressesOfTheirOwn: in a folder of notes, a note at an
// address casebook uses, or one another note has, moves aside with a
// warning rather than failing the build.
func TestNotesGetAddressesOfTheirOwn(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{"Tags.md": "Tags I use.", "Q&A.md": "One.", "Q A.md": "Two.", "q-a-2.md": "Three."} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, errs := Load(root, Options{})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	urls := map[string]string{}
	for _, p := range lib.Pages {
		urls[p.File] = p.URL
	}
	want := map[string]string{"Tags.md": "tags-2/", "Q A.md": "q-a/", "Q&A.md": "q-a-3/", "q-a-2.md": "q-a-2/"}
	for file, url := range want {
		if urls[file] != url {
			t.Errorf("%s is at /%s, want /%s", file, urls[file], url)
		}
	}
	errs.Sort()
	if got := errs.Error(); !strings.Contains(got, "Q&A.md:1:1: warning: /q-a/ is taken by another note; this note is at /q-a-3/") ||
		!strings.Contains(got, "Tags.md:1:1: warning: /tags/ is taken by casebook's own pages; this note is at /tags-2/") {
		t.Errorf("warnings:\n%s", got)
	}
}

// TestTitleFromHeadingSkipsComments: a title taken from the first heading
// never carries a comment, nor comes from a heading inside one.
func TestTitleFromHeadingSkipsComments(t *testing.T) {
	for src, want := range map[string]string{
		"# Plan %%fee 40k%% for Q3\n":                    "Plan for Q3",
		"%%\n# Secret draft title\n%%\n# Real title\n":   "Real title",
		"<!-- # hidden -->\n# Shown <!-- not this -->\n": "Shown",
		"```\n# in code\n```\n# After code\n":            "After code",
		"No heading here.\n":                             "x",
	} {
		p, errs := ParsePage("notes/x.md", []byte(src), DefaultConfig())
		if errs.HasErrors() {
			t.Fatal(errs)
		}
		if p.Title != want {
			t.Errorf("%q: title %q, want %q", src, p.Title, want)
		}
	}
}

// TestTitleOfTheWrongType: a title that is not text is one error, saying
// so, not also that it is empty.
func TestTitleOfTheWrongType(t *testing.T) {
	_, errs := ParsePage("cases/x.md", []byte("---\ntitle: [a, b]\n---\nText.\n"), DefaultConfig())
	if got := errs.Errors().Error(); got != "content/cases/x.md:2:8: error: title: want text, got a list" {
		t.Errorf("got %q", got)
	}
	_, errs = ParsePage("cases/x.md", []byte("---\ntitle: \"\"\n---\nText.\n"), DefaultConfig())
	if got := errs.Errors().Error(); !strings.Contains(got, "title: must not be empty") {
		t.Errorf("an empty title: got %q", got)
	}
}

// TestUnclosedFrontMatter: a library's page must close its front matter;
// a note that does not shows it as text, as Obsidian does, with a warning.
func TestUnclosedFrontMatter(t *testing.T) {
	src := []byte("---\ntitle: x\n\nNo closing line.\n")
	if _, errs := ParsePage("cases/x.md", src, DefaultConfig()); errs.Errors().Error() != "content/cases/x.md:1:1: error: front matter is never closed; add a --- line after it" {
		t.Errorf("in a library: %v", errs)
	}
	notes := &Config{Languages: []string{"en"}, NoContentDir: true}
	p, errs := ParsePage("Open.md", src, notes)
	if errs.HasErrors() || len(errs) != 1 || p == nil || !strings.Contains(string(p.Body), "No closing line.") {
		t.Errorf("in a folder of notes: %v, body %q", errs, p.Body)
	}
}
