package lsp

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/rename"
	"github.com/casebook-cx/casebook/generator/site"
)

// view is one open page as its buffer has it now: parsed afresh (a page
// parses in well under a millisecond), so positions match what the
// writer sees even before the next analysis.
type view struct {
	rel   string
	text  string
	lines []string
	page  *content.Page // nil when the text is no page (no front matter)
	doc   *markdown.Doc
	a     *site.Analysis
}

func (s *Server) view(uri string) (*view, error) {
	rel := s.rel(uri)
	if rel == "" {
		return nil, fmt.Errorf("%s is %w at %s", uri, errOutside, s.root)
	}
	text, ok := s.text(rel)
	if !ok {
		return nil, fmt.Errorf("cannot read %s", rel)
	}
	a := s.current()
	v := &view{rel: rel, text: text, lines: lines(text), a: a}
	if under, ok := a.Library.Config.ContentPath(rel); ok && strings.HasSuffix(rel, ".md") {
		v.page, _ = content.ParsePage(under, []byte(text), a.Library.Config)
		if v.page != nil {
			v.doc, _ = markdown.New(markdown.Options{}).Convert(v.page.Body)
		}
	}
	return v, nil
}

// errOutside is view's error for a file outside the library. An editor
// asks about every file it has open; for one of another project, the
// questions that only read (completion, hover, references) get no answer
// rather than an error, which editors show as one.
var errOutside = errors.New("outside the library")

// readOnly is err for a request that only reads: nil for a file outside
// the library.
func readOnly(err error) error {
	if errors.Is(err, errOutside) {
		return nil
	}
	return err
}

// line is line i (0-based) of the view, "" past the end.
func (v *view) line(i int) string {
	if i < 0 || i >= len(v.lines) {
		return ""
	}
	return v.lines[i]
}

// frontMatterEnd is the 0-based line of the --- closing the front
// matter, or -1 when the text has none.
func (v *view) frontMatterEnd() int {
	if len(v.lines) == 0 || strings.TrimPrefix(v.lines[0], "\uFEFF") != "---" {
		return -1
	}
	for i := 1; i < len(v.lines); i++ {
		if l := strings.TrimRight(v.lines[i], " \t"); l == "---" || l == "..." {
			return i
		}
	}
	return -1
}

// span is the range of the token at a 1-based line and byte column.
func span(ls []string, line, col int) Range {
	end := col
	if line-1 < len(ls) && line >= 1 {
		end = diag.TokenEnd(ls[line-1], col)
	}
	return Range{Start: position(ls, line, col), End: position(ls, line, end)}
}

func contains(r Range, p Position) bool {
	after := p.Line > r.Start.Line || p.Line == r.Start.Line && p.Character >= r.Start.Character
	before := p.Line < r.End.Line || p.Line == r.End.Line && p.Character <= r.End.Character
	return after && before
}

// target is what the writer points at: a link of the body or an entry of
// the frameworks list, and the page it leads to (nil if none).
type target struct {
	rng    Range
	link   *markdown.Link
	to     *content.Page
	anchor string
}

// at finds the link or frameworks entry under pos.
func (v *view) at(pos Position) *target {
	if v.page == nil {
		return nil
	}
	r := v.a.Resolver
	if v.doc != nil {
		for i := range v.doc.Links {
			l := &v.doc.Links[i]
			rng := span(v.lines, v.page.BodyLine+l.Line-1, l.Col)
			if !contains(rng, pos) {
				continue
			}
			t := &target{rng: rng, link: l, anchor: l.Anchor}
			switch l.Kind {
			case markdown.LinkWiki:
				if l.Target == "" {
					t.to = v.analysed()
				} else {
					t.to, _ = r.Wikilink(v.page, l.Target)
				}
			case markdown.LinkPage:
				t.to, _ = r.File(v.page, l.Target)
			}
			return t
		}
	}
	for j, at := range v.page.FrameworkAt {
		rng := span(v.lines, at.Line, at.Col)
		if contains(rng, pos) && j < len(v.page.Frameworks) {
			fw, _ := r.Framework(v.page, v.page.Frameworks[j])
			return &target{rng: rng, to: fw}
		}
	}
	return nil
}

