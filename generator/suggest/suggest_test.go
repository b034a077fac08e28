package suggest

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"frameworks", "frameworks", 0},
		{"framworks", "frameworks", 1}, // a letter left out
		{"industy", "industry", 1},     // a letter left out
		{"recieve", "receive", 1},      // two letters swapped
		{"Title", "title", 0},          // case does not count
		{"kitten", "sitting", 3},       // the classic
		{"pesukone", "pesukoneen", 2},  // letters added
		{"ä", "a", 1},                  // runes, not bytes
		{"abc", "", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"title", "summary", "frameworks", "industry", "tags", "source"}
	for _, c := range []struct{ typed, want string }{
		{"framworks", "frameworks"},
		{"industy", "industry"},
		{"sumary", "summary"},
		{"tgas", "tags"},
		{"customer_quote", ""}, // a parameter of the writer's own: nothing near
		{"owner", ""},
		{"x", ""},
	} {
		if got := Closest(c.typed, keys); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	titles := []string{"Service recovery paradox", "Expected, target, delivered", "service-recovery-paradox"}
	if got := Closest("Service recovry paradox", titles); got != "Service recovery paradox" {
		t.Errorf("title slip: got %q", got)
	}
}

func TestRankOrder(t *testing.T) {
	got := Rank("jobs-to-be-done", []string{"care-across-the-chain", "jobs-to-be-done-lite", "expected-target-delivered", "jobs"})
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	want := []string{"jobs-to-be-done-lite", "jobs", "care-across-the-chain", "expected-target-delivered"}
	if !slices.Equal(names, want) {
		t.Errorf("Rank order = %v, want %v", names, want)
	}
	if s := Names(got, 2, func(s string) string { return "`" + s + "`" }); s != "`jobs-to-be-done-lite`, `jobs`, and 2 more" {
		t.Errorf("Names = %q", s)
	}
}
