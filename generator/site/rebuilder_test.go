package site

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// copySample copies the repository's sample library into a temporary
// folder the test may change.
func copySample(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, name := range []string{"casebook.yaml", "content"} {
		src := filepath.Join("../..", name)
		err := filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
			data, err := os.ReadFile(p)
			if err == nil {
				err = writeFile(root, rel, string(data))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func writeFile(root, rel, s string) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(s), 0o644)
}

// rebuild builds again with r and checks the result equals a fresh build
// of the same files; it returns the stats of the rebuild.
func rebuild(t *testing.T, r *Rebuilder, root string) Stats {
	t.Helper()
	out := NewMemOutput()
	stats, errs := r.Rebuild(out)
	if errs.HasErrors() {
		t.Fatalf("rebuild: %s", errs)
	}
	fresh := NewMemOutput()
	if _, errs := Build(root, Options{}, fresh); errs.HasErrors() {
		t.Fatalf("fresh build: %s", errs)
	}
	got, want := out.Files(), fresh.Files()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: in a fresh build, missing from the rebuild", name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s differs from a fresh build\n%s", name, firstDifference(data, g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: left over in the rebuild, not in a fresh build", name)
		}
	}
	return stats
}

func edit(t *testing.T, root, rel string, change func(string) string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFile(root, rel, change(string(data))); err != nil {
		t.Fatal(err)
	}
}

// count is how many outputs match a pattern.
func count(t *testing.T, root, pattern string) int {
	out := NewMemOutput()
	Build(root, Options{}, out)
	re := regexp.MustCompile(pattern)
	n := 0
	for name := range out.Files() {
		if re.MatchString(name) {
			n++
		}
	}
	return n
}

// TestRebuilderRendersWhatChanged feeds a Rebuilder the edits a writer makes and
// checks each rebuild equals a fresh build and renders the pages expected.
func TestRebuilderRendersWhatChanged(t *testing.T) {
	root := copySample(t)
	r := NewRebuilder(root, Options{})
	first := rebuild(t, r, root)
	if first.Rendered != first.Pages {
		t.Fatalf("first build rendered %d of %d pages", first.Rendered, first.Pages)
	}
	const washer = "content/cases/washing-machine.md"
	steps := []struct {
		name   string
		change func()
		// want checks the number of pages rendered again.
		want func(rendered, pages int) bool
		says string
	}{
		{"nothing", func() {}, func(n, _ int) bool { return n == 0 }, "none"},
		{"end of a case's body", func() {
			edit(t, root, washer, func(s string) string { return s + "\nOne more closing thought.\n" })
		}, func(n, _ int) bool { return n == 1 }, "only that case"},
		{"same bytes written again", func() {
			edit(t, root, washer, func(s string) string { return s })
		}, func(n, _ int) bool { return n == 0 }, "none"},
		{"a case's title", func() {
			edit(t, root, washer, func(s string) string {
				return strings.Replace(s, "The Washing Machine Sold as Three Products", "One Machine, Three Products", 1)
			})
		}, func(n, pages int) bool { return n > 1 && n < pages }, "the case and the pages that show it, not all"},
		{"a new case", func() {
			if err := writeFile(root, "content/cases/new-case.md", "---\ntitle: A New Case\ndate: 2026-11-20\ntags: [delivery]\nframeworks: [care-across-the-chain]\n---\n\nIt links to [[washing-machine]].\n"); err != nil {
				t.Fatal(err)
			}
		}, func(n, pages int) bool { return n > 1 && n < pages }, "the case and the pages that list it"},
		{"a renamed case", func() {
			if err := os.Rename(filepath.Join(root, "content/cases/new-case.md"), filepath.Join(root, "content/cases/renamed-case.md")); err != nil {
				t.Fatal(err)
			}
		}, func(n, pages int) bool { return n > 1 && n < pages }, "the case and the pages that list it"},
		{"a deleted case", func() {
			if err := os.Remove(filepath.Join(root, "content/cases/renamed-case.md")); err != nil {
				t.Fatal(err)
			}
		}, func(n, pages int) bool { return n > 0 && n < pages }, "the pages that listed it"},
		{"the case layout", func() {
			data, err := os.ReadFile("../../layouts/case.html")
			if err != nil {
				t.Fatal(err)
			}
			if err := writeFile(root, "layouts/case.html", string(data)+"<!-- mine -->\n"); err != nil {
				t.Fatal(err)
			}
		}, func(n, _ int) bool { return n == count(t, root, `^(fi/)?cases/[^/]+/index\.html$`) }, "every case page and nothing else"},
		{"a partial", func() {
			data, err := os.ReadFile("../../layouts/partials/links.html")
			if err != nil {
				t.Fatal(err)
			}
			if err := writeFile(root, "layouts/partials/links.html", string(data)+"\n"); err != nil {
				t.Fatal(err)
			}
		}, func(n, pages int) bool { return n == pages }, "every page"},
		{"a static file", func() {
			if err := writeFile(root, "static/note.txt", "first"); err != nil {
				t.Fatal(err)
			}
		}, func(n, _ int) bool { return n == 0 }, "none"},
		{"the static file, same size", func() {
			if err := writeFile(root, "static/note.txt", "again"); err != nil {
				t.Fatal(err)
			}
		}, func(n, _ int) bool { return n == 0 }, "none"},
		{"the configuration", func() {
			edit(t, root, "casebook.yaml", func(s string) string { return s + "params: {owner: us}\n" })
		}, func(n, pages int) bool { return n == pages }, "every page"},
	}
	for _, step := range steps {
		step.change()
		stats := rebuild(t, r, root)
		if !step.want(stats.Rendered, stats.Pages) {
			t.Errorf("after changing %s: rendered %d of %d pages, want %s", step.name, stats.Rendered, stats.Pages, step.says)
		}
	}
}