// analysed is the analysis' page of this view's file, nil if none.
func (v *view) analysed() *content.Page {
	for _, p := range v.a.Library.Pages {
		if p.File == v.rel {
			return p
		}
	}
	return nil
}

// ---- completion

var (
	wikiOpen    = regexp.MustCompile(`!?\[\[([^\[\]|#]*)$`)
	wikiHeading = regexp.MustCompile(`!?\[\[([^\[\]|#]*)#([^\[\]|]*)$`)
	topKey      = regexp.MustCompile(`^([A-Za-z_][\w-]*):`)
	innerKey    = regexp.MustCompile(`([A-Za-z_][\w-]*):\s*([^,:{}\[\]]*)$`)
	listItem    = regexp.MustCompile(`(?:[\[,]\s*|^\s*-\s+|:\s+)([^,\[\]{}]*)$`)
)

func (s *Server) completion(p TextDocumentPositionParams) (any, error) {
	v, err := s.view(p.TextDocument.URI)
	if err != nil {
		return nil, readOnly(err)
	}
	line := v.line(p.Position.Line)
	prefix := line[:byteCol(line, p.Position.Character)]
	var items []CompletionItem
	if end := v.frontMatterEnd(); end > 0 && p.Position.Line > 0 && p.Position.Line < end {
		items = v.frontMatterCompletion(p.Position, prefix)
	} else {
		items = v.linkCompletion(p.Position, line, prefix)
	}
	if items == nil {
		items = []CompletionItem{}
	}
	return CompletionList{Items: items}, nil
}

// linkCompletion offers page names after [[ and headings after [[x#.
func (v *view) linkCompletion(pos Position, line, prefix string) []CompletionItem {
	closing := ""
	if rest := line[len(prefix):]; !strings.HasPrefix(strings.TrimLeft(rest, "^"), "]]") && !strings.HasPrefix(rest, "|") && !strings.HasPrefix(rest, "#") {
		closing = "]]"
	}
	replace := func(typed string) Range {
		return Range{Start: Position{Line: pos.Line, Character: pos.Character - utf16Col(typed, len(typed))}, End: pos}
	}
	if m := wikiHeading.FindStringSubmatch(prefix); m != nil {
		var to *content.Page
		if strings.TrimSpace(m[1]) == "" {
			to = v.analysed()
		} else if v.page != nil {
			to, _ = v.a.Resolver.Wikilink(v.page, m[1])
		}
		doc := v.a.Docs[to]
		if to == nil || doc == nil {
			return nil
		}
		var items []CompletionItem
		for i, h := range doc.Headings {
			items = append(items, CompletionItem{Label: h.Text, Kind: kindReference, Detail: "#" + h.ID,
				FilterText: h.Text, SortText: fmt.Sprintf("%04d", i),
				TextEdit: &TextEdit{Range: replace(m[2]), NewText: h.ID + closing}})
		}
		return items
	}
	m := wikiOpen.FindStringSubmatch(prefix)
	if m == nil {
		return nil
	}
	var items []CompletionItem
	for _, p := range v.a.Library.Pages {
		if p.Kind == content.KindSection || p.File == v.rel {
			continue
		}
		detail := fmt.Sprintf("%s · %s", p.Kind, p.File)
		add := func(label, what string, sort int) {
			items = append(items, CompletionItem{Label: label, Kind: kindFile, Detail: what + detail,
				Documentation: summary(p), FilterText: label, SortText: fmt.Sprintf("%d%s", sort, strings.ToLower(label)),
				TextEdit: &TextEdit{Range: replace(m[1]), NewText: label + closing}})
		}
		if p.Title != "" {
			add(p.Title, "", 0)
		}
		for _, alias := range p.Aliases {
			add(alias, "alias of "+p.Title+" · ", 1)
		}
		add(p.Path, "path · ", 2)
	}
	return items
}

func summary(p *content.Page) *MarkupContent {
	if p.Summary == "" {
		return nil
	}
	return &MarkupContent{Kind: "markdown", Value: p.Summary}
}

