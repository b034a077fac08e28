package link

import (
	"fmt"
	"math/bits"
	"math/rand"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/parallel"
	"github.com/casebook-cx/casebook/internal/cputime"
)

// randomLibrary makes n cases with traits drawn from a vocabulary of the
// given sizes, dates and titles that often tie, and random links (some to
// the other language, some to the case itself).
func randomLibrary(r *rand.Rand, n, frameworks, tags, industries int, duplicates bool) ([]*content.Page, map[*content.Page][]*content.Page, *Graph) {
	var fws []*content.Page
	for i := range frameworks {
		fws = append(fws, page(fmt.Sprintf("content/frameworks/f%d.md", i), content.KindFramework, "en", fmt.Sprint("f", i), "", ""))
	}
	var tagNames []string
	for i := range tags {
		tagNames = append(tagNames, fmt.Sprint("Tag ", i), fmt.Sprint("tag-", i)) // two spellings, one slug
	}
	cases := make([]*content.Page, n)
	of := map[*content.Page][]*content.Page{}
	for i := range cases {
		lang := "en"
		if r.Intn(5) == 0 {
			lang = "fi"
		}
		c := page(fmt.Sprintf("content/cases/c%04d.md", i), content.KindCase, lang, fmt.Sprint("c", i), "", fmt.Sprint("Case ", r.Intn(n/3+1)))
		c.Date = time.Date(2020, 1, 1+r.Intn(20), 0, 0, 0, 0, time.UTC)
		if frameworks > 0 {
			for range r.Intn(4) {
				f := fws[r.Intn(frameworks)]
				if duplicates || !slices.Contains(of[c], f) {
					of[c] = append(of[c], f)
				}
			}
		}
		if tags > 0 {
			for range r.Intn(5) {
				c.Tags = append(c.Tags, tagNames[r.Intn(len(tagNames))])
			}
		}
		if industries > 0 && r.Intn(4) > 0 {
			c.Industry = fmt.Sprint("Industry ", r.Intn(industries))
		}
		cases[i] = c
	}
	g := NewGraph()
	for range n {
		g.Add(cases[r.Intn(n)], cases[r.Intn(n)], Mention{})
	}
	return cases, of, g
}

// Ranking through subsets of traits finds exactly what scoring every case
// that shares a trait found, on libraries rich and poor in traits.
func TestRankedIsScan(t *testing.T) {
	r := rand.New(rand.NewSource(18))
	for round := range 200 {
		n := 2 + r.Intn(120)
		fw, tags, ind := r.Intn(6), r.Intn(12), r.Intn(5)
		limit := 1 + r.Intn(6)
		cases, of, g := randomLibrary(r, n, fw, tags, ind, false)
		if round%10 == 0 { // one case with too many traits for ranked
			for k := range rankedTraits + 1 {
				cases[0].Tags = append(cases[0].Tags, fmt.Sprint("many-", k))
			}
		}
		want := relatedCasesBefore(cases, of, g, limit)
		if got := RelatedCases(cases, of, g, limit); !sameRelated(got, want) {
			t.Fatalf("round %d (%d cases, vocabulary %d/%d/%d, limit %d): ranked differs from the scan before it", round, n, fw, tags, ind, limit)
		}
	}
}

// The subsets are shared out among workers by a hash; any number of them
// must find the same.
func TestRankedIsScanOnAnyWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 3, 4} {
		runtime.GOMAXPROCS(procs)
		r := rand.New(rand.NewSource(int64(procs)))
		for round := range 30 {
			cases, of, g := randomLibrary(r, 2+r.Intn(150), 1+r.Intn(6), r.Intn(12), r.Intn(5), false)
			limit := 1 + r.Intn(6)
			if got, want := RelatedCases(cases, of, g, limit), relatedCasesBefore(cases, of, g, limit); !sameRelated(got, want) {
				t.Fatalf("%d workers, round %d: ranked differs from the scan before it", procs, round)
			}
		}
	}
}

// pack keeps every subset of up to four small ids apart, and refuses the
// rest, which are keyed by their bytes.
func TestPack(t *testing.T) {
	ks := []int32{0, 1, 2, 7, 65534, 65535}
	seen := map[uint64]int{}
	for mask := 1; mask < 1<<len(ks); mask++ {
		key, fits := pack(ks, mask)
		wantFits := bits.OnesCount(uint(mask)) <= 4 && mask&(1<<5) == 0
		if fits != wantFits {
			t.Fatalf("mask %b: fits %v, want %v", mask, fits, wantFits)
		}
		if !fits {
			continue
		}
		if other, ok := seen[key]; ok {
			t.Fatalf("masks %b and %b pack to the same key %x", other, mask, key)
		}
		seen[key] = mask
	}
}

