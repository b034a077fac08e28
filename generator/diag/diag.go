// Package diag holds positions in source files and the lists of errors and
// warnings a build collects. It knows nothing of pages or sites, so every
// other package can report through it.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in a file: a path relative to the site root, and a 1-based
// line and column (columns count bytes, as go/token does).
type Pos struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.Path
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// Severity separates what stops a build from what is only worth knowing.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one message tied to a position. EndLine and EndCol, when
// set, mark where the offending text ends (the column after its last
// byte); Rule names the kind of problem for tools (see docs/diagnostics.md);
// Fix, when there is one, is the edit that would most likely cure it.
type Diagnostic struct {
	Pos
	EndLine  int      `json:"endLine,omitempty"`
	EndCol   int      `json:"endCol,omitempty"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule,omitempty"`
	Message  string   `json:"message"`
	Fix      *Fix     `json:"fix,omitempty"`
}

func (d Diagnostic) String() string {
	if d.Path == "" { // a wrong command line: nothing in a file to point at
		return string(d.Severity) + ": " + d.Message
	}
	return d.Pos.String() + ": " + string(d.Severity) + ": " + d.Message
}

// List collects diagnostics from many sources; the zero value is ready to use.
// It is not safe for concurrent use: parallel stages keep their own lists and
// Append them.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add adds one diagnostic made whole by its caller.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error (warnings do not fail a build).
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns only the errors, Warnings only the warnings.
func (l List) Errors() List   { return l.filter(Error) }
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders by path, line, column, then message, and drops exact repeats,
// so the same input always prints the same report.
func (l *List) Sort() {
	slices.SortFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	*l = slices.CompactFunc(*l, Diagnostic.same)
}

// Error makes a List usable as an error: one diagnostic a line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Err returns the list as an error if it holds any error, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// LineIndex turns byte offsets in a text into line and column numbers.
type LineIndex struct {
	starts []int // byte offset where each line begins
}

// NewLineIndex indexes src.
func NewLineIndex(src []byte) *LineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{starts: starts}
}

// Position returns the 1-based line and column of a byte offset.
func (x *LineIndex) Position(offset int) (line, col int) {
	i, found := slices.BinarySearch(x.starts, offset)
	if !found {
		i--
	}
	return i + 1, offset - x.starts[i] + 1
}
