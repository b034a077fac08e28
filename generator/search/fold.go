package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxWordLen drops longer "words" (hashes, base64, run-on URLs): nobody
// searches for them, and they would only bloat the dictionary.
const maxWordLen = 40

// Fold lowers case and strips diacritics, so "Pesukoneen", "pesukoneen"
// and "PESUKONEEN" are one word, and "é" matches "e". The client does the
// same with String.normalize('NFD'), dropping \p{M}, and toLowerCase.
func Fold(s string) string {
	if isASCII(s) {
		// Most text is plain ASCII, which has no marks to strip and whose
		// lower case strings.ToLower makes without decoding a rune (and
		// without copying s when it has no capitals).
		return strings.ToLower(s)
	}
	return foldRunes(s)
}

// foldRunes is Fold for any text.
func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.M, r) {
			continue
		}
		r = unicode.ToLower(r)
		if r == 'ς' {
			// Greek final sigma is a form of σ; browsers lower a word-final Σ
			// to ς and Go to σ, so both fold it to σ.
			r = 'σ'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Words splits text into folded words: runs of letters and numbers, as
// the client's /[\p{L}\p{N}]+/gu does after folding.
func Words(text string) []string {
	var words []string
	eachWord(text, func(w string) { words = append(words, w) })
	return words
}

// eachWord calls fn for every folded word of text, in order, stop words
// and overlong words included (phrases need their places).
func eachWord(text string, fn func(string)) {
	folded := Fold(text)
	start := -1
	for i, r := range folded {
		inWord := unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			fn(folded[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(folded[start:])
	}
}

// indexable says whether a folded word goes into the index.
func indexable(w, lang string) bool {
	return !stopWords[lang][w] && utf8.RuneCountInString(w) <= maxWordLen
}

// stopWords are left out of the index: they are on nearly every page, so
// they rank nothing and would be the largest postings of all. A query
// made of nothing else matches nothing.
var stopWords = map[string]map[string]bool{
	"en": set("a an and are as at be but by for from had has have in into is it its of on or that the their this to was were which with"),
	"fi": set("ja on ei se etta oli kun mutta tai joka jotka han he me te ne nyt niin kuin myos sen sita siita ovat olla"),
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
