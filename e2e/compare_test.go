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
		do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+filepath.Join(public, filepath.FromSlash(tc.page))), chromedp.WaitReady(chromedp.CSS(".compare-sheet")))
		// On a desktop screen the whole 2×2 shows: a scrolled one hid the
		// cases with good service.
		if hidden := run(t, ctx, chromedp.Evaluate[int](`(b => b.scrollWidth - b.clientWidth)(document.querySelector('.compare-quadrant .chart-scroll'))`)); hidden > 1 {
			t.Errorf("%s at 1280 px: %d px of the 2×2 scrolled out of sight", tc.page, hidden)
		}
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

// TestComparePickerFromDisk: a compare URL for two sample cases shows both
// journeys on one chart, survives a reload, and a third pick joins the URL.
func TestComparePickerFromDisk(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	url := "file://" + filepath.Join(public, "compare", "index.html") + "#washing-machine,two-stores-same-price"
	shown := func() (journeys, panels int) {
		journeys = run(t, ctx, chromedp.Evaluate[int](`new Set([...document.querySelectorAll('#compare-out .compare-chart g.series')].map(g => g.getAttribute('class'))).size`))
		panels = run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#compare-out .compare-case').length`))
		return
	}
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#compare-out .compare-chart")))
	if j, p := shown(); j != 2 || p != 2 {
		t.Errorf("from the URL: %d journeys on the chart, %d panels; want 2 and 2", j, p)
	}
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#compare-out .compare-chart")))
	if j, p := shown(); j != 2 || p != 2 {
		t.Errorf("after a reload: %d journeys, %d panels; want 2 and 2", j, p)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#compare-form input[value="phone-operator"]`)))
	hash := run(t, ctx, chromedp.Evaluate[string](`location.hash`))
	if j, p := shown(); j != 3 || p != 3 || hash != "#washing-machine,two-stores-same-price,phone-operator" {
		t.Errorf("after picking a third: %d journeys, %d panels, hash %q", j, p, hash)
	}
}
