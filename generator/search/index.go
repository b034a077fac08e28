// Package search builds casebook's search index: per language, an inverted
// index split into files so that a browser downloads only what a query
// needs, and queries it (Query) the way the browser client does, from the
// same files.
//
// An index folder holds, as JavaScript files the client loads with
// <script> (which works from file://):
//
//	meta.js      the page count, where each dictionary piece starts, facet values, stop words
//	d/N.js       dictionary pieces: term -> [postings shard, pages it is on], by term range
//	s/N.js       postings shards: term -> pages and weights, by term range
//	facets.js    the pages of each facet value (loaded only when facets are shown)
//	r/N.js       records of pages N*recordsPerFile on: title, URL, summary, text for excerpts
//
// Everything is deterministic: pages are numbered in URL order, terms and
// keys sorted.
package search

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/parallel"
)

// Doc is one page to index.
type Doc struct {
	URL     string // site-relative folder, "cases/x/"
	Kind    string // case, framework or page
	Title   string
	Summary string
	Date    string // YYYY-MM-DD, or ""

	Headings   []string
	Experience []string // a case's expected, target and delivered texts
	Chain      []string // actors, roles and notes of a case's chain
	Body       string   // the page's text, without code

	Industry   string
	Tags       []string
	Frameworks []string // titles of the frameworks a case applies
}

// Field weights: a word in the title counts as much as six in the body.
const (
	weightTitle      = 6
	weightSummary    = 3
	weightTerms      = 3 // tags, industry, frameworks
	weightHeadings   = 2
	weightExperience = 2
	weightChain      = 2
	weightBody       = 1
)

// BM25 parameters, the usual ones.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Sizes the files aim at. A shard holds terms until it passes shardTarget
// bytes (a term with more postings gets a shard to itself); a query word
// usually needs one. Records keep at most recordText bytes of text.
const (
	shardTarget = 16 << 10
	dictTarget  = 8 << 10
	recordText  = 1200
)

// Facets a page can be filtered by, in the order the client shows them.
var Facets = []string{"type", "industry", "tag", "framework"}

// meta is meta.js.
type meta struct {
	Lang   string              `json:"lang"`
	Pages  int                 `json:"n"`
	Dicts  []string            `json:"dicts"` // the first term of each dictionary piece
	Stem   float64             `json:"stem"`  // how much of a word's end may differ (see stemLen)
	Stop   []string            `json:"stop"`
	Facets map[string][]string `json:"facets"` // facet -> its values, sorted
}

// recordsPerFile groups records of consecutive pages: a file per page
// would double the files a build writes (and file creation is most of
// writing), while a results page still loads little more than it shows.
const recordsPerFile = 4

// record is one page in r/N.js.
type record struct {
	URL        string   `json:"u"`
	Title      string   `json:"t"`
	Kind       string   `json:"k"`
	Summary    string   `json:"s,omitempty"`
	Text       string   `json:"x,omitempty"`
	Date       string   `json:"d,omitempty"`
	Industry   string   `json:"i,omitempty"`
	Tags       []string `json:"g,omitempty"`
	Frameworks []string `json:"f,omitempty"`
}

// stemShare is, per language, the share of a word's end that may differ
// from an indexed word for them to match as forms of one word: Finnish
// inflects by long endings (pesukone, pesukoneesta), English by short ones.
var stemShare = map[string]float64{"fi": 0.5}

const defaultStemShare = 0.25

// Write indexes docs of one language and hands each index file to put as
// soon as it is made, by its name in the index folder (meta.js, s/0.js):
// the caller holds no more of the index than it chooses to. put may be
// called from several goroutines at once; an error from it ends the
// build, and Write returns it.
func Write(lang string, docs []Doc, put func(name string, data []byte) error) error {
	return write(lang, docs, nil, put)
}

// Build is Write into a map of the index files by name.
func Build(lang string, docs []Doc) (map[string][]byte, error) {
	return collect(func(put func(string, []byte) error) error { return Write(lang, docs, put) })
}

// collect gathers the files a write hands to put.
func collect(write func(put func(string, []byte) error) error) (map[string][]byte, error) {
	files := map[string][]byte{}
	var mu sync.Mutex
	err := write(func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// write builds the index file by file. The records go first, so that
// counting the words can let each page's text go once it is counted;
// the shards next, so that the counts go before the dictionary is made.
func write(lang string, docs []Doc, cache *Cache, put func(string, []byte) error) error {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.URL, b.URL) })
	out := indexFiles{lang: lang, put: put}
	if err := out.records(docs); err != nil {
		return err
	}
	facets, err := out.facets(docs)
	if err != nil {
		return err
	}
	terms, where, err := out.shards(count(lang, docs, cache))
	if err != nil {
		return err
	}
	dicts, err := out.dictionaries(terms, where)
	if err != nil {
		return err
	}
	return out.file("meta", newMeta(lang, len(docs), dicts, facets))
}

