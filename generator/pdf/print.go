package pdf

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Paper is a sheet size in inches, portrait; a page's CSS turns it.
type Paper struct {
	Name          string
	Width, Height float64
}

// Papers are the sizes casebook pdf prints briefs on.
var Papers = []Paper{{"a4", 8.27, 11.69}, {"letter", 8.5, 11}}

// Browser is a headless Chrome or Chromium, started for one job.
type Browser struct {
	ctx    context.Context
	cancel func()
}

// Start starts the browser at path, headless, with no network it does
// not need: no background updates, sync or component downloads, and a
// profile of its own in a temporary folder, removed by Close.
func Start(ctx context.Context, path string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "casebook-chrome-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelCtx := chromedp.NewContext(actx)
	b := &Browser{ctx: bctx, cancel: func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	// Start the browser now, so that a browser that cannot run fails here.
	if err := chromedp.Do(bctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() { b.cancel() }

// Print opens the HTML file at file and prints it to PDF on paper, the
// page's CSS @page sizes winning where it gives them (slides do).
func (b *Browser) Print(file string, paper Paper, limit time.Duration) ([]byte, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if filepath.VolumeName(abs) != "" {
		u.Path = "/" + u.Path // file:///C:/...
	}
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u.String()), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		return nil, fmt.Errorf("opening %s: %w", file, err)
	}
	yes, zero := true, 0.0
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
		PaperWidth: paper.Width, PaperHeight: paper.Height, PreferCSSPageSize: &yes, PrintBackground: &yes,
		MarginTop: &zero, MarginBottom: &zero, MarginLeft: &zero, MarginRight: &zero,
	})
	if err != nil {
		return nil, fmt.Errorf("printing %s: %w", file, err)
	}
	return res.Data, nil
}
