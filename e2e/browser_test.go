// Package e2e drives the built sample library in headless Chromium, as a
// reader would: from file://, with the keyboard and the mouse.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/search"
	"github.com/casebook-cx/casebook/generator/serve"
	"github.com/casebook-cx/casebook/generator/site"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browser starts headless Chromium, or skips the test where none is
// installed; CI installs Debian's chromium, and there a missing browser
// fails the test instead.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserFor(t, 60*time.Second)
}

// browserFor is browser for a test that may take up to limit.
func browserFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium on PATH; .ci/run installs Debian's chromium")
		}
		t.Skip("no Chromium on PATH")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, limit)
	t.Cleanup(cancel)
	// A headless page never has the system's focus, so focus() would fire
	// no focus events; emulate a focused page, as a reader's window is.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// buildSample builds the repository's content/ into a temporary public/.
func buildSample(t *testing.T) string { return buildSite(t, "..") }

// buildSite builds the site at root into a temporary public/.
func buildSite(t *testing.T, root string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	disk, err := site.NewDiskOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := site.Build(root, site.Options{}, disk); errs.HasErrors() {
		t.Fatal(errs)
	}
	if err := disk.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

// run runs one action that returns a value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func TestHoverPreviewWithKeyboard(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "cases", "washing-machine", "index.html")),
		chromedp.WaitReady(chromedp.CSS("#cb-preview")),
		chromedp.Focus(chromedp.CSS(`main a.wikilink[href*="frameworks/care-across-the-chain"]`)),
		chromedp.WaitVisible(chromedp.CSS("#cb-preview")),
	)
	tipText := run(t, ctx, chromedp.TextContent(chromedp.CSS("#cb-preview")))
	describedBy := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute('aria-describedby')`))
	do(t, ctx, chromedp.KeyEvent("\x1b"))
	hiddenAfterEscape := run(t, ctx, chromedp.Evaluate[bool](`document.getElementById('cb-preview').hidden`))
	if !strings.Contains(tipText, "Care Across the Chain") || !strings.Contains(tipText, "Framework") {
		t.Errorf("preview shows %q", tipText)
	}
	if describedBy != "cb-preview" {
		t.Errorf("the focused link is not described by the preview: %q", describedBy)
	}
	if !hiddenAfterEscape {
		t.Errorf("Escape did not close the preview")
	}
}

func TestCaseFilterFromDisk(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "cases", "index.html")),
		chromedp.WaitVisible(chromedp.CSS("form.filter-form")),
		chromedp.SetValue(chromedp.CSS(`select[name="industry"]`), "retail"),
	)
	run(t, ctx, chromedp.Evaluate[bool](`document.querySelector('form.filter-form').dispatchEvent(new Event('change'))`))
	shown := run(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#case-list li.card')].filter(li => !li.hidden).length`))
	count := run(t, ctx, chromedp.Text(chromedp.CSS("form.filter-form output")))
	url := run(t, ctx, chromedp.Location())
	if shown != 2 || count != "2 of 5 cases" || !strings.Contains(url, "industry=retail") {
		t.Errorf("retail filter: %d cards shown, output %q, url %s", shown, count, url)
	}
}

// TestSearchBoxFromDisk types into the search box of a page opened from
// disk, reads the suggestions, and opens one with the keyboard.
func TestSearchBoxFromDisk(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	typeInSearchBox(t, ctx, "file://"+filepath.Join(public, "frameworks", "index.html"))
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	wantCasePage(t, ctx)
}

// TestSearchBoxOverHTTP does the same on a hosted site, and clicks.
func TestSearchBoxOverHTTP(t *testing.T) {
	ctx := browser(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(buildSample(t))))
	t.Cleanup(srv.Close)
	typeInSearchBox(t, ctx, srv.URL+"/frameworks/")
	do(t, ctx, chromedp.Click(chromedp.CSS(`#cb-suggest [role="option"]`)))
	wantCasePage(t, ctx)
}

