package site

import (
	"strings"

	"github.com/casebook-cx/casebook/generator/diag"
)

// Rule ids name each kind of problem for tools: an editor's quick fixes,
// a CI filter. New diagnostics set theirs where they are made; those made
// with plain Errorf get one here from the wording of their message, which
// the fixture tests hold fixed. docs/diagnostics.md lists them all.
var messageRules = []struct{ contains, rule string }{
	{"invalid YAML", "yaml-syntax"},
	{"want a number from 0 to 10", "score-range"},
	{"unknown field", "unknown-field"},
	{"given twice", "duplicate-key"},
	{"not valid UTF-8", "not-utf8"},
	{"empty file;", "empty-file"},
	{"missing front matter;", "no-front-matter"},
	{"front matter is never closed", "front-matter-unclosed"},
	{"one page may be", "file-too-large"},
	{"is also made by", "url-collision"},
	{"is where casebook puts", "reserved-path"},
	{"rendering Markdown", "markdown"},
	{"title: missing", "missing-field"},
	{"must not be empty", "missing-field"},
	{": missing ", "missing-field"},
	{": want ", "wrong-type"},
}

// classify gives every diagnostic without a rule id the one its message
// calls for.
func classify(errs diag.List) {
	for i := range errs {
		d := &errs[i]
		if d.Rule != "" {
			continue
		}
		switch {
		case d.Path == "casebook.yaml":
			d.Rule = "config"
		case strings.HasPrefix(d.Path, "layouts/"):
			d.Rule = "template"
		}
		for _, r := range messageRules {
			if d.Rule == "" && strings.Contains(d.Message, r.contains) {
				d.Rule = r.rule
			}
		}
		if d.Rule == "" {
			d.Rule = "other"
		}
	}
}
