package chart

import (
	"fmt"
	"strings"
	"testing"
)

func TestLibraryGraph(t *testing.T) {
	nodes := []Node{
		{Label: "Care <across> the chain", Href: "frameworks/care/index.html", Kind: "framework"},
		{Label: "Expected, target, delivered", Href: "frameworks/etd/index.html", Kind: "framework"},
		{Label: `The "washing machine"`, Href: "cases/wm/index.html?x=1&y=2", Kind: "case"},
		{Label: "About", Href: "about/index.html", Kind: "page"},
	}
	edges := []Edge{{2, 0}, {2, 1}, {3, 2}}
	svg := LibraryGraph("The library", nodes, edges)
	if svg != LibraryGraph("The library", nodes, edges) {
		t.Fatal("the same graph drew differently twice")
	}
	for _, want := range []string{
		`<title>Care &lt;across&gt; the chain</title>`,
		`href="cases/wm/index.html?x=1&amp;y=2"`,
		`<title>The &#34;washing machine&#34;</title>`,
		`class="node framework"`, `class="node case"`, `class="node page"`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("graph lacks %s", want)
		}
	}
	if n := strings.Count(svg, "<line "); n != len(edges) {
		t.Errorf("%d lines for %d edges", n, len(edges))
	}
	if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
		t.Errorf("bad coordinates:\n%s", svg)
	}
}

// TestGraphLabelsStopWhenCrowded: outer nodes are labelled only while few.
func TestGraphLabelsStopWhenCrowded(t *testing.T) {
	for _, tc := range []struct{ cases, texts int }{{3, 4}, {labelledOuter + 1, 1}} {
		nodes := []Node{{Label: "F", Href: "f/", Kind: "framework"}}
		var edges []Edge
		for i := range tc.cases {
			nodes = append(nodes, Node{Label: fmt.Sprint("case ", i), Href: "c/", Kind: "case"})
			edges = append(edges, Edge{i + 1, 0})
		}
		if got := strings.Count(LibraryGraph("g", nodes, edges), "<text "); got != tc.texts {
			t.Errorf("%d cases: %d labels, want %d", tc.cases, got, tc.texts)
		}
	}
}

func TestLocalGraph(t *testing.T) {
	svg := LocalGraph("Connections", []Node{
		{Label: "This page", Kind: "case"},
		{Label: strings.Repeat("A very long framework name ", 3), Href: "../f/index.html", Kind: "framework"},
		{Label: "Ääkköset", Href: "../c/index.html", Kind: "case"},
	})
	if !strings.Contains(svg, `class="node case current"`) || strings.Count(svg, "<line ") != 2 || !strings.Contains(svg, "Ääkköset") {
		t.Errorf("local graph:\n%s", svg)
	}
	long := strings.TrimSpace(strings.Repeat("A very long framework name ", 3))
	if !strings.Contains(svg, "<title>"+long) {
		t.Errorf("the full name belongs in <title>:\n%s", svg)
	}
	// The label is the whole name, over several lines, none cut.
	var shown []string
	for _, part := range strings.Split(svg, "<tspan ")[1:] {
		part = part[strings.Index(part, ">")+1:]
		shown = append(shown, part[:strings.Index(part, "</tspan>")])
	}
	if got := strings.Join(shown, " "); !strings.Contains(got, long) || strings.Contains(svg, "…") {
		t.Errorf("the long label reads %q, want the whole name:\n%s", got, svg)
	}
}

// TestGraphViewBoxHoldsLabels: the viewBox grows to hold a long label on
// the left of the graph, so no label is drawn outside it.
func TestGraphViewBoxHoldsLabels(t *testing.T) {
	svg := LocalGraph("g", []Node{{Label: "Here", Kind: "case"}, {Label: "x", Href: "a/", Kind: "case"},
		{Label: "Averyveryveryverylongwordthatcannotwrapanywhereatall", Href: "b/", Kind: "case"}})
	var x, y, w, h float64
	if _, err := fmt.Sscanf(svg[strings.Index(svg, `viewBox="`)+9:], "%g %g %g %g", &x, &y, &w, &h); err != nil {
		t.Fatal(err)
	}
	// the second neighbour sits at the bottom centre (90°): its label runs
	// below it, centred, wider than the default 640.
	if wide := width("Averyveryveryverylongwordthatcannotwrapanywhereatall"); x > 320-wide/2 || x+w < 320+wide/2 {
		t.Errorf("viewBox %v %v %v %v does not hold a label %.0f wide centred at 320", x, y, w, h, wide)
	}
}
