// Package mathml converts the TeX of a note's math ($x^2$, $$\sum_i$$)
// into MathML, which browsers draw themselves: a page with math needs no
// script, no font download and no network, and reads with JavaScript off.
//
// It covers the TeX that notes use (see docs/obsidian-math-mermaid.md),
// not all of LaTeX. Convert never fails: a command it does not know is
// shown as written, inside <merror title="unknown TeX command \name">, so
// a reader sees what the writer typed and a hover says why it is odd.
package mathml

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Convert returns src as a <math> element, a block when display is set.
// The TeX itself rides along as an annotation, so copying the formula
// copies its source.
func Convert(src string, display bool) string {
	src = strings.Map(visible, strings.ToValidUTF8(src, "\uFFFD"))
	p := &parser{src: src, style: display}
	body := p.table(stopCell)
	var b strings.Builder
	b.Grow(len(src) * 8)
	b.WriteString("<math")
	if display {
		b.WriteString(` display="block"`)
	}
	b.WriteString("><semantics>")
	if len(body) == 1 && len(body[0]) == 1 {
		b.WriteString(body[0][0])
	} else {
		b.WriteString(mtable(body, func(row, col int) align { return alignCenter }, ""))
	}
	b.WriteString(`<annotation encoding="application/x-tex">`)
	b.WriteString(escape(src))
	b.WriteString("</annotation></semantics></math>")
	return b.String()
}

// visible replaces control characters, which neither TeX nor HTML can
// show, with U+FFFD.
func visible(r rune) rune {
	if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
		return '\uFFFD'
	}
	return r
}

// maxDepth bounds how deeply groups, arguments and environments nest, so
// that hostile input cannot exhaust the stack; deeper input is shown as
// an error.
const maxDepth = 200

// stop says which tokens end the sequence being read, left for the
// construct that opened it to consume.
type stop int

const (
	stopCell    stop = 1 << iota // & and \\ (a table cell or row ends)
	stopEnv                      // \end
	stopBrace                    // } (a group ends)
	stopRight                    // \right
	stopBracket                  // ] (an optional argument ends)
)

type parser struct {
	src   string
	pos   int
	style bool // display style: big operators take their limits above and below
	font  font
	depth int
}

// atom is one piece of output and, for big operators, where its scripts go.
type atom struct {
	xml      string
	limits   limits
	scripted bool // has its scripts already
}

// limitsAlways is \limits: scripts above and below in any style.
const limitsAlways limits = 3

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

// commandAt reads the control sequence at p.pos, which must be a
// backslash: a word of letters, or one other character. It returns ""
// for a backslash at the end of the input.
func (p *parser) commandAt() (name string, end int) {
	i := p.pos + 1
	if i >= len(p.src) {
		return "", i
	}
	j := i
	for j < len(p.src) && isLetter(p.src[j]) {
		j++
	}
	if j > i {
		if j < len(p.src) && p.src[j] == '*' && starred[p.src[i:j]] {
			j++
		}
		return p.src[i:j], j
	}
	_, size := utf8.DecodeRuneInString(p.src[i:])
	return p.src[i : i+size], i + size
}

// starred are the commands whose starred form differs (\operatorname*).
var starred = map[string]bool{"operatorname": true}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// stopsHere reports whether the token at p.pos ends a sequence read with stops.
func (p *parser) stopsHere(stops stop) bool {
	switch c := p.src[p.pos]; {
	case c == '}':
		return stops&stopBrace != 0
	case c == ']':
		return stops&stopBracket != 0
	case c == '&':
		return stops&stopCell != 0
	case c == '\\':
		name, _ := p.commandAt()
		switch name {
		case "\\", "cr":
			return stops&stopCell != 0
		case "end":
			return stops&stopEnv != 0
		case "right":
			return stops&stopRight != 0
		}
	}
	return false
}

func (p *parser) enter() bool {
	p.depth++
	return p.depth <= maxDepth
}

func (p *parser) leave() { p.depth-- }

// tooDeep gives up on the rest of the input.
func (p *parser) tooDeep() atom {
	p.pos = len(p.src)
	return atom{xml: merror("nested too deeply", "…")}
}

