package content

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/casebook-cx/casebook/generator/diag"
)

// The YAML library names the grammar rule a file broke ("mapping values
// are not allowed in this context"), often a line after the slip. When it
// rejects front matter, explainYAML looks for the slips writers make most
// and says what to do about each, at the very character:
//
//   - a tab in a line's indentation (YAML indents with spaces only);
//   - a plain value holding ": ", which YAML reads as a second key;
//   - a [ or { that is never closed (YAML points at the next line);
//   - a quote that is never closed.
//
// It returns nothing when it finds none of them, and the library's own
// message stands.
func explainYAML(path string, src []byte, firstLine int) []diag.Diagnostic {
	lines := strings.Split(string(src), "\n")
	var out []diag.Diagnostic
	at := func(i, col int) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{Path: path, Line: firstLine + i, Col: col}, Severity: diag.Error}
	}
	block := -1 // indentation of the key owning a block scalar (| or >) being read, or -1
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if block >= 0 {
			if strings.TrimSpace(line) == "" || indent > block && !strings.Contains(line[:indent], "\t") {
				continue // the block's own text, where tabs and colons are words
			}
			block = -1
		}
		if strings.Contains(line[:indent], "\t") && strings.TrimSpace(line) != "" {
			d := at(i, strings.IndexByte(line, '\t')+1)
			d.Rule, d.Message = "yaml-tab", "invalid YAML: a tab indents this line; YAML indents with spaces only"
			d.Col = 1
			d = d.Span(indent).Replace("Indent with spaces", strings.ReplaceAll(line[:indent], "\t", "  "))
			out = append(out, d)
			continue
		}
		if m := flowItem.FindStringSubmatchIndex(line); m != nil {
			if d, ok := unclosedFlow(lines, i, m[2], at); ok {
				out = append(out, d)
			}
			continue
		}
		m := keyLine.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		valueAt := m[4]
		value := stripComment(line[valueAt:])
		switch {
		case value == "":
		case value[0] == '|' || value[0] == '>':
			block = indent
		case value[0] == '[' || value[0] == '{':
			if d, ok := unclosedFlow(lines, i, valueAt, at); ok {
				out = append(out, d)
			}
		case value[0] == '"' || value[0] == '\'':
			if !quoteCloses(lines, i, valueAt) {
				d := at(i, valueAt+1)
				d.Rule = "yaml-unclosed-quote"
				d.Message = "invalid YAML: this " + value[:1] + " is never closed; end the text with " + value[:1]
				d = d.Span(len(value)).Replace("Close the quote", value+value[:1])
				out = append(out, d)
			}
		case strings.Contains(value, ": ") || strings.HasSuffix(value, ":"):
			if strings.ContainsAny(value[:1], "&*!%@`") {
				continue
			}
			d := at(i, valueAt+1)
			d.Rule = "yaml-colon-in-value"
			d.Message = "invalid YAML: this value holds \": \", which YAML reads as another key; put the value in quotes"
			d = d.Span(len(value)).Replace("Put the value in quotes", quoteYAML(value))
			out = append(out, d)
		}
	}
	return out
}

// keyLine matches "key: value" and "- key: value"; group 2 is the value.
var keyLine = regexp.MustCompile(`^\s*(?:-\s+)?([^\s#"'\[\]{},:-][^#:]*|"[^"]*"|'[^']*'):(?:\s+|$)(.*)$`)

// flowItem matches a list item that is a [list] or {mapping}; group 1
// starts at its bracket.
var flowItem = regexp.MustCompile(`^\s*-\s+([\[{].*)$`)

// stripComment drops a trailing " # comment" from a plain value and the
// spaces around it.
func stripComment(v string) string {
	inQuote := byte(0)
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.ContainsRune("[{, ", rune(v[i-1])) {
				inQuote = c
			}
		case c == '#' && i > 0 && (v[i-1] == ' ' || v[i-1] == '\t'):
			return strings.TrimSpace(v[:i])
		}
	}
	return strings.TrimSpace(v)
}

