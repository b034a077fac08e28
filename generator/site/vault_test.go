package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestVault builds testdata/vault, a folder of notes as Obsidian keeps
// them (no content/, no casebook.yaml), and follows every link.
func TestVault(t *testing.T) {
	out := NewMemOutput()
	_, errs := Build("testdata/vault", Options{}, out)
	want := `Welcome.md:15:27: warning: [[Guest survey 2024]]: no page is called "Guest survey 2024" (by slug, title, alias or path); it shows as text until the page or file exists`
	if errs.HasErrors() || errs.Error() != want {
		t.Fatalf("problems:\n%s\nwant only the warning:\n%s", errs, want)
	}
	files := out.Files()
	for _, name := range []string{
		"index.html", "welcome/index.html", // Home.md is the home page's text
		"projects/index.html", // Projects/Projects.md is its folder's note
		"projects/alpha/index.html", "projects/meeting-notes/index.html",
		"plans/beta/index.html", // a permalink
		"archive/index.html", "archive/2023/index.html", "archive/2023/meeting-notes/index.html",
		"attachments/journey sketch.png", "attachments/brief.pdf", "Projects/cover.png",
		"tags/project/index.html", "tags/hotel/index.html", "tags/archive/index.html",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s was not built", name)
		}
	}
	for name := range files {
		for _, left := range []string{".obsidian", ".trash", "private", "Private"} {
			if strings.HasPrefix(name, left+"/") {
				t.Errorf("%s: built from a folder that is no part of the site", name)
			}
		}
	}
	for name, data := range files {
		if bytes.Contains(data, []byte("Fee negotiations")) {
			t.Errorf("%s: a note with publish: false was published", name)
		}
	}
	home := string(files["index.html"])
	if !strings.Contains(home, "small field notebook") || !strings.Contains(home, `href="projects/index.html">Projects</a>`) {
		t.Errorf("the home page lacks Home.md's text or the Projects folder in its navigation")
	}
	welcome := string(files["welcome/index.html"])
	for _, want := range []string{
		`<title>Welcome to the notebook · Casebook</title>`, // the title is the first heading
		`<a class="wikilink" id="ref-0" href="../projects/meeting-notes/index.html#^decision">the decision</a>`,
		`href="../projects/alpha/index.html#scope">Alpha</a>`,  // Note#Heading#Sub
		`<a class="wikilink" id="ref-7">Guest survey 2024</a>`, // not written yet: text, not a link
		`<a class="wikilink" id="ref-8" href="../projects/alpha/index.html">The alpha project</a>`,
		`<img id="ref-10" src="../attachments/journey%20sketch.png" alt="journey sketch" width="300" loading="lazy">`,
		`<a class="embed-file" id="ref-11" href="../attachments/brief.pdf">`,
		"<h2>Goals</h2>\n<p>Find where the promise",                                          // an embedded heading, with its section
		"<p>We will show the real view from each room type on the booking page.</p>\n</div>", // an embedded block
	} {
		if !strings.Contains(welcome, want) {
			t.Errorf("welcome/index.html lacks %q", want)
		}
	}
	for _, want := range []string{
		`<mark>single most important finding</mark>`,
		`href="../tags/field-notes/index.html">#field-notes</a>`, `href="../tags/projects-hotel/index.html">#projects/hotel</a>`,
		`<details class="callout`, `<aside class="callout`,
	} {
		if !strings.Contains(welcome, want) {
			t.Errorf("welcome/index.html lacks %q", want)
		}
	}
	if !strings.Contains(string(files["tags/field-notes/index.html"]), "Welcome to the notebook") {
		t.Error("the page of an inline #tag does not list the note that mentions it")
	}
	for name, data := range files {
		for _, secret := range []string{"Reminder to self", "An HTML comment"} {
			if strings.Contains(string(data), secret) {
				t.Errorf("%s publishes a comment: %q", name, secret) // pages, search index, feeds, casebook.json
			}
		}
		for _, left := range []string{"%%", "[!tip]", "[!warning]", "==", "![["} {
			if strings.HasSuffix(name, ".html") && strings.Contains(string(data), left) || name == "casebook.json" && strings.Contains(string(data), left) {
				t.Errorf("%s shows %q", name, left)
			}
		}
	}
	if n := strings.Count(welcome, "<h1"); n != 1 {
		t.Errorf("welcome/index.html has %d h1 elements, want its first heading alone", n)
	}
	if strings.Contains(welcome, "^decision</p>") || strings.Contains(string(files["projects/meeting-notes/index.html"]), " ^") {
		t.Error("a block id marker is shown to readers")
	}
	meeting := string(files["projects/meeting-notes/index.html"])
	for _, id := range []string{`<p id="^decision">`, `<li id="^action-1">`} {
		if !strings.Contains(meeting, id) {
			t.Errorf("the meeting notes lack the anchor %s", id)
		}
	}
	alpha := string(files["projects/alpha/index.html"])
	if !strings.Contains(alpha, `<article class="page wide">`) {
		t.Error("cssclasses did not reach the page")
	}
	// The embeds count once each among the backlinks of what they show.
	if got := len(regexp.MustCompile(`href="../../welcome/index.html#ref-`).FindAllString(alpha, -1)); got != 6 {
		t.Errorf("Alpha lists %d mentions from Welcome, want 6 (four links, a table link and an embed)", got)
	}
	for _, problem := range brokenLinks(files) {
		t.Error(problem)
	}
}

// TestVaultSameName: a name two notes share resolves to the one in the
// linking note's folder, then to the one nearest the top, and only then
// is an error that names both.
func TestVaultSameName(t *testing.T) {
	out := NewMemOutput()
	if _, errs := Build("testdata/vault", Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	old := string(out.Files()["archive/2023/meeting-notes/index.html"])
	if !strings.Contains(old, `<a class="wikilink" id="ref-0" href="">Meeting notes</a>`) {
		t.Errorf("[[Meeting notes]] in Archive/2023 does not lead to the note of that name beside it")
	}
}