// sequence reads atoms, with their scripts, up to a stop or the end.
func (p *parser) sequence(stops stop) []atom {
	if !p.enter() {
		p.leave()
		return []atom{p.tooDeep()}
	}
	defer p.leave()
	var out []atom
	for {
		p.skipSpace()
		if p.eof() || p.stopsHere(stops) {
			return out
		}
		switch p.src[p.pos] {
		case '^', '_', '\'':
			base := atom{xml: "<mrow></mrow>"}
			if n := len(out); n > 0 && !out[n-1].scripted {
				base, out = out[n-1], out[:n-1]
			} else if n > 0 {
				// TeX refuses x^a^b; nesting it would copy the whole
				// chain once per script.
				out = append(out, atom{xml: merror("double script", p.src[p.pos:p.pos+1])})
				p.pos++
				continue
			}
			out = append(out, p.scripts(base))
			continue
		case '\\':
			// Declarations change everything after them in the group.
			name, end := p.commandAt()
			if n := len(out); n > 0 && (name == "limits" || name == "nolimits") {
				p.pos = end
				out[n-1].limits = limitsAlways
				if name == "nolimits" {
					out[n-1].limits = limitsSide
				}
				continue
			}
			if wrap, ok := p.declaration(name, end); ok {
				saved := p.style
				if name == "displaystyle" {
					p.style = true
				} else if name == "textstyle" || name == "scriptstyle" {
					p.style = false
				}
				rest := p.sequence(stops)
				p.style = saved
				return append(out, atom{xml: wrap[0] + row(rest) + wrap[1]})
			}
		}
		if a := p.atom(stops); a.xml != "" {
			out = append(out, a)
		}
	}
}

// declaration reads a style switch (\displaystyle, \color{red}) at p.pos
// and returns the element to wrap the rest of the group in.
func (p *parser) declaration(name string, end int) ([2]string, bool) {
	switch name {
	case "displaystyle":
		p.pos = end
		return [2]string{`<mstyle displaystyle="true">`, "</mstyle>"}, true
	case "textstyle":
		p.pos = end
		return [2]string{`<mstyle displaystyle="false">`, "</mstyle>"}, true
	case "scriptstyle":
		p.pos = end
		return [2]string{`<mstyle displaystyle="false" scriptlevel="1">`, "</mstyle>"}, true
	case "color":
		p.pos = end
		c := color(p.raw())
		if c == "" {
			return [2]string{"<mrow>", "</mrow>"}, true
		}
		return [2]string{`<mstyle mathcolor="` + c + `">`, "</mstyle>"}, true
	}
	return [2]string{}, false
}

// color keeps a colour name or #hex, the only forms that are safe in an
// attribute and that \color takes in notes; anything else is dropped.
func color(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 32 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !isDigit(c) && !(c == '#' && i == 0) {
			return ""
		}
	}
	return s
}

// scripts reads the ^, _ and ' after base and attaches them.
func (p *parser) scripts(base atom) atom {
	var sub, sup, primes string
	hasSub, hasSup := false, false
	for {
		p.skipSpace()
		if p.eof() {
			break
		}
		c := p.src[p.pos]
		if c == '\'' {
			primes += "′"
			p.pos++
			continue
		}
		if c == '\\' {
			if name, end := p.commandAt(); name == "limits" || name == "nolimits" {
				p.pos = end
				if name == "limits" {
					base.limits = limitsAlways
				} else {
					base.limits = limitsSide
				}
				continue
			}
		}
		if c == '^' && !hasSup {
			p.pos++
			sup, hasSup = p.scriptArg(), true
			continue
		}
		if c == '_' && !hasSub {
			p.pos++
			sub, hasSub = p.scriptArg(), true
			continue
		}
		break
	}
	if primes != "" {
		mark := "<mo>" + primes + "</mo>"
		if hasSup {
			sup = "<mrow>" + mark + sup + "</mrow>"
		} else {
			sup, hasSup = mark, true
		}
	}
	under := base.limits == limitsAlways || base.limits == limitsMovable && p.style
	tag := ""
	switch {
	case hasSub && hasSup && under:
		tag = "munderover"
	case hasSub && hasSup:
		tag = "msubsup"
	case hasSub && under:
		tag = "munder"
	case hasSub:
		tag = "msub"
	case hasSup && under:
		tag = "mover"
	case hasSup:
		tag = "msup"
	default:
		return base
	}
	xml := "<" + tag + ">" + base.xml
	if hasSub {
		xml += sub
	}
	if hasSup {
		xml += sup
	}
	return atom{xml: xml + "</" + tag + ">", scripted: true}
}

// scriptArg reads a script in script style.
func (p *parser) scriptArg() string {
	saved := p.style
	p.style = false
	defer func() { p.style = saved }()
	return p.arg()
}

// arg reads one argument: a {group}, or else a single token (one digit,
// one letter, one command with its own arguments).
func (p *parser) arg() string {
	p.skipSpace()
	if p.eof() || p.stopsHere(stopCell|stopEnv|stopBrace|stopRight) {
		return "<mrow></mrow>"
	}
	if !p.enter() {
		p.leave()
		return p.tooDeep().xml
	}
	defer p.leave()
	if p.src[p.pos] == '{' {
		p.pos++
		return p.group().xml
	}
	if c := p.src[p.pos]; isDigit(c) {
		p.pos++
		return p.number(string(c))
	}
	a := p.atom(0)
	if a.xml == "" {
		return "<mrow></mrow>"
	}
	return a.xml
}

