// Package leak finds, in a built site, texts the site must not hold: the
// titles and sentences of pages it left out, private notes, names an
// edition replaced. It searches every file and every file name for all of
// them in one pass (an Aho-Corasick automaton), so the check costs about
// as much as reading the output once.
package leak

import (
	"encoding/json"
	"html"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/diag"
)

// MinLength is the fewest characters a secret must have to be searched
// for: shorter ones ("HR", "Q3", a two-letter slug) turn up by chance in
// any site and would fail builds that leak nothing.
const MinLength = 4

// Secret is a text no published build may hold.
type Secret struct {
	Text string
	// What names it for the writer: `the title of confidential page
	// content/cases/x.md`.
	What string
	At   diag.Pos // where the writer wrote it
}

// Hit is a secret found in the output.
type Hit struct {
	File   string // the output file, slash-separated, relative to the output root
	InName bool   // found in the file's name (or a folder's), not its bytes
	Offset int    // byte offset in the file, or in its name
	Found  string // the text found there, which may differ from the secret's in case and spacing
	Secret Secret
}

// Scanner searches bytes for many secrets at once. It is safe for use by
// several goroutines.
type Scanner struct {
	nodes   []node
	root    [256]int32 // the root's transitions, dense: most bytes leave it at once
	secrets []Secret
	// pattern i is a form (raw, HTML- or JSON-escaped) of secret owner[i],
	// of length length[i] in bytes.
	owner   []int32
	length  []int32
	longest int
	// The shallow nodes, where a search spends most of its time, also
	// have dense transitions: dense[n*classes+class[b]]. Bytes no secret
	// holds share class 0, which leads back to the root. Nodes are
	// numbered breadth first, so the shallow ones come first.
	class   [256]uint8
	classes int
	rows    int // nodes 0 to rows-1, the nearest the root, have dense rows
	dense   []int32
	// ends has bit n set when a pattern ends at node n or on its failure
	// chain: a small bitset read at every byte, in place of the nodes.
	ends []uint64
}

// denseBudget bounds the dense table, in transitions (4 bytes each).
var denseBudget = 1 << 20 // a variable so that tests can make the sparse path carry most of a search

type node struct {
	next []edge // sorted by byte
	fail int32
	// out lists the patterns ending here; dict is the nearest node on the
	// failure chain with patterns of its own, or -1.
	out  []int32
	dict int32
}

type edge struct {
	b  byte
	to int32
}

// fold is how bytes compare: ASCII letters without case, and every
// whitespace byte as a space, so that a sentence wrapped over lines in
// the source, or capitalised in a heading, still matches.
var fold [256]byte

// longSpaces are what also reads as a space, longer than a byte: the
// no-break space (typed by accident with Option+Space on a Mac, and
// invisible in the output) in UTF-8 and as HTML writes it, and the
// narrow no-break space. HTML's names and hex digits match in any case
// (&NBSP;). mayStartSpace marks their first bytes, which are all the
// search looks for them at.
var (
	longSpaces    = [][]byte{[]byte("\u00a0"), []byte("\u202f"), []byte("&nbsp;"), []byte("&#160;"), []byte("&#xa0;")}
	mayStartSpace [256]bool
)

func init() {
	for i := range fold {
		fold[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		fold[c] = byte(c + 'a' - 'A')
	}
	for _, c := range "\n\r\t\f\v" {
		fold[c] = ' '
	}
	for _, sp := range longSpaces {
		mayStartSpace[sp[0]] = true
	}
}

// spaceAt is the length of the space at data[i]: 1 for a whitespace
// byte, more for a longer space, 0 for anything else.
func spaceAt(data []byte, i int) int {
	if fold[data[i]] == ' ' {
		return 1
	}
	if mayStartSpace[data[i]] {
		for _, sp := range longSpaces {
			if hasPrefixFold(data[i:], sp) {
				return len(sp)
			}
		}
	}
	return 0
}

// spaceBefore is the length of the space that ends at data[end], as
// spaceAt.
func spaceBefore(data []byte, end int) int {
	if end == 0 {
		return 0
	}
	if fold[data[end-1]] == ' ' {
		return 1
	}
	for _, sp := range longSpaces {
		if start := end - len(sp); start >= 0 && hasPrefixFold(data[start:end], sp) {
			return len(sp)
		}
	}
	return 0
}

// hasPrefixFold is bytes.HasPrefix without the case of ASCII letters.
func hasPrefixFold(data, prefix []byte) bool {
	if len(data) < len(prefix) {
		return false
	}
	for i, c := range prefix {
		if fold[data[i]] != fold[c] {
			return false
		}
	}
	return true
}

// New prepares a scanner for secrets. Secrets shorter than MinLength
// characters are left out; each other one is searched for as written and
// as HTML and JSON would escape it.
func New(secrets []Secret) *Scanner {
	s := &Scanner{nodes: []node{{dict: -1}}}
	seen := map[string]bool{}
	for _, sec := range secrets {
		text := strings.Join(strings.Fields(sec.Text), " ")
		if utf8.RuneCountInString(text) < MinLength {
			continue
		}
		sec.Text = text
		id := int32(len(s.secrets))
		added := false
		for _, form := range forms(text) {
			key := string(foldString(form))
			if seen[key] {
				continue
			}
			seen[key] = true
			s.add(key, id)
			added = true
		}
		if added {
			s.secrets = append(s.secrets, sec)
		}
	}
	s.link()
	return s
}

// Len is how many secrets the scanner searches for.
func (s *Scanner) Len() int { return len(s.secrets) }

// forms are the ways text may stand in the output: as it is, escaped for
// HTML and XML (as html/template writes it, and as goldmark writes a page's
// text), escaped inside a JSON string, and in an address (a link to
// "Client name fees.pdf" holds Client%20name).
func forms(text string) []string {
	out := []string{text, html.EscapeString(text), markdownEscaper.Replace(text), url.PathEscape(text), url.QueryEscape(text)}
	for _, escapeHTML := range []bool{true, false} {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		if enc.Encode(text) == nil {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(b.String()), `"`)[1:])
		}
	}
	return out
}

