package rename

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Report is one line of what Apply did, for the writer to read.
type Report struct {
	File  string // root-relative path after the change
	What  string // "moved from content/x.md", "3 references rewritten"
	Edits int
}

// Text is the edited text of a file: src with edits applied.
func Text(src []byte, edits []Edit) []byte {
	out := make([]byte, 0, len(src))
	at := 0
	for _, e := range edits {
		if e.Start < at || e.End > len(src) {
			continue // overlapping or stale: never write a half edit
		}
		out = append(out, src[at:e.Start]...)
		out = append(out, e.NewText...)
		at = e.End
	}
	return append(out, src[at:]...)
}

// Apply makes the change on disk under root. Every file is written whole
// to a temporary file beside it and renamed into place, so a reader never
// sees half a file; a moved file is linked to its new name, which fails
// rather than overwrite a file that appeared since the plan, and only
// then is the old name removed. It stops at the first failure and says
// which files it changed before it.
func (c *Change) Apply(root string) ([]Report, error) {
	abs := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	for _, m := range c.Moves {
		if _, err := os.Stat(abs(m.To)); err == nil {
			return nil, fmt.Errorf("%s already exists; mv never overwrites a file", m.To)
		}
	}
	edits := map[string][]Edit{}
	for _, f := range c.Files {
		edits[f.Path] = f.Edits
	}
	var done []Report
	fail := func(err error) ([]Report, error) {
		return done, err
	}
	for _, m := range c.Moves {
		src, err := os.ReadFile(abs(m.From))
		if err != nil {
			return fail(err)
		}
		if err := os.MkdirAll(filepath.Dir(abs(m.To)), 0o755); err != nil {
			return fail(err)
		}
		if err := createNew(abs(m.To), Text(src, edits[m.From])); err != nil {
			return fail(err)
		}
		if err := os.Remove(abs(m.From)); err != nil {
			return fail(err)
		}
		done = append(done, Report{File: m.To, What: "moved from " + m.From, Edits: len(edits[m.From])})
		delete(edits, m.From)
	}
	var rest []string
	for f := range edits {
		rest = append(rest, f)
	}
	slices.Sort(rest)
	for _, f := range rest {
		src, err := os.ReadFile(abs(f))
		if err != nil {
			return fail(err)
		}
		if err := replace(abs(f), Text(src, edits[f])); err != nil {
			return fail(err)
		}
		done = append(done, Report{File: f, Edits: len(edits[f])})
	}
	return done, nil
}

// createNew writes a file that must not exist yet: to a temporary file
// first, then hard-linked to its name (which fails if the name is taken).
func createNew(name string, data []byte) error {
	tmp, err := writeTemp(name, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, name); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; mv never overwrites a file", name)
		}
		// A file system without hard links: fall back to O_EXCL.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return nil
}

// replace writes a file's new text atomically: a temporary file beside
// it, then a rename over it, keeping its permissions.
func replace(name string, data []byte) error {
	tmp, err := writeTemp(name, data)
	if err != nil {
		return err
	}
	if st, err := os.Stat(name); err == nil {
		_ = os.Chmod(tmp, st.Mode().Perm())
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes data to a new hidden file beside name (hidden, so a
// watching casebook serve ignores it) and returns its path.
func writeTemp(name string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	_ = os.Chmod(f.Name(), 0o644)
	return f.Name(), nil
}
