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
	long := strings.Repeat("A very long framework name ", 2)
	if !strings.Contains(svg, "<title>"+long) || strings.Contains(svg, ">"+long) && strings.Count(svg, long) > 1 {
		t.Errorf("the full name belongs in <title>, a shortened one in the label:\n%s", svg)
	}
	if !strings.Contains(svg, "…</text>") {
		t.Errorf("a long label was not shortened:\n%s", svg)
	}
}
