package render

import (
	"html/template"
	"strings"
)

// The sheets (compare pages, briefs) are written here in Go rather than
// by templates element by element: a template pays for every value it
// reads or function it calls through reflection, and these pages are the
// most numerous of a library. What they write is escaped as html/template
// would escape it, so the bytes are those a template would have made.

// html builds a fragment of HTML.
type html struct{ strings.Builder }

// raw writes markup as it is.
func (b *html) raw(ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

// text writes s as text or a quoted attribute's value, escaped with
// html/template's table for both.
func (b *html) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// href writes a link's target as html/template writes a value in an href:
// bytes a URL cannot hold percent-encoded, then escaped for the attribute.
func (b *html) href(u string) {
	if !safeURL(u) {
		b.WriteString("#ZgotmplZ") // what html/template writes for a javascript: or other unsafe scheme
		return
	}
	var n strings.Builder
	last := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			continue
		}
		if n.Len() == 0 && last == 0 {
			n.Grow(len(u) + 16)
		}
		n.WriteString(u[last:i])
		n.WriteByte('%')
		n.WriteByte("0123456789abcdef"[c>>4])
		n.WriteByte("0123456789abcdef"[c&15])
		last = i + 1
	}
	if last == 0 {
		b.text(u)
		return
	}
	n.WriteString(u[last:])
	b.text(n.String())
}

// safeURL reports whether html/template lets u stand in an href: a
// relative address, or one of the schemes it trusts.
func safeURL(u string) bool {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (b *html) done() template.HTML { return template.HTML(b.String()) }