// indexFiles hands the files of one language's index to put, each
// wrapped for the client.
type indexFiles struct {
	lang string
	put  func(name string, data []byte) error
}

func (f indexFiles) file(name string, v any) error {
	data, err := wrap(f.lang+"/"+name, v)
	if err != nil {
		return fmt.Errorf("search index %s: %v", name, err)
	}
	return f.put(name+".js", data)
}

// tally is what counting a language's pages leaves: each term's
// field-weighted counts by page, and each page's length in indexed words.
type tally struct {
	postings map[string][]rawPosting
	lengths  []int
}

// count counts the words of every page, in parallel. Each page's counts go
// into the postings as soon as they are made, so the build never holds
// every page's word counts at once; and once counted, a page's body is let
// go (it would be most of what the build holds).
func count(lang string, docs []Doc, cache *Cache) *tally {
	t := &tally{postings: map[string][]rawPosting{}, lengths: make([]int, len(docs))}
	var mu sync.Mutex
	parallel.For(len(docs), func(i int) {
		scratch := scratchCounts.Get().(map[string]float64)
		defer scratchCounts.Put(scratch)
		tf, n := cache.termFrequencies(lang, docs[i], scratch)
		t.lengths[i] = n
		docs[i].Body = ""
		mu.Lock()
		for term, f := range tf {
			ps, ok := t.postings[term]
			if !ok {
				// A word is a slice of its page's folded text, which it
				// would otherwise keep whole for as long as the index is
				// being made.
				term = strings.Clone(term)
			}
			t.postings[term] = append(ps, rawPosting{doc: int32(i), tf: float32(f)})
		}
		mu.Unlock()
		clear(scratch)
	})
	return t
}

// scratchCounts are maps to count a page's words in, used again page after
// page when no Cache keeps the counts: a cleared map keeps its room, and
// growing a fresh one for every page was a third of the index's
// allocations.
var scratchCounts = sync.Pool{New: func() any { return map[string]float64{} }}

// weigher turns a term's counts into BM25 weights.
type weigher struct {
	lengths []int
	avg     float64 // page length, at least 1
}

func newWeigher(lengths []int) weigher {
	total := 0
	for _, n := range lengths {
		total += n
	}
	w := weigher{lengths: lengths, avg: 1}
	if len(lengths) > 0 {
		w.avg = max(float64(total)/float64(len(lengths)), 1)
	}
	return w
}

// weigh returns a term's postings in page order, each weighted 1 to
// maxWeight.
func (w weigher) weigh(raw []rawPosting) []posting {
	slices.SortFunc(raw, func(a, b rawPosting) int { return int(a.doc - b.doc) })
	ps := make([]posting, len(raw))
	for i, r := range raw {
		f := float64(r.tf)
		norm := bm25K1 * (1 - bm25B + bm25B*float64(w.lengths[r.doc])/w.avg)
		bm25 := f * (bm25K1 + 1) / (f + norm) / (bm25K1 + 1) // in (0, 1)
		ps[i] = posting{doc: int(r.doc), weight: min(max(int(math.Round(bm25*maxWeight)), 1), maxWeight)}
	}
	return ps
}

// termPlace is where the dictionary sends a term: its postings shard, and
// how many pages it is on.
type termPlace struct {
	shard, pages int
}

// shards writes the postings shards, terms in order, and returns the terms
// with their places. A shard holds terms until it passes shardTarget bytes
// (a term with more postings gets a shard to itself). The counts are
// dropped as they are written.
func (f indexFiles) shards(t *tally) ([]string, []termPlace, error) {
	terms := make([]string, 0, len(t.postings))
	for term := range t.postings {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	places := make([]termPlace, len(terms))
	w := newWeigher(t.lengths)
	shard, size, shards := map[string]string{}, 0, 0
	flush := func() error {
		if len(shard) == 0 {
			return nil
		}
		err := f.file("s/"+strconv.Itoa(shards), shard)
		shard, size = map[string]string{}, 0
		shards++
		return err
	}
	for i, term := range terms {
		raw := t.postings[term]
		delete(t.postings, term)
		enc := encodePostings(w.weigh(raw))
		if size > 0 && size+len(term)+len(enc) > shardTarget {
			if err := flush(); err != nil {
				return nil, nil, err
			}
		}
		shard[term] = enc
		size += len(term) + len(enc) + 6
		places[i] = termPlace{shard: shards, pages: len(raw)}
	}
	t.postings = nil
	return terms, places, flush()
}

// dictionaries writes the dictionary pieces, which map each term to its
// place, and returns the first term of each piece. A piece never spans two
// first letters, so that looking for typos of a word loads only the pieces
// of its first letter.
func (f indexFiles) dictionaries(terms []string, places []termPlace) ([]string, error) {
	var firsts []string
	dict, size := map[string][2]int{}, 0
	flush := func() error {
		if len(dict) == 0 {
			return nil
		}
		err := f.file("d/"+strconv.Itoa(len(firsts)-1), dict)
		dict, size = map[string][2]int{}, 0
		return err
	}
	var first rune = -1
	for i, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		if len(dict) > 0 && (r != first || size > dictTarget) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		if len(dict) == 0 {
			firsts = append(firsts, t)
			first = r
		}
		dict[t] = [2]int{places[i].shard, places[i].pages}
		size += len(t) + 16
	}
	return firsts, flush()
}

