package site

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkSheets renders only the pages issue 18 found most numerous: the
// compare pages, the briefs and the print document of a generated site of
// 1000 cases (planned once, outside the timing).
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkSheets -benchmem
func BenchmarkSheets(b *testing.B) {
	root := b.TempDir()
	writeBenchSite(b, root, 1000)
	if t := os.Getenv("SHEETS_LAYOUT"); t != "" {
		os.MkdirAll(root+"/layouts", 0o755)
		os.WriteFile(root+"/layouts/compare.html", []byte(t), 0o644)
	}
	bl := &build{root: root, opts: Options{Print: &Print{All: true}}}
	if errs := bl.prepare(); errs.HasErrors() {
		b.Fatal(errs)
	}
	bl.plan()
	if errs := bl.planPrint(); errs.HasErrors() {
		b.Fatal(errs)
	}
	for _, kind := range []struct{ name, match string }{{"pairs", "--"}, {"frameworks", "compare/framework/"}, {"brief", "/" + BriefDir}, {"print", PrintDir}} {
		var outs []output
		for _, o := range bl.outputs {
			if o.html && strings.Contains(o.name, kind.match) {
				outs = append(outs, o)
			}
		}
		b.Run(kind.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				size = 0
				for _, o := range outs {
					data, err := o.render()
					if err != nil {
						b.Fatal(err)
					}
					size += len(data)
				}
			}
			b.ReportMetric(float64(len(outs)), "pages/op")
			b.ReportMetric(float64(size)/float64(len(outs)), "B/page")
		})
	}
}
