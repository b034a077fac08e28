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

// Build indexes docs of one language and returns the index files by name,
// relative to the index folder.
func Build(lang string, docs []Doc) (map[string][]byte, error) {
	return build(lang, docs, nil)
}

func build(lang string, docs []Doc, cache *Cache) (map[string][]byte, error) {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.URL, b.URL) })

	// Each page's counts go into the postings as soon as they are made, so
	// the build never holds every page's word counts at once.
	postings := map[string][]rawPosting{}
	lengths := make([]int, len(docs))
	texts := make([]string, len(docs)) // each page's record text
	var mu sync.Mutex
	parallel.For(len(docs), func(i int) {
		tf, n := cache.termFrequencies(lang, docs[i])
		lengths[i] = n
		// Once counted, a page's text is needed only for its record: the
		// rest of it would be most of what the build holds.
		texts[i] = truncate(joinText(docs[i].Experience, docs[i].Body), recordText)
		docs[i].Body = ""
		mu.Lock()
		defer mu.Unlock()
		for term, f := range tf {
			postings[term] = append(postings[term], rawPosting{doc: int32(i), tf: float32(f)})
		}
	})
	avg := 1.0
	if len(docs) > 0 {
		total := 0
		for _, n := range lengths {
			total += n
		}
		avg = max(float64(total)/float64(len(docs)), 1)
	}
	// weigh turns a term's counts into BM25 weights, in page order.
	weigh := func(raw []rawPosting) []posting {
		slices.SortFunc(raw, func(a, b rawPosting) int { return int(a.doc - b.doc) })
		ps := make([]posting, len(raw))
		for i, r := range raw {
			f := float64(r.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(lengths[r.doc])/avg)
			w := f * (bm25K1 + 1) / (f + norm) / (bm25K1 + 1) // in (0, 1)
			ps[i] = posting{doc: int(r.doc), weight: min(max(int(math.Round(w*maxWeight)), 1), maxWeight)}
		}
		return ps
	}
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	slices.Sort(terms)

	files := map[string][]byte{}
	add := func(name string, v any) error {
		data, err := wrap(lang+"/"+name, v)
		if err != nil {
			return fmt.Errorf("search index %s: %v", name, err)
		}
		files[name+".js"] = data
		return nil
	}

	// Postings shards, then dictionary pieces that say where each term is.
	shardOf := map[string]int{}
	shard, size, shards := map[string]string{}, 0, 0
	flushShard := func() error {
		if len(shard) == 0 {
			return nil
		}
		err := add("s/"+strconv.Itoa(shards), shard)
		shard, size = map[string]string{}, 0
		shards++
		return err
	}
	for _, t := range terms {
		enc := encodePostings(weigh(postings[t]))
		if size > 0 && size+len(t)+len(enc) > shardTarget {
			if err := flushShard(); err != nil {
				return nil, err
			}
		}
		shard[t] = enc
		size += len(t) + len(enc) + 6
		shardOf[t] = shards
	}
	if err := flushShard(); err != nil {
		return nil, err
	}

	m := meta{Lang: lang, Pages: len(docs), Stem: defaultStemShare, Facets: map[string][]string{}}
	if s, ok := stemShare[lang]; ok {
		m.Stem = s
	}
	for w := range stopWords[lang] {
		m.Stop = append(m.Stop, w)
	}
	slices.Sort(m.Stop)
	dict, size := map[string][2]int{}, 0
	var first rune = -1
	for _, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		// A piece never spans two first letters, so that looking for typos
		// of a word loads only the pieces of its first letter.
		if len(dict) > 0 && (r != first || size > dictTarget) {
			if err := add("d/"+strconv.Itoa(len(m.Dicts)-1), dict); err != nil {
				return nil, err
			}
			dict, size = map[string][2]int{}, 0
		}
		if len(dict) == 0 {
			m.Dicts = append(m.Dicts, t)
			first = r
		}
		dict[t] = [2]int{shardOf[t], len(postings[t])}
		size += len(t) + 16
	}
	if len(dict) > 0 {
		if err := add("d/"+strconv.Itoa(len(m.Dicts)-1), dict); err != nil {
			return nil, err
		}
	}

	facetIDs := map[string]map[string][]int{}
	for _, f := range Facets {
		facetIDs[f] = map[string][]int{}
	}
	records := make([]record, 0, len(docs))
	for id, d := range docs {
		facetIDs["type"][d.Kind] = append(facetIDs["type"][d.Kind], id)
		if d.Industry != "" {
			facetIDs["industry"][d.Industry] = append(facetIDs["industry"][d.Industry], id)
		}
		for _, t := range uniq(d.Tags) {
			facetIDs["tag"][t] = append(facetIDs["tag"][t], id)
		}
		for _, f := range uniq(d.Frameworks) {
			facetIDs["framework"][f] = append(facetIDs["framework"][f], id)
		}
		records = append(records, record{URL: d.URL, Title: d.Title, Kind: d.Kind, Summary: d.Summary,
			Text: texts[id], Date: d.Date, Industry: d.Industry, Tags: d.Tags, Frameworks: d.Frameworks})
	}
	for first := 0; first < len(records); first += recordsPerFile {
		if err := add("r/"+strconv.Itoa(first/recordsPerFile), records[first:min(first+recordsPerFile, len(records))]); err != nil {
			return nil, err
		}
	}
	lists := map[string][]string{}
	for _, f := range Facets {
		values := make([]string, 0, len(facetIDs[f]))
		for v := range facetIDs[f] {
			values = append(values, v)
		}
		slices.Sort(values)
		m.Facets[f] = values
		for _, v := range values {
			lists[f] = append(lists[f], encodeIDs(facetIDs[f][v]))
		}
	}
	if err := add("facets", lists); err != nil {
		return nil, err
	}
	if err := add("meta", m); err != nil {
		return nil, err
	}
	return files, nil
}

// rawPosting is a page's field-weighted count of a term, before BM25.
type rawPosting struct {
	doc int32
	tf  float32
}

// termFrequencies weighs every indexed word of a page by the fields it
// stands in, and counts the page's words for BM25's length normalisation.
func termFrequencies(lang string, d Doc) (map[string]float64, int) {
	tf := map[string]float64{}
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
	return tf, length
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
