// Package stats is the arithmetic over many cases that framework pages
// and the insights dashboard chart: mean journeys, the care each chain
// role showed, the mean worst gap per industry, cases per year. It reads
// cases and returns the values a chart draws; what the chart looks like,
// and in which language, is render's and chart's business.
package stats

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
)

// Key is how stage and role names are matched across cases (here and on
// compare pages): they are free text, so regardless of case and
// surrounding spaces.
func Key(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Round1 rounds a mean to one decimal, as charts and their tables show it.
func Round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

// MeanStages averages the journeys of cases stage by stage, stages matched
// by name regardless of case, ordered by where in their journeys they
// come on average. Each stage's Count is how many cases have it.
func MeanStages(cases []*content.Page) []chart.Stage {
	var order []string
	sums := map[string]*chart.Stage{}
	place := map[string]float64{}
	for _, c := range cases {
		for i, s := range c.Journey {
			k := Key(s.Stage)
			st := sums[k]
			if st == nil {
				st = &chart.Stage{Name: s.Stage}
				sums[k] = st
				order = append(order, k)
			}
			place[k] += float64(i) / float64(max(len(c.Journey)-1, 1))
			st.Expected += float64(s.Expected)
			st.Target += float64(s.Target)
			st.Delivered += float64(s.Delivered)
			st.Count++
		}
	}
	out := make([]chart.Stage, len(order))
	for i, k := range order {
		st := *sums[k]
		n := float64(st.Count)
		st.Expected, st.Target, st.Delivered = Round1(st.Expected/n), Round1(st.Target/n), Round1(st.Delivered/n)
		out[i] = st
	}
	slices.SortStableFunc(out, func(a, b chart.Stage) int {
		return cmp.Compare(place[Key(a.Name)]/float64(a.Count), place[Key(b.Name)]/float64(b.Count))
	})
	return out
}

// Shared keeps the stages more than one case has, when there are at least
// two: stage names are free text, and a mean over one case each would
// draw every case's journey end to end.
func Shared(stages []chart.Stage) []chart.Stage {
	var out []chart.Stage
	for _, s := range stages {
		if s.Count > 1 {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// MostCommon keeps the limit stages most cases have (among equally common
// ones, the worst), and orders them by their Target−Delivered gap, the
// worst first.
func MostCommon(stages []chart.Stage, limit int) []chart.Stage {
	stages = slices.Clone(stages)
	slices.SortStableFunc(stages, func(a, b chart.Stage) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(gap(b), gap(a)))
	})
	stages = stages[:min(len(stages), limit)]
	slices.SortStableFunc(stages, func(a, b chart.Stage) int { return cmp.Compare(gap(b), gap(a)) })
	return stages
}

func gap(s chart.Stage) float64 { return s.Target - s.Delivered }

// Worst is the stage with the largest Target−Delivered gap, nil when
// every stage delivered its target.
func Worst(stages []chart.Stage) *chart.Stage {
	var w *chart.Stage
	for i := range stages {
		if g := gap(stages[i]); g > 0 && (w == nil || g > gap(*w)) {
			w = &stages[i]
		}
	}
	return w
}

// Roles counts, per chain role, the care its actors showed, the roles
// that broke care most often first. Parties without a role are left out.
func Roles(cases []*content.Page) []chart.ChainStat {
	byRole := map[string]*chart.ChainStat{}
	for _, c := range cases {
		for _, a := range c.Chain {
			role := Key(a.Role)
			if role == "" {
				continue
			}
			st := byRole[role]
			if st == nil {
				st = &chart.ChainStat{Role: role, Counts: map[string]int{}}
				byRole[role] = st
			}
			st.Counts[string(a.Care)]++
			st.Total++
		}
	}
	out := make([]chart.ChainStat, 0, len(byRole))
	for _, st := range byRole {
		out = append(out, *st)
	}
	slices.SortFunc(out, func(a, b chart.ChainStat) int {
		return cmp.Or(cmp.Compare(b.Counts["broken"], a.Counts["broken"]), cmp.Compare(b.Total, a.Total), cmp.Compare(a.Role, b.Role))
	})
	return out
}

// IndustryGap is the mean, over an industry's cases with a journey, of
// each case's largest Target−Delivered gap; a case that delivered every
// target counts as 0.
type IndustryGap struct {
	Industry string // as the first of its cases writes it
	Slug     string
	Mean     float64 // rounded to one decimal
	Cases    int
}

// IndustryGaps is the mean worst gap of each industry, the worst first.
// Cases without an industry or a journey are left out.
func IndustryGaps(cases []*content.Page) []IndustryGap {
	type sum struct {
		name       string
		gap, count int
	}
	by := map[string]*sum{}
	for _, c := range cases {
		if c.Industry == "" || len(c.Journey) == 0 {
			continue
		}
		slug := content.Slugify(c.Industry)
		s := by[slug]
		if s == nil {
			s = &sum{name: c.Industry}
			by[slug] = s
		}
		worst := 0
		for _, st := range c.Journey {
			worst = max(worst, st.DeliveryGap())
		}
		s.gap += worst
		s.count++
	}
	out := make([]IndustryGap, 0, len(by))
	for slug, s := range by {
		out = append(out, IndustryGap{Industry: s.name, Slug: slug, Mean: Round1(float64(s.gap) / float64(s.count)), Cases: s.count})
	}
	slices.SortFunc(out, func(a, b IndustryGap) int {
		return cmp.Or(cmp.Compare(b.Mean, a.Mean), cmp.Compare(a.Industry, b.Industry), cmp.Compare(a.Slug, b.Slug))
	})
	return out
}

// YearCount is how many cases are dated in a year.
type YearCount struct{ Year, Cases int }

// PerYear counts the dated cases of each year, the earliest year first.
func PerYear(cases []*content.Page) []YearCount {
	count := map[int]int{}
	for _, c := range cases {
		if !c.Date.IsZero() {
			count[c.Date.Year()]++
		}
	}
	var out []YearCount
	for _, y := range slices.Sorted(maps.Keys(count)) {
		out = append(out, YearCount{y, count[y]})
	}
	return out
}