// records writes the pages' records, recordsPerFile pages to a file, in
// parallel.
func (f indexFiles) records(docs []Doc) error {
	errs := make([]error, (len(docs)+recordsPerFile-1)/recordsPerFile)
	parallel.For(len(errs), func(n int) {
		first := n * recordsPerFile
		recs := make([]record, 0, recordsPerFile)
		for id := first; id < min(first+recordsPerFile, len(docs)); id++ {
			d := docs[id]
			recs = append(recs, record{URL: d.URL, Title: d.Title, Kind: d.Kind, Summary: d.Summary,
				Text: truncate(joinText(d.Experience, d.Body), recordText), Date: d.Date, Industry: d.Industry, Tags: d.Tags, Frameworks: d.Frameworks})
		}
		errs[n] = f.file("r/"+strconv.Itoa(n), recs)
	})
	return cmp.Or(errs...)
}

// facets writes facets.js, the pages of each value of each facet, and
// returns each facet's values, sorted, for meta.js.
func (f indexFiles) facets(docs []Doc) (map[string][]string, error) {
	pages := facetPages(docs)
	values, lists := map[string][]string{}, map[string][]string{}
	for _, facet := range Facets {
		vs := make([]string, 0, len(pages[facet]))
		for v := range pages[facet] {
			vs = append(vs, v)
		}
		slices.Sort(vs)
		values[facet] = vs
		for _, v := range vs {
			lists[facet] = append(lists[facet], encodeIDs(pages[facet][v]))
		}
	}
	return values, f.file("facets", lists)
}

// facetPages lists, by facet and value, the pages that have it, in order.
func facetPages(docs []Doc) map[string]map[string][]int {
	pages := map[string]map[string][]int{}
	for _, f := range Facets {
		pages[f] = map[string][]int{}
	}
	for id, d := range docs {
		pages["type"][d.Kind] = append(pages["type"][d.Kind], id)
		if d.Industry != "" {
			pages["industry"][d.Industry] = append(pages["industry"][d.Industry], id)
		}
		for _, t := range uniq(d.Tags) {
			pages["tag"][t] = append(pages["tag"][t], id)
		}
		for _, fw := range uniq(d.Frameworks) {
			pages["framework"][fw] = append(pages["framework"][fw], id)
		}
	}
	return pages
}

// newMeta is meta.js: what the client reads before anything else.
func newMeta(lang string, pages int, dicts []string, facets map[string][]string) meta {
	m := meta{Lang: lang, Pages: pages, Dicts: dicts, Stem: defaultStemShare, Facets: facets}
	if s, ok := stemShare[lang]; ok {
		m.Stem = s
	}
	for w := range stopWords[lang] {
		m.Stop = append(m.Stop, w)
	}
	slices.Sort(m.Stop)
	return m
}

// rawPosting is a page's field-weighted count of a term, before BM25.
type rawPosting struct {
	doc int32
	tf  float32
}

// termFrequencies weighs every indexed word of a page by the fields it
// stands in, adding to tf, and counts the page's words for BM25's length
// normalisation.
func termFrequencies(lang string, d Doc, tf map[string]float64) int {
	length := 0
	field := func(weight float64, texts ...string) {
		for _, text := range texts {
			eachWord(text, func(w string) {
				if indexable(w, lang) {
					tf[w] += weight
					length++
				}
			})
		}
	}
	field(weightTitle, d.Title)
	field(weightSummary, d.Summary)
	field(weightTerms, d.Industry)
	field(weightTerms, d.Tags...)
	field(weightTerms, d.Frameworks...)
	field(weightHeadings, d.Headings...)
	field(weightExperience, d.Experience...)
	field(weightChain, d.Chain...)
	field(weightBody, d.Body)
	return length
}

func joinText(parts []string, body string) string {
	s := ""
	for _, p := range parts {
		if p != "" {
			s += p + "\n"
		}
	}
	return s + body
}

// truncate cuts s to at most n bytes at a word boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	for len(cut) > 0 && !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	for i := len(cut) - 1; i > n/2; i-- {
		if cut[i] == ' ' || cut[i] == '\n' {
			return cut[:i]
		}
	}
	return cut
}

func uniq(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
