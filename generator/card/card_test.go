package card

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

var journey = []content.Stage{
	{Stage: "Purchase", Expected: 8, Target: 8, Delivered: 8},
	{Stage: "Delivery", Expected: 9, Target: 6, Delivered: 2},
	{Stage: "Support", Expected: 8, Target: 7, Delivered: 0},
}

// inked counts the pixels of r that are not the background.
func inked(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) != background {
				n++
			}
		}
	}
	return n
}

func TestCards(t *testing.T) {
	for _, tc := range []struct {
		name string
		card Card
	}{
		{"case", Card{Site: "Casebook", Label: "Case study", Title: "The washing machine sold as three products", Journey: journey}},
		{"framework", Card{Site: "Casebook", Label: "Framework", Title: "Expected, Target, Delivered"}},
		{"home", Card{Site: "Casebook", Title: "Customer-experience case studies"}},
		{"with a summary", Card{Site: "Casebook", Label: "Framework", Title: "Care Across the Chain",
			Summary: "Every party between maker and customer either shows care or breaks it; the customer experiences the whole chain as one."}},
		{"long title", Card{Site: "Casebook", Title: "A title so long that it cannot fit on the card however it is wrapped, " +
			"because it goes on and on about the same washing machine, its delivery, its installation and its refund, " +
			"and then Supercalifragilisticexpialidociousunbreakablewordthatiswiderthananyline"}},
		{"Finnish", Card{Site: "Tapauskirja", Label: "Tapaustutkimus", Title: "Pesukone, joka myytiin kolmena tuotteena: äöå", Journey: journey}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := PNG(tc.card)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := PNG(tc.card)
			if !bytes.Equal(data, again) {
				t.Error("two drawings of the same card differ")
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height || Width != 1200 || Height != 630 {
				t.Errorf("size %v, want 1200×630", b)
			}
			title := TitleArea(tc.card)
			if n := inked(img, title); n < 2000 {
				t.Errorf("%d inked pixels in the title area %v: the title was not drawn", n, title)
			}
			if n := inked(img, image.Rect(margin, 50, Width-margin, 110)); n < 300 {
				t.Errorf("%d inked pixels on the site line", n)
			}
			if tc.card.Summary != "" {
				// A one-line title ends near y=240; the summary follows.
				if n := inked(img, image.Rect(margin, 250, Width-margin, title.Max.Y)); n < 5000 {
					t.Errorf("%d inked pixels where the summary goes", n)
				}
			}
			below := image.Rect(0, title.Max.Y+24, Width, Height)
			n := inked(img, below)
			if hasChart(tc.card) && n < 5000 {
				t.Errorf("%d inked pixels below the title: the journey was not drawn", n)
			}
			if !hasChart(tc.card) && n != 0 {
				t.Errorf("%d inked pixels below the title of a card without a chart", n)
			}
			// Nothing may be drawn in the right margin: a long title is wrapped or cut.
			if n := inked(img, image.Rect(Width-margin+4, 20, Width, Height)); n != 0 {
				t.Errorf("%d inked pixels in the right margin", n)
			}
		})
	}
}

// TestTitlesDiffer: the title is what makes two cards differ.
func TestTitlesDiffer(t *testing.T) {
	a, _ := PNG(Card{Site: "S", Title: "One"})
	b, _ := PNG(Card{Site: "S", Title: "Two"})
	if bytes.Equal(a, b) {
		t.Error("cards with different titles are the same")
	}
}

func TestWrap(t *testing.T) {
	fc := face(loadFonts().bold, 58)
	lines := wrap(fc, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty", 600, 3)
	if len(lines) != 3 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for _, l := range lines {
		if w := width(fc, l); w > 600 {
			t.Errorf("line %q is %d px wide, over 600", l, w)
		}
	}
	if last := lines[2]; last[len(last)-len("…"):] != "…" {
		t.Errorf("the last line %q does not say the title goes on", last)
	}
}

func BenchmarkCaseCard(b *testing.B) {
	c := Card{Site: "Casebook", Label: "Case study", Title: "The washing machine sold as three products", Journey: journey}
	for b.Loop() {
		if _, err := PNG(c); err != nil {
			b.Fatal(err)
		}
	}
}
