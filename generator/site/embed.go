package site

import (
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/link"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/render"
)

// maxEmbedDepth bounds how deep embeds of pages may nest: a page shows
// another that shows another, and so on. Deeper is surely a mistake, and
// each level repeats text the reader already has.
const maxEmbedDepth = 4

// showsPage reports whether link l of a page, resolved to, shows another
// page's text in place: a page embed standing alone in its paragraph.
func showsPage(l markdown.Link, to link.Target) bool {
	return l.Embed && l.Block && to.Page != nil
}

// shown is what an embed shows: a page, or the heading or block of it
// that anchor names.
type shown struct {
	page   *content.Page
	anchor string
}

func (s shown) String() string {
	if s.anchor == "" {
		return s.page.File
	}
	return s.page.File + "#" + s.anchor
}

// checkEmbeds finds embeds that would show themselves, through others or
// not, or nest deeper than maxEmbedDepth, and reports each at the embed
// that closes the cycle or goes too deep. An embed of a heading or block
// shows only that part, so only the embeds inside it count: two notes
// may each embed a part of the other. It returns the pages some page
// shows.
func checkEmbeds(pages []*content.Page, docs map[*content.Page]*markdown.Doc, links map[*content.Page][]link.Target) (map[*content.Page]bool, diag.List) {
	embedded := map[*content.Page]bool{}
	var errs diag.List
	reported := map[string]bool{}
	var visit func(at shown, chain []shown)
	visit = func(at shown, chain []shown) {
		doc := docs[at.page]
		if doc == nil {
			return
		}
		var indexes []int // the links the embed shows: all of a page's, or those in its part
		if at.anchor == "" {
			indexes = make([]int, len(doc.Links))
			for i := range indexes {
				indexes[i] = i
			}
		} else {
			start, end, ok := doc.Section(at.anchor)
			if !ok {
				return // shown as a link (see pageEmbed)
			}
			indexes = doc.LinksIn(start, end)
		}
		chain = append(chain, at)
		for _, i := range indexes {
			l, to := doc.Links[i], links[at.page][i]
			if !showsPage(l, to) {
				continue
			}
			embedded[to.Page] = true
			next := shown{to.Page, to.Anchor}
			pos := diag.Pos{Path: at.page.File, Line: at.page.BodyLine + l.Line - 1, Col: l.Col}
			key := pos.String()
			if j := slices.Index(chain, next); j >= 0 {
				if !reported[key] {
					reported[key] = true
					errs.Errorf(pos, "%s: the page would show itself: %s; embed a heading or a block of it (#heading, #^id) that holds no such embed instead", describeLink(l), cycle(append(chain[j:], next)))
				}
				continue
			}
			if len(chain) > maxEmbedDepth {
				if !reported[key] {
					reported[key] = true
					errs.Errorf(pos, "%s: embeds nest %d deep here (%s); at most %d pages may show one another", describeLink(l), len(chain), cycle(append(chain, next)), maxEmbedDepth)
				}
				continue
			}
			visit(next, chain)
		}
	}
	for _, p := range pages {
		visit(shown{page: p}, nil)
	}
	return embedded, errs
}

func cycle(chain []shown) string {
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = s.String()
	}
	return strings.Join(names, " → ")
}

// filler writes resolved links into converted pages, showing embedded
// pages' text in place.
type filler struct {
	docs  map[*content.Page]*markdown.Doc
	links map[*content.Page][]link.Target
	// tagPages are the addresses of the tag pages there will be. A tag
	// only the text of a home or folder page has gets none (tag pages list
	// pages, and those are not), so it shows as text, there and wherever
	// an embed shows that text. Nil links every tag.
	tagPages map[string]bool
}

// fill writes the links of page p, converted as doc and resolved as
// links, for it to be shown on the page at URL at; the HTML between
// start and end only, or all of it when end is 0.
func (f filler) fill(p *content.Page, doc *markdown.Doc, links []link.Target, at string, start, end int) []byte {
	value := func(i int) markdown.Value {
		l, to := doc.Links[i], links[i]
		id := markdown.RefID(i)
		if to.Missing {
			return markdown.Value{Missing: true, Text: l.Text(), HTML: missingEmbed(l, id)}
		}
		if to.Tag != "" {
			if f.tagPages != nil && !f.tagPages[to.Tag] {
				return markdown.Value{Missing: true, Text: l.Text()}
			}
			return markdown.Value{Href: render.RelURL(at, to.Tag), Text: l.Text()}
		}
		if to.File != "" {
			href := render.RelFileURL(at, to.File)
			return markdown.Value{Href: href, HTML: fileEmbed(l, id, href, to.File)}
		}
		if to.Page == nil {
			return markdown.Value{Text: l.Text()}
		}
		href := render.RelURL(at, to.Page.URL)
		if to.Page == p && at == p.URL {
			href = ""
		}
		if to.Anchor != "" {
			href += "#" + to.Anchor
		}
		v := markdown.Value{Href: href, Text: link.Text(doc, links, i)}
		if l.Embed {
			v.HTML = f.pageEmbed(l, id, to, v, at)
		}
		return v
	}
	if end == 0 {
		return doc.Fill(value)
	}
	return doc.FillRange(start, end, value)
}

