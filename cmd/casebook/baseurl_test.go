package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/host"
)

// TestBuildBaseURL: without a baseURL the build says once what it left out
// and how to set it; --baseURL sets it for one build; a wrong one is a
// usage error, in the config a positioned content error.
func TestBuildBaseURL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	if code, _, stderr := casebook(t, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	cfgPath := filepath.Join(dir, "casebook.yaml") // a new library has no baseURL yet
	sitemap := filepath.Join(dir, "public", "sitemap.xml")

	code, _, stderr := casebook(t, "build", dir)
	if code != exitOK || strings.Count(stderr, "warning: no baseURL") != 1 || !strings.Contains(stderr, "--baseURL") {
		t.Errorf("build without baseURL: exit %d, stderr %q; want one warning naming --baseURL", code, stderr)
	}
	if _, err := os.Stat(sitemap); err == nil {
		t.Error("sitemap.xml written without a baseURL")
	}

	code, _, stderr = casebook(t, "build", "--baseURL", "https://preview.example.net/pr-7", dir)
	if code != exitOK || strings.Contains(stderr, "warning") {
		t.Errorf("build --baseURL: exit %d, stderr %q", code, stderr)
	}
	if s := readFile(t, sitemap); !strings.Contains(s, "<loc>https://preview.example.net/pr-7/</loc>") {
		t.Errorf("sitemap.xml does not use --baseURL:\n%s", s)
	}

	for _, bad := range []string{"example.com/cases", "htps://example.com/"} {
		code, _, stderr = casebook(t, "build", "--baseURL", bad, dir)
		want := `casebook build: --baseURL: want an absolute http or https URL such as https://example.com/casebook/, got "` + bad + `"`
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("build --baseURL %s: exit %d, stderr %q; want exit 2 and %q", bad, code, stderr, want)
		}
	}

	writeFile(t, cfgPath, "title: Mine\nlanguages: [en]\nbaseURL: example.com/cases\n")
	code, _, stderr = casebook(t, "build", dir)
	want := `casebook.yaml:3:10: error: baseURL: want an absolute http or https URL such as https://example.com/casebook/, got "example.com/cases"`
	if code != exitContent || !strings.Contains(stderr, want) {
		t.Errorf("build with a bad baseURL in the config: exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}

// TestInitWritesHostFiles: a new library holds its home text, the host
// files and a .gitignore of its output, and its build publishes _headers with the site's policy.
func TestInitWritesHostFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	code, stdout, stderr := casebook(t, "init", dir)
	if code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"content/_index.md", ".github/workflows/pages.yml", "netlify.toml", "static/_headers", ".gitignore"} {
		if !strings.Contains(stdout, filepath.Join(dir, filepath.FromSlash(f))) {
			t.Errorf("init did not say it created %s:\n%s", f, stdout)
		}
	}
	if code, _, stderr := casebook(t, "build", "--baseURL", "https://example.com/", dir); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if ignore := readFile(t, filepath.Join(dir, ".gitignore")); !strings.Contains(ignore, "\n/public/\n") {
		t.Errorf(".gitignore does not keep public/ out of git:\n%s", ignore)
	}
	headers := readFile(t, filepath.Join(dir, "public", "_headers"))
	if !strings.Contains(headers, "  Content-Security-Policy: "+host.ContentSecurityPolicy+"\n") {
		t.Errorf("public/_headers does not send the site's policy:\n%s", headers)
	}
}
