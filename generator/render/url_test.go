package render

import "testing"

func TestRelURL(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", "index.html"},
		{"", "cases/", "cases/index.html"},
		{"cases/x/", "", "../../index.html"},
		{"cases/x/", "cases/", "../index.html"},
		{"cases/x/", "cases/y/", "../y/index.html"},
		{"cases/x/", "frameworks/etd/#the-gaps", "../../frameworks/etd/index.html#the-gaps"},
		{"fi/cases/x/", "cases/x/photo.png", "../../../cases/x/photo.png"},
		{"cases/x/", "assets/casebook.css", "../../assets/casebook.css"},
		{"tags/ä/", "tags/ö/", "../%C3%B6/index.html"},
		{"", "a b/", "a%20b/index.html"},
	} {
		if got := RelURL(tc.from, tc.to); got != tc.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestRelFileURL(t *testing.T) {
	for _, tc := range []struct{ from, file, want string }{
		{"notes/a/", "files/Q#1 report?.pdf", "../../files/Q%231%20report%3F.pdf"},
		{"", "photo 1.png", "photo%201.png"},
	} {
		if got := RelFileURL(tc.from, tc.file); got != tc.want {
			t.Errorf("RelFileURL(%q, %q) = %q, want %q", tc.from, tc.file, got, tc.want)
		}
	}
}
