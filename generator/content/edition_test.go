package content

import "testing"

func TestEditionRewrite(t *testing.T) {
	e := &Edition{Replace: []Replacement{{From: "Hotel Aurora", To: "a Nordic hotel"}, {From: "Aurora", To: "the hotel"}, {From: "hotel", To: "inn"}}}
	for _, tc := range []struct{ in, want string }{
		{"Hotel Aurora opened.", "a Nordic hotel opened."},                            // longest first
		{"Aurora, not Auroras or NeoAurora.", "the hotel, not Auroras or NeoAurora."}, // whole words
		{"AURORA and aurora", "AURORA and aurora"},                                    // case as written
		{"the hotel", "the inn"},                                                      // a replacement is not replaced again
		{"[[hotel-aurora]] and hotel-aurora-fees", "[[a-nordic-hotel]] and a-nordic-hotel-fees"},
		{"Åurora Aurora", "Åurora the hotel"},
	} {
		if got := e.Rewrite(tc.in); got != tc.want {
			t.Errorf("Rewrite(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := e.RewriteSlug("cases/hotel-aurora-fees"); got != "cases/a-nordic-hotel-fees" {
		t.Errorf("RewriteSlug = %q", got)
	}
}

func TestEditionTakes(t *testing.T) {
	e := &Edition{
		Include: Filter{"client": {"Acme"}, "tags": {"hotels"}},
		Exclude: Filter{"paths": {"cases/spa-*"}, "kind": {"page"}},
	}
	for _, tc := range []struct {
		rel  string
		p    *Page
		want bool
	}{
		{"cases/a.md", &Page{Kind: KindCase, Params: map[string]any{"client": "acme"}}, true},
		{"cases/b.md", &Page{Kind: KindCase, Params: map[string]any{"client": []any{"zeta", "ACME"}}}, true},
		{"cases/c.md", &Page{Kind: KindCase, Tags: []string{"Hotels"}}, true},
		{"cases/d.md", &Page{Kind: KindCase, Params: map[string]any{"client": "zeta"}}, false},
		{"cases/spa-day.md", &Page{Kind: KindCase, Tags: []string{"hotels"}}, false},
		{"frameworks/gaps.md", &Page{Kind: KindFramework}, true}, // include chooses cases only
		{"about.md", &Page{Kind: KindPage}, false},
	} {
		if got := e.Takes(tc.p, tc.rel); got != tc.want {
			t.Errorf("Takes(%s) = %v, want %v", tc.rel, got, tc.want)
		}
	}
}

func TestContainsWord(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"a sofa chair", "Sofa", true},
		{"SOFA", "sofa", true},
		{"the sofas", "sofa", false},
		{"a resofa", "sofa", false},
		{"sofas and a sofa", "sofa", true},
		{"a client", "Zeta Oy", false},
		{"the HR team", "HR", false},           // too short for the leak check to search
		{"ärla oy", "Ärla", false},             // the leak check folds ASCII letters only
		{"a  Zeta   Oy firm", "Zeta Oy", true}, // runs of spaces are one
	} {
		if got := containsWord(tc.text, tc.word); got != tc.want {
			t.Errorf("containsWord(%q, %q) = %v", tc.text, tc.word, got)
		}
	}
}
