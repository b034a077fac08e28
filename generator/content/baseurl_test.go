package content

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseBaseURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.com/casebook/", "https://example.com/casebook/"},
		{"https://example.com/casebook", "https://example.com/casebook/"},
		{"http://localhost:8080", "http://localhost:8080/"},
		{"https://user.github.io/repo", "https://user.github.io/repo/"},
		{"example.com/cases", ""},           // no scheme
		{"htps://example.com/", ""},         // misspelt scheme
		{"javascript:alert(1)", ""},         // what html/template turns into #ZgotmplZ
		{"https:///path", ""},               // no host
		{"https://example.com/?x=1", ""},    // a query would end up inside every URL
		{"https://example.com/#top", ""},    // and so would a fragment
		{"/casebook/", ""},                  // relative
		{"https://exa mple.com/", ""},       // a space
		{"ftp://example.com/casebook/", ""}, // not a web page
	} {
		got, err := ParseBaseURL(tc.in)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("ParseBaseURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestBaseURLConfigError: a wrong baseURL is an error at its value, and the
// site builds without one rather than with a broken one.
func TestBaseURLConfigError(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"title: X\nlanguages: [en]\nbaseURL: example.com/cases\n",
			`casebook.yaml:3:10: error: baseURL: want an absolute http or https URL such as https://example.com/casebook/, got "example.com/cases"`},
		{"baseURL: 'htps://example.com/'\n",
			`casebook.yaml:1:10: error: baseURL: want an absolute http or https URL such as https://example.com/casebook/, got "htps://example.com/"`},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, errs := LoadConfig(dir)
		if errs.Error() != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", errs, tc.want)
		}
		if cfg.BaseURL != "" {
			t.Errorf("BaseURL kept as %q after an error", cfg.BaseURL)
		}
	}
}