// frontMatterCompletion offers keys at the start of a line, and values
// for the keys whose values the library knows: care levels, frameworks,
// tags, industries and roles in use.
func (v *view) frontMatterCompletion(pos Position, prefix string) []CompletionItem {
	trimmed := strings.TrimLeft(prefix, " ")
	if !strings.Contains(prefix, ":") && !strings.HasPrefix(trimmed, "-") && len(trimmed) == len(prefix) {
		var items []CompletionItem
		for i, f := range content.FrontMatter {
			items = append(items, CompletionItem{Label: f.Key, Kind: kindField, Detail: string(f.Type),
				Documentation: &MarkupContent{Kind: "markdown", Value: f.Doc}, SortText: fmt.Sprintf("%02d", i),
				TextEdit: &TextEdit{Range: Range{Start: Position{Line: pos.Line}, End: pos}, NewText: f.Key + ": "}})
		}
		return items
	}
	key := ""
	for i := pos.Line; i >= 1 && key == ""; i-- {
		l := v.line(i)
		if i == pos.Line {
			l = prefix
		}
		if m := topKey.FindStringSubmatch(l); m != nil {
			key = m[1]
		} else if l != "" && l[0] != ' ' && l[0] != '-' && l[0] != '#' && l[0] != '\t' {
			break
		}
	}
	typed := "" // what the value's edit replaces
	if m := listItem.FindStringSubmatch(prefix); m != nil {
		typed = strings.TrimLeft(m[1], " ")
	}
	if m := innerKey.FindStringSubmatch(prefix); m != nil {
		if m[1] != key {
			key = m[1] // a key inside a {mapping}: care, role
		}
		typed = strings.TrimLeft(m[2], " ") // the value after "key: ", not the key
	}
	rng := Range{Start: Position{Line: pos.Line, Character: pos.Character - utf16Col(typed, len(typed))}, End: pos}
	values := v.valuesOf(key)
	var items []CompletionItem
	for i, val := range values {
		items = append(items, CompletionItem{Label: val.label, Kind: kindEnumValue, Detail: val.detail,
			SortText: fmt.Sprintf("%04d", i), TextEdit: &TextEdit{Range: rng, NewText: val.label}})
	}
	return items
}

type value struct{ label, detail string }

// valuesOf lists the values the library offers for a front matter key.
func (v *view) valuesOf(key string) []value {
	var out []value
	seen := map[string]bool{}
	add := func(label, detail string) {
		if label != "" && !seen[label] {
			seen[label] = true
			out = append(out, value{label, detail})
		}
	}
	switch key {
	case "care":
		for _, c := range content.CareLevels {
			add(string(c), "care level")
		}
		return out
	case "draft":
		add("true", "")
		add("false", "")
		return out
	}
	pages := slices.Clone(v.a.Library.Pages)
	slices.SortFunc(pages, func(a, b *content.Page) int { return strings.Compare(a.File, b.File) })
	for _, p := range pages {
		switch key {
		case "frameworks":
			if p.Kind == content.KindFramework && p.Lang == v.a.Library.Config.DefaultLanguage() {
				add(p.Slug, p.Title)
			}
		case "tags":
			for _, t := range p.Tags {
				add(t, "tag in use")
			}
		case "industry":
			add(p.Industry, "industry in use")
		case "role":
			for _, a := range p.Chain {
				add(a.Role, "role in use")
			}
		}
	}
	slices.SortStableFunc(out, func(a, b value) int { return strings.Compare(a.label, b.label) })
	return out
}

// ---- hover, definition

// linkAt is the link under the cursor that leads to a page, or nil.
func (s *Server) linkAt(p TextDocumentPositionParams) (*target, error) {
	v, err := s.view(p.TextDocument.URI)
	if err != nil {
		return nil, readOnly(err)
	}
	if t := v.at(p.Position); t != nil && t.to != nil {
		return t, nil
	}
	return nil, nil
}

func (s *Server) hover(p TextDocumentPositionParams) (any, error) {
	t, err := s.linkAt(p)
	if t == nil || err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s", t.to.Kind, t.to.Title)
	if t.anchor != "" {
		fmt.Fprintf(&b, " › #%s", markdown.AnchorID(t.anchor))
	}
	if t.to.Summary != "" {
		fmt.Fprintf(&b, "\n\n%s", t.to.Summary)
	}
	fmt.Fprintf(&b, "\n\n`%s`", t.to.File)
	rng := t.rng
	return Hover{Contents: MarkupContent{Kind: "markdown", Value: b.String()}, Range: &rng}, nil
}

