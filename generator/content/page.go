package content

import (
	"fmt"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/diag"
	"go.yaml.in/yaml/v3"
)

// Kind says what a page is, which decides its layout and the lists it joins.
type Kind string

const (
	KindCase      Kind = "case"
	KindFramework Kind = "framework"
	KindPage      Kind = "page"
	KindSection   Kind = "section" // an _index.md: text for the home page or a section's list page
)

// Page is one Markdown file, loaded and validated, not yet rendered.
type Page struct {
	File     string // source path relative to the site root, slash-separated
	Kind     Kind
	Lang     string
	Section  string // first folder under content/ ("cases"), "" at the top
	Slug     string
	Path     string // section/slug without language: the identity translations share
	URL      string // output folder relative to the site root, ending in "/"; "" for the home page
	BodyLine int    // file line the Markdown body starts on
	Body     []byte
	Bundle   string // for a page bundle (x/index.md), its folder relative to content/
	// Permalink is the output path front matter chose (Obsidian Publish's
	// permalink), in place of section/slug.
	Permalink string

	Title       string
	TitleAt     diag.Pos // where the title is written, for warnings about it
	Summary     string
	Date        time.Time
	Updated     time.Time
	Tags        []string
	Aliases     []string
	Draft       bool
	Industry    string
	Frameworks  []string
	FrameworkAt []diag.Pos // where each entry of Frameworks stands, for link errors
	Attribution string     // front matter "source"
	Lessons     []string   // front matter "lessons": what a brief lists to take away
	Experience  *Experience
	Journey     []Stage
	Chain       []Actor
	Ratings     *Ratings
	Params      map[string]any // keys the schema does not know, kept for templates

	// Confidential pages are left out of every published build (unless
	// build --confidential) and shown marked in the preview.
	Confidential bool
	// Private is the front matter's private: map, the writer's notes that
	// no published build may hold; the preview shows it marked.
	Private map[string]any
	// Secrets are the texts of Private with their places, for the leak
	// check to search the output for.
	Secrets []Secret

	// TitleFromBody is set when the title is the body's first heading,
	// which the page then shows in place of a title of its own.
	TitleFromBody bool
	Publish       bool     // false for publish: false, as Obsidian Publish reads it: left out of the site
	CSSClasses    []string // Obsidian's cssclasses: classes for the page's article element
}

// Secret is a text that must not appear in a published build, and where
// it came from.
type Secret struct {
	Text string
	At   diag.Pos
}

// Experience is the three descriptions that frame a case.
type Experience struct {
	Expected  string `json:"expected,omitempty"`
	Target    string `json:"target,omitempty"`
	Delivered string `json:"delivered,omitempty"`
}

// Stage is one step of a customer journey, scored 0-10 three ways.
type Stage struct {
	Stage     string `json:"stage"`
	Expected  int    `json:"expected"`
	Target    int    `json:"target"`
	Delivered int    `json:"delivered"`
}

// TargetGap is Expected−Target at this stage: a positioning choice.
func (s Stage) TargetGap() int { return s.Expected - s.Target }

// DeliveryGap is Target−Delivered at this stage: an execution failure.
func (s Stage) DeliveryGap() int { return s.Target - s.Delivered }

// Actor is one party in the chain between maker and customer.
type Actor struct {
	Actor string `json:"actor"`
	Role  string `json:"role,omitempty"`
	Care  Care   `json:"care"`
	Note  string `json:"note,omitempty"`
}

// Care is how much care one party in the chain showed.
type Care string

// CareLevels lists the valid values, best first.
var CareLevels = []Care{"high", "medium", "low", "broken"}

// Ratings places a case on the service vs experience field.
type Ratings struct {
	Service    *int `json:"service,omitempty"`
	Experience *int `json:"experience,omitempty"`
}

// LastModified is Updated if set, else Date.
func (p *Page) LastModified() time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}