// TestRebuilderRecoversFromErrors: a broken file fails the rebuild, and the
// one after its fix equals a fresh build.
func TestRebuilderRecoversFromErrors(t *testing.T) {
	root := copySample(t)
	r := NewRebuilder(root, Options{})
	rebuild(t, r, root)
	const washer = "content/cases/washing-machine.md"
	good, _ := os.ReadFile(filepath.Join(root, washer))
	edit(t, root, washer, func(s string) string { return strings.Replace(s, "date: 2026-11-09", "date: [oops", 1) })
	if _, errs := r.Rebuild(NewMemOutput()); !errs.HasErrors() || !strings.Contains(errs.Error(), washer+":") {
		t.Fatalf("a broken date: got %v, want an error at %s", errs, washer)
	}
	if err := writeFile(root, washer, string(good)+"\nFixed, and a line longer.\n"); err != nil {
		t.Fatal(err)
	}
	if stats := rebuild(t, r, root); stats.Rendered != 1 {
		t.Errorf("after the fix: rendered %d pages, want 1 (the case)", stats.Rendered)
	}
}

// TestRebuilderRandomEdits makes random edits to a generated library, of the
// kinds writers make, and checks every rebuild equals a fresh build.
func TestRebuilderRandomEdits(t *testing.T) {
	root := t.TempDir()
	const cases = 60
	writeBenchSite(t, root, cases)
	r := NewRebuilder(root, Options{})
	rebuild(t, r, root)
	rnd := rand.New(rand.NewSource(7))
	g := &benchGen{r: rnd, cases: cases}
	frameworks := []string{"framework-000", "framework-001", "framework-002"}
	casePath := func(i int) string { return fmt.Sprintf("content/cases/case-%06d.md", i) }
	exists := func(rel string) bool { _, err := os.Stat(filepath.Join(root, rel)); return err == nil }
	edits := []func() string{
		func() string { // the body
			rel := casePath(rnd.Intn(cases))
			if exists(rel) {
				edit(t, root, rel, func(s string) string { return s + "\n" + g.para() + "\n" })
			}
			return "body " + rel
		},
		func() string { // the title
			rel := casePath(rnd.Intn(cases))
			if exists(rel) {
				edit(t, root, rel, func(s string) string {
					return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(s, fmt.Sprintf("title: %q", g.title()+" "+g.title()))
				})
			}
			return "title " + rel
		},
		func() string { // the tags and industry
			rel := casePath(rnd.Intn(cases))
			if exists(rel) {
				edit(t, root, rel, func(s string) string {
					s = regexp.MustCompile(`(?m)^tags: .*$`).ReplaceAllString(s, "tags: ["+strings.Join(g.some(benchTags, 3), ", ")+"]")
					return regexp.MustCompile(`(?m)^industry: .*$`).ReplaceAllString(s, "industry: "+g.pick(benchIndustries))
				})
			}
			return "terms " + rel
		},
		func() string { // a link to another case
			rel := casePath(rnd.Intn(cases))
			if exists(rel) {
				edit(t, root, rel, func(s string) string { return s + "\nCompare " + g.caseLink() + ".\n" })
			}
			return "link " + rel
		},
		func() string { // a new case, maybe one deleted earlier
			i := rnd.Intn(cases + 10)
			rel := casePath(i)
			if err := writeFile(root, rel, g.caseStudy(i, "en", frameworks)); err != nil {
				t.Fatal(err)
			}
			return "write " + rel
		},
		func() string { // a deleted case nothing links to any more
			rel := casePath(cases + rnd.Intn(10))
			os.Remove(filepath.Join(root, rel))
			return "delete " + rel
		},
	}
	var done []string
	compared, quick := 0, 0
	for range 30 {
		done = append(done, edits[rnd.Intn(len(edits))]())
		_, rel, _ := strings.Cut(done[len(done)-1], " ")
		name, page, ok := r.Quick(rel)
		out := NewMemOutput()
		if _, errs := r.Rebuild(out); errs.HasErrors() {
			continue // a random link can name a case not written yet; the next edits go on from here
		}
		if ok {
			quick++
			if built := out.Files()[name]; !bytes.Equal(page, built) {
				t.Errorf("Quick's %s differs from the build's\n%s", name, firstDifference(built, page))
			}
		}
		rebuild(t, r, root)
		compared++
		if t.Failed() {
			t.Fatalf("after %s", strings.Join(done, ", "))
		}
	}
	if quick == 0 {
		t.Error("Quick answered for none of the edits")
	}
	if compared < 20 {
		t.Errorf("only %d of 30 edits left a library without errors to compare", compared)
	}
	if !slices.ContainsFunc(done, func(s string) bool { return strings.HasPrefix(s, "title") }) {
		t.Fatal("the random edits never changed a title; pick another seed")
	}
}
