package site

import (
	"os"
	"testing"
	"time"
)

// BenchmarkPrepare loads, converts, links and assembles the library in
// CASEBOOK_BENCH_SITE (a site folder, such as one gencorpus wrote), and
// reports each phase's time: the link phase at 100,000 cases without a
// whole build's rendering and writing around it.
//
//	(cd ../shared/bench/gencorpus && go run . -cases 100000 -out /tmp/site100k)
//	CASEBOOK_BENCH_SITE=/tmp/site100k go test ./generator/site -run '^$' -bench Prepare -benchtime 1x
func BenchmarkPrepare(b *testing.B) {
	root := os.Getenv("CASEBOOK_BENCH_SITE")
	if root == "" {
		b.Skip("CASEBOOK_BENCH_SITE names no site folder")
	}
	phases := map[string]time.Duration{}
	for b.Loop() {
		bd := &pass{root: root}
		if errs := bd.prepare(); errs.HasErrors() {
			b.Fatal(errs)
		}
		for _, p := range bd.phases {
			phases[p.Name] += p.Duration
		}
	}
	for name, d := range phases {
		b.ReportMetric(d.Seconds()/float64(b.N), name+"-s")
	}
}
