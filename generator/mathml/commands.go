package mathml

import (
	"regexp"
	"strconv"
	"strings"
)

// command reads the control sequence at p.pos and its arguments.
func (p *parser) command(stops stop) atom {
	name, end := p.commandAt()
	written := p.src[p.pos:end]
	p.pos = end
	if name == "" {
		return atom{xml: merror("a lone backslash", `\`)}
	}
	if len(name) == 1 {
		if s, ok := escapes[name[0]]; ok {
			return atom{xml: mo(s.text)}
		}
	}
	if w, ok := spaces[name]; ok {
		return atom{xml: `<mspace width="` + w + `"></mspace>`}
	}
	if s, ok := symbols[name]; ok {
		return atom{xml: token(s), limits: s.limits}
	}
	if l, ok := functions[name]; ok {
		text := name
		if n, ok := functionNames[name]; ok {
			text = n
		}
		return atom{xml: "<mi>" + text + "</mi>", limits: l}
	}
	if f, ok := fontCommands[name]; ok {
		if name == "rm" || name == "bf" || name == "it" || name == "cal" || name == "sf" || name == "tt" {
			p.font = f // a declaration: lasts to the end of the group
			return atom{}
		}
		saved := p.font
		p.font = f
		a := p.arg()
		p.font = saved
		return atom{xml: a}
	}
	if a, ok := accents[name]; ok {
		accented := p.accent(a.mark, a.under, a.wide)
		if name == "overbrace" || name == "underbrace" {
			accented.limits = limitsAlways // the brace's label goes over or under it
		}
		return accented
	}
	if size, ok := bigSizes[name]; ok {
		d := p.delimiter()
		if d == "" {
			return atom{}
		}
		return atom{xml: `<mo minsize="` + size + `" maxsize="` + size + `">` + escape(d) + "</mo>"}
	}
	switch name {
	case "\\", "cr", "hline", "hdashline", "nonumber", "notag", "limits", "nolimits", "strut", "mathstrut", "displaylimits":
		return atom{} // outside a table a line break has no meaning here
	case "frac", "dfrac", "tfrac", "cfrac":
		return p.fraction(name, "")
	case "binom", "dbinom", "tbinom":
		return p.fraction(name, ` linethickness="0"`)
	case "sqrt":
		index, ok := p.optional()
		body := p.arg()
		if ok {
			return atom{xml: "<mroot>" + body + row(index) + "</mroot>"}
		}
		return atom{xml: "<msqrt>" + body + "</msqrt>"}
	case "left":
		return p.fenced(stops)
	case "middle":
		return atom{xml: `<mo stretchy="true">` + escape(p.delimiter()) + "</mo>"}
	case "right":
		p.delimiter()
		return atom{xml: merror(`\right without \left`, written)}
	case "begin":
		return p.environment()
	case "end":
		env := p.raw()
		return atom{xml: merror(`\end without \begin`, `\end{`+env+`}`)}
	case "text", "textrm", "textnormal", "textup", "mbox", "hbox", "textsf", "texttt", "textmd":
		return atom{xml: text(p.raw(), fontDefault)}
	case "textbf":
		return atom{xml: text(p.raw(), fontBold)}
	case "textit", "emph":
		return atom{xml: text(p.raw(), fontItalic)}
	case "operatorname", "operatorname*", "mathop":
		l := limitsNone
		if name != "operatorname" {
			l = limitsMovable
		}
		if name == "mathop" {
			return atom{xml: p.arg(), limits: l}
		}
		op := strings.TrimSpace(strings.NewReplacer(`\,`, " ", `\;`, " ", `\ `, " ").Replace(p.raw()))
		if utf8Len(op) == 1 {
			return atom{xml: `<mi mathvariant="normal">` + escape(op) + "</mi>", limits: l}
		}
		return atom{xml: "<mi>" + escape(op) + "</mi>", limits: l}
	case "textcolor":
		c := color(p.raw())
		body := p.arg()
		if c == "" {
			return atom{xml: body}
		}
		return atom{xml: `<mstyle mathcolor="` + c + `">` + body + "</mstyle>"}
	case "overset", "stackrel", "underset":
		over := p.scriptArg()
		base := p.arg()
		if name == "underset" {
			return atom{xml: "<munder>" + base + over + "</munder>"}
		}
		return atom{xml: "<mover>" + base + over + "</mover>"}
	case "xrightarrow", "xleftarrow":
		arrow := "<mo stretchy=\"true\">→</mo>"
		if name == "xleftarrow" {
			arrow = "<mo stretchy=\"true\">←</mo>"
		}
		below, hasBelow := p.optional()
		above := p.scriptArg()
		if hasBelow {
			return atom{xml: "<munderover>" + arrow + row(below) + above + "</munderover>"}
		}
		return atom{xml: "<mover>" + arrow + above + "</mover>"}
	case "not":
		return p.negation()
	case "mod", "bmod":
		return atom{xml: `<mo lspace="0.278em" rspace="0.278em">mod</mo>`}
	case "pmod":
		return atom{xml: `<mrow><mspace width="0.444em"></mspace><mo stretchy="false">(</mo><mi>mod</mi><mspace width="0.333em"></mspace>` + p.arg() + `<mo stretchy="false">)</mo></mrow>`}
	case "boxed", "fbox":
		return atom{xml: `<mrow class="tex-boxed">` + p.arg() + "</mrow>"}
	case "phantom":
		return atom{xml: "<mphantom>" + p.arg() + "</mphantom>"}
	case "tag", "tag*":
		return atom{xml: `<mspace width="2em"></mspace><mtext>(` + escape(p.raw()) + ")</mtext>"}
	case "label":
		p.raw()
		return atom{}
	case "hspace", "kern", "mkern", "mskip", "hskip":
		if w := length(p.raw()); w != "" {
			return atom{xml: `<mspace width="` + w + `"></mspace>`}
		}
		return atom{}
	}
	return atom{xml: merror(`unknown TeX command `+written, written)}
}

func utf8Len(s string) int { return len([]rune(s)) }

// token writes a symbol as its MathML token.
func token(s symbol) string {
	if s.tag == "mo" {
		return mo(s.text)
	}
	if s.normal {
		return `<mi mathvariant="normal">` + escape(s.text) + "</mi>"
	}
	return "<" + s.tag + ">" + escape(s.text) + "</" + s.tag + ">"
}

// fraction reads \frac{num}{den} and its kin.
func (p *parser) fraction(name, attrs string) atom {
	saved := p.style
	p.style = false
	num, den := p.arg(), p.arg()
	p.style = saved
	xml := "<mfrac" + attrs + ">" + num + den + "</mfrac>"
	if strings.Contains(name, "binom") {
		xml = `<mrow><mo>(</mo>` + xml + `<mo>)</mo></mrow>`
	}
	switch name[0] {
	case 'd', 'c':
		xml = `<mstyle displaystyle="true">` + xml + "</mstyle>"
	case 't':
		xml = `<mstyle displaystyle="false">` + xml + "</mstyle>"
	}
	return atom{xml: xml}
}

// accent reads the argument of \hat, \overline, \underbrace and the like.
func (p *parser) accent(mark string, under, wide bool) atom {
	base := p.arg()
	stretch := `stretchy="false"`
	if wide {
		stretch = `stretchy="true"`
	}
	m := "<mo " + stretch + ">" + escape(mark) + "</mo>"
	if under {
		return atom{xml: `<munder accentunder="true">` + base + m + "</munder>"}
	}
	return atom{xml: `<mover accent="true">` + base + m + "</mover>"}
}

// delimiter reads what follows \left, \right, \middle or \big: a
// character or a control word; "." is no delimiter at all.
func (p *parser) delimiter() string {
	p.skipSpace()
	if p.eof() {
		return ""
	}
	if p.src[p.pos] == '\\' {
		name, end := p.commandAt()
		if d, ok := delimiters[name]; ok {
			p.pos = end
			return d
		}
		return ""
	}
	c := p.src[p.pos]
	if strings.IndexByte("()[]|/<>.", c) < 0 {
		return ""
	}
	p.pos++
	switch c {
	case '.':
		return ""
	case '<':
		return "⟨"
	case '>':
		return "⟩"
	}
	return string(c)
}

// fenced reads \left( ... \right) as a row whose fences stretch to its height.
func (p *parser) fenced(stops stop) atom {
	open := p.delimiter()
	inner := p.sequence(stops | stopRight)
	closing := ""
	if !p.eof() {
		if name, end := p.commandAt(); p.src[p.pos] == '\\' && name == "right" {
			p.pos = end
			closing = p.delimiter()
		}
	}
	var b strings.Builder
	b.WriteString("<mrow>")
	if open != "" {
		b.WriteString(`<mo fence="true" form="prefix" stretchy="true">` + escape(open) + "</mo>")
	}
	for _, a := range inner {
		b.WriteString(a.xml)
	}
	if closing != "" {
		b.WriteString(`<mo fence="true" form="postfix" stretchy="true">` + escape(closing) + "</mo>")
	}
	b.WriteString("</mrow>")
	return atom{xml: b.String()}
}

// negated are the relations \not turns into a character of their own.
var negated = map[string]string{
	"=": "≠", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≈": "≉",
	"<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∣": "∤", "∥": "∦", "∃": "∄",
}

// negation reads \not and the relation it strikes out.
func (p *parser) negation() atom {
	p.skipSpace()
	if p.eof() || p.stopsHere(stopCell|stopEnv|stopBrace|stopRight) {
		return atom{xml: mo("̸")}
	}
	a := p.atom(0)
	inner, ok := strings.CutPrefix(a.xml, "<mo>")
	if !ok {
		return atom{xml: "<mrow>" + a.xml + mo("̸") + "</mrow>"}
	}
	inner = strings.TrimSuffix(inner, "</mo>")
	if n, ok := negated[unescape(inner)]; ok {
		return atom{xml: mo(n)}
	}
	return atom{xml: "<mo>" + inner + "\u0338</mo>"}
}

func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

var lengthPattern = regexp.MustCompile(`^\s*(-?[0-9]*\.?[0-9]+)\s*(em|ex|pt|px|mu)\s*$`)

// length turns a TeX length into a CSS one, or "" when it is not a plain
// number with a unit (mu, a math unit, is 1/18 em).
func length(s string) string {
	m := lengthPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if m[2] == "mu" {
		f, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return ""
		}
		return strconv.FormatFloat(f/18, 'f', 3, 64) + "em"
	}
	return m[1] + m[2]
}

// text writes \text{...}: TeX's escapes undone, spaces at the edges kept.
func text(s string, f font) string {
	s = strings.NewReplacer(`\{`, "{", `\}`, "}", `\$`, "$", `\%`, "%", `\&`, "&", `\_`, "_",
		`\#`, "#", `\ `, " ", "~", "\u00a0", `\,`, "\u2009").Replace(s)
	if f != fontDefault {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(styled(f, r))
		}
		s = b.String()
	}
	trimmed := strings.TrimLeft(s, " ")
	s = strings.Repeat("\u00a0", len(s)-len(trimmed)) + trimmed
	trimmed = strings.TrimRight(s, " ")
	s = trimmed + strings.Repeat("\u00a0", len(s)-len(trimmed))
	return "<mtext>" + escape(s) + "</mtext>"
}
