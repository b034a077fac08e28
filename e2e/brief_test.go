package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/pdf"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// longLibrary is a library built to overflow a brief: 12 stages, 10
// parties, every text long, in English and Finnish.
const longLibrary = "testdata/long"

// TestBriefPrintsOnOnePage prints the brief of every case of the sample
// library and of the long one on A4 and US Letter, in colour and in grey:
// each is one landscape page, and no box of it hides text it was given
// (the build cut the texts to fit, rather than the page cutting them).
func TestBriefPrintsOnOnePage(t *testing.T) {
	ctx := browserFor(t, 4*time.Minute)
	type brief struct{ name, file string }
	var briefs []brief
	for _, public := range []string{buildSample(t), buildSite(t, longLibrary)} {
		found, _ := filepath.Glob(filepath.Join(public, "cases", "*", "brief", "index.html"))
		fi, _ := filepath.Glob(filepath.Join(public, "fi", "cases", "*", "brief", "index.html"))
		for _, f := range append(found, fi...) {
			name, _ := filepath.Rel(public, f)
			briefs = append(briefs, brief{name, f})
		}
	}
	if len(briefs) < 8 {
		t.Fatalf("found %d briefs, want the sample's six and the long library's two", len(briefs))
	}
	for _, b := range briefs {
		name, file := b.name, b.file
		do(t, ctx, chromedp.Navigate("file://"+file), chromedp.WaitReady(chromedp.CSS(".sheet")))
		for _, grey := range []bool{false, true} {
			filter := "none"
			if grey {
				filter = "grayscale(1)"
			}
			run(t, ctx, chromedp.Evaluate[string](`document.documentElement.style.filter = '`+filter+`'`))
			for _, paper := range pdf.Papers {
				pages := printPages(t, ctx, paper)
				if len(pages) != 1 {
					t.Errorf("%s on %s (grey %v): %d pages, want 1", name, paper.Name, grey, len(pages))
					continue
				}
				if p := pages[0]; p.Width <= p.Height {
					t.Errorf("%s on %s: page %.0f×%.0f pt is not landscape", name, paper.Name, p.Width, p.Height)
				}
			}
		}
		if hidden := hiddenText(t, ctx); len(hidden) > 0 {
			t.Errorf("%s: in print, these boxes hide text: %s", name, strings.Join(hidden, "; "))
		}
	}
}

// printPages prints the open page on paper and reads the PDF back.
func printPages(t *testing.T, ctx context.Context, paper pdf.Paper) []pdf.Page {
	t.Helper()
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: paper.Width, PaperHeight: paper.Height,
		PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.Read(res.Data)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Pages
}

// hiddenText lists, with the page laid out for print, the boxes of a brief
// whose content is taller than the box: text the page would cut. A chain
// row's note may end in an ellipsis sideways, which shows it was cut.
func hiddenText(t *testing.T, ctx context.Context) []string {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	return run(t, ctx, chromedp.Evaluate[[]string](`(() => {
		const out = [];
		const sheet = document.querySelector('.sheet');
		if (sheet.scrollHeight > sheet.clientHeight + 1 || sheet.scrollWidth > sheet.clientWidth + 1) out.push('the sheet');
		for (const el of sheet.querySelectorAll('.sheet > *, .sheet-middle > *, .sheet-etd > *, .sheet-etd p, .lead, .sheet-chain li')) {
			if (el.scrollHeight > el.clientHeight + 1) out.push((el.className || el.tagName) + ' ' + el.scrollHeight + '>' + el.clientHeight);
		}
		return out;
	})()`))
}