func (s *Server) definition(p TextDocumentPositionParams) (any, error) {
	t, err := s.linkAt(p)
	if t == nil || err != nil {
		return nil, err
	}
	text, _ := s.text(t.to.File)
	at := Position{}
	if t.anchor != "" {
		if line := headingLine(text, markdown.AnchorID(t.anchor)); line >= 0 {
			at = Position{Line: line}
		}
	}
	return Location{URI: s.uri(t.to.File), Range: Range{Start: at, End: at}}, nil
}

// headingLine is the 0-based line of the heading with this id, or -1.
func headingLine(text, id string) int {
	for _, h := range headings(lines(text)) {
		if markdown.AnchorID(h.text) == id {
			return h.line
		}
	}
	return -1
}

// heading is an ATX heading of a text: its level, text and line.
type heading struct {
	level int
	text  string
	line  int
}

var atx = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)

// headings finds the # headings of a page's text, skipping front matter
// and fenced code.
func headings(ls []string) []heading {
	var out []heading
	start := 0
	if len(ls) > 0 && ls[0] == "---" {
		for i := 1; i < len(ls); i++ {
			if ls[i] == "---" || ls[i] == "..." {
				start = i + 1
				break
			}
		}
	}
	fence := ""
	for i := start; i < len(ls); i++ {
		t := strings.TrimLeft(ls[i], " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if m := atx.FindStringSubmatch(ls[i]); m != nil {
			out = append(out, heading{level: len(m[1]), text: m[2], line: i})
		}
	}
	return out
}

// ---- references

// subject is the page a request is about: the one the link under the
// cursor leads to, else the page being edited.
func (v *view) subject(pos Position) *content.Page {
	if t := v.at(pos); t != nil && t.to != nil {
		return t.to
	}
	return v.analysed()
}

func (s *Server) references(p ReferenceParams) (any, error) {
	v, err := s.view(p.TextDocument.URI)
	if err != nil {
		return nil, readOnly(err)
	}
	to := v.subject(p.Position)
	if to == nil {
		return []Location{}, nil
	}
	a := v.a
	out := []Location{}
	if p.Context.IncludeDeclaration {
		out = append(out, Location{URI: s.uri(to.File)})
	}
	texts := map[string][]string{}
	linesOf := func(file string) []string {
		if ls, ok := texts[file]; ok {
			return ls
		}
		text, _ := s.text(file)
		texts[file] = lines(text)
		return texts[file]
	}
	for _, q := range a.Library.Pages {
		doc := a.Docs[q]
		for i, t := range a.Targets[q] {
			if t == nil || t.File != to.File || doc == nil || i >= len(doc.Links) || doc.Links[i].Target == "" {
				continue
			}
			l := doc.Links[i]
			out = append(out, Location{URI: s.uri(q.File), Range: span(linesOf(q.File), q.BodyLine+l.Line-1, l.Col)})
		}
		for j, fw := range a.Frameworks[q] {
			if fw != nil && fw.File == to.File && j < len(q.FrameworkAt) {
				at := q.FrameworkAt[j]
				out = append(out, Location{URI: s.uri(q.File), Range: span(linesOf(q.File), at.Line, at.Col)})
			}
		}
	}
	slices.SortFunc(out, func(a, b Location) int {
		if a.URI != b.URI {
			return strings.Compare(a.URI, b.URI)
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line - b.Range.Start.Line
		}
		return a.Range.Start.Character - b.Range.Start.Character
	})
	return out, nil
}

// ---- rename

func (s *Server) prepareRename(p TextDocumentPositionParams) (any, error) {
	v, err := s.view(p.TextDocument.URI)
	if err != nil {
		return nil, readOnly(err)
	}
	if t := v.at(p.Position); t != nil && t.to != nil {
		return map[string]any{"range": t.rng, "placeholder": t.to.Title}, nil
	}
	if v.page != nil && v.page.TitleAt.Line-1 == p.Position.Line {
		rng := span(v.lines, v.page.TitleAt.Line, v.page.TitleAt.Col)
		return map[string]any{"range": rng, "placeholder": v.page.Title}, nil
	}
	if page := v.analysed(); page != nil {
		return map[string]any{"range": Range{Start: p.Position, End: p.Position}, "placeholder": page.Title}, nil
	}
	return nil, errors.New("put the cursor on a link, or in the page to rename")
}

