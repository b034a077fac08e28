package markdown

import (
	"strconv"
	"strings"
)

// A mark stands in a Doc for a value only the link phase knows: a link's
// address or text, or what an embed shows. It is written as
//
//	NUL kind index NUL
//
// where kind is one letter (markKind) and index points into Doc.Links.
// Marks cannot be forged by content: Convert replaces every NUL of its
// source, and nothing it decodes (percent-escapes in link paths, entities)
// may yield one, so every NUL in a Doc starts or ends a mark Convert wrote.
// This file is the only place that knows the form.
type markKind byte

const (
	markHref  markKind = 'h' // a link's href attribute, with its name; none for a link that leads nowhere
	markSrc   markKind = 's' // an image's address, HTML-escaped
	markText  markKind = 't' // a link's text, HTML-escaped in HTML, as is in plain text
	markEmbed markKind = 'e' // what an embed shows, as HTML
	// markDest is a link destination in the syntax tree that linkCollector
	// recorded; the renderer turns it into a markHref, so it never reaches
	// a Doc.
	markDest markKind = 'd'
)

const markDelim = 0

// mark writes the mark for link i.
func mark(kind markKind, i int) string {
	return "\x00" + string(rune(kind)) + strconv.Itoa(i) + "\x00"
}

// nextMark finds the first mark in s. It reports where it starts and ends
// (just past its closing NUL), its kind and index. found is false when s
// holds no mark; complete is false when the first NUL opens a mark cut off
// before its end (as at the edge of a quoted context), or holds no valid
// kind and index.
func nextMark[S ~string | ~[]byte](s S) (start, end int, kind markKind, i int, found, complete bool) {
	start = indexNUL(s, 0)
	if start < 0 {
		return -1, -1, 0, 0, false, false
	}
	close := indexNUL(s, start+1)
	if close < 0 || close-start < 3 {
		return start, len(s), 0, 0, true, false
	}
	n, err := strconv.Atoi(string(s[start+2 : close]))
	if err != nil || n < 0 {
		return start, close + 1, 0, 0, true, false
	}
	return start, close + 1, markKind(s[start+1]), n, true, true
}

func indexNUL[S ~string | ~[]byte](s S, from int) int {
	for j := from; j < len(s); j++ {
		if s[j] == markDelim {
			return j
		}
	}
	return -1
}

// hasMark reports whether s holds any mark.
func hasMark[S ~string | ~[]byte](s S) bool { return indexNUL(s, 0) >= 0 }

// endsInsideMark reports whether a window of text that starts outside any
// mark ends inside one.
func endsInsideMark(window string) bool { return strings.Count(window, "\x00")%2 == 1 }

// destMark is the destination linkCollector gives link i in the tree.
func destMark(i int) []byte { return []byte(mark(markDest, i)) }

// destIndex reads the link number linkCollector put in a destination.
func destIndex(dest []byte) (int, bool) {
	start, end, kind, i, found, complete := nextMark(dest)
	if !found || !complete || start != 0 || end != len(dest) || kind != markDest {
		return 0, false
	}
	return i, true
}

// noNUL replaces every NUL in src, so that no mark can be forged by it.
func noNUL(src []byte) []byte {
	if indexNUL(src, 0) < 0 {
		return src
	}
	return []byte(strings.ReplaceAll(string(src), "\x00", "\uFFFD"))
}
