package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestHostileTextStaysText builds a library whose titles, summaries and
// bodies are script, and reads it where the browser code puts that text
// into the page: search suggestions, search results with their excerpts,
// and hover previews. Nothing may run.
func TestHostileTextStaysText(t *testing.T) {
	ctx := browser(t)
	out := buildNotes(t, map[string]string{
		"casebook.yaml": "title: T\n",
		"content/cases/evil.md": "---\ntitle: \"<img src=x onerror=alert(1)>Evil courier\"\nsummary: \"<script>alert(2)</script> courier summary\"\n---\n\n" +
			"The courier <img src=x onerror=alert(3)> wrote <script>alert(4)</script> here.\n",
		"content/cases/good.md": "---\ntitle: Good courier\n---\n\nSee [[evil]] for the courier.\n",
	})
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__ran = []; window.alert = n => window.__ran.push(n);`,
	}); err != nil {
		t.Fatal(err)
	}
	ran := func(where string) {
		t.Helper()
		if got := run(t, ctx, chromedp.Evaluate[[]int](`window.__ran`)); len(got) > 0 {
			t.Errorf("%s: the library's script ran: alert%v", where, got)
		}
	}

	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(out, "search", "index.html")+"?q=courier"),
		chromedp.WaitVisible(chromedp.CSS("#search-results li.result")),
	)
	results := run(t, ctx, chromedp.Text(chromedp.CSS("#search-results")))
	if !strings.Contains(results, "<img src=x onerror=alert(1)>Evil courier") {
		t.Errorf("the results do not show the evil title as text:\n%s", results)
	}
	ran("search results")

	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(out, "cases", "good", "index.html")),
		chromedp.WaitReady(chromedp.CSS("#cb-q")),
		chromedp.SetValue(chromedp.CSS("#cb-q"), "courier"),
	)
	run(t, ctx, chromedp.Evaluate[bool](`document.getElementById('cb-q').dispatchEvent(new Event('input'))`))
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#cb-suggest [role="option"]`)))
	ran("search suggestions")

	do(t, ctx, chromedp.Focus(chromedp.CSS(`main a.wikilink`)))
	run(t, ctx, chromedp.Poll[bool](`!document.getElementById('cb-preview').hidden`))
	preview := run(t, ctx, chromedp.Text(chromedp.CSS("#cb-preview")))
	if !strings.Contains(preview, "<script>alert(2)</script>") {
		t.Errorf("the preview does not show the evil summary as text: %q", preview)
	}
	ran("a hover preview")
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('main img, #cb-preview img, #cb-suggest img, #cb-preview script').length`)); n > 0 {
		t.Errorf("%d elements were made from the library's text", n)
	}
}
