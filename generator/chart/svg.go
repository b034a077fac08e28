package chart

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// svg collects the markup of one chart.
type svg struct{ strings.Builder }

// f writes format with args, like fmt.Fprintf for the few verbs charts
// use (%s, %d, %.0f, %.1f), several times faster: a large library draws
// hundreds of thousands of shapes. Numbers drop a trailing ".0". Any other
// verb goes to fmt.
func (s *svg) f(format string, args ...any) {
	var buf [32]byte
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) || next == len(args) {
			s.WriteByte(c)
			continue
		}
		switch v := args[next]; {
		case format[i+1] == 's':
			str, ok := v.(string)
			if !ok {
				str = fmt.Sprint(v)
			}
			s.WriteString(str)
			i++
		case format[i+1] == 'd':
			n, ok := v.(int)
			if !ok {
				s.WriteString(fmt.Sprint(v))
			} else {
				s.Write(strconv.AppendInt(buf[:0], int64(n), 10))
			}
			i++
		case strings.HasPrefix(format[i+1:], ".1f") || strings.HasPrefix(format[i+1:], ".0f"):
			x, _ := v.(float64)
			num := strconv.AppendFloat(buf[:0], x, 'f', int(format[i+2]-'0'), 64)
			if n := len(num); n > 2 && num[n-2] == '.' && num[n-1] == '0' {
				num = num[:n-2] // 116, not 116.0: charts are many numbers
			}
			if len(num) == 2 && num[0] == '-' && num[1] == '0' {
				num = num[1:]
			}
			s.Write(num)
			i += 3
		default:
			s.WriteString(fmt.Sprintf(format[i:], args[next:]...))
			return
		}
		next++
	}
}

// open starts a chart with its accessible name and description. id must be
// unique on the page; the title and description are referred to by it.
// A chart is an image to assistive technology, unless it holds links
// (links is true): an image's content is hidden from them, so then it is a
// group they can enter.
func (s *svg) open(class, id string, w, h float64, title, desc string, links bool) {
	role := "img"
	if links {
		role = "group"
	}
	s.f(`<svg class="chart %s" viewBox="0 0 %.0f %.0f" width="%.0f" role="%s" aria-labelledby="%s-t %s-d">`, class, w, h, legibleWidth(w), role, id, id)
	s.f(`<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
}

func (s *svg) close() string {
	s.WriteString(`</svg>`)
	return s.String()
}

// text writes a label; anchor is start, middle or end.
func (s *svg) text(x, y float64, anchor, class, label string) {
	s.f(`<text x="%.1f" y="%.1f"`, x, y)
	if anchor != "start" { // SVG's default
		s.f(` text-anchor="%s"`, anchor)
	}
	if class != "" {
		s.f(` class="%s"`, class)
	}
	s.f(`>%s</text>`, esc(label))
}

func esc(s string) string { return html.EscapeString(s) }

// legible is the smallest scale a chart is drawn at: its 12px labels are
// then still about 12px on the screen. A chart's width attribute is its
// width at that scale; the page's CSS lets a chart grow from there to fill
// its column, and on a screen narrower than that the chart scrolls
// sideways in its box rather than shrinking its words.
const legible = 0.96

func legibleWidth(w float64) float64 { return w * legible }

// charWidth is the average advance of a character of the charts' 13px
// sans-serif labels, generous so estimated widths err on the wide side.
const charWidth = 7.4

// width estimates how wide a label is drawn.
func width(s string) float64 { return float64(utf8.RuneCountInString(s)) * charWidth }

// fit cuts s to at most room pixels, ending it with "…" when cut.
func fit(s string, room float64) string {
	n := int(room / charWidth)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 2 {
		return "…"
	}
	return string([]rune(s)[:n-1]) + "…"
}

// wrap breaks s into at most lines lines (any number if lines is 0) of at
// most room pixels, at spaces where it can; the last line is cut with "…"
// if s does not fit. Charts make room for their widest word (widestWord),
// so with no limit on lines nothing is cut.
func wrap(s string, room float64, lines int) []string {
	words := strings.Fields(s)
	var out []string
	cur := ""
	for i, w := range words {
		next := strings.TrimSpace(cur + " " + w)
		if width(next) <= room || cur == "" && width(w) > room && len(out) == lines-1 {
			cur = next
			continue
		}
		if cur != "" {
			out = append(out, cur)
		}
		cur = w
		if lines > 0 && len(out) == lines-1 {
			cur = strings.Join(words[i:], " ")
			break
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = fit(out[i], room)
	}
	return out
}

// Score prints a score or mean without a needless ".0".
func Score(v float64) string {
	if v == float64(int(v)) {
		return fmt.Sprint(int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

// widestWord is the width of the longest word of any of labels: the least
// room they can wrap into without a word being cut.
func widestWord(labels ...string) float64 {
	most := 0.0
	for _, l := range labels {
		for _, w := range strings.Fields(l) {
			most = max(most, width(w))
		}
	}
	return most
}

// boldWidth is how much wider bold labels run than width estimates.
const boldWidth = 1.12

// lines writes a label of several lines, the first at y, each lineH below
// the one before.
func (s *svg) lines(x, y, lineH float64, anchor, class string, lines []string) {
	for k, l := range lines {
		s.text(x, y+lineH*float64(k), anchor, class, l)
	}
}
