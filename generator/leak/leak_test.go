package leak

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	secrets := []Secret{
		{Text: "Hotel Aurora", What: "a name"},
		{Text: "/zephyr/", What: "a slug"},
		{Text: "Ben & Jerry's", What: "escaped"},
		{Text: "fee 40k", What: "a fee"},
		{Text: "HR", What: "too short"},
		{Text: "Ääni", What: "not ASCII"},
	}
	s := New(secrets)
	if s.Len() != 5 {
		t.Errorf("Len = %d, want 5 (HR is too short)", s.Len())
	}
	for _, tc := range []struct {
		name, data string
		want       []string // "what@offset" or "what@name:offset"
	}{
		{"a.html", "<p>At Hotel Aurora we</p>", []string{"a name@6"}},
		{"a.html", "<p>at HOTEL\n  aurora</p>", []string{"a name@6"}},                        // case and line breaks
		{"a.html", "the Hotel Auroras chain", nil},                                           // not a whole word
		{"a.html", "Ben &amp; Jerry&#39;s", []string{"escaped@0"}},                           // HTML
		{"a.json", `{"t":"Ben \u0026 Jerry's"}`, []string{"escaped@6"}},                      // JSON
		{"cases/zephyr/index.html", "nothing", []string{"a slug@name:5"}},                    // folder name
		{"a.html", `<a href="../zephyr/index.html">`, []string{"a slug@11"}},                 // link
		{"a.html", "HR and hr everywhere; the fee 40k twice: fee 40k", []string{"a fee@26"}}, // first hit only
		{"a.html", "ääni ja Ääni", []string{"not ASCII@10"}},                                 // only ASCII folds
	} {
		var got []string
		for _, h := range s.Scan(tc.name, []byte(tc.data), true) {
			if h.InName {
				got = append(got, fmt.Sprintf("%s@name:%d", h.Secret.What, h.Offset))
			} else {
				got = append(got, fmt.Sprintf("%s@%d", h.Secret.What, h.Offset))
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("Scan(%q, %q) = %v, want %v", tc.name, tc.data, got, tc.want)
		}
	}
	if hits := s.Scan("assets/x.js", []byte("Hotel Aurora"), false); len(hits) != 0 {
		t.Errorf("content false still scanned the bytes: %v", hits)
	}
}

// TestFound: a hit carries the text as the output has it, which can
// differ from the secret's in case, spacing and escapes.
func TestFound(t *testing.T) {
	s := New([]Secret{{Text: "Helpline"}, {Text: "Ben & Jerry's"}, {Text: "/zephyr/"}})
	for _, tc := range []struct{ name, data, want string }{
		{"a.html", "Call the Bank helpline now", "helpline"},
		{"a.html", "Ben &amp; Jerry&#39;s", "Ben &amp; Jerry&#39;s"},
		{"a.html", "<p>HELPLINE\n  </p>", "HELPLINE"},
		{"cases/zephyr/index.html", "", "/zephyr/"},
	} {
		hits := s.Scan(tc.name, []byte(tc.data), true)
		if len(hits) != 1 || hits[0].Found != tc.want {
			t.Errorf("Scan(%q, %q) = %+v, want one hit found as %q", tc.name, tc.data, hits, tc.want)
		}
	}
}

// TestDisguisedForms: what a writer can type, or goldmark and a link can
// make of a secret, without its reader seeing any difference: no-break
// spaces in any mix with plain ones (Option+Space on a Mac), as UTF-8 or
// as HTML entities; quotes as goldmark escapes them; a file name in an
// address.
func TestDisguisedForms(t *testing.T) {
	s := New([]Secret{{Text: "Zephyr Holdings fees", What: "name"}, {Text: `the "blue" plan`, What: "quote"}})
	for _, tc := range []struct{ data, found string }{
		{"<p>for Zephyr\u00a0Holdings fees, see</p>", "Zephyr\u00a0Holdings fees"},
		{"<p>for Zephyr&nbsp;Holdings&#160;fees</p>", "Zephyr&nbsp;Holdings&#160;fees"},
		{"<p>for Zephyr&NBSP;Holdings \u202ffees</p>", "Zephyr&NBSP;Holdings \u202ffees"},
		{"{\"text\":\"Zephyr\u00a0 Holdings fees\"}", "Zephyr\u00a0 Holdings fees"}, // as encoding/json writes it
		{`<a href="https://drive.example.com/Zephyr%20Holdings%20fees.pdf">`, "Zephyr%20Holdings%20fees"},
		{`<a href="/find?q=zephyr+holdings+fees">`, "zephyr+holdings+fees"},
		{"<p>we discussed the &quot;blue&quot; plan.</p>", "the &quot;blue&quot; plan"},
	} {
		hits := s.Scan("a.html", []byte(tc.data), true)
		if len(hits) != 1 || hits[0].Found != tc.found {
			t.Errorf("Scan(%q) = %+v, want one hit found as %q", tc.data, hits, tc.found)
		}
	}
	for _, data := range []string{"Zephyr&nbsp;Holdingsfees", "Zephyr&amp;nbsp;Holdings fees", "Zephyr\u00a9Holdings fees"} {
		if hits := s.Scan("a.html", []byte(data), true); len(hits) != 0 {
			t.Errorf("Scan(%q) = %+v, want nothing: no space there", data, hits)
		}
	}
}

