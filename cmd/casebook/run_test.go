package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// casebook runs the CLI in-process and returns its exit code and output.
func casebook(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string // in stdout or stderr
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"help"}, exitOK, "casebook init DIR"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"build", "-h"}, exitOK, "usage: casebook build"},
		{[]string{"build", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "a", "b"}, exitUsage, "too many arguments: b"},
		{[]string{"build", "/does/not/exist"}, exitUsage, "/does/not/exist is not a folder"},
		{[]string{"check", "--format", "xml"}, exitUsage, "--format is text or json"},
		{[]string{"new", "essay", "Title"}, exitUsage, "usage: casebook new"},
		{[]string{"init"}, exitUsage, "usage: casebook init"},
		{[]string{"version"}, exitOK, "casebook "},
	} {
		code, stdout, stderr := casebook(t, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("casebook %s: exit %d, output %q; want exit %d and %q", strings.Join(tc.args, " "), code, stdout+stderr, tc.code, tc.want)
		}
	}
}

// TestInitBuildBreakFix walks the path of a new user: start a library,
// build it, break a page, read the error, fix it, build again.
func TestInitBuildBreakFix(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	if code, _, stderr := casebook(t, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if code, _, _ := casebook(t, "init", dir); code != exitContent {
		t.Errorf("init over an existing library: exit %d, want %d", code, exitContent)
	}
	code, stdout, stderr := casebook(t, "build", dir)
	if code != exitOK || !strings.Contains(stdout, "built ") {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	public := filepath.Join(dir, "public")
	home := readFile(t, filepath.Join(public, "index.html"))
	if !strings.Contains(home, "The sofa that arrived in two halves") {
		t.Errorf("the home page does not list the example case")
	}

	casePath := filepath.Join(dir, "content", "cases", "example-case.md")
	good := readFile(t, casePath)
	writeFile(t, casePath, strings.Replace(good, "delivered: 3}", `delivered: "bad"}`, 1))
	code, _, stderr = casebook(t, "build", dir)
	if code != exitContent {
		t.Fatalf("build of a broken library: exit %d, want %d", code, exitContent)
	}
	want := `content/cases/example-case.md:15:58: error: journey[1].delivered: want a number from 0 to 10, got "bad"`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant the line:\n%s", stderr, want)
	}
	if readFile(t, filepath.Join(public, "index.html")) != home {
		t.Errorf("a failed build changed public/")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".casebook-tmp-*")); len(leftovers) > 0 {
		t.Errorf("a failed build left %v", leftovers)
	}

	code, stdout, _ = casebook(t, "check", "--format", "json", dir)
	var list []struct {
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatalf("check --format json printed %q: %v", stdout, err)
	}
	if code != exitContent || len(list) != 1 || list[0].Line != 15 || list[0].Col != 58 || list[0].Severity != "error" {
		t.Errorf("check --format json: exit %d, %+v", code, list)
	}

	// A broken wikilink: reported at the link itself, with a hint.
	writeFile(t, casePath, strings.Replace(good, "[[ETD]]", "[[ETDX]]", 1))
	code, _, stderr = casebook(t, "build", dir)
	want = `content/cases/example-case.md:32:1: error: [[ETDX]]: no page is called "ETDX" (by slug, title, alias or path)`
	if code != exitContent || !strings.Contains(stderr, want) {
		t.Errorf("build with a broken link: exit %d\n%s\nwant the line:\n%s", code, stderr, want)
	}

	writeFile(t, casePath, good)
	if code, _, stderr := casebook(t, "check", dir); code != exitOK {
		t.Fatalf("check after the fix: exit %d: %s", code, stderr)
	}
	if code, _, stderr := casebook(t, "build", dir); code != exitOK {
		t.Fatalf("build after the fix: exit %d: %s", code, stderr)
	}
}

