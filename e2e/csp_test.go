package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/casebook-cx/casebook/generator/host"
)

// policy is the Content-Security-Policy the site is written for, the one
// the _headers file of casebook init sends: scripts, styles and everything
// else only from the site itself, nothing inline.
const policy = host.ContentSecurityPolicy

// TestStrictContentSecurityPolicy serves the built site with the README's
// policy and uses it as a reader would (a case with its hover previews,
// the search box and page, the charts, the case filter), recording every
// violation the browser reports. There must be none: no inline script,
// handler or style, no eval.
func TestStrictContentSecurityPolicy(t *testing.T) {
	ctx := browser(t)
	files := http.FileServer(http.Dir(buildSample(t)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));`,
	}); err != nil {
		t.Fatal(err)
	}
	violations := func(where string) {
		t.Helper()
		for _, v := range run(t, ctx, chromedp.Evaluate[[]string](`window.__csp`)) {
			t.Errorf("%s: %s", where, v)
		}
	}

	do(t, ctx,
		chromedp.Navigate(srv.URL+"/cases/washing-machine/"),
		chromedp.WaitReady(chromedp.CSS("#cb-preview")),
		chromedp.Focus(chromedp.CSS(`main a.wikilink[href*="frameworks/care-across-the-chain"]`)),
	)
	run(t, ctx, chromedp.Poll[bool](`!document.getElementById('cb-preview').hidden && document.getElementById('cb-preview').textContent.includes('Care Across')`))
	violations("a case page with a hover preview")
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/search/?q=courier"),
		chromedp.WaitVisible(chromedp.CSS(`#search-results li.result`)),
	)
	violations("the search page")
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/cases/?industry=retail"),
		chromedp.WaitVisible(chromedp.CSS("form.filter-form")),
		chromedp.Navigate(srv.URL+"/insights/"),
		chromedp.WaitVisible(chromedp.CSS("svg.chart")),
	)
	violations("the case index and insights")
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/cases/washing-machine/brief/"),
		chromedp.WaitVisible(chromedp.CSS(".sheet svg.chart")),
		chromedp.Navigate(srv.URL+"/compare/two-stores-same-price--washing-machine/"),
		chromedp.WaitVisible(chromedp.CSS(".compare-chart")),
		chromedp.Navigate(srv.URL+"/compare/#washing-machine,two-stores-same-price"),
		chromedp.WaitVisible(chromedp.CSS("#compare-out .compare-chart")),
	)
	violations("a brief, a compare page and the compare picker")

	// The check itself: an inline script is refused, and reported.
	run(t, ctx, chromedp.Evaluate[bool](`(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); return true; })()`))
	run(t, ctx, chromedp.Poll[bool](`window.__csp.length > 0`))
	got := run(t, ctx, chromedp.Evaluate[[]string](`window.__csp`))
	ran := run(t, ctx, chromedp.Evaluate[bool](`window.__ran === true`))
	if ran || len(got) != 1 || !strings.HasPrefix(got[0], "script-src") {
		t.Errorf("an inline script under the policy: ran %v, reported %q", ran, got)
	}
}
