package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLeakLeavesPreviousSite builds a library, then adds a confidential
// case whose title a published page repeats: the build fails with exit 1,
// names the output file and offset, and the site built before is intact.
func TestLeakLeavesPreviousSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	if code, _, stderr := casebook(t, "build", dir); code != exitOK {
		t.Fatal(stderr)
	}
	home := filepath.Join(dir, "public", "index.html")
	before := readFile(t, home)
	writeFile(t, filepath.Join(dir, "content", "cases", "hush.md"), "---\ntitle: The Hush Account\nconfidential: true\n---\nNobody may know.\n")
	writeFile(t, filepath.Join(dir, "content", "about.md"), "---\ntitle: About\n---\nWe also ran the hush account for a year.\n")
	code, _, stderr := casebook(t, "build", dir)
	if code != exitContent {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitContent, stderr)
	}
	want := `content/cases/hush.md:2:8: error: leak: the title of confidential page content/cases/hush.md, "The Hush Account", is in the output file about/index.html at byte `
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks\n%s\ngot\n%s", want, stderr)
	}
	if got := readFile(t, home); got != before {
		t.Error("the failed build changed public/index.html")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "about")); !os.IsNotExist(err) {
		t.Error("the failed build left public/about/ behind")
	}
	if code, _, stderr := casebook(t, "check", dir); code != exitContent || !strings.Contains(stderr, want) {
		t.Errorf("check: exit %d, stderr:\n%s", code, stderr)
	}
	// An internal site keeps the case, and so has nothing to hide.
	if code, _, stderr := casebook(t, "build", "--confidential", "--out", "internal", dir); code != exitOK {
		t.Fatalf("--confidential: %s", stderr)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "internal", "cases", "hush", "index.html")), "The Hush Account") {
		t.Error("--confidential left the case out")
	}
}

// TestEditionsCommand builds one edition and then all, each into its own
// folder, and checks one without writing.
func TestEditionsCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	writeFile(t, filepath.Join(dir, "casebook.yaml"), "title: Lib\neditions:\n  acme: {include: {client: [acme]}}\n  open: {exclude: {client: [acme]}, replace: {Zeta Oy: a client}}\n")
	writeFile(t, filepath.Join(dir, "content", "cases", "a.md"), "---\ntitle: For Acme\nclient: acme\n---\nText.\n")
	writeFile(t, filepath.Join(dir, "content", "cases", "b.md"), "---\ntitle: For Zeta Oy\nclient: zeta\n---\nText.\n")
	if code, _, stderr := casebook(t, "build", "--edition", "acme", dir); code != exitOK {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public-editions", "acme", "cases", "a", "index.html")); err != nil {
		t.Error(err)
	}
	if code, _, stderr := casebook(t, "build", "--editions", dir); code != exitOK {
		t.Fatal(stderr)
	}
	open := readFile(t, filepath.Join(dir, "public-editions", "open", "cases", "b", "index.html"))
	if !strings.Contains(open, "For a client") || strings.Contains(open, "Zeta Oy") {
		t.Error("the open edition did not replace Zeta Oy")
	}
	if _, err := os.Stat(filepath.Join(dir, "public-editions", "open", "cases", "a")); !os.IsNotExist(err) {
		t.Error("the open edition has the acme case")
	}
	for _, args := range [][]string{{"check"}, {"build"}, {"pdf", "a"}} {
		command := args[0]
		code, _, stderr := casebook(t, append([]string{command, "--edition", "nope", dir}, args[1:]...)...)
		if code != exitUsage || !strings.Contains(stderr, "casebook "+command+": --edition nope: casebook.yaml defines no edition of that name (it has acme, open)") {
			t.Errorf("%s --edition nope: exit %d, %s", command, code, stderr)
		}
	}
	if code, _, stderr := casebook(t, "build", "--edition", "acme", "--editions", dir); code != exitUsage {
		t.Errorf("both flags: exit %d, %s", code, stderr)
	}
	// A link the open edition cannot keep is an error of that edition,
	// and says so; the acme edition keeps it and builds.
	writeFile(t, filepath.Join(dir, "content", "cases", "c.md"), "---\ntitle: Shared\nclient: acme\n---\nSee [[For Acme]].\n")
	writeFile(t, filepath.Join(dir, "content", "cases", "d.md"), "---\ntitle: Zeta notes\nclient: zeta\n---\nSee [[For Acme]].\n")
	code, _, stderr := casebook(t, "build", "--editions", dir)
	if code != exitContent || !strings.Contains(stderr, "content/cases/d.md:5:5: error: edition open: links to page \"For Acme\", which this edition leaves out") || strings.Contains(stderr, "edition acme:") {
		t.Errorf("--editions with a link one edition leaves out: exit %d, %s", code, stderr)
	}
}
