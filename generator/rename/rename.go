// Package rename moves or renames a page and rewrites every reference to
// it across a library: wikilinks, relative Markdown links and frameworks
// entries, and the relative links of the moved page itself. It plans the
// change as text edits first (which the language server sends to an
// editor as one workspace edit), and applies them to disk on request
// (casebook mv), one file at a time, each atomically.
package rename

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
)

// Options change what Plan does.
type Options struct {
	// Alias keeps the old title as an alias when the title changes, so
	// links written from memory keep working.
	Alias bool
	// Overlay holds unsaved texts that stand for files on disk, by path
	// relative to the site root (content/cases/x.md).
	Overlay map[string][]byte
}

// Change is a planned rename: files to move, and edits to files, each by
// its path before the move, relative to the site root.
type Change struct {
	Moves []Move
	Files []FileEdit // sorted by Path
	// Title is the page's new title, "" when it keeps its title.
	Title string
}

// Move is one file's move.
type Move struct{ From, To string }

// FileEdit is the edits of one file.
type FileEdit struct {
	Path  string
	Edits []Edit // in file order, never overlapping
}

// Edit replaces bytes Start to End of a file (Line:Col to EndLine:EndCol,
// 1-based byte columns, end exclusive) with NewText.
type Edit struct {
	Line, Col, EndLine, EndCol int
	Start, End                 int
	NewText                    string
}

// planner holds the state of one Plan.
type planner struct {
	root    string
	opts    Options
	lib     *content.Library
	r       *link.Resolver
	sources map[string][]byte // raw file texts by root-relative path
	edits   map[string][]Edit
	moved   map[*content.Page]string // page -> its new file (root-relative)
	// names of the moved page: old -> new; "" new means keep
	oldTitle, newTitle string
	oldSlug, newSlug   string
	oldPath, newPath   string
	// stuck are the links to the moved page whose text could not be
	// found to rewrite: Plan refuses rather than leave them broken.
	stuck []string
}

// Plan works out how to move the page named by from (a file path, or a
// slug, title, alias or path a wikilink would use) to to: a file path
// (frameworks/new-name.md, with or without content/ and .md), a new slug
// (the file moves within its folder), or a new title (the title changes
// and the file takes the slug of it). Translations of the page move with
// it. It reads the library but changes nothing.
func Plan(root, from, to string, opts Options) (*Change, error) {
	lib, _ := content.Load(root, content.Options{Drafts: true, Overlay: opts.Overlay})
	p := &planner{root: root, opts: opts, lib: lib, sources: map[string][]byte{}, edits: map[string][]Edit{}, moved: map[*content.Page]string{}}
	p.r = link.NewResolver(lib.Pages, lib.Config)
	p.r.AddFiles(lib.Files)
	page, err := p.find(from)
	if err != nil {
		return nil, err
	}
	if page.Bundle != "" {
		return nil, fmt.Errorf("%s is a page bundle; move its folder %s by hand and fix the links check reports", page.File, lib.Config.Source(page.Bundle))
	}
	if err := p.target(page, to); err != nil {
		return nil, err
	}
	for _, q := range lib.Pages {
		if err := p.rewrite(q); err != nil {
			return nil, err
		}
	}
	if len(p.stuck) > 0 {
		slices.Sort(p.stuck)
		return nil, fmt.Errorf("nothing moved: these links to %s could not be rewritten and would break; write them as [[name]] or [text](path) and try again, or move the page and fix them by hand:\n  %s",
			page.File, strings.Join(p.stuck, "\n  "))
	}
	if p.newTitle != p.oldTitle {
		if err := p.retitle(page); err != nil {
			return nil, err
		}
	}
	return p.change(), nil
}

// find is the page named by from.
func (p *planner) find(from string) (*content.Page, error) {
	file := path.Clean(filepath.ToSlash(from))
	cfg := p.lib.Config
	for _, f := range []string{file, cfg.Source(file), file + ".md", cfg.Source(file + ".md")} {
		for _, q := range p.lib.Pages {
			if q.File == f && q.Kind != content.KindSection {
				return q, nil
			}
		}
	}
	home := &content.Page{Lang: p.lib.Config.DefaultLanguage()}
	q, err := p.r.Wikilink(home, from)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	return q, nil
}

