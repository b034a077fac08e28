package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/layouts"
)

// TestEveryTextKeyExists finds the interface-text keys the built-in
// layouts and this package ask for, and checks English and Finnish have
// each, so no page ever shows a bare key.
func TestEveryTextKeyExists(t *testing.T) {
	keys := map[string]string{}
	inTemplates := regexp.MustCompile(`\.T "([a-z_]+)"`)
	counted := regexp.MustCompile(`\.Count [^"]*"([a-z_]+)"`) // a noun and its one-of form
	inGo := regexp.MustCompile(`\.T\("([a-z_]+)"\)|Text\([a-z.]+, "([a-z_]+)"\)`)
	err := fs.WalkDir(layouts.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := fs.ReadFile(layouts.FS, p)
		for _, m := range inTemplates.FindAllStringSubmatch(string(data), -1) {
			keys[m[1]] = p
		}
		for _, m := range counted.FindAllStringSubmatch(string(data), -1) {
			keys[m[1]], keys[m[1]+"_one"] = p, p
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	goFiles, _ := filepath.Glob("*.go")
	siteFiles, _ := filepath.Glob("../site/*.go")
	for _, f := range append(goFiles, siteFiles...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range inGo.FindAllStringSubmatch(string(data), -1) {
			keys[m[1]+m[2]] = f
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; the patterns no longer match the code", len(keys))
	}
	for key, where := range keys {
		for _, lang := range []string{"en", "fi"} {
			if _, ok := uiText[lang][key]; !ok {
				t.Errorf("%s asks for %q, which %s lacks", where, key, lang)
			}
		}
	}
}

func TestCount(t *testing.T) {
	en, fi := &View{Lang: "en"}, &View{Lang: "fi"}
	for _, tc := range []struct {
		got, want string
	}{
		{en.Count(1, "cases_lower"), "1 case"},
		{en.Count(0, "cases_lower"), "0 cases"},
		{en.Count(12, "industries_lower"), "12 industries"},
		{fi.Count(1, "cases_lower"), "1 tapaus"},
		{fi.Count(3, "cases_lower"), "3 tapausta"},
		{en.Count(1, "pages_lower"), "1 pages"}, // no one-of form: as the noun is
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
