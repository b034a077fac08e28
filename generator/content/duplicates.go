package content

import (
	"fmt"
	"strings"

	"github.com/casebook-cx/casebook/generator/diag"
)

// duplicateTitles warns at each of two or more pages of one language that
// share a title (case aside): [[that title]] names them all, so the first
// link anyone writes to it will be an error. Warning now, before anyone
// links, lets the writer tell them apart while it is cheap.
func duplicateTitles(pages []*Page) diag.List {
	var warnings diag.List
	byTitle := map[string][]*Page{}
	var order []string
	for _, p := range pages {
		if p.Kind == KindSection || p.Title == "" {
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
			var others []string
			for _, o := range same {
				if o != p {
					others = append(others, o.File)
				}
			}
			at := p.TitleAt
			if at.Line == 0 {
				at = diag.Pos{Path: p.File, Line: 1, Col: 1}
			}
			warnings.Add(diag.Diagnostic{Pos: at, Severity: diag.Warning, Rule: "duplicate-title",
				Message: fmt.Sprintf("title %q is also the title of %s; a [[%s]] link would name both, so give one another title",
					p.Title, strings.Join(others, ", "), p.Title)})
		}
	}
	return warnings
}
