package e2e

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestVaultFromDisk opens the sample vault's welcome note from disk with
// JavaScript off, as a reader with no scripts would: its pictures load,
// and a folded callout opens and closes by a click.
func TestVaultFromDisk(t *testing.T) {
	out := buildSite(t, filepath.Join("..", "generator", "site", "testdata", "vault"))
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate("file://"+filepath.Join(out, "welcome", "index.html")), chromedp.WaitReady(chromedp.CSS("main")))
	loaded := run(t, ctx, chromedp.Evaluate[[]bool](`[...document.querySelectorAll('main img')].map(i => i.complete && i.naturalWidth > 0)`))
	if len(loaded) == 0 {
		t.Fatal("the welcome note shows no picture")
	}
	for i, ok := range loaded {
		if !ok {
			t.Errorf("picture %d does not load", i)
		}
	}
	visible := `(() => { const b = document.querySelector('details.callout .callout-content'); return !!b && b.checkVisibility() })()`
	if run(t, ctx, chromedp.Evaluate[bool](visible)) {
		t.Error("the folded callout shows its text before it is opened")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("details.callout summary")))
	if !run(t, ctx, chromedp.Evaluate[bool](visible)) {
		t.Error("a click on the folded callout's title does not open it without JavaScript")
	}
}
