package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOverrideAndErrorPosition(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, LayoutsDir)
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "page.html"), []byte("<p>{{.Title}} by override</p>\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "casebook.css"), []byte("body{}"), 0o644)
	// Another generator's templates in the same folder are not casebook's.
	os.MkdirAll(filepath.Join(dir, "_default"), 0o755)
	os.WriteFile(filepath.Join(dir, "_default", "single.html"), []byte("{{ .Site.RegularPages.Related . | first 5 }}"), 0o644)
	os.WriteFile(filepath.Join(dir, "case.html.swp"), []byte("{{"), 0o644)
	tmpl, errs := LoadTemplates(root)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, err := tmpl.Render("page.html", &View{Title: "<Hi>"})
	if err != nil || string(out) != "<p>&lt;Hi&gt; by override</p>\n" {
		t.Errorf("override rendered %q, %v", out, err)
	}
	if string(tmpl.Assets()["casebook.css"]) != "body{}" {
		t.Errorf("asset override not used")
	}
	if _, ok := tmpl.Assets()["casebook.js"]; !ok {
		t.Errorf("built-in assets that are not overridden must stay")
	}

	os.WriteFile(filepath.Join(dir, "case.html"), []byte("line one\n  {{.Page.Nope}}\n"), 0o644)
	tmpl, errs = LoadTemplates(root)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, err = tmpl.Render("case.html", &View{Page: &Page{}})
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/case.html:2:") {
		t.Errorf("execution error %v; want it at layouts/case.html:2", err)
	}

	// html/template writes this one without a space after its name.
	os.WriteFile(filepath.Join(dir, "case.html"), []byte("x\n  {{ template \"nope\" . }}\n"), 0o644)
	tmpl, errs = LoadTemplates(root)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, err = tmpl.Render("case.html", &View{Page: &Page{}})
	if err == nil || !strings.HasPrefix(err.Error(), `layouts/case.html:2:14: error: no such template "nope"`) {
		t.Errorf("execution error %v; want it at layouts/case.html:2:14", err)
	}

	os.WriteFile(filepath.Join(dir, "term.html"), []byte("ok\n{{if}}\n"), 0o644)
	_, errs = LoadTemplates(root)
	if len(errs) != 1 || !strings.HasPrefix(errs.Error(), "layouts/term.html:2:1: error: ") {
		t.Errorf("parse error %q; want it at layouts/term.html:2:1", errs)
	}
}
