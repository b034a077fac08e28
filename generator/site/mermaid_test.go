package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/layouts"
)

// TestMermaidBundleOnlyWhenUsed: the multi-megabyte mermaid bundle is in
// a site only while a page has a diagram, only that page loads it, and
// adding or removing a diagram is never a Quick edit (the bundle comes or
// goes with the whole build).
func TestMermaidBundleOnlyWhenUsed(t *testing.T) {
	root, r := builtSample(t)
	const washer = "content/cases/washing-machine.md"
	const tag = `assets/mermaid.min.js" defer></script>`
	build := func(step string) map[string][]byte {
		t.Helper()
		out := NewMemOutput()
		if _, errs := r.Rebuild(out); errs.HasErrors() {
			t.Fatalf("%s: %s", step, errs)
		}
		return out.Files()
	}

	if _, ok := build("the sample")[MermaidScript]; ok {
		t.Errorf("a library without diagrams has %s", MermaidScript)
	}
	edit(t, root, washer, func(s string) string { return s + "\n```mermaid\nflowchart LR\n  A --> B\n```\n" })
	if _, _, ok := r.Quick(washer); ok {
		t.Errorf("adding a diagram was a Quick edit")
	}
	files := build("a diagram added")
	if !bytes.Equal(files[MermaidScript], layouts.Mermaid) {
		t.Errorf("with a diagram, %s is %d bytes, want the vendored %d", MermaidScript, len(files[MermaidScript]), len(layouts.Mermaid))
	}
	if page := string(files["cases/washing-machine/index.html"]); !strings.Contains(page, tag) || !strings.Contains(page, `<pre class="mermaid">`) {
		t.Errorf("the page with the diagram neither loads mermaid nor holds the diagram")
	}
	if page := string(files["cases/phone-operator/index.html"]); strings.Contains(page, "mermaid") {
		t.Errorf("a page without a diagram mentions mermaid")
	}
	edit(t, root, washer, func(s string) string { return s + "\nOne more sentence.\n" })
	if _, _, ok := r.Quick(washer); !ok {
		t.Errorf("an edit that keeps the diagram was not a Quick edit")
	}
	edit(t, root, washer, func(s string) string {
		return strings.Replace(s, "```mermaid\nflowchart LR\n  A --> B\n```\n", "", 1)
	})
	if _, _, ok := r.Quick(washer); ok {
		t.Errorf("removing the diagram was a Quick edit")
	}
	if _, ok := build("the diagram removed")[MermaidScript]; ok {
		t.Errorf("%s stayed after the last diagram went", MermaidScript)
	}
}
