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
	const w, labelW, lineH = 640.0, 170.0, 15.0
	// Labels wrap in their column; a row is as tall as its label.
	labels := make([][]string, len(bars))
	rowTop := make([]float64, len(bars)+1)
	rowTop[0] = 4
	for i, b := range bars {
		labels[i] = wrap(b.Label, labelW-12, 0)
		rowTop[i+1] = rowTop[i] + max(26, lineH*float64(len(labels[i]))+11)
	}
	h := rowTop[len(bars)] + 4
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
		y := rowTop[r] + (rowTop[r+1]-rowTop[r]-26)/2 // the bar in the middle of its row
		if b.Href != "" {
			s.f(`<a href="%s">`, esc(b.Href))
		}
		s.lines(labelW-8, y+15-lineH*float64(len(labels[r])-1)/2, lineH, "end", "label", labels[r])
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
