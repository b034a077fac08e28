package content

import (
	"bytes"
	"cmp"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/parallel"
)

// Dir is the content folder's name in the site root.
const Dir = "content"

// Library is everything under content/: pages and the other files that are
// copied beside them (images in page bundles and the like).
type Library struct {
	Config *Config
	Pages  []*Page  // sorted by File
	Files  []string // non-page files, relative to content/, sorted
	// Unloaded are the files that could not be read as pages at all,
	// known by their paths only (see stub): links may still name them.
	Unloaded []*Page
	// LeftOut are the pages this build leaves out although they are
	// written and ready: confidential ones (and those an edition does not
	// take). Links may name them, which is an error, and the leak check
	// searches the output for what they say.
	LeftOut []*Page
	// Unpublished are the pages this build does not publish at all:
	// drafts (without Options.Drafts) and pages with publish: false. A
	// link may name one by mistake, and is told so.
	Unpublished []*Page
}

// Options change what Load keeps.
type Options struct {
	Drafts bool   // keep pages marked draft: true
	Cache  *Cache // pages of earlier loads to reuse; nil parses every file
	// Overlay holds texts that stand for files on disk, by path relative
	// to the site root (as Page.File): an editor's unsaved buffers. A file
	// must exist on disk to be loaded at all.
	Overlay map[string][]byte
	// BaseURL, when set, replaces the config's (build --baseURL); the
	// caller has checked it with ParseBaseURL.
	BaseURL string
	// Confidential keeps pages marked confidential: true (build
	// --confidential, and the preview).
	Confidential bool
	// Edition names the edition of casebook.yaml to load: only the pages
	// it takes, with its replacements made in every text; the others are
	// left out as confidential pages are.
	Edition string
	// QuietUnpublished drops the warnings of pages that are not loaded
	// because they are drafts or say publish: false, keeping their errors:
	// a build publishes none of them, and a half-written draft would
	// otherwise warn on every build. casebook check keeps them.
	QuietUnpublished bool
}

// Load reads the site at root: its config and every page under content/.
// It reports every problem it finds, not only the first.
func Load(root string, opts Options) (*Library, diag.List) {
	cfg, errs := LoadConfig(root)
	lib := &Library{Config: cfg}
	ed, eerrs := useEdition(cfg, opts.Edition)
	errs.Append(eerrs)
	if eerrs.HasErrors() {
		return lib, errs
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	if ed != nil && len(ed.Replace) > 0 {
		opts.Cache = nil // the cache holds pages as written
	}
	opts.Cache.useConfig(cfg)
	pageFiles, otherFiles, err := walk(root, cfg)
	if err != nil {
		errs.Errorf(diag.Pos{Path: cmp.Or(cfg.ContentDir(), ".")}, "%v", err)
		return lib, errs
	}
	lib.Files = otherFiles

	pages := make([]*Page, len(pageFiles))
	lists := make([]diag.List, len(pageFiles))
	parallel.For(len(pageFiles), func(i int) {
		if src, ok := opts.Overlay[cfg.Source(pageFiles[i])]; ok {
			pages[i], lists[i] = ParsePage(pageFiles[i], src, cfg)
			return
		}
		if ed != nil && len(ed.Replace) > 0 {
			pages[i], lists[i] = parseEdited(root, pageFiles[i], cfg, ed)
			return
		}
		pages[i], lists[i] = opts.Cache.load(root, pageFiles[i], cfg)
	})
	opts.Cache.keepOnly(pageFiles)
	for i, p := range pages {
		published := p != nil && (opts.Drafts || !p.Draft) && p.Publish
		if p != nil && !published && opts.QuietUnpublished {
			lists[i] = lists[i].Errors()
		}
		errs.Append(lists[i])
		if p != nil && !published {
			lib.Unpublished = append(lib.Unpublished, p)
		}
		if published {
			if (p.Confidential && !opts.Confidential) || (ed != nil && !ed.Takes(p, pageFiles[i])) {
				lib.LeftOut = append(lib.LeftOut, p)
			} else {
				lib.Pages = append(lib.Pages, p)
			}
		}
		if p == nil {
			lib.Unloaded = append(lib.Unloaded, stub(pageFiles[i], cfg))
		}
	}
	if ed != nil && len(ed.Languages) > 0 {
		cfg.Languages = ed.Languages
	}
	if cfg.Notes() {
		errs.Append(separate(lib.Pages, cfg))
	}
	errs.Append(collisions(lib.Pages))
	errs.Append(duplicateTitles(lib.Pages))
	return lib, errs
}

// useEdition makes the config the edition's: its title, address and
// languages, its replacements in the site's texts.
func useEdition(cfg *Config, name string) (*Edition, diag.List) {
	var errs diag.List
	if name == "" {
		return nil, nil
	}
	ed := cfg.Editions[name]
	if ed == nil {
		names := slices.Sorted(maps.Keys(cfg.Editions))
		errs.Errorf(diag.Pos{Path: ConfigFile, Line: 1, Col: 1}, "no edition %q in editions: (it has %s)", name, cmp.Or(strings.Join(names, ", "), "none"))
		return nil, errs
	}
	for i, l := range ed.Languages {
		if !cfg.HasLanguage(l) || (i == 0 && l != cfg.DefaultLanguage()) {
			errs.Errorf(ed.At, "editions.%s.languages: want some of %s, starting with %s, got %q", name, strings.Join(cfg.Languages, ", "), cfg.DefaultLanguage(), l)
		}
	}
	cfg.Edition = ed
	cfg.Title = cmp.Or(ed.Title, ed.Rewrite(cfg.Title))
	cfg.Description = ed.Rewrite(cfg.Description)
	if ed.BaseURL != "" {
		cfg.BaseURL = ed.BaseURL
	}
	return ed, errs
}

// parseEdited reads a page as an edition shows it: its text with the
// replacements made, and its slug, path and address from the replaced
// names.
func parseEdited(root, rel string, cfg *Config, ed *Edition) (*Page, diag.List) {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(cfg.Source(rel))))
	if err != nil {
		var errs diag.List
		errs.Errorf(diag.Pos{Path: cfg.Source(rel)}, "%v", err)
		return nil, errs
	}
	p, errs := ParsePage(rel, []byte(ed.Rewrite(string(src))), cfg)
	if p != nil {
		p.Slug, p.Path, p.URL, p.Permalink = ed.RewriteSlug(p.Slug), ed.RewriteSlug(p.Path), ed.RewriteSlug(p.URL), ed.RewriteSlug(p.Permalink)
	}
	return p, errs
}

