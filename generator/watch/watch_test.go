package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// start watches a new temporary folder, ignoring names as content.Ignored
// does for swap files.
func start(t *testing.T) (string, *Watcher) {
	t.Helper()
	return startWith(t, Options{})
}

// startWith is start with opts, to which it adds the swap file filter.
func startWith(t *testing.T, opts Options) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "cases"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "content", "cases", "a.md"), "one")
	opts.Ignore = func(p string, isDir bool) bool {
		name := filepath.Base(p)
		return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, "~") || name == "4913"
	}
	w, err := New(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for a batch, failing after a while (a watcher that misses an
// event would otherwise hang the test).
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches:
		return b
	case err := <-w.Errors:
		t.Fatal(err)
	case <-time.After(5 * time.Second):
		t.Fatal("no batch came")
	}
	return nil
}

// wantBatch waits for batches until one holds want, failing if a batch
// holds a path outside allowed.
func wantBatch(t *testing.T, w *Watcher, want string, allowed ...string) {
	t.Helper()
	for {
		b := next(t, w)
		for _, p := range b {
			if p != want && !slices.Contains(allowed, p) {
				t.Errorf("unexpected path %s in batch %v", p, b)
			}
		}
		if slices.Contains(b, want) {
			return
		}
	}
}

func TestSaveStyles(t *testing.T) {
	dir, w := start(t)
	a := filepath.Join(dir, "content", "cases", "a.md")

	// Write in place.
	write(t, a, "two")
	wantBatch(t, w, a)

	// Write a temporary file, then rename it over the page (most editors,
	// with the temp file hidden or named as a swap file).
	tmp := filepath.Join(dir, "content", "cases", ".a.md.tmp")
	write(t, tmp, "three")
	if err := os.Rename(tmp, a); err != nil {
		t.Fatal(err)
	}
	wantBatch(t, w, a)

	// Delete, then create (vim's backupcopy=no, some sync tools).
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	write(t, a, "four")
	wantBatch(t, w, a)
}

func TestIgnoresSwapFilesAndChmod(t *testing.T) {
	dir, w := start(t)
	cases := filepath.Join(dir, "content", "cases")
	write(t, filepath.Join(cases, ".a.md.swp"), "x")
	write(t, filepath.Join(cases, "4913"), "x")
	if err := os.Chmod(filepath.Join(cases, "a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Then a real change: the first batch must hold it and nothing else.
	b := filepath.Join(cases, "b.md")
	write(t, b, "b")
	if got := next(t, w); !slices.Equal(got, []string{b}) {
		t.Errorf("batch %v, want only %s", got, b)
	}
}

func TestFoldersCreatedLater(t *testing.T) {
	dir, w := start(t)
	deep := filepath.Join(dir, "static", "img", "2026")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(deep, "photo.png")
	write(t, photo, "png")
	wantBatch(t, w, photo, filepath.Join(dir, "static"), filepath.Join(dir, "static", "img"), deep)
	// And the new folder is watched from now on.
	write(t, photo, "png2")
	wantBatch(t, w, photo)
}

func TestBurstIsOneBatch(t *testing.T) {
	dir, w := start(t)
	cases := filepath.Join(dir, "content", "cases")
	var want []string
	for i := range 300 {
		p := filepath.Join(cases, "burst-"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".md")
		write(t, p, "x")
		want = append(want, p)
	}
	slices.Sort(want)
	got := next(t, w)
	// A slow machine may split a burst at MaxDelay; it must still come in
	// a handful of batches, not hundreds.
	batches := 1
	for len(got) < len(want) && batches < 5 {
		got = append(got, next(t, w)...)
		batches++
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if !slices.Equal(got, want) {
		t.Errorf("%d paths in %d batches, want the %d written", len(got), batches, len(want))
	}
}

// A save the system reports finished goes at once: with a quiet window
// of an hour, its batch still comes.
func TestFinishedSaveGoesAtOnce(t *testing.T) {
	for _, save := range []struct {
		name string
		do   func(t *testing.T, path string)
	}{
		{"in place", func(t *testing.T, path string) { write(t, path, "two") }},
		{"renamed into place", func(t *testing.T, path string) { // as many editors save
			tmp := filepath.Join(filepath.Dir(path), ".a.md.tmp")
			write(t, tmp, "three")
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(save.name, func(t *testing.T) {
			dir, w := startWith(t, Options{Quiet: time.Hour, MaxDelay: time.Hour})
			if w.fin == nil {
				t.Skip("this system does not tell when a file is finished")
			}
			a := filepath.Join(dir, "content", "cases", "a.md")
			save.do(t, a)
			if got := next(t, w); !slices.Equal(got, []string{a}) {
				t.Errorf("batch %v, want %s alone", got, a)
			}
		})
	}
}

// A save right after another is taken for the start of a burst (a git
// checkout, a sync): it waits, and what follows joins its batch.
func TestSaveInABurstWaits(t *testing.T) {
	dir, w := startWith(t, Options{Quiet: time.Hour, MaxDelay: 300 * time.Millisecond})
	if w.fin == nil {
		t.Skip("this system does not tell when a file is finished")
	}
	cases := filepath.Join(dir, "content", "cases")
	a, b, c := filepath.Join(cases, "a.md"), filepath.Join(cases, "b.md"), filepath.Join(cases, "c.md")
	write(t, a, "two")
	if got := next(t, w); !slices.Equal(got, []string{a}) {
		t.Fatalf("batch %v, want %s alone", got, a)
	}
	write(t, b, "b")
	write(t, c, "c")
	if got := next(t, w); !slices.Equal(got, []string{b, c}) {
		t.Errorf("batch %v, want %s and %s together", got, b, c)
	}
}

// The events of a save sent at once may still be read after it: they
// make no second batch.
func TestFinishedSaveIsSentOnce(t *testing.T) {
	dir, w := startWith(t, Options{Quiet: 100 * time.Millisecond})
	if w.fin == nil {
		t.Skip("this system does not tell when a file is finished")
	}
	cases := filepath.Join(dir, "content", "cases")
	a, b := filepath.Join(cases, "a.md"), filepath.Join(cases, "b.md")
	for i := range 5 {
		write(t, a, strings.Repeat("x", i))
		if got := next(t, w); !slices.Equal(got, []string{a}) {
			t.Fatalf("save %d: batch %v, want %s alone", i, got, a)
		}
		time.Sleep(200 * time.Millisecond) // past Quiet: the next save is no burst
	}
	write(t, b, "b")
	if got := next(t, w); !slices.Equal(got, []string{b}) {
		t.Errorf("batch %v, want %s alone: the saves of a came twice", got, b)
	}
}

func TestFullWatchTableIsExplained(t *testing.T) {
	err := watchError("/site/content", fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC))
	if !strings.Contains(err.Error(), "/site/content") || !strings.Contains(err.Error(), "fs.inotify.max_user_watches") {
		t.Errorf("got %q; want the folder and the setting to raise", err)
	}
	if other := errors.New("permission denied"); watchError("x", other) != other {
		t.Error("other errors should pass through unchanged")
	}
}