// markdownEscaper escapes as goldmark does the text of a page.
var markdownEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func foldString(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		b[i] = fold[c]
	}
	return b
}

// add puts one pattern into the trie.
func (s *Scanner) add(pattern string, secret int32) {
	at := int32(0)
	for i := 0; i < len(pattern); i++ {
		at = s.child(at, pattern[i], true)
	}
	s.nodes[at].out = append(s.nodes[at].out, int32(len(s.owner)))
	s.owner = append(s.owner, secret)
	s.length = append(s.length, int32(len(pattern)))
	s.longest = max(s.longest, len(pattern))
}

// child is the node reached from n by byte c, made when make is set;
// -1 when there is none.
func (s *Scanner) child(n int32, c byte, make bool) int32 {
	edges := s.nodes[n].next
	lo, hi := 0, len(edges)
	for lo < hi {
		m := (lo + hi) / 2
		if edges[m].b < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(edges) && edges[lo].b == c {
		return edges[lo].to
	}
	if !make {
		return -1
	}
	id := int32(len(s.nodes))
	s.nodes = append(s.nodes, node{dict: -1})
	edges = append(edges, edge{})
	copy(edges[lo+1:], edges[lo:])
	edges[lo] = edge{c, id}
	s.nodes[n].next = edges
	return id
}

// link sets every node's failure link, breadth first, and the root's
// dense transitions.
func (s *Scanner) link() {
	queue := make([]int32, 0, len(s.nodes))
	for c := range s.root {
		s.root[c] = 0
	}
	for _, e := range s.nodes[0].next {
		s.root[e.b] = e.to
		s.nodes[e.to].fail = 0
		queue = append(queue, e.to)
	}
	for head := 0; head < len(queue); head++ {
		n := queue[head]
		for _, e := range s.nodes[n].next {
			f := s.nodes[n].fail
			for f != 0 && s.child(f, e.b, false) < 0 {
				f = s.nodes[f].fail
			}
			target := s.step(f, e.b)
			s.nodes[e.to].fail = target
			if len(s.nodes[target].out) > 0 {
				s.nodes[e.to].dict = target
			} else {
				s.nodes[e.to].dict = s.nodes[target].dict
			}
			queue = append(queue, e.to)
		}
	}
	s.renumber(queue)
	s.densify()
	s.ends = make([]uint64, (len(s.nodes)+63)/64)
	for n := range s.nodes {
		if len(s.nodes[n].out) > 0 || s.nodes[n].dict >= 0 {
			s.ends[n/64] |= 1 << (n % 64)
		}
	}
}

// renumber numbers the nodes in breadth-first order (order holds all
// but the root), so that the nearer a node is to the root, the lower its
// number: a node's failure link then always has a lower number than it.
func (s *Scanner) renumber(order []int32) {
	perm := make([]int32, len(s.nodes))
	for i, n := range order {
		perm[n] = int32(i + 1)
	}
	nodes := make([]node, len(s.nodes))
	for old, n := range s.nodes {
		for j := range n.next {
			n.next[j].to = perm[n.next[j].to]
		}
		n.fail = perm[n.fail]
		if n.dict >= 0 {
			n.dict = perm[n.dict]
		}
		nodes[perm[old]] = n
	}
	s.nodes = nodes
	for c := range s.root {
		s.root[c] = perm[s.root[c]]
	}
}

// densify gives the first nodes, the nearest the root, dense
// transitions, as far as denseBudget allows. A node's failure link has a
// lower number, so its row is made first.
func (s *Scanner) densify() {
	s.classes = 1
	for _, n := range s.nodes {
		for _, e := range n.next {
			if s.class[e.b] == 0 && s.classes < 256 {
				s.class[e.b] = uint8(s.classes)
				s.classes++
			}
		}
	}
	s.rows = min(len(s.nodes), max(1, denseBudget/s.classes))
	s.dense = make([]int32, s.rows*s.classes)
	byClass := make([]byte, s.classes)
	for b := 255; b >= 0; b-- {
		byClass[s.class[b]] = byte(b)
	}
	for n := 0; n < s.rows; n++ {
		for c := 1; c < s.classes; c++ {
			to := s.child(int32(n), byClass[c], false)
			if to < 0 && n > 0 {
				to = s.dense[int(s.nodes[n].fail)*s.classes+c]
			}
			s.dense[n*s.classes+c] = max(to, 0)
		}
	}
}

// next is the transition from n by c: by n's dense row if it has one,
// else by its edges or its failure link's.
func (s *Scanner) next(n int32, c byte) int32 {
	for {
		if int(n) < s.rows {
			return s.dense[int(n)*s.classes+int(s.class[c])]
		}
		if to := s.child(n, c, false); to >= 0 {
			return to
		}
		n = s.nodes[n].fail
	}
}

// step is the transition from n by c, following failure links.
func (s *Scanner) step(n int32, c byte) int32 {
	for n != 0 {
		if to := s.child(n, c, false); to >= 0 {
			return to
		}
		n = s.nodes[n].fail
	}
	return s.root[c]
}

// Scan searches one output file, its name and (when content is set) its
// bytes, and returns the first hit of each secret in it.
func (s *Scanner) Scan(name string, data []byte, content bool) []Hit {
	if len(s.secrets) == 0 {
		return nil
	}
	var hits []Hit
	found := map[int32]bool{}
	report := func(secret int32, inName bool, offset int, text []byte) {
		if found[secret] {
			return
		}
		found[secret] = true
		hits = append(hits, Hit{File: name, InName: inName, Offset: offset, Found: string(text), Secret: s.secrets[secret]})
	}
	// The name with a slash before it, so that a folder named as a secret
	// slug is a whole path segment.
	slashed := []byte("/" + name)
	s.search(slashed, func(secret int32, start, end int) {
		report(secret, true, max(start-1, 0), slashed[start:end])
	})
	if content {
		s.search(data, func(secret int32, start, end int) { report(secret, false, start, data[start:end]) })
	}
	return hits
}

// search runs the automaton over data and calls hit with the secret and
// the offsets at which each whole-word match starts and ends. A run of whitespace
// reads as one space, as patterns are written; starts remembers where
// each of the last bytes the automaton read stood in data, to give a
// match's offset.
func (s *Scanner) search(data []byte, hit func(secret int32, start, end int)) {
	state := int32(0)
	space := false
	dense, class, classes, rows, ends := s.dense, &s.class, s.classes, int32(s.rows), s.ends
	for i := 0; i < len(data); i++ {
		c := fold[data[i]]
		if mayStartSpace[data[i]] {
			if n := spaceAt(data, i); n > 1 {
				c, i = ' ', i+n-1
			}
		}
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		if state < rows {
			state = dense[int(state)*classes+int(class[c])]
		} else {
			state = s.next(state, c)
		}
		if ends[state>>6]&(1<<(state&63)) == 0 {
			continue
		}
		for n := state; n > 0; n = s.nodes[n].dict {
			for _, p := range s.nodes[n].out {
				start := matchStart(data, i+1, int(s.length[p]))
				if wholeWord(data, start, i+1) {
					hit(s.owner[p], start, i+1)
				}
			}
		}
	}
}

// matchStart finds where a match of length folded bytes ending at end
// starts, a run of spaces counting as one byte as the search read it.
func matchStart(data []byte, end, length int) int {
	i := end
	for length > 0 && i > 0 {
		if n := spaceBefore(data, i); n > 0 {
			for n > 0 {
				i -= n
				n = spaceBefore(data, i)
			}
		} else {
			i--
		}
		length--
	}
	return i
}

// wholeWord reports whether data[start:end] is not part of a longer word:
// a secret "Aurora" is not found in "Auroras", so that short names do not
// fail builds by chance. A match that starts or ends with a non-letter
// (a slug with slashes) needs nothing on that side.
func wholeWord(data []byte, start, end int) bool {
	return !(wordAt(data, start) && wordBefore(data, start)) && !(wordBefore(data, end) && wordAt(data, end))
}

func wordAt(data []byte, i int) bool {
	if i >= len(data) {
		return false
	}
	r, _ := utf8.DecodeRune(data[i:])
	return isWord(r)
}

func wordBefore(data []byte, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(data[:i])
	return isWord(r)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
