package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a title or file name into a URL segment: lowercase letters
// and digits of any script, runs of anything else folded into one hyphen.
// Dots, slashes and other path syntax cannot survive it, so a slug can never
// leave its folder in the output.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_' && b.Len() > 0:
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	slug := b.String()
	if windowsReserved(slug) {
		slug += "_" // a folder named con or lpt1 cannot be made on Windows
	}
	return slug
}

// windowsReserved reports whether Windows reserves a name for a device.
func windowsReserved(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(s) == 4 && (s[:3] == "com" || s[:3] == "lpt") && s[3] >= '1' && s[3] <= '9'
}
