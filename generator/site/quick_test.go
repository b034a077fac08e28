package site

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// TestQuickEqualsRebuild makes the edits Quick answers for and checks that
// the page it renders is byte for byte the one the following Rebuild makes,
// and that it refuses the edits whose effects reach past the page.
func TestQuickEqualsRebuild(t *testing.T) {
	root, r := builtSample(t)
	const washer = "content/cases/washing-machine.md"
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("the sample no longer holds %q", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	steps := []struct {
		name   string
		file   string
		change func(string) string
		quick  bool
	}{
		{"a paragraph added", washer, func(s string) string { return s + "\nA new paragraph, *emphasised*.\n" }, true},
		{"a word changed", washer, replace("model purchase", "textbook purchase"), true},
		{"the summary", washer, replace(`summary: "An e-retailer`, `summary: "A big e-retailer`), true},
		{"a journey score", washer, replace("{stage: Delivery, expected: 9, target: 6, delivered: 1}", "{stage: Delivery, expected: 9, target: 6, delivered: 0}"), true},
		{"a chain note", washer, replace("Damaged the box", "Dented the box"), true},
		{"the date", washer, replace("date: 2026-11-09", "date: 2026-11-10"), true},
		{"a heading", washer, replace("## What the customer bought", "## What she bought"), true},
		{"the Finnish translation", "content/cases/washing-machine.fi.md", func(s string) string { return s + "\nUusi kappale.\n" }, true},
		{"a framework's body", "content/frameworks/care-across-the-chain.md", func(s string) string { return s + "\nOne more thought.\n" }, true},
		{"a plain page", "content/about.md", func(s string) string { return s + "\nThanks to the authors.\n" }, true},

		{"a link to a page it did not link to", washer, func(s string) string { return s + "\nSee [[phone-operator]].\n" }, false},
		{"a link to itself", washer, func(s string) string { return s + "\nBack to [[#what-she-bought]].\n" }, false},
		{"the title", washer, replace(`title: "The Washing Machine Sold as Three Products"`, `title: "One Machine, Three Products"`), false},
		{"a tag", washer, replace("tags: [e-commerce,", "tags: [ecommerce,"), false},
		{"the industry", washer, replace("industry: retail", "industry: appliances"), false},
		{"an error in the front matter", washer, replace("delivered: 0}", "delivered: lots}"), false},
		{"the home page text", "content/_index.md", func(s string) string { return s + "\nWelcome.\n" }, false},
	}
	for _, step := range steps {
		edit(t, root, step.file, step.change)
		name, quick, ok := r.Quick(step.file)
		if ok != step.quick {
			t.Fatalf("%s: Quick answered %v, want %v", step.name, ok, step.quick)
		}
		out := NewMemOutput()
		_, errs := r.Rebuild(out)
		if !ok {
			if errs.HasErrors() {
				edit(t, root, step.file, replace("delivered: lots}", "delivered: 0}"))
				if _, errs := r.Rebuild(NewMemOutput()); errs.HasErrors() {
					t.Fatalf("%s, fixed: %s", step.name, errs)
				}
			}
			continue
		}
		if errs.HasErrors() {
			t.Fatalf("%s: %s", step.name, errs)
		}
		if built := out.Files()[name]; !bytes.Equal(quick, built) {
			t.Errorf("%s: Quick's %s differs from the build's\n%s", step.name, name, firstDifference(built, quick))
		}
	}
}

// builtSample is a Rebuilder that has built a copy of the sample library.
func builtSample(t *testing.T) (root string, r *Rebuilder) {
	t.Helper()
	root = copySample(t)
	r = NewRebuilder(root, Options{})
	if _, errs := r.Rebuild(NewMemOutput()); errs.HasErrors() {
		t.Fatal(errs)
	}
	return root, r
}

// TestQuickBesideRebuild runs Quick while a Rebuild runs, for the race
// detector: the preview shows a save at once while the full rebuild of
// the one before goes on.
func TestQuickBesideRebuild(t *testing.T) {
	root, r := builtSample(t)
	const washer = "content/cases/washing-machine.md"
	var wg sync.WaitGroup
	for i := range 5 {
		edit(t, root, washer, func(s string) string { return s + "\nMore.\n" })
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, errs := r.Rebuild(NewMemOutput()); errs.HasErrors() {
				t.Error(errs)
			}
		}()
		if _, _, ok := r.Quick(washer); !ok {
			t.Errorf("save %d: Quick refused a body edit", i)
		}
		wg.Wait()
	}
}
