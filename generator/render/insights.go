package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/casebook-cx/casebook/generator/chart"
	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/stats"
)

// Insights are the charts of the insights dashboard, over the cases of an
// insights view (v.Pages): the whole library, or one industry's or one
// framework's share of it.
type Insights struct {
	Cases      int
	Stages     template.HTML // the mean Target−Delivered gap per stage
	Roles      template.HTML // the care chain roles showed
	Quadrant   template.HTML // every case on the service vs experience field
	Industries template.HTML // the mean worst gap per industry
	Years      template.HTML // cases per year
}

// stageLimit is how many stages the gap-by-stage chart shows: the most
// common ones, since stage names are free text and vary by case.
const stageLimit = 12

// roleLimit is how many chain roles the dashboard shows.
const roleLimit = 10

// Insights draws the dashboard's charts.
func (v *View) Insights() Insights {
	cases := casesWith(v.Pages, func(p *Page) bool { return p.Kind == content.KindCase })
	in := Insights{Cases: len(cases)}
	if stages := stats.MostCommon(stats.MeanStages(contentOf(cases)), stageLimit); len(stages) > 0 {
		bars := make([]chart.Bar, len(stages))
		for i, s := range stages {
			bars[i] = chart.Bar{Label: s.Name, Value: stats.Round1(s.Target - s.Delivered), Note: v.inCases(s.Count)}
		}
		desc := fmt.Sprintf(v.T("gap_by_stage_desc"), bars[0].Label, chart.Score(bars[0].Value))
		in.Stages = ScrollBox(chart.Bars("insights-stages", "gap", bars, v.T("gap_by_stage"), desc)) + v.barsTable(v.T("stage"), v.T("gap_execution"), bars)
	}
	if roles := stats.Roles(contentOf(cases)); len(roles) > 0 {
		roles = roles[:min(len(roles), roleLimit)]
		in.Roles = ScrollBox(rolesChart(v, "insights-roles", roles)) + v.rolesTable(roles)
	}
	if dots := quadrantDots(v, cases); len(dots) > 0 {
		in.Quadrant = ScrollBox(chart.Quadrant("insights-quadrant", dots, quadrantText(v, manyDesc(v, dots)), false))
	}
	in.Industries = v.industryGaps(cases)
	in.Years = v.years(cases)
	return in
}

// industryGaps charts, per industry, the mean of each case's largest
// Target−Delivered gap; each label leads to the industry's dashboard.
func (v *View) industryGaps(cases []*Page) template.HTML {
	gaps := stats.IndustryGaps(contentOf(cases))
	if len(gaps) == 0 {
		return ""
	}
	bars := make([]chart.Bar, len(gaps))
	for i, g := range gaps {
		bars[i] = chart.Bar{Label: g.Industry, Value: g.Mean, Note: v.inCases(g.Cases), Href: v.Rel(v.InsightsURL("industry", g.Slug))}
	}
	desc := fmt.Sprintf(v.T("gap_by_industry_desc"), bars[0].Label, chart.Score(bars[0].Value))
	return ScrollBox(chart.Bars("insights-industries", "gap", bars, v.T("gap_by_industry"), desc)) + v.barsTable(v.T("industry"), v.T("gap_execution"), bars)
}

// years charts how many cases each year has.
func (v *View) years(cases []*Page) template.HTML {
	perYear := stats.PerYear(contentOf(cases))
	if len(perYear) == 0 {
		return ""
	}
	bars := make([]chart.Bar, len(perYear))
	for i, y := range perYear {
		bars[i] = chart.Bar{Label: strconv.Itoa(y.Year), Value: float64(y.Cases)}
	}
	dated := 0
	for _, y := range perYear {
		dated += y.Cases
	}
	first, last := bars[0].Label, bars[len(bars)-1].Label
	desc := fmt.Sprintf(v.T("cases_over_time_desc"), dated, first, last)
	switch {
	case dated == 1:
		desc = fmt.Sprintf(v.T("cases_over_time_one"), first)
	case first == last:
		desc = fmt.Sprintf(v.T("cases_over_time_year"), dated, first)
	}
	return ScrollBox(chart.Bars("insights-years", "years", bars, v.T("cases_over_time"), desc)) + v.barsTable(v.T("year"), v.T("cases"), bars)
}

// InsightsURL is the dashboard of this view's language, or with kind
// ("industry" or "framework") and slug, of that share of the library.
func (v *View) InsightsURL(kind, slug string) string {
	u := v.langPrefix + "insights/"
	if kind != "" {
		u += kind + "/" + strings.Trim(slug, "/") + "/"
	}
	return u
}

// inCases says over how many cases a value is.
func (v *View) inCases(n int) string {
	if n == 1 {
		return v.T("in_one_case")
	}
	return fmt.Sprintf(v.T("in_cases"), n)
}

// The data behind the dashboard's charts, as tables under a disclosure:
// the charts are images to a screen reader, and a table can be read
// and copied.

func (v *View) barsTable(labelHead, valueHead string, bars []chart.Bar) template.HTML {
	notes := slices.ContainsFunc(bars, func(b chart.Bar) bool { return b.Note != "" })
	var b strings.Builder
	fmt.Fprintf(&b, `<details class="chart-data"><summary>%s</summary><div class="table-scroll" tabindex="0"><table><thead><tr><th scope="col">%s</th><th scope="col">%s</th>`,
		template.HTMLEscapeString(v.T("chart_data")), template.HTMLEscapeString(labelHead), template.HTMLEscapeString(valueHead))
	if notes {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, template.HTMLEscapeString(v.T("cases")))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, bar := range bars {
		fmt.Fprintf(&b, `<tr><th scope="row">%s</th><td>%s</td>`, template.HTMLEscapeString(bar.Label), chart.Score(bar.Value))
		if notes {
			fmt.Fprintf(&b, `<td>%s</td>`, template.HTMLEscapeString(bar.Note))
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div></details>`)
	return template.HTML(b.String())
}

func (v *View) rolesTable(stats []chart.ChainStat) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<details class="chart-data"><summary>%s</summary><div class="table-scroll" tabindex="0"><table><thead><tr><th scope="col">%s</th>`,
		template.HTMLEscapeString(v.T("chart_data")), template.HTMLEscapeString(v.T("role")))
	for _, c := range content.CareLevels {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, template.HTMLEscapeString(v.T("care_"+string(c))))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, st := range stats {
		fmt.Fprintf(&b, `<tr><th scope="row">%s</th>`, template.HTMLEscapeString(st.Role))
		for _, c := range content.CareLevels {
			fmt.Fprintf(&b, `<td>%d</td>`, st.Counts[string(c)])
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div></details>`)
	return template.HTML(b.String())
}
