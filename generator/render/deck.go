package render

import (
	"cmp"
	"html/template"
	"slices"

	"github.com/casebook-cx/casebook/generator/chart"
)

// The slide deck of casebook pdf --slides: the view's Pages are the cases
// chosen, in order. These methods gather what its framework and closing
// slides show about the selection as a whole.

// DeckFramework is a framework some chosen cases apply, with those cases.
type DeckFramework struct {
	*Page
	Chosen []*Page
}

// DeckFrameworks are the frameworks the chosen cases apply, in the order
// the cases first name them.
func (v *View) DeckFrameworks() []DeckFramework {
	var out []DeckFramework
	for _, c := range v.Pages {
		for _, f := range c.FrameworkPages {
			i := slices.IndexFunc(out, func(d DeckFramework) bool { return d.Page == f })
			if i < 0 {
				out = append(out, DeckFramework{Page: f})
				i = len(out) - 1
			}
			out[i].Chosen = append(out[i].Chosen, c)
		}
	}
	return out
}

// DeckGap is a chosen case's largest Target−Delivered gap.
type DeckGap struct {
	Case *Page
	*GapAt
}

// DeckGaps are the chosen cases' largest delivery gaps, largest first.
func (v *View) DeckGaps() []DeckGap {
	var out []DeckGap
	for _, c := range v.Pages {
		if g := c.WorstDeliveryGap(); g != nil {
			out = append(out, DeckGap{Case: c, GapAt: g})
		}
	}
	slices.SortStableFunc(out, func(a, b DeckGap) int { return cmp.Compare(b.Gap, a.Gap) })
	return out
}

// DeckParty is a party of a chosen case's chain whose care broke.
type DeckParty struct {
	Case        *Page
	Actor, Role string
}

// DeckBroken are the parties whose care broke, case by case.
func (v *View) DeckBroken() []DeckParty {
	var out []DeckParty
	for _, c := range v.Pages {
		for _, a := range c.Chain {
			if a.Care == "broken" {
				out = append(out, DeckParty{Case: c, Actor: a.Actor, Role: a.Role})
			}
		}
	}
	return out
}

// DeckQuadrant places the chosen cases on one service vs experience field.
func (v *View) DeckQuadrant() template.HTML {
	dots := quadrantDots(v, v.Pages)
	if len(dots) == 0 {
		return ""
	}
	return template.HTML(chart.Quadrant("deck-quadrant", dots, quadrantText(v, manyDesc(v, dots)), true))
}
