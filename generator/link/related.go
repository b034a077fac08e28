package link

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/parallel"
)

// How much each thing two cases share adds to how related they are. A
// shared framework says most (the same idea at work); a direct link says
// the writer saw the connection; a tag or the industry alone says less.
const (
	WeightFramework = 3
	WeightLink      = 2
	WeightTag       = 1
	WeightIndustry  = 1
)

// Related is a case related to another, with its score.
type Related struct {
	Page  *content.Page
	Score int
}

// RelatedCases scores, for each case, every other case of the same
// language that shares a framework, tag, industry or link with it, and
// keeps the best limit of them: highest score, then newest, then by title.
// frameworks holds each case's resolved frameworks.
//
// Comparing each case with every case that shares a trait costs the square
// of the cases when traits are few (every case shares a framework with a
// tenth of the others), so cases are ranked through their traits instead:
// see ranked. A library whose cases carry too many traits for that is
// scored by scan.
func RelatedCases(cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *Graph, limit int) map[*content.Page][]Related {
	return NewRanking(cases, frameworks, limit).Related(g)
}

// relatedCases is RelatedCases, by scan when byScan is set.
func relatedCases(cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *Graph, limit int, byScan bool) map[*content.Page][]Related {
	return newRanking(cases, frameworks, limit, byScan).Related(g)
}

// A Ranking is what RelatedCases needs before it reads links: each case's
// traits and, to rank through them, first(Q) of every subset Q (see
// ranked). That is most of its work, so a build makes it while it builds
// the link graph.
type Ranking struct {
	cases     []*content.Page
	traits    *traits
	limit     int
	byScan    bool
	first, of [][]int32 // see firstOfSubsets
}

// NewRanking prepares to find each case's best limit related cases.
func NewRanking(cases []*content.Page, frameworks map[*content.Page][]*content.Page, limit int) *Ranking {
	return newRanking(cases, frameworks, limit, false)
}

func newRanking(cases []*content.Page, frameworks map[*content.Page][]*content.Page, limit int, byScan bool) *Ranking {
	rk := &Ranking{cases: cases, traits: newTraits(cases, frameworks), limit: limit}
	rk.byScan = byScan || rk.traits.most > rankedTraits
	if limit > 0 && !rk.byScan {
		rk.first, rk.of = firstOfSubsets(rankOrder(cases), rk.traits, limit)
	}
	return rk
}

// Related scores the cases with their links in g as well, and keeps each
// case's best.
func (rk *Ranking) Related(g *Graph) map[*content.Page][]Related {
	cases := rk.cases
	position := make(map[*content.Page]int, len(cases))
	for i, c := range cases {
		position[c] = i
	}
	// linked are the cases of the same language that i links to or from.
	linked := func(i int) []int {
		c := cases[i]
		var out []int
		for _, p := range g.Links(c) {
			if j, ok := position[p]; ok && p.Lang == c.Lang {
				out = append(out, j)
			}
		}
		for _, b := range g.Backlinks(c) {
			if j, ok := position[b.From]; ok && b.From.Lang == c.Lang && !slices.Contains(out, j) {
				out = append(out, j)
			}
		}
		return out
	}
	results := make([][]Related, len(cases))
	if rk.limit > 0 {
		if rk.byScan {
			scan(cases, rk.traits, linked, rk.limit, results)
		} else {
			ranked(cases, rk.traits, rk.first, rk.of, linked, rk.limit, results)
		}
	}
	out := make(map[*content.Page][]Related, len(cases))
	for i, c := range cases {
		if len(results[i]) > 0 {
			out[c] = results[i]
		}
	}
	return out
}

// traits are what cases are compared by: each case's keys (a framework,
// tag or industry, within its language) as sorted ids.
type traits struct {
	keys    [][]int32 // by case
	weight  []int     // by key id
	members [][]int   // by key id: the cases that have it
	most    int       // the most keys one case has
}

