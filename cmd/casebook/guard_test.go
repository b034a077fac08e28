package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/diag"
)

// TestNewGuards: "casebook new case lib" (the title forgotten, the folder
// taken for it) and new outside a library are usage errors that write
// nothing.
func TestNewGuards(t *testing.T) {
	parent := t.TempDir()
	lib := filepath.Join(parent, "lib")
	casebook(t, "init", lib)
	t.Chdir(parent)
	code, _, stderr := casebook(t, "new", "case", "lib")
	if code != exitUsage || !strings.Contains(stderr, `"lib" is a library folder, not a title; the title is missing`) {
		t.Errorf("new case lib: exit %d, %q", code, stderr)
	}
	code, _, stderr = casebook(t, "new", "case", "A title")
	if code != exitUsage || !strings.Contains(stderr, ". is not a casebook library") {
		t.Errorf("new outside a library: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(parent, "content")); !os.IsNotExist(err) {
		t.Errorf("a refused new wrote content/ anyway")
	}
}

// TestInitLeavesAVaultAlone: init in a folder of notes would hide every
// note behind a new content/ folder, so it refuses and writes nothing; a
// repository's README.md and dot-folders are no notes.
func TestInitLeavesAVaultAlone(t *testing.T) {
	vault := t.TempDir()
	for name, text := range map[string]string{"Home.md": "# Home\n", "Projects/Alpha.md": "# Alpha\n", ".obsidian/x.md": "", "README.md": "hi\n"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(vault, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(vault, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := casebook(t, "init", vault)
	if code != exitContent || !strings.Contains(stderr, "holds notes already (Home.md, Projects/Alpha.md)") || !strings.Contains(stderr, "casebook serve "+vault) {
		t.Errorf("init in a vault: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(vault, "content")); !os.IsNotExist(err) {
		t.Errorf("a refused init wrote content/ anyway")
	}
	repo := t.TempDir()
	for _, name := range []string{"README.md", ".git/description.md"} {
		os.MkdirAll(filepath.Dir(filepath.Join(repo, name)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, name), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := casebook(t, "init", repo); code != exitOK {
		t.Errorf("init in a new repository: exit %d, %s", code, stderr)
	}
}

// TestNewCaseTemplatePlaceholders: a case made by new and left as it is
// checks with a warning for each placeholder still in it, and no error.
func TestNewCaseTemplatePlaceholders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	if code, _, stderr := casebook(t, "new", "case", "Left as is", dir); code != exitOK {
		t.Fatalf("new: %s", stderr)
	}
	code, _, stderr := casebook(t, "check", "--drafts", dir)
	var placeholders []string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(line, "content/cases/left-as-is.md:") && strings.Contains(line, "still the template's") {
			placeholders = append(placeholders, line)
		}
	}
	// summary, industry, source, experience x3, the journey, chain[0].actor
	if code != exitOK || len(placeholders) != 8 {
		t.Errorf("check: exit %d, %d placeholder warnings, want 8:\n%s", code, len(placeholders), stderr)
	}
	for _, want := range []string{
		`warning: chain[0].actor: still the template's empty ""`,
		"warning: journey: still the template's one stage scored 8/8/8",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in:\n%s", want, stderr)
		}
	}
}

// TestBuildIsQuietAboutDrafts: a build that leaves a new, unfinished
// draft out says nothing of its placeholders (check, build --drafts and
// the preview do); an error in the draft still stops the build, since a
// page that cannot be read cannot be known to be a draft.
func TestBuildIsQuietAboutDrafts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	if code, _, stderr := casebook(t, "new", "case", "Half written", dir); code != exitOK {
		t.Fatalf("new: %s", stderr)
	}
	if code, _, stderr := casebook(t, "build", dir); code != exitOK || strings.Contains(stderr, "half-written.md") {
		t.Errorf("build without --drafts: exit %d, stderr:\n%s", code, stderr)
	}
	for _, args := range [][]string{{"build", "--drafts", dir}, {"check", dir}} {
		if _, _, stderr := casebook(t, args...); strings.Count(stderr, "content/cases/half-written.md:") != 8 {
			t.Errorf("%s: want the draft's 8 placeholder warnings, got:\n%s", args[0], stderr)
		}
	}
	file := filepath.Join(dir, "content", "cases", "half-written.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), "service: 5", "service: lots", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := casebook(t, "build", dir); code != exitContent || !strings.Contains(stderr, "half-written.md:") || !strings.Contains(stderr, "error: ratings.service") {
		t.Errorf("build of a draft with an error: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestSearchNothingMatched: no hits is a line saying so and exit 1, as
// grep does.
func TestSearchNothingMatched(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	if code, _, stderr := casebook(t, "build", dir); code != exitOK {
		t.Fatalf("build: %s", stderr)
	}
	code, stdout, stderr := casebook(t, "search", "xylophonequartz", dir)
	if code != exitContent || stdout != "" || stderr != "casebook search: nothing matched \"xylophonequartz\"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestCheckJSON: --format json prints every diagnostic with its rule,
// both ends of its span and, where there is one, its fix.
func TestCheckJSON(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	writeFile(t, filepath.Join(dir, "content", "cases", "typo.md"), "---\ntitle: Typo\nindusty: retail\nscore: 11\n---\nSee [[Typo]] and [[nowhere]].\n")
	writeFile(t, filepath.Join(dir, "content", "cases", "bad.md"), "---\ntitle: Bad\njourney:\n  - {stage: Buy, expected: 8, target: 11, delivered: 8}\n---\n")
	code, stdout, _ := casebook(t, "check", "--format", "json", dir)
	var got []diag.Diagnostic
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	byRule := map[string]diag.Diagnostic{}
	for _, d := range got {
		byRule[d.Rule] = d
	}
	key := byRule["frontmatter-unknown-key"]
	if key.Path != "content/cases/typo.md" || key.Line != 3 || key.Col != 1 || key.EndCol != 8 || key.Severity != diag.Warning ||
		key.Fix == nil || key.Fix.NewText != "industry" || key.Fix.EndCol != 8 {
		t.Errorf("unknown key: %+v (fix %+v)", key, key.Fix)
	}
	score := byRule["score-range"]
	if score.Line != 4 || score.Col != 39 || score.EndCol != 41 || score.Severity != diag.Error {
		t.Errorf("score: %+v", score)
	}
	link := byRule["link-broken"]
	if link.Line != 6 || link.Col != 18 || link.EndCol != 29 {
		t.Errorf("broken link: %+v", link)
	}
	if _, ok := byRule["orphan"]; !ok {
		t.Errorf("orphan warnings missing beside the errors: %s", stdout)
	}
	if strings.Contains(stdout, `"score"`) {
		t.Errorf("a key far from every known one was warned about: %s", stdout)
	}
}

// TestMv renames the framework of a new library from the command line:
// each changed file is reported, the library still checks, and a second
// mv onto an existing file is refused.
func TestMv(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	fws, _ := filepath.Glob(filepath.Join(dir, "content", "frameworks", "*.md"))
	if len(fws) != 1 {
		t.Fatalf("init made %d frameworks, want 1", len(fws))
	}
	old := strings.TrimSuffix(filepath.Base(fws[0]), ".md")
	if code, stdout, _ := casebook(t, "mv", "--dry-run", old, "renamed-framework", dir); code != exitOK ||
		!strings.Contains(stdout, "would move content/frameworks/"+old+".md to content/frameworks/renamed-framework.md") {
		t.Errorf("mv --dry-run: exit %d\n%s", code, stdout)
	}
	if _, err := os.Stat(fws[0]); err != nil {
		t.Fatalf("mv --dry-run moved the file: %v", err)
	}
	code, stdout, stderr := casebook(t, "mv", old, "renamed-framework", dir)
	if code != exitOK || !strings.Contains(stdout, "content/frameworks/renamed-framework.md: moved from content/frameworks/"+old+".md") {
		t.Fatalf("mv: exit %d\n%s%s", code, stdout, stderr)
	}
	if lines := strings.Count(stdout, "\n"); lines < 2 {
		t.Errorf("mv reported %d files, want the moved one and those linking to it:\n%s", lines, stdout)
	}
	if code, _, stderr := casebook(t, "check", dir); code != exitOK {
		t.Errorf("check after mv: exit %d\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "content", "frameworks", "taken.md"), "---\ntitle: Taken\n---\n")
	if code, _, stderr := casebook(t, "mv", "renamed-framework", "taken", dir); code != exitContent || !strings.Contains(stderr, "already exists") {
		t.Errorf("mv onto a file: exit %d, %q", code, stderr)
	}
	if code, _, _ := casebook(t, "mv", "only-one-argument"); code != exitUsage {
		t.Errorf("mv with one argument: exit %d, want %d", code, exitUsage)
	}
}

// TestSchemaCommand: casebook schema prints the front matter's JSON Schema.
func TestSchemaCommand(t *testing.T) {
	code, stdout, _ := casebook(t, "schema")
	var s map[string]any
	if err := json.Unmarshal([]byte(stdout), &s); code != exitOK || err != nil || s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("schema: exit %d, %v\n%s", code, err, stdout)
	}
}

// TestBuildInTheLibraryFolder: `casebook build` run inside the library,
// with no folder and no --out, as the README shows it, writes ./public.
// A relative output folder once sent the folder maker looking for "." for
// ever.
func TestBuildInTheLibraryFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	t.Chdir(dir)
	for _, args := range [][]string{{"build"}, {"build", "--out", "site/out"}, {"build", "."}} {
		if code, _, stderr := casebook(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	for _, want := range []string{"public/index.html", "public/casebook.json", "site/out/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s was not written: %v", want, err)
		}
	}
}

// TestBuildInsideContentIsNotReadBack: a site built inside content/ (a
// build run from content/, or --out content/x) is not read back as the
// library's files by the next build, which would otherwise publish a copy
// of the old site and grow at every build.
func TestBuildInsideContentIsNotReadBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	files := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := casebook(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		_, count, _ := strings.Cut(stdout+stderr, "pages (")
		count, _, _ = strings.Cut(count, " files")
		return count
	}
	first := files("build", dir)
	files("build", filepath.Join(dir, "content")) // one folder too deep: content/public
	files("build", "--out", filepath.Join(dir, "content", "out"), dir)
	if again := files("build", dir); again != first {
		t.Errorf("the library's build wrote %s files, then %s once sites were built inside content/", first, again)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "public")); err == nil {
		t.Errorf("content/public was published as public/public")
	}
}

// TestWrongFlagValuesAreUsageErrors: a value no command could use is a
// wrong command line (exit 2) with a message saying what is wanted, not a
// failed build or a network error.
func TestWrongFlagValuesAreUsageErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lib")
	casebook(t, "init", dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--port", "99999", dir}, "--port 99999: a port is a number from 1 to 65535"},
		{[]string{"serve", "--port", "-1", dir}, "--port -1: a port is a number"},
		{[]string{"build", "--out", "", dir}, "--out is empty"},
		{[]string{"new", "case", "", dir}, "the title is empty"},
		{[]string{"new", "framework", "  "}, "the title is empty"},
		{[]string{"new", "case", "???", dir}, `the title "???" needs at least one letter or digit`},
	} {
		code, _, stderr := casebook(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, %q; want exit %d and %q", tc.args, code, stderr, exitUsage, tc.want)
		}
	}
}
