package chart

import "slices"

// Bar is one labelled value of a bar chart.
type Bar struct {
	Label string
	Value float64
	Note  string // after the value: "in 12 cases"
	Href  string // where the label leads, if anywhere
}

// Bars draws values as horizontal bars, one row each, labels on the left
// and each value (and its note) at the end of its bar. Bars scale to the
// largest value.
func Bars(id, class string, bars []Bar, title, desc string) string {
	const w, labelW, rowH = 640.0, 170.0, 26.0
	h := rowH*float64(len(bars)) + 8
	var s svg
	s.open("bars-chart "+class, id, w, h, title, desc, slices.ContainsFunc(bars, func(b Bar) bool { return b.Href != "" }))
	most := 0.0
	for _, b := range bars {
		most = max(most, b.Value)
	}
	if most == 0 {
		most = 1
	}
	// Room for the longest value text after the longest bar.
	tail := 0.0
	for _, b := range bars {
		tail = max(tail, width(Score(b.Value)+" "+b.Note)+10)
	}
	barW := max(w-labelW-tail, 80)
	for r, b := range bars {
		y := 4 + rowH*float64(r)
		label := fit(b.Label, labelW-12)
		if b.Href != "" {
			s.f(`<a href="%s">`, esc(b.Href))
		}
		s.text(labelW-8, y+15, "end", "label", label)
		if b.Href != "" {
			s.WriteString(`</a>`)
		}
		bw := barW * max(b.Value, 0) / most
		s.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="18"><title>%s: %s %s</title></rect>`, labelW, y+2, bw, esc(b.Label), Score(b.Value), esc(b.Note))
		value := Score(b.Value)
		if b.Note != "" {
			value += " " + b.Note
		}
		s.text(labelW+bw+6, y+15, "start", "value", fit(value, w-labelW-bw-8))
	}
	return s.close()
}
