package content

import (
	"fmt"
	"strings"

	"github.com/casebook-cx/casebook/generator/diag"
)

// duplicateTitles warns at each of two or more pages of one language that
// share a title written in front matter (case aside): [[that title]]
// names them all, so the first link anyone writes to it will be an error.
// Warning now, before anyone links, lets the writer tell them apart while
// it is cheap. Titles a page takes from elsewhere (its file name) are
// left alone: notes named alike in different folders are common and
// linked by path.
func duplicateTitles(pages []*Page) diag.List {
	var warnings diag.List
	byTitle := map[string][]*Page{}
	var order []string
	for _, p := range pages {
		if p.Kind == KindSection || p.Title == "" || p.TitleAt.Line == 0 {
			continue
		}
		key := p.Lang + "|" + strings.ToLower(strings.TrimSpace(p.Title))
		if byTitle[key] == nil {
			order = append(order, key)
		}
		byTitle[key] = append(byTitle[key], p)
	}
	for _, key := range order {
		same := byTitle[key]
		if len(same) < 2 {
			continue
		}
		for _, p := range same {
			others := filesBut(p, same)
			warnings.Add(diag.Diagnostic{Pos: p.TitleAt, Severity: diag.Warning, Rule: "duplicate-title",
				Message: fmt.Sprintf("title %q is also the title of %s; a [[%s]] link would name both, so give one another title",
					p.Title, strings.Join(others, ", "), p.Title)})
		}
	}
	return warnings
}
