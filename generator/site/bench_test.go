package site

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkBuild builds a generated site of 1000 and 10000 cases in the
// shape of shared/bench/gencorpus, into an output that drops the bytes.
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkBuild -benchmem
//
// -bench BenchmarkBuild/1000 also matches 10000; use 'BenchmarkBuild/^1000$'
// for the small site alone.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root := b.TempDir()
			writeBenchSite(b, root, n)
			b.ResetTimer()
			var pages int
			var link, total time.Duration
			for b.Loop() {
				stats, errs := Build(root, Options{}, discard{})
				if errs.HasErrors() {
					b.Fatal(errs)
				}
				pages = stats.Pages
				for _, p := range stats.Phases {
					total += p.Duration
					if p.Name == "link" {
						link += p.Duration
					}
				}
			}
			b.ReportMetric(float64(pages), "pages/op")
			// The share of the build spent resolving links, building the
			// link graph and scoring related cases.
			b.ReportMetric(100*float64(link)/float64(total), "link-%")
		})
	}
}

var benchWords = strings.Fields(`customer experience expected target delivered promise journey
delivery installation retailer subcontractor chain care service product buyer seller
marketing operations refund order tracking warehouse courier appointment call centre
email satisfaction loyalty gap measure brand store price quality packaging damage delay
apology airline ticket flight seat phone network contract onboarding checkout return
warranty repair visit queue staff training handover partner supplier survey complaint`)

var (
	benchIndustries = []string{"retail", "airline", "telecom", "banking", "insurance", "logistics"}
	benchTags       = []string{"delivery", "subcontracting", "complaints", "onboarding", "returns", "call-centre", "pricing", "loyalty", "staff", "recovery"}
	benchStages     = []string{"Discover", "Purchase", "Delivery", "Installation", "Use", "Support"}
	benchRoles      = []string{"seller", "manufacturer", "subcontractor", "partner", "support"}
	benchCares      = []string{"high", "medium", "low", "broken"}
	benchLangs      = []string{"python", "yaml", "json", "go", "sql", "bash"}
)

// benchGen writes deterministic synthetic content.
type benchGen struct {
	r     *rand.Rand
	cases int
}

func (g *benchGen) pick(xs []string) string { return xs[g.r.Intn(len(xs))] }
func (g *benchGen) title() string           { w := g.pick(benchWords); return strings.ToUpper(w[:1]) + w[1:] }
func (g *benchGen) caseLink() string        { return fmt.Sprintf("[[case-%06d]]", g.r.Intn(g.cases)) }
func (g *benchGen) frameworkLink() string   { return fmt.Sprintf("[[framework-%03d]]", g.r.Intn(12)) }

func (g *benchGen) sentence() string {
	ws := make([]string, 8+g.r.Intn(14))
	for i := range ws {
		ws[i] = g.pick(benchWords)
	}
	return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
}

