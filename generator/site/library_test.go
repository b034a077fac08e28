package site

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

// TestSampleLibrary builds the library in the repository's content/ (the
// one the README tells a new user to build) and follows every link.
func TestSampleLibrary(t *testing.T) {
	out := NewMemOutput()
	stats, errs := Build("../..", Options{}, out)
	if len(errs) > 0 {
		t.Fatalf("the sample library has problems:\n%s", errs)
	}
	files := out.Files()
	for _, want := range []string{
		"index.html", "404.html", "atom.xml", "robots.txt", "casebook.json",
		"cases/index.html", "frameworks/index.html", "tags/index.html", "industries/index.html",
		"cases/washing-machine/index.html", "fi/cases/washing-machine/index.html",
		"frameworks/care-across-the-chain/index.html", "assets/casebook.css", "assets/highlight.css",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("%s was not built", want)
		}
	}
	cases := 0
	for name := range files {
		if strings.HasPrefix(name, "cases/") && strings.HasSuffix(name, "/index.html") && name != "cases/index.html" {
			cases++
		}
	}
	if cases < 5 {
		t.Errorf("the sample library has %d cases, want at least 5", cases)
	}
	if stats.Pages < 30 {
		t.Errorf("built %d pages; expected the lists, taxonomies and pages of a whole library", stats.Pages)
	}
	for name, data := range files {
		if bytes.IndexByte(data, 0) >= 0 && !strings.HasSuffix(name, ".png") {
			t.Errorf("%s: a link placeholder leaked into the output", name)
		}
	}
	for _, problem := range brokenLinks(files) {
		t.Error(problem)
	}
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(` id="([^"]*)"`)
)

// brokenLinks follows every relative href and src in the HTML files the way
// a browser opening the site from disk would, and lists those that lead to
// no file, or to a missing id on the target page.
func brokenLinks(files map[string][]byte) []string {
	ids := map[string]map[string]bool{}
	idsOf := func(name string) map[string]bool {
		if ids[name] == nil {
			ids[name] = map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(files[name], -1) {
				ids[name][string(m[1])] = true
			}
		}
		return ids[name]
	}
	var problems []string
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if bytes.Contains(data, []byte("<base href")) {
			continue // 404.html links from its <base>, which needs a server
		}
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			href := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			if href == "" || strings.Contains(href, "://") || strings.HasPrefix(href, "mailto:") {
				continue
			}
			target, anchor, _ := strings.Cut(href, "#")
			if unescaped, err := url.PathUnescape(target); err == nil {
				target = unescaped // a file name with spaces, as %20
			}
			resolved := name
			switch {
			case strings.HasPrefix(target, "/"): // the 404 page's links, from the server's root
				resolved = strings.TrimPrefix(target, "/")
				if resolved == "" || strings.HasSuffix(resolved, "/") {
					resolved += "index.html"
				}
			case target != "":
				resolved = path.Join(path.Dir(name), target)
			}
			if _, ok := files[resolved]; !ok {
				problems = append(problems, name+": link to "+href+" leads to no file ("+resolved+")")
				continue
			}
			if anchor != "" && strings.HasSuffix(resolved, ".html") && !idsOf(resolved)[anchor] {
				problems = append(problems, name+": link to "+href+": no id "+anchor+" in "+resolved)
			}
		}
	}
	return problems
}
