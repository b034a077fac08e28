package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Document is what Read finds in a PDF that Chromium wrote: the size of
// each page and the text drawn on it. It is enough to check a print (one
// page per brief, 16:9 slides, the words on them), not a PDF library: it
// reads the plain objects Chromium's writer (Skia) makes, with Flate
// streams and Type0 fonts whose ToUnicode maps give the characters.
type Document struct {
	Pages []Page
}

// Page is one printed page; sizes are in points (1/72 inch).
type Page struct {
	Width, Height float64
	Text          string
}

var (
	objectRe   = regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`)
	streamRe   = regexp.MustCompile(`(?s)^(<<.*?>>)\s*stream\r?\n`)
	mediaBoxRe = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	contentsRe = regexp.MustCompile(`/Contents\s+(\d+) 0 R`)
	fontDictRe = regexp.MustCompile(`(?s)/Font\s*<<(.*?)>>`)
	fontRefRe  = regexp.MustCompile(`/(\w+)\s+(\d+) 0 R`)
	toUniRe    = regexp.MustCompile(`/ToUnicode\s+(\d+) 0 R`)
	xobjDictRe = regexp.MustCompile(`(?s)/XObject\s*<<(.*?)>>`)
	bfcharRe   = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	bfrangeRe  = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	hexPairRe  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	rangeRe    = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])`)
	tokenRe    = regexp.MustCompile(`<[0-9A-Fa-f\s]*>|/\w+|[A-Za-z*'"]+|\[|\]`)
)

type object struct {
	dict   string
	stream []byte // decompressed, when the object is a stream
}

// Read finds the pages of a PDF and their text.
func Read(data []byte) (*Document, error) {
	objs := map[int]*object{}
	for _, m := range objectRe.FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		body := data[m[4]:m[5]]
		o := &object{dict: string(body)}
		if s := streamRe.FindSubmatch(body); s != nil {
			o.dict = string(s[1])
			raw := bytes.TrimSuffix(bytes.TrimRight(body[len(s[0]):], "\r\n"), []byte("endstream"))
			o.stream = raw
			if strings.Contains(o.dict, "/FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					return nil, fmt.Errorf("object %d: %w", num, err)
				}
				// A stream read to its end may carry the writer's trailing
				// newline before endstream; what was inflated is whole.
				o.stream, _ = io.ReadAll(r)
			}
		}
		objs[num] = o
	}
	fonts := map[string]map[string]string{} // resource name -> code -> text
	for _, o := range objs {
		for _, d := range fontDictRe.FindAllStringSubmatch(o.dict, -1) {
			for _, ref := range fontRefRe.FindAllStringSubmatch(d[1], -1) {
				n, _ := strconv.Atoi(ref[2])
				if f := objs[n]; f != nil {
					if tu := toUniRe.FindStringSubmatch(f.dict); tu != nil {
						n, _ := strconv.Atoi(tu[1])
						if cm := objs[n]; cm != nil {
							fonts[ref[1]] = parseCMap(string(cm.stream))
						}
					}
				}
			}
		}
	}
	var doc Document
	for _, n := range pageOrder(objs) {
		o := objs[n]
		var p Page
		if mb := mediaBoxRe.FindStringSubmatch(o.dict); mb != nil {
			x0, _ := strconv.ParseFloat(mb[1], 64)
			y0, _ := strconv.ParseFloat(mb[2], 64)
			x1, _ := strconv.ParseFloat(mb[3], 64)
			y1, _ := strconv.ParseFloat(mb[4], 64)
			p.Width, p.Height = x1-x0, y1-y0
		}
		var text strings.Builder
		if c := contentsRe.FindStringSubmatch(o.dict); c != nil {
			n, _ := strconv.Atoi(c[1])
			showText(objs, n, fonts, &text, 0)
		}
		p.Text = text.String()
		doc.Pages = append(doc.Pages, p)
	}
	return &doc, nil
}

var kidsRe = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
var refRe = regexp.MustCompile(`(\d+) 0 R`)