func (g *benchGen) para() string {
	s := make([]string, 3+g.r.Intn(4))
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

// some returns 1 to most distinct entries of xs, in the order of xs.
func (g *benchGen) some(xs []string, most int) []string {
	keep := map[string]bool{}
	for k := 0; k < 1+g.r.Intn(most); k++ {
		keep[g.pick(xs)] = true
	}
	var out []string
	for _, x := range xs {
		if keep[x] {
			out = append(out, x)
		}
	}
	return out
}

func (g *benchGen) caseStudy(i int, lang string, frameworks []string) string {
	var b strings.Builder
	fws := g.some(frameworks, 3)
	title := fmt.Sprintf("Case %d: the %s that was not the %s", i, g.pick(benchWords), g.pick(benchWords))
	if lang == "fi" {
		title = fmt.Sprintf("Tapaus %d: %s ei ollut %s", i, g.pick(benchWords), g.pick(benchWords))
	}
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\ndate: 20%02d-%02d-%02d\nindustry: %s\ntags: [%s]\nframeworks: [%s]\n",
		title, g.sentence(),
		10+g.r.Intn(16), 1+g.r.Intn(12), 1+g.r.Intn(28), g.pick(benchIndustries),
		strings.Join(g.some(benchTags, 4), ", "), strings.Join(fws, ", "))
	fmt.Fprintf(&b, "experience:\n  expected: %q\n  target: %q\n  delivered: %q\njourney:\n", g.sentence(), g.sentence(), g.sentence())
	for _, s := range benchStages[:3+g.r.Intn(4)] {
		e := 5 + g.r.Intn(6)
		t := e - g.r.Intn(4)
		fmt.Fprintf(&b, "  - {stage: %s, expected: %d, target: %d, delivered: %d}\n", s, e, t, max(0, t-g.r.Intn(6)))
	}
	b.WriteString("chain:\n")
	for k := 0; k < 2+g.r.Intn(3); k++ {
		fmt.Fprintf(&b, "  - {actor: %q, role: %s, care: %s, note: %q}\n",
			g.title()+" "+g.title(), g.pick(benchRoles), g.pick(benchCares), g.sentence())
	}
	fmt.Fprintf(&b, "ratings: {service: %d, experience: %d}\n---\n\n", g.r.Intn(11), g.r.Intn(11))
	fmt.Fprintf(&b, "%s See %s and [[%s]].\n\n", g.para(), g.caseLink(), fws[0])
	for _, h := range []string{"What the customer bought", "What was sold", "Where care broke", "Lessons"} {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", h, g.para())
		switch g.r.Intn(6) {
		case 0:
			fmt.Fprintf(&b, "- %s\n- %s\n- %s, compare %s\n\n", g.sentence(), g.sentence(), g.sentence(), g.caseLink())
		case 1:
			b.WriteString("| Stage | Expected | Delivered |\n|---|---|---|\n")
			for _, s := range benchStages[:3] {
				fmt.Fprintf(&b, "| %s | %d | %d |\n", s, g.r.Intn(11), g.r.Intn(11))
			}
			b.WriteString("\n")
		case 2:
			fmt.Fprintf(&b, "```%s\n", g.pick(benchLangs))
			for k := 0; k < 4+g.r.Intn(6); k++ {
				fmt.Fprintf(&b, "%s_%d = %q // %s\n", g.pick(benchWords), k, g.pick(benchWords), g.pick(benchWords))
			}
			b.WriteString("```\n\n")
		case 3:
			fmt.Fprintf(&b, "> %s See %s.\n\n", g.sentence(), g.frameworkLink())
		}
	}
	return b.String()
}

// writeBenchSite writes a site of n cases, 12 frameworks and about 10%
// Finnish translations under root.
func writeBenchSite(b testing.TB, root string, n int) {
	b.Helper()
	write := func(name, s string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	g := &benchGen{r: rand.New(rand.NewSource(1)), cases: n}
	write("casebook.yaml", "title: Benchmark Casebook\nlanguages: [en, fi]\n")
	write("content/_index.md", "---\ntitle: Benchmark Casebook\n---\n\n"+g.para()+"\n")
	var frameworks []string
	for i := 0; i < 12; i++ {
		slug := fmt.Sprintf("framework-%03d", i)
		frameworks = append(frameworks, slug)
		body := fmt.Sprintf("---\ntitle: \"Framework %d: %s %s\"\nsummary: %q\naliases: [\"Model %d\"]\ntags: [%s]\n---\n\n",
			i, g.title(), g.title(), g.sentence(), i, g.pick(benchTags))
		for p := 0; p < 4; p++ {
			body += fmt.Sprintf("## %s %s\n\n%s\n\n", g.title(), g.pick(benchWords), g.para())
		}
		write("content/frameworks/"+slug+".md", body)
	}
	for i := 0; i < n; i++ {
		slug := fmt.Sprintf("case-%06d", i)
		write("content/cases/"+slug+".md", g.caseStudy(i, "en", frameworks))
		if g.r.Intn(10) == 0 {
			write("content/cases/"+slug+".fi.md", g.caseStudy(i, "fi", frameworks))
		}
	}
}

// BenchmarkRebuild times what the preview does on a save: one case's body
// changes and a Rebuilder builds the site of n cases again.
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkRebuild -benchtime 10x
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root := b.TempDir()
			writeBenchSite(b, root, n)
			r := NewRebuilder(root, Options{})
			if _, errs := r.Rebuild(discard{}); errs.HasErrors() {
				b.Fatal(errs)
			}
			page := filepath.Join(root, "content", "cases", "case-000001.md")
			original, err := os.ReadFile(page)
			if err != nil {
				b.Fatal(err)
			}
			phases := map[string]time.Duration{}
			rendered := 0
			edit := 0
			for b.Loop() {
				edit++
				if err := os.WriteFile(page, fmt.Appendf(slices.Clone(original), "\nEdit %d.\n", edit), 0o644); err != nil {
					b.Fatal(err)
				}
				stats, errs := r.Rebuild(discard{})
				if errs.HasErrors() {
					b.Fatal(errs)
				}
				rendered += stats.Rendered
				for _, p := range stats.Phases {
					phases[p.Name] += p.Duration
				}
			}
			for name, d := range phases {
				b.ReportMetric(float64(d.Milliseconds())/float64(edit), strings.ReplaceAll(name, " ", "-")+"-ms")
			}
			b.ReportMetric(float64(rendered)/float64(edit), "rendered/op")
		})
	}
}

