package search_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/casebook-cx/casebook/generator/search"
	"github.com/casebook-cx/casebook/generator/site"
	"golang.org/x/tools/txtar"
)

// The quality the query set must keep. The README gives the figures this
// test logs; raise these when the search gets better, never lower them to
// let a change through.
const (
	minRecallAt5 = 1.0
	minMRR       = 0.98
)

// TestQuality runs testdata/quality/queries.txt against the sample library
// and a generated library with planted pages, and fails if recall@5 or
// MRR falls below the marks above.
func TestQuality(t *testing.T) {
	sites := map[string]fs.FS{"sample": buildSite(t, "../.."), "planted": buildSite(t, plantedSite(t, 400))}
	f, err := os.Open("testdata/quality/queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var queries int
	var recall, reciprocal float64
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		q, err := parseQuery(text)
		if err != nil {
			t.Fatalf("queries.txt:%d: %v", line, err)
		}
		ix, err := search.Open(sites[q.site], indexDir(q.lang))
		if err != nil {
			t.Fatalf("queries.txt:%d: %v", line, err)
		}
		res, err := search.Query(ix, search.Request{Text: q.text, Filter: q.filter, Limit: 10})
		if err != nil {
			t.Fatalf("queries.txt:%d: %v", line, err)
		}
		got := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			got[i] = h.URL
		}
		r, rr := recallAt5(got, q.want), reciprocalRank(got, q.want)
		if r < 1 || rr < 1 {
			t.Logf("queries.txt:%d: %s %q %v: recall@5 %.2f, first right answer at 1/%.0f; got %v", line, q.site, q.text, q.filter, r, 1/max(rr, 0.1), got)
		}
		queries++
		recall += r
		reciprocal += rr
	}
	if queries < 40 {
		t.Fatalf("only %d queries in the set", queries)
	}
	recall /= float64(queries)
	reciprocal /= float64(queries)
	t.Logf("%d queries: recall@5 %.3f, MRR %.3f", queries, recall, reciprocal)
	if recall < minRecallAt5 || reciprocal < minMRR {
		t.Errorf("search quality dropped: recall@5 %.3f (at least %.2f), MRR %.3f (at least %.2f)", recall, minRecallAt5, reciprocal, minMRR)
	}
}

type qualityQuery struct {
	site, lang, text string
	filter           map[string]string
	want             []string
}

func parseQuery(line string) (qualityQuery, error) {
	parts := strings.Split(line, "|")
	if len(parts) != 4 {
		return qualityQuery{}, fmt.Errorf("want SITE LANG | QUERY | FILTERS | EXPECTED, got %q", line)
	}
	head := strings.Fields(parts[0])
	if len(head) != 2 {
		return qualityQuery{}, fmt.Errorf("want SITE LANG before the first |")
	}
	q := qualityQuery{site: head[0], lang: head[1], text: strings.TrimSpace(parts[1]), filter: map[string]string{}, want: strings.Fields(parts[3])}
	for _, kv := range strings.Split(parts[2], ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
			q.filter[k] = v
		}
	}
	if len(q.want) == 0 {
		return q, fmt.Errorf("no expected pages")
	}
	return q, nil
}

func recallAt5(got, want []string) float64 {
	n := 0
	for _, w := range want {
		for _, g := range got[:min(5, len(got))] {
			if g == w {
				n++
			}
		}
	}
	return float64(n) / float64(len(want))
}

func reciprocalRank(got, want []string) float64 {
	for i, g := range got {
		for _, w := range want {
			if g == w {
				return 1 / float64(i+1)
			}
		}
	}
	return 0
}

func indexDir(lang string) string {
	if lang == "en" {
		return "search"
	}
	return lang + "/search"
}

// buildSite builds the site in root in memory.
func buildSite(t testing.TB, root string) fs.FS {
	t.Helper()
	out := site.NewMemOutput()
	if _, errs := site.Build(root, site.Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	m := fstest.MapFS{}
	for name, data := range out.Files() {
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

// fillerWords never include a planted page's telling words.
var fillerWords = strings.Fields(`customer experience expected target delivered promise journey delivery
installation retailer chain care service product buyer seller marketing operations refund order tracking
warehouse appointment call email satisfaction loyalty gap measure brand store price quality packaging damage
delay airline ticket flight seat phone network contract checkout return warranty repair visit queue staff
training partner supplier survey complaint`)

// plantedSite writes testdata/quality/planted.txtar and n generated filler
// cases (a tenth of them also in Finnish) into a new folder.
func plantedSite(t testing.TB, n int) string {
	t.Helper()
	root := t.TempDir()
	ar, err := txtar.ParseFile("testdata/quality/planted.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		write(t, filepath.Join(root, f.Name), string(f.Data))
	}
	r := rand.New(rand.NewSource(1))
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	sentence := func() string {
		ws := make([]string, 8+r.Intn(10))
		for i := range ws {
			ws[i] = pick(fillerWords)
		}
		return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
	}
	industries := []string{"retail", "airline", "telecom", "banking", "insurance", "logistics"}
	tags := []string{"delivery", "complaints", "returns", "pricing", "loyalty", "staff"}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: \"Case %d: the %s and the %s\"\nsummary: %q\ndate: 2019-01-%02d\nindustry: %s\ntags: [%s, %s]\n---\n\n",
			i, pick(fillerWords), pick(fillerWords), sentence(), 1+i%28, pick(industries), pick(tags), pick(tags))
		for range 4 {
			fmt.Fprintf(&b, "## %s\n\n%s %s %s\n\n", pick(fillerWords), sentence(), sentence(), sentence())
		}
		write(t, filepath.Join(root, "content", "cases", fmt.Sprintf("filler-%04d.md", i)), b.String())
		if i%10 == 0 {
			write(t, filepath.Join(root, "content", "cases", fmt.Sprintf("filler-%04d.fi.md", i)),
				fmt.Sprintf("---\ntitle: \"Tapaus %d\"\n---\n\nAsiakas odotti toimitusta ja palvelua. %s\n", i, sentence()))
		}
	}
	return root
}

func write(t testing.TB, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
