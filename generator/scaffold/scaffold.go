// Package scaffold writes new things for writers: a whole starter library
// (casebook init) and a single page from a template (casebook new).
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"text/template"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/host"
)

// library is the starter library; "all:" keeps content/_index.md, whose
// name a plain pattern would leave out.
//
//go:embed all:library
var library embed.FS

// Init writes a starter library into dir: config, home text, one case and
// one framework that link to each other, ready to build, and the files
// that publish it from GitHub Pages, Netlify or Cloudflare Pages. It refuses a dir
// that already holds a library, so it never overwrites a writer's work.
func Init(dir string) ([]string, error) {
	for _, existing := range []string{content.ConfigFile, content.Dir} {
		if _, err := os.Stat(filepath.Join(dir, existing)); err == nil {
			return nil, fmt.Errorf("%s already has %s; init starts a new library in an empty folder", dir, existing)
		}
	}
	var written []string
	err := fs.WalkDir(library, "library", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := library.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("library", p)
		if err := writeNew(filepath.Join(dir, rel), data); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	if err != nil {
		return written, err
	}
	files := host.Files(host.ToolVersion())
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
			continue // a repository's own host set-up stays as it is
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(rel)), []byte(files[rel])); err != nil {
			return written, err
		}
		written = append(written, filepath.FromSlash(rel))
	}
	return written, nil
}

var pageTemplates = map[content.Kind]*template.Template{
	content.KindCase: template.Must(template.New("case").Parse(`---
title: {{printf "%q" .Title}}
summary: ""
date: {{.Date}}
draft: true
tags: []
industry: ""
frameworks: []            # slugs of frameworks this case applies
source: ""                # who told the story: author, publication, year
experience:
  expected: ""            # what the customer believed they bought
  target: ""              # what the company designed to deliver
  delivered: ""           # what actually happened
journey:                  # scores 0-10 per stage
  - {stage: Purchase, expected: 8, target: 8, delivered: 8}
chain:                    # care: high, medium, low or broken
  - {actor: "", role: seller, care: medium, note: ""}
ratings: {service: 5, experience: 5}
---

## What the customer bought

## What was sold

## Where the experience broke

## Lessons
`)),
	content.KindFramework: template.Must(template.New("framework").Parse(`---
title: {{printf "%q" .Title}}
summary: ""
date: {{.Date}}
draft: true
aliases: []
tags: []
---

## The idea

## How to use it

## Cases
`)),
}

// NewPage writes content/cases/<slug>.md or content/frameworks/<slug>.md
// in the site at root, from the title, and returns its path relative to
// root. The page starts as a draft.
func NewPage(root string, kind content.Kind, title string, now time.Time) (string, error) {
	tmpl, ok := pageTemplates[kind]
	if !ok {
		return "", fmt.Errorf("casebook new makes a case or a framework, not %q", kind)
	}
	slug := content.Slugify(title)
	if slug == "" {
		return "", errors.New("the title needs at least one letter or digit to make a file name from")
	}
	section := map[content.Kind]string{content.KindCase: "cases", content.KindFramework: "frameworks"}[kind]
	rel := filepath.Join(content.Dir, section, slug+".md")
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, map[string]string{"Title": title, "Date": now.Format("2006-01-02")}); err != nil {
		return "", err
	}
	return rel, writeNew(filepath.Join(root, rel), buf.Bytes())
}

// writeNew creates path with data, failing if it exists.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; casebook never overwrites a page", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
