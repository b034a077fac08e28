package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/render"
	"github.com/casebook-cx/casebook/internal/cputime"
)

// BenchmarkRenderKinds renders each kind of page of a generated 500-case
// site, prepared once, and reports the time per page of each kind: where
// the per-page cost of templates is, without loading, linking or writing.
//
//	go test ./generator/site/ -run '^$' -bench RenderKinds
func BenchmarkRenderKinds(b *testing.B) {
	bd := preparedBenchSite(b, 500, Options{})
	kinds := map[string][]output{}
	for _, o := range bd.outputs {
		if o.html {
			kinds[outputKind(o.name)] = append(kinds[outputKind(o.name)], o)
		}
	}
	for kind, outs := range kinds {
		b.Run(fmt.Sprintf("%s-%d", kind, len(outs)), func(b *testing.B) { benchRender(b, outs) })
	}
}

// preparedBenchSite writes a generated site of n cases and runs a build of
// it up to its plan of outputs, with the search index written to nothing.
func preparedBenchSite(b *testing.B, n int, opts Options) *pass {
	return preparedBench(b, writeBenchSite, n, opts)
}

// preparedBench is preparedBenchSite with the site's files written by
// write, which may change them (a layout of the site's own).
func preparedBench(b *testing.B, write func(testing.TB, string, int), n int, opts Options) *pass {
	root := b.TempDir()
	write(b, root, n)
	bd := &pass{root: root, opts: opts}
	if errs := bd.prepare(); errs.HasErrors() {
		b.Fatal(errs)
	}
	if err := bd.index(discard{}); err != nil {
		b.Fatal(err)
	}
	bd.plan()
	return bd
}

// benchRender renders outs once per iteration and reports the wall and
// processor time per page and the bytes of a page.
func benchRender(b *testing.B, outs []output) {
	var size int
	cpu := cputime.Used()
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
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(outs)), "ns/page")
	b.ReportMetric(float64((cputime.Used()-cpu).Nanoseconds())/float64(b.N*len(outs)), "cpu-ns/page")
	b.ReportMetric(float64(size)/float64(len(outs)), "bytes/page")
}

// outputKind names the kind of page an output is by its address:
// "cases/x/index.html" is a case, "cases/x/brief/index.html" a brief.
func outputKind(name string) string {
	name = strings.TrimPrefix(name, "fi/")
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 4 && parts[2] == "brief":
		return "brief"
	case len(parts) == 3 && parts[0] == "cases":
		return "case"
	case len(parts) >= 3:
		return parts[0]
	}
	return "list"
}

// BenchmarkRenderChrome renders only the frame every page shares (the
// head, the site header and the footer) for each case page.
func BenchmarkRenderChrome(b *testing.B) {
	bd := preparedBenchSite(b, 500, Options{})
	var views []*render.View
	for _, o := range bd.outputs {
		if o.html && outputKind(o.name) == "case" {
			views = append(views, o.view())
		}
	}
	var buf bytes.Buffer
	cpu := cputime.Used()
	for b.Loop() {
		for _, v := range views {
			buf.Reset()
			for _, part := range []string{"top", "bottom"} {
				if err := bd.tmpl.Execute(&buf, part, v); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
	b.ReportMetric(float64((cputime.Used()-cpu).Nanoseconds())/float64(b.N*len(views)), "cpu-ns/page")
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}
