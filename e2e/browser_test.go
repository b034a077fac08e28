// Package e2e drives the built sample library in headless Chromium, as a
// reader would: from file://, with the keyboard and the mouse.
package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/site"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium, or skips the test where none is
// installed; CI installs Debian's chromium, and there a missing browser
// fails the test instead.
func browser(t *testing.T) context.Context {
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
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	// A headless page never has the system's focus, so focus() would fire
	// no focus events; emulate a focused page, as a reader's window is.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// buildSample builds the repository's content/ into a temporary public/.
func buildSample(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	disk, err := site.NewDiskOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := site.Build("..", site.Options{}, disk); errs.HasErrors() {
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