// typeInSearchBox opens url, focuses the box with "/", types a misspelt
// word and checks the suggestions.
func typeInSearchBox(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS("#cb-q")),
		chromedp.KeyEvent("/"), // focuses the box
	)
	if focused := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "cb-q" {
		t.Fatalf("/ focused %q, not the search box", focused)
	}
	// The protocol types the slash's character after its keydown, which a
	// person's browser would not; clear it.
	run(t, ctx, chromedp.Evaluate[string](`document.activeElement.value = ''`))
	do(t, ctx,
		chromedp.KeyEvent("subcontracter"),
		chromedp.WaitVisible(chromedp.CSS(`#cb-suggest[data-query="subcontracter"] [role="option"]`)),
	)
	first := run(t, ctx, chromedp.Text(chromedp.CSS(`#cb-suggest [role="option"] strong`)))
	marked := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#cb-suggest mark')].map(m => m.textContent.toLowerCase())`))
	if !strings.Contains(first, "Washing Machine") && !strings.Contains(first, "Care Across") {
		t.Errorf("first suggestion for a misspelt subcontractor: %q", first)
	}
	if len(marked) == 0 || !strings.HasPrefix(marked[0], "subcontract") {
		t.Errorf("highlighted words: %q", marked)
	}
}

// wantCasePage waits for the page a suggestion led to and checks it is a
// page, not the search page or the one the search started from.
func wantCasePage(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS("main h1")))
	url := run(t, ctx, chromedp.Location())
	// A file server may drop the index.html of the link.
	if page := strings.TrimSuffix(url, "index.html"); !strings.Contains(page, "/cases/") && !strings.Contains(page, "/frameworks/care-across-the-chain/") {
		t.Errorf("the first suggestion went to %s", url)
	}
}

// TestSearchPageFromDisk opens the search page with a query and a facet in
// its URL, as a shared link would, and changes the facet.
func TestSearchPageFromDisk(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "search", "index.html")+"?q=service&type=case"),
		chromedp.WaitVisible(chromedp.CSS("#search-results li.result")),
	)
	titles := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results li.result > a')].map(a => a.textContent)`))
	facets := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.facets select')].map(s => s.name + '=' + s.value)`))
	if len(titles) == 0 || len(titles) > 5 {
		t.Errorf("cases about service: %q", titles)
	}
	for _, title := range titles {
		if strings.Contains(title, "Customer Experience vs Customer Service") {
			t.Errorf("the type=case facet let a framework through: %q", titles)
		}
	}
	if !strings.Contains(strings.Join(facets, " "), "type=case") {
		t.Errorf("facet selects %q do not show the URL's choice", facets)
	}
	// Finnish, through the language facet.
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`.facets select[name="lang"]`), "fi"))
	run(t, ctx, chromedp.Evaluate[bool](`document.querySelector('.facets select[name="lang"]').dispatchEvent(new Event('change', {bubbles: true}))`))
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#search-q"), "pesukoneesta"))
	run(t, ctx, chromedp.Evaluate[bool](`document.getElementById('search-q').dispatchEvent(new Event('input'))`))
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#search-results[data-query="pesukoneesta"] li.result a[href*="/fi/cases/washing-machine/"]`)))
	url := run(t, ctx, chromedp.Location())
	if !strings.Contains(url, "lang=fi") || !strings.Contains(url, "q=pesukoneesta") {
		t.Errorf("the URL does not carry the search: %s", url)
	}
}