// separate gives each note of a folder of notes an address of its own: a
// note whose address casebook uses itself (Tags.md) or another note has
// already (Q&A.md beside Q A.md) gets a suffix, with a warning. A vault
// is not written for casebook, so these are not its writer's mistakes.
func separate(pages []*Page, cfg *Config) diag.List {
	var warnings diag.List
	taken := map[string]bool{}
	for _, p := range pages {
		if p.Kind != KindSection {
			taken[p.URL] = true
		}
	}
	used := map[string]bool{}
	for _, p := range pages {
		if p.Kind == KindSection {
			continue
		}
		_, reserved := Reserved(p.Path)
		if !reserved && !used[p.URL] {
			used[p.URL] = true
			continue
		}
		base, old := p.Path, p.URL
		for n := 2; ; n++ {
			p.Permalink = base + "-" + strconv.Itoa(n)
			if top, rest, nested := strings.Cut(base, "/"); reserved && nested {
				p.Permalink = top + "-" + strconv.Itoa(n) + "/" + rest // out of the folder casebook fills
			}
			p.setURL(cfg)
			if !used[p.URL] && !taken[p.URL] {
				break
			}
		}
		used[p.URL] = true
		warnings.Warnf(diag.Pos{Path: p.File, Line: 1, Col: 1}, "/%s is taken by %s; this note is at /%s", old, takenBy(reserved, old), p.URL)
	}
	return warnings
}

func takenBy(reserved bool, url string) string {
	if reserved {
		return "casebook's own pages"
	}
	return "another note"
}

// Ignored reports whether a file name is an editor's temporary or backup
// file, or hidden, and so no part of the site.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") ||
		name == "4913"
}

// walk lists the Markdown pages and the other files of the content
// folder, relative to it. Markdown files inside a page bundle, other than
// its index, belong to the bundle and are listed as files. A folder of
// notes has no bundles (an index.md is its folder's text), and keeps out
// what is not notes: the config, layouts and static files of a site that
// has a casebook.yaml. Neither reads an earlier build's output.
func walk(root string, cfg *Config) (pages, files []string, err error) {
	dir := filepath.Join(root, cfg.ContentDir())
	var all []string
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && (Ignored(e.Name()) || e.IsDir() && EarlierBuild(p) || cfg.Notes() && notNotes(dir, p, e, cfg)) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			all = append(all, filepath.ToSlash(rel))
		}
		return nil
	})
	if os.IsNotExist(err) {
		return nil, nil, nil
	}
	bundles := map[string]bool{}
	for _, f := range all {
		if d, base := path.Split(f); d != "" && isIndex(base) && !cfg.Notes() {
			bundles[strings.TrimSuffix(d, "/")] = true
		}
	}
	for _, f := range all {
		if strings.HasSuffix(f, ".md") && (isIndex(path.Base(f)) || !inBundle(f, bundles)) {
			pages = append(pages, f)
		} else {
			files = append(files, f)
		}
	}
	slices.Sort(pages)
	slices.Sort(files)
	return pages, files, err
}

