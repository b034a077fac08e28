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
	{"front matter is never closed", "front-matter-unclosed"},
	{"one page may be", "file-too-large"},
	{"is also made by", "url-collision"},
	{"is where casebook puts", "reserved-path"},
	{"rendering Markdown", "markdown"},
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

// Rules is every rule id a check may report, with what it means; the
// fixture tests fail on a diagnostic whose rule is not here, and the docs
// test on one docs/diagnostics.md does not explain.
var Rules = map[string]string{
	"yaml-tab":                "a tab in the indentation of front matter",
	"yaml-colon-in-value":     "a plain value holding \": \"",
	"yaml-unclosed-bracket":   "a [ or { never closed, or closed by the other kind",
	"yaml-unclosed-quote":     "a quote never closed",
	"yaml-syntax":             "any other YAML syntax error, in the YAML library's words",
	"frontmatter-unknown-key": "a top-level key close to a known one (warning)",
	"config-unknown-key":      "a casebook.yaml key close to a known one (warning)",
	"placeholder":             "a value still as the new page template left it (warning)",
	"duplicate-title":         "two pages of one language with one title (warning)",
	"orphan":                  "no page links to this one (warning)",
	"wrong-type":              "a value of the wrong type",
	"score-range":             "a score that is not a whole number from 0 to 10",
	"unknown-field":           "a field a journey stage, chain link, experience or ratings does not have",
	"duplicate-key":           "a key given twice",
	"missing-field":           "a required field missing or empty",
	"not-utf8":                "a file that is not UTF-8 text",
	"empty-file":              "an empty page file",
	"front-matter-unclosed":   "front matter without its closing --- line",
	"file-too-large":          "a page file over the size limit",
	"url-collision":           "two pages written to one URL",
	"reserved-path":           "a page where casebook writes its own pages",
	"link-broken":             "a link naming no page",
	"link-ambiguous":          "a link naming several pages",
	"link-missing-heading":    "a link to a heading its page does not have",
	"link-missing-file":       "a link to a file that does not exist",
	"link-confidential":       "a published page linking to a confidential page",
	"link-left-out":           "a page of an edition linking to a page the edition leaves out",
	"link-unpublished":        "a link or frameworks entry naming a draft or a publish: false page",
	"unknown-framework":       "a frameworks entry naming no framework",
	"ambiguous-framework":     "a frameworks entry naming several frameworks",
	"markdown":                "Markdown that could not be rendered",
	"config":                  "a problem in casebook.yaml",
	"template":                "a problem in a template under layouts/",
	"leak":                    "a published build's output holding a text it must not",
	"other":                   "anything else (a file that cannot be read, ...)",
}