// ids matches the id attributes of converted HTML. Text can hold no
// quote (it is escaped), so only elements casebook made match.
var ids = regexp.MustCompile(` id="[^"]*"`)

// pageEmbed is what an embed of a page shows: standing alone in its
// paragraph, the page's text (or the part its anchor names) under a link
// to it; within a sentence, a link.
// Its element has the link's id, for backlinks to point at.
func (f filler) pageEmbed(l markdown.Link, id string, to link.Target, v markdown.Value, at string) []byte {
	doc := f.docs[to.Page]
	if !l.Block || doc == nil {
		return []byte(wikilinkHTML(id, v))
	}
	start, end := 0, 0
	if to.Anchor != "" {
		var ok bool
		if start, end, ok = doc.Section(to.Anchor); !ok {
			return []byte(wikilinkHTML(id, v))
		}
	}
	body := f.fill(to.Page, doc, f.links[to.Page], at, start, end)
	// The embedded text's ids are its own page's; here they would repeat
	// ids of this page (ref-0, a heading's), and the reader reaches them
	// on the page the embed links to.
	body = ids.ReplaceAll(body, nil)
	var b strings.Builder
	b.WriteString(`<div class="embed" id="` + id + `"><p class="embed-source">`)
	b.WriteString(wikilinkHTML("", v))
	b.WriteString("</p>\n")
	b.Write(body)
	b.WriteString("</div>\n")
	return []byte(b.String())
}

// wikilinkHTML writes a link as the renderer writes a wikilink, with an
// id when not "".
func wikilinkHTML(id string, v markdown.Value) string {
	attrs := ""
	if id != "" {
		attrs = ` id="` + id + `"`
	}
	return `<a class="wikilink"` + attrs + ` href="` + html.EscapeString(v.Href) + `">` + html.EscapeString(v.Text) + `</a>`
}

// mediaKinds are the files an embed shows as a picture, a sound or a film,
// by extension.
var mediaKinds = map[string]string{
	".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".webp": "image", ".svg": "image", ".avif": "image", ".bmp": "image",
	".mp3": "audio", ".wav": "audio", ".m4a": "audio", ".ogg": "audio", ".oga": "audio", ".flac": "audio",
	".mp4": "video", ".webm": "video", ".ogv": "video", ".mov": "video", ".mkv": "video",
}

// fileEmbed is what an embed of a file shows: a picture, a player, or for
// a PDF or any other file a link card (the site's CSP allows no <object>).
func fileEmbed(l markdown.Link, id, href, file string) []byte {
	name := path.Base(file)
	label := l.Label
	src := html.EscapeString(href)
	size := ""
	if l.Width > 0 {
		size += ` width="` + strconv.Itoa(l.Width) + `"`
	}
	if l.Height > 0 {
		size += ` height="` + strconv.Itoa(l.Height) + `"`
	}
	switch mediaKinds[strings.ToLower(path.Ext(file))] {
	case "image":
		if label == "" {
			label = strings.TrimSuffix(name, path.Ext(name)) // as Obsidian does; a picture in a note is seldom decoration
		}
		return []byte(`<img id="` + id + `" src="` + src + `" alt="` + html.EscapeString(label) + `"` + size + ` loading="lazy">`)
	case "audio":
		return []byte(`<audio id="` + id + `" controls preload="metadata" src="` + src + `">` + fallback(src, name) + `</audio>`)
	case "video":
		return []byte(`<video id="` + id + `" controls preload="metadata" src="` + src + `"` + size + `>` + fallback(src, name) + `</video>`)
	}
	if label == "" {
		label = name
	}
	kind := strings.ToUpper(strings.TrimPrefix(path.Ext(file), "."))
	return []byte(fmt.Sprintf(`<a class="embed-file" id="%s" href="%s"><span class="embed-file-kind">%s</span> %s</a>`, id, src, html.EscapeString(kind), html.EscapeString(label)))
}

// fallback is what a browser that plays no such file shows: a link to it.
func fallback(src, name string) string {
	return `<a href="` + src + `">` + html.EscapeString(name) + `</a>`
}

// missingEmbed shows an embed of a page or file not written yet as
// Obsidian shows an unresolved link: its name, not a link.
func missingEmbed(l markdown.Link, id string) []byte {
	return []byte(`<a class="wikilink" id="` + id + `">` + html.EscapeString(l.Text()) + `</a>`)
}
