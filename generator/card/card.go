// Package card draws share images: the 1200×630 PNG that a chat or a
// social network shows beside a link (Open Graph's og:image). A case's card
// shows its title and its journey chart; any other page's, its title and
// the site's name. Drawing is pure Go (image, x/image/vector and the Go
// fonts), so a build needs no browser or external program, and the same
// card gives the same bytes every time.
package card

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/casebook-cx/casebook/generator/content"
)

// Width and Height are the size Open Graph and Twitter's large card ask for.
const (
	Width  = 1200
	Height = 630
	margin = 72
)

// Card is what one share image shows.
type Card struct {
	Site    string          // the site's title, shown small above
	Label   string          // what the page is ("Case study"), shown beside the site; may be ""
	Title   string          // the page's title, large
	Summary string          // shown below the title on a card without a chart; may be ""
	Journey []content.Stage // a case's journey, drawn as a chart when it has two stages or more
}

// The colours of the site's light theme (layouts/assets/casebook.css).
var (
	background = color.RGBA{0xff, 0xff, 0xff, 0xff}
	text       = color.RGBA{0x1b, 0x24, 0x30, 0xff}
	muted      = color.RGBA{0x53, 0x5f, 0x6e, 0xff}
	accent     = color.RGBA{0x1d, 0x5f, 0xae, 0xff}
	broken     = color.RGBA{0xb4, 0x23, 0x18, 0xff}
	grid       = color.RGBA{0xd3, 0xd9, 0xe0, 0xff}
)

// TitleArea is where the title is drawn, for tests that look for it.
func TitleArea(c Card) image.Rectangle {
	bottom := Height - margin
	if hasChart(c) {
		bottom = chartTop - 24
	}
	return image.Rect(margin, titleTop, Width-margin, bottom)
}

const (
	titleTop = 140 // below the site line
	chartTop = 360 // a case's chart fills from here to the bottom margin
)

func hasChart(c Card) bool { return len(c.Journey) >= 2 }

// PNG draws c and encodes it.
func PNG(c Card) ([]byte, error) {
	img := paletted(Draw(c))
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Draw draws c.
func Draw(c Card) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, Width, 12), image.NewUniform(accent), image.Point{}, draw.Src)

	f := loadFonts()
	small := face(f.regular, 30)
	site := c.Site
	if c.Site != "" && c.Label != "" {
		site += "  ·  "
	}
	site += c.Label
	writeLine(img, small, muted, fit(small, site, Width-2*margin), margin, 92)

	area := TitleArea(c)
	size, maxLines := 76.0, 4
	switch {
	case hasChart(c):
		size, maxLines = 58.0, 3
	case c.Summary != "":
		maxLines = 2
	}
	big := face(f.bold, size)
	lineHeight := int(size * 1.18)
	lines := wrap(big, c.Title, area.Dx(), maxLines)
	for i, l := range lines {
		writeLine(img, big, text, l, area.Min.X, area.Min.Y+int(size)+i*lineHeight)
	}
	if hasChart(c) {
		drawJourney(img, image.Rect(margin, chartTop, Width-margin, Height-margin+8), c.Journey, face(f.regular, 24))
		return img
	}
	if c.Summary != "" {
		// The summary fills what the title leaves, in as many lines as fit.
		const summarySize, summaryLine = 36, 46
		top := area.Min.Y + int(size) + (len(lines)-1)*lineHeight + 40
		if room := (area.Max.Y - top) / summaryLine; room > 0 {
			for i, l := range wrap(face(f.regular, summarySize), c.Summary, area.Dx(), room) {
				writeLine(img, face(f.regular, summarySize), muted, l, area.Min.X, top+summarySize+i*summaryLine)
			}
		}
	}
	return img
}

type fonts struct{ regular, bold *opentype.Font }

// loadFonts parses the Go fonts once; faces are made per card, since a
// face is not safe for use by several goroutines at once.
var loadFonts = sync.OnceValue(func() fonts {
	r, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("card: the embedded Go Regular font does not parse: " + err.Error())
	}
	b, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic("card: the embedded Go Bold font does not parse: " + err.Error())
	}
	return fonts{r, b}
})