// BuildMarker is a file every build writes into its output; reading
// skips folders that hold one, which are earlier builds.
const BuildMarker = "casebook.json"

// EarlierBuild reports whether folder p is an earlier build's output: a
// site built inside the content folder (a build run one folder too deep,
// or --out content/x) would otherwise be read back as the library's
// files, and grow by a copy of itself at every build.
func EarlierBuild(p string) bool {
	_, err := os.Stat(filepath.Join(p, BuildMarker))
	return err == nil
}

// notNotes reports whether a file or folder in a folder of notes is no
// part of the notes: a dependency folder, or (beside a casebook.yaml) the
// config, layouts and static files.
func notNotes(dir, p string, e fs.DirEntry, cfg *Config) bool {
	if e.IsDir() && e.Name() == "node_modules" {
		return true
	}
	if filepath.Dir(p) != dir || !cfg.HasFile {
		return false
	}
	switch e.Name() {
	case ConfigFile, "layouts", "static":
		return true
	}
	return false
}

// isIndex matches index.md and index.LANG.md, the text of a page bundle.
func isIndex(base string) bool {
	stem, ok := strings.CutSuffix(base, ".md")
	return ok && (stem == "index" || strings.HasPrefix(stem, "index.") && strings.Count(stem, ".") == 1)
}

func inBundle(f string, bundles map[string]bool) bool {
	for d := path.Dir(f); d != "."; d = path.Dir(d) {
		if bundles[d] {
			return true
		}
	}
	return false
}

// loadPage reads one file under content/ and parses it.
func loadPage(root, rel string, cfg *Config) (*Page, diag.List) {
	src, err := os.ReadFile(filepath.Join(root, cfg.ContentDir(), filepath.FromSlash(rel)))
	if err != nil {
		var errs diag.List
		errs.Errorf(diag.Pos{Path: cfg.Source(rel)}, "%v", err)
		return nil, errs
	}
	return ParsePage(rel, src, cfg)
}

// MaxPageBytes bounds one page's file. The longest real case studies are
// a few hundred kilobytes; a file of many megabytes is a mistake (a pasted
// log, a data dump) that would only slow every build and every reader.
const MaxPageBytes = 8 << 20

// ParsePage makes a page from the source of the file at rel (a path under
// content/): identity from the path, then front matter and body. It returns
// nil when the file cannot be a page at all.
func ParsePage(rel string, src []byte, cfg *Config) (*Page, diag.List) {
	var errs diag.List
	file := cfg.Source(rel)
	if len(src) > MaxPageBytes {
		errs.Errorf(diag.Pos{Path: file, Line: 1, Col: 1}, "the file is %.1f MB, over the %d MB one page may be; split it into several pages",
			float64(len(src))/(1<<20), MaxPageBytes>>20)
		return nil, errs
	}
	p := &Page{File: file, Params: map[string]any{}, Publish: true}
	identify(p, rel, cfg)

	fm, fmLine, body, bodyLine, ok := splitFrontMatter(file, src, !cfg.Notes(), &errs)
	if !ok {
		return nil, errs
	}
	p.Body, p.BodyLine = body, bodyLine
	// A note's front matter is its own business: what casebook cannot
	// read there is a warning, and the note still builds.
	d := &decoder{path: file, lineOffset: fmLine - 1, errs: &errs, lenient: cfg.Notes()}
	if top, ok := d.parse(fm, fmLine); ok {
		d.decodeFrontMatter(top, p)
		d.placeholders(top)
	} else {
		salvageNames(fm, p)
	}
	if p.Title == "" {
		p.Title = p.defaultTitle(rel)
	}
	p.setURL(cfg)
	return p, errs
}

// defaultTitle is the title of a page whose front matter gives none: its
// first level-one heading, else its file name as written (an index's:
// its folder's name).
func (p *Page) defaultTitle(rel string) string {
	if title, ok := firstHeading(p.Body); ok {
		p.TitleFromBody = true
		return title
	}
	dir, base := path.Split(strings.TrimSuffix(rel, ".md"))
	if i := strings.LastIndexByte(base, '.'); i > 0 && base[i+1:] == p.Lang {
		base = base[:i]
	}
	if base == "_index" || base == "index" {
		if dir = strings.TrimSuffix(dir, "/"); dir != "" {
			return path.Base(dir)
		}
	}
	return base
}