// target works out the page's new names and the new file of it and of
// each of its translations, and refuses a move onto an existing file.
func (p *planner) target(page *content.Page, to string) error {
	cfg := p.lib.Config
	oldRel, _ := cfg.ContentPath(page.File)
	oldDir, oldBase := path.Split(oldRel)
	oldStem := strings.TrimSuffix(oldBase, ".md")
	if page.Lang != p.lib.Config.DefaultLanguage() {
		oldStem = strings.TrimSuffix(oldStem, "."+page.Lang)
	}
	newDir, newStem := oldDir, ""
	p.oldTitle, p.newTitle = page.Title, page.Title
	to = filepath.ToSlash(strings.TrimSpace(to))
	switch {
	case to == "":
		return errors.New("the new name is empty")
	case strings.HasSuffix(to, ".md") || strings.Contains(to, "/"):
		rel := path.Clean(to)
		if under, ok := cfg.ContentPath(rel); ok && cfg.ContentDir() != "" {
			rel = under
		}
		rel = strings.TrimSuffix(rel, ".md")
		if strings.HasPrefix(rel, "../") || rel == ".." || path.IsAbs(rel) {
			return fmt.Errorf("%s is outside the library's pages", to)
		}
		newDir, newStem = path.Split(rel)
	case content.Slugify(to) == to:
		newStem = to
	default:
		newStem = content.Slugify(to)
		if newStem == "" {
			return fmt.Errorf("%q has no letter or digit to make a file name from", to)
		}
		p.newTitle = to
	}
	if content.Slugify(newStem) == "" {
		return fmt.Errorf("%q has no letter or digit to make a file name from", to)
	}
	// A slug set in front matter stays; else the slug follows the file.
	p.oldSlug, p.newSlug = page.Slug, page.Slug
	if page.Slug == content.Slugify(oldStem) {
		p.newSlug = content.Slugify(newStem)
	}
	if page.Kind == content.KindFramework && !strings.HasPrefix(newDir, "frameworks/") {
		for _, q := range p.lib.Pages {
			for _, name := range q.Frameworks {
				if fw, err := p.r.Framework(q, name); err == nil && fw.Path == page.Path {
					return fmt.Errorf("outside frameworks/, %s would no longer be a framework, and %s lists it under frameworks:", page.File, q.File)
				}
			}
		}
	}
	p.oldPath = page.Path
	p.newPath = strings.TrimPrefix(sectionPath(newDir)+"/"+p.newSlug, "/")

	for _, q := range p.lib.Pages {
		if q.Path != page.Path || q.Kind == content.KindSection || q.Bundle != "" {
			continue
		}
		stem := newStem
		if q.Lang != p.lib.Config.DefaultLanguage() {
			stem += "." + q.Lang
		}
		newFile := cfg.Source(newDir + stem + ".md")
		if newFile == q.File {
			continue
		}
		if _, err := os.Stat(filepath.Join(p.root, filepath.FromSlash(newFile))); err == nil {
			return fmt.Errorf("%s already exists; mv never overwrites a file", newFile)
		}
		p.moved[q] = newFile
	}
	if len(p.moved) == 0 && p.newTitle == p.oldTitle {
		return fmt.Errorf("%s is already at %s", page.File, to)
	}
	return p.nameFree(page)
}

// nameFree refuses a new slug or title that already leads to another
// page: every link rewritten to it would then name two pages, and moving
// the page back would not tell them apart again.
func (p *planner) nameFree(page *content.Page) error {
	from := &content.Page{Lang: page.Lang}
	for _, name := range []struct{ old, new string }{{p.oldSlug, p.newSlug}, {p.oldTitle, p.newTitle}} {
		if strings.EqualFold(name.old, name.new) {
			continue
		}
		q, err := p.r.Wikilink(from, name.new)
		var missing *link.Missing
		switch {
		case err == nil && !p.isMoved(q):
			return fmt.Errorf("%q already leads to %s; links to %s would name two pages. Choose another name", name.new, q.File, page.File)
		case err != nil && !errors.As(err, &missing):
			return fmt.Errorf("%q already names several pages (%v); choose another name", name.new, err)
		}
	}
	return nil
}

