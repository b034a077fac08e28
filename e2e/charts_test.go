package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// overlapsJS lists, for every chart on the page, the pairs of labels whose
// boxes overlap and the labels that stick out of their chart, as drawn.
const overlapsJS = `(() => {
  const problems = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')]
      .map(t => ({t: t.textContent, r: t.getBoundingClientRect()}))
      .filter(b => b.r.width > 0);
    for (const b of boxes) {
      if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1 || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1) {
        problems.push(svg.id + ': "' + b.t + '" sticks out');
      }
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) problems.push(svg.id + ': "' + boxes[i].t + '" overlaps "' + boxes[j].t + '"');
    }
  }
  return problems;
})()`

// TestChartsLookRight opens the pages with charts in light and dark mode,
// keeps a screenshot of each (in test-artifacts/screenshots/ at the top
// of the repository), and checks that no label overlaps another or leaves
// its chart, and that charts follow the colour scheme.
func TestChartsLookRight(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	shots := filepath.Join("..", "test-artifacts", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]struct {
		path   string
		charts int
	}{
		"case":             {"cases/washing-machine/index.html", 3},
		"framework":        {"frameworks/care-across-the-chain/index.html", 2},
		"insights":         {"insights/index.html", 5},
		"insights-finnish": {"fi/insights/index.html", 5},
	}
	// With JavaScript, the insights filters are drop-downs that navigate.
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "insights", "index.html")),
		chromedp.WaitVisible(chromedp.CSS(".insights-filter select")),
	)
	run(t, ctx, chromedp.Evaluate[bool](`(() => { const s = document.querySelector('.insights-filter select'); s.value = [...s.options].find(o => o.textContent === 'retail').value; setTimeout(() => s.dispatchEvent(new Event('change')), 0); return true; })()`))
	for i := 0; ; i++ { // the page navigates under our feet: ask until it has
		time.Sleep(100 * time.Millisecond)
		if url, err := chromedp.Run(ctx, chromedp.Location()); err == nil && strings.Contains(url, "/insights/industry/retail/") {
			break
		}
		if i == 50 {
			t.Fatal("choosing retail in the insights filter did not go to its dashboard")
		}
	}

	textColour := map[string]string{}
	for name, page := range pages {
		for _, scheme := range []string{"light", "dark"} {
			setScheme(t, ctx, scheme)
			do(t, ctx,
				chromedp.EmulateViewport(1100, 900),
				chromedp.Navigate("file://"+filepath.Join(public, filepath.FromSlash(page.path))),
				chromedp.WaitVisible(chromedp.CSS("svg.chart")),
			)
			if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.chart').length`)); n < page.charts {
				t.Errorf("%s: %d charts, want at least %d", page.path, n, page.charts)
			}
			for _, p := range run(t, ctx, chromedp.Evaluate[[]string](overlapsJS)) {
				t.Errorf("%s (%s): %s", page.path, scheme, p)
			}
			textColour[scheme] = run(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('svg.chart text')).fill`))
			png := run(t, ctx, chromedp.FullScreenshot(100))
			if err := os.WriteFile(filepath.Join(shots, name+"-"+scheme+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if textColour["light"] == textColour["dark"] || !strings.HasPrefix(textColour["dark"], "rgb(2") {
			t.Errorf("%s: chart text is %s in light mode and %s in dark; dark mode should make it light", page.path, textColour["light"], textColour["dark"])
		}
	}
}

// setScheme makes the page see prefers-color-scheme: scheme.
func setScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		t.Fatal(err)
	}
}