// firstHeading finds the first level-one ATX heading of a body outside
// fenced code and comments, as plain text. Comments are cut from it:
// they are never published, and a title is.
func firstHeading(body []byte) (string, bool) {
	fence, comment := "", ""
	for _, line := range strings.Split(string(body), "\n") {
		line, comment = uncomment(line, comment)
		trimmed := strings.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 {
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence) && strings.TrimSpace(trimmed[len(f):]) == "":
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "# "); ok {
			title := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "#"))
			title = strings.NewReplacer("**", "", "__", "", "`", "", "[[", "", "]]", "", "==", "").Replace(title)
			if title = strings.Join(strings.Fields(title), " "); title != "" {
				return title, true
			}
		}
	}
	return "", false
}

// uncomment cuts the comments (%% %% and <!-- -->) out of one line;
// open is the end mark of a comment still open from an earlier line ("%%"
// or "-->"), and the result's second value the one still open after it.
func uncomment(line, open string) (string, string) {
	var b strings.Builder
	for {
		if open != "" {
			i := strings.Index(line, open)
			if i < 0 {
				return b.String(), open
			}
			line, open = line[i+len(open):], ""
		}
		i, j := strings.Index(line, "%%"), strings.Index(line, "<!--")
		switch {
		case i < 0 && j < 0:
			b.WriteString(line)
			return b.String(), ""
		case j < 0 || i >= 0 && i < j:
			b.WriteString(line[:i])
			line, open = line[i+2:], "%%"
		default:
			b.WriteString(line[:j])
			line, open = line[j+4:], "-->"
		}
	}
}

// fenceOf is the fence a line of code opens or closes (``` or ~~~, or
// longer), or "".
func fenceOf(line string) string {
	for _, c := range []string{"`", "~"} {
		n := len(line) - len(strings.TrimLeft(line, c))
		if n >= 3 {
			return line[:n]
		}
	}
	return ""
}

// DefaultConfig is the configuration of a site without casebook.yaml.
func DefaultConfig() *Config {
	return &Config{Title: "Casebook", Languages: []string{"en"}, Params: map[string]any{}, MissingLinks: "error"}
}

// identify sets the page's kind, language, section and slug from its path
// under content/: cases/x.md, cases/x.fi.md, cases/x/index.md, about.md,
// cases/_index.md.
func identify(p *Page, rel string, cfg *Config) {
	dir, base := path.Split(strings.TrimSuffix(rel, ".md"))
	dir = strings.TrimSuffix(dir, "/")
	p.Lang = cfg.DefaultLanguage()
	if i := strings.LastIndexByte(base, '.'); i > 0 && cfg.HasLanguage(base[i+1:]) {
		p.Lang, base = base[i+1:], base[:i]
	}
	var parent string
	switch {
	case base == "_index" || cfg.Notes() && sectionText(dir, base):
		p.Kind = KindSection
		parent = dir
	case base == "index" && dir != "":
		p.Bundle = dir
		parent, p.Slug = path.Split(dir)
		parent = strings.TrimSuffix(parent, "/")
		p.Slug = Slugify(p.Slug)
	default:
		parent, p.Slug = dir, Slugify(base)
	}
	var segs []string
	for _, s := range strings.Split(parent, "/") {
		if s = Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) > 0 {
		p.Section = segs[0]
	}
	if p.Kind == "" {
		switch p.Section {
		case "cases":
			p.Kind = KindCase
		case "frameworks":
			p.Kind = KindFramework
		default:
			p.Kind = KindPage
		}
	}
	p.Path = strings.Join(segs, "/")
	if p.Kind == KindSection {
		p.Slug = ""
	}
}

// sectionText reports whether, in a folder of notes, the note base in the
// folder dir is the folder's own text: its index, a note named as the
// folder, or at the top Home or README.
func sectionText(dir, base string) bool {
	switch {
	case base == "index":
		return true
	case dir == "":
		return strings.EqualFold(base, "home") || strings.EqualFold(base, "readme")
	}
	return strings.EqualFold(base, path.Base(dir))
}

