package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Request is one search: words and "quoted phrases", and facet values the
// results must have (facet name -> value, as in meta's lists).
type Request struct {
	Text   string
	Filter map[string]string
	Limit  int  // results to return in full; 10 if zero or less
	Facets bool // count every facet's values among the results
}

// Result is what a search found.
type Result struct {
	Total  int // pages that match
	Hits   []Hit
	Facets map[string][]FacetCount // with Request.Facets: each facet's values, counted
	Terms  []string                // the indexed words that matched, for highlighting
	Files  []string                // index files read for this query (the first also counts meta.js): what a browser downloads
	Bytes  int                     // their total size
}

// Hit is one page found.
type Hit struct {
	URL, Title, Kind, Summary string
	Score                     float64
}

// FacetCount is one facet value and how many results have it, counting
// the results of every other facet's filter but not this facet's own, so a
// reader sees what choosing another value would give.
type FacetCount struct {
	Value string
	Count int
}

// How a query word matches an indexed word, as factors on its score.
// Exact beats a longer word the query begins (deliver -> delivery), which
// beats another form of the word (pesukoneesta -> pesukone), which beats a
// word one typo away.
const (
	factorExact    = 1.0
	factorPrefix   = 0.5 // + up to 0.4 as the query covers more of the word
	factorStem     = 0.3 // + up to 0.2 as the two share more of the longer word
	factorTypo     = 0.3
	typoMinLen     = 5  // shorter words get no typo tolerance
	maxExpansions  = 10 // indexed words a query word may match besides itself
	phraseVerified = 50 // best candidates whose text is checked for a phrase
)

// clause is a query word, or a quoted phrase.
type clause struct {
	words  []string // indexed words only: what must match
	phrase []string // every word, stop words too, for the adjacency check; nil for a single word
}

func (ix *Index) parse(text string) []clause {
	var clauses []clause
	for i, part := range strings.Split(text, `"`) {
		quoted := i%2 == 1
		words := Words(part)
		if quoted && len(words) > 1 {
			c := clause{phrase: words}
			for _, w := range words {
				if !ix.stop[w] {
					c.words = append(c.words, w)
				}
			}
			if len(c.words) > 0 {
				clauses = append(clauses, c)
			}
			continue
		}
		for _, w := range words {
			if !ix.stop[w] {
				clauses = append(clauses, clause{words: []string{w}})
			}
		}
	}
	return clauses
}

// Query runs req against the index, as the browser client does.
func Query(ix *Index, req Request) (Result, error) {
	defer func() { ix.read, ix.bytes = nil, 0 }() // the next query counts its own
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	var res Result
	clauses := ix.parse(req.Text)

	// Score every page each word matches; a page must match them all.
	var scores map[int]float64
	var perWord []map[int]float64
	for _, c := range clauses {
		for _, w := range c.words {
			m, terms, err := ix.matchWord(w)
			if err != nil {
				return res, err
			}
			res.Terms = append(res.Terms, terms...)
			perWord = append(perWord, m)
		}
	}
	switch {
	case len(perWord) > 0:
		scores = intersect(perWord)
		if len(scores) == 0 && len(perWord) > 1 {
			scores = union(perWord) // no page has every word: rank those with some
		}
	case len(Words(req.Text)) > 0:
		scores = map[int]float64{} // only stop words: nothing matches
	default: // no words: facets alone choose, in page order
		scores = make(map[int]float64, ix.meta.Pages)
		for id := range ix.meta.Pages {
			scores[id] = 0
		}
	}
	slices.Sort(res.Terms)
	res.Terms = slices.Compact(res.Terms)

	if len(req.Filter) > 0 || req.Facets {
		if err := ix.applyFacets(req, scores, &res); err != nil {
			return res, err
		}
	}
	ids := make([]int, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	byScore := func(a, b int) int { return cmp.Or(cmp.Compare(scores[b], scores[a]), cmp.Compare(a, b)) }
	slices.SortFunc(ids, byScore)
	if err := ix.phrasesFirst(clauses, ids); err != nil {
		return res, err
	}
	res.Total = len(ids)
	for _, id := range ids[:min(limit, len(ids))] {
		r, err := ix.record(id)
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, Hit{URL: r.URL, Title: r.Title, Kind: r.Kind, Summary: r.Summary, Score: scores[id]})
	}
	res.Files, res.Bytes = ix.read, ix.bytes
	return res, nil
}

// matchWord scores the pages of every indexed word that w matches, keeping
// per page the best. It returns the words matched.
func (ix *Index) matchWord(w string) (map[int]float64, []string, error) {
	n := utf8.RuneCountInString(w)
	lo := w
	if n >= typoMinLen {
		lo = w[:byteIndex(w, ix.stemLen(n))]
	}
	ranges := [][2]string{{lo, lo + "\U0010FFFF"}}
	if n >= typoMinLen {
		first := w[:byteIndex(w, 1)]
		ranges = append(ranges, [2]string{first, first + "\U0010FFFF"})
	}
	type candidate struct {
		term   string
		factor float64
		shard  int
		df     int
	}
	var found []candidate
	seen := map[string]bool{}
	for _, r := range ranges {
		for _, piece := range ix.dictPieces(r[0], r[1]) {
			dict, err := ix.dict(piece)
			if err != nil {
				return nil, nil, err
			}
			for term, at := range dict {
				if seen[term] {
					continue
				}
				seen[term] = true
				if f := ix.matchFactor(w, n, term); f > 0 {
					found = append(found, candidate{term, f, at[0], at[1]})
				}
			}
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.factor, a.factor), cmp.Compare(b.df, a.df), strings.Compare(a.term, b.term))
	})
	if len(found) > maxExpansions+1 {
		found = found[:maxExpansions+1]
	}
	// One rarity for all the words w matched, that of the commonest: a
	// rare misspelling or longer form must not outrank the word itself.
	df := 0
	for _, c := range found {
		df = max(df, c.df)
	}
	idf := math.Log(1 + (float64(ix.meta.Pages)-float64(df)+0.5)/(float64(df)+0.5))
	scores := map[int]float64{}
	var terms []string
	for _, c := range found {
		ps, err := ix.postings(c.term, c.shard)
		if err != nil {
			return nil, nil, err
		}
		terms = append(terms, c.term)
		for _, p := range ps {
			s := c.factor * idf * float64(p.weight) / maxWeight
			if s > scores[p.doc] {
				scores[p.doc] = s
			}
		}
	}
	return scores, terms, nil
}

