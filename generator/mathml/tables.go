package mathml

import "strings"

// align is how a table cell's content sits in its column.
type align byte

const (
	alignCenter align = 'c'
	alignLeft   align = 'l'
	alignRight  align = 'r'
)

// table reads cells split by & and rows split by \\ up to a stop other
// than those two. A last row left empty by a closing \\ is dropped.
func (p *parser) table(stops stop) [][]string {
	var rows [][]string
	var cells []string
	for {
		cells = append(cells, row(p.sequence(stops)))
		if p.eof() {
			break
		}
		if p.src[p.pos] == '&' {
			p.pos++
			continue
		}
		if name, end := p.commandAt(); p.src[p.pos] == '\\' && (name == "\\" || name == "cr") {
			p.pos = end
			p.optional() // \\[4pt]: extra space between rows, not kept
			rows, cells = append(rows, cells), nil
			continue
		}
		break // \end, } or \right: the caller's
	}
	rows = append(rows, cells)
	if last := rows[len(rows)-1]; len(rows) > 1 && len(last) == 1 && last[0] == "<mrow></mrow>" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// aligning are the environments that align pairs of columns at & as
// amsmath does: right, left, right, left.
var aligning = map[string]bool{
	"aligned": true, "align": true, "align*": true, "alignat": true, "alignat*": true,
	"split": true, "eqnarray": true, "eqnarray*": true,
}

// displayed are the environments whose cells are set in display style.
var displayed = map[string]bool{
	"gathered": true, "gather": true, "gather*": true, "equation": true, "equation*": true,
	"multline": true, "multline*": true,
}

// environment reads \begin{name} ... \end{name}, whose \begin is read.
func (p *parser) environment() atom {
	name := strings.TrimSpace(p.raw())
	fence, known := matrices[name]
	var columns []align
	if name == "array" || name == "alignat" || name == "alignat*" {
		for _, c := range p.raw() { // array's column spec, {c|cc}; alignat's column count
			if c == 'l' || c == 'c' || c == 'r' {
				columns = append(columns, align(c))
			}
		}
	}
	saved := p.style
	p.style = aligning[name] || displayed[name]
	rows := p.table(stopCell | stopEnv | stopBrace)
	p.style = saved
	if !p.eof() && p.src[p.pos] == '\\' {
		if end, after := p.commandAt(); end == "end" {
			p.pos = after
			p.raw()
		}
	}
	cellAlign := func(row, col int) align {
		switch {
		case aligning[name] && col%2 == 0:
			return alignRight
		case aligning[name], name == "cases", name == "rcases":
			return alignLeft
		case col < len(columns):
			return columns[col]
		}
		return alignCenter
	}
	if aligning[name] {
		for _, r := range rows {
			for i := 1; i < len(r); i += 2 {
				// An empty identifier before the relation that usually opens
				// the cell spaces it as a relation, not a prefix sign.
				r[i] = "<mrow><mi></mi>" + r[i] + "</mrow>"
			}
		}
	}
	class := "tex-" + strings.TrimSuffix(name, "*")
	if !known {
		class = "tex-unknown"
	}
	table := mtable(rows, cellAlign, class)
	if name == "smallmatrix" {
		table = `<mstyle scriptlevel="1">` + table + "</mstyle>"
	}
	if fence.open != "" || fence.close != "" {
		table = "<mrow>" + fenceMo(fence.open, "prefix") + table + fenceMo(fence.close, "postfix") + "</mrow>"
	}
	if !known {
		return atom{xml: `<merror title="unknown TeX environment ` + escape(name) + `">` + table + "</merror>"}
	}
	return atom{xml: table}
}

func fenceMo(s, form string) string {
	if s == "" {
		return ""
	}
	return `<mo fence="true" form="` + form + `" stretchy="true">` + escape(s) + "</mo>"
}

// mtable writes rows as a table. Chromium's MathML Core ignores
// columnalign, so the alignment is a class the stylesheet turns into
// text-align as well.
func mtable(rows [][]string, cellAlign func(row, col int) align, class string) string {
	var b strings.Builder
	b.WriteString("<mtable")
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	b.WriteByte('>')
	for i, r := range rows {
		b.WriteString("<mtr>")
		for j, cell := range r {
			switch cellAlign(i, j) {
			case alignLeft:
				b.WriteString(`<mtd columnalign="left" class="tex-left">`)
			case alignRight:
				b.WriteString(`<mtd columnalign="right" class="tex-right">`)
			default:
				b.WriteString("<mtd>")
			}
			b.WriteString(cell)
			b.WriteString("</mtd>")
		}
		b.WriteString("</mtr>")
	}
	b.WriteString("</mtable>")
	return b.String()
}
