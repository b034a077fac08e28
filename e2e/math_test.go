package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMathGallery lays out the math notes commonly hold and keeps a
// screenshot (test-artifacts/screenshots/math-gallery.png) to look at:
// every formula must take space on the page, and only the unknown command
// shows as an error.
func TestMathGallery(t *testing.T) {
	ctx := browser(t)
	note := "---\ntitle: Gallery\n---\n\n" +
		"Inline $\\alpha^2 + \\beta_i = \\sqrt{x}$, $\\mathbb{R}^n$, $\\vec{v}\\cdot\\hat{n}$, $f'(x)$, $\\lim_{n\\to\\infty} a_n$, $\\binom{n}{k}$, $\\{x \\mid x > 0\\}$ and $\\foo$.\n\n" +
		"$$\n\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2} \\qquad \\lim_{x \\to 0} \\frac{\\sin x}{x} = 1\n$$\n\n" +
		"$$\nA = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}, \\quad |x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}\n$$\n\n" +
		"$$\n\\begin{aligned} (a+b)^2 &= a^2 + 2ab + b^2 \\\\ &\\le 2(a^2+b^2) \\end{aligned}\n$$\n\n" +
		"$$\n\\left( \\sum_{k=1}^{n} a_k b_k \\right)^2 \\leq \\left( \\sum_{k=1}^{n} a_k^2 \\right) \\left( \\sum_{k=1}^{n} b_k^2 \\right), \\quad \\overline{z} \\in \\mathcal{L}, \\nabla \\times \\mathbf{F} = \\partial_t \\mathbf{B}\n$$\n"
	public := buildNotes(t, map[string]string{"casebook.yaml": "title: N\n", "content/gallery.md": note})
	do(t, ctx, chromedp.EmulateViewport(900, 700), chromedp.Navigate("file://"+filepath.Join(public, "gallery", "index.html")), chromedp.WaitReady(chromedp.CSS("main")))
	empty := run(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('main math')].filter(m => m.getBoundingClientRect().width < 5).length`))
	total := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('main math').length`))
	errors := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('main merror')].map(e => e.getAttribute('title'))`))
	if total != 12 || empty != 0 {
		t.Errorf("%d formulas, %d of them empty; want 12 laid out", total, empty)
	}
	if len(errors) != 1 || errors[0] != `unknown TeX command \foo` {
		t.Errorf("errors shown: %q", errors)
	}
	shots := filepath.Join("..", "test-artifacts", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	png := run(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(shots, "math-gallery.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
