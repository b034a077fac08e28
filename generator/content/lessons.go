package content

import (
	"regexp"
	"strings"
)

// LessonHeadings are the headings (compared without case, and without a
// trailing colon) whose first list a case's brief takes as its lessons
// when front matter has no lessons: list.
var LessonHeadings = []string{
	"lessons", "lessons learned", "lessons learnt", "what to learn", "what we learned",
	"takeaways", "key takeaways", "opit", "opetukset", "mitä opimme",
}

var (
	headingLine = regexp.MustCompile(`^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	listItem    = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$`)
	fenceLine   = regexp.MustCompile("^ {0,3}(```|~~~)")
)

// LessonList is what the case teaches, one plain-text line per lesson: the
// front matter's lessons, else the items of the first list under a heading
// named in LessonHeadings, with Markdown marks and link targets taken out.
// It is nil when the case has neither.
func (p *Page) LessonList() []string {
	if len(p.Lessons) > 0 {
		return p.Lessons
	}
	var items []string
	under, inList, fenced := false, false, false
	for _, line := range strings.Split(string(p.Body), "\n") {
		if fenceLine.MatchString(line) {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if m := headingLine.FindStringSubmatch(line); m != nil {
			if inList {
				break
			}
			under = isLessonHeading(m[1])
			continue
		}
		if !under {
			continue
		}
		if m := listItem.FindStringSubmatch(line); m != nil {
			items, inList = append(items, m[1]), true
			continue
		}
		if !inList || strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			// A paragraph after the list, not indented under an item: the
			// list has ended (a blank line alone does not end it).
			break
		}
		items[len(items)-1] += " " + strings.TrimSpace(line)
	}
	for i, it := range items {
		items[i] = PlainText(it)
	}
	return items
}

func isLessonHeading(text string) bool {
	text = strings.ToLower(strings.TrimRight(PlainText(text), " :."))
	for _, h := range LessonHeadings {
		if text == h {
			return true
		}
	}
	return false
}

var plainRules = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`%%.*?%%|<!--.*?-->`), ""},
	{regexp.MustCompile(`!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)`), ""},
	{regexp.MustCompile(`\[\[[^\]|]*\|([^\]]*)\]\]`), "$1"},
	{regexp.MustCompile(`\[\[([^\]#|]*)(?:#[^\]]*)?\]\]`), "$1"},
	{regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`), "$1"},
	{regexp.MustCompile("\\*\\*|__|==|`"), ""},
	{regexp.MustCompile(`(^|[\s(])[*_]([^*_\s][^*_]*?)[*_]([\s).,;:!?]|$)`), "$1$2$3"},
	{regexp.MustCompile(`\s+`), " "},
}

// PlainText takes inline Markdown marks out of one line of text: emphasis,
// code ticks, highlights and comments, and links down to their words.
func PlainText(s string) string {
	for _, r := range plainRules {
		s = r.re.ReplaceAllString(s, r.with)
	}
	return strings.TrimSpace(s)
}