// A framework named twice counts once, in both ways of scoring.
func TestDuplicateFrameworkCountsOnce(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	cases, of, _ := randomLibrary(r, 80, 3, 4, 2, true)
	g := NewGraph() // no links, so that scores are traits alone
	a, b := cases[0], cases[1]
	a.Lang, b.Lang, a.Tags, b.Tags, a.Industry, b.Industry = "en", "en", nil, nil, "", ""
	fw := page("content/frameworks/only.md", content.KindFramework, "en", "only", "", "")
	of[a], of[b] = []*content.Page{fw, fw}, []*content.Page{fw}
	for _, byScan := range []bool{false, true} {
		found := false
		for _, rel := range relatedCases(cases, of, g, 200, byScan)[a] {
			if rel.Page == b {
				found = true
				if rel.Score != WeightFramework {
					t.Errorf("by scan %v: b scores %d for a, want %d", byScan, rel.Score, WeightFramework)
				}
			}
		}
		if !found {
			t.Errorf("by scan %v: b is not related to a", byScan)
		}
		if !sameRelated(relatedCases(cases, of, g, 5, byScan), relatedCases(cases, of, g, 5, !byScan)) {
			t.Error("ranked and scan differ with a framework named twice")
		}
	}
}

func sameRelated(a, b map[*content.Page][]Related) bool {
	if len(a) != len(b) {
		return false
	}
	for c, ra := range a {
		if !slices.Equal(ra, b[c]) {
			return false
		}
	}
	return true
}

// BenchmarkRelatedCases scores libraries shaped like the generated bench
// corpus (12 frameworks, 10 tags, 6 industries), where every case shares
// a trait with most others: ranked against the scan it replaced.
//
//	go test ./generator/link/ -run '^$' -bench RelatedCases -benchtime 1x
func BenchmarkRelatedCases(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		for _, way := range []struct {
			name   string
			byScan bool
		}{{"ranked", false}, {"scan", true}} {
			b.Run(fmt.Sprintf("%s/%d", way.name, n), func(b *testing.B) {
				cases, of, g := randomLibrary(rand.New(rand.NewSource(1)), n, 12, 10, 6, false)
				start := cputime.Used()
				for b.Loop() {
					relatedCases(cases, of, g, 5, way.byScan)
				}
				// On a shared machine the time a process gets says more
				// than the time that passed.
				if cpu := cputime.Used() - start; cpu > 0 {
					b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
				}
			})
		}
	}
}

// relatedCasesBefore is RelatedCases as it was before ranked, kept to
// check that ranked finds the same.
func relatedCasesBefore(cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *Graph, limit int) map[*content.Page][]Related {
	index := map[string][]int{}
	keysOf := make([][]oldKeyWeight, len(cases))
	for i, c := range cases {
		add := func(key string, w int) {
			index[key] = append(index[key], i)
			keysOf[i] = append(keysOf[i], oldKeyWeight{key, w})
		}
		prefix := c.Lang + "|"
		for _, f := range frameworks[c] {
			add(prefix+"f|"+f.File, WeightFramework)
		}
		for _, t := range uniqueSlugs(c.Tags) {
			add(prefix+"t|"+t, WeightTag)
		}
		if s := content.Slugify(c.Industry); s != "" {
			add(prefix+"i|"+s, WeightIndustry)
		}
	}
	position := make(map[*content.Page]int, len(cases))
	for i, c := range cases {
		position[c] = i
	}

	results := make([][]Related, len(cases))
	scratch := sync.Pool{New: func() any { return &scoring{scores: make([]int, len(cases))} }}
	parallel.For(len(cases), func(i int) {
		sc := scratch.Get().(*scoring)
		scores, touched := sc.scores, sc.touched[:0]
		for _, kw := range keysOf[i] {
			for _, j := range index[kw.key] {
				if scores[j] == 0 {
					touched = append(touched, j)
				}
				scores[j] += kw.weight
			}
		}
		c := cases[i]
		var linked []int
		for _, p := range g.Links(c) {
			if j, ok := position[p]; ok && p.Lang == c.Lang {
				linked = append(linked, j)
			}
		}
		for _, b := range g.Backlinks(c) {
			if j, ok := position[b.From]; ok && b.From.Lang == c.Lang && !slices.Contains(linked, j) {
				linked = append(linked, j)
			}
		}
		for _, j := range linked {
			if scores[j] == 0 {
				touched = append(touched, j)
			}
			scores[j] += WeightLink
		}
		results[i] = best(cases, i, scores, touched, limit)
		for _, j := range touched {
			scores[j] = 0
		}
		sc.touched = touched
		scratch.Put(sc)
	})
	out := make(map[*content.Page][]Related, len(cases))
	for i, c := range cases {
		if len(results[i]) > 0 {
			out[c] = results[i]
		}
	}
	return out
}

type oldKeyWeight struct {
	key    string
	weight int
}
