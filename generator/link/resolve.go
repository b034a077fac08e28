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
	byName      map[string][]*content.Page // lowercased slug, path, title, aliases, file name and file path
	byFile      map[string]*content.Page   // source path, for Markdown links
	anchors     map[*content.Page]map[string]bool
	defaultLang string
	notes       bool
	contentDir  string
	files       map[string]bool     // the other files under the content folder, by path relative to it
	byBase      map[string][]string // the same, by lowercased file name
	leftOut     map[*content.Page]bool
	unpublished *Resolver // drafts and publish: false pages, for what a link to one is told
}

// Missing is the error for a name that names no page or file: a note not
// written yet, in a folder of notes.
type Missing struct{ msg string }

func (e *Missing) Error() string { return e.msg }

func missing(format string, args ...any) error { return &Missing{fmt.Sprintf(format, args...)} }

// NewResolver indexes the pages of a site with this config. In a library
// section pages (_index.md) are not link targets; in a folder of notes a
// folder's note is, as in Obsidian, and so is the home page's.
func NewResolver(pages []*content.Page, cfg *content.Config) *Resolver {
	r := &Resolver{
		byName:      map[string][]*content.Page{},
		byFile:      map[string]*content.Page{},
		anchors:     map[*content.Page]map[string]bool{},
		defaultLang: cfg.DefaultLanguage(),
		notes:       cfg.Notes(),
		contentDir:  cfg.ContentDir(),
		files:       map[string]bool{},
		byBase:      map[string][]string{},
	}
	for _, p := range pages {
		r.byFile[p.File] = p
		if p.Kind == content.KindSection && !r.notes {
			continue
		}
		// The file's own name and its path under the content folder, as
		// written, are names too: Obsidian links by them.
		written := strings.TrimSuffix(strings.TrimPrefix(p.File, r.contentDir+"/"), ".md")
		names := append([]string{p.Slug, p.Path, p.Title, written, path.Base(written)}, p.Aliases...)
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

// AddLeftOut indexes pages the build leaves out (confidential ones, those
// an edition does not take), so that a link naming one resolves to it and
// the caller can refuse it by name instead of calling it broken.
func (r *Resolver) AddLeftOut(pages []*content.Page) {
	if r.leftOut == nil {
		r.leftOut = map[*content.Page]bool{}
	}
	for _, p := range pages {
		r.leftOut[p] = true
	}
	more := NewResolver(pages, &content.Config{Languages: []string{r.defaultLang}, NoContentDir: r.notes})
	for name, ps := range more.byName {
		r.byName[name] = append(r.byName[name], ps...)
	}
	for file, p := range more.byFile {
		if _, ok := r.byFile[file]; !ok {
			r.byFile[file] = p
		}
	}
}

// AddUnpublished indexes pages no build of these options publishes
// (drafts, pages with publish: false). A link naming one still names no
// page, but its error says which page it is and why it is not there,
// rather than that nothing has that name.
func (r *Resolver) AddUnpublished(pages []*content.Page) {
	if len(pages) > 0 {
		r.unpublished = NewResolver(pages, &content.Config{Languages: []string{r.defaultLang}, NoContentDir: r.notes})
		r.unpublished.contentDir = r.contentDir
	}
}

// notPublished is the error for a name that names no page of the build,
// when it names one of its unpublished pages (found by find in them),
// else err.
func (r *Resolver) notPublished(err error, find func(u *Resolver) (*content.Page, error)) error {
	if r.unpublished == nil {
		return err
	}
	p, uerr := find(r.unpublished)
	if uerr != nil || p == nil {
		return err
	}
	if p.Draft {
		return &Unpublished{Page: p, missing: missing("%s is a draft, which this build leaves out; build with --drafts, or delete draft: true there to publish it", p.File)}
	}
	return &Unpublished{Page: p, missing: missing("%s says publish: false, so no build has it", p.File)}
}

// Unpublished is the error for a name that names a page the build does
// not publish. It is a Missing too: where a missing page is a warning,
// so is this.
type Unpublished struct {
	Page    *content.Page
	missing error
}

func (e *Unpublished) Error() string { return e.missing.Error() }
func (e *Unpublished) Unwrap() error { return e.missing }

// LeftOut reports whether p is a page the build leaves out.
func (r *Resolver) LeftOut(p *content.Page) bool { return r.leftOut[p] }

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// AddFiles indexes the files under the content folder that are not pages
// (pictures, PDFs), by path relative to it, for links and embeds that name
// them.
func (r *Resolver) AddFiles(files []string) {
	for _, f := range files {
		r.files[f] = true
		base := fold(path.Base(f))
		r.byBase[base] = append(r.byBase[base], f)
	}
}

// IsFile reports whether a wikilink target names a file rather than a
// page: it has an extension other than .md.
func IsFile(target string) bool {
	ext := path.Ext(target)
	return ext != "" && ext != ".md" && !strings.ContainsAny(ext, " ")
}

// Attachment finds the file a link from page from names, as Obsidian
// does: by its path from the page's folder, else from the content folder,
// else by its file name anywhere, the nearest one first. It returns the
// file's path under the content folder.
func (r *Resolver) Attachment(from *content.Page, target string) (string, error) {
	dir := path.Dir(strings.TrimPrefix(from.File, r.contentDir+"/"))
	if !strings.HasPrefix(from.File, r.contentDir+"/") && r.contentDir != "" {
		dir = "."
	}
	for _, f := range []string{path.Join(dir, target), path.Clean(target)} {
		if r.files[f] {
			return f, nil
		}
	}
	if strings.Contains(target, "/") {
		return "", missing("no file at %s", target)
	}
	found := nearest(dir, r.byBase[fold(target)], func(f string) string { return f })
	switch len(found) {
	case 0:
		return "", missing("no file is called %q", target)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%q names %d files: %s; name one by its path", target, len(found), strings.Join(found, ", "))
}

// nearest keeps, of several candidates, those in folder dir, else those
// at the fewest folders deep, as Obsidian prefers among notes or files of
// one name.
func nearest[T any](dir string, candidates []T, file func(T) string) []T {
	if len(candidates) < 2 {
		return candidates
	}
	var here []T
	for _, c := range candidates {
		if path.Dir(file(c)) == dir {
			here = append(here, c)
		}
	}
	if len(here) > 0 {
		return here
	}
	depth := func(c T) int { return strings.Count(file(c), "/") }
	least := depth(candidates[0])
	for _, c := range candidates {
		least = min(least, depth(c))
	}
	var shallow []T
	for _, c := range candidates {
		if depth(c) == least {
			shallow = append(shallow, c)
		}
	}
	return shallow
}

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
	found := r.prefer(from, r.byName[fold(strings.TrimSuffix(target, ".md"))])
	if r.notes {
		found = nearest(path.Dir(from.File), found, func(p *content.Page) string { return p.File })
	}
	switch len(found) {
	case 0:
		return nil, r.notPublished(missing("no page is called %q (by slug, title, alias or path)", target),
			func(u *Resolver) (*content.Page, error) { return u.Wikilink(from, target) })
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
		return nil, r.notPublished(fmt.Errorf("no framework is called %q (by slug, title or alias)", name),
			func(u *Resolver) (*content.Page, error) { return u.Framework(from, name) })
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
	if p, ok := r.byFile[file]; ok && (p.Kind != content.KindSection || r.notes) {
		return p, nil
	}
	if r.notes { // Obsidian writes the shortest path that names a note: from the top, or its name alone
		if p, ok := r.byFile[path.Join(r.contentDir, target)]; ok {
			return p, nil
		}
		if !strings.Contains(target, "/") {
			return r.Wikilink(from, target)
		}
	}
	return nil, r.notPublished(missing("no page at %s (%s)", target, file),
		func(u *Resolver) (*content.Page, error) { return u.File(from, target) })
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
