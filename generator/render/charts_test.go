package render

import (
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

func TestOneVersionCountsATranslatedCaseOnce(t *testing.T) {
	en := &Page{Page: &content.Page{Path: "cases/washer", Lang: "en"}}
	fi := &Page{Page: &content.Page{Path: "cases/washer", Lang: "fi"}}
	other := &Page{Page: &content.Page{Path: "cases/phone", Lang: "en"}}
	got := oneVersion([]*Page{en, other, fi}, "fi")
	if len(got) != 2 || got[0] != fi || got[1] != other {
		t.Errorf("oneVersion kept %v", got)
	}
}

func TestMeanStagesOrdersByPlaceAndKeepsShared(t *testing.T) {
	journey := func(names ...string) *Page {
		p := &Page{Page: &content.Page{}}
		for i, n := range names {
			p.Journey = append(p.Journey, content.Stage{Stage: n, Expected: 8, Target: 6, Delivered: 6 - i})
		}
		return p
	}
	stages := sharedStages(meanStages([]*Page{journey("Buy", "Delivery", "Use"), journey("buy", "Install", "Delivery"), journey("Only here")}))
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "Buy,Delivery" {
		t.Fatalf("shared stages %v, want Buy then Delivery (case-insensitive, by place)", names)
	}
	if stages[1].Count != 2 || stages[1].Delivered != 4.5 {
		t.Errorf("Delivery: %+v, want 2 cases and a mean delivered of 4.5", stages[1])
	}
}