func newTraits(cases []*content.Page, frameworks map[*content.Page][]*content.Page) *traits {
	t := &traits{keys: make([][]int32, len(cases))}
	ids := map[string]int32{}
	for i, c := range cases {
		add := func(key string, w int) {
			id, ok := ids[key]
			if !ok {
				id = int32(len(t.weight))
				ids[key] = id
				t.weight = append(t.weight, w)
				t.members = append(t.members, nil)
			}
			if !slices.Contains(t.keys[i], id) { // a framework named twice
				t.keys[i] = append(t.keys[i], id)
				t.members[id] = append(t.members[id], i)
			}
		}
		prefix := c.Lang + "|"
		for _, f := range frameworks[c] {
			add(prefix+"f|"+f.File, WeightFramework)
		}
		for _, tag := range uniqueSlugs(c.Tags) {
			add(prefix+"t|"+tag, WeightTag)
		}
		if s := content.Slugify(c.Industry); s != "" {
			add(prefix+"i|"+s, WeightIndustry)
		}
		slices.Sort(t.keys[i])
		t.most = max(t.most, len(t.keys[i]))
	}
	return t
}

// shared is the weight of the keys cases i and j share.
func (t *traits) shared(i, j int) int {
	a, b, sum := t.keys[i], t.keys[j], 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			sum += t.weight[a[0]]
			a, b = a[1:], b[1:]
		}
	}
	return sum
}

// rankedTraits bounds the keys of a case for ranked, which looks at every
// subset of a case's keys.
const rankedTraits = 12

// ranked finds each case's best limit through the subsets of its keys.
// For a set of keys Q, let first(Q) be the limit+1 best-ranked cases
// (newest, then by title) that have all of Q. A case j that shares exactly
// the keys Q with case i, and no link, is among first(Q) if it is among
// i's best: every case ranked before it in first(Q) scores at least as
// much for i and wins the tie, and only limit of them (and i itself) may
// come before j. So i's best are the best of first(Q) over the subsets Q
// of i's keys, and the cases i links with, each scored in full. Building
// every first(Q) takes one pass over the cases in rank order, and each
// case then looks at a few dozen candidates, not at every case sharing a
// trait with it.
func ranked(cases []*content.Page, t *traits, first, of [][]int32, linked func(int) []int, limit int, results [][]Related) {
	scratch := sync.Pool{New: func() any { return &scoring{scores: make([]int, len(cases))} }}
	parallel.For(len(cases), func(i int) {
		sc := scratch.Get().(*scoring)
		scores, touched := sc.scores, sc.touched[:0]
		// The cases i links with first, scored in full.
		for _, j := range linked(i) {
			if scores[j] == 0 {
				scores[j] = t.shared(i, j)
				touched = append(touched, j)
			}
			scores[j] += WeightLink
		}
		// Then the subsets of i's keys, heaviest first, until limit cases
		// score more than any case yet unseen can.
		ks := t.keys[i]
		sc.subsetWeights(t, ks)
		for w := len(sc.byWeight) - 1; w > 0; w-- {
			if len(sc.byWeight[w]) == 0 {
				continue
			}
			above := 0
			for _, j := range touched {
				if j != i && scores[j] > w {
					above++
				}
			}
			if above >= limit {
				break
			}
			for _, mask := range sc.byWeight[w] {
				for _, j := range first[of[i][mask]] {
					if j := int(j); j != i && scores[j] == 0 {
						scores[j] = t.shared(i, j)
						touched = append(touched, j)
					}
				}
			}
		}
		results[i] = best(cases, i, scores, touched, limit)
		for _, j := range touched {
			scores[j] = 0
		}
		sc.touched = touched
		scratch.Put(sc)
	})
}