// group reads up to the } that closes a group already opened. Fonts
// declared inside (\rm, \bf) end with it.
func (p *parser) group() atom {
	savedFont, savedStyle := p.font, p.style
	inner := p.sequence(stopBrace)
	p.font, p.style = savedFont, savedStyle
	if !p.eof() && p.src[p.pos] == '}' {
		p.pos++
	}
	if len(inner) == 1 {
		return inner[0]
	}
	return atom{xml: row(inner)}
}

// raw reads an argument as text: what stands between balanced braces, or
// one character or command.
func (p *parser) raw() string {
	p.skipSpace()
	if p.eof() {
		return ""
	}
	if p.src[p.pos] != '{' {
		if p.src[p.pos] == '\\' {
			_, end := p.commandAt()
			s := p.src[p.pos:end]
			p.pos = end
			return s
		}
		_, size := utf8.DecodeRuneInString(p.src[p.pos:])
		s := p.src[p.pos : p.pos+size]
		p.pos += size
		return s
	}
	level, start := 0, p.pos+1
	for i := p.pos; i < len(p.src); i++ {
		switch p.src[i] {
		case '\\':
			i++ // an escaped brace does not count
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				p.pos = i + 1
				return p.src[start:i]
			}
		}
	}
	p.pos = len(p.src)
	return p.src[start:]
}

// optional reads an optional [argument] as a sequence, if one follows.
func (p *parser) optional() ([]atom, bool) {
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '[' {
		return nil, false
	}
	p.pos++
	inner := p.sequence(stopBracket | stopBrace)
	if !p.eof() && p.src[p.pos] == ']' {
		p.pos++
	}
	return inner, true
}

// number reads the rest of a number that begins with first.
func (p *parser) number(first string) string {
	if p.font != fontDefault && p.font != fontRoman {
		var b strings.Builder
		for _, r := range first {
			b.WriteRune(styled(p.font, r))
		}
		return "<mn>" + escape(b.String()) + "</mn>"
	}
	return "<mn>" + escape(first) + "</mn>"
}

// fences are the characters TeX does not stretch unless \left or \big
// ask, and MathML would.
const fences = "()[]{}|/‖⟨⟩⌊⌋⌈⌉"

// atom reads one token at p.pos and always consumes at least one byte.
func (p *parser) atom(stops stop) atom {
	if !p.enter() {
		p.leave()
		return p.tooDeep()
	}
	defer p.leave()
	c := p.src[p.pos]
	switch {
	case c == '{':
		p.pos++
		return p.group()
	case c == '}':
		p.pos++
		return atom{xml: merror("unmatched }", "}")}
	case c == '&':
		p.pos++
		return atom{}
	case c == '\\':
		return p.command(stops)
	case c == '~':
		p.pos++
		return atom{xml: `<mspace width="0.333em"></mspace>`}
	case isDigit(c) || c == '.' && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]):
		start := p.pos
		dot := false
		for p.pos < len(p.src) {
			d := p.src[p.pos]
			if d == '.' && !dot && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]) {
				dot = true
			} else if !isDigit(d) {
				break
			}
			p.pos++
		}
		return atom{xml: p.number(p.src[start:p.pos])}
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += size
	switch {
	case unicode.IsLetter(r):
		return atom{xml: p.letter(r)}
	case unicode.IsDigit(r):
		return atom{xml: "<mn>" + escape(string(r)) + "</mn>"}
	case r == '-':
		r = '−'
	case r == '*':
		r = '∗'
	}
	return atom{xml: mo(string(r))}
}

// mo writes an operator. A fence written plainly is an ordinary symbol
// to TeX: it keeps its natural size and takes no space around it.
func mo(s string) string {
	if strings.Contains(fences, s) {
		return `<mo stretchy="false" lspace="0" rspace="0">` + escape(s) + "</mo>"
	}
	return "<mo>" + escape(s) + "</mo>"
}

// letter writes one letter as an identifier in the current font.
func (p *parser) letter(r rune) string {
	switch p.font {
	case fontDefault:
		return "<mi>" + escape(string(r)) + "</mi>"
	case fontRoman:
		return `<mi mathvariant="normal">` + escape(string(r)) + "</mi>"
	}
	return "<mi>" + escape(string(styled(p.font, r))) + "</mi>"
}

// merror shows text the converter could not read, with why in a title.
func merror(why, text string) string {
	return `<merror title="` + escape(why) + `"><mtext>` + escape(text) + "</mtext></merror>"
}

// row joins atoms into one element.
func row(atoms []atom) string {
	var b strings.Builder
	n := 0
	for _, a := range atoms {
		if a.xml != "" {
			b.WriteString(a.xml)
			n++
		}
	}
	switch n {
	case 0:
		return "<mrow></mrow>"
	case 1:
		return b.String()
	}
	return "<mrow>" + b.String() + "</mrow>"
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func escape(s string) string { return escaper.Replace(s) }
