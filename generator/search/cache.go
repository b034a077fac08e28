package search

import (
	"encoding/binary"
	"hash/maphash"
	"sync"
)

// Cache keeps each page's word counts between builds of an index, so that
// building it again (as the preview does on every save) counts the words
// of the changed pages only. Counting is most of the work of a build; the
// rest (weights, shards) depends on every page and is done again.
type Cache struct {
	mu   sync.Mutex
	seed maphash.Seed
	lang map[string]map[string]counted // language -> page URL -> counts
	next map[string]map[string]counted // filled by the build under way
}

type counted struct {
	sum    uint64 // of the Doc the counts are of
	tf     map[string]float64
	length int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), lang: map[string]map[string]counted{}}
}

// Write is Write, counting words only for the pages that changed since
// the cache's last build of lang.
func (c *Cache) Write(lang string, docs []Doc, put func(name string, data []byte) error) error {
	c.mu.Lock()
	c.next = map[string]map[string]counted{lang: make(map[string]counted, len(docs))}
	c.mu.Unlock()
	err := write(lang, docs, c, put)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil {
		c.lang[lang] = c.next[lang] // pages no longer indexed drop out
	}
	c.next = nil
	return err
}

// termFrequencies counts d's words, or takes the counts of an identical
// Doc from the last build. Nil counts everything afresh, into scratch, an
// empty map; a Cache keeps the counts, so makes a map of its own.
func (c *Cache) termFrequencies(lang string, d Doc, scratch map[string]float64) (map[string]float64, int) {
	if c == nil {
		return scratch, termFrequencies(lang, d, scratch)
	}
	sum := c.hash(d)
	c.mu.Lock()
	old, ok := c.lang[lang][d.URL]
	c.mu.Unlock()
	if !ok || old.sum != sum {
		old.tf = map[string]float64{}
		old.length = termFrequencies(lang, d, old.tf)
		old.sum = sum
	}
	c.mu.Lock()
	c.next[lang][d.URL] = old
	c.mu.Unlock()
	return old.tf, old.length
}

// hash covers every field termFrequencies reads.
func (c *Cache) hash(d Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	num := func(n int) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
	for _, list := range [][]string{{d.Title, d.Summary, d.Industry, d.Body}, d.Tags, d.Frameworks, d.Headings, d.Experience, d.Chain} {
		num(len(list)) // lengths first, so that nothing can move between fields unseen
		for _, s := range list {
			num(len(s))
			h.WriteString(s)
		}
	}
	return h.Sum64()
}
