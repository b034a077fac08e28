package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/site"
	"github.com/chromedp/chromedp"
)

// screen is a reader's window: phones are emulated as phones (the
// viewport meta tag applies, touch), the rest as desktop windows.
type screen struct {
	width, height int64
	phone         bool
}

var screens = []screen{{360, 740, true}, {390, 844, true}, {768, 1024, false}, {1280, 800, false}}

func (s screen) String() string { return fmt.Sprintf("%dpx", s.width) }

// show sets the window to s in the colour scheme and opens url.
func show(t *testing.T, ctx context.Context, s screen, scheme, url string) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1), chromedp.EmulatePortrait}
	if s.phone {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	setScheme(t, ctx, scheme)
	do(t, ctx,
		chromedp.EmulateViewport(s.width, s.height, opts...),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS("footer")),
	)
}

// htmlPages lists the built pages under public, as slash paths.
func htmlPages(t *testing.T, public string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") && !strings.Contains(path, string(filepath.Separator)+"brief"+string(filepath.Separator)) {
			rel, _ := filepath.Rel(public, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// checkLayout reports what layoutJS finds on the open page.
func checkLayout(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	for _, p := range run(t, ctx, chromedp.Evaluate[[]string](layoutJS)) {
		t.Errorf("%s: %s", where, p)
	}
}

// TestNothingScrollsSideways opens every page of the sample library and of
// a library with long names on a 390 px phone, and a page of each kind on
// the other screens in light and dark, and wants no sideways scrolling,
// no text out of its box and no cut or tiny chart labels.
func TestNothingScrollsSideways(t *testing.T) {
	ctx := browserFor(t, 5*time.Minute)
	libraries := map[string]string{"sample": buildSample(t), "long": buildLongNames(t)}
	for lib, public := range libraries {
		pages := htmlPages(t, public)
		for _, page := range pages {
			show(t, ctx, screen{390, 844, true}, "light", "file://"+filepath.Join(public, filepath.FromSlash(page)))
			checkLayout(t, ctx, lib+" "+page+" at 390px")
		}
		for _, s := range screens {
			header := map[string]string{} // where the header and its search box are, by page
			for _, scheme := range []string{"light", "dark"} {
				for _, page := range representative(pages) {
					if s.width == 390 && scheme == "light" {
						continue
					}
					show(t, ctx, s, scheme, "file://"+filepath.Join(public, filepath.FromSlash(page)))
					checkLayout(t, ctx, fmt.Sprintf("%s %s at %s, %s", lib, page, s, scheme))
					if scheme == "light" && page != "search/index.html" { // the search page has its own box instead
						header[page] = run(t, ctx, chromedp.Evaluate[string](headerJS))
					}
				}
			}
			first := ""
			for _, page := range representative(pages) {
				if where, ok := header[page]; ok && first == "" {
					first = page
				} else if ok && where != header[first] {
					t.Errorf("%s at %s: the header moves between pages: %s on %s, %s on %s", lib, s, header[first], first, where, page)
				}
			}
		}
	}
}

// headerJS says where the site header and its search box are drawn.
const headerJS = `(() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round).join(','); };
  return 'header ' + box(document.querySelector('.site-header')) + ', search box ' + box(document.getElementById('cb-q'));
})()`

// representative picks one page of each kind, by its place in the site.
func representative(pages []string) []string {
	want := []string{"index.html", "cases/index.html", "frameworks/index.html", "tags/index.html",
		"insights/index.html", "graph/index.html", "search/index.html", "404.html"}
	var out []string
	for _, p := range pages {
		for _, w := range want {
			if p == w {
				out = append(out, p)
			}
		}
	}
	// the first case, framework and tag page
	for _, prefix := range []string{"cases/", "frameworks/", "tags/"} {
		for _, p := range pages {
			if strings.HasPrefix(p, prefix) && p != prefix+"index.html" && strings.Count(p, "/") == 2 {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// buildLongNames writes and builds a library whose names are as long as
// writers make them: twelve-stage journeys, ten-party chains, long
// titles, stages, roles and industries, and a wide Markdown table.
func buildLongNames(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("casebook.yaml", "title: The Extraordinarily Thorough Customer Experience Casebook of Northern Europe\nlanguages: [en]\n")
	stages := []string{"Discovering the product through a friend's recommendation", "Comparing alternatives", "Configuration",
		"Confirmation and tracking", "Payment authorisation", "Warehouse preparation", "Last-mile delivery",
		"Installation appointment scheduling", "Installation", "First use", "Cancellation request", "Complaint escalation to management"}
	roles := []string{"manufacturer", "importer and wholesale distributor", "e-commerce platform", "customer service outsourcing partner",
		"payment provider", "warehouse", "courier subcontractor", "installation subcontractor", "insurance company", "consumer disputes board"}
	framework := func(slug, title string) {
		write("content/frameworks/"+slug+".md", fmt.Sprintf("---\ntitle: %q\nsummary: A framework whose name is as long as the consultants who named it wanted.\n---\n\n"+
			"| Stage of the customer's journey | Expected experience | Target experience | Delivered experience | Positioning gap | Execution gap | Responsible party |\n"+
			"|---|---|---|---|---|---|---|\n"+
			"| Discovering the product | Recommendation | Advertising campaign | Nothing | 3 | 5 | Marketing department |\n"+
			"| Installation appointment scheduling | Automatic | Telephone call | Nobody called | 2 | 7 | Installation subcontractor |\n\n"+
			"Unbreakable: https://example.com/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/for/a/while\n", title))
	}
	framework("expectations-versus-delivered-reality", "Expectations Versus Delivered Reality in Multi-Party Service Chains")
	framework("responsibility-mapping", "Responsibility Mapping Across Subcontracted Delivery Networks")
	for c := range 3 {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: \"Case %d: The Internationally Distributed Dishwasher That Was Sold, Resold and Finally Installed by Three Different Subcontractors\"\n", c+1)
		b.WriteString("summary: A long story told with long words, to see where a layout gives way.\ndate: 2026-0" + fmt.Sprint(c+1) + "-15\n")
		b.WriteString("industry: consumer electronics and household appliances retail\ntags: [subcontracting-and-outsourcing, last-mile-logistics, customer-service-escalation]\n")
		b.WriteString("frameworks: [expectations-versus-delivered-reality, responsibility-mapping]\n")
		b.WriteString("experience:\n  expected: \"A dishwasher, installed.\"\n  target: \"Three separately sold services.\"\n  delivered: \"Nothing on time.\"\njourney:\n")
		for i, s := range stages {
			fmt.Fprintf(&b, "  - {stage: %q, expected: %d, target: %d, delivered: %d}\n", s, 8+i%3, 6+i%4, (i*3+c)%10)
		}
		b.WriteString("chain:\n")
		for i, r := range roles {
			care := []string{"high", "medium", "low", "broken"}[(i+c)%4]
			fmt.Fprintf(&b, "  - {actor: \"Nordic %s Corporation Limited\", role: %q, care: %s, note: \"Did what the contract said and no more\"}\n", strings.ToUpper(r[:1])+r[1:], r, care)
		}
		fmt.Fprintf(&b, "ratings: {service: %d, experience: %d}\n---\n\nSee [[responsibility-mapping]] and [[expectations-versus-delivered-reality]].\n", 9-c*4, 1+c*4)
		write(fmt.Sprintf("content/cases/case-%d.md", c+1), b.String())
	}
	out := filepath.Join(t.TempDir(), "public")
	disk, err := site.NewDiskOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := site.Build(dir, site.Options{}, disk); errs.HasErrors() {
		t.Fatal(errs)
	}
	if err := disk.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSuggestionsOnScreen types into the search box on each screen and
// wants the suggestions wholly on it, and axe-core clean with them open.
func TestSuggestionsOnScreen(t *testing.T) {
	axe := loadAxe(t)
	ctx := browserFor(t, 3*time.Minute) // axe-core on a loaded machine is slow
	public := buildSample(t)
	for _, s := range screens {
		for _, scheme := range []string{"light", "dark"} {
			where := fmt.Sprintf("%s, %s", s, scheme)
			show(t, ctx, s, scheme, "file://"+filepath.Join(public, "cases", "washing-machine", "index.html"))
			do(t, ctx, chromedp.Click(chromedp.CSS("#cb-q")), chromedp.SendKeys(chromedp.CSS("#cb-q"), "washing machine"),
				chromedp.WaitVisible(chromedp.CSS(`#cb-suggest[data-query="washing machine"] [role="option"]`)))
			for _, p := range run(t, ctx, chromedp.Evaluate[[]string](suggestJS)) {
				t.Errorf("%s: %s", where, p)
			}
			for _, v := range axeViolations(t, ctx, axe) {
				t.Errorf("%s, suggestions open: %s", where, v)
			}
		}
	}
}

// TestSearchPageDoesNotShift loads the search page with a query, as a
// shared link opens it, and wants its cumulative layout shift near 0.
func TestSearchPageDoesNotShift(t *testing.T) {
	ctx := browserFor(t, 3*time.Minute)
	public := buildSample(t)
	for _, s := range []screen{{390, 844, true}, {1280, 800, false}} {
		show(t, ctx, s, "light", "file://"+filepath.Join(public, "search", "index.html")+"?q=delivery")
		do(t, ctx, chromedp.WaitVisible(chromedp.CSS("#search-results li.result")))
		time.Sleep(300 * time.Millisecond) // let the last results settle; layout shifts are recorded, not awaited
		// The observer hands over the shifts recorded so far; with none it
		// is never called, hence the timer.
		shift := run(t, ctx, chromedp.Evaluate[float64](`new Promise(done => {
			let sum = 0;
			new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; }).observe({type: 'layout-shift', buffered: true});
			setTimeout(() => done(sum), 200);
		})`, chromedp.EvalAwaitPromise))
		if shift > 0.02 {
			t.Errorf("%s: the search page shifts by %.3f as its results arrive", s, shift)
		}
	}
}
