package search

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestWordsFoldCaseAndDiacritics(t *testing.T) {
	got := Words("Pesukoneen NÄKYMÄÄ, café's 2024-deal")
	want := []string{"pesukoneen", "nakymaa", "cafe", "s", "2024", "deal"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

// TestFoldASCII: Fold's shortcut for ASCII text folds as the general way
// does, every character and a sentence.
func TestFoldASCII(t *testing.T) {
	var all []byte
	for c := range utf8.RuneSelf {
		all = append(all, byte(c))
	}
	for _, s := range []string{string(all), "The Courier LEFT it, 2024-05-01.", ""} {
		if got, want := Fold(s), foldRunes(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestListsRoundTrip(t *testing.T) {
	ids := []int{0, 1, 2, 40, 41, 1000, 1 << 20}
	back, err := decodeIDs(encodeIDs(ids))
	if err != nil || !slices.Equal(back, ids) {
		t.Errorf("ids %v came back as %v (%v)", ids, back, err)
	}
	ps := []posting{{0, 1}, {31, 63}, {32, 7}, {5000, 30}}
	got, err := decodePostings(encodePostings(ps))
	if err != nil || !slices.Equal(got, ps) {
		t.Errorf("postings %v came back as %v (%v)", ps, got, err)
	}
	if _, err := decodePostings("A"); err == nil {
		t.Error("a list ending inside a number decoded without error")
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"delivery", "delivery", false}, // the same word is no edit (and matched as exact)
		{"delivery", "delivary", true},  // changed
		{"delivery", "delivry", true},   // deleted
		{"delivery", "deliveery", true}, // inserted
		{"delivery", "delievry", true},  // swapped
		{"delivery", "xelivery", false}, // the first letter is never forgiven
		{"delivery", "dleivery", true},  // the second and third swapped
		{"delivery", "edlivery", false}, // nor swapped away
		{"delivery", "deliver", true},
		{"delivery", "delive", false}, // two letters short
		{"pesukone", "pesukane", true},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// testIndex builds docs into an in-memory index.
func testIndex(t *testing.T, lang string, docs []Doc) *Index {
	t.Helper()
	files, err := Build(lang, docs)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m["search/"+name] = &fstest.MapFile{Data: data}
	}
	ix, err := Open(m, "search")
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func urls(res Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}

var docs = []Doc{
	{URL: "cases/a/", Kind: "case", Title: "Delivery went wrong", Body: "The courier dropped the parcel.", Industry: "retail", Tags: []string{"delivery"}},
	{URL: "cases/b/", Kind: "case", Title: "A delivary story", Body: "A misspelt word, on purpose.", Industry: "airline"},
	{URL: "cases/c/", Kind: "case", Title: "Deliveries at night", Body: "The parcel came at midnight.", Industry: "retail", Tags: []string{"night"}},
	{URL: "frameworks/d/", Kind: "framework", Title: "The parcel framework", Body: "About parcels and couriers."},
}

func TestExactBeatsOtherFormsAndTypos(t *testing.T) {
	ix := testIndex(t, "en", docs)
	res, err := Query(ix, Request{Text: "delivery"})
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(res); !slices.Equal(got, []string{"cases/a/", "cases/c/", "cases/b/"}) {
		t.Errorf("delivery: %v, want the exact word, then another form, then the typo", got)
	}
}

func TestPhraseAndWords(t *testing.T) {
	ix := testIndex(t, "en", docs)
	res, err := Query(ix, Request{Text: `"the parcel came"`})
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(res); len(got) == 0 || got[0] != "cases/c/" {
		t.Errorf("phrase: %v, want cases/c/ first", got)
	}
	res, _ = Query(ix, Request{Text: "parcel midnight"})
	if got := urls(res); !slices.Equal(got, []string{"cases/c/"}) {
		t.Errorf("two words must both match: %v", got)
	}
	res, _ = Query(ix, Request{Text: "the of and"})
	if res.Total != 0 {
		t.Errorf("a query of stop words found %d pages", res.Total)
	}
}

func TestFacets(t *testing.T) {
	ix := testIndex(t, "en", docs)
	res, err := Query(ix, Request{Filter: map[string]string{"industry": "retail"}, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(res); !slices.Equal(got, []string{"cases/a/", "cases/c/"}) {
		t.Errorf("industry=retail alone: %v", got)
	}
	// The industry facet counts as if no industry were chosen; the others
	// count within retail.
	want := map[string][]FacetCount{
		"industry": {{"airline", 1}, {"retail", 2}},
		"type":     {{"case", 2}, {"framework", 0}},
		"tag":      {{"delivery", 1}, {"night", 1}},
	}
	if !reflect.DeepEqual(res.Facets, want) {
		t.Errorf("facets %v, want %v", res.Facets, want)
	}
	res, _ = Query(ix, Request{Text: "parcel", Filter: map[string]string{"type": "framework"}})
	if got := urls(res); !slices.Equal(got, []string{"frameworks/d/"}) {
		t.Errorf("parcel in frameworks: %v", got)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, err := Build("en", docs)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	slices.Reverse(shuffled)
	b, _ := Build("en", shuffled)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds of the same pages", name)
		}
	}
}

func TestQueryReportsWhatItRead(t *testing.T) {
	ix := testIndex(t, "en", docs)
	res, err := Query(ix, Request{Text: "courier", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) < 3 || res.Bytes == 0 {
		t.Errorf("a query read %v (%d bytes); want a dictionary piece, a shard and a record", res.Files, res.Bytes)
	}
	for _, f := range res.Files {
		if f == "search/facets.js" {
			t.Errorf("a query without facets read facets.js")
		}
	}
}

// FuzzQuery: any query text runs without error on a small index.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"delivery", `"the parcel`, "pesukoneesta", "ä", "\"\"\"", "x y z", "déliveŕy"} {
		f.Add(s)
	}
	files, err := Build("en", docs)
	if err != nil {
		f.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m["search/"+name] = &fstest.MapFile{Data: data}
	}
	f.Fuzz(func(t *testing.T, q string) {
		ix, err := Open(m, "search")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Query(ix, Request{Text: q, Facets: true}); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
	})
}

// TestCacheBuildEqualsBuild: an index built again through a Cache, after a
// page changed, one left and one came, is the index Build makes.
func TestCacheBuildEqualsBuild(t *testing.T) {
	docs := []Doc{
		{URL: "a/", Kind: "case", Title: "Washing machine", Body: "The courier damaged the box."},
		{URL: "b/", Kind: "case", Title: "Phone operator", Body: "The helpline never answered.", Tags: []string{"support"}},
		{URL: "c/", Kind: "page", Title: "About", Body: "Who writes this."},
	}
	cache := NewCache()
	if _, err := collect(func(put func(string, []byte) error) error { return cache.Write("en", docs, put) }); err != nil {
		t.Fatal(err)
	}
	docs[0].Body = "The courier dropped the box and drove off."
	docs[1].Tags = nil
	docs = append(docs[:2], Doc{URL: "d/", Kind: "case", Title: "Mortgage", Body: "The bank missed moving day."})
	got, err := collect(func(put func(string, []byte) error) error { return cache.Write("en", docs, put) })
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build("en", docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d files through the cache, %d without", len(got), len(want))
	}
	for name, data := range want {
		if string(got[name]) != string(data) {
			t.Errorf("%s differs through the cache:\n%s\nwant\n%s", name, got[name], data)
		}
	}
	if n := len(cache.lang["en"]); n != 3 {
		t.Errorf("the cache holds %d pages, want the 3 indexed", n)
	}
}

// TestQueryLimitBelowOne: a limit of zero or less means the default, and
// never panics.
func TestQueryLimitBelowOne(t *testing.T) {
	var docs []Doc
	for i := range 15 {
		docs = append(docs, Doc{URL: fmt.Sprintf("cases/%02d/", i), Kind: "case", Title: "Courier", Body: "courier"})
	}
	ix := testIndex(t, "en", docs)
	for _, limit := range []int{-1, 0} {
		res, err := Query(ix, Request{Text: "courier", Limit: limit})
		if err != nil || len(res.Hits) != 10 {
			t.Errorf("limit %d: %d hits, %v; want the default 10", limit, len(res.Hits), err)
		}
	}
}

// TestFoldGreekSigma: ΟΔΟΣ, οδος and οδοσ are one word, whichever sigma.
func TestFoldGreekSigma(t *testing.T) {
	for _, w := range []string{"ΟΔΟΣ", "οδος", "οδοσ", "Οδός"} {
		if got := Fold(w); got != "οδοσ" {
			t.Errorf("Fold(%q) = %q, want οδοσ", w, got)
		}
	}
}