// chartCalls are the template calls that draw charts; BenchmarkCharts
// takes them out of a copy of the built-in layouts.
var chartCalls = regexp.MustCompile(`\{\{(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\}\}|(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\b|\.Insights\b`)

// BenchmarkCharts builds a site of 10,000 cases in memory with the
// built-in layouts and with the same layouts minus every chart, by turns,
// and reports what the charts add.
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkCharts -benchtime 3x
func BenchmarkCharts(b *testing.B) {
	with, without := b.TempDir(), b.TempDir()
	writeBenchSite(b, with, 10000)
	writeBenchSite(b, without, 10000)
	for _, name := range []string{"partials/case.html", "insights.html"} {
		data, err := os.ReadFile(filepath.Join("../../layouts", name))
		if err != nil {
			b.Fatal(err)
		}
		plain := chartCalls.ReplaceAllStringFunc(string(data), func(m string) string {
			if strings.HasPrefix(m, "{{") {
				return ""
			}
			return `""`
		})
		if err := writeFile(without, filepath.Join("layouts", name), plain); err != nil {
			b.Fatal(err)
		}
	}
	var tw, to time.Duration
	for b.Loop() {
		for _, site := range []struct {
			root string
			took *time.Duration
		}{{with, &tw}, {without, &to}} {
			start := time.Now()
			if _, errs := Build(site.root, Options{}, discard{}); errs.HasErrors() {
				b.Fatal(errs)
			}
			*site.took += time.Since(start)
		}
	}
	b.ReportMetric(tw.Seconds()/float64(b.N), "with-s")
	b.ReportMetric(to.Seconds()/float64(b.N), "without-s")
	b.ReportMetric(100*(tw.Seconds()-to.Seconds())/to.Seconds(), "charts-%")
}

// BenchmarkLeakCheck builds the generated site with one case in twenty
// confidential and private notes on one in ten, and reports the leak
// check's CPU time against the build's: leak-cpu-% is the check's share
// of the CPU the render-and-write step had (its wall time on every core).
//
//	go test ./generator/site/ -run '^$' -bench BenchmarkLeakCheck
func BenchmarkLeakCheck(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root := b.TempDir()
			writeBenchSite(b, root, n)
			g := &benchGen{r: rand.New(rand.NewSource(2)), cases: n}
			for i := 0; i < n/20; i++ { // confidential cases nothing links to
				text := strings.Replace(g.caseStudy(n+i, "en", []string{"framework-000"}), "---\n", "---\nconfidential: true\n", 1)
				writeFileTB(b, filepath.Join(root, "content", "cases", fmt.Sprintf("secret-%06d.md", i)), text)
			}
			for i := 0; i < n; i += 10 {
				p := filepath.Join(root, "content", "cases", fmt.Sprintf("case-%06d.md", i))
				src, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				private := fmt.Sprintf("---\nprivate: {client: \"Client %d Oy\", fee: \"fee %d euro\", contact: \"Person %d Q\"}\n", i, i, i)
				writeFileTB(b, p, strings.Replace(string(src), "---\n", private, 1))
			}
			b.ResetTimer()
			var leak, write time.Duration
			for b.Loop() {
				stats, errs := Build(root, Options{}, discard{})
				if errs.HasErrors() {
					b.Fatal(errs[:min(len(errs), 5)])
				}
				for _, p := range stats.Phases {
					switch p.Name {
					case "leak check (cpu)":
						leak += p.Duration
					case "render and write":
						write += p.Duration
					}
				}
			}
			b.ReportMetric(100*float64(leak)/float64(write*time.Duration(runtime.GOMAXPROCS(0))), "leak-cpu-%")
			b.ReportMetric(float64(leak.Milliseconds())/float64(b.N), "leak-cpu-ms/op")
		})
	}
}

func writeFileTB(b testing.TB, p, s string) {
	b.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		b.Fatal(err)
	}
}
