package mathml

// symbol is what a TeX control word without arguments stands for: a
// character and the MathML token that carries it.
type symbol struct {
	text string
	tag  string // "mi", "mo" or "mn"
	// normal marks an identifier TeX sets upright (capital Greek, ∂, ∞),
	// where MathML would slant a single character.
	normal bool
	// limits says where a big operator's scripts go: limitsMovable above
	// and below in display style (∑), limitsSide beside it always (∫).
	limits limits
}

type limits int8

const (
	limitsNone    limits = iota // an ordinary symbol
	limitsMovable               // ∑ ∏ lim max: under and over in display style
	limitsSide                  // ∫ ∮: sub- and superscript even in display style
)

func ident(s string) symbol   { return symbol{text: s, tag: "mi"} }
func upright(s string) symbol { return symbol{text: s, tag: "mi", normal: true} }
func op(s string) symbol      { return symbol{text: s, tag: "mo"} }
func bigop(s string, l limits) symbol {
	return symbol{text: s, tag: "mo", limits: l}
}

// symbols maps control words to characters. Functions (\sin, \lim) are
// listed apart, in functions, because they print their own name.
var symbols = map[string]symbol{
	// Greek, lower case slanted and upper case upright as TeX sets them.
	"alpha": ident("α"), "beta": ident("β"), "gamma": ident("γ"), "delta": ident("δ"),
	"epsilon": ident("ϵ"), "varepsilon": ident("ε"), "zeta": ident("ζ"), "eta": ident("η"),
	"theta": ident("θ"), "vartheta": ident("ϑ"), "iota": ident("ι"), "kappa": ident("κ"),
	"lambda": ident("λ"), "mu": ident("μ"), "nu": ident("ν"), "xi": ident("ξ"),
	"omicron": ident("ο"), "pi": ident("π"), "varpi": ident("ϖ"), "rho": ident("ρ"),
	"varrho": ident("ϱ"), "sigma": ident("σ"), "varsigma": ident("ς"), "tau": ident("τ"),
	"upsilon": ident("υ"), "phi": ident("ϕ"), "varphi": ident("φ"), "chi": ident("χ"),
	"psi": ident("ψ"), "omega": ident("ω"),
	"Gamma": upright("Γ"), "Delta": upright("Δ"), "Theta": upright("Θ"), "Lambda": upright("Λ"),
	"Xi": upright("Ξ"), "Pi": upright("Π"), "Sigma": upright("Σ"), "Upsilon": upright("Υ"),
	"Phi": upright("Φ"), "Psi": upright("Ψ"), "Omega": upright("Ω"),

	// Letter-like symbols.
	"infty": upright("∞"), "partial": upright("∂"), "nabla": upright("∇"),
	"emptyset": upright("∅"), "varnothing": upright("∅"), "hbar": ident("ℏ"), "ell": ident("ℓ"),
	"Re": upright("ℜ"), "Im": upright("ℑ"), "aleph": upright("ℵ"), "wp": upright("℘"),
	"angle": upright("∠"), "triangle": upright("△"), "top": upright("⊤"), "bot": upright("⊥"),
	"prime": op("′"), "degree": op("°"), "imath": ident("ı"), "jmath": ident("ȷ"),

	// Binary operators.
	"pm": op("±"), "mp": op("∓"), "times": op("×"), "div": op("÷"), "cdot": op("⋅"),
	"ast": op("∗"), "star": op("⋆"), "circ": op("∘"), "bullet": op("∙"), "oplus": op("⊕"),
	"ominus": op("⊖"), "otimes": op("⊗"), "odot": op("⊙"), "cap": op("∩"), "cup": op("∪"),
	"setminus": op("∖"), "wedge": op("∧"), "land": op("∧"), "vee": op("∨"), "lor": op("∨"),
	"neg": op("¬"), "lnot": op("¬"), "dagger": op("†"), "ddagger": op("‡"), "amalg": op("⨿"),
	"uplus": op("⊎"), "sqcup": op("⊔"), "sqcap": op("⊓"), "diamond": op("⋄"),

	// Relations.
	"leq": op("≤"), "le": op("≤"), "geq": op("≥"), "ge": op("≥"), "neq": op("≠"), "ne": op("≠"),
	"leqslant": op("⩽"), "geqslant": op("⩾"), "approx": op("≈"), "equiv": op("≡"),
	"sim": op("∼"), "simeq": op("≃"), "cong": op("≅"), "propto": op("∝"), "ll": op("≪"),
	"gg": op("≫"), "prec": op("≺"), "succ": op("≻"), "preceq": op("⪯"), "succeq": op("⪰"),
	"subset": op("⊂"), "supset": op("⊃"), "subseteq": op("⊆"), "supseteq": op("⊇"),
	"subsetneq": op("⊊"), "supsetneq": op("⊋"), "in": op("∈"), "notin": op("∉"), "ni": op("∋"),
	"perp": op("⊥"), "parallel": op("∥"), "mid": op("∣"), "nmid": op("∤"), "models": op("⊨"),
	"vdash": op("⊢"), "dashv": op("⊣"), "asymp": op("≍"), "doteq": op("≐"), "coloneqq": op("≔"),
	"triangleq": op("≜"),

	// Arrows.
	"to": op("→"), "rightarrow": op("→"), "gets": op("←"), "leftarrow": op("←"),
	"leftrightarrow": op("↔"), "Rightarrow": op("⇒"), "Leftarrow": op("⇐"),
	"Leftrightarrow": op("⇔"), "implies": op("⟹"), "impliedby": op("⟸"), "iff": op("⟺"),
	"mapsto": op("↦"), "longmapsto": op("⟼"), "uparrow": op("↑"), "downarrow": op("↓"),
	"updownarrow": op("↕"), "Uparrow": op("⇑"), "Downarrow": op("⇓"),
	"longrightarrow": op("⟶"), "longleftarrow": op("⟵"), "longleftrightarrow": op("⟷"),
	"Longrightarrow": op("⟹"), "Longleftarrow": op("⟸"), "Longleftrightarrow": op("⟺"),
	"hookrightarrow": op("↪"), "hookleftarrow": op("↩"), "nearrow": op("↗"), "searrow": op("↘"),
	"swarrow": op("↙"), "nwarrow": op("↖"), "rightleftharpoons": op("⇌"),

	// Logic, punctuation and dots.
	"forall": op("∀"), "exists": op("∃"), "nexists": op("∄"), "therefore": op("∴"),
	"because": op("∵"), "ldots": op("…"), "dots": op("…"), "dotsc": op("…"), "dotsb": op("⋯"),
	"cdots": op("⋯"), "vdots": op("⋮"), "ddots": op("⋱"), "colon": op(":"),
	"langle": op("⟨"), "rangle": op("⟩"), "lfloor": op("⌊"), "rfloor": op("⌋"),
	"lceil": op("⌈"), "rceil": op("⌉"), "vert": op("|"), "Vert": op("‖"), "lvert": op("|"),
	"rvert": op("|"), "lVert": op("‖"), "rVert": op("‖"), "backslash": op("∖"),
	"lbrace": op("{"), "rbrace": op("}"), "lbrack": op("["), "rbrack": op("]"),

	// Big operators.
	"sum": bigop("∑", limitsMovable), "prod": bigop("∏", limitsMovable),
	"coprod": bigop("∐", limitsMovable), "bigcup": bigop("⋃", limitsMovable),
	"bigcap": bigop("⋂", limitsMovable), "bigoplus": bigop("⨁", limitsMovable),
	"bigotimes": bigop("⨂", limitsMovable), "bigodot": bigop("⨀", limitsMovable),
	"bigvee": bigop("⋁", limitsMovable), "bigwedge": bigop("⋀", limitsMovable),
	"bigsqcup": bigop("⨆", limitsMovable), "biguplus": bigop("⨄", limitsMovable),
	"int": bigop("∫", limitsSide), "iint": bigop("∬", limitsSide), "iiint": bigop("∭", limitsSide),
	"oint": bigop("∮", limitsSide),
}