// rankOrder is the cases' indexes from the best-ranked: newest, then by
// title, then by file.
func rankOrder(cases []*content.Page) []int {
	order := make([]int, len(cases))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if d := cases[b].Date.Compare(cases[a].Date); d != 0 {
			return d
		}
		if d := strings.Compare(cases[a].Title, cases[b].Title); d != 0 {
			return d
		}
		return strings.Compare(cases[a].File, cases[b].File)
	})
	return order
}

// firstOfSubsets builds first(Q) (see ranked) for every subset Q of every
// case's keys, visiting the cases in rank order. Each subset gets an id,
// its list is first[id], and of[i][mask] is the id of the subset of case
// i's keys that mask picks: ranking then reads lists by index, where a
// map keyed by subsets would be looked up millions of times.
//
// The subsets are shared out among the workers by a hash, each keeping
// its own ids in its own part of first: every worker visits every case
// in order, and fills in only the subsets that are its own.
func firstOfSubsets(order []int, t *traits, limit int) (first [][]int32, of [][]int32) {
	size := 0
	for _, ks := range t.keys {
		size += 1 << len(ks)
	}
	slab := make([]int32, size) // every case's ids, in one allocation
	of = make([][]int32, len(t.keys))
	for i, ks := range t.keys {
		of[i], slab = slab[:1<<len(ks):1<<len(ks)], slab[1<<len(ks):]
	}
	workers := parallel.Workers()
	parts := make([][][]int32, workers)
	parallel.For(workers, func(w int) {
		parts[w] = subsetsOf(order, t, limit, of, w, workers)
	})
	// A worker's local id n is global id offset[w]+n.
	offset := make([]int32, workers)
	for w, part := range parts {
		offset[w] = int32(len(first))
		first = append(first, part...)
	}
	parallel.For(len(order), func(i int) {
		ks := t.keys[i]
		for mask := 1; mask < 1<<len(ks); mask++ {
			key, _ := subsetKey(nil, ks, mask)
			of[i][mask] += offset[shard(key, workers)]
		}
	})
	return first, of
}

// subsetsOf is firstOfSubsets' share for worker w of workers: the subsets
// that shard to w get local ids, in of, and lists, returned.
func subsetsOf(order []int, t *traits, limit int, of [][]int32, w, workers int) (first [][]int32) {
	// A subset of up to four keys with small ids packs exactly into a
	// number, which a map finds several times faster than a string; the
	// rest are keyed by their bytes.
	packed, long := map[uint64]int32{}, map[string]int32{}
	var buf []byte
	for _, j := range order {
		ks := t.keys[j]
		for mask := 1; mask < 1<<len(ks); mask++ {
			key, fits := subsetKey(&buf, ks, mask)
			if shard(key, workers) != w {
				continue
			}
			var id int32
			var ok bool
			if fits {
				id, ok = packed[key]
			} else {
				id, ok = long[string(buf)]
			}
			if !ok {
				id = int32(len(first))
				if fits {
					packed[key] = id
				} else {
					long[string(buf)] = id
				}
				first = append(first, nil)
			}
			of[j][mask] = id
			if len(first[id]) <= limit {
				first[id] = append(first[id], int32(j))
			}
		}
	}
	return first
}

// subsetKey is the key of the subset of ks that mask picks: packed (see
// pack) when it fits, else a hash of its bytes, which it leaves in *buf
// when buf is not nil. Either way it says which worker the subset is.
func subsetKey(buf *[]byte, ks []int32, mask int) (key uint64, fits bool) {
	if key, fits = pack(ks, mask); fits {
		return key, true
	}
	var local []byte
	if buf == nil {
		buf = &local
	}
	*buf = subset((*buf)[:0], ks, mask)
	return maphash.Bytes(subsetSeed, *buf), false
}

var subsetSeed = maphash.MakeSeed()

// shard spreads keys over workers; packed keys are small numbers, so they
// are mixed first.
func shard(key uint64, workers int) int {
	return int((key * 0x9E3779B97F4A7C15 >> 32) % uint64(workers))
}

