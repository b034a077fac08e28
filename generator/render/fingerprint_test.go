package render

import (
	"fmt"
	"reflect"
	"testing"
	"time"
	"unsafe"
)

// TestFingerprintMissesNoField fills a view with a distinct value in every
// field it can reach, changes each value in turn, and checks that the
// view's fingerprint changes. The fields are found by reflection, so a
// field added to View, Page, Term, Folder, Site or content.Page is checked
// the day it is added: left out of the fingerprint, it fails here instead
// of showing a stale page in the preview.
//
// How far a template reaches is the fingerprint's contract (see
// Fingerprints): all of the view and the page it shows; of a page it
// lists or links to, its card (everything but what only that page's own
// output shows); of a page a card names, its name and address.
func TestFingerprintMissesNoField(t *testing.T) {
	var f filler
	v := &View{}
	f.fill(reflect.ValueOf(v).Elem(), 0, nil)
	sum := func() uint64 {
		return NewFingerprints(v.Site, func(string) uint64 { return 1 }, f.pages, Source).View("case.html", v)
	}
	base := sum()
	if sum() != base {
		t.Fatal("the same view fingerprints differently twice")
	}
	var w walker
	w.walk(reflect.ValueOf(v).Elem(), "View", whole, nil)
	if len(w.probes) < 300 {
		t.Fatalf("only %d values to change: the fixture is not filled", len(w.probes))
	}
	for _, p := range w.probes {
		p.apply()
		changed := sum() != base
		p.undo()
		if !changed {
			t.Errorf("%s: changing it leaves the fingerprint the same, so a rebuild would keep the old page", p.path)
		}
	}
	if sum() != base {
		t.Fatal("the probes did not put every value back")
	}
}

// unseen are fields within a template's reach that no output's bytes
// depend on, with why.
var unseen = map[string]string{
	// The converted Content stands for the Markdown body; templates print
	// Content, never the source.
	"content.Page.Body": "",
	// Positions, kept for messages about the file, never printed on a page.
	"content.Page.BodyLine":    "",
	"content.Page.TitleAt":     "",
	"content.Page.FrameworkAt": "",
	// Whether a folder gets a page of its own: it decides which outputs
	// exist, not what any of them shows.
	"render.Folder.Listed": "",
}

// reach is how much of a value templates may show.
type reach int

const (
	whole     reach = iota // the view, its site, term and folder, the page it shows: every field
	listed                 // a page the view lists or the shown page links to
	thin                   // a page a card names: its name, address, kind and language
	termItem               // a term in a list of terms: its name, address and count
	subfolder              // a folder inside the shown folder: its name, address and count
	counted                // a list of which only the length shows
	beyond                 // nothing of it shows
)

var (
	pageType   = reflect.TypeFor[Page]()
	termType   = reflect.TypeFor[Term]()
	folderType = reflect.TypeFor[Folder]()
)

// fieldReach is the reach of field f of a struct seen with reach r.
func fieldReach(owner reflect.Type, f reflect.StructField, r reach) reach {
	if _, ok := unseen[owner.String()+"."+f.Name]; ok {
		return beyond
	}
	name := f.Name
	switch r {
	case thin:
		if owner == pageType && name == "Page" { // the embedded content.Page
			return thin
		}
		switch name {
		case "Title", "URL", "Kind", "Lang", "Slug":
			return whole
		}
		return beyond
	case termItem:
		switch name {
		case "Taxonomy", "Name", "Slug", "URL", "ParentURL":
			return whole
		case "Pages":
			return counted
		}
		return beyond
	case subfolder:
		switch name {
		case "Title", "URL":
			return whole
		case "Pages":
			return counted
		}
		return beyond
	case listed:
		if owner == pageType {
			switch name {
			case "Content", "Backlinks", "Related", "Previews", "Mermaid", "Unpublished":
				return beyond // only the page's own output shows these
			}
		}
	}
	// In the whole or a card, what a field holds decides its reach.
	elem := f.Type
	for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice || elem.Kind() == reflect.Array {
		elem = elem.Elem()
	}
	switch {
	case owner.Name() == "View" && name == "Page":
		return whole // the page the view shows
	case elem == pageType && r == whole:
		return listed
	case elem == pageType:
		return thin
	case elem == termType && !(owner.Name() == "View" && name == "Term"):
		return termItem
	case elem == folderType && owner == folderType:
		return subfolder
	}
	return r
}

// A probe changes one value of the fixture, and puts it back.
type probe struct {
	path        string
	apply, undo func()
}

type walker struct{ probes []probe }

