package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axePath is axe-core, the accessibility rules, installed from npm by
// package.json beside this file (test-only; the build has no Node).
const axePath = "node_modules/axe-core/axe.min.js"

// loadAxe returns axe-core's source, installing it with npm first when it
// is missing and npm is there.
func loadAxe(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(axePath); err != nil {
		if _, err := exec.LookPath("npm"); err == nil {
			if out, err := exec.Command("npm", "ci", "--no-audit", "--no-fund").CombinedOutput(); err != nil {
				t.Logf("npm ci: %v\n%s", err, out)
			}
		}
	}
	src, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is not installed (%v); .ci/run installs it with npm", err)
		}
		t.Skipf("axe-core is not installed and npm could not install it: %v", err)
	}
	return string(src)
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on one page
// of every kind in the sample library, in light and dark mode, and fails
// on any serious or critical violation.
func TestAccessibility(t *testing.T) {
	axe := loadAxe(t)
	ctx := browserFor(t, 3*time.Minute) // axe-core on a loaded machine is slow
	public := buildSample(t)
	pages := []string{
		"index.html", "cases/index.html", "cases/washing-machine/index.html", "fi/cases/washing-machine/index.html",
		"frameworks/index.html", "frameworks/care-across-the-chain/index.html", "tags/index.html",
		"industries/retail/index.html", "graph/index.html", "search/index.html", "insights/index.html",
		"insights/industry/retail/index.html", "about/index.html", "404.html",
	}
	for _, scheme := range []string{"light", "dark"} {
		setScheme(t, ctx, scheme)
		for _, page := range pages {
			do(t, ctx,
				chromedp.Navigate("file://"+filepath.Join(public, filepath.FromSlash(page))),
				chromedp.WaitReady(chromedp.CSS("main")),
			)
			for _, v := range axeViolations(t, ctx, axe) {
				t.Errorf("%s (%s): %s", page, scheme, v)
			}
		}
	}
}

// axeViolations runs axe-core's WCAG A and AA rules on the open page and
// returns its serious and critical findings.
func axeViolations(t *testing.T, ctx context.Context, axe string) []string {
	t.Helper()
	run(t, ctx, chromedp.Evaluate[bool](axe+";true"))
	raw := run(t, ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	var found []struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []any }
	}
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range found {
		if v.Impact == "serious" || v.Impact == "critical" {
			where := ""
			for _, n := range v.Nodes[:min(len(v.Nodes), 3)] {
				where += fmt.Sprint(n.Target) + " "
			}
			out = append(out, fmt.Sprintf("%s %s: %s at %s", v.Impact, v.ID, v.Help, where))
		}
	}
	return out
}
