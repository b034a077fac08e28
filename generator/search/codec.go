package search

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Lists of document ids are written as text the client decodes without a
// library: each number in base 32, most significant digit first, one
// character per digit from a 64-letter alphabet where the first 32 letters
// end a number and the last 32 say more digits follow. Ids are stored as
// gaps (id − previous id − 1), so a dense list costs one character an id.
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

var alphabetIndex = func() (idx [128]int8) {
	for i := range idx {
		idx[i] = -1
	}
	for i := range len(alphabet) {
		idx[alphabet[i]] = int8(i)
	}
	return idx
}()

// maxWeight is the largest weight a posting stores in its one character.
const maxWeight = 63

func appendNumber(b []byte, n int) []byte {
	var digits [13]byte
	i := len(digits) - 1
	digits[i] = alphabet[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		digits[i] = alphabet[32+n&31]
	}
	return append(b, digits[i:]...)
}

// listReader reads numbers back from a list.
type listReader struct {
	s   string
	pos int
}

func (r *listReader) more() bool { return r.pos < len(r.s) }

func (r *listReader) number() (int, error) {
	n := 0
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		r.pos++
		if c >= 128 || alphabetIndex[c] < 0 {
			return 0, fmt.Errorf("bad character %q in a list", c)
		}
		d := int(alphabetIndex[c])
		n = n<<5 | d&31
		if d < 32 {
			return n, nil
		}
	}
	return 0, fmt.Errorf("a list ends inside a number")
}

// posting is one page a term occurs on, with how strongly (1-maxWeight).
type posting struct {
	doc    int
	weight int
}

// encodeList writes ascending pages as gaps, each followed, if weighted,
// by its weight in one character.
func encodeList(ps []posting, weighted bool) string {
	b := make([]byte, 0, 2*len(ps))
	prev := -1
	for _, p := range ps {
		b = appendNumber(b, p.doc-prev-1)
		if weighted {
			b = append(b, alphabet[p.weight])
		}
		prev = p.doc
	}
	return string(b)
}

// decodeList reads back what encodeList wrote.
func decodeList(s string, weighted bool) ([]posting, error) {
	var ps []posting
	r := listReader{s: s}
	prev := -1
	for r.more() {
		gap, err := r.number()
		if err != nil {
			return nil, err
		}
		prev += gap + 1
		p := posting{doc: prev}
		if weighted {
			if !r.more() {
				return nil, fmt.Errorf("a posting has no weight")
			}
			w := r.s[r.pos]
			r.pos++
			if w >= 128 || alphabetIndex[w] < 1 {
				return nil, fmt.Errorf("bad weight %q in postings", w)
			}
			p.weight = int(alphabetIndex[w])
		}
		ps = append(ps, p)
	}
	return ps, nil
}

func encodePostings(ps []posting) string         { return encodeList(ps, true) }
func decodePostings(s string) ([]posting, error) { return decodeList(s, true) }

// encodeIDs and decodeIDs are lists without weights, for facets.
func encodeIDs(ids []int) string {
	ps := make([]posting, len(ids))
	for i, id := range ids {
		ps[i].doc = id
	}
	return encodeList(ps, false)
}

func decodeIDs(s string) ([]int, error) {
	ps, err := decodeList(s, false)
	ids := make([]int, len(ps))
	for i, p := range ps {
		ids[i] = p.doc
	}
	return ids, err
}

// Index files are JavaScript, so that the client can load them with a
// <script> element, which works from file:// where fetch does not. Each
// is one call: cbSearch("en/s/3", {...});
const callback = "cbSearch"

func wrap(key string, v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(callback + "(")
	k, _ := json.Marshal(key)
	b.Write(k)
	b.WriteByte(',')
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	b.WriteString(");\n")
	return b.Bytes(), nil
}

// unwrap reads back what wrap wrote.
func unwrap(data []byte, v any) (key string, err error) {
	rest, ok := bytes.CutPrefix(data, []byte(callback+"("))
	if !ok {
		return "", fmt.Errorf("not a search index file")
	}
	dec := json.NewDecoder(bytes.NewReader(rest))
	if err := dec.Decode(&key); err != nil {
		return "", err
	}
	body := bytes.TrimSpace(rest[dec.InputOffset():])
	body, comma := bytes.CutPrefix(body, []byte(","))
	body, end := bytes.CutSuffix(body, []byte(");"))
	if !comma || !end {
		return "", fmt.Errorf("not a search index file")
	}
	return key, json.Unmarshal(body, v)
}
