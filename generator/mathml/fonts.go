package mathml

// font is a TeX math alphabet (\mathbf, \mathbb, ...). MathML Core, which
// Chromium implements, drops mathvariant values other than "normal", so a
// styled letter is written as its own character from Unicode's
// Mathematical Alphanumeric Symbols block instead.
type font int8

const (
	fontDefault font = iota
	fontRoman        // \mathrm, \text-like upright letters
	fontBold
	fontItalic
	fontBoldItalic
	fontScript
	fontFraktur
	fontDoubleStruck
	fontSans
	fontMono
)

var fontCommands = map[string]font{
	"mathrm": fontRoman, "rm": fontRoman, "mathup": fontRoman, "mathbf": fontBold, "bf": fontBold,
	"mathit": fontItalic, "it": fontItalic, "boldsymbol": fontBoldItalic, "bm": fontBoldItalic,
	"mathcal": fontScript, "mathscr": fontScript, "cal": fontScript, "mathfrak": fontFraktur,
	"frak": fontFraktur, "mathbb": fontDoubleStruck, "Bbb": fontDoubleStruck, "mathsf": fontSans,
	"sf": fontSans, "mathtt": fontMono, "tt": fontMono,
}

// alphabet is where a font's capitals, small letters and digits start in
// Unicode (0 for none), with the letters Unicode placed elsewhere earlier.
type alphabet struct {
	upper, lower, digit rune
	holes               map[rune]rune
}

var alphabets = map[font]alphabet{
	fontBold:       {0x1D400, 0x1D41A, 0x1D7CE, nil},
	fontItalic:     {0x1D434, 0x1D44E, 0, map[rune]rune{'h': 'ℎ'}},
	fontBoldItalic: {0x1D468, 0x1D482, 0x1D7CE, nil},
	fontScript: {0x1D49C, 0x1D4B6, 0, map[rune]rune{'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ',
		'L': 'ℒ', 'M': 'ℳ', 'R': 'ℛ', 'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ'}},
	fontFraktur: {0x1D504, 0x1D51E, 0, map[rune]rune{'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ'}},
	fontDoubleStruck: {0x1D538, 0x1D552, 0x1D7D8, map[rune]rune{'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ',
		'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ'}},
	fontSans: {0x1D5A0, 0x1D5BA, 0x1D7E2, nil},
	fontMono: {0x1D670, 0x1D68A, 0x1D7F6, nil},
}

// styled is r in font f, or r itself where the font has no such character.
func styled(f font, r rune) rune {
	a, ok := alphabets[f]
	if !ok {
		return r
	}
	if h, ok := a.holes[r]; ok {
		return h
	}
	switch {
	case r >= 'A' && r <= 'Z':
		return a.upper + r - 'A'
	case r >= 'a' && r <= 'z':
		return a.lower + r - 'a'
	case r >= '0' && r <= '9' && a.digit != 0:
		return a.digit + r - '0'
	}
	return r
}
