package search

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/index.golden from the index")

// TestIndexBytesAreStable pins every byte of two indexes: a generated
// library large enough for several postings shards, dictionary pieces and
// record files, and a small Finnish one. The browser client reads these
// files, so a change to them is a change of format: rewrite the golden
// file (go test -update) only when one is meant.
func TestIndexBytesAreStable(t *testing.T) {
	var got strings.Builder
	for _, c := range []struct {
		lang string
		docs []Doc
	}{
		{"en", generatedDocs(300)},
		{"fi", docs},
	} {
		files, err := Build(c.lang, c.docs)
		if err != nil {
			t.Fatal(err)
		}
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			fmt.Fprintf(&got, "%s/%s %d %x\n", c.lang, name, len(files[name]), sha256.Sum256(files[name]))
		}
	}
	const golden = "testdata/index.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	gotLines, wantLines := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	if len(gotLines) != len(wantLines) {
		t.Errorf("the index has %d files, the golden file %d (go test -update rewrites it)", len(gotLines)-1, len(wantLines)-1)
	}
	for i := range min(len(gotLines), len(wantLines)) {
		if gotLines[i] != wantLines[i] {
			t.Errorf("index file differs (go test -update rewrites it):\n got %s\nwant %s", gotLines[i], wantLines[i])
		}
	}
}

// generatedDocs makes n pages of words drawn from a fixed made-up
// vocabulary by a fixed sequence, the same on every run and platform.
func generatedDocs(n int) []Doc {
	seed := uint32(1)
	next := func(k int) int { // a linear congruential sequence, 0 <= result < k
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % k
	}
	syllables := []string{"ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "pe", "da", "jo", "hu", "bri", "ster", "ün", "ça"}
	vocabulary := make([]string, 900)
	for i := range vocabulary {
		w := ""
		for range 2 + next(3) {
			w += syllables[next(len(syllables))]
		}
		vocabulary[i] = w
	}
	text := func(words int) string {
		parts := make([]string, words)
		for i := range parts {
			parts[i] = vocabulary[next(len(vocabulary))]
		}
		return strings.Join(parts, " ")
	}
	kinds := []string{"case", "case", "framework", "page"}
	industries := []string{"", "retail", "banking", "airline"}
	out := make([]Doc, n)
	for i := range out {
		out[i] = Doc{
			URL: fmt.Sprintf("cases/p%03d/", (i*7)%n), Kind: kinds[next(len(kinds))],
			Title: text(3), Summary: text(8), Industry: industries[next(len(industries))],
			Tags: []string{vocabulary[next(20)], vocabulary[next(20)]}, Headings: []string{text(2)},
			Experience: []string{text(5), "", text(4)}, Chain: []string{text(3)}, Body: text(60 + next(400)),
		}
		if i%5 == 0 {
			out[i].Date = fmt.Sprintf("2024-%02d-%02d", 1+next(12), 1+next(28))
			out[i].Frameworks = []string{"Gaps", vocabulary[next(5)]}
		}
	}
	return out
}

// BenchmarkWrite indexes generated pages, handing the files to nothing.
func BenchmarkWrite(b *testing.B) {
	pages := generatedDocs(2000)
	for b.Loop() {
		if err := Write("en", pages, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFold folds a paragraph of plain ASCII text and one of Finnish.
func BenchmarkFold(b *testing.B) {
	for name, text := range map[string]string{
		"ascii":   strings.Repeat("Expected a Refund within the week, the Courier left the parcel at the door. ", 12),
		"finnish": strings.Repeat("Pesukoneen toimitus myöhästyi, ja kuljettaja jätti paketin ovelle. ", 12),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Fold(text)
			}
		})
	}
}
