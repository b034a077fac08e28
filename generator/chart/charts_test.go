package chart

import (
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg from the charts")

var journeyWords = JourneyText{Title: "The journey", Desc: "Scores per stage.", Expected: "Expected", Target: "Target",
	Delivered: "Delivered", PositioningGap: "Expected − Target", ExecutionGap: "Target − Delivered", Points: "pts", Cases: "cases"}

// TestGolden draws each chart from small fixtures, edge cases included,
// and compares it with testdata/NAME.svg (go test -update rewrites them).
// Every chart must also be well-formed XML with a title and description.
func TestGolden(t *testing.T) {
	twelve := make([]Stage, 12)
	for i := range twelve {
		twelve[i] = Stage{Name: fmt.Sprintf("Stage number %d of the long journey", i+1), Expected: 9, Target: float64(8 - i%4), Delivered: float64(i % 7)}
	}
	charts := map[string]string{
		"journey-one-stage": Journey("j1", []Stage{{Name: "Delivery", Expected: 9, Target: 6, Delivered: 2}}, journeyWords),
		"journey-all-equal": Journey("j2", []Stage{{Name: "Buy", Expected: 5, Target: 5, Delivered: 5}, {Name: "Use", Expected: 5, Target: 5, Delivered: 5}}, journeyWords),
		"journey-twelve":    Journey("j3", twelve, journeyWords),
		"journey-mean": Journey("j4", []Stage{{Name: "Toimitus", Expected: 8.5, Target: 6.2, Delivered: 2.7, Count: 14},
			{Name: "Asennus", Expected: 8, Target: 5, Delivered: 3.1, Count: 3}}, journeyWords),
		"chain-long-names": Chain("c1", []Actor{
			{Name: "Mänttä-Vilppulan kaupungin asiakaspalvelukeskus", Role: "support", Care: "high", CareLabel: "High care", Note: "Answered <at once>"},
			{Name: "A courier company with a very long name indeed", Role: "subcontractor", Care: "broken", CareLabel: "Care broken", Note: "Sent the box back"},
			{Name: "Ökonomi & Söhne", Care: "low", CareLabel: "Little care"},
			{Name: "Retailer", Role: "seller", Care: "medium", CareLabel: "Some care"},
			{Name: "Installer", Role: "partner", Care: "broken", CareLabel: "Care broken"},
		}, ChainText{Title: "Care across the chain", Desc: "Five parties.", Broken: "Care broken"}),
		"chain-one": Chain("c2", []Actor{{Name: "Maker", Care: "high", CareLabel: "High care"}}, ChainText{Title: "Chain", Desc: "One party.", Broken: "Broken"}),
		"quadrant-one": Quadrant("q1", []Dot{{Service: 2, Experience: 3, Label: "The Washing Machine Sold as Three Products"}},
			QuadrantText{Title: "Service and experience", Desc: "One case.", Service: "Customer service", Experience: "Customer experience",
				Corners: [4]string{"Experience despite service", "Both good", "Both poor", "Service not enough"}}, true),
		"quadrant-many": Quadrant("q2", []Dot{{Service: 8, Experience: 2, Label: "12 cases", Href: "cases/a/", Count: 12}, {Service: 0, Experience: 10, Label: "Edge <case>", Href: "cases/b/"}},
			QuadrantText{Title: "Service and experience", Desc: "Many.", Service: "S", Experience: "E"}, false),
		"bars": Bars("b1", "gap", []Bar{{Label: "Delivery", Value: 4.5, Note: "in 120 cases", Href: "x/"}, {Label: "A stage with a name far too long for the label column", Value: 0.3}, {Label: "Zero", Value: 0}}, "Gap by stage", "Mean gaps."),
		"roles": ChainRoles("r1", []ChainStat{{Role: "subcontractor", Counts: map[string]int{"broken": 7, "low": 2, "high": 1}, Total: 10}, {Role: "seller", Counts: map[string]int{"medium": 3}, Total: 3}},
			map[string]string{"high": "High care", "medium": "Some care", "low": "Little care", "broken": "Care broken"}, "Roles", "Where care breaks."),
	}
	for name, got := range charts {
		t.Run(name, func(t *testing.T) {
			checkSVG(t, got)
			if strings.Contains(got, "…") {
				t.Error("a label is cut short; labels wrap and charts make room for them")
			}
			path := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if got+"\n" != string(want) {
				t.Errorf("%s differs from the chart drawn now (go test -update rewrites it after a look)", path)
			}
		})
	}
}

// checkSVG parses a chart and checks what every chart owes its readers:
// an <svg> with role img, a <title> and a <desc> it is labelled by, and no
// text escaped into markup.
func checkSVG(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var first xml.StartElement
	seen := map[string]bool{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if first.Name.Local == "" {
				first = se
			}
			seen[se.Name.Local] = true
			if se.Name.Local == "script" {
				t.Error("a chart holds a script")
			}
		}
	}
	if first.Name.Local != "svg" || !seen["title"] || !seen["desc"] {
		t.Errorf("want an <svg> with <title> and <desc>, got <%s> %v", first.Name.Local, seen)
	}
	for _, a := range first.Attr {
		if a.Name.Local == "role" && a.Value != "img" && !(a.Value == "group" && seen["a"]) {
			t.Errorf("role=%q, want img (or group, for a chart with links)", a.Value)
		}
	}
}

// TestLabelsFit: wrapped and cut labels never pass the room given.
func TestLabelsFit(t *testing.T) {
	for _, s := range []string{"Installer's call", "Mänttä-Vilppulan kaupungin asiakaspalvelukeskus", "x", "", "Averyveryverylongsinglewordwithoutspaces"} {
		for _, room := range []float64{30, 60, 140} {
			lines := wrap(s, room, 2)
			if len(lines) > 2 {
				t.Errorf("wrap(%q, %v) gave %d lines", s, room, len(lines))
			}
			for _, l := range lines {
				if width(l) > room+0.01 && l != "…" {
					t.Errorf("wrap(%q, %v): %q is %.0f wide", s, room, l, width(l))
				}
			}
		}
	}
}