// sectionPath is the slugged folder path a page path starts with.
func sectionPath(dir string) string {
	var segs []string
	for _, s := range strings.Split(strings.Trim(dir, "/"), "/") {
		if s = content.Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	return strings.Join(segs, "/")
}

// isMoved reports whether q is the renamed page or one of its translations.
func (p *planner) isMoved(q *content.Page) bool {
	return q != nil && q.Path == p.oldPath && q.Kind != content.KindSection
}

// newFile is where q's file will be after the change.
func (p *planner) newFile(q *content.Page) string {
	if f, ok := p.moved[q]; ok {
		return f
	}
	return q.File
}

// source is the raw text of a root-relative file, from the overlay or disk.
func (p *planner) source(file string) ([]byte, error) {
	if src, ok := p.sources[file]; ok {
		return src, nil
	}
	src, ok := p.opts.Overlay[file]
	if !ok {
		var err error
		if src, err = os.ReadFile(filepath.Join(p.root, filepath.FromSlash(file))); err != nil {
			return nil, err
		}
	}
	p.sources[file] = src
	return src, nil
}

// newName is what a name that led to the renamed page becomes: the
// new slug for the old slug, the new path for the old path, the new title
// for the old title unless it stays as an alias; other names (aliases)
// keep leading to it. It returns name itself when it stays.
func (p *planner) newName(name string) string {
	folded := strings.ToLower(strings.TrimSpace(name))
	switch {
	case folded == strings.ToLower(p.oldPath) && p.newPath != p.oldPath:
		return p.newPath
	case folded == strings.ToLower(p.oldSlug) && p.newSlug != p.oldSlug:
		return p.newSlug
	case folded == strings.ToLower(p.oldTitle) && p.newTitle != p.oldTitle && !p.opts.Alias:
		return p.newTitle
	}
	return name
}

// rewrite plans the edits of page q: its links to the renamed page, its
// frameworks entries naming it, and, when q itself moves to another
// folder, its relative Markdown links.
func (p *planner) rewrite(q *content.Page) error {
	doc, err := markdown.New(markdown.Options{}).Convert(q.Body)
	if err != nil {
		return nil // its own error; nothing of it can be rewritten
	}
	src, err := p.source(q.File)
	if err != nil {
		return err
	}
	lines := lineStarts(src)
	for _, l := range doc.Links {
		line, col := q.BodyLine+l.Line-1, l.Col
		switch l.Kind {
		case markdown.LinkWiki:
			to, err := p.r.Wikilink(q, l.Target)
			if err != nil || !p.isMoved(to) {
				continue
			}
			if name := p.newName(l.Target); name != l.Target && !p.wikilinkTarget(q.File, src, lines, line, col, name) {
				p.stuck = append(p.stuck, fmt.Sprintf("%s:%d:%d", q.File, line, col))
			}
		case markdown.LinkPage, markdown.LinkFile:
			if l.Target == "" {
				continue // [x](#anchor): this page, wherever it goes
			}
			oldTarget := path.Join(path.Dir(q.File), l.Target)
			newTarget := oldTarget
			if l.Kind == markdown.LinkPage {
				to, err := p.r.File(q, l.Target)
				if err != nil {
					continue
				}
				newTarget = p.newFile(to)
			}
			if newTarget == oldTarget && !p.isMoved(q) {
				continue // neither end moves: the link stays as written
			}
			rel := relative(path.Dir(p.newFile(q)), newTarget)
			if path.Clean(rel) != path.Clean(l.Target) && !p.markdownTarget(q.File, src, lines, line, col, l.Target, rel) {
				p.stuck = append(p.stuck, fmt.Sprintf("%s:%d:%d", q.File, line, col))
			}
		}
	}
	for j, name := range q.Frameworks {
		fw, err := p.r.Framework(q, name)
		if err != nil || !p.isMoved(fw) {
			continue
		}
		if nn := p.newName(name); nn != name {
			at := q.FrameworkAt[j]
			p.replaceToken(q.File, src, lines, at.Line, at.Col, nn)
		}
	}
	return nil
}

// relative is the path from folder dir to file, both root-relative.
func relative(dir, file string) string {
	rel, err := filepath.Rel(filepath.FromSlash(dir), filepath.FromSlash(file))
	if err != nil {
		return file
	}
	return filepath.ToSlash(rel)
}

// lineStarts are the byte offsets where each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (p *planner) add(file string, e Edit) {
	p.edits[file] = append(p.edits[file], e)
}

