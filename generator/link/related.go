package link

import (
	"slices"
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
// frameworks holds each case's resolved frameworks. Only cases sharing
// something are ever compared, through an index of who has what, so the
// cost follows the number of shared traits, not the square of the cases.
func RelatedCases(cases []*content.Page, frameworks map[*content.Page][]*content.Page, g *Graph, limit int) map[*content.Page][]Related {
	index := map[string][]int{}
	keysOf := make([][]keyWeight, len(cases))
	for i, c := range cases {
		add := func(key string, w int) {
			index[key] = append(index[key], i)
			keysOf[i] = append(keysOf[i], keyWeight{key, w})
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

// scoring is one worker's reusable buffers: a score per case, and which
// scores are set, to reset only those.
type scoring struct {
	scores  []int
	touched []int
}

type keyWeight struct {
	key    string
	weight int
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
