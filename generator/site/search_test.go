package site

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// quotedSecret is a library whose published case quotes a sentence of a
// confidential one, so that the sentence reaches the published case's
// page and its search record; and whose static/ holds a file where the
// search index puts one of its own.
const quotedSecret = `
-- casebook.yaml --
title: Quoting Library
-- content/cases/open.md --
---
title: The open case
---
Quoting it. The overdraft was charged twice to every account in the branch.
-- content/cases/hidden.md --
---
title: Quietly kept case
confidential: true
---
The overdraft was charged twice to every account in the branch.
-- static/search/meta.js --
not the index
-- static/search/readme.txt --
beside the index
`

// The index step writes the search index before anything is rendered:
// its files must still count as written, win over static/ files of their
// names, and pass through the leak check.
func TestSearchIndexWrittenEarly(t *testing.T) {
	files, stats := buildFixture(t, strings.Replace(quotedSecret, "Quoting it. The overdraft", "Quoting it. An overdraft", 1), Options{})
	if stats.Files != len(files) {
		t.Errorf("Stats.Files = %d, but %d files were written", stats.Files, len(files))
	}
	if meta := files["search/meta.js"]; !bytes.HasPrefix(meta, []byte("cbSearch(")) {
		t.Errorf("search/meta.js is %q, not the index's", meta)
	}
	if got := string(files["search/readme.txt"]); got != "beside the index\n" {
		t.Errorf("a static file beside the index is %q", got)
	}

	root := writeSite(t, txtar.Parse([]byte(quotedSecret)))
	_, errs := Build(root, Options{}, NewMemOutput())
	inIndex := false
	for _, d := range errs {
		if d.Rule == "leak" && strings.Contains(d.Message, "output file search/r/") {
			inIndex = true
		}
	}
	if !inIndex {
		t.Errorf("the leak check found the quoted sentence in no search record:\n%s", errs)
	}
}
