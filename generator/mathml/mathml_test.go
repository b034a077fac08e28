package mathml

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// body is the formula of Convert's output without the <math> wrapper and
// the annotation, which every case shares.
func body(t *testing.T, out string) string {
	t.Helper()
	start := strings.Index(out, "<semantics>")
	end := strings.LastIndex(out, "<annotation ")
	if start < 0 || end < start {
		t.Fatalf("no semantics and annotation in %s", out)
	}
	return out[start+len("<semantics>") : end]
}

var cases = []struct {
	name, tex string
	display   bool
	want      string
}{
	{"number and identifier", `2x`, false, `<mrow><mn>2</mn><mi>x</mi></mrow>`},
	{"decimal", `3.14`, false, `<mn>3.14</mn>`},
	{"minus is a minus sign", `a-b`, false, `<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>`},
	{"relations", `a\leq b \neq c \approx d`, false,
		`<mrow><mi>a</mi><mo>≤</mo><mi>b</mi><mo>≠</mo><mi>c</mi><mo>≈</mo><mi>d</mi></mrow>`},
	{"operators", `\pm\times\cdot\to\Rightarrow\in`, false,
		`<mrow><mo>±</mo><mo>×</mo><mo>⋅</mo><mo>→</mo><mo>⇒</mo><mo>∈</mo></mrow>`},
	{"greek", `\alpha\Omega`, false, `<mrow><mi>α</mi><mi mathvariant="normal">Ω</mi></mrow>`},
	{"function name upright", `\sin x`, false, `<mrow><mi>sin</mi><mi>x</mi></mrow>`},
	{"superscript", `x^2`, false, `<msup><mi>x</mi><mn>2</mn></msup>`},
	{"a script takes one digit", `x^23`, false, `<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>`},
	{"group script", `e^{i\pi}`, false, `<msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup>`},
	{"sub and sup", `x_i^2`, false, `<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>`},
	{"sup before sub", `x^2_i`, false, `<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>`},
	{"prime", `f'(x)`, false,
		`<mrow><msup><mi>f</mi><mo>′</mo></msup><mo stretchy="false" lspace="0" rspace="0">(</mo><mi>x</mi><mo stretchy="false" lspace="0" rspace="0">)</mo></mrow>`},
	{"sum inline keeps scripts beside", `\sum_{i}^{n}`, false, `<msubsup><mo>∑</mo><mi>i</mi><mi>n</mi></msubsup>`},
	{"sum displayed puts limits under and over", `\sum_{i}^{n}`, true, `<munderover><mo>∑</mo><mi>i</mi><mi>n</mi></munderover>`},
	{"integral displayed keeps scripts beside", `\int_0^1`, true, `<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>`},
	{"limits forces under", `\int\limits_0^1`, false, `<munderover><mo>∫</mo><mn>0</mn><mn>1</mn></munderover>`},
	{"lim displayed", `\lim_{n\to\infty}`, true,
		`<munder><mi>lim</mi><mrow><mi>n</mi><mo>→</mo><mi mathvariant="normal">∞</mi></mrow></munder>`},
	{"fraction", `\frac{a}{b}`, false, `<mfrac><mi>a</mi><mi>b</mi></mfrac>`},
	{"fraction of single tokens", `\frac12`, false, `<mfrac><mn>1</mn><mn>2</mn></mfrac>`},
	{"dfrac", `\dfrac ab`, false, `<mstyle displaystyle="true"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>`},
	{"tfrac", `\tfrac ab`, true, `<mstyle displaystyle="false"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>`},
	{"binomial", `\binom{n}{k}`, false,
		`<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>`},
	{"square root", `\sqrt{2}`, false, `<msqrt><mn>2</mn></msqrt>`},
	{"nth root", `\sqrt[3]{x}`, false, `<mroot><mi>x</mi><mn>3</mn></mroot>`},
	{"left right", `\left( x \right]`, false,
		`<mrow><mo fence="true" form="prefix" stretchy="true">(</mo><mi>x</mi><mo fence="true" form="postfix" stretchy="true">]</mo></mrow>`},
	{"left dot", `\left. x \right|`, false,
		`<mrow><mi>x</mi><mo fence="true" form="postfix" stretchy="true">|</mo></mrow>`},
	{"angle brackets", `\left\langle v\right\rangle`, false,
		`<mrow><mo fence="true" form="prefix" stretchy="true">⟨</mo><mi>v</mi><mo fence="true" form="postfix" stretchy="true">⟩</mo></mrow>`},
	{"big", `\big(`, false, `<mo minsize="1.2em" maxsize="1.2em">(</mo>`},
	{"text", `\text{if } x`, false, "<mrow><mtext>if\u00a0</mtext><mi>x</mi></mrow>"},
	{"text escapes", `\text{50\% \& more}`, false, `<mtext>50% &amp; more</mtext>`},
	{"mathrm", `\mathrm{d}x`, false, `<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>`},
	{"mathbf", `\mathbf{v}`, false, `<mi>𝐯</mi>`},
	{"mathbb with a hole", `\mathbb{R}\mathbb{A}`, false, `<mrow><mi>ℝ</mi><mi>𝔸</mi></mrow>`},
	{"mathcal", `\mathcal{L}\mathcal{A}`, false, `<mrow><mi>ℒ</mi><mi>𝒜</mi></mrow>`},
	{"mathit", `\mathit{h}`, false, `<mi>ℎ</mi>`},
	{"rm declaration ends with its group", `{\rm d}x`, false, `<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>`},
	{"operatorname", `\operatorname{sgn} x`, false, `<mrow><mi>sgn</mi><mi>x</mi></mrow>`},
	{"operatorname with a thin space", `\operatorname*{arg\,max}_x`, true, `<munder><mi>arg max</mi><mi>x</mi></munder>`},
	{"underbrace label goes under", `\underbrace{a+b}_{n}`, false,
		`<munder><munder accentunder="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏟</mo></munder><mi>n</mi></munder>`},
	{"overline", `\overline{z}`, false, `<mover accent="true"><mi>z</mi><mo stretchy="true">¯</mo></mover>`},
	{"hat", `\hat x`, false, `<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>`},
	{"vec", `\vec{v}`, false, `<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>`},
	{"dots", `1,\ldots,n\cdots`, false,
		`<mrow><mn>1</mn><mo>,</mo><mo>…</mo><mo>,</mo><mi>n</mi><mo>⋯</mo></mrow>`},
	{"spacing", `a\,b\quad c`, false,
		`<mrow><mi>a</mi><mspace width="0.167em"></mspace><mi>b</mi><mspace width="1em"></mspace><mi>c</mi></mrow>`},
	{"pmatrix", `\begin{pmatrix}1&0\\0&1\end{pmatrix}`, true,
		`<mrow><mo fence="true" form="prefix" stretchy="true">(</mo><mtable class="tex-pmatrix"><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo fence="true" form="postfix" stretchy="true">)</mo></mrow>`},
	{"bmatrix trailing row break", `\begin{bmatrix}a\\b\\\end{bmatrix}`, true,
		`<mrow><mo fence="true" form="prefix" stretchy="true">[</mo><mtable class="tex-bmatrix"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable><mo fence="true" form="postfix" stretchy="true">]</mo></mrow>`},
	{"cases", `\begin{cases}1 & x>0\\0 & \text{else}\end{cases}`, true,
		`<mrow><mo fence="true" form="prefix" stretchy="true">{</mo><mtable class="tex-cases"><mtr><mtd columnalign="left" class="tex-left"><mn>1</mn></mtd><mtd columnalign="left" class="tex-left"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd columnalign="left" class="tex-left"><mn>0</mn></mtd><mtd columnalign="left" class="tex-left"><mtext>else</mtext></mtd></mtr></mtable></mrow>`},
	{"aligned", `\begin{aligned}a&=b\\&=c\end{aligned}`, true,
		`<mtable class="tex-aligned"><mtr><mtd columnalign="right" class="tex-right"><mi>a</mi></mtd><mtd columnalign="left" class="tex-left"><mrow><mi></mi><mrow><mo>=</mo><mi>b</mi></mrow></mrow></mtd></mtr><mtr><mtd columnalign="right" class="tex-right"><mrow></mrow></mtd><mtd columnalign="left" class="tex-left"><mrow><mi></mi><mrow><mo>=</mo><mi>c</mi></mrow></mrow></mtd></mtr></mtable>`},
	{"array column spec", `\begin{array}{lr}a&b\end{array}`, true,
		`<mtable class="tex-array"><mtr><mtd columnalign="left" class="tex-left"><mi>a</mi></mtd><mtd columnalign="right" class="tex-right"><mi>b</mi></mtd></mtr></mtable>`},
	{"top-level line break makes rows", `a\\b`, true,
		`<mtable><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>`},
	{"not", `a \not= b \not\in C`, false,
		`<mrow><mi>a</mi><mo>≠</mo><mi>b</mi><mo>∉</mo><mi>C</mi></mrow>`},
	{"color", `\color{red} x`, false, `<mstyle mathcolor="red"><mi>x</mi></mstyle>`},
	{"displaystyle wraps the rest", `a \displaystyle b`, false,
		`<mrow><mi>a</mi><mstyle displaystyle="true"><mi>b</mi></mstyle></mrow>`},
	{"escaped characters", `\{ \$ \% \}`, false,
		`<mrow><mo stretchy="false" lspace="0" rspace="0">{</mo><mo>$</mo><mo>%</mo><mo stretchy="false" lspace="0" rspace="0">}</mo></mrow>`},
	{"html in the source is text", `a<b>c`, false,
		`<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi></mrow>`},
	{"unicode letters", `é`, false, `<mi>é</mi>`},
	{"empty", ``, false, `<mrow></mrow>`},
}