func (s *Server) rename(p RenameParams) (any, error) {
	v, err := s.view(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	to := v.subject(p.Position)
	if to == nil {
		return nil, errors.New("no page to rename here")
	}
	change, err := rename.Plan(s.root, to.File, p.NewName, rename.Options{Overlay: s.overlay()})
	if err != nil {
		return nil, err
	}
	return s.workspaceEdit(change), nil
}

// workspaceEdit turns a planned change into the protocol's edit: each
// file's text edits, then the moves.
func (s *Server) workspaceEdit(c *rename.Change) WorkspaceEdit {
	var w WorkspaceEdit
	for _, f := range c.Files {
		text, _ := s.text(f.Path)
		ls := lines(text)
		var edits []TextEdit
		for _, e := range f.Edits {
			edits = append(edits, TextEdit{Range: Range{Start: position(ls, e.Line, e.Col), End: position(ls, e.EndLine, e.EndCol)}, NewText: e.NewText})
		}
		w.DocumentChanges = append(w.DocumentChanges, TextDocumentEdit{
			TextDocument: VersionedTextDocumentIdentifier{URI: s.uri(f.Path), Version: s.version(f.Path)}, Edits: edits})
	}
	for _, m := range c.Moves {
		w.DocumentChanges = append(w.DocumentChanges, RenameFile{Kind: "rename", OldURI: s.uri(m.From), NewURI: s.uri(m.To)})
	}
	return w
}

// version is the version of an open document, nil for a file on disk.
func (s *Server) version(rel string) *int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.docs[rel]; ok {
		v := d.version
		return &v
	}
	return nil
}

// ---- symbols, code actions

func (s *Server) symbols(p DocumentSymbolParams) (any, error) {
	rel := s.rel(p.TextDocument.URI)
	text, ok := s.text(rel)
	if !ok {
		return nil, fmt.Errorf("cannot read %s", p.TextDocument.URI)
	}
	ls := lines(text)
	var roots []DocumentSymbol
	hs := headings(ls)
	// Symbols nest by level; each is built whole before it is attached,
	// since attaching copies it.
	var build func(i int) (DocumentSymbol, int)
	build = func(i int) (DocumentSymbol, int) {
		h := hs[i]
		line := ls[h.line]
		rng := Range{Start: Position{Line: h.line}, End: Position{Line: h.line, Character: utf16Col(line, len(line))}}
		sym := DocumentSymbol{Name: h.text, Detail: strings.Repeat("#", h.level), Kind: 15, Range: rng, SelectionRange: rng}
		j := i + 1
		for j < len(hs) && hs[j].level > h.level {
			var child DocumentSymbol
			child, j = build(j)
			sym.Children = append(sym.Children, child)
		}
		if j > i+1 {
			sym.Range.End = sym.Children[len(sym.Children)-1].Range.End
		}
		return sym, j
	}
	for i := 0; i < len(hs); {
		var sym DocumentSymbol
		sym, i = build(i)
		roots = append(roots, sym)
	}
	if roots == nil {
		roots = []DocumentSymbol{}
	}
	return roots, nil
}

func (s *Server) codeActions(p CodeActionParams) (any, error) {
	rel := s.rel(p.TextDocument.URI)
	a := s.current()
	text, _ := s.text(rel)
	ls := lines(text)
	out := []CodeAction{}
	for _, d := range a.Diagnostics {
		if d.Path != rel || d.Fix == nil || d.Fix.Line == 0 {
			continue
		}
		ld := toLSP(ls, d)
		if !overlaps(ld.Range, p.Range) {
			continue
		}
		f := d.Fix
		edit := TextEdit{Range: Range{Start: position(ls, f.Line, f.Col), End: position(ls, f.EndLine, f.EndCol)}, NewText: f.NewText}
		out = append(out, CodeAction{Title: f.Title, Kind: "quickfix", Diagnostics: []Diagnostic{ld}, IsPreferred: true,
			Edit: WorkspaceEdit{DocumentChanges: []any{TextDocumentEdit{
				TextDocument: VersionedTextDocumentIdentifier{URI: p.TextDocument.URI, Version: s.version(rel)}, Edits: []TextEdit{edit}}}}})
	}
	return out, nil
}

func overlaps(a, b Range) bool {
	return contains(a, b.Start) || contains(a, b.End) || contains(b, a.Start)
}
