package content

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/leak"
	"go.yaml.in/yaml/v3"
)

// Edition is one site made from the library for one audience: the pages
// its filters take, with names replaced (casebook.yaml's editions:).
type Edition struct {
	Name    string
	At      diag.Pos // where casebook.yaml names it
	Include Filter   // cases it takes; every case when empty
	Exclude Filter   // pages it leaves out, of any kind
	// Replace maps a text to what the edition says instead, in the order
	// written.
	Replace   []Replacement
	Title     string
	BaseURL   string
	Languages []string
}

// Replacement is one entry of an edition's replace: map.
type Replacement struct {
	From, To string
	At       diag.Pos
}

// Filter holds, by front matter field, the values that select a page:
// tags, industry, frameworks, paths (globs under the content folder) or
// any other key. A page matches when any field has any of its values.
type Filter map[string][]string

// Matches reports whether page p (read from rel under the content
// folder) has any of the filter's values.
func (f Filter) Matches(p *Page, rel string) bool {
	for field, values := range f {
		for _, want := range values {
			if matchField(p, rel, field, want) {
				return true
			}
		}
	}
	return false
}

func matchField(p *Page, rel, field, want string) bool {
	same := func(have string) bool { return Slugify(have) == Slugify(want) && Slugify(want) != "" }
	switch field {
	case "paths":
		ok, _ := path.Match(want, rel)
		return ok || strings.HasPrefix(rel, strings.TrimSuffix(want, "**")) && strings.HasSuffix(want, "**")
	case "tags":
		return slices.ContainsFunc(p.Tags, same)
	case "industry":
		return same(p.Industry)
	case "frameworks":
		return slices.ContainsFunc(p.Frameworks, same)
	case "kind":
		return same(string(p.Kind))
	}
	switch v := p.Params[field].(type) {
	case string:
		return same(v)
	case []any:
		return slices.ContainsFunc(v, func(x any) bool { s, ok := x.(string); return ok && same(s) })
	case nil:
		return false
	default:
		return same(strings.TrimSpace(strings.Trim(strings.ReplaceAll(yamlText(v), "\n", " "), " ")))
	}
}

func yamlText(v any) string {
	data, _ := yaml.Marshal(v)
	return string(data)
}

// Takes reports whether the edition has page p: a case when Include is
// empty or matches it, any other page always; in both cases unless
// Exclude matches it, or it is in a language the edition leaves out.
func (e *Edition) Takes(p *Page, rel string) bool {
	if len(e.Languages) > 0 && !slices.Contains(e.Languages, p.Lang) {
		return false
	}
	if p.Kind == KindCase && len(e.Include) > 0 && !e.Include.Matches(p, rel) {
		return false
	}
	return !e.Exclude.Matches(p, rel)
}

// Rewrite applies the edition's replacements to a text: each From as a
// whole word (not inside a longer word), in the case written, the
// longest first where two start at one place. Slug forms are replaced
// too, so that [[hotel-aurora]] follows the page it names.
func (e *Edition) Rewrite(s string) string {
	if e == nil || len(e.Replace) == 0 {
		return s
	}
	return replaceWords(s, e.pairs())
}

// RewriteSlug applies the replacements to a slug or path: the slug of
// each From becomes the slug of its To.
func (e *Edition) RewriteSlug(s string) string {
	if e == nil || len(e.Replace) == 0 {
		return s
	}
	var pairs [][2]string
	for _, r := range e.Replace {
		if from := Slugify(r.From); from != "" {
			pairs = append(pairs, [2]string{from, cmp.Or(Slugify(r.To), "x")})
		}
	}
	return replaceWords(s, pairs)
}

func (e *Edition) pairs() [][2]string {
	var pairs [][2]string
	for _, r := range e.Replace {
		pairs = append(pairs, [2]string{r.From, r.To})
		if from := Slugify(r.From); from != "" && from != r.From && strings.Contains(from, "-") {
			pairs = append(pairs, [2]string{from, cmp.Or(Slugify(r.To), "x")})
		}
	}
	return pairs
}

// replaceWords replaces whole-word occurrences of each pair's first text
// with its second, in one pass, so a replacement is never replaced again.
func replaceWords(s string, pairs [][2]string) string {
	slices.SortStableFunc(pairs, func(x, y [2]string) int { return cmp.Compare(len(y[0]), len(x[0])) })
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		matched := false
		if i == 0 || !wordRuneBefore(s, i) {
			for _, p := range pairs {
				if p[0] != "" && strings.HasPrefix(s[i:], p[0]) && !wordRuneAt(s, i+len(p[0])) {
					b.WriteString(s[last:i])
					b.WriteString(p[1])
					i += len(p[0])
					last = i
					matched = true
					break
				}
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func wordRuneBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// editions reads casebook.yaml's editions: map.
func (d *decoder) editions(n *yaml.Node) map[string]*Edition {
	out := map[string]*Edition{}
	for _, kv := range d.mapping(n, "editions") {
		name := kv.key
		if Slugify(name) != name {
			d.errorf(kv.keyNode, "editions: name %q: want lowercase letters, digits and hyphens, as it names a folder", name)
			continue
		}
		e := &Edition{Name: name, At: d.pos(kv.keyNode)}
		field := "editions." + name
		for _, ek := range d.mapping(kv.value, field) {
			switch ek.key {
			case "include":
				e.Include = d.filter(ek.value, field+".include")
			case "exclude":
				e.Exclude = d.filter(ek.value, field+".exclude")
			case "replace":
				for _, r := range d.mapping(ek.value, field+".replace") {
					to, _ := d.text(r.value, field+".replace."+r.key)
					if strings.TrimSpace(r.key) == "" {
						d.errorf(r.keyNode, "%s.replace: a key must not be empty", field)
						continue
					}
					if containsWord(to, r.key) {
						d.errorf(r.value, "%s.replace: %q still holds %q, which the leak check would then find in every build of the edition; write what to say instead without it",
							field, to, strings.TrimSpace(r.key))
						continue
					}
					e.Replace = append(e.Replace, Replacement{From: r.key, To: to, At: d.pos(r.keyNode)})
				}
			case "title":
				e.Title, _ = d.text(ek.value, field+".title")
			case "baseURL", "baseurl":
				s, _ := d.text(ek.value, field+"."+ek.key)
				if s == "" {
					break
				}
				base, err := ParseBaseURL(s)
				if err != nil {
					d.errorf(ek.value, "%s.%s: %v", field, ek.key, err)
				}
				e.BaseURL = base
			case "languages":
				e.Languages = d.textList(ek.value, field+".languages")
			default:
				d.unknown(ek, field, "include, exclude, replace, title, baseURL or languages")
			}
		}
		out[name] = e
	}
	return out
}

// filter reads an include: or exclude: map of field to values.
func (d *decoder) filter(n *yaml.Node, name string) Filter {
	f := Filter{}
	for _, kv := range d.mapping(n, name) {
		f[kv.key] = d.textList(kv.value, name+"."+kv.key)
	}
	return f
}

// containsWord reports whether text holds word where the leak check
// would find it: it asks the leak check's own scanner, so the two cannot
// disagree on case, spacing, short words or word edges.
func containsWord(text, word string) bool {
	return len(leak.New([]leak.Secret{{Text: word}}).Scan("", []byte(text), true)) > 0
}
