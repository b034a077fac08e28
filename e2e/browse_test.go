package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowseHomeCaseFrameworkBacklink follows a reader's path through the
// built library from disk, by clicks: the home page, a recent case, a
// framework it applies, and from the framework's backlinks the very
// sentence in another page that links to it.
func TestBrowseHomeCaseFrameworkBacklink(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "index.html")),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		chromedp.Click(chromedp.CSS(`#home-recent ~ .cards a[href*="cases/"]`)),
		chromedp.WaitVisible(chromedp.CSS("article.case h1")),
	)
	caseTitle := run(t, ctx, chromedp.Text(chromedp.CSS("article.case h1")))
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.frameworks-used a[href*="frameworks/"], a.wikilink[href*="frameworks/"]`)),
		chromedp.WaitVisible(chromedp.CSS("article.framework h1")),
	)
	framework := run(t, ctx, chromedp.Location())
	applying := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.applied .cards h3 a')].map(a => a.textContent)`))
	if !strings.Contains(strings.Join(applying, "|"), caseTitle) {
		t.Errorf("the framework's cases %q do not list %q, the case we came from", applying, caseTitle)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.backlinks blockquote a`)),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	url := run(t, ctx, chromedp.Location())
	_, anchor, _ := strings.Cut(url, "#")
	if url == framework || !strings.HasPrefix(anchor, "ref-") {
		t.Fatalf("the backlink went to %s, want a sentence (#ref-N) on another page", url)
	}
	target := run(t, ctx, chromedp.Evaluate[string](`(document.getElementById(location.hash.slice(1)) || {}).href || ''`))
	if !strings.HasSuffix(strings.TrimSuffix(target, "index.html"), strings.TrimSuffix(strings.Split(framework, "#")[0], "index.html")) {
		t.Errorf("the sentence's link leads to %q, not back to the framework %s", target, framework)
	}
}