// stemLen is how many leading letters a word of n letters must share with
// an indexed word for the two to count as forms of one word.
func (ix *Index) stemLen(n int) int {
	return max(4, n-int(float64(n)*ix.meta.Stem))
}

// matchFactor is how well query word w (n letters) matches indexed term,
// or 0 if it does not.
func (ix *Index) matchFactor(w string, n int, term string) float64 {
	if term == w {
		return factorExact
	}
	tn := utf8.RuneCountInString(term)
	if strings.HasPrefix(term, w) {
		return factorPrefix + 0.4*float64(n)/float64(tn)
	}
	if n < typoMinLen {
		return 0
	}
	best := 0.0
	if shared := commonPrefix(w, term); shared >= ix.stemLen(n) {
		best = factorStem + 0.2*float64(shared)/float64(max(n, tn))
	}
	if best == 0 && oneEdit(w, term) {
		best = factorTypo
	}
	return best
}

// oneEdit says whether b is a but for one inserted, deleted, changed or
// swapped (adjacent) letter, past the first.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 || len(x) == 0 || x[0] != y[0] {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if i == len(x) { // a prefix, one letter short
		return len(y)-len(x) == 1
	}
	if len(x) == len(y) {
		if slices.Equal(x[i+1:], y[i+1:]) {
			return true // changed
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && slices.Equal(x[i+2:], y[i+2:]) // swapped
	}
	return slices.Equal(x[i:], y[i+1:]) // inserted
}

func commonPrefix(a, b string) int {
	n := 0
	for i, r := range a {
		if i >= len(b) {
			break
		}
		s, _ := utf8.DecodeRuneInString(b[i:])
		if s != r {
			break
		}
		n++
	}
	return n
}

// byteIndex is where rune number n starts in s.
func byteIndex(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func intersect(maps []map[int]float64) map[int]float64 {
	out := map[int]float64{}
	for id, s := range maps[0] {
		total := s
		for _, m := range maps[1:] {
			t, ok := m[id]
			if !ok {
				total = -1
				break
			}
			total += t
		}
		if total >= 0 {
			out[id] = total
		}
	}
	return out
}

func union(maps []map[int]float64) map[int]float64 {
	out := map[int]float64{}
	for _, m := range maps {
		for id, s := range m {
			out[id] += s
		}
	}
	return out
}

// applyFacets drops from scores the pages the filter excludes, and counts
// facet values.
func (ix *Index) applyFacets(req Request, scores map[int]float64, res *Result) error {
	values := ix.meta.Facets
	lists := map[string][][]int{}
	for _, f := range Facets {
		l, err := ix.facetIDs(f)
		if err != nil {
			return err
		}
		lists[f] = l
	}
	// passes says whether a page has the chosen value of facet f.
	chosen := map[string]map[int]bool{}
	for f, v := range req.Filter {
		i := slices.Index(values[f], v)
		chosen[f] = map[int]bool{}
		if i >= 0 {
			for _, id := range lists[f][i] {
				chosen[f][id] = true
			}
		}
	}
	passesBut := func(id int, skip string) bool {
		for f, ok := range chosen {
			if f != skip && !ok[id] {
				return false
			}
		}
		return true
	}
	if req.Facets {
		res.Facets = map[string][]FacetCount{}
		for _, f := range Facets {
			for i, v := range values[f] {
				n := 0
				for _, id := range lists[f][i] {
					if _, ok := scores[id]; ok && passesBut(id, f) {
						n++
					}
				}
				res.Facets[f] = append(res.Facets[f], FacetCount{Value: v, Count: n})
			}
		}
	}
	for id := range scores {
		if !passesBut(id, "") {
			delete(scores, id)
		}
	}
	return nil
}

// phrasesFirst moves to the front, keeping their order, the best
// candidates whose title, summary or stored text hold every quoted phrase
// as written. Only the first phraseVerified candidates are read: a phrase
// narrows the ranking, the words alone decide what matches.
func (ix *Index) phrasesFirst(clauses []clause, ids []int) error {
	var phrases [][]string
	for _, c := range clauses {
		if c.phrase != nil {
			phrases = append(phrases, c.phrase)
		}
	}
	if len(phrases) == 0 {
		return nil
	}
	n := min(len(ids), phraseVerified)
	holds := map[int]bool{}
	for _, id := range ids[:n] {
		r, err := ix.record(id)
		if err != nil {
			return err
		}
		words := Words(r.Title + "\n" + r.Summary + "\n" + r.Text)
		holds[id] = true
		for _, p := range phrases {
			if !containsRun(words, p) {
				holds[id] = false
			}
		}
	}
	slices.SortStableFunc(ids[:n], func(a, b int) int {
		switch {
		case holds[a] && !holds[b]:
			return -1
		case holds[b] && !holds[a]:
			return 1
		}
		return 0
	})
	return nil
}

func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
