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
	"strings"
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
// one framework that link to each other, ready to build, the files
// that publish it from GitHub Pages, Netlify or Cloudflare Pages, and a
// .gitignore for its output. It refuses a dir
// that already holds a library, so it never overwrites a writer's work.
func Init(dir string) ([]string, error) {
	for _, existing := range []string{content.ConfigFile, content.Dir} {
		if _, err := os.Stat(filepath.Join(dir, existing)); err == nil {
			return nil, fmt.Errorf("%s already has %s; init starts a new library in an empty folder", dir, existing)
		}
	}
	if notes := notesIn(dir, 3); len(notes) > 0 {
		return nil, fmt.Errorf("%s holds notes already (%s); casebook builds a folder of notes as it is: casebook serve %s, or casebook build %s. init would start a library beside them in content/, and they would no longer be read",
			dir, strings.Join(notes, ", "), dir, dir)
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
	files[".gitignore"] = gitignore
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
			continue // a repository's own set-up stays as it is
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(rel)), []byte(files[rel])); err != nil {
			return written, err
		}
		written = append(written, filepath.FromSlash(rel))
	}
	return written, nil
}

// gitignore keeps what casebook makes out of the library's repository:
// the host builds the site itself, and `git add -A` should not commit it.
const gitignore = `# made by casebook: built again by every build, and by the host
/public/
/public-editions/
/.casebook-tmp-*
/casebook.pdf
/slides.pdf
`

var pageTemplates = map[content.Kind]*template.Template{
	content.KindCase: template.Must(template.New("case").Parse(`---
title: {{printf "%q" .Title}}
summary: ""               # one or two sentences, shown in lists, link previews and search
date: {{.Date}}
draft: true               # delete this line to publish the case
tags: []                  # topics, such as [delivery, returns]
industry: ""              # one word such as retail, banking or telecom; pages group by it, so keep one spelling
frameworks: []            # frameworks this case applies, by slug: [expected-target-delivered]
source: ""                # who told the story: author, publication, year
experience:
  expected: ""            # what the customer believed they bought
  target: ""              # what the company designed to deliver
  delivered: ""           # what actually happened
journey:                  # one line per stage of the customer's journey, each scored 0-10 three ways:
                          # what the customer expected, what the company targeted, what was delivered
  - {stage: Purchase, expected: 8, target: 8, delivered: 8}
chain:                    # every party between maker and customer, in order
  # actor: who they are (a company, a team or a job).
  # role: their part: manufacturer, seller, subcontractor, courier, installer, support...
  #   The insights group the chain by role, so use the same word for the same part in every case.
  # care: the care they showed: high, medium, low or broken.   note: what they did, in a few words.
  - {actor: "", role: seller, care: medium, note: ""}
ratings: {service: 5, experience: 5}   # 0-10 each: the customer service alone, and the whole experience
---

## What the customer bought

## What was sold

## Where the experience broke

## Lessons
`)),
	content.KindFramework: template.Must(template.New("framework").Parse(`---
title: {{printf "%q" .Title}}
summary: ""               # the idea in one sentence, shown in lists, link previews and search
date: {{.Date}}
draft: true               # delete this line to publish the framework
aliases: []               # other names a [[wikilink]] or a case's frameworks: list may use, such as [ETD]
tags: []                  # topics, such as [positioning, service design]
# Cases that list this framework under frameworks: appear on its page by themselves.
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

// notesIn lists up to limit Markdown files under dir, skipping what a
// folder of notes skips (dot-folders such as .obsidian/ and .git/) and a
// repository's own README.md and LICENSE.md at the top: a folder with
// notes in it is an Obsidian vault or the like, which builds as it is.
func notesIn(dir string, limit int) []string {
	var found []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that cannot be read holds no notes init could hide
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != "." && content.Ignored(e.Name()) || e.IsDir() && e.Name() == "node_modules" {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() || !strings.EqualFold(filepath.Ext(p), ".md") {
			return nil
		}
		if top := filepath.Dir(rel) == "."; top && (strings.EqualFold(rel, "README.md") || strings.EqualFold(rel, "LICENSE.md")) {
			return nil
		}
		found = append(found, filepath.ToSlash(rel))
		if len(found) == limit {
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
