package site

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/suggest"
)

// headingsShown is how many headings a missing-heading error lists, and
// frameworksShown how many frameworks an unknown-framework error lists.
const (
	headingsShown   = 5
	frameworksShown = 8
)

// brokenLink is the problem (of severity sev, with note appended to the
// message) with link l of page p, which err says leads nowhere. to is the page it did lead to when only its anchor is wrong.
// The message says what was wrong and, where a name or heading is close
// to what was typed, offers it, with the edit that puts it in (its range
// is the link's; see diag.Place).
func brokenLink(r *link.Resolver, p *content.Page, l markdown.Link, to *content.Page, pos diag.Pos, err error, sev diag.Severity, note string) diag.Diagnostic {
	d := diag.Diagnostic{Pos: pos, Severity: sev, Message: describeLink(l) + ": " + err.Error()}
	if note != "" {
		d.Message += "; " + note
	}
	var unpublished *link.Unpublished
	switch {
	case errors.As(err, &unpublished): // the page is there, not in this build
		d.Rule = "link-unpublished"
	case to != nil && strings.HasPrefix(l.Anchor, "^"): // the page is there, the block is not
		d.Rule = "link-missing-heading"
	case to != nil: // the page is there, the heading is not
		d.Rule = "link-missing-heading"
		ranked := r.Headings(to, markdown.AnchorID(l.Anchor))
		if len(ranked) == 0 {
			d.Message += "; it has no headings"
			return d
		}
		d.Message += "; its headings, closest first: " + suggest.Names(ranked, headingsShown, func(s string) string { return "#" + s })
		if l.Kind == markdown.LinkWiki && suggest.Near(markdown.AnchorID(l.Anchor), ranked[0].Name) {
			fixed := l
			fixed.Anchor = ranked[0].Name
			d = d.Replace("Change to "+wikilinkText(fixed), wikilinkText(fixed))
		}
	case l.Kind == markdown.LinkWiki && link.IsFile(l.Target):
		d.Rule = "link-missing-file"
	case l.Kind == markdown.LinkWiki && r.Known(l.Target):
		d.Rule = "link-ambiguous"
	case l.Kind == markdown.LinkWiki:
		d.Rule = "link-broken"
		if name := r.DidYouMean(l.Target); name != "" {
			fixed := l
			fixed.Target = name
			d.Message += "; did you mean " + wikilinkText(fixed) + "?"
			d = d.Replace("Change to "+wikilinkText(fixed), wikilinkText(fixed))
		}
	case l.Kind == markdown.LinkFile:
		d.Rule = "link-missing-file"
	default:
		d.Rule = "link-broken"
	}
	return d
}

// wikilinkText writes a wikilink as a writer would type it.
func wikilinkText(l markdown.Link) string {
	s := l.Target
	if l.Anchor != "" {
		s += "#" + l.Anchor
	}
	if l.Label != "" {
		s += "|" + l.Label
	}
	return "[[" + s + "]]"
}

// unknownFramework is the error for entry j of a case's frameworks list,
// which names no framework: it lists those that exist, closest first, and
// offers the closest when it looks like a slip.
func unknownFramework(r *link.Resolver, p *content.Page, j int, err error) diag.Diagnostic {
	name := p.Frameworks[j]
	d := diag.Diagnostic{Pos: p.FrameworkAt[j], Severity: diag.Error, Rule: "unknown-framework",
		Message: "frameworks[" + strconv.Itoa(j) + "]: " + err.Error()}
	var unpublished *link.Unpublished
	if errors.As(err, &unpublished) {
		d.Rule = "link-unpublished"
		return d
	}
	if r.Known(name) {
		d.Rule = "ambiguous-framework"
		return d
	}
	ranked := r.FrameworkNames(name)
	if len(ranked) == 0 {
		d.Message += "; the library has no frameworks yet (content/frameworks/)"
		return d
	}
	d.Message += fmt.Sprintf("; the frameworks, closest first: %s", suggest.Names(ranked, frameworksShown, func(s string) string { return s }))
	if suggest.Near(name, ranked[0].Name) {
		d = d.Replace("Change to "+ranked[0].Name, ranked[0].Name)
	}
	return d
}

// leftOutLink is the error for a link from a published page to one the
// build leaves out: the link's label, or the page's title it would show,
// is enough to leak what the page is about.
func leftOutLink(to *content.Page, pos diag.Pos) diag.Diagnostic {
	if to.Confidential {
		return diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: "link-confidential",
			Message: fmt.Sprintf("links to confidential page %q; remove the link, or build --confidential for an internal site", to.Title)}
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: "link-left-out",
		Message: fmt.Sprintf("links to page %q, which this edition leaves out", to.Title)}
}

// leftOutFramework is the error for a frameworks entry naming a framework
// the build leaves out.
func leftOutFramework(p *content.Page, j int, fw *content.Page) diag.Diagnostic {
	d := leftOutLink(fw, p.FrameworkAt[j])
	d.Message = "frameworks[" + strconv.Itoa(j) + "]: " + strings.NewReplacer("links to", "names", "the link", "the entry").Replace(d.Message)
	return d
}
