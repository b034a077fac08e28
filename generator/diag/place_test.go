package diag

import "testing"

func TestTokenEnd(t *testing.T) {
	for _, c := range []struct {
		line  string
		col   int
		token string
	}{
		{"See [[Service recovry paradox]] here.", 5, "[[Service recovry paradox]]"},
		{"An ![[photo.png]] inline", 4, "![[photo.png]]"},
		{"Also [a file](../frameworks/gone.md) and", 6, "[a file](../frameworks/gone.md)"},
		{`summary: "quoted \" text" # note`, 10, `"quoted \" text"`},
		{"frameworks: [etd, nothing-here]", 19, "nothing-here"},
		{"frameworks: [etd, nothing-here]", 13, "[etd, nothing-here]"},
		{"industy: retail   # comment", 1, "industy: retail"},
		{"date: last tuesday", 7, "last tuesday"},
		{"short", 9, ""},
	} {
		got := TokenEnd(c.line, c.col)
		if c.col-1 >= len(c.line) {
			if got != c.col {
				t.Errorf("%q at %d: end %d, want %d", c.line, c.col, got, c.col)
			}
			continue
		}
		if tok := c.line[c.col-1 : got-1]; tok != c.token {
			t.Errorf("%q at %d: token %q, want %q", c.line, c.col, tok, c.token)
		}
	}
}

func TestPlace(t *testing.T) {
	l := List{
		Diagnostic{Pos: Pos{Path: "a.md", Line: 2, Col: 5}, Severity: Error, Message: "broken"}.Replace("Fix it", "[[B]]"),
		{Pos: Pos{Path: "a.md", Line: 1, Col: 1}, Severity: Warning, Message: "orphan"},
		{Pos: Pos{Path: "gone.md", Line: 3, Col: 2}, Severity: Error, Message: "unreadable"},
	}
	reads := 0
	Place(l, func(path string) []byte {
		reads++
		if path == "a.md" {
			return []byte("---\nSee [[b]] now.\n")
		}
		return nil
	})
	if reads != 2 {
		t.Errorf("read files %d times, want once each (2)", reads)
	}
	if d := l[0]; d.EndLine != 2 || d.EndCol != 10 || d.Fix == nil || d.Fix.Line != 2 || d.Fix.Col != 5 || d.Fix.EndCol != 10 {
		t.Errorf("link: got end %d:%d fix %+v", d.EndLine, d.EndCol, d.Fix)
	}
	if d := l[1]; d.EndLine != 1 || d.EndCol != 4 {
		t.Errorf("orphan: got end %d:%d, want 1:4 (the --- line)", d.EndLine, d.EndCol)
	}
	if d := l[2]; d.EndLine != 3 || d.EndCol != 2 {
		t.Errorf("unreadable: got end %d:%d, want an empty span at 3:2", d.EndLine, d.EndCol)
	}
}
