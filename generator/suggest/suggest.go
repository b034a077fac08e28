// Package suggest ranks names by how close they are to a name a writer
// typed, for "did you mean" hints. It knows nothing of pages: callers hand
// it the names they would accept.
package suggest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Distance is the optimal-string-alignment form of the Damerau-Levenshtein
// distance between a and b, compared by rune and without regard to case:
// how many letters must be inserted, deleted, replaced or swapped with
// their neighbour to turn one into the other. A swap counts once because
// "recieve" is one slip of the fingers, not two.
func Distance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	// Three rows suffice: the one before the previous is needed for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Near reports whether a typed name is close enough to a known one to be
// taken for a slip rather than a different word: one edit in short names,
// two in names of five letters or more, and a third of the letters in
// long ones (titles of several words).
func Near(typed, known string) bool {
	return Distance(typed, known) <= Tolerance(known)
}

// Tolerance is how many edits Near allows for a name.
func Tolerance(known string) int {
	n := len([]rune(known))
	switch {
	case n < 3:
		return 0
	case n < 5:
		return 1
	case n < 9:
		return 2
	}
	return max(2, n/4)
}

// Ranked is a name with its distance from what was typed.
type Ranked struct {
	Name     string
	Distance int
}

// Rank orders names closest first (ties by the name itself, so the order
// never depends on the caller's), after comparing each with typed in a
// normal form that ignores case and treats spaces, hyphens and
// underscores alike.
func Rank(typed string, names []string) []Ranked {
	t := normal(typed)
	out := make([]Ranked, 0, len(names))
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, Ranked{Name: n, Distance: Distance(t, normal(n))})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(a.Distance, b.Distance), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// Closest is the nearest of names to typed when it is near enough to be
// a slip (see Near), else "".
func Closest(typed string, names []string) string {
	t := normal(typed)
	n := len([]rune(t))
	best, bestDist := "", -1
	for _, name := range names {
		k := normal(name)
		tol := Tolerance(k)
		// The distance is at least the difference in length: most names
		// are ruled out without computing it, which keeps a library of
		// thousands of pages quick to check.
		if diff := n - len([]rune(k)); diff > tol || -diff > tol {
			continue
		}
		d := Distance(t, k)
		if d > tol {
			continue
		}
		if bestDist < 0 || d < bestDist || d == bestDist && name < best {
			best, bestDist = name, d
		}
	}
	return best
}

// normal lowercases s and turns runs of spaces, hyphens and underscores
// into one hyphen, so "Service recovery" and "service-recovery" are equal.
func normal(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Names lists ranked names, closest first, at most limit of them (all when
// limit is 0), each quoted by quote, and says how many were left out.
func Names(ranked []Ranked, limit int, quote func(string) string) string {
	var parts []string
	for i, r := range ranked {
		if limit > 0 && i == limit {
			parts = append(parts, "and "+strconv.Itoa(len(ranked)-limit)+" more")
			break
		}
		parts = append(parts, quote(r.Name))
	}
	return strings.Join(parts, ", ")
}
