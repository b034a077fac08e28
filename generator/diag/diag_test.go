package diag

import "testing"

func TestLineIndex(t *testing.T) {
	x := NewLineIndex([]byte("ab\ncd\n\nef"))
	for off, want := range map[int][2]int{0: {1, 1}, 1: {1, 2}, 3: {2, 1}, 6: {3, 1}, 7: {4, 1}, 8: {4, 2}} {
		if l, c := x.Position(off); l != want[0] || c != want[1] {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, l, c, want[0], want[1])
		}
	}
}

func TestSortAndDedupe(t *testing.T) {
	var l List
	l.Errorf(Pos{Path: "b.md", Line: 1, Col: 1}, "second file")
	l.Warnf(Pos{Path: "a.md", Line: 10, Col: 2}, "orphan")
	l.Errorf(Pos{Path: "a.md", Line: 2, Col: 5}, "early")
	l.Errorf(Pos{Path: "a.md", Line: 2, Col: 5}, "early")
	l.Sort()
	want := "a.md:2:5: error: early\na.md:10:2: warning: orphan\nb.md:1:1: error: second file"
	if l.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", l, want)
	}
	if !l.HasErrors() || len(l.Warnings()) != 1 || l.Warnings().HasErrors() || l.Warnings().Err() != nil {
		t.Errorf("severities mixed up: %v", l)
	}
}

func TestStringPointsOnlyAtAFile(t *testing.T) {
	for _, c := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{Path: "content/a.md", Line: 3, Col: 7}, Severity: Error, Message: "bad"}, "content/a.md:3:7: error: bad"},
		{Diagnostic{Pos: Pos{Path: "casebook.yaml"}, Severity: Warning, Message: "odd"}, "casebook.yaml: warning: odd"},
		{Diagnostic{Severity: Error, Message: `"x": no case is called that`}, `error: "x": no case is called that`},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}
