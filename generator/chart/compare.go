package chart

import (
	"strconv"
)

// Series is one case's journey on a comparison chart: its scores by stage
// name, matched across cases by Stages' names.
type Series struct {
	Label  string
	Href   string
	Scores map[string]Stage // by the stage's key (CompareJourneys' keys)
}

// CompareText is the words a comparison chart shows.
type CompareText struct {
	Title, Desc         string
	Expected, Delivered string
}

// compareMarks tell up to four cases apart without colour: a marker shape
// and a line pattern each.
var compareMarks = []struct{ dash, shape string }{
	{"", "circle"}, {"8 4", "square"}, {"2 4", "triangle"}, {"12 4 2 4", "diamond"},
}

// CompareJourneys draws several cases' journeys on one chart: the stages
// (by key, named by names) along the bottom, and for each case its
// Delivered scores as a line with its own marker and pattern, and its
// Expected scores as a thin line of the same pattern. A case without a
// stage has no point there; its line breaks around the stage.
func CompareJourneys(id string, keys, names []string, series []Series, t CompareText) string {
	const left, right, plotH, minW = 34.0, 24.0, 200.0, 640.0
	var s svg
	s.Grow(2048 + 2048*len(series)) // about what it takes: a framework compares hundreds
	slot := (minW - left - right) / float64(max(len(keys), 1))
	for _, n := range names {
		slot = max(slot, widestWord(n)+12)
	}
	slot = max(slot, 56)
	w := left + slot*float64(max(len(keys), 1)) + right
	labelLines := 1
	wrapped := make([][]string, len(names))
	for i, n := range names {
		wrapped[i] = wrap(n, slot-10, 0)
		labelLines = max(labelLines, len(wrapped[i]))
	}
	legendH := 20 * float64(len(series)+1)
	top := 10 + legendH
	h := top + plotH + 12 + 15*float64(labelLines)
	s.open("journey-chart compare-chart", id, w, h, t.Title, t.Desc, false)

	// The legend: one row per case, then what the two line weights mean.
	for i, sr := range series {
		m := compareMarks[i%len(compareMarks)]
		y := 20 + 20*float64(i)
		s.f(`<g class="series case-%d">`, i)
		s.f(`<line class="delivered" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke-dasharray="%s"/>`, left, y-4, left+28, y-4, m.dash)
		marker(&s, m.shape, left+14, y-4)
		s.WriteString(`</g>`)
		s.text(left+36, y, "start", "", sr.Label)
	}
	ly := 20 + 20*float64(len(series))
	s.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, left, ly-4, left+28, ly-4)
	s.text(left+36, ly, "start", "tick", t.Delivered+" — "+t.Expected+" (thin)")

	y := func(v float64) float64 { return top + plotH*(1-v/10) }
	s.scoreAxis(left, w-right, y)
	x := func(i int) float64 { return left + slot*(float64(i)+0.5) }

	// Escaped once, not at every point.
	stageNames := make([]string, len(names))
	for i, n := range names {
		stageNames[i] = esc(n)
	}
	delivered := esc(t.Delivered)
	var points []byte
	for i, sr := range series {
		m := compareMarks[i%len(compareMarks)]
		s.f(`<g class="series case-%d">`, i)
		for _, line := range []struct {
			class string
			value func(Stage) float64
		}{{"expected thin", func(st Stage) float64 { return st.Expected }}, {"delivered", func(st Stage) float64 { return st.Delivered }}} {
			// A run of points, "x,y x,y", each to one decimal.
			run := 0
			flush := func() {
				if run > 1 {
					s.f(`<polyline class="%s" points="%s" stroke-dasharray="%s"/>`, line.class, string(points), m.dash)
				}
				run, points = 0, points[:0]
			}
			for k, key := range keys {
				st, ok := sr.Scores[key]
				if !ok {
					flush()
					continue
				}
				if run > 0 {
					points = append(points, ' ')
				}
				points = strconv.AppendFloat(points, x(k), 'f', 1, 64)
				points = append(points, ',')
				points = strconv.AppendFloat(points, y(line.value(st)), 'f', 1, 64)
				run++
			}
			flush()
		}
		label := esc(sr.Label)
		for k, key := range keys {
			if st, ok := sr.Scores[key]; ok {
				marker(&s, m.shape, x(k), y(st.Delivered))
				s.f(`<title>%s, %s: %s %s</title>`, label, stageNames[k], delivered, Score(st.Delivered))
			}
		}
		s.WriteString(`</g>`)
	}
	s.WriteString(`<g class="stages">`)
	for i := range keys {
		s.lines(x(i), top+plotH+20, 15, "middle", "stage", wrapped[i])
	}
	s.WriteString(`</g>`)
	return s.close()
}

// marker draws a case's point: a shape that tells it apart in grey.
func marker(s *svg, shape string, x, y float64) {
	switch shape {
	case "square":
		s.f(`<rect class="mark" x="%.1f" y="%.1f" width="8" height="8"/>`, x-4, y-4)
	case "triangle":
		s.f(`<path class="mark" d="M%.1f %.1fl5 9h-10z"/>`, x, y-5)
	case "diamond":
		s.f(`<path class="mark" d="M%.1f %.1fl5 5l-5 5l-5-5z"/>`, x, y-5)
	default:
		s.f(`<circle class="mark" cx="%.1f" cy="%.1f" r="4.5"/>`, x, y)
	}
}