// subsetWeights sorts the non-empty subsets of ks (as bit masks) by their
// weight into sc.byWeight.
func (sc *scoring) subsetWeights(t *traits, ks []int32) {
	full := 1 << len(ks)
	if cap(sc.weights) < full {
		sc.weights = make([]int, full)
	}
	weights := sc.weights[:full]
	most := 0
	for m := 1; m < full; m++ {
		weights[m] = weights[m&(m-1)] + t.weight[ks[bits.TrailingZeros(uint(m))]]
		most = max(most, weights[m])
	}
	for len(sc.byWeight) <= most {
		sc.byWeight = append(sc.byWeight, nil)
	}
	sc.byWeight = sc.byWeight[:most+1]
	for w := range sc.byWeight {
		sc.byWeight[w] = sc.byWeight[w][:0]
	}
	for m := 1; m < full; m++ {
		sc.byWeight[weights[m]] = append(sc.byWeight[weights[m]], m)
	}
}

// pack puts the ids of ks that mask picks into one number, 16 bits each
// (plus one, so that no id is 0), when they are at most four and each
// below 1<<16-1.
func pack(ks []int32, mask int) (key uint64, fits bool) {
	if bits.OnesCount(uint(mask)) > 4 {
		return 0, false
	}
	for b, k := range ks {
		if mask&(1<<b) != 0 {
			if k >= 1<<16-1 {
				return 0, false
			}
			key = key<<16 | uint64(k+1)
		}
	}
	return key, true
}

// subset appends the ids of ks that mask picks, as bytes, for a map key.
func subset(buf []byte, ks []int32, mask int) []byte {
	for b, k := range ks {
		if mask&(1<<b) != 0 {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(k))
		}
	}
	return buf
}

// scan scores, for each case, every case sharing a trait with it, through
// an index of who has what: the cost follows the number of shared traits,
// which is the square of the cases when traits are few.
func scan(cases []*content.Page, t *traits, linked func(int) []int, limit int, results [][]Related) {
	scratch := sync.Pool{New: func() any { return &scoring{scores: make([]int, len(cases))} }}
	parallel.For(len(cases), func(i int) {
		sc := scratch.Get().(*scoring)
		scores, touched := sc.scores, sc.touched[:0]
		for _, k := range t.keys[i] {
			for _, j := range t.members[k] {
				if scores[j] == 0 {
					touched = append(touched, j)
				}
				scores[j] += t.weight[k]
			}
		}
		for _, j := range linked(i) {
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
}

// scoring is one worker's reusable buffers: a score per case, and which
// scores are set, to reset only those.
type scoring struct {
	scores  []int
	touched []int
	// For ranked: the weight of each subset of a case's keys, the
	// subsets by weight.
	weights  []int
	byWeight [][]int
}

func uniqueSlugs(names []string) []string {
	var out []string
	for _, n := range names {
		if s := content.Slugify(n); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// best picks the top limit of the touched cases other than self. It runs
// once per case over thousands of candidates, so most are turned away by
// score alone, and ties compare lazily.
func best(cases []*content.Page, self int, scores, touched []int, limit int) []Related {
	// before reports whether case a ranks above case b.
	before := func(a, b int) bool {
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		if d := cases[a].Date.Compare(cases[b].Date); d != 0 {
			return d > 0
		}
		if cases[a].Title != cases[b].Title {
			return cases[a].Title < cases[b].Title
		}
		return cases[a].File < cases[b].File
	}
	top := make([]int, 0, limit+1)
	for _, j := range touched {
		if j == self || len(top) == limit && (scores[j] < scores[top[limit-1]] || !before(j, top[limit-1])) {
			continue
		}
		at := len(top)
		for at > 0 && before(j, top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, j)
		if len(top) > limit {
			top = top[:limit]
		}
	}
	out := make([]Related, len(top))
	for k, j := range top {
		out[k] = Related{Page: cases[j], Score: scores[j]}
	}
	return out
}
