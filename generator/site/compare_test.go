package site

import (
	"strings"
	"testing"
)

// TestCompareTitles: a pair's page is titled by its two cases; a
// framework's, which compares every case that applies it, by the
// framework and how many, not by hundreds of names.
func TestCompareTitles(t *testing.T) {
	out := NewMemOutput()
	if _, errs := Build("../..", Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	files := out.Files()
	for page, want := range map[string]string{
		"compare/two-stores-same-price--washing-machine/index.html": "<title>Compare: Two Stores, Same Product, Same Price · The Washing Machine Sold as Three Products · ",
		"compare/framework/care-across-the-chain/index.html":        "<title>Compare: Care Across the Chain (5) · ",
	} {
		if html := string(files[page]); !strings.Contains(html, want) {
			_, title, _ := strings.Cut(html, "<title>")
			title, _, _ = strings.Cut(title, "</title>")
			t.Errorf("%s: title %q, want it to start %q", page, title, strings.TrimPrefix(want, "<title>"))
		}
	}
}
