package stats

import (
	"fmt"
	"testing"
	"time"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
)

// journey is a case whose stages are named names, each targeting 6 and
// delivering one point less than the one before it, starting at 6.
func journey(names ...string) *content.Page {
	p := &content.Page{}
	for i, n := range names {
		p.Journey = append(p.Journey, content.Stage{Stage: n, Expected: 8, Target: 6, Delivered: 6 - i})
	}
	return p
}

func names(stages []chart.Stage) string {
	var out []string
	for _, s := range stages {
		out = append(out, s.Name)
	}
	return fmt.Sprint(out)
}

func TestMeanStagesOrdersByPlaceAndKeepsShared(t *testing.T) {
	stages := Shared(MeanStages([]*content.Page{journey("Buy", "Delivery", "Use"), journey("buy", "Install", "Delivery"), journey("Only here")}))
	if got := names(stages); got != "[Buy Delivery]" {
		t.Fatalf("shared stages %s, want Buy then Delivery (case-insensitive, by place)", got)
	}
	if stages[1].Count != 2 || stages[1].Delivered != 4.5 {
		t.Errorf("Delivery: %+v, want 2 cases and a mean delivered of 4.5", stages[1])
	}
	if got := Shared(MeanStages([]*content.Page{journey("Buy", "Use"), journey("Buy")})); got != nil {
		t.Errorf("one shared stage is no journey, got %s", names(got))
	}
}

func TestMostCommonKeepsTheCommonestAndPutsTheWorstFirst(t *testing.T) {
	stages := []chart.Stage{
		{Name: "rare and awful", Target: 9, Delivered: 1, Count: 1},
		{Name: "common, small gap", Target: 6, Delivered: 5, Count: 5},
		{Name: "common, large gap", Target: 8, Delivered: 3, Count: 5},
		{Name: "fairly common", Target: 7, Delivered: 3, Count: 3},
	}
	got := MostCommon(stages, 3)
	if names(got) != "[common, large gap fairly common common, small gap]" {
		t.Errorf("MostCommon(3) = %s", names(got))
	}
	// Of the two stages five cases have, the worse.
	if got := MostCommon(stages, 1); names(got) != "[common, large gap]" {
		t.Errorf("MostCommon(1) = %s", names(got))
	}
	if stages[0].Name != "rare and awful" {
		t.Errorf("MostCommon reordered its argument: %s", names(stages))
	}
}

func TestWorst(t *testing.T) {
	stages := []chart.Stage{{Name: "a", Target: 6, Delivered: 6}, {Name: "b", Target: 7, Delivered: 4}, {Name: "c", Target: 5, Delivered: 3}}
	if w := Worst(stages); w == nil || w.Name != "b" {
		t.Errorf("Worst = %v, want b", w)
	}
	if w := Worst(stages[:1]); w != nil {
		t.Errorf("a stage that delivered its target is no worst gap, got %v", w)
	}
}

func TestRolesPutsTheMostBrokenFirst(t *testing.T) {
	chain := func(actors ...content.Actor) *content.Page { return &content.Page{Chain: actors} }
	got := Roles([]*content.Page{
		chain(content.Actor{Role: "Retailer", Care: "high"}, content.Actor{Role: "Courier", Care: "broken"}, content.Actor{Actor: "no role", Care: "broken"}),
		chain(content.Actor{Role: " retailer ", Care: "broken"}, content.Actor{Role: "Courier", Care: "broken"}, content.Actor{Role: "Maker", Care: "low"}),
		// Unbroken: more parties first, then by name.
		chain(content.Actor{Role: "installer", Care: "high"}, content.Actor{Role: "installer", Care: "low"}, content.Actor{Role: "bank", Care: "high"}, content.Actor{Role: "airline", Care: "medium"}),
	})
	var rows []string
	for _, r := range got {
		rows = append(rows, fmt.Sprintf("%s %d/%d", r.Role, r.Counts["broken"], r.Total))
	}
	if fmt.Sprint(rows) != "[courier 2/2 retailer 1/2 installer 0/2 airline 0/1 bank 0/1 maker 0/1]" {
		t.Errorf("Roles = %v", rows)
	}
}

func TestIndustryGapsAveragesEachCasesWorstGap(t *testing.T) {
	in := func(industry string, delivered ...int) *content.Page {
		p := &content.Page{Industry: industry}
		for i, d := range delivered {
			p.Journey = append(p.Journey, content.Stage{Stage: fmt.Sprint(i), Target: 8, Delivered: d})
		}
		return p
	}
	got := IndustryGaps([]*content.Page{
		in("Retail", 8, 5), // worst gap 3
		in("retail", 4, 9), // 4
		in("Retail", 9),    // none: 0
		in("Telecom", 2),   // 6
		in("Telecom"),      // no journey: left out
		in("", 1),          // no industry: left out
	})
	want := "[{Telecom telecom 6 1} {Retail retail 2.3 3}]"
	if fmt.Sprint(got) != want {
		t.Errorf("IndustryGaps = %v, want %s", got, want)
	}
}

func TestPerYear(t *testing.T) {
	dated := func(y int) *content.Page { return &content.Page{Date: time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)} }
	got := PerYear([]*content.Page{dated(2024), dated(2021), {}, dated(2024)})
	if fmt.Sprint(got) != "[{2021 1} {2024 2}]" {
		t.Errorf("PerYear = %v", got)
	}
}