// walk adds a probe for every value under v that r says must count.
// commit writes v back where it came from, for a map's values.
func (w *walker) walk(v reflect.Value, path string, r reach, commit func()) {
	if r == beyond {
		return
	}
	if commit == nil {
		commit = func() {}
	}
	t := v.Type()
	switch {
	case r == counted:
		w.grow(v, path, commit)
	case t == reflect.TypeFor[time.Time]():
		w.leaf(v, path, commit, reflect.ValueOf(v.Interface().(time.Time).Add(time.Hour)))
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			w.walk(settable(v.Field(i)), path+"."+f.Name, fieldReach(t, f, r), commit)
		}
	case t.Kind() == reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), path, r, commit)
		}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		if t.Kind() == reflect.Slice {
			w.grow(v, path, commit)
		}
		for i := range v.Len() {
			w.walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), r, commit)
		}
	case t.Kind() == reflect.Map:
		w.grow(v, path, commit)
		for _, k := range v.MapKeys() {
			entry := reflect.New(t.Elem()).Elem()
			entry.Set(v.MapIndex(k))
			w.walk(entry, fmt.Sprintf("%s[%v]", path, k), r, func() { v.SetMapIndex(k, entry); commit() })
		}
	default:
		w.leaf(v, path, commit, changed(v))
	}
}

// leaf adds a probe that sets v to to.
func (w *walker) leaf(v reflect.Value, path string, commit func(), to reflect.Value) {
	old := reflect.New(v.Type()).Elem()
	old.Set(v)
	w.probes = append(w.probes, probe{path,
		func() { v.Set(to); commit() },
		func() { v.Set(old); commit() }})
}

// grow adds a probe that makes a slice or map one entry longer.
func (w *walker) grow(v reflect.Value, path string, commit func()) {
	old := reflect.New(v.Type()).Elem()
	old.Set(v)
	longer := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 0 {
			return
		}
		longer.Set(reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, v.Len()+1), v))
		longer.Set(reflect.Append(longer, v.Index(0)))
	case reflect.Map:
		longer.Set(reflect.MakeMap(v.Type()))
		for _, k := range v.MapKeys() {
			longer.SetMapIndex(k, v.MapIndex(k))
			longer.SetMapIndex(reflect.ValueOf("added").Convert(v.Type().Key()), v.MapIndex(k))
		}
	}
	w.probes = append(w.probes, probe{path + " (one more)",
		func() { v.Set(longer); commit() },
		func() { v.Set(old); commit() }})
}

// changed is a value of v's kind that differs from v.
func changed(v reflect.Value) reflect.Value {
	to := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.String:
		to.SetString(v.String() + "~")
	case reflect.Int, reflect.Int64, reflect.Int32:
		to.SetInt(v.Int() + 1)
	case reflect.Uint8, reflect.Uint, reflect.Uint64:
		to.SetUint(v.Uint() + 1)
	case reflect.Bool:
		to.SetBool(!v.Bool())
	case reflect.Float64:
		to.SetFloat(v.Float() + 1)
	case reflect.Interface:
		to.Set(reflect.ValueOf(fmt.Sprint(v.Interface()) + "~"))
	default:
		panic("no change for a " + v.Type().String() + ": teach changed and filler.fill this kind")
	}
	return to
}

// settable lets the test set unexported fields too (View.langPrefix).
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// filler gives every field a value of its own. Pages nest two deep (a
// listed page, and the pages its card names); other types that hold
// themselves (folders) nest twice.
type filler struct {
	n     int
	pages []*Page
}

func (f *filler) fill(v reflect.Value, hops int, seen []reflect.Type) {
	t := v.Type()
	f.n++
	switch t.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d", f.n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(f.n))
	case reflect.Uint8, reflect.Uint, reflect.Uint64:
		v.SetUint(uint64(f.n))
	case reflect.Bool:
		v.SetBool(f.n%2 == 0)
	case reflect.Float64:
		v.SetFloat(float64(f.n))
	case reflect.Interface:
		v.Set(reflect.ValueOf(fmt.Sprintf("v%d", f.n)))
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, f.n)))
			return
		}
		for i := range t.NumField() {
			f.fill(settable(v.Field(i)), hops, seen)
		}
	case reflect.Pointer:
		elem := t.Elem()
		if elem == pageType {
			if hops >= 2 {
				return
			}
			hops++
		}
		times := 0
		for _, s := range seen {
			if s == elem {
				times++
			}
		}
		if times >= 2 {
			return
		}
		p := reflect.New(elem)
		if elem == pageType {
			f.pages = append(f.pages, p.Interface().(*Page))
		}
		f.fill(p.Elem(), hops, append(seen, elem))
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(t, 1, 1)
		f.fill(s.Index(0), hops, seen)
		if t.Elem().Kind() == reflect.Pointer && s.Index(0).IsNil() {
			return // too deep to fill
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i), hops, seen)
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		k := reflect.New(t.Key()).Elem()
		f.fill(k, hops, seen)
		e := reflect.New(t.Elem()).Elem()
		f.fill(e, hops, seen)
		m.SetMapIndex(k, e)
		v.Set(m)
	default:
		panic("cannot fill a " + t.String())
	}
}
