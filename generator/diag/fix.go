package diag

// Fix is an edit that would cure a diagnostic: replace the text from
// Line:Col up to EndLine:EndCol (exclusive) of the diagnostic's file with
// NewText. Columns count bytes, as in Pos.
type Fix struct {
	Title   string `json:"title"` // what the edit does, for an editor's menu: "Change to `frameworks`"
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	EndLine int    `json:"endLine"`
	EndCol  int    `json:"endCol"`
	NewText string `json:"newText"`
}

// same reports whether two diagnostics say the same thing at the same
// place, fixes included, so that Sort can drop repeats.
func (d Diagnostic) same(o Diagnostic) bool {
	if d.Fix != nil && o.Fix != nil {
		if *d.Fix != *o.Fix {
			return false
		}
	} else if d.Fix != o.Fix {
		return false
	}
	a, b := d, o
	a.Fix, b.Fix = nil, nil
	return a == b
}

// Span sets where the offending text ends, given its length in bytes on
// the diagnostic's line.
func (d Diagnostic) Span(length int) Diagnostic {
	d.EndLine, d.EndCol = d.Line, d.Col+length
	return d
}

// Replace attaches a fix that puts newText in place of the text the
// diagnostic spans (see Span), titled title. Without a span yet, the fix
// has no range either, and Place gives it the span's once it finds it.
func (d Diagnostic) Replace(title, newText string) Diagnostic {
	d.Fix = &Fix{Title: title, NewText: newText}
	if d.EndLine != 0 {
		d.Fix.Line, d.Fix.Col, d.Fix.EndLine, d.Fix.EndCol = d.Line, d.Col, d.EndLine, d.EndCol
	}
	return d
}

// Ruled gives a diagnostic a rule id if it has none yet.
func (d Diagnostic) Ruled(rule string) Diagnostic {
	if d.Rule == "" {
		d.Rule = rule
	}
	return d
}
