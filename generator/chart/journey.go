package chart

import (
	"fmt"
	"strings"
)

// Stage is one step of a journey, scored 0-10 three ways. For a chart of
// many cases the scores are means and Count says over how many.
type Stage struct {
	Name                        string
	Expected, Target, Delivered float64
	Count                       int
}

// JourneyText is the words a journey chart shows, in the page's language.
type JourneyText struct {
	Title, Desc                  string
	Expected, Target, Delivered  string
	PositioningGap, ExecutionGap string // legend names of the two shaded gaps
	Points                       string // unit after a gap's size: "pts"
	Cases                        string // after a stage's count: "cases"
}

// Journey draws the journey chart consultants know as a gap or emotion
// curve: stages along the bottom, scores 0-10 up the side, Expected,
// Target and Delivered as three lines. The area between Expected and
// Target (a positioning choice) and between Target and Delivered (an
// execution failure) are shaded, and each gap is measured with a bracket
// at the stage where it is largest. One stage draws as bars of the gaps.
func Journey(id string, stages []Stage, t JourneyText) string {
	const left, right, plotH, minW = 34.0, 48.0, 200.0, 640.0
	var s svg
	legend := []legendItem{
		{"expected", t.Expected, "line"}, {"target", t.Target, "line"}, {"delivered", t.Delivered, "line"},
		{"gap-positioning", t.PositioningGap, "area"}, {"gap-execution", t.ExecutionGap, "area"},
	}
	// Each stage gets a slot at least as wide as its longest word, so its
	// name wraps whole, and the chart grows sideways to hold them.
	slot := (minW - left - right) / float64(max(len(stages), 1))
	for _, st := range stages {
		slot = max(slot, widestWord(st.Name)+12, width(fmt.Sprintf("%d %s", st.Count, t.Cases))+12)
	}
	slot = max(slot, 64) // room for a gap label beside the first and last stage
	plotW := slot * float64(max(len(stages), 1))
	w := left + plotW + right
	names := make([][]string, len(stages))
	labelLines := 1
	for i, st := range stages {
		names[i] = wrap(st.Name, slot-10, 0)
		n := len(names[i])
		if st.Count > 0 {
			n++
		}
		labelLines = max(labelLines, n)
	}
	rows := legendRows(legend, w-left-right)
	top := 10 + 20*float64(len(rows)) + 8
	h := top + plotH + 12 + 15*float64(labelLines)
	s.open("journey-chart", id, w, h, t.Title, t.Desc, false)
	drawLegend(&s, rows, left, 20)

	y := func(v float64) float64 { return top + plotH*(1-v/10) }
	s.scoreAxis(left, w-right, y)
	if len(stages) == 0 {
		return s.close()
	}
	x := func(i int) float64 { return left + slot*(float64(i)+0.5) }

	// The gaps, under the lines.
	if len(stages) == 1 {
		st, bw := stages[0], min(slot/3, 48)
		s.f(`<rect class="gap-positioning" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x(0)-bw/2, min(y(st.Expected), y(st.Target)), bw, abs(y(st.Expected)-y(st.Target)))
		s.f(`<rect class="gap-execution" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x(0)-bw/2, min(y(st.Target), y(st.Delivered)), bw, abs(y(st.Target)-y(st.Delivered)))
	} else {
		area := func(class string, upper, lower func(Stage) float64) {
			var pts []string
			for i, st := range stages {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(upper(st))))
			}
			for i := len(stages) - 1; i >= 0; i-- {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(lower(stages[i]))))
			}
			s.f(`<polygon class="%s" points="%s"/>`, class, strings.Join(pts, " "))
		}
		area("gap-positioning", func(st Stage) float64 { return st.Expected }, func(st Stage) float64 { return st.Target })
		area("gap-execution", func(st Stage) float64 { return st.Target }, func(st Stage) float64 { return st.Delivered })
	}

	// The three lines, Delivered last so it is on top where they meet.
	for _, series := range []struct {
		class string
		value func(Stage) float64
	}{
		{"expected", func(st Stage) float64 { return st.Expected }},
		{"target", func(st Stage) float64 { return st.Target }},
		{"delivered", func(st Stage) float64 { return st.Delivered }},
	} {
		s.f(`<g class="series %s">`, series.class)
		if len(stages) > 1 {
			var pts []string
			for i, st := range stages {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(series.value(st))))
			}
			s.f(`<polyline points="%s"/>`, strings.Join(pts, " "))
		}
		for i, st := range stages {
			s.f(`<circle cx="%.1f" cy="%.1f" r="4"><title>%s: %s %s</title></circle>`, x(i), y(series.value(st)),
				esc(st.Name), esc(legend[0:3][seriesIndex(series.class)].label), Score(series.value(st)))
		}
		s.WriteString(`</g>`)
	}

	// Brackets at the worst stage of each gap: positioning to the left of
	// the stage, execution to the right, so their labels never meet.
	bracket := func(class string, gap func(Stage) float64, upper, lower func(Stage) float64, side float64) {
		worst, size := -1, 0.0
		for i, st := range stages {
			if g := gap(st); g > size {
				worst, size = i, g
			}
		}
		if worst < 0 {
			return
		}
		st := stages[worst]
		bx, y1, y2 := x(worst)+side*9, y(upper(st)), y(lower(st))
		s.f(`<g class="bracket %s"><path d="M%.1f %.1fh%.0fV%.1fh%.0f"/>`, class, bx-side*4, y1, side*4, y2, -side*4)
		label := Score(size) + " " + t.Points
		anchor, lx := "start", bx+5
		if side < 0 {
			anchor, lx = "end", bx-5
		}
		s.text(lx, (y1+y2)/2+4, anchor, "gap-label", label)
		s.WriteString(`</g>`)
	}
	bracket("gap-positioning", Stage.positioning, func(st Stage) float64 { return st.Expected }, func(st Stage) float64 { return st.Target }, -1)
	bracket("gap-execution", Stage.execution, func(st Stage) float64 { return st.Target }, func(st Stage) float64 { return st.Delivered }, 1)

	// Stage names, wrapped to their slot.
	s.WriteString(`<g class="stages">`)
	for i, st := range stages {
		lines := names[i]
		s.lines(x(i), top+plotH+20, 15, "middle", "stage", lines)
		if st.Count > 0 {
			s.text(x(i), top+plotH+20+15*float64(len(lines)), "middle", "count", fmt.Sprintf("%d %s", st.Count, t.Cases))
		}
	}
	s.WriteString(`</g>`)
	return s.close()
}

