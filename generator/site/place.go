package site

import (
	"os"
	"path/filepath"

	"github.com/casebook-cx/casebook/generator/diag"
)

// place gives the diagnostics of a build their rule ids, end positions and
// fix ranges, reading the files they point into (only those).
func (b *build) place(errs diag.List) {
	classify(errs)
	diag.Place(errs, func(path string) []byte {
		src, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(path)))
		if err != nil {
			return nil
		}
		return src
	})
}