// TestDeletedPagesDoNotLinger removes a page between builds.
func TestDeletedPagesDoNotLinger(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	extra := filepath.Join(dir, "content", "about.md")
	writeFile(t, extra, "---\ntitle: About\n---\nHello.\n")
	if code, _, stderr := casebook(t, "build", dir); code != exitOK {
		t.Fatal(stderr)
	}
	built := filepath.Join(dir, "public", "about", "index.html")
	if _, err := os.Stat(built); err != nil {
		t.Fatal(err)
	}
	os.Remove(extra)
	if code, _, stderr := casebook(t, "build", dir); code != exitOK {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(built); !os.IsNotExist(err) {
		t.Errorf("%s is still there after its page was deleted", built)
	}
}

// TestOutRefusesForeignFolder keeps a wrong --out from deleting work.
func TestOutRefusesForeignFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	code, _, stderr := casebook(t, "build", "--out", "content", dir)
	if code != exitContent || !strings.Contains(stderr, "was not made by casebook") {
		t.Fatalf("build --out content: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "cases", "example-case.md")); err != nil {
		t.Fatalf("content was touched: %v", err)
	}
}

func TestNewPage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	code, stdout, stderr := casebook(t, "new", "case", "The Late Sofa: Part 2", dir)
	if code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	page := filepath.Join(dir, "content", "cases", "the-late-sofa-part-2.md")
	if !strings.Contains(stdout, page) || !strings.Contains(readFile(t, page), `title: "The Late Sofa: Part 2"`) {
		t.Errorf("new case wrote %s:\n%s", stdout, readFile(t, page))
	}
	if code, _, _ := casebook(t, "new", "case", "The Late Sofa: Part 2", dir); code != exitContent {
		t.Errorf("new over an existing page: exit %d, want %d", code, exitContent)
	}
	if code, _, stderr := casebook(t, "new", "framework", "Moments of truth", dir); code != exitOK {
		t.Fatalf("new framework: %s", stderr)
	}
	// New pages are drafts: left out of a build, shown with --drafts.
	casebook(t, "build", dir)
	draft := filepath.Join(dir, "public", "cases", "the-late-sofa-part-2", "index.html")
	if _, err := os.Stat(draft); !os.IsNotExist(err) {
		t.Errorf("a draft was published without --drafts")
	}
	if code, _, stderr := casebook(t, "build", "--drafts", dir); code != exitOK {
		t.Fatalf("build --drafts: %s", stderr)
	}
	if !strings.Contains(readFile(t, draft), "Draft") {
		t.Errorf("a draft built with --drafts is not marked as one")
	}
}

// TestCheckWarnsAboutOrphans: a page nothing links to is a warning, not
// an error: check still exits 0.
func TestCheckWarnsAboutOrphans(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	writeFile(t, filepath.Join(dir, "content", "cases", "alone.md"), "---\ntitle: Alone\n---\nNobody links here.\n")
	code, stdout, stderr := casebook(t, "check", dir)
	want := "content/cases/alone.md:1:1: warning: no page links to this one\n"
	if code != exitOK || stderr != want || stdout != "no errors, 1 warning\n" {
		t.Errorf("check: exit %d\nstdout %q\nstderr %q\nwant stderr %q", code, stdout, stderr, want)
	}
}

