package diag

import "strings"

// Place completes diagnostics from their files' text: each one without an
// end gets the end of the token at its position (see TokenEnd), and each
// fix without a range takes the diagnostic's. source returns a file's
// text by the diagnostic's path, or nil when it cannot be read; each file
// is asked for once.
func Place(l List, source func(path string) []byte) {
	lines := map[string][]string{}
	for i := range l {
		d := &l[i]
		if d.Line == 0 || d.EndLine != 0 && (d.Fix == nil || d.Fix.Line != 0) {
			continue
		}
		ls, ok := lines[d.Path]
		if !ok {
			if src := source(d.Path); src != nil {
				ls = strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
			}
			lines[d.Path] = ls
		}
		if d.EndLine == 0 {
			d.EndLine, d.EndCol = d.Line, d.Col
			if d.Line-1 < len(ls) {
				d.EndCol = TokenEnd(ls[d.Line-1], d.Col)
			}
		}
		if d.Fix != nil && d.Fix.Line == 0 {
			fix := *d.Fix
			fix.Line, fix.Col, fix.EndLine, fix.EndCol = d.Line, d.Col, d.EndLine, d.EndCol
			d.Fix = &fix
		}
	}
}

// TokenEnd is the column just after the token that starts at col (1-based,
// in bytes) of line: a wikilink or embed up to its ]], a Markdown link up
// to its ), a quoted text up to its closing quote, a YAML [list] or
// {mapping} up to the bracket that closes it, else a plain word or value
// up to a comma, a closing bracket, a comment or the end of the line.
// A position past the line's end spans nothing.
func TokenEnd(line string, col int) int {
	start := col - 1
	if start < 0 || start >= len(line) {
		return col
	}
	s := line[start:]
	end := func(n int) int { return col + n }
	switch {
	case strings.HasPrefix(s, "[[") || strings.HasPrefix(s, "![["):
		if i := strings.Index(s, "]]"); i >= 0 {
			return end(i + 2)
		}
	case strings.HasPrefix(s, "[") && strings.Contains(s, "]("), strings.HasPrefix(s, "!["):
		if i := strings.Index(s, "]("); i >= 0 {
			if j := strings.IndexByte(s[i:], ')'); j >= 0 {
				return end(i + j + 1)
			}
		}
	case s[0] == '"' || s[0] == '\'':
		for i := 1; i < len(s); i++ {
			if s[0] == '"' && s[i] == '\\' {
				i++
				continue
			}
			if s[i] == s[0] {
				return end(i + 1)
			}
		}
		return end(len(s))
	case s[0] == '[' || s[0] == '{':
		depth := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					return end(i + 1)
				}
			}
		}
		return end(len(s))
	}
	n := len(s)
	if i := strings.IndexAny(s, ",]}"); i >= 0 {
		n = i
	}
	if i := strings.Index(s[:n], " #"); i >= 0 {
		n = i
	}
	return end(len(strings.TrimRight(s[:n], " \t")))
}