func face(f *opentype.Font, size float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("card: " + err.Error()) // only for a size of zero or less
	}
	return fc
}

func writeLine(dst draw.Image, fc font.Face, col color.Color, s string, x, baseline int) {
	d := font.Drawer{Dst: dst, Src: image.NewUniform(col), Face: fc, Dot: fixed.P(x, baseline)}
	d.DrawString(s)
}

func width(fc font.Face, s string) int { return font.MeasureString(fc, s).Ceil() }

// fit cuts s with an ellipsis to at most w pixels.
func fit(fc font.Face, s string, w int) string {
	if width(fc, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && width(fc, string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// wrap breaks s into lines of at most w pixels at spaces, at most max
// lines, the last one cut with an ellipsis if the text goes on. A word
// wider than a line is cut too.
func wrap(fc font.Face, s string, w, max int) []string {
	var lines []string
	line := ""
	words := strings.Fields(s)
	for i, word := range words {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if width(fc, try) <= w || line == "" {
			line = try
			continue
		}
		lines = append(lines, fit(fc, line, w))
		line = word
		if len(lines) == max-1 {
			line = strings.Join(words[i:], " ")
			break
		}
	}
	if line != "" {
		lines = append(lines, fit(fc, line, w))
	}
	return lines
}

// drawJourney draws the three scores of each stage as lines over r, like
// the case page's journey chart: Expected dashed grey, Target blue,
// Delivered thicker red, with the 0-10 scale as faint rules and the
// legend beneath.
func drawJourney(img *image.RGBA, r image.Rectangle, stages []content.Stage, label font.Face) {
	plot := image.Rect(r.Min.X+8, r.Min.Y+10, r.Max.X-8, r.Max.Y-48)
	for _, v := range []int{0, 5, 10} {
		y := yOf(plot, v)
		draw.Draw(img, image.Rect(plot.Min.X, int(y)-1, plot.Max.X, int(y)+1), image.NewUniform(grid), image.Point{}, draw.Over)
	}
	points := func(score func(content.Stage) int) []point {
		ps := make([]point, len(stages))
		for i, s := range stages {
			x := float32(plot.Min.X) + float32(i)*float32(plot.Dx())/float32(len(stages)-1)
			ps[i] = point{x, yOf(plot, score(s))}
		}
		return ps
	}
	series := []struct {
		name  string
		col   color.RGBA
		width float32
		dash  bool
		score func(content.Stage) int
	}{
		{"Expected", muted, 5, true, func(s content.Stage) int { return s.Expected }},
		{"Target", accent, 6, false, func(s content.Stage) int { return s.Target }},
		{"Delivered", broken, 9, false, func(s content.Stage) int { return s.Delivered }},
	}
	x := plot.Min.X
	for _, s := range series {
		stroke(img, points(s.score), s.width, s.dash, s.col)
		// The legend: a short sample of the line, then its name.
		stroke(img, []point{{float32(x), float32(r.Max.Y - 14)}, {float32(x + 40), float32(r.Max.Y - 14)}}, s.width, false, s.col)
		writeLine(img, label, muted, s.name, x+52, r.Max.Y-6)
		x += 52 + width(label, s.name) + 40
	}
}

func yOf(plot image.Rectangle, score int) float32 {
	score = max(0, min(10, score))
	return float32(plot.Max.Y) - float32(score)*float32(plot.Dy())/10
}

type point struct{ x, y float32 }

// stroke draws a polyline of the given width with round joints, solid or
// dashed, in one pass of the rasterizer, so overlaps are not painted twice.
// The rasterizer covers only the line's bounding box: its cost grows with
// the area it covers.
func stroke(img *image.RGBA, ps []point, w float32, dashed bool, col color.RGBA) {
	box := image.Rectangle{}
	for _, p := range ps {
		box = box.Union(image.Rect(int(p.x-w), int(p.y-w), int(p.x+w)+1, int(p.y+w)+1))
	}
	box = box.Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	o := point{float32(box.Min.X), float32(box.Min.Y)}
	at := func(p point) point { return point{p.x - o.x, p.y - o.y} }
	for i := 1; i < len(ps); i++ {
		a, b := at(ps[i-1]), at(ps[i])
		if !dashed {
			segment(z, a, b, w)
			continue
		}
		dx, dy := b.x-a.x, b.y-a.y
		length := float32(math.Hypot(float64(dx), float64(dy)))
		const on, off = 18, 12
		for d := float32(0); d < length; d += on + off {
			e := min(d+on, length)
			segment(z, point{a.x + dx*d/length, a.y + dy*d/length}, point{a.x + dx*e/length, a.y + dy*e/length}, w)
		}
	}
	if !dashed {
		for _, p := range ps {
			circle(z, at(p), w/2)
		}
	}
	z.Draw(img, box, image.NewUniform(col), image.Point{})
}

// segment adds a w-wide rectangle from a to b.
func segment(z *vector.Rasterizer, a, b point, w float32) {
	dx, dy := b.x-a.x, b.y-a.y
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	z.MoveTo(a.x+nx, a.y+ny)
	z.LineTo(b.x+nx, b.y+ny)
	z.LineTo(b.x-nx, b.y-ny)
	z.LineTo(a.x-nx, a.y-ny)
	z.ClosePath()
}

// circle adds a circle of radius r around c, as four cubic arcs. It winds
// the way segment's rectangles do: the rasterizer adds signed areas, and an
// overlap of opposite windings would cancel into a hole.
func circle(z *vector.Rasterizer, c point, r float32) {
	const k = 0.5523 // control point distance of a quarter circle, per unit radius
	z.MoveTo(c.x+r, c.y)
	z.CubeTo(c.x+r, c.y-k*r, c.x+k*r, c.y-r, c.x, c.y-r)
	z.CubeTo(c.x-k*r, c.y-r, c.x-r, c.y-k*r, c.x-r, c.y)
	z.CubeTo(c.x-r, c.y+k*r, c.x-k*r, c.y+r, c.x, c.y+r)
	z.CubeTo(c.x+k*r, c.y+r, c.x+r, c.y+k*r, c.x+r, c.y)
	z.ClosePath()
}

// levels is how many shades between the background and each ink a card's
// palette holds: five inks of 51 shades and the background fill the 256
// colours of a paletted PNG.
const levels = 51

// inks are the colours a card draws with, over the background.
var inks = []color.RGBA{text, muted, accent, broken, grid}

// palette is the background, then for each ink its shades from faint to
// full, the colours an anti-aliased edge of that ink takes.
var palette = sync.OnceValue(func() color.Palette {
	p := color.Palette{background}
	for _, ink := range inks {
		for i := 1; i <= levels; i++ {
			mix := func(bg, fg uint8) uint8 {
				return uint8((int(bg)*(levels-i) + int(fg)*i + levels/2) / levels)
			}
			p = append(p, color.RGBA{mix(background.R, ink.R), mix(background.G, ink.G), mix(background.B, ink.B), 0xff})
		}
	}
	return p
})

// paletted turns a drawn card into a paletted image, each colour its
// nearest in the palette. A paletted PNG is a quarter of the bytes to
// compress and needs no row filters, which makes encoding several times
// faster than that of the RGBA image, and the file smaller; where two inks
// blend (lines crossing) an edge pixel takes the nearer of the two.
func paletted(img *image.RGBA) *image.Paletted {
	pal := palette()
	out := image.NewPaletted(img.Rect, pal)
	bg := uint32(background.R)<<16 | uint32(background.G)<<8 | uint32(background.B)
	nearest := map[uint32]uint8{bg: 0}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < w; x++ {
			px := row[4*x : 4*x+3]
			key := uint32(px[0])<<16 | uint32(px[1])<<8 | uint32(px[2])
			if key == bg {
				continue // index 0, as NewPaletted left it
			}
			i, ok := nearest[key]
			if !ok {
				i = uint8(pal.Index(color.RGBA{px[0], px[1], px[2], 0xff}))
				nearest[key] = i
			}
			out.Pix[y*out.Stride+x] = i
		}
	}
	return out
}
