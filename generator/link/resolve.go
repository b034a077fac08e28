// Package link resolves what pages name each other by: wikilink targets,
// relative Markdown paths, and front matter lists such as frameworks. It
// works on loaded pages only and never renders.
package link

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
)

// Resolver finds pages by the names a writer may use. Lookups are map
// reads, so resolving every link of a site is linear in the number of links.
type Resolver struct {
	byName      map[string][]*content.Page // lowercased slug, path, title and aliases
	byFile      map[string]*content.Page   // source path, for Markdown links
	anchors     map[*content.Page]map[string]bool
	defaultLang string
}

// NewResolver indexes pages. Section pages (_index.md) are not link targets.
func NewResolver(pages []*content.Page, defaultLang string) *Resolver {
	r := &Resolver{
		byName:      map[string][]*content.Page{},
		byFile:      map[string]*content.Page{},
		anchors:     map[*content.Page]map[string]bool{},
		defaultLang: defaultLang,
	}
	for _, p := range pages {
		r.byFile[p.File] = p
		if p.Kind == content.KindSection {
			continue
		}
		names := append([]string{p.Slug, p.Path, p.Title}, p.Aliases...)
		for _, n := range names {
			key := fold(n)
			if key == "" || slices.Contains(r.byName[key], p) {
				continue
			}
			r.byName[key] = append(r.byName[key], p)
		}
	}
	return r
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// SetAnchors records the heading ids of a page, once its body is rendered.
// It must be called for every page before Resolve checks anchors, and not
// concurrently with Resolve.
func (r *Resolver) SetAnchors(p *content.Page, ids []string) {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	r.anchors[p] = set
}

// HasAnchor reports whether page p has a heading with this id.
func (r *Resolver) HasAnchor(p *content.Page, id string) bool { return r.anchors[p][id] }

// Wikilink resolves [[target]] written on page from. With several
// candidates, pages in from's language win, then pages in the default
// language; more than one left is ambiguous.
func (r *Resolver) Wikilink(from *content.Page, target string) (*content.Page, error) {
	if target == "" {
		return from, nil
	}
	found := r.prefer(from, r.byName[fold(target)])
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no page is called %q (by slug, title, alias or path)", target)
	case 1:
		return found[0], nil
	}
	return nil, ambiguous(target, found)
}

// Framework resolves an entry of a case's frameworks list: only framework
// pages count.
func (r *Resolver) Framework(from *content.Page, name string) (*content.Page, error) {
	var frameworks []*content.Page
	for _, p := range r.byName[fold(name)] {
		if p.Kind == content.KindFramework {
			frameworks = append(frameworks, p)
		}
	}
	found := r.prefer(from, frameworks)
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no framework is called %q (by slug, title or alias)", name)
	case 1:
		return found[0], nil
	}
	return nil, ambiguous(name, found)
}

// File resolves a Markdown link's relative path (../frameworks/x.md) from
// the folder of the page's source file.
func (r *Resolver) File(from *content.Page, target string) (*content.Page, error) {
	if target == "" {
		return from, nil
	}
	file := path.Join(path.Dir(from.File), target)
	if p, ok := r.byFile[file]; ok && p.Kind != content.KindSection {
		return p, nil
	}
	return nil, fmt.Errorf("no page at %s (%s)", target, file)
}

func (r *Resolver) prefer(from *content.Page, pages []*content.Page) []*content.Page {
	if len(pages) < 2 {
		return pages
	}
	for _, lang := range []string{from.Lang, r.defaultLang} {
		var same []*content.Page
		for _, p := range pages {
			if p.Lang == lang {
				same = append(same, p)
			}
		}
		if len(same) > 0 {
			return same
		}
	}
	return pages
}

func ambiguous(name string, pages []*content.Page) error {
	files := make([]string, len(pages))
	for i, p := range pages {
		files[i] = p.File
	}
	slices.Sort(files)
	return fmt.Errorf("%q names %d pages: %s; name one by its path, such as [[%s]]",
		name, len(pages), strings.Join(files, ", "), pages[0].Path)
}