func (st Stage) positioning() float64 { return st.Expected - st.Target }
func (st Stage) execution() float64   { return st.Target - st.Delivered }

func seriesIndex(class string) int {
	switch class {
	case "expected":
		return 0
	case "target":
		return 1
	}
	return 2
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// legendItem is one entry of a chart's key: a swatch of class drawn as a
// line or an area, and its label.
type legendItem struct {
	class, label, swatch string
}

// legendRows lays legend items out left to right, starting a new row when
// the next would pass room.
func legendRows(items []legendItem, room float64) [][]legendItem {
	var rows [][]legendItem
	used := room
	for _, it := range items {
		wd := 22 + width(it.label) + 18
		if used+wd > room {
			rows = append(rows, nil)
			used = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		used += wd
	}
	return rows
}

func drawLegend(s *svg, rows [][]legendItem, left, y float64) {
	s.WriteString(`<g class="legend">`)
	for r, row := range rows {
		x := left
		for _, it := range row {
			ry := y + 20*float64(r)
			if it.swatch == "area" {
				s.f(`<rect class="%s" x="%.1f" y="%.1f" width="16" height="10"/>`, it.class, x, ry-9)
			} else {
				s.f(`<line class="series %s" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, it.class, x, ry-4, x+16, ry-4)
			}
			s.text(x+22, ry, "start", "", it.label)
			x += 22 + width(it.label) + 18
		}
	}
	s.WriteString(`</g>`)
}

// scoreAxis draws the 0-10 score axis of a journey chart: a grid line
// from x0 to x1 and a label every two points, placed by y.
func (s *svg) scoreAxis(x0, x1 float64, y func(float64) float64) {
	s.WriteString(`<g class="axis">`)
	for v := 0; v <= 10; v += 2 {
		s.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x0, y(float64(v)), x1, y(float64(v)))
		s.text(x0-6, y(float64(v))+4, "end", "tick", fmt.Sprint(v))
	}
	s.WriteString(`</g>`)
}
