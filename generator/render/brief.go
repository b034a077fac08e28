package render

import (
	"strings"
	"unicode"

	"github.com/casebook-cx/casebook/generator/content"
)

// A brief is a case on one landscape page, A4 or US Letter. Each box of
// the page has a fixed size (casebook.css, "Briefs"), so each text is cut
// here to what its box holds at its type size, at a word, and marked as
// continued online: a page that is printed cannot scroll, and a cut made
// by the build is the same in every browser. The CSS clamps the boxes
// too, as a second guard for fonts wider than the ones measured.
const (
	briefTitle   = 80  // characters of the title (one line at 16pt)
	briefSummary = 220 // two lines at 10pt across the page
	briefETD     = 230 // each of expected, target, delivered
	briefParties = 10  // chain rows; more are counted, not shown
	briefNote    = 70  // a party's note, on its one line
	briefLessons = 4   // lessons shown
	briefLesson  = 140 // characters of each lesson
)

// Clipped is a text cut to the room it has; Cut says something was left out.
type Clipped struct {
	Text string
	Cut  bool
}

// Clip cuts s to at most n characters, at a word where there is one, and
// ends a cut text with an ellipsis.
func Clip(s string, n int) Clipped {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return Clipped{Text: string(r)}
	}
	cut := r[:n-1]
	if i := lastSpace(cut); i > n/2 {
		cut = cut[:i]
	}
	return Clipped{Text: strings.TrimRightFunc(string(cut), func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) }) + "…", Cut: true}
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}

// BriefParty is one row of a brief's chain of care.
type BriefParty struct {
	content.Actor
	Note Clipped
}

// Brief is what a case's brief shows, every text already cut to its box.
type Brief struct {
	Title, Summary              Clipped
	Expected, Target, Delivered Clipped
	Parties                     []BriefParty
	MoreParties                 int
	Lessons                     []Clipped
	MoreLessons                 int
}

// Cut reports whether anything of the case was left out, for the footer's
// "continued online".
func (b *Brief) Cut() bool {
	if b.MoreParties > 0 || b.MoreLessons > 0 {
		return true
	}
	for _, c := range []Clipped{b.Title, b.Summary, b.Expected, b.Target, b.Delivered} {
		if c.Cut {
			return true
		}
	}
	for _, p := range b.Parties {
		if p.Note.Cut {
			return true
		}
	}
	for _, l := range b.Lessons {
		if l.Cut {
			return true
		}
	}
	return false
}

// Brief cuts the case's texts to the boxes of its one-page brief.
func (p PageInView) Brief() *Brief {
	b := &Brief{Title: Clip(p.Title, briefTitle), Summary: Clip(p.Summary, briefSummary)}
	if e := p.Experience; e != nil {
		b.Expected, b.Target, b.Delivered = Clip(e.Expected, briefETD), Clip(e.Target, briefETD), Clip(e.Delivered, briefETD)
	}
	for i, a := range p.Chain {
		if i == briefParties {
			b.MoreParties = len(p.Chain) - i
			break
		}
		b.Parties = append(b.Parties, BriefParty{Actor: a, Note: Clip(a.Note, briefNote)})
	}
	lessons := p.LessonList()
	for i, l := range lessons {
		if i == briefLessons {
			b.MoreLessons = len(lessons) - i
			break
		}
		b.Lessons = append(b.Lessons, Clip(l, briefLesson))
	}
	return b
}
