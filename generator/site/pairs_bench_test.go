package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/render"
)

// BenchmarkSheets renders only the pages issue 18 found most numerous: the
// compare pages, the briefs and the print document of a generated site of
// 1000 cases (planned once, outside the timing).
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkSheets -benchmem
//
// SHEETS_COMPARE_LAYOUT, when set, is the site's own compare.html: with
// '{{template "top" .}}{{template "bottom" .}}' the pairs measure what
// the page frame alone costs.
func BenchmarkSheets(b *testing.B) {
	write := func(tb testing.TB, root string, n int) {
		writeBenchSite(tb, root, n)
		if layout := os.Getenv("SHEETS_COMPARE_LAYOUT"); layout != "" {
			if err := os.MkdirAll(filepath.Join(root, "layouts"), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "layouts", "compare.html"), []byte(layout), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	bl := preparedBench(b, write, 1000, Options{Print: &Print{All: true}})
	if errs := bl.planPrint(); errs.HasErrors() {
		b.Fatal(errs)
	}
	for _, kind := range []struct{ name, match string }{
		{"pairs", "--"}, {"frameworks", render.CompareDir + "framework/"}, {"brief", "/" + BriefDir}, {"print", PrintDir},
	} {
		var outs []output
		for _, o := range bl.outputs {
			if o.html && strings.Contains(o.name, kind.match) {
				outs = append(outs, o)
			}
		}
		if len(outs) == 0 {
			b.Fatalf("%s: no pages to render", kind.name)
		}
		b.Run(kind.name, func(b *testing.B) { benchRender(b, outs) })
	}
}