// escapes are control symbols: a backslash and one character that stands
// for itself.
var escapes = map[byte]symbol{
	'{': op("{"), '}': op("}"), '|': op("‖"), '$': op("$"), '%': op("%"), '#': op("#"),
	'&': op("&"), '_': op("_"),
}

// functions print their name upright; those with movable limits take
// their scripts under and over in display style, as \lim_{x\to0} does.
var functions = map[string]limits{
	"sin": limitsNone, "cos": limitsNone, "tan": limitsNone, "cot": limitsNone, "sec": limitsNone,
	"csc": limitsNone, "arcsin": limitsNone, "arccos": limitsNone, "arctan": limitsNone,
	"sinh": limitsNone, "cosh": limitsNone, "tanh": limitsNone, "coth": limitsNone,
	"log": limitsNone, "ln": limitsNone, "lg": limitsNone, "exp": limitsNone, "dim": limitsNone,
	"ker": limitsNone, "hom": limitsNone, "arg": limitsNone, "deg": limitsNone,
	"lim": limitsMovable, "liminf": limitsMovable, "limsup": limitsMovable, "max": limitsMovable,
	"min": limitsMovable, "sup": limitsMovable, "inf": limitsMovable, "det": limitsMovable,
	"gcd": limitsMovable, "Pr": limitsMovable, "argmax": limitsMovable, "argmin": limitsMovable,
}

