package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// buildNotes builds a small library of the given files into a temporary
// public/ and returns it.
func buildNotes(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, s := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buildSite(t, root)
}

const diagramNote = "---\ntitle: Diagram\n---\n\nThe flow:\n\n```mermaid\nflowchart LR\n  Order[Order placed] --> Courier{Courier}\n  Courier -->|on time| Installed\n  Courier -->|damaged| Refused\n```\n\n" +
	"A diagram mermaid cannot read:\n\n```mermaid\nnotADiagramType\n  x --> y\n```\n\n" +
	"And a formula $e^{i\\pi} + 1 = 0$ with a display:\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n\n" +
	"$$\na_0 + a_1 x + a_2 x^2 + a_3 x^3 + a_4 x^4 + a_5 x^5 + a_6 x^6 + a_7 x^7 + a_8 x^8 + a_9 x^9 + a_{10} x^{10} + a_{11} x^{11}\n$$\n"

// TestMermaidUnderStrictCSP serves a page with a mermaid flowchart under
// the README's policy and waits for the diagram: it must be drawn as an
// SVG with its nodes and edges, styled (its boxes filled), with no policy
// violation at all. The page's math must be laid out by the browser.
func TestMermaidUnderStrictCSP(t *testing.T) {
	ctx := browser(t)
	public := buildNotes(t, map[string]string{
		"casebook.yaml":           "title: Notes\n",
		"content/diagram.md":      diagramNote,
		"content/plain.md":        "---\ntitle: Plain\n---\n\nNo diagram here.\n",
		"content/cases/a.md":      "---\ntitle: A case\n---\n\nSee [[diagram]].\n",
		"content/_index.md":       "---\ntitle: Home\n---\n\nHome.\n",
		"content/frameworks/f.md": "---\ntitle: F\n---\n\nF.\n",
	})
	files := http.FileServer(http.Dir(public))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));` +
			`window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));`,
	}); err != nil {
		t.Fatal(err)
	}

	shots := filepath.Join("..", "test-artifacts", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	fills := map[string]string{}
	for _, scheme := range []string{"light", "dark"} {
		setScheme(t, ctx, scheme)
		do(t, ctx,
			chromedp.EmulateViewport(900, 900),
			chromedp.Navigate(srv.URL+"/diagram/"),
			chromedp.WaitVisible(chromedp.CSS("main div.mermaid svg")),
		)
		// Diagrams are drawn one after another; wait for the last.
		run(t, ctx, chromedp.Poll[bool](`document.querySelectorAll('pre.mermaid:not(.mermaid-error)').length === 0`))
		nodes := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('main div.mermaid svg g.node').length`))
		edges := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('main div.mermaid svg .edgePaths path, main div.mermaid svg path.flowchart-link').length`))
		labels := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('main div.mermaid svg').textContent`))
		fills[scheme] = run(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('main div.mermaid svg g.node rect, main div.mermaid svg g.node polygon, main div.mermaid svg g.node path')).fill`))
		broken := run(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('pre.mermaid.mermaid-error')].map(p => p.textContent).join('|')`))
		t.Logf("%s: %d nodes, %d edges, box fill %s", scheme, nodes, edges, fills[scheme])
		if nodes != 4 || edges < 3 {
			t.Errorf("%s: the flowchart has %d nodes and %d edges, want 4 and 3", scheme, nodes, edges)
		}
		for _, want := range []string{"Order placed", "Courier", "on time", "Refused"} {
			if !strings.Contains(labels, want) {
				t.Errorf("%s: the diagram's text %q lacks %q", scheme, labels, want)
			}
		}
		if f := fills[scheme]; f == "" || f == "none" || f == "rgb(0, 0, 0)" {
			t.Errorf("%s: the diagram's boxes are not styled: fill %q", scheme, f)
		}
		if !strings.HasPrefix(broken, "notADiagramType") || strings.Contains(broken, "|") {
			t.Errorf("%s: the diagram mermaid cannot read should keep its source, marked; marked: %q", scheme, broken)
		}
		mathWidth := run(t, ctx, chromedp.Evaluate[float64](`document.querySelector('main .math-display math').getBoundingClientRect().width`))
		fraction := run(t, ctx, chromedp.Evaluate[float64](`document.querySelector('main .math-display mfrac').getBoundingClientRect().height`))
		if mathWidth <= 0 || fraction <= 0 {
			t.Errorf("%s: display math is not laid out: width %v, fraction height %v", scheme, mathWidth, fraction)
		}
		for _, v := range run(t, ctx, chromedp.Evaluate[[]string](`window.__csp`)) {
			t.Errorf("%s: CSP violation: %s", scheme, v)
		}
		for _, e := range run(t, ctx, chromedp.Evaluate[[]string](`window.__errors`)) {
			t.Errorf("%s: script error: %s", scheme, e)
		}
		png := run(t, ctx, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(shots, "mermaid-math-"+scheme+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fills["light"] == fills["dark"] {
		t.Errorf("the diagram has the same fill %s in light and dark mode", fills["light"])
	}

	// On a narrow screen the long formula scrolls in its box; the page
	// itself does not widen.
	do(t, ctx, chromedp.EmulateViewport(360, 800), chromedp.Navigate(srv.URL+"/diagram/"), chromedp.WaitVisible(chromedp.CSS("main div.mermaid svg")))
	scrolls := run(t, ctx, chromedp.Evaluate[bool](`(() => { const b = [...document.querySelectorAll('main .math-display')].pop(); return b.scrollWidth > b.clientWidth; })()`))
	pageWidth := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if !scrolls || pageWidth > 360 {
		t.Errorf("on a 360px screen the long formula scrolls in its box: %v; the page is %dpx wide", scrolls, pageWidth)
	}

	// A page without a diagram loads no mermaid.
	do(t, ctx, chromedp.Navigate(srv.URL+"/plain/"), chromedp.WaitReady(chromedp.CSS("main")))
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('script[src*="mermaid"]').length`)); n != 0 {
		t.Errorf("a page without a diagram loads %d mermaid scripts", n)
	}
}

// TestMermaidWithoutJavaScript: the page as written, before any script
// runs, shows the diagram as its source and the math as MathML, and only
// a site with a diagram gets the mermaid bundle.
func TestMermaidWithoutJavaScript(t *testing.T) {
	public := buildNotes(t, map[string]string{
		"casebook.yaml":      "title: Notes\n",
		"content/diagram.md": diagramNote,
	})
	html, err := os.ReadFile(filepath.Join(public, "diagram", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<pre class="mermaid"><code class="language-mermaid">flowchart LR`,
		`Order[Order placed] --&gt; Courier{Courier}`,
		`<div class="math-display"><math display="block">`,
		`<script src="../assets/mermaid.min.js" defer></script>`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(public, "assets", "mermaid.min.js")); err != nil {
		t.Errorf("a site with a diagram has no mermaid bundle: %v", err)
	}
	plain := buildNotes(t, map[string]string{
		"casebook.yaml":    "title: Notes\n",
		"content/plain.md": "---\ntitle: Plain\n---\n\n$x$\n",
	})
	if _, err := os.Stat(filepath.Join(plain, "assets", "mermaid.min.js")); err == nil {
		t.Errorf("a site without a diagram was given the mermaid bundle")
	}
}