// TestOverlapping checks the failure links: patterns inside others, and
// one starting where another fails.
func TestOverlapping(t *testing.T) {
	s := New([]Secret{{Text: "abcd efgh", What: "long"}, {Text: "cd efgh", What: "inner"}, {Text: "d ef", What: "middle"}, {Text: "abce", What: "other"}})
	got := map[string]int{}
	for _, h := range s.Scan("x", []byte("xx abcd efgh abce"), true) {
		got[h.Secret.What] = h.Offset
	}
	want := map[string]int{"long": 3, "other": 13}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v (inner and middle are not whole words)", got, want)
	}
	s = New([]Secret{{Text: "abab", What: "x"}, {Text: "babc", What: "y"}})
	got = map[string]int{}
	for _, h := range s.Scan("x", []byte("a ababc "), true) {
		got[h.Secret.What] = h.Offset
	}
	if len(got) != 0 {
		t.Errorf("matches inside a word: %v", got)
	}
	for _, h := range s.Scan("x", []byte("ab babc abab"), true) {
		got[h.Secret.What] = h.Offset
	}
	if fmt.Sprint(got) != fmt.Sprint(map[string]int{"x": 8, "y": 3}) {
		t.Errorf("got %v", got)
	}
}

// FuzzScan compares the automaton with a plain search.
func FuzzScan(f *testing.F) {
	f.Add("abab", "babc", "xx abab babc ab")
	f.Add("Hotel Aurora", "aurora x", "hotel  aurora x")
	f.Fuzz(func(t *testing.T, p1, p2, text string) {
		secrets := []Secret{{Text: p1, What: "1"}, {Text: p2, What: "2"}}
		s := New(secrets)
		got := map[string]int{}
		for _, h := range s.Scan("", []byte(text), true) {
			got[h.Secret.What] = h.Offset
		}
		// With dense rows for the root alone, the sparse transitions
		// carry the search, and must find the same.
		saved := denseBudget
		denseBudget = 1
		sparse := New(secrets)
		denseBudget = saved
		if a, b := fmt.Sprint(s.Scan("", []byte(text), true)), fmt.Sprint(sparse.Scan("", []byte(text), true)); a != b {
			t.Errorf("dense %s, sparse %s", a, b)
		}
		for i, p := range s.secrets {
			want := -1
			needle := string(foldString(p.Text))
			hay := string(foldString(text))
			for at := 0; at+len(needle) <= len(hay); at++ {
				if hay[at:at+len(needle)] == needle && wholeWord([]byte(text), at, at+len(needle)) {
					want = at
					break
				}
			}
			g, ok := got[p.What]
			if (want >= 0) != ok || (ok && g != want) {
				// another form (escaped) may match first; only a raw match is compared
				if !(ok && want < 0) {
					t.Errorf("secret %d %q in %q: got %v (%v), want %d", i, p.Text, text, g, ok, want)
				}
			}
		}
	})
}

// BenchmarkScan searches 10,000 secrets (the left-out texts of a large
// library) in 16 MB of HTML-like text; MB/s is the check's speed per core.
func BenchmarkScan(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		n := 3 + rng.IntN(8)
		w := make([]byte, n)
		for i := range w {
			w[i] = byte('a' + rng.IntN(26))
		}
		return string(w)
	}
	var secrets []Secret
	for i := range 10000 {
		secrets = append(secrets, Secret{Text: fmt.Sprintf("%s %s %s", word(), word(), word()), What: fmt.Sprint(i)})
	}
	s := New(secrets)
	var page strings.Builder
	for page.Len() < 1<<20 {
		page.WriteString(`<p class="x">` + word() + " " + word() + ", " + word() + `.</p>` + "\n")
	}
	data := []byte(strings.Repeat(page.String(), 16))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		s.Scan("cases/x/index.html", data, true)
	}
}