func TestConvert(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Convert(c.tex, c.display)
			if got := body(t, out); got != c.want {
				t.Errorf("%s\n got %s\nwant %s", c.tex, got, c.want)
			}
			wellFormed(t, c.tex, out)
		})
	}
}

func TestWrapper(t *testing.T) {
	if out := Convert(`a<b`, true); !strings.HasPrefix(out, `<math display="block"><semantics>`) ||
		!strings.HasSuffix(out, `<annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>`) {
		t.Errorf("display: %s", out)
	}
	if out := Convert(`x`, false); !strings.HasPrefix(out, `<math><semantics>`) {
		t.Errorf("inline: %s", out)
	}
}

// TestMalformed: input TeX would reject still converts, to well-formed
// MathML, and shows an error where something is wrong.
func TestMalformed(t *testing.T) {
	for _, c := range []struct{ tex, merror string }{
		{`\foo`, `title="unknown TeX command \foo"`},
		{`\frac{a`, ""},
		{`x^`, ""},
		{`^2`, ""},
		{`}`, `title="unmatched }"`},
		{`{{{`, ""},
		{`\left(`, ""},
		{`\right)`, `title="\right without \left"`},
		{`\begin{pmatrix}1&2`, ""},
		{`\end{cases}`, `title="\end without \begin"`},
		{`\begin{weird}a\end{weird}`, `title="unknown TeX environment weird"`},
		{`\`, `title="a lone backslash"`},
		{`\sqrt[`, ""},
		{`\text{`, ""},
		{`\color{"><script>}x`, ""},
		{`x^a^b`, `title="double script"`},
		{`x^^2`, ""},
		{`x__2`, ""},
		{`\not`, ""},
		{"\x00\x01\xff", ""},
		{`\begin{array}`, ""},
		{`\big`, ""},
		{`\left\foo x\right\bar`, ""},
	} {
		t.Run(c.tex, func(t *testing.T) {
			out := Convert(c.tex, true)
			wellFormed(t, c.tex, out)
			if c.merror != "" && !strings.Contains(out, "<merror "+c.merror) {
				t.Errorf("%s: want an merror with %s in %s", c.tex, c.merror, out)
			}
			if strings.Contains(out, "<script") {
				t.Errorf("%s: a script tag in %s", c.tex, out)
			}
		})
	}
}

func TestDeepNestingStops(t *testing.T) {
	for _, tex := range []string{strings.Repeat("{", 100000), strings.Repeat(`\frac`, 100000), strings.Repeat(`\sqrt[`, 100000), strings.Repeat(`\displaystyle`, 100000), strings.Repeat(`\left(`, 100000)} {
		out := Convert(tex, false)
		if !strings.Contains(out, `<merror title="nested too deeply">`) {
			t.Errorf("%.20s…: no error for nesting past the limit", tex)
		}
		wellFormed(t, tex, out)
	}
}

// wellFormed checks that out parses as XML whose root is <math> and whose
// annotation gives back the source.
func wellFormed(t *testing.T, tex, out string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(out))
	var stack []string
	annotation, inAnnotation, root := "", false, ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%.80q: not well-formed (%v): %.400s", tex, err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
			stack = append(stack, tok.Name.Local)
			inAnnotation = tok.Name.Local == "annotation"
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			inAnnotation = false
		case xml.CharData:
			if inAnnotation {
				annotation += string(tok)
			}
		}
	}
	if root != "math" || len(stack) != 0 {
		t.Fatalf("%.80q: root %q, %d elements left open", tex, root, len(stack))
	}
	want := strings.Map(visible, strings.ToValidUTF8(tex, "\uFFFD"))
	want = strings.ReplaceAll(strings.ReplaceAll(want, "\r\n", "\n"), "\r", "\n") // as XML (and HTML) read line ends
	if annotation != want {
		t.Fatalf("%.80q: annotation %.80q", tex, annotation)
	}
}

func FuzzTeX(f *testing.F) {
	for _, c := range cases {
		f.Add(c.tex, c.display)
	}
	f.Add(`\begin{aligned}\left(\frac{\sqrt[n]{x}}{\text{a}}\right)&=\sum\limits_{i}^{n}\\\end{aligned}`, true)
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		out := Convert(tex, display)
		if !utf8.ValidString(out) {
			t.Fatalf("%q: invalid UTF-8 out", tex)
		}
		wellFormed(t, tex, out)
	})
}