// decodeFrontMatter fills p from its front matter, reporting every problem
// at the position of the offending value.
func (d *decoder) decodeFrontMatter(top *yaml.Node, p *Page) {
	for _, kv := range d.mapping(top, "") {
		v, key := kv.value, kv.key
		switch key {
		case "title":
			var ok bool
			p.Title, ok = d.text(v, key)
			p.TitleAt = d.pos(v)
			if ok && p.Title == "" {
				d.errorf(v, "title: must not be empty; leave the key out to use the first heading or the file name")
			}
		case "summary":
			p.Summary, _ = d.text(v, key)
		case "date":
			p.Date, _ = d.date(v, key)
		case "updated":
			p.Updated, _ = d.date(v, key)
		case "tags", "tag":
			p.Tags = append(p.Tags, d.tagList(v, key)...)
		case "aliases", "alias":
			p.Aliases = append(p.Aliases, d.textList(v, key)...)
		case "cssclasses", "cssclass":
			p.CSSClasses = append(p.CSSClasses, d.tagList(v, key)...)
		case "publish":
			p.Publish, _ = d.boolean(v, key)
		case "permalink":
			s, _ := d.text(v, key)
			if link := permalink(s); link == "" {
				d.errorf(v, "permalink: want a path such as guides/onboarding, got %s", describe(v))
			} else {
				p.Permalink = link
			}
		case "draft":
			p.Draft, _ = d.boolean(v, key)
		case "confidential":
			p.Confidential, _ = d.boolean(v, key)
		case "private":
			p.Private, p.Secrets = d.private(v)
		case "slug":
			s, _ := d.text(v, key)
			if Slugify(s) == "" {
				d.errorf(v, "slug: want letters, digits or hyphens, got %s", describe(v))
			} else {
				p.Slug = Slugify(s)
			}
		case "industry":
			p.Industry, _ = d.text(v, key)
		case "frameworks":
			p.Frameworks = d.textList(v, key)
			p.FrameworkAt = d.itemPositions(v, len(p.Frameworks))
		case "source":
			p.Attribution, _ = d.text(v, key)
		case "lessons":
			p.Lessons = d.textList(v, key)
		case "experience":
			p.Experience = d.experience(v)
		case "journey":
			p.Journey = d.journey(v)
		case "chain":
			p.Chain = d.chain(v)
		case "ratings":
			p.Ratings = d.ratings(v)
		default:
			d.unknownKey(kv, FrontMatterKeys(), "frontmatter-unknown-key")
			p.Params[key] = d.any(v)
		}
	}
}

// private reads the private: map, whatever it holds, and every text in
// it, however deep, with its position.
func (d *decoder) private(n *yaml.Node) (map[string]any, []Secret) {
	if resolve(n).Kind != yaml.MappingNode {
		d.errorf(n, "private: want a mapping of notes that are never published, got %s", describe(resolve(n)))
		return nil, nil
	}
	m, _ := d.any(n).(map[string]any)
	var secrets []Secret
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		// Aliases are not followed: their texts are collected where their
		// anchor stands, and following them could take exponential time.
		if n == nil || depth > 64 {
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Tag == "!!str" && strings.TrimSpace(n.Value) != "" {
				secrets = append(secrets, Secret{Text: strings.TrimSpace(n.Value), At: d.pos(n)})
			}
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i], depth+1)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return m, secrets
}

// permalink makes a page's chosen path safe: each segment a slug, so it
// cannot leave the output folder.
func permalink(s string) string {
	var segs []string
	for _, seg := range strings.Split(s, "/") {
		if seg = Slugify(seg); seg != "" {
			segs = append(segs, seg)
		}
	}
	return strings.Join(segs, "/")
}

// itemPositions gives the position of each list item (or of the scalar
// standing for a list of one).
func (d *decoder) itemPositions(n *yaml.Node, count int) []diag.Pos {
	n = resolve(n)
	out := make([]diag.Pos, 0, count)
	if n.Kind == yaml.SequenceNode {
		for _, item := range n.Content {
			if len(out) < count {
				out = append(out, d.pos(item))
			}
		}
	}
	for len(out) < count {
		out = append(out, d.pos(n))
	}
	return out
}

