package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/pdf"
)

// TestPdfWithoutBrowser: with no Chrome or Chromium to find, pdf exits 1
// and says what to install.
func TestPdfWithoutBrowser(t *testing.T) {
	t.Setenv("CHROME_PATH", filepath.Join(t.TempDir(), "no-chrome"))
	t.Setenv("PATH", "")
	code, _, stderr := casebook(t, "pdf", "../..", "washing-machine", "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitContent || !strings.Contains(stderr, "install Chromium") && !strings.Contains(stderr, "install Google Chrome") {
		t.Errorf("exit %d, stderr %q; want 1 and what to install", code, stderr)
	}
}

func TestPdfUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no cases", []string{"pdf", "../.."}, exitUsage, "name the cases"},
		{"an edition the library lacks", []string{"pdf", "--edition", "client", "../..", "--all"}, exitUsage, `--edition client: casebook.yaml defines no edition of that name (it has none)`},
		{"a paper", []string{"pdf", "--paper", "a3", "../..", "--all"}, exitUsage, "a4 or letter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := casebook(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.says) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, stderr, tc.code, tc.says)
			}
		})
	}
}

// needBrowser skips a test where no browser is installed; CI has one, and
// there a missing browser fails the test.
func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := pdf.System().Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

func TestPdfUnknownCase(t *testing.T) {
	needBrowser(t)
	code, _, stderr := casebook(t, "pdf", "../..", "no-such-case", "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitContent || !strings.HasPrefix(stderr, `error: "no-such-case": no case is called that`) || !strings.Contains(stderr, "washing-machine") {
		t.Errorf("exit %d, stderr %q; want 1 naming the case and listing the cases, and no file (the command line is wrong)", code, stderr)
	}
}

// TestPdfFolderLast: the library's folder may come after the cases, as
// every other command takes it, when the current folder is no library.
func TestPdfFolderLast(t *testing.T) {
	needBrowser(t)
	lib, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := casebook(t, "pdf", "no-such-case", lib, "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitContent || !strings.HasPrefix(stderr, `error: "no-such-case": no case is called that`) || !strings.Contains(stderr, "washing-machine") {
		t.Errorf("exit %d, stderr %q; want the library read and only the case refused", code, stderr)
	}
}

// TestPdfBriefs prints cases named by slug, title and alias, and by tag
// and framework: one page per case, in the order asked, each holding its
// own case's expected, target and delivered text.
func TestPdfBriefs(t *testing.T) {
	needBrowser(t)
	cases := sampleCases(t)
	for _, tc := range []struct {
		name string
		args []string
		want []string // slugs, in page order
	}{
		{"by slug and title", []string{"washing-machine", "Two Stores, Same Product, Same Price"}, []string{"washing-machine", "two-stores-same-price"}},
		{"by tag", []string{"--tag", "delivery"}, []string{"washing-machine"}},
		{"by framework", []string{"--framework", "Care Across the Chain"}, nil},
		{"all", []string{"--all"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "briefs.pdf")
			code, stdout, stderr := casebook(t, append([]string{"pdf", "../..", "--out", out}, tc.args...)...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			doc := readPDF(t, out)
			want := tc.want
			if want == nil {
				want = printedSlugs(stdout)
			}
			if tc.name == "all" && len(want) != len(cases) {
				t.Errorf("--all printed %v, want the %d cases", want, len(cases))
			}
			if len(doc.Pages) != len(want) || len(want) == 0 {
				t.Fatalf("%d pages for cases %v", len(doc.Pages), want)
			}
			for i, slug := range want {
				c := cases[slug]
				text := pdf.Squeeze(doc.Pages[i].Text)
				for _, s := range []string{c.Experience.Expected, c.Experience.Target, c.Experience.Delivered} {
					if !strings.Contains(text, pdf.Squeeze(s)) {
						t.Errorf("page %d (%s) lacks %q", i+1, slug, s)
					}
				}
				if p := doc.Pages[i]; p.Width <= p.Height {
					t.Errorf("page %d is %v×%v pt: not landscape", i+1, p.Width, p.Height)
				}
			}
		})
	}
}

// TestPdfSlides: a 16:9 deck of a title slide, a slide per case, one per
// framework those cases apply, and a closing slide; the long Finnish case
// too.
func TestPdfSlides(t *testing.T) {
	needBrowser(t)
	for _, tc := range []struct {
		name  string
		args  []string
		pages int
	}{
		// The washing machine applies four frameworks, the two stores case
		// two of the same: 1 + 2 + 4 + 1.
		{"two cases", []string{"../..", "washing-machine", "two-stores-same-price"}, 8},
		{"long Finnish", []string{"../../e2e/testdata/long", "--lang", "fi", "--all"}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "slides.pdf")
			code, _, stderr := casebook(t, append([]string{"pdf", "--slides", "--out", out}, tc.args...)...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			doc := readPDF(t, out)
			if len(doc.Pages) != tc.pages {
				t.Errorf("%d slides, want %d", len(doc.Pages), tc.pages)
			}
			for i, p := range doc.Pages {
				if math.Abs(p.Width/p.Height-16.0/9) > 0.01 {
					t.Errorf("slide %d is %v×%v pt, not 16:9", i+1, p.Width, p.Height)
				}
			}
		})
	}
}

func readPDF(t *testing.T, path string) *pdf.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// sampleCases are the sample library's English cases by slug.
func sampleCases(t *testing.T) map[string]*content.Page {
	t.Helper()
	lib, errs := content.Load("../..", content.Options{})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	out := map[string]*content.Page{}
	for _, p := range lib.Pages {
		if p.Kind == content.KindCase && p.Lang == "en" && p.Experience != nil {
			out[p.Slug] = p
		}
	}
	return out
}

// printedSlugs reads the cases pdf reports it printed, in order.
func printedSlugs(stdout string) []string {
	_, list, _ := strings.Cut(stdout, "(")
	list, _, _ = strings.Cut(list, ")")
	var slugs []string
	for _, u := range strings.Split(list, ", ") {
		slugs = append(slugs, strings.TrimSuffix(strings.TrimPrefix(u, "cases/"), "/"))
	}
	return slugs
}