// pageOrder lists the page objects in the page tree's order.
func pageOrder(objs map[int]*object) []int {
	isPage := func(o *object) bool {
		return regexp.MustCompile(`/Type\s*/Page\b`).MatchString(o.dict) && !strings.Contains(o.dict, "/Type /Pages")
	}
	var root int
	for n, o := range objs {
		if strings.Contains(o.dict, "/Type /Pages") && !strings.Contains(o.dict, "/Parent") {
			root = n
		}
	}
	var out []int
	var walk func(n int)
	walk = func(n int) {
		o := objs[n]
		if o == nil {
			return
		}
		if isPage(o) {
			out = append(out, n)
			return
		}
		if k := kidsRe.FindStringSubmatch(o.dict); k != nil {
			for _, r := range refRe.FindAllStringSubmatch(k[1], -1) {
				c, _ := strconv.Atoi(r[1])
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// showText appends the text a content stream (or a form it draws) shows.
func showText(objs map[int]*object, n int, fonts map[string]map[string]string, out *strings.Builder, depth int) {
	o := objs[n]
	if o == nil || depth > 8 {
		return
	}
	forms := map[string]int{}
	for _, d := range xobjDictRe.FindAllStringSubmatch(o.dict, -1) {
		for _, ref := range fontRefRe.FindAllStringSubmatch(d[1], -1) {
			forms[ref[1]], _ = strconv.Atoi(ref[2])
		}
	}
	var font map[string]string
	var last string
	for _, tok := range tokenRe.FindAllString(string(o.stream), -1) {
		switch {
		case strings.HasPrefix(tok, "/"):
			last = tok[1:]
		case tok == "Tf":
			font = fonts[last]
		case tok == "Do":
			if f, ok := forms[last]; ok {
				showText(objs, f, fonts, out, depth+1)
			}
		case tok == "ET":
			// Chromium places runs, even single glyphs, with Td and Tm;
			// only the end of a text object is taken for a break.
			out.WriteByte('\n')
		case strings.HasPrefix(tok, "<"):
			hex := strings.Join(strings.Fields(tok[1:len(tok)-1]), "")
			for i := 0; i+4 <= len(hex); i += 4 {
				out.WriteString(font[strings.ToUpper(hex[i:i+4])])
			}
		}
	}
}

// parseCMap reads a ToUnicode map: glyph code (4 hex digits) -> text.
func parseCMap(s string) map[string]string {
	m := map[string]string{}
	for _, block := range bfcharRe.FindAllStringSubmatch(s, -1) {
		for _, p := range hexPairRe.FindAllStringSubmatch(block[1], -1) {
			m[strings.ToUpper(p[1])] = utf16Hex(p[2])
		}
	}
	for _, block := range bfrangeRe.FindAllStringSubmatch(s, -1) {
		for _, r := range rangeRe.FindAllStringSubmatch(block[1], -1) {
			lo, _ := strconv.ParseUint(r[1], 16, 32)
			hi, _ := strconv.ParseUint(r[2], 16, 32)
			if hi < lo || hi-lo > 0xFFFF {
				continue
			}
			if strings.HasPrefix(r[3], "[") {
				items := regexp.MustCompile(`<([0-9A-Fa-f]+)>`).FindAllStringSubmatch(r[3], -1)
				for i, it := range items {
					m[fmt.Sprintf("%04X", lo+uint64(i))] = utf16Hex(it[1])
				}
				continue
			}
			base := []rune(utf16Hex(strings.Trim(r[3], "<>")))
			if len(base) == 0 {
				continue
			}
			for c := lo; c <= hi; c++ {
				rs := append([]rune(nil), base...)
				rs[len(rs)-1] += rune(c - lo)
				m[fmt.Sprintf("%04X", c)] = string(rs)
			}
		}
	}
	return m
}

// utf16Hex decodes big-endian UTF-16 written in hex.
func utf16Hex(h string) string {
	var units []uint16
	for i := 0; i+4 <= len(h); i += 4 {
		v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
		units = append(units, uint16(v))
	}
	return string(utf16.Decode(units))
}

// squeezer folds what a PDF's text may differ in from the HTML it was
// printed from: the ligatures a font draws, and all spacing and line
// breaks, which the PDF places by position rather than by character.
var squeezer = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl", "\u00ad", "")

// Squeeze folds s for comparing a PDF's text with the text printed:
// ligatures undone, every space and line break removed.
func Squeeze(s string) string {
	return strings.Join(strings.Fields(squeezer.Replace(s)), "")
}