func (d *decoder) experience(n *yaml.Node) *Experience {
	e := &Experience{}
	for _, kv := range d.mapping(n, "experience") {
		name := "experience." + kv.key
		switch kv.key {
		case "expected":
			e.Expected, _ = d.text(kv.value, name)
		case "target":
			e.Target, _ = d.text(kv.value, name)
		case "delivered":
			e.Delivered, _ = d.text(kv.value, name)
		default:
			d.unknown(kv, "experience", "expected, target or delivered")
		}
	}
	return e
}

func (d *decoder) journey(n *yaml.Node) []Stage {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "journey: want a list of stages, got %s", describe(n))
		return nil
	}
	stages := make([]Stage, 0, len(n.Content))
	for i, item := range n.Content {
		name := fmt.Sprintf("journey[%d]", i)
		var s Stage
		have := map[string]bool{}
		for _, kv := range d.mapping(item, name) {
			field := name + "." + kv.key
			switch kv.key {
			case "stage":
				s.Stage, _ = d.text(kv.value, field)
			case "expected":
				s.Expected, _ = d.score(kv.value, field)
			case "target":
				s.Target, _ = d.score(kv.value, field)
			case "delivered":
				s.Delivered, _ = d.score(kv.value, field)
			default:
				d.unknown(kv, name, "stage, expected, target or delivered")
				continue
			}
			have[kv.key] = true
		}
		if resolve(item).Kind == yaml.MappingNode {
			for _, k := range []string{"stage", "expected", "target", "delivered"} {
				if !have[k] {
					d.errorf(item, "%s: missing %s", name, k)
				}
			}
		}
		stages = append(stages, s)
	}
	return stages
}

func (d *decoder) chain(n *yaml.Node) []Actor {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "chain: want a list of actors, got %s", describe(n))
		return nil
	}
	actors := make([]Actor, 0, len(n.Content))
	for i, item := range n.Content {
		name := fmt.Sprintf("chain[%d]", i)
		var a Actor
		var haveActor, haveCare bool
		for _, kv := range d.mapping(item, name) {
			field := name + "." + kv.key
			switch kv.key {
			case "actor":
				a.Actor, _ = d.text(kv.value, field)
				haveActor = true
			case "role":
				a.Role, _ = d.text(kv.value, field)
			case "note":
				a.Note, _ = d.text(kv.value, field)
			case "care":
				haveCare = true
				s, ok := d.text(kv.value, field)
				if !ok {
					continue
				}
				a.Care = Care(s)
				if !a.Care.Valid() {
					d.errorf(kv.value, "%s: want one of high, medium, low, broken, got %q", field, s)
				}
			default:
				d.unknown(kv, name, "actor, role, care or note")
			}
		}
		if resolve(item).Kind == yaml.MappingNode {
			if !haveActor {
				d.errorf(item, "%s: missing actor", name)
			}
			if !haveCare {
				d.errorf(item, "%s: missing care (high, medium, low or broken)", name)
			}
		}
		actors = append(actors, a)
	}
	return actors
}

// Valid reports whether c is one of CareLevels.
func (c Care) Valid() bool {
	for _, l := range CareLevels {
		if c == l {
			return true
		}
	}
	return false
}

func (d *decoder) ratings(n *yaml.Node) *Ratings {
	r := &Ratings{}
	for _, kv := range d.mapping(n, "ratings") {
		name := "ratings." + kv.key
		switch kv.key {
		case "service":
			if v, ok := d.score(kv.value, name); ok {
				r.Service = &v
			}
		case "experience":
			if v, ok := d.score(kv.value, name); ok {
				r.Experience = &v
			}
		default:
			d.unknown(kv, "ratings", "service or experience")
		}
	}
	return r
}