// edit makes an edit of line:col for length bytes.
func edit(lines []int, line, col, length int, newText string) Edit {
	start := lines[line-1] + col - 1
	return Edit{Line: line, Col: col, EndLine: line, EndCol: col + length, Start: start, End: start + length, NewText: newText}
}

// lineText is line (1-based) of src without its line end.
func lineText(src []byte, lines []int, line int) string {
	if line-1 >= len(lines) {
		return ""
	}
	end := len(src)
	if line < len(lines) {
		end = lines[line] - 1
	}
	return strings.TrimSuffix(string(src[lines[line-1]:end]), "\r")
}

// wikilinkTarget replaces the target of the wikilink (or embed) at
// line:col, keeping its anchor, label and spacing, and the backslash of a
// label's \| in a table. It reports whether it found the link.
func (p *planner) wikilinkTarget(file string, src []byte, lines []int, line, col int, name string) bool {
	text := lineText(src, lines, line)
	start := col - 1
	if start >= 0 && strings.HasPrefix(text[min(start, len(text)):], "![[") {
		start, col = start+1, col+1
	}
	if start < 0 || start >= len(text) || !strings.HasPrefix(text[start:], "[[") {
		return false
	}
	inner := text[start+2:]
	end := strings.Index(inner, "]]")
	if end < 0 {
		return false
	}
	target := inner[:end]
	if i := strings.IndexAny(target, "#|"); i >= 0 {
		target = strings.TrimSuffix(target[:i], `\`)
	}
	lead := len(target) - len(strings.TrimLeft(target, " "))
	trimmed := strings.TrimSpace(target)
	p.add(file, edit(lines, line, col+2+lead, len(trimmed), name))
	return true
}

// markdownTarget replaces the path of the Markdown link at line:col
// (goldmark's position is an estimate: the link's first text, so the
// destination is searched from there, and else among the file's
// reference definitions, [label]: path), keeping its #anchor. It reports
// whether it found the destination.
func (p *planner) markdownTarget(file string, src []byte, lines []int, line, col int, oldTarget, newTarget string) bool {
	for ln := line; ln < line+3 && ln <= len(lines); ln++ {
		text := lineText(src, lines, ln)
		from := 0
		if ln == line {
			from = max(col-1, 0)
		}
		for from < len(text) {
			i := strings.Index(text[from:], "](")
			if i < 0 {
				break
			}
			destStart := from + i + 2
			dest := text[destStart:]
			end := strings.IndexAny(dest, "#) ")
			if end < 0 {
				end = len(dest)
			}
			raw := dest[:end]
			if sameTarget(raw, oldTarget) {
				p.add(file, edit(lines, ln, destStart+1, len(raw), escapePath(newTarget)))
				return true
			}
			from = destStart
		}
	}
	for ln := 1; ln <= len(lines); ln++ {
		m := referenceDefinition.FindStringSubmatchIndex(lineText(src, lines, ln))
		if m == nil {
			continue
		}
		raw := lineText(src, lines, ln)[m[2]:m[3]]
		if sameTarget(raw, oldTarget) {
			p.add(file, edit(lines, ln, m[2]+1, len(raw), escapePath(newTarget)))
			return true
		}
	}
	return false
}

// referenceDefinition is a Markdown link reference definition's line,
// [label]: destination, with the destination's path (before any #anchor
// or title) as its group.
var referenceDefinition = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>#]+)`)

// sameTarget reports whether a link destination as written names the
// file oldTarget is (relative to the same folder).
func sameTarget(raw, oldTarget string) bool {
	unescaped, err := url.PathUnescape(raw)
	return err == nil && path.Clean(unescaped) == path.Clean(oldTarget)
}

// escapePath writes a path for a Markdown link destination.
func escapePath(s string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(s)
}

// replaceToken replaces the YAML scalar at line:col, keeping its quotes.
func (p *planner) replaceToken(file string, src []byte, lines []int, line, col int, name string) {
	text := lineText(src, lines, line)
	end := diag.TokenEnd(text, col)
	if end <= col {
		return
	}
	tok := text[col-1 : end-1]
	if q := tok[0]; (q == '"' || q == '\'') && len(tok) >= 2 {
		p.add(file, edit(lines, line, col+1, len(tok)-2, name))
		return
	}
	p.add(file, edit(lines, line, col, len(tok), yamlText(name)))
}

// yamlText writes s as a YAML scalar, quoted when it must be.
func yamlText(s string) string {
	if s != "" && !strings.ContainsAny(s, ":#,[]{}&*!|>'\"%@`") && strings.TrimSpace(s) == s {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// retitle changes the title of the renamed page (its default-language
// version: translations have titles of their own) and, if asked, keeps
// the old one among its aliases.
func (p *planner) retitle(page *content.Page) error {
	src, err := p.source(page.File)
	if err != nil {
		return err
	}
	lines := lineStarts(src)
	at := page.TitleAt
	if at.Line == 0 {
		return fmt.Errorf("%s: cannot find the title to change", page.File)
	}
	text := lineText(src, lines, at.Line)
	end := diag.TokenEnd(text, at.Col)
	p.add(page.File, edit(lines, at.Line, at.Col, end-at.Col, yamlText(p.newTitle)))
	if !p.opts.Alias || slices.Contains(page.Aliases, p.oldTitle) {
		return nil
	}
	// aliases: [a, b] on one line gets the old title before its ]; a
	// file without aliases gets a line after the title's.
	for ln := 2; ln < page.BodyLine-1; ln++ {
		text := lineText(src, lines, ln)
		if !strings.HasPrefix(text, "aliases:") {
			continue
		}
		value := strings.TrimSpace(strings.TrimPrefix(text, "aliases:"))
		if i := strings.LastIndexByte(text, ']'); strings.HasPrefix(value, "[") && i >= 0 {
			sep := ", "
			if strings.TrimSpace(value[1:strings.LastIndexByte(value, ']')]) == "" {
				sep = ""
			}
			p.add(page.File, edit(lines, ln, i+1, 0, sep+yamlText(p.oldTitle)))
			return nil
		}
		if value == "" { // a block list: add an item under the key
			p.add(page.File, edit(lines, ln, len(text)+1, 0, "\n  - "+yamlText(p.oldTitle)))
			return nil
		}
		return fmt.Errorf("%s:%d: aliases is neither a [list] nor a list of - items; add %q to it by hand", page.File, ln, p.oldTitle)
	}
	p.add(page.File, edit(lines, at.Line, len(text)+1, 0, "\naliases: ["+yamlText(p.oldTitle)+"]"))
	return nil
}

// change gathers the plan, with each file's edits in order.
func (p *planner) change() *Change {
	c := &Change{}
	if p.newTitle != p.oldTitle {
		c.Title = p.newTitle
	}
	for q, to := range p.moved {
		c.Moves = append(c.Moves, Move{From: q.File, To: to})
	}
	slices.SortFunc(c.Moves, func(a, b Move) int { return strings.Compare(a.From, b.From) })
	for file, edits := range p.edits {
		slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
		edits = slices.CompactFunc(edits, func(a, b Edit) bool { return a.Start == b.Start && a.End == b.End })
		c.Files = append(c.Files, FileEdit{Path: file, Edits: edits})
	}
	slices.SortFunc(c.Files, func(a, b FileEdit) int { return strings.Compare(a.Path, b.Path) })
	return c
}
