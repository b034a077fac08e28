package site

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/render"
)

// folders groups a language's pages by the folder of their source file,
// so that every folder of pages gets a page listing its pages and
// folders, as a folder of notes reads in Obsidian. The folder's own text
// (its _index.md, or in a folder of notes its index or its note of the
// same name) heads that page. It sets the language's top-level folders
// and the folders that get a page of their own: all but those whose
// address casebook or a page already uses (cases/, frameworks/, a page
// bundle).
func (b *pass) folders(l *language) {
	cfg := b.lib.Config
	byURL := map[string]*render.Folder{}
	var get func(written string) *render.Folder
	get = func(written string) *render.Folder {
		url := l.prefix + slugPath(written) + "/"
		if f := byURL[url]; f != nil {
			return f
		}
		f := &render.Folder{Title: path.Base(written), URL: url}
		if s := l.sections[slugPath(written)]; s != nil {
			f.Title = s.Title
			f.Intro = b.intro(s)
		}
		byURL[url] = f
		if parent := path.Dir(written); parent != "." {
			p := get(parent)
			p.Folders = append(p.Folders, f)
		}
		return f
	}
	for _, v := range l.pages {
		rel, _ := cfg.ContentPath(v.File)
		dir := path.Dir(rel)
		if v.Bundle != "" {
			dir = path.Dir(v.Bundle)
		}
		if dir == "." || slugPath(dir) == "" {
			continue
		}
		f := get(dir)
		f.Pages = append(f.Pages, v)
	}
	taken := map[string]bool{l.prefix + "cases/": true, l.prefix + "frameworks/": true}
	for _, v := range l.pages {
		taken[v.URL] = true
	}
	l.folders, l.folderPages = nil, nil
	for url, f := range byURL {
		slices.SortFunc(f.Pages, byTitle)
		slices.SortFunc(f.Folders, byFolderTitle)
		at := strings.TrimPrefix(url, l.prefix)
		if strings.Count(at, "/") == 1 {
			l.folders = append(l.folders, f)
		}
		if taken[url] || reservedFolder(strings.TrimSuffix(at, "/")) {
			f.Listed = true // its pages are listed elsewhere
		} else {
			l.folderPages = append(l.folderPages, f)
		}
	}
	slices.SortFunc(l.folders, byFolderTitle)
	slices.SortFunc(l.folderPages, func(a, b *render.Folder) int { return cmp.Compare(a.URL, b.URL) })
}

func byFolderTitle(a, b *render.Folder) int {
	return cmp.Or(naturalCompare(a.Title, b.Title), cmp.Compare(a.URL, b.URL))
}

// slugPath is the output path of a folder: each of its names a slug.
func slugPath(dir string) string {
	var segs []string
	for _, s := range strings.Split(dir, "/") {
		if s = content.Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	return strings.Join(segs, "/")
}

// reservedFolder reports whether casebook writes its own pages where the
// folder's page would go.
func reservedFolder(path string) bool {
	_, ok := content.Reserved(path)
	return ok
}
