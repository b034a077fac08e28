package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/diag"
	"go.yaml.in/yaml/v3"
)

// decoder reads values out of a YAML node tree with the checks the schema
// needs, reporting each problem at the value's position in the file.
// lineOffset is added to YAML's line numbers, because front matter starts
// below the file's first line.
type decoder struct {
	path       string
	lineOffset int
	errs       *diag.List
	// lenient reports problems as warnings: a folder of notes keeps
	// building when casebook cannot read a note's front matter.
	lenient bool
}

type keyValue struct {
	key     string
	keyNode *yaml.Node
	value   *yaml.Node
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: d.path, Line: n.Line + d.lineOffset, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.report(d.pos(n), format, args...)
}

// report records a problem: an error, or a warning when lenient.
func (d *decoder) report(pos diag.Pos, format string, args ...any) {
	if d.lenient {
		d.errs.Warnf(pos, format, args...)
		return
	}
	d.errs.Errorf(pos, format, args...)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse decodes src into its document's top node. Syntax errors from the
// YAML library carry only a line, so the column is that line's first
// non-blank character. firstLine is the file line the YAML starts on.
func (d *decoder) parse(src []byte, firstLine int) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if plain := explainYAML(d.path, src, firstLine); len(plain) > 0 {
			*d.errs = append(*d.errs, plain...)
			return nil, false
		}
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		col := 1
		if lines := strings.Split(string(src), "\n"); line-1 < len(lines) {
			col += len(lines[line-1]) - len(strings.TrimLeft(lines[line-1], " \t"))
		}
		d.report(diag.Pos{Path: d.path, Line: line + firstLine - 1, Col: col}, "invalid YAML: %s", msg)
		return nil, false
	}
	if len(doc.Content) == 0 { // empty document
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	return doc.Content[0], true
}

// describe names what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return describe(n.Alias)
	}
	switch n.Tag {
	case "!!int", "!!float", "!!bool":
		return n.Value
	case "!!null":
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// mapping returns the key/value pairs of a mapping node, reporting a key
// given twice. name is the field's path for messages ("" at the top).
func (d *decoder) mapping(n *yaml.Node, name string) []keyValue {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		if name == "" {
			d.errorf(n, "front matter: want key: value lines, got %s", describe(n))
		} else {
			d.errorf(n, "%s: want a mapping of key: value, got %s", name, describe(n))
		}
		return nil
	}
	seen := map[string]*yaml.Node{}
	var out []keyValue
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		key := k.Value
		if first, dup := seen[key]; dup {
			d.errorf(k, "%s: given twice (first on line %d)", join(name, key), first.Line+d.lineOffset)
			continue
		}
		seen[key] = k
		out = append(out, keyValue{key: key, keyNode: k, value: v})
	}
	return out
}

func join(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// text accepts any scalar as text (a title of 1984 is a title).
func (d *decoder) text(n *yaml.Node, name string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s: want text, got %s", name, describe(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

// textList accepts a list of scalars, or one scalar as a list of one.
func (d *decoder) textList(n *yaml.Node, name string) []string {
	n = resolve(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || n.Value == "" {
			return nil
		}
		return []string{n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for i, item := range n.Content {
			if s, ok := d.text(item, fmt.Sprintf("%s[%d]", name, i)); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	d.errorf(n, "%s: want a list of text, got %s", name, describe(n))
	return nil
}

func (d *decoder) boolean(n *yaml.Node, name string) (bool, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b, true
		}
	}
	d.errorf(n, "%s: want true or false, got %s", name, describe(n))
	return false, false
}

// score accepts a whole number from 0 to 10.
func (d *decoder) score(n *yaml.Node, name string) (int, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		v, err := strconv.Atoi(n.Value)
		if err == nil && v >= 0 && v <= 10 {
			return v, true
		}
	}
	d.errorf(n, "%s: want a number from 0 to 10, got %s", name, describe(n))
	return 0, false
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

func (d *decoder) date(n *yaml.Node, name string) (time.Time, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, n.Value); err == nil {
				return t, true
			}
		}
	}
	d.errorf(n, "%s: want a date such as 2024-05-31, got %s", name, describe(n))
	return time.Time{}, false
}

// any decodes a value the schema does not know, for templates to use.
func (d *decoder) any(n *yaml.Node) any {
	var v any
	if err := n.Decode(&v); err != nil {
		d.errorf(n, "%v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return v
}

// unknown reports a key that a fixed structure (a journey stage, a chain
// link) does not have: there a typo would silently lose a score.
func (d *decoder) unknown(kv keyValue, name string, want string) {
	d.errorf(kv.keyNode, "%s: unknown field %q; want %s", name, kv.key, want)
}

// tagList reads tags as Obsidian writes them: a list, or one text of
// several separated by commas or blanks, each with or without its #.
func (d *decoder) tagList(n *yaml.Node, name string) []string {
	list := d.textList(n, name)
	if resolve(n).Kind == yaml.ScalarNode {
		list = strings.FieldsFunc(strings.Join(list, " "), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	}
	out := list[:0]
	for _, t := range list {
		if t = strings.TrimPrefix(strings.TrimSpace(t), "#"); t != "" {
			out = append(out, t)
		}
	}
	return out
}
