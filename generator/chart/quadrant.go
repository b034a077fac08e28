package chart

import (
	"fmt"
	"math"
	"slices"
)

// Dot is one case on the service vs experience field, or, with Count
// above one, that many cases with the same two ratings.
type Dot struct {
	Service, Experience float64
	Label, Href         string
	Count               int
}

// QuadrantText is the words of the service vs experience field.
type QuadrantText struct {
	Title, Desc         string
	Service, Experience string    // the axes
	Corners             [4]string // top left, top right, bottom left, bottom right
}

// Quadrant draws the 2×2 field practitioners use to tell service from
// experience: customer service along the bottom, customer experience up
// the side, 0-10 each, the four quadrants named in their corners. Each
// dot is a case (a link to it when Href is set); dots of several cases
// grow with their count. labelled names the dots beside them, for a page
// showing one case.
func Quadrant(id string, dots []Dot, t QuadrantText, labelled bool) string {
	const w, h, left, top, size = 440.0, 420.0, 44.0, 12.0, 360.0
	var s svg
	s.Grow(2048 + 512*len(dots)) // about what it takes, for a chart of hundreds of cases
	s.open("quadrant-chart", id, w, h, t.Title, t.Desc, slices.ContainsFunc(dots, func(d Dot) bool { return d.Href != "" }))
	x := func(v float64) float64 { return left + size*v/10 }
	y := func(v float64) float64 { return top + size*(1-v/10) }
	s.f(`<rect class="field" x="%.1f" y="%.1f" width="%.0f" height="%.0f"/>`, left, top, size, size)
	s.f(`<path class="midline" d="M%.1f %.1fV%.1fM%.1f %.1fH%.1f"/>`, x(5), top, top+size, left, y(5), left+size)
	// Corner names wrap within their quarter: the top ones downwards, the
	// bottom ones upwards.
	corners := []struct {
		x, y   float64
		anchor string
		down   bool
	}{{x(0) + 8, y(10) + 18, "start", true}, {x(10) - 8, y(10) + 18, "end", true}, {x(0) + 8, y(0) - 10, "start", false}, {x(10) - 8, y(0) - 10, "end", false}}
	for i, c := range corners {
		lines := wrap(t.Corners[i], size/2-16, 0)
		first := c.y
		if !c.down {
			first -= 14 * float64(len(lines)-1)
		}
		s.lines(c.x, first, 14, c.anchor, "corner", lines)
	}
	for _, v := range []float64{0, 5, 10} {
		s.text(x(v), top+size+16, "middle", "tick", Score(v))
		s.text(left-8, y(v)+4, "end", "tick", Score(v))
	}
	s.text(left+size/2, top+size+36, "middle", "axis-name", t.Service)
	s.f(`<text class="axis-name" transform="translate(14 %.1f) rotate(-90)" text-anchor="middle">%s</text>`, top+size/2, esc(t.Experience))
	for _, d := range dots {
		r := 6.0
		if d.Count > 1 {
			r = min(6+3*math.Sqrt(float64(d.Count-1)), 22)
		}
		tip := fmt.Sprintf("%s: %s %s, %s %s", d.Label, t.Service, Score(d.Service), t.Experience, Score(d.Experience))
		if d.Href != "" {
			s.f(`<a class="dot" href="%s">`, esc(d.Href))
		} else {
			s.WriteString(`<g class="dot">`)
		}
		s.f(`<title>%s</title><circle cx="%.1f" cy="%.1f" r="%.1f"/>`, esc(tip), x(d.Service), y(d.Experience), r)
		if labelled {
			anchor, lx := "start", x(d.Service)+r+6
			if d.Service > 5 {
				anchor, lx = "end", x(d.Service)-r-6
			}
			// beside the dot, wrapped to its half of the field and kept inside it
			lines := wrap(d.Label, (size/2-r-12)/boldWidth, 0)
			first := y(d.Experience) + 4 - 7.5*float64(len(lines)-1)
			first = min(max(first, top+14), top+size-4-15*float64(len(lines)-1))
			s.lines(lx, first, 15, anchor, "dot-label", lines)
		}
		if d.Href != "" {
			s.WriteString(`</a>`)
		} else {
			s.WriteString(`</g>`)
		}
	}
	return s.close()
}
