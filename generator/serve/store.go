package serve

import (
	"hash/maphash"
	"os"
	"slices"
	"sync"
)

// The preview keeps the site it serves on disk, not in memory: at 10,000
// cases the site is over a gigabyte of HTML, more than everything else
// the preview holds, and the system's page cache keeps the pages a
// browser asks for at hand anyway.
//
// Each build appends the files it made anew to a segment file of its own
// and records where each file of the site lies; a file that did not
// change points where it was. A segment that no file of the site points
// into any more is closed. Segments are removed from the folder as soon
// as they are opened where the system allows it (not on Windows), so that
// even a killed preview leaves nothing behind.

// seed hashes file contents; hashes are compared only within one process.
var seed = maphash.MakeSeed()

// segment is one file the bytes of a build were appended to.
type segment struct {
	f    *os.File
	path string // "" once removed from its folder
	size int64
}

func newSegment() (*segment, error) {
	f, err := os.CreateTemp("", "casebook-serve-*.pages")
	if err != nil {
		return nil, err
	}
	seg := &segment{f: f, path: f.Name()}
	if os.Remove(seg.path) == nil {
		seg.path = "" // the open file lives on until closed
	}
	return seg, nil
}

func (seg *segment) close() {
	seg.f.Close()
	if seg.path != "" {
		os.Remove(seg.path)
	}
}

// entry is where one file of the site lies.
type entry struct {
	seg  *segment
	off  int64
	size int
	hash uint64 // of the bytes, to tell a changed file from an unchanged one
	sum  uint64 // the fingerprint of what made the page, if made is set
	made bool
}

// read returns the bytes of an entry.
func (e entry) read() ([]byte, error) {
	data := make([]byte, e.size)
	_, err := e.seg.f.ReadAt(data, e.off)
	return data, err
}

// files are the files of one site, by name.
type files map[string]entry

// generation is one build's site as it is being written: a site.Keeper
// over the last good site, prev, which it only reads.
type generation struct {
	prev files

	mu      sync.Mutex
	next    files
	seg     *segment // where this build appends; nil until it first must
	changed []string // names whose bytes differ from prev's, or are new
}

func newGeneration(prev files) *generation {
	return &generation{prev: prev, next: make(files, len(prev))}
}

func (g *generation) WriteFile(name string, data []byte) error {
	return g.write(name, data, 0, false)
}

func (g *generation) WriteMade(name string, data []byte, sum uint64) error {
	return g.write(name, data, sum, true)
}

func (g *generation) Keep(name string, sum uint64) bool {
	e, ok := g.prev[name]
	if !ok || !e.made || e.sum != sum {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.next[name] = e
	return true
}

// write records a file, appending its bytes only if they differ from
// the last site's.
func (g *generation) write(name string, data []byte, sum uint64, made bool) error {
	h := maphash.Bytes(seed, data)
	if e, ok := g.prev[name]; ok && e.hash == h && e.size == len(data) {
		e.sum, e.made = sum, made
		g.mu.Lock()
		defer g.mu.Unlock()
		g.next[name] = e
		return nil
	}
	seg, off, err := g.append(data)
	if err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.next[name] = entry{seg: seg, off: off, size: len(data), hash: h, sum: sum, made: made}
	g.changed = append(g.changed, name)
	return nil
}

// append adds data to this build's segment and says where it lies.
func (g *generation) append(data []byte) (*segment, int64, error) {
	g.mu.Lock()
	if g.seg == nil {
		seg, err := newSegment()
		if err != nil {
			g.mu.Unlock()
			return nil, 0, err
		}
		g.seg = seg
	}
	seg, off := g.seg, g.seg.size
	seg.size += int64(len(data))
	g.mu.Unlock()
	// Writes at their own offsets need no lock between them.
	_, err := seg.f.WriteAt(data, off)
	return seg, off, err
}

// abort throws away what a failed build wrote.
func (g *generation) abort() {
	if g.seg != nil {
		g.seg.close()
	}
}

// finish compacts the new site and lists what changed from prev: the
// names written anew and those gone. A segment most of whose bytes no
// file points into any more has its live files copied into this build's
// segment, so the disk a long session takes stays within about twice the
// site. dead are the segments of prev that nothing points into after
// this; the caller closes them once no reader can be reading them.
func (g *generation) finish() (changed []string, dead []*segment, err error) {
	live := map[*segment]int64{}
	for _, e := range g.next {
		live[e.seg] += int64(e.size)
	}
	for seg, n := range live {
		if seg != g.seg && n < seg.size/2 {
			if err := g.move(seg); err != nil {
				return nil, nil, err
			}
			delete(live, seg)
		}
	}
	for _, e := range g.prev {
		if _, ok := live[e.seg]; !ok && e.seg != nil && !slices.Contains(dead, e.seg) {
			dead = append(dead, e.seg)
		}
	}
	changed = g.changed
	if removed := len(g.prev) - (len(g.next) - g.added()); removed > 0 {
		for name := range g.prev {
			if _, ok := g.next[name]; !ok {
				changed = append(changed, name)
			}
		}
	}
	return changed, dead, nil
}

// added counts the changed names that prev did not have.
func (g *generation) added() int {
	n := 0
	for _, name := range g.changed {
		if _, ok := g.prev[name]; !ok {
			n++
		}
	}
	return n
}

// move copies the files in from into this build's segment; their bytes
// are the same, so they are not changed.
func (g *generation) move(from *segment) error {
	for name, e := range g.next {
		if e.seg != from {
			continue
		}
		data, err := e.read()
		if err != nil {
			return err
		}
		if e.seg, e.off, err = g.append(data); err != nil {
			return err
		}
		g.next[name] = e
	}
	return nil
}
