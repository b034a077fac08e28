package site

import (
	"slices"
	"testing"
)

func TestNaturalCompare(t *testing.T) {
	titles := []string{"Framework 10", "framework 2", "Framework 1", "Week 09", "Week 10", "Week 9b", "Alpha", "alpha 2", "2020 review", "Ääni"}
	slices.SortStableFunc(titles, naturalCompare)
	want := []string{"2020 review", "Alpha", "alpha 2", "Framework 1", "framework 2", "Framework 10", "Week 09", "Week 9b", "Week 10", "Ääni"}
	if !slices.Equal(titles, want) {
		t.Errorf("got  %q\nwant %q", titles, want)
	}
	if naturalCompare("Case", "case") != 0 || naturalCompare("a1", "a01") != 0 {
		t.Errorf("case and leading zeros should not tell titles apart")
	}
}