// TestSearchCommand builds the sample library and queries its index from
// the command line, in both languages and with a facet.
func TestSearchCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := casebook(t, "search", "delivery", t.TempDir()); code != exitContent || !strings.Contains(stderr, "run casebook build first") || !strings.Contains(stderr, "no search index in ") {
		t.Errorf("search before a build: exit %d, %q", code, stderr)
	}
	if code, _, stderr := casebook(t, "build", "--out", out, "../.."); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, tc := range []struct {
		args  []string
		first string
	}{
		{[]string{"search", "--out", out, "delivery subcontractor", "../.."}, "/cases/washing-machine/\tThe Washing Machine Sold as Three Products"},
		{[]string{"search", "mortage", out}, "/cases/mortgage-through-a-broker/\tThe Mortgage That Missed Moving Day"}, // DIR may be the built site
		{[]string{"search", "--lang", "fi", "pesukoneesta", out}, "/fi/cases/washing-machine/\tPesukone, joka myytiin kolmena tuotteena"},
		{[]string{"search", "--type", "framework", "service", out}, "/frameworks/experience-vs-service/\tCustomer Experience vs Customer Service"},
		// a filter's value as written, or by its slug, in any case
		{[]string{"search", "--framework", "Care Across the Chain", "--industry", "retail", "delivery subcontractor", out}, "/cases/washing-machine/\tThe Washing Machine Sold as Three Products"},
		{[]string{"search", "--framework", "care-across-the-chain", "--industry", "Retail", "delivery subcontractor", out}, "/cases/washing-machine/\tThe Washing Machine Sold as Three Products"},
	} {
		code, stdout, stderr := casebook(t, tc.args...)
		first, _, _ := strings.Cut(stdout, "\n")
		if code != exitOK || first != tc.first {
			t.Errorf("casebook %s: exit %d, first line %q (stderr %q); want %q", strings.Join(tc.args, " "), code, first, stderr, tc.first)
		}
	}
	code, _, stderr := casebook(t, "search", "--stats", "--limit", "5", "delivery", out)
	if code != exitOK || !strings.Contains(stderr, "a first visitor downloads") {
		t.Errorf("--stats: exit %d, %q", code, stderr)
	}
	if code, _, stderr := casebook(t, "search", "--lang", "sv", "x", out); code != exitContent || !strings.Contains(stderr, `no search index for language "sv"`) {
		t.Errorf("unknown language: exit %d, %q", code, stderr)
	}
	if code, _, _ := casebook(t, "search"); code != exitUsage {
		t.Errorf("search without a query: exit %d, want %d", code, exitUsage)
	}
	if code, _, stderr := casebook(t, "search", "--industry", "nosuch", "delivery", out); code != exitUsage || !strings.Contains(stderr, "retail") {
		t.Errorf("an unknown industry: exit %d, %q; want the industries listed", code, stderr)
	}
	if code, _, stderr := casebook(t, "search", "--limit", "-1", "delivery", out); code != exitUsage || !strings.Contains(stderr, "--limit -1") {
		t.Errorf("--limit -1: exit %d, %q; want a usage error", code, stderr)
	}
}

// TestServePortInUse: a port given with --port that is taken is an error
// naming it; the default port moves on to the next free one, and says so.
func TestServePortInUse(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	dir := t.TempDir()
	code, _, stderr := casebook(t, "serve", "--port", strconv.Itoa(port), dir)
	if code != exitContent || !strings.Contains(stderr, fmt.Sprintf("port %d is in use; choose another with --port", port)) {
		t.Errorf("serve on a taken port: exit %d, %q", code, stderr)
	}
	var out bytes.Buffer
	ln, err := listen("127.0.0.1", port, true, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if got := ln.Addr().(*net.TCPAddr).Port; got == port || !strings.Contains(out.String(), fmt.Sprintf("port %d is in use; using %d", port, got)) {
		t.Errorf("the default port taken: listening on %d, said %q", got, out.String())
	}
}

// TestBuildVaultTwice: a folder of notes builds into its own public/,
// and the next build takes that output for no part of the notes.
func TestBuildVaultTwice(t *testing.T) {
	vault := t.TempDir()
	writeFile(t, filepath.Join(vault, "Home.md"), "A vault. See [[Ideas/First]] and ![[pic.png]].\n")
	writeFile(t, filepath.Join(vault, "Ideas", "First.md"), "# First idea\n\nBack [[Home]].\n")
	writeFile(t, filepath.Join(vault, "pic.png"), "not really a picture")
	writeFile(t, filepath.Join(vault, ".obsidian", "app.json"), "{}")
	for i := range 2 {
		if code, _, stderr := casebook(t, "build", vault); code != exitOK {
			t.Fatalf("build %d: exit %d\n%s", i+1, code, stderr)
		}
	}
	out := filepath.Join(vault, "public")
	for _, name := range []string{"index.html", "ideas/first/index.html", "pic.png"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s was not built: %v", name, err)
		}
	}
	for _, name := range []string{"public", ".obsidian"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("the output holds %s/", name)
		}
	}
	if code, stdout, stderr := casebook(t, "check", vault); code != exitOK || stderr != "" && !strings.Contains(stderr, "warning:") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
}