// setURL derives the output folder once the front matter may have changed the slug.
func (p *Page) setURL(cfg *Config) {
	switch {
	case p.Permalink != "":
		p.Path = p.Permalink
	case p.Kind != KindSection:
		p.Path = strings.TrimPrefix(p.Path+"/"+p.Slug, "/")
	}
	p.URL = ""
	if p.Lang != cfg.DefaultLanguage() {
		p.URL = p.Lang + "/"
	}
	if p.Path != "" {
		p.URL += p.Path + "/"
	}
}

// splitFrontMatter separates the YAML between the leading --- lines from
// the Markdown body, after checking the file is text. A library's page
// (strict) must not be empty or leave its front matter open; a note may.
func splitFrontMatter(file string, src []byte, strict bool, errs *diag.List) (fm []byte, fmLine int, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if !utf8.Valid(src) {
		bad := 0
		for bad < len(src) {
			r, size := utf8.DecodeRune(src[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line, col := diag.NewLineIndex(src).Position(bad)
		errs.Errorf(diag.Pos{Path: file, Line: line, Col: col}, "not valid UTF-8 text; save the file as UTF-8")
		return nil, 0, nil, 0, false
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	start := diag.Pos{Path: file, Line: 1, Col: 1}
	if len(bytes.TrimSpace(src)) == 0 && strict {
		errs.Errorf(start, "empty file; write the page's text, or front matter between --- lines")
		return nil, 0, nil, 0, false
	}
	rest, found := bytes.CutPrefix(src, []byte("---\n"))
	if !found { // no front matter: the whole file is the body
		return nil, 1, src, 1, true
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(rest)-off, len(rest)+1
		}
		if l := string(bytes.TrimRight(rest[off:off+end], " \t")); l == "---" || l == "..." {
			body = nil
			if next <= len(rest) {
				body = rest[next:]
			}
			return rest[:off], 2, body, line + 1, true
		}
		off, line = next, line+1
	}
	if !strict {
		// A note's front matter is its own business (see ParsePage), and
		// Obsidian shows an unclosed one as text: so does a folder of notes.
		errs.Warnf(start, "front matter is never closed, so the note shows it as text; add a --- line after it")
		return nil, 1, src, 1, true
	}
	errs.Errorf(start, "front matter is never closed; add a --- line after it")
	return nil, 0, nil, 0, false
}

// ReservedPaths are the folders casebook writes its own pages to.
var ReservedPaths = map[string]string{
	"cases":      "the case index",
	"frameworks": "the framework index",
	"tags":       "the tag pages",
	"industries": "the industry pages",
	"assets":     "its CSS and JavaScript",
	"search":     "the search page",
	"insights":   "the insights dashboard",
	"graph":      "the graph of the library",
	"compare":    "the compare pages",
}

// filledFolders are the folders where casebook writes a page for each
// name it finds in the library (a tag, an industry, a pair of cases), so
// that a page of the writer's anywhere under them could be written over.
var filledFolders = []string{"tags/", "industries/", "compare/", "insights/industry/", "insights/framework/"}

// Reserved says what casebook writes where a page at path would go, if
// anything: the folders of ReservedPaths, and anywhere under the folders
// it fills (a page at tags/delivery is the tag page's place).
func Reserved(path string) (what string, ok bool) {
	if what, ok := ReservedPaths[path]; ok {
		return what, true
	}
	for _, f := range filledFolders {
		if strings.HasPrefix(path, f) {
			top, _, _ := strings.Cut(f, "/")
			return ReservedPaths[top], true
		}
	}
	return "", false
}

// collisions reports pages that would be written to the same place.
func collisions(pages []*Page) diag.List {
	var errs diag.List
	byURL := map[string][]*Page{}
	for _, p := range pages {
		if p.Kind == KindSection {
			continue
		}
		if what, ok := Reserved(p.Path); ok {
			errs.Errorf(diag.Pos{Path: p.File, Line: 1, Col: 1}, "/%s is where casebook puts %s; give this page another file name or slug", p.URL, what)
			continue
		}
		byURL[p.URL] = append(byURL[p.URL], p)
	}
	for url, ps := range byURL {
		if len(ps) < 2 {
			continue
		}
		for _, p := range ps {
			others := filesBut(p, ps)
			errs.Errorf(diag.Pos{Path: p.File, Line: 1, Col: 1}, "%s is also made by %s; give one of them another file name or slug",
				"/"+url, strings.Join(others, ", "))
		}
	}
	return errs
}

// filesBut lists the files of a group of pages other than p's.
func filesBut(p *Page, group []*Page) []string {
	var files []string
	for _, o := range group {
		if o != p {
			files = append(files, o.File)
		}
	}
	return files
}
