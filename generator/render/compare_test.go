package render

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/content"
)

func comparedCase(slug string, stages []string, chain ...content.Actor) *Page {
	p := &Page{Page: &content.Page{Slug: slug, Title: strings.ToUpper(slug), Lang: "en", Kind: content.KindCase, Chain: chain}}
	for i, s := range stages {
		p.Journey = append(p.Journey, content.Stage{Stage: s, Expected: 8, Target: 7, Delivered: 6 - i})
	}
	return p
}

// TestCompareChartMatchesStagesByName: a stage two cases share is one
// place on the chart, however it is capitalised; a stage a case lacks
// breaks its line.
func TestCompareChartMatchesStagesByName(t *testing.T) {
	v := NewView(&Site{}, "compare", "compare/a--b/", "en", "")
	v.Pages = []*Page{comparedCase("a", []string{"Buy", "Delivery", "Use"}), comparedCase("b", []string{"buy ", "Install", "Use"})}
	svg := string(v.CompareChart())
	stages := regexp.MustCompile(`class="stage"[^>]*>([^<]*)<`).FindAllStringSubmatch(svg, -1)
	var names []string
	for _, m := range stages {
		names = append(names, m[1])
	}
	if strings.Join(names, ",") != "Buy,Delivery,Use,Install" {
		t.Errorf("stages along the chart: %v, want Buy, Delivery, Use, Install", names)
	}
	// Case b has no Delivery (the second place): its delivered line breaks
	// into a run of one point (not drawn) and a run from Use to Install.
	b := svg[strings.LastIndex(svg, `class="series case-1"`):]
	if n := strings.Count(b, `<polyline class="delivered"`); n != 1 {
		t.Errorf("case b's delivered line is %d polylines, want 1 (Use to Install; Buy alone is a point)", n)
	}
	if n := strings.Count(b, `class="mark"`); n != 3 {
		t.Errorf("case b has %d points, want 3", n)
	}
}

func TestCompareRolesAlignsChains(t *testing.T) {
	v := NewView(&Site{}, "compare", "compare/a--b/", "en", "")
	v.Pages = []*Page{
		comparedCase("a", nil, content.Actor{Actor: "Shop", Role: "seller"}, content.Actor{Actor: "Courier", Role: "subcontractor"}, content.Actor{Actor: "Fitter", Role: "Subcontractor"}),
		comparedCase("b", nil, content.Actor{Actor: "Courier B", Role: "subcontractor"}, content.Actor{Actor: "Bank"}),
	}
	var got []string
	for _, r := range v.CompareRoles() {
		row := r.Role + ":"
		for _, cell := range r.Cells {
			var names []string
			for _, a := range cell {
				names = append(names, a.Actor)
			}
			row += " [" + strings.Join(names, "+") + "]"
		}
		got = append(got, row)
	}
	want := "seller: [Shop] [] | subcontractor: [Courier+Fitter] [Courier B] | Bank: [] [Bank]"
	if strings.Join(got, " | ") != want {
		t.Errorf("rows %q, want %q", strings.Join(got, " | "), want)
	}
}

func TestPairPathIsOneForEitherOrder(t *testing.T) {
	if a, b := PairPath("fi/", "sofa", "lamp"), PairPath("fi/", "lamp", "sofa"); a != b || a != "fi/compare/lamp--sofa/" {
		t.Errorf("PairPath: %q and %q", a, b)
	}
}

// clipBefore is Clip as it was, through a []rune copy: the oracle for
// TestClipIsAsBefore.
func clipBefore(s string, n int) Clipped {
	s = strings.TrimSpace(s)
	if (len(s) <= n || utf8.RuneCountInString(s) <= n) && utf8.ValidString(s) {
		return Clipped{Text: s}
	}
	r := []rune(s)
	if len(r) <= n {
		return Clipped{Text: string(r)}
	}
	cut := r[:n-1]
	last := -1
	for i := len(cut) - 1; i >= 0; i-- {
		if unicode.IsSpace(cut[i]) {
			last = i
			break
		}
	}
	if last > n/2 {
		cut = cut[:last]
	}
	return Clipped{Text: strings.TrimRightFunc(string(cut), func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) }) + "…", Cut: true}
}

// Clip cuts exactly where it did before it walked the text in place, on
// random texts of spaces, punctuation, accents and broken UTF-8.
func TestClipIsAsBefore(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	parts := []string{"a", "word", " ", "  ", "\t", ".", ",", "ä", "ö", "—", "\xff", "\xe2\x82", "!", "é", "\u00a0"}
	for round := range 20000 {
		var b strings.Builder
		for range r.Intn(40) {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s, n := b.String(), 1+r.Intn(30)
		if got, want := Clip(s, n), clipBefore(s, n); got != want {
			t.Fatalf("round %d: Clip(%q, %d) = %+v, before %+v", round, s, n, got, want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
		cut  bool
	}{
		{"short", 10, "short", false},
		{"one two three four", 12, "one two…", true},
		{"välinpitämättömyys on pitkä sana", 20, "välinpitämättömyys…", true},
		{"nospacesatallinthislongword", 10, "nospacesa…", true},
	} {
		if got := Clip(tc.in, tc.n); got.Text != tc.want || got.Cut != tc.cut || len([]rune(got.Text)) > tc.n {
			t.Errorf("Clip(%q, %d) = %+v, want %q (cut %v)", tc.in, tc.n, got, tc.want, tc.cut)
		}
	}
}
