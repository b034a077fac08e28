package site

import (
	"bytes"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/diag"
)

var (
	metaTag  = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	linkTag  = regexp.MustCompile(`<link rel="(canonical|alternate|icon)"(?: hreflang="([^"]+)")? href="([^"]*)"`)
	pageName = regexp.MustCompile(`(^|/)index\.html$`)
)

// tags reads a page's meta tags (by property or name) and its canonical,
// hreflang and icon links.
func tags(page []byte) (meta map[string]string, canonical string, hreflang map[string]string, icon string) {
	meta, hreflang = map[string]string{}, map[string]string{}
	head, _, _ := bytes.Cut(page, []byte("</head>"))
	for _, m := range metaTag.FindAllSubmatch(head, -1) {
		meta[string(m[1])] = string(m[2])
	}
	for _, m := range linkTag.FindAllSubmatch(head, -1) {
		switch {
		case string(m[1]) == "canonical":
			canonical = string(m[3])
		case string(m[1]) == "icon":
			icon = string(m[3])
		case len(m[2]) > 0:
			hreflang[string(m[2])] = string(m[3])
		}
	}
	return
}

// TestShareTagsWithBaseURL: every page has a canonical address, Open
// Graph and Twitter tags whose image is a 1200×630 PNG that was built, and
// absolute hreflang links that include the page itself.
func TestShareTagsWithBaseURL(t *testing.T) {
	const base = "https://example.com/lib/"
	files, _ := buildFixture(t, twoLanguages, Options{BaseURL: base})
	pages := 0
	for name, data := range files {
		if !pageName.MatchString(name) {
			continue
		}
		pages++
		url := strings.TrimSuffix(name, "index.html")
		meta, canonical, hreflang, icon := tags(data)
		if canonical != base+url || meta["og:url"] != base+url {
			t.Errorf("%s: canonical %q, og:url %q; want %q", name, canonical, meta["og:url"], base+url)
		}
		for _, key := range []string{"og:title", "og:type", "og:site_name", "og:locale", "og:description", "twitter:card", "twitter:title", "twitter:description"} {
			if meta[key] == "" {
				t.Errorf("%s: no %s", name, key)
			}
		}
		image, ok := strings.CutPrefix(meta["og:image"], base)
		if !ok || meta["twitter:image"] != meta["og:image"] || meta["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: og:image %q, twitter:image %q, twitter:card %q", name, meta["og:image"], meta["twitter:image"], meta["twitter:card"])
		} else if cfg, err := png.DecodeConfig(bytes.NewReader(files[image])); err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: og:image %s: %v, %dx%d", name, image, err, cfg.Width, cfg.Height)
		}
		for lang, href := range hreflang {
			if !strings.HasPrefix(href, base) {
				t.Errorf("%s: hreflang %s: %q is not absolute", name, lang, href)
			}
		}
		if len(hreflang) > 0 && hreflang[meta["og:locale"][:2]] != base+url {
			t.Errorf("%s: hreflang %v leaves out the page itself", name, hreflang)
		}
		if icon == "" {
			t.Errorf("%s: no icon", name)
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
	meta, _, hreflang, _ := tags(files["cases/machine/index.html"])
	if meta["og:type"] != "article" || meta["og:title"] != "The machine" || meta["og:image"] != base+"cases/machine/card.png" {
		t.Errorf("the case's tags: %v", meta)
	}
	if hreflang["fi"] != base+"fi/cases/machine/" || hreflang["en"] != base+"cases/machine/" || hreflang["x-default"] != base+"cases/machine/" {
		t.Errorf("the case's hreflang: %v", hreflang)
	}
	if meta, _, _, _ := tags(files["index.html"]); meta["og:type"] != "website" || meta["og:image"] != base+"card.png" {
		t.Errorf("the home page's tags: %v", meta)
	}
}

