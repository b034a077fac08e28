package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAnalyzeOverlay: an unsaved text stands for its file, in the
// diagnostics and in the pages; the file on disk is not read for it.
func TestAnalyzeOverlay(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{
		"casebook.yaml":           "title: T\n",
		"content/cases/a.md":      "---\ntitle: A\n---\nSee [[b]].\n",
		"content/cases/b.md":      "---\ntitle: B\n---\nSee [[a]].\n",
		"content/frameworks/f.md": "---\ntitle: F\n---\nSee [[a]].\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	r := NewRebuilder(root, Options{})
	a := r.Analyze(nil)
	if len(a.Diagnostics.Errors()) != 0 {
		t.Fatalf("clean library: %s", a.Diagnostics)
	}
	a = r.Analyze(map[string][]byte{"content/cases/a.md": []byte("---\ntitle: A\nframeworks: [g]\n---\nSee [[bee]] and [[f]].\n")})
	got := a.Diagnostics.Error()
	for _, want := range []string{
		`content/cases/a.md:3:14: error: frameworks[0]: no framework is called "g"`,
		`content/cases/a.md:5:5: error: [[bee]]: no page is called "bee"`,
		`content/cases/b.md:1:1: warning: no page links to this one`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	var a2 = a.Library.Pages[0]
	if a2.File != "content/cases/a.md" || a.Targets[a2][1] == nil || a.Targets[a2][1].File != "content/frameworks/f.md" {
		t.Errorf("targets of the unsaved page: %+v", a.Targets[a2])
	}
}

// BenchmarkAnalyze times what the language server does after a pause in
// typing: one case's unsaved text changed, the library of n cases checked
// again (load, convert, link, orphans; no rendering).
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkAnalyze -benchtime 20x
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root := b.TempDir()
			writeBenchSite(b, root, n)
			// Files saved a while ago, as in an editing session, are
			// known unchanged by their time alone (content.RacyWindow).
			old := time.Now().Add(-time.Hour)
			filepath.WalkDir(root, func(p string, _ fs.DirEntry, _ error) error { return os.Chtimes(p, old, old) })
			r := NewRebuilder(root, Options{})
			r.Analyze(nil)
			file := "content/cases/case-000007.md"
			src, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				edited := append([]byte(nil), src...)
				edited = append(edited, fmt.Sprintf("\nAn edit %d with [[case-%06d]] and [[nowhere-%d]].\n", i, i%n, i)...)
				a := r.Analyze(map[string][]byte{file: edited})
				if !a.Diagnostics.HasErrors() {
					b.Fatal("the broken link was not reported")
				}
			}
		})
	}
}