// TestClientAgreesWithGo runs the same queries through the browser client
// and search.Query on the same built files, and wants the same pages in
// the same order.
func TestClientAgreesWithGo(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "search", "index.html")),
		chromedp.WaitReady(chromedp.CSS("#search-page")),
	)
	queries := []struct {
		lang, text string
		filter     map[string]string
	}{
		{"en", "delivery subcontractor", nil}, {"en", "mortg", nil}, {"en", "subcontracter", nil},
		{"en", `"moving day"`, nil}, {"en", "care chain", nil}, {"en", "service", map[string]string{"type": "case"}},
		{"en", "", map[string]string{"industry": "retail"}}, {"en", "the", nil}, {"en", "!!!", nil}, {"en", "espreso machine", nil},
		{"fi", "pesukoneesta", nil}, {"fi", "asennus", nil}, {"fi", "kuljetus", nil},
	}
	for _, q := range queries {
		dir := "search"
		if q.lang != "en" {
			dir = q.lang + "/search"
		}
		ix, err := search.Open(os.DirFS(public), dir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := search.Query(ix, search.Request{Text: q.text, Filter: q.filter, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range res.Hits {
			want = append(want, h.URL)
		}
		filter, _ := json.Marshal(q.filter)
		if q.filter == nil {
			filter = []byte("{}")
		}
		base := "./"
		if q.lang != "en" {
			base = "../" + q.lang + "/search/"
		}
		script := fmt.Sprintf(`(async () => {
			const ix = new casebookSearch.Index(%q, %q);
			const found = await ix.query(%q, %s, false);
			const recs = await Promise.all(found.ids.slice(0, 10).map(id => ix.record(id)));
			return recs.map(r => r.u);
		})()`, base, q.lang, q.text, filter)
		got := run(t, ctx, chromedp.Evaluate[[]string](script, chromedp.EvalAwaitPromise))
		if !slices.Equal(got, want) {
			t.Errorf("%s %q %v: the client found %v, search.Query %v", q.lang, q.text, q.filter, got, want)
		}
	}
}

// TestClientDownloadsWhatGoCounts checks the byte figures in the README:
// a first query in the browser loads exactly the index files that
// search.Query reports reading (its Files, which casebook search --stats
// adds up).
func TestClientDownloadsWhatGoCounts(t *testing.T) {
	ctx := browser(t)
	public := buildSample(t)
	ix, err := search.Open(os.DirFS(public), "search")
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Query(ix, search.Request{Text: "subcontractor", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(res.Files)
	slices.Sort(want)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.Join(public, "about", "index.html")),
		chromedp.WaitReady(chromedp.CSS("#cb-q")),
		chromedp.Click(chromedp.CSS("#cb-q")),
		chromedp.SendKeys(chromedp.CSS("#cb-q"), "subcontractor"),
		chromedp.WaitVisible(chromedp.CSS(`#cb-suggest[data-query="subcontractor"]`)),
	)
	loaded := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('head script[src*="/search/"]')].map(s => s.src)`))
	var got []string
	for _, u := range loaded {
		_, rel, _ := strings.Cut(u, "/public/")
		got = append(got, rel)
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if !slices.Equal(got, want) {
		t.Errorf("the browser loaded %v; search.Query counts %v", got, want)
	}
}

// TestLivePreview is a writer's session: open a case in casebook serve,
// save a new paragraph, then a new title, and see each without touching
// the browser, break the front matter and see the overlay, fix it and see
// the page again.
func TestLivePreview(t *testing.T) {
	ctx := browser(t)
	root := t.TempDir()
	copyTree(t, filepath.Join("..", "content"), filepath.Join(root, "content"))
	copyFile(t, filepath.Join("..", "casebook.yaml"), filepath.Join(root, "casebook.yaml"))
	s := serve.New(root, serve.Options{})
	if rep := s.Rebuild(nil); rep.Errors.HasErrors() {
		t.Fatal(rep.Errors)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() }) // the page's live-reload stream stays open
	wctx, cancel := context.WithCancel(context.Background())
	watching := make(chan error, 1)
	go func() { watching <- s.Watch(wctx, func(serve.Report) {}) }()
	t.Cleanup(func() { cancel(); <-watching })

	page := filepath.Join(root, "content", "cases", "washing-machine.md")
	original, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/cases/washing-machine/"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	// The live-reload stream is open once the server counts it.
	run(t, ctx, chromedp.Poll[bool](`performance.getEntriesByType('resource').some(e => e.name.endsWith('/__casebook/live.js'))`))

	// saveUntil saves data (again, in case the watcher had not started)
	// until the page in the browser satisfies cond.
	saveUntil := func(data []byte, cond, what string) {
		t.Helper()
		for i := 0; ; i++ {
			if err := os.WriteFile(page, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(2*time.Second))); err == nil {
				return
			}
			if i == 5 {
				t.Fatalf("%s: the browser never showed it", what)
			}
		}
	}
	// A new paragraph: the page alone is shown at once (serve's Quick).
	body := append(slices.Clone(original), "\nA paragraph written while the preview watched.\n"...)
	saveUntil(body, `document.querySelector('main').textContent.includes('written while the preview watched')`, "a new paragraph")
	edited := bytes.Replace(body, []byte("title: \"The Washing Machine Sold as Three Products\""), []byte("title: \"The Washing Machine, Edited Live\""), 1)
	if bytes.Equal(edited, original) {
		t.Fatal("the sample case's title changed; update this test")
	}
	saveUntil(edited, `document.querySelector('main h1').textContent.includes('Edited Live')`, "an edited title")
	broken := bytes.Replace(edited, []byte("industry: retail"), []byte("ratings: {service: 99}"), 1)
	// A save may come as two events, and so two reloads: read the overlay
	// in the same breath as finding it.
	saveUntil(broken, `!!(document.getElementById('cb-overlay') || {}).textContent?.match(/content\/cases\/washing-machine\.md:\d+:\d+: ratings\.service: .*99/)`, "the error overlay at the value's position")
	saveUntil(original, `!document.getElementById('cb-overlay') && document.querySelector('main h1').textContent.includes('Three Products')`, "the fixed page")
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