// functionNames are how functions print where the name differs from the
// control word.
var functionNames = map[string]string{
	"liminf": "lim inf", "limsup": "lim sup", "argmax": "arg max", "argmin": "arg min",
}

// spaces are TeX's spacing commands, as widths.
var spaces = map[string]string{
	",": "0.167em", "thinspace": "0.167em", ":": "0.222em", ">": "0.222em",
	"medspace": "0.222em", ";": "0.278em", "thickspace": "0.278em", " ": "0.333em",
	"quad": "1em", "qquad": "2em", "!": "-0.167em", "negthinspace": "-0.167em", "enspace": "0.5em",
}

// accents put a mark over (or under) their argument.
var accents = map[string]struct {
	mark  string
	under bool
	wide  bool // stretches over the whole argument
}{
	"hat": {"^", false, false}, "widehat": {"^", false, true}, "bar": {"¯", false, false},
	"overline": {"¯", false, true}, "underline": {"_", true, true}, "vec": {"→", false, false},
	"overrightarrow": {"→", false, true}, "overleftarrow": {"←", false, true},
	"dot": {"˙", false, false}, "ddot": {"¨", false, false}, "tilde": {"~", false, false},
	"widetilde": {"~", false, true}, "check": {"ˇ", false, false}, "breve": {"˘", false, false},
	"acute": {"´", false, false}, "grave": {"`", false, false},
	"overbrace": {"⏞", false, true}, "underbrace": {"⏟", true, true},
}

// delimiters are what \left, \right, \middle and \big take as control words.
var delimiters = map[string]string{
	"langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
	"vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
	"{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "uparrow": "↑",
	"downarrow": "↓", "backslash": "∖",
}

// bigSizes are the heights \big and its kin give a delimiter.
var bigSizes = map[string]string{
	"big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
	"Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em", "Bigm": "1.8em",
	"bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "biggm": "2.4em",
	"Bigg": "3em", "Biggl": "3em", "Biggr": "3em", "Biggm": "3em",
}

// matrices are the environments set as a table, with the fences around it.
var matrices = map[string]struct{ open, close string }{
	"matrix": {"", ""}, "smallmatrix": {"", ""}, "pmatrix": {"(", ")"}, "bmatrix": {"[", "]"},
	"Bmatrix": {"{", "}"}, "vmatrix": {"|", "|"}, "Vmatrix": {"‖", "‖"}, "array": {"", ""},
	"cases": {"{", ""}, "rcases": {"", "}"}, "aligned": {"", ""}, "align": {"", ""},
	"align*": {"", ""}, "alignat": {"", ""}, "alignat*": {"", ""}, "gathered": {"", ""},
	"gather": {"", ""}, "gather*": {"", ""}, "split": {"", ""}, "equation": {"", ""},
	"equation*": {"", ""}, "eqnarray": {"", ""}, "eqnarray*": {"", ""}, "multline": {"", ""},
	"multline*": {"", ""},
}
