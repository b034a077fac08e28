// Package render fills casebook's HTML templates. It knows the view a
// template sees (View, Page, Term) and where templates come from: the
// built-in layouts, each replaceable by a file of the same name in the
// site's layouts/ folder.
package render

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/layouts"
)

// LayoutsDir is the site folder whose files replace the built-in layouts.
const LayoutsDir = "layouts"

// Templates is a parsed set of page templates and the assets beside them.
type Templates struct {
	set    *template.Template
	assets map[string][]byte // file name under assets/ -> bytes
	source map[string]string // template file -> the path to show in errors
	shared uint64            // hash of the files every page may use: partials, assets
	own    map[string]uint64 // hash of each page template used by its name alone
	// rendered holds what the cached function made, by template and
	// key, and renderedCount how much it made of each template.
	rendered      sync.Map
	renderedCount sync.Map // template name -> *atomic.Int64
}

// maxCached bounds what cached keeps of one template: one passed a value
// of each page would otherwise hold a copy of every page's part, and one
// template's values must not crowd out another's.
const maxCached = 4096

// LoadTemplates reads the built-in layouts and the site's overrides. The
// lookup is one rule: layouts/NAME in the site wins over the built-in NAME.
func LoadTemplates(siteRoot string) (*Templates, diag.List) {
	var errs diag.List
	files := map[string][]byte{}
	source := map[string]string{}
	read := func(fsys fs.FS, shown func(string) string) {
		_ = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !isLayout(p) {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				errs.Errorf(diag.Pos{Path: shown(p)}, "%v", err)
				return nil
			}
			files[p], source[p] = b, shown(p)
			return nil
		})
	}
	read(layouts.FS, func(p string) string { return "(built-in) " + LayoutsDir + "/" + p })
	if dir := filepath.Join(siteRoot, LayoutsDir); isDir(dir) {
		read(os.DirFS(dir), func(p string) string { return LayoutsDir + "/" + p })
	}

	t := &Templates{assets: map[string][]byte{}, source: source}
	t.set = template.New("").Funcs(funcs).Funcs(template.FuncMap{"cached": t.cached})
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	t.hashFiles(names, files)
	for _, name := range names {
		if a, ok := strings.CutPrefix(name, "assets/"); ok {
			t.assets[a] = files[name]
			continue
		}
		if _, err := t.set.New(name).Parse(string(files[name])); err != nil {
			errs = append(errs, t.templateError(err))
		}
	}
	return t, errs
}

// isLayout reports whether a path under layouts/ is one of casebook's:
// NAME.html, partials/NAME.html or assets/NAME. Anything else, such as
// another generator's templates kept in the same folder, is left alone.
func isLayout(p string) bool {
	dir, name := path.Split(p)
	if strings.HasPrefix(name, ".") || content.Ignored(name) {
		return false
	}
	switch dir {
	case "", "partials/":
		return strings.HasSuffix(name, ".html")
	case "assets/":
		return true
	}
	return false
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

var funcs = template.FuncMap{
	"join": strings.Join,
	"json": toJSON,
	"clip": func(s string, n int) string { return Clip(s, n).Text },
}

// toJSON is v as JSON text, for data attributes scripts read; html/template
// escapes it for the attribute.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// cachedKey is a template and the value it was run with.
type cachedKey struct {
	name string
	data any
}

// cached runs template name with data once per distinct data value and
// returns the HTML it made, for the parts thousands of pages share, such
// as the site's header (see Frame). Its output is a function of data
// alone, which is why data must be comparable: a value, not a view.
func (t *Templates) cached(name string, data any) (template.HTML, error) {
	if data == nil || !reflect.TypeOf(data).Comparable() {
		return "", fmt.Errorf("cached %q: %T is not a value that can be compared", name, data)
	}
	key := cachedKey{name, data}
	if html, ok := t.rendered.Load(key); ok {
		return html.(template.HTML), nil
	}
	var b strings.Builder
	if err := t.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	count, _ := t.renderedCount.LoadOrStore(name, new(atomic.Int64))
	if count.(*atomic.Int64).Add(1) <= maxCached {
		t.rendered.Store(key, html)
	}
	return html, nil
}

// Execute renders the named template (case.html, home.html, ...) for v.
func (t *Templates) Execute(w io.Writer, name string, v *View) error {
	if err := t.set.ExecuteTemplate(w, name, v); err != nil {
		return diag.List{t.templateError(err)}
	}
	return nil
}

// buffers are render buffers to reuse: a fresh buffer grows by doubling
// to a page's size, which allocates twice the page, the largest share of
// all a build allocates.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// RenderThen renders the page into a reused buffer and hands its bytes to
// use, which may not keep them: a build that only writes its pages saves
// a copy of each.
func (t *Templates) RenderThen(name string, v *View, use func([]byte) error) error {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	if err := t.Execute(b, name, v); err != nil {
		return err
	}
	return use(b.Bytes())
}

// Render is Execute into a new slice of exactly the page's size.
func (t *Templates) Render(name string, v *View) (page []byte, err error) {
	err = t.RenderThen(name, v, func(data []byte) error {
		page = bytes.Clone(data)
		return nil
	})
	return page, err
}

// Assets returns the files for the site's assets/ folder by name.
func (t *Templates) Assets() map[string][]byte { return t.assets }

// definesTemplates matches a template that defines others, which any
// page may then use.
var definesTemplates = regexp.MustCompile(`\{\{-?\s*(define|block)\b`)

// hashFiles hashes the files for Fingerprint: a page template that only
// its own pages use apart, everything else together.
func (t *Templates) hashFiles(names []string, files map[string][]byte) {
	t.own = map[string]uint64{}
	var shared [][]byte
	for _, name := range names {
		if !strings.Contains(name, "/") && !definesTemplates.Match(files[name]) {
			t.own[name] = Hash(files[name])
			continue
		}
		shared = append(shared, []byte(name), files[name])
	}
	t.shared = Hash(shared...)
}

// Fingerprint hashes what the output of page template name depends on:
// the template itself and everything shared. A change to case.html thus
// changes the fingerprint of case pages only; one to a partial, of all.
func (t *Templates) Fingerprint(name string) uint64 {
	return Hash([]byte(name), binary.LittleEndian.AppendUint64(nil, t.shared), binary.LittleEndian.AppendUint64(nil, t.own[name]))
}

var templatePos = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateError turns html/template's "template: case.html:12:5: msg"
// (or "html/template:case.html:12:5: msg", as it writes some) into a
// diagnostic at the file the template came from.
func (t *Templates) templateError(err error) diag.Diagnostic {
	msg := err.Error()
	var tmplErr *template.Error
	if errors.As(err, &tmplErr) && tmplErr.Name != "" {
		msg = tmplErr.Error()
	}
	d := diag.Diagnostic{Pos: diag.Pos{Path: LayoutsDir}, Severity: diag.Error, Message: msg}
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		file := t.source[m[1]]
		if file == "" {
			file = LayoutsDir + "/" + path.Clean(m[1])
		}
		d.Pos, d.Message = diag.Pos{Path: file, Line: line, Col: max(col, 1)}, m[4]
	}
	return d
}
