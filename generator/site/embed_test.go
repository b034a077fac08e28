package site

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestEmbedCycles: an embed that would show itself, through other notes
// or not, is an error at the embed that closes the loop; so is nesting
// past maxEmbedDepth. An embed of a heading shows that section alone, so
// two notes may each embed a part of the other.
func TestEmbedCycles(t *testing.T) {
	chain := ""
	for i := 1; i <= maxEmbedDepth+2; i++ {
		chain += fmt.Sprintf("-- N%d.md --\n# N%d\n\n![[N%d]]\n", i, i, i+1)
	}
	for _, tc := range []struct {
		name, notes string
		want        []string // errors, whole lines but for their ends; each embed is reported once, at the first note that reaches it
	}{
		{"a note embedding itself", "-- A.md --\n# A\n\nText.\n\n![[A]]\n",
			[]string{"A.md:5:1: error: ![[A]]: the page would show itself: A.md → A.md;"}},
		{"two notes embedding each other", "-- A.md --\n# A\n\n![[B]]\n-- B.md --\n# B\n\n![[A]]\n",
			[]string{"A.md:3:1: error: ![[B]]: the page would show itself: B.md → A.md → B.md;",
				"B.md:3:1: error: ![[A]]: the page would show itself: A.md → B.md → A.md;"}},
		{"sections of each other, no loop",
			"-- A.md --\n# A\n\n## One\n\nText of A one.\n\n## Two\n\n![[B#Three]]\n-- B.md --\n# B\n\n## Three\n\nText of B three.\n\n## Four\n\n![[A#One]]\n",
			nil},
		{"a section of itself, elsewhere on the page", "-- A.md --\n# A\n\n![[#Later]]\n\n## Later\n\nSaid later.\n", nil},
		{"sections that show each other",
			"-- A.md --\n# A\n\n## One\n\n![[B#Three]]\n-- B.md --\n# B\n\n## Three\n\n![[A#One]]\n",
			[]string{"A.md:5:1: error: ![[B#Three]]: the page would show itself: B.md#three → A.md#one → B.md#three;",
				"B.md:5:1: error: ![[A#One]]: the page would show itself: A.md#one → B.md#three → A.md#one;"}},
		{"nesting too deep", chain + "-- N7.md --\n# N7\n\nThe end.\n",
			[]string{fmt.Sprintf("N5.md:3:1: error: ![[N6]]: embeds nest %d deep here (N1.md → N2.md → N3.md → N4.md → N5.md → N6.md)", maxEmbedDepth+1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, txtar.Parse([]byte(tc.notes)))
			out := NewMemOutput()
			_, errs := Build(root, Options{}, out)
			got := errs.Errors()
			if len(tc.want) == 0 {
				if len(got) > 0 {
					t.Fatalf("errors:\n%s", got)
				}
				return
			}
			for _, want := range tc.want {
				if !strings.Contains(got.Error(), want) {
					t.Errorf("no line beginning\n%s\nin\n%s", want, got)
				}
			}
		})
	}
	root := writeSite(t, txtar.Parse([]byte("-- A.md --\n# A\n\n## One\n\nText of A one.\n\n## Two\n\n![[B#Three]]\n-- B.md --\n# B\n\n## Three\n\nText of B three.\n\n## Four\n\n![[A#One]]\n")))
	out := NewMemOutput()
	if _, errs := Build(root, Options{}, out); errs.HasErrors() {
		t.Fatal(errs)
	}
	if a := string(out.Files()["a/index.html"]); !strings.Contains(a, "Text of B three.") || strings.Contains(a, "Text of A one.</p>\n</div>") {
		t.Errorf("A shows B's section Three, and not itself through it:\n%s", a)
	}
}