// quoteYAML writes s as a double-quoted YAML scalar.
func quoteYAML(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// quoteCloses reports whether the quote opening at byte col of lines[i]
// closes, on that line or a later one (quoted text may run over lines).
func quoteCloses(lines []string, i, col int) bool {
	q := lines[i][col]
	rest := lines[i][col+1:]
	for {
		for j := 0; j < len(rest); j++ {
			switch {
			case q == '"' && rest[j] == '\\':
				j++
			case rest[j] == q && q == '\'' && j+1 < len(rest) && rest[j+1] == '\'':
				j++ // '' is a quote inside single quotes
			case rest[j] == q:
				return true
			}
		}
		if i++; i >= len(lines) {
			return false
		}
		rest = lines[i]
	}
}

// unclosedFlow follows a [ or { list opening at byte col of lines[i]
// until it closes. Flow lists may run over lines, but a line that reads
// as the next key of the front matter (no deeper indented than the line
// that opened the list) means the writer forgot to close it. It reports
// the bracket left open, or the one closed by the wrong kind of bracket.
func unclosedFlow(lines []string, i, col int, at func(i, col int) diag.Diagnostic) (diag.Diagnostic, bool) {
	type open struct{ line, col int }
	var stack []open
	startIndent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
	closer := map[byte]byte{'[': ']', '{': '}'}
	what := map[byte]string{'[': "list", '{': "mapping"}
	report := func(o open, msg string, fix bool) (diag.Diagnostic, bool) {
		d := at(o.line, o.col+1).Span(1)
		d.Rule, d.Message = "yaml-unclosed-bracket", msg
		if fix {
			// Close whatever is open at the end of the opening line, the
			// usual place for a list written on one line.
			line := lines[o.line]
			end := len(strings.TrimRight(stripCommentKeep(line), " "))
			var closers []byte
			for k := len(stack) - 1; k >= 0; k-- {
				closers = append(closers, closer[lines[stack[k].line][stack[k].col]])
			}
			d.Fix = &diag.Fix{Title: "Close it", Line: d.Line, Col: end + 1, EndLine: d.Line, EndCol: end + 1, NewText: string(closers)}
		}
		return d, true
	}
	for ln := i; ln < len(lines); ln++ {
		line := lines[ln]
		from := 0
		if ln == i {
			from = col
		} else if len(stack) > 0 {
			indent := len(line) - len(strings.TrimLeft(line, " "))
			trimmed := strings.TrimSpace(line)
			nextKey := keyLine.MatchString(line) && !strings.HasPrefix(trimmed, "]") && !strings.HasPrefix(trimmed, "}")
			if trimmed != "" && indent <= startIndent && (nextKey || strings.HasPrefix(trimmed, "- ")) {
				break // the next key or list item: the list was never closed
			}
		}
		for j := from; j < len(line); j++ {
			c := line[j]
			switch {
			case c == '"' || c == '\'':
				end := strings.IndexByte(line[j+1:], c)
				if end < 0 {
					return diag.Diagnostic{}, false // a quote left open: not this check's to explain
				}
				j += end + 1
			case c == '#' && j > 0 && line[j-1] == ' ':
				j = len(line)
			case c == '[' || c == '{':
				stack = append(stack, open{ln, j})
			case c == ']' || c == '}':
				if len(stack) == 0 {
					return diag.Diagnostic{}, false
				}
				top := stack[len(stack)-1]
				want := closer[lines[top.line][top.col]]
				if c != want {
					return report(top, "invalid YAML: this "+string(lines[top.line][top.col])+" is closed by "+string(c)+
						" on line "+strconv.Itoa(at(ln, 1).Line)+"; end the "+what[lines[top.line][top.col]]+" with "+string(want), false)
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return diag.Diagnostic{}, false
				}
			}
		}
	}
	if len(stack) == 0 {
		return diag.Diagnostic{}, false
	}
	o := stack[0]
	b := lines[o.line][o.col]
	return report(o, "invalid YAML: this "+string(b)+" is never closed; end the "+what[b]+" with "+string(closer[b]), true)
}

// stripCommentKeep drops a trailing " # comment" from a line.
func stripCommentKeep(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	return line
}
