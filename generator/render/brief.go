package render

import (
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each bad byte shown as U+FFFD
	}
	// Most texts fit: count their characters without copying them.
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return Clipped{Text: s}
	}
	// Walk the first n-1 characters, noting the last space among them;
	// a compare page clips thousands of texts, so no []rune copy.
	end, space, spaceAt := 0, -1, 0
	for k := 0; k < n-1; k++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			space, spaceAt = k, end
		}
		end += size
	}
	cut := s[:end]
	if space > n/2 {
		cut = s[:spaceAt]
	}
	return Clipped{Text: strings.TrimRightFunc(cut, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) }) + "…", Cut: true}
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

// BriefSheet is a case's brief as its sheet shows it, made in one pass in
// Go (see html.go): the "brief-sheet" template reads these few fields
// rather than walking the brief's parties and lessons itself. Every text
// is cut to its box, as Brief cuts it.
type BriefSheet struct {
	Lang    string
	ID      string // the sheet's id prefix: "brief-SLUG"
	Kicker  string // "Case brief", and the industry
	Title   string
	Summary string
	// ETD is the Expected / Target / Delivered section with its two
	// gaps; "" when the case has no experience.
	ETD                                                  template.HTML
	JourneyLabel, ChainTitle, RatingsLabel, LessonsTitle string
	Journey                                              template.HTML // JourneyChart
	Chain                                                template.HTML // the parties, and how many more the sheet leaves out
	Quadrant                                             template.HTML // QuadrantChart and the quadrant's name
	Lessons                                              template.HTML // the lessons, and how many more
	Foot                                                 template.HTML // the source and the case's address
}

// Sheet makes the case's brief sheet. A template calls it once a sheet.
func (p PageInView) Sheet() *BriefSheet {
	v, br := p.View, p.Brief()
	s := &BriefSheet{Lang: p.Lang, ID: "brief-" + p.Slug, Kicker: v.T("brief_kicker"), Title: br.Title.Text, Summary: br.Summary.Text,
		JourneyLabel: v.T("journey"), ChainTitle: v.T("chain"), RatingsLabel: v.T("ratings"), LessonsTitle: v.T("lessons"),
		Journey: p.JourneyChart()}
	if t := p.IndustryTerm; t != nil {
		s.Kicker += " · " + t.Name
	}
	var b html
	if p.Experience != nil {
		col := func(class, key, text string) {
			b.raw("\n    <div class=\"etd-col ", class, "\"><h2>")
			b.text(v.T(key))
			b.raw("</h2><p>")
			b.text(text)
			b.raw("</p></div>")
		}
		gap := func(class, key string, g *GapAt) {
			b.raw("\n    <div class=\"etd-gap ", class, "\"><p class=\"gap-name\">")
			b.text(v.T(key))
			b.raw("</p>\n      ")
			b.gapSize(v, g)
			b.raw("\n      <p class=\"gap-hint\">")
			b.text(v.T(key + "_hint"))
			b.raw("</p></div>")
		}
		b.raw("\n  <section class=\"sheet-etd\" aria-label=\"")
		b.text(v.T("etd"))
		b.raw("\">")
		storyInOrder(p.Page, br.Expected.Text, br.Target.Text, br.Delivered.Text, col, gap)
		b.raw("\n  </section>\n  ")
		s.ETD = b.done()
	}

	b.Reset()
	if len(br.Parties) > 0 {
		two := ""
		if len(br.Parties) <= 6 {
			two = " two"
		}
		b.raw("<ol>")
		for _, a := range br.Parties {
			b.raw("\n        <li class=\"care-")
			b.text(string(a.Care))
			b.raw(two, `"><span class="care">`)
			b.text(v.T("care_" + string(a.Care)))
			b.raw(`</span> <span class="actor">`)
			b.text(a.Actor.Actor)
			b.raw(`</span>`)
			if a.Role != "" {
				b.raw(` <span class="role">`)
				b.text(a.Role)
				b.raw(`</span>`)
			}
			if a.Note.Text != "" {
				b.raw(` <span class="note">`)
				b.text(a.Note.Text)
				b.raw(`</span>`)
			}
			b.raw(`</li>`)
		}
		b.raw("\n      </ol>")
	}
	b.raw("\n      ")
	more(&b, br.MoreParties, v.T("more_parties"), v.T("continued_online"))
	s.Chain = b.done()

	b.Reset()
	b.raw(string(p.QuadrantChart()), "\n      ")
	if q := p.Quadrant(); q != "" {
		b.raw(`<p class="quadrant">`)
		b.text(v.T(q))
		b.raw(`</p>`)
	}
	s.Quadrant = b.done()

	b.Reset()
	if len(br.Lessons) > 0 {
		b.raw("<ol>")
		for _, l := range br.Lessons {
			b.raw("<li>")
			b.text(l.Text)
			b.raw("</li>")
		}
		b.raw("</ol>")
	}
	b.raw("\n    ")
	more(&b, br.MoreLessons, v.T("more_lessons"), v.T("continued_online"))
	s.Lessons = b.done()

	b.Reset()
	if p.Attribution != "" {
		b.raw(`<p class="source"><span>`)
		b.text(v.T("source"))
		b.raw(`:</span> `)
		b.text(p.Attribution)
		b.raw(`</p>`)
	}
	b.raw("\n    <p class=\"address\">")
	if br.Cut() {
		b.raw("<strong>")
		b.text(v.T("continued_online"))
		b.raw(":</strong>")
	} else {
		b.text(v.T("full_case"))
		b.raw(":")
	}
	b.raw(` <a href="`)
	b.href(v.Rel(p.URL))
	b.raw(`">`)
	b.text(v.Site.BaseURL)
	b.text(p.URL)
	b.raw(`</a></p>`)
	s.Foot = b.done()
	return s
}

// more writes "+3 more parties, continued online" when n > 0.
func more(b *html, n int, what, continued string) {
	if n <= 0 {
		return
	}
	b.raw(`<p class="more">+`, strconv.Itoa(n), " ")
	b.text(what)
	b.raw(", ")
	b.text(continued)
	b.raw(`</p>`)
}
