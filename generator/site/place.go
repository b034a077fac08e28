package site

import (
	"os"
	"path/filepath"

	"github.com/casebook-cx/casebook/generator/diag"
)

// place gives the diagnostics of a build their rule ids, end positions and
// fix ranges, reading the files they point into (only those).
func (b *pass) place(errs diag.List) {
	classify(errs)
	diag.Place(errs, func(path string) []byte {
		if src, ok := b.opts.Overlay[path]; ok {
			return src
		}
		return readSource(b.root, path)
	})
}

// readSource is the text of a root-relative file, or nil.
func readSource(root, path string) []byte {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return nil
	}
	return src
}
