package e2e

import (
	"path/filepath"
	"testing"

	"github.com/casebook-cx/casebook/generator/pdf"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestComparePagesWithoutJavaScript opens pre-built compare pages from
// disk with JavaScript off: both journeys are on one chart, each case has
// its panel, and the page prints on one landscape sheet of A4 and Letter.
func TestComparePagesWithoutJavaScript(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		page  string
		cases int
	}{
		{"compare/two-stores-same-price--washing-machine/index.html", 2},
		{"compare/framework/care-across-the-chain/index.html", 5},
	} {
		do(t, ctx, chromedp.Navigate("file://"+filepath.Join(public, filepath.FromSlash(tc.page))), chromedp.WaitReady(chromedp.CSS(".compare-sheet")))
		series := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.compare-chart g.series polyline.delivered, .compare-chart g.series .mark').length > 0 ? new Set([...document.querySelectorAll('.compare-chart g.series')].map(g => g.getAttribute('class'))).size : 0`))
		panels := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.compare-case').length`))
		dots := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.compare-quadrant .dot').length`))
		if series != tc.cases || panels != tc.cases || dots == 0 {
			t.Errorf("%s: %d journeys on the chart, %d panels, %d dots on the 2×2; want %d, %d and some", tc.page, series, panels, dots, tc.cases, tc.cases)
		}
		for _, paper := range pdf.Papers {
			if pages := printPages(t, ctx, paper); len(pages) != 1 || pages[0].Width <= pages[0].Height {
				t.Errorf("%s on %s: %d pages (%v), want one landscape page", tc.page, paper.Name, len(pages), pages)
			}
		}
	}
}
