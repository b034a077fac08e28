package search

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
)

// Index is a built index read back from its files the way the browser
// client reads it: meta.js first, every other file only when a query needs
// it, each at most once. It is not safe for concurrent use.
type Index struct {
	fsys   fs.FS
	dir    string
	meta   meta
	stop   map[string]bool
	dicts  map[int]map[string][2]int
	shards map[int]map[string]string
	facets map[string][]string
	recs   map[int][]record // by file
	read   []string         // files read since Open or the last query, for Result.Files
	bytes  int
}

// Open reads the index in dir of fsys (a built site's "search/" or
// "fi/search/").
func Open(fsys fs.FS, dir string) (*Index, error) {
	ix := &Index{fsys: fsys, dir: dir, dicts: map[int]map[string][2]int{}, shards: map[int]map[string]string{}, recs: map[int][]record{}}
	if err := ix.load("meta", &ix.meta); err != nil {
		return nil, err
	}
	ix.stop = map[string]bool{}
	for _, w := range ix.meta.Stop {
		ix.stop[w] = true
	}
	return ix, nil
}

// Lang is the index's language.
func (ix *Index) Lang() string { return ix.meta.Lang }

// Pages is how many pages the index holds.
func (ix *Index) Pages() int { return ix.meta.Pages }

// FacetValues lists the values of a facet (type, industry, tag,
// framework) that pages of the index have, sorted.
func (ix *Index) FacetValues(facet string) []string { return ix.meta.Facets[facet] }

func (ix *Index) load(name string, v any) error {
	file := path.Join(ix.dir, name+".js")
	data, err := fs.ReadFile(ix.fsys, file)
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	ix.read = append(ix.read, file)
	ix.bytes += len(data)
	if _, err := unwrap(data, v); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	return nil
}

// dictPieces lists the dictionary pieces that can hold terms from lo to
// hi (inclusive), as their numbers.
func (ix *Index) dictPieces(lo, hi string) []int {
	d := ix.meta.Dicts
	first := sort.SearchStrings(d, lo) // pieces start at d[i]; the one before may hold lo too
	if first == len(d) || d[first] != lo {
		first = max(first-1, 0)
	}
	var pieces []int
	for i := first; i < len(d) && d[i] <= hi; i++ {
		pieces = append(pieces, i)
	}
	return pieces
}

func (ix *Index) dict(i int) (map[string][2]int, error) {
	if d, ok := ix.dicts[i]; ok {
		return d, nil
	}
	var d map[string][2]int
	if err := ix.load("d/"+strconv.Itoa(i), &d); err != nil {
		return nil, err
	}
	ix.dicts[i] = d
	return d, nil
}

func (ix *Index) postings(term string, shard int) ([]posting, error) {
	s, ok := ix.shards[shard]
	if !ok {
		if err := ix.load("s/"+strconv.Itoa(shard), &s); err != nil {
			return nil, err
		}
		ix.shards[shard] = s
	}
	ps, err := decodePostings(s[term])
	if err != nil {
		return nil, fmt.Errorf("search index: postings of %q: %v", term, err)
	}
	return ps, nil
}

// facetIDs returns the pages of every value of facet, aligned with the
// values in meta.
func (ix *Index) facetIDs(facet string) ([][]int, error) {
	if ix.facets == nil {
		if err := ix.load("facets", &ix.facets); err != nil {
			return nil, err
		}
	}
	lists := make([][]int, len(ix.facets[facet]))
	for i, s := range ix.facets[facet] {
		ids, err := decodeIDs(s)
		if err != nil {
			return nil, fmt.Errorf("search index: facet %s: %v", facet, err)
		}
		lists[i] = ids
	}
	return lists, nil
}

func (ix *Index) record(id int) (record, error) {
	file := id / recordsPerFile
	recs, ok := ix.recs[file]
	if !ok {
		if err := ix.load("r/"+strconv.Itoa(file), &recs); err != nil {
			return record{}, err
		}
		ix.recs[file] = recs
	}
	if i := id % recordsPerFile; i < len(recs) {
		return recs[i], nil
	}
	return record{}, fmt.Errorf("search index: no record of page %d", id)
}
