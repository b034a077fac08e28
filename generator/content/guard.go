package content

import (
	"fmt"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/suggest"
	"go.yaml.in/yaml/v3"
)

// unknownKey warns about a top-level key the decoder does not know when it
// is a slip for one of keys (framworks, Title; baseUrl in casebook.yaml):
// such a page would otherwise lose its frameworks, and such a site its
// address, without a word. A key far from every known one is the
// writer's own parameter, kept for templates, and passes in silence.
func (d *decoder) unknownKey(kv keyValue, keys []string, rule string) {
	known := suggest.Closest(kv.key, keys)
	if known == "" {
		return
	}
	dg := diag.Diagnostic{Pos: d.pos(kv.keyNode), Severity: diag.Warning, Rule: rule,
		Message: fmt.Sprintf("%s: not a key casebook knows (it would only reach templates); did you mean `%s`?", kv.key, known)}
	d.errs.Add(dg.Span(len(kv.key)).Replace("Change to `"+known+"`", known))
}

// placeholders warns about values the `casebook new` templates leave for
// the writer to fill, still as the template left them: an empty quoted
// text where the case needs words, and the template's one 8/8/8 journey
// stage. Each would otherwise pass every check and show on the site.
func (d *decoder) placeholders(top *yaml.Node) {
	top = resolve(top)
	if top.Kind != yaml.MappingNode {
		return
	}
	warn := func(n *yaml.Node, rule, format string, args ...any) {
		dg := diag.Diagnostic{Pos: d.pos(n), Severity: diag.Warning, Rule: rule, Message: fmt.Sprintf(format, args...)}
		d.errs.Add(dg)
	}
	empty := func(n *yaml.Node) bool {
		n = resolve(n)
		return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, v := top.Content[i].Value, resolve(top.Content[i+1])
		switch key {
		case "summary", "industry", "source":
			if empty(v) {
				warn(v, "placeholder", "%s: still the template's empty \"\"; write it, or delete the line", key)
			}
		case "experience":
			if v.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if empty(v.Content[j+1]) {
					warn(v.Content[j+1], "placeholder", "experience.%s: still the template's empty \"\"; say in a sentence %s",
						v.Content[j].Value, map[string]string{"expected": "what the customer believed they bought",
							"target": "what the company designed to deliver", "delivered": "what actually happened"}[v.Content[j].Value])
				}
			}
		case "chain":
			if v.Kind != yaml.SequenceNode {
				continue
			}
			for j, item := range v.Content {
				item = resolve(item)
				if item.Kind != yaml.MappingNode {
					continue
				}
				for k := 0; k+1 < len(item.Content); k += 2 {
					if item.Content[k].Value == "actor" && empty(item.Content[k+1]) {
						warn(item.Content[k+1], "placeholder", "chain[%d].actor: still the template's empty \"\"; name the party (a company, a team or a job)", j)
					}
				}
			}
		case "journey":
			if v.Kind == yaml.SequenceNode && len(v.Content) == 1 && isTemplateStage(resolve(v.Content[0])) {
				warn(v.Content[0], "placeholder", "journey: still the template's one stage scored 8/8/8; score this case's own stages")
			}
		}
	}
}

// isTemplateStage matches the journey stage of the new case template.
func isTemplateStage(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	want := map[string]string{"stage": "Purchase", "expected": "8", "target": "8", "delivered": "8"}
	if len(n.Content) != 2*len(want) {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if want[n.Content[i].Value] != n.Content[i+1].Value {
			return false
		}
	}
	return true
}