// TestShareTagsWithoutBaseURL: no tag that needs an absolute address, no
// share images nobody could point at, and still a title, a card type and
// an icon that exists.
func TestShareTagsWithoutBaseURL(t *testing.T) {
	files, _ := buildFixture(t, twoLanguages, Options{})
	for name, data := range files {
		if strings.HasSuffix(name, ".png") {
			t.Errorf("%s drawn without a baseURL", name)
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		meta, canonical, hreflang, icon := tags(data)
		if canonical != "" || meta["og:url"] != "" || meta["og:image"] != "" || len(hreflang) > 0 {
			t.Errorf("%s: canonical %q, og:url %q, og:image %q, hreflang %v without a baseURL", name, canonical, meta["og:url"], meta["og:image"], hreflang)
		}
		if meta["og:title"] == "" || meta["twitter:card"] != "summary" {
			t.Errorf("%s: og:title %q, twitter:card %q", name, meta["og:title"], meta["twitter:card"])
		}
		if name == "404.html" {
			continue // see TestNotFoundPage
		}
		resolved := icon
		for range strings.Count(name, "/") {
			resolved = strings.TrimPrefix(resolved, "../")
		}
		if _, ok := files[resolved]; !ok || !strings.HasSuffix(resolved, "assets/favicon.svg") {
			t.Errorf("%s: icon %q leads to no file", name, icon)
		}
	}
}

// TestNotFoundPage: a host serves 404.html at any missing address, so its
// stylesheets, scripts and links must not depend on where it stands.
func TestNotFoundPage(t *testing.T) {
	files, _ := buildFixture(t, twoLanguages, Options{})
	page := string(files["404.html"])
	for _, want := range []string{`href="/assets/casebook.css"`, `src="/assets/casebook.js"`, `href="/assets/favicon.svg"`, `href="/cases/"`,
		`href="assets/casebook.css"`} { // the last for the page opened from disk
		if !strings.Contains(page, want) {
			t.Errorf("404.html without a baseURL lacks %s", want)
		}
	}
	files, _ = buildFixture(t, twoLanguages, Options{BaseURL: "https://example.com/lib/"})
	page = string(files["404.html"])
	if !strings.Contains(page, `<base href="https://example.com/lib/">`) || !strings.Contains(page, `href="assets/casebook.css"`) {
		t.Errorf("404.html with a baseURL does not link from a <base>:\n%s", page[:min(len(page), 600)])
	}
	if strings.Contains(page, `rel="canonical"`) {
		t.Error("404.html names a canonical address")
	}
}

// TestRebuilderRedrawsChangedCards: a Rebuilder keeps the share images of
// unchanged pages and draws a changed case's again, equal to a fresh build.
func TestRebuilderRedrawsChangedCards(t *testing.T) {
	root := copySample(t)
	opts := Options{BaseURL: "https://example.com/"}
	r := NewRebuilder(root, opts)
	build := func(b func(Output) (Stats, diag.List)) map[string][]byte {
		out := NewMemOutput()
		if _, errs := b(out); errs.HasErrors() {
			t.Fatal(errs)
		}
		return out.Files()
	}
	first := build(r.Rebuild)
	const card = "cases/washing-machine/card.png"
	if _, ok := first[card]; !ok {
		t.Fatalf("no %s", card)
	}
	edit(t, root, "content/cases/washing-machine.md", func(s string) string {
		return strings.Replace(s, "The Washing Machine Sold as Three Products", "One Machine, Three Products", 1)
	})
	second := build(r.Rebuild)
	fresh := build(func(out Output) (Stats, diag.List) { return Build(root, opts, out) })
	if bytes.Equal(first[card], second[card]) || !bytes.Equal(second[card], fresh[card]) {
		t.Errorf("%s was not drawn again after its title changed", card)
	}
	for name, data := range second {
		if strings.HasSuffix(name, ".png") && !bytes.Equal(data, fresh[name]) {
			t.Errorf("%s differs from a fresh build", name)
		}
	}
}

// TestQuickKeepsShareTags: the page Quick shows first carries the same
// share tags as the full rebuild's.
func TestQuickKeepsShareTags(t *testing.T) {
	root := copySample(t)
	r := NewRebuilder(root, Options{BaseURL: "https://example.com/"})
	if _, errs := r.Rebuild(NewMemOutput()); errs.HasErrors() {
		t.Fatal(errs)
	}
	const washer = "content/cases/washing-machine.md"
	edit(t, root, washer, func(s string) string { return s + "\nOne more paragraph.\n" })
	name, quick, ok := r.Quick(washer)
	if !ok {
		t.Fatal("Quick refused a body edit")
	}
	out := NewMemOutput()
	if _, errs := r.Rebuild(out); errs.HasErrors() {
		t.Fatal(errs)
	}
	if !bytes.Equal(quick, out.Files()[name]) {
		t.Errorf("%s from Quick differs from the build's\n%s", name, firstDifference(out.Files()[name], quick))
	}
	if !bytes.Contains(quick, []byte(`<meta property="og:image" content="https://example.com/cases/washing-machine/card.png">`)) {
		t.Errorf("%s from Quick has no share image", name)
	}
}

// TestNoCards: the preview's builds keep every address but draw no card.
func TestNoCards(t *testing.T) {
	files, _ := buildFixture(t, twoLanguages, Options{BaseURL: "https://example.com/", NoCards: true})
	for name, data := range files {
		if strings.HasSuffix(name, ".png") {
			t.Errorf("%s drawn with NoCards", name)
		}
		if meta, _, _, _ := tags(data); strings.HasSuffix(name, ".html") && meta["og:image"] != "" {
			t.Errorf("%s names the share image %s, which was not drawn", name, meta["og:image"])
		}
	}
	if _, canonical, _, _ := tags(files["cases/machine/index.html"]); canonical != "https://example.com/cases/machine/" {
		t.Errorf("canonical %q", canonical)
	}
}
