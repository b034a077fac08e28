package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildKeepsThePublishedSite kills `casebook build` (SIGKILL and
// SIGINT) at several moments while it replaces a published site, and
// checks each time that public/ is either the previous site exactly or,
// when the kill came after the swap, the new one exactly: never a mix,
// never half written. The next build cleans up what the killed ones left.
func TestKilledBuildKeepsThePublishedSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a library many times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "casebook")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(dir, "lib")
	writeLibrary(t, site, 1500)
	build := func() {
		t.Helper()
		if out, err := exec.Command(bin, "build", site).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	public := filepath.Join(site, "public")
	build()
	before := treeSum(t, public)
	writeFile(t, filepath.Join(site, "casebook.yaml"), "title: A New Title On Every Page\n")
	build()
	after := treeSum(t, public)
	writeFile(t, filepath.Join(site, "casebook.yaml"), "title: Kill Test\n")
	build()
	if treeSum(t, public) != before {
		t.Fatal("the same input built twice differs; the test cannot tell sites apart")
	}
	writeFile(t, filepath.Join(site, "casebook.yaml"), "title: A New Title On Every Page\n")

	interrupted := 0
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		for _, delay := range []time.Duration{0, 30 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond, 600 * time.Millisecond} {
			cmd := exec.Command(bin, "build", site)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			_ = cmd.Process.Signal(sig)
			err := cmd.Wait()
			got := treeSum(t, public)
			switch {
			case got == before:
				interrupted++
			case got == after && err == nil:
				// finished before the signal; put the old site back
			default:
				t.Fatalf("%v after %v: public/ is neither the old site nor the new one (exit: %v)", sig, delay, err)
			}
			if got == after {
				writeFile(t, filepath.Join(site, "casebook.yaml"), "title: Kill Test\n")
				build()
				writeFile(t, filepath.Join(site, "casebook.yaml"), "title: A New Title On Every Page\n")
			}
		}
	}
	if interrupted < 4 {
		t.Errorf("only %d kills landed during a build; the library builds too fast for this test", interrupted)
	}
	build()
	if leftovers, _ := filepath.Glob(filepath.Join(site, ".casebook-tmp-*")); len(leftovers) > 0 {
		t.Errorf("the killed builds' folders are still there after a good build: %v", leftovers)
	}
}

// writeLibrary writes a library of n cases with some text each.
func writeLibrary(t *testing.T, dir string, n int) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "casebook.yaml"), "title: Kill Test\n")
	body := strings.Repeat("The courier left the box at the wrong door, and nobody called. ", 40)
	for i := range n {
		writeFile(t, filepath.Join(dir, "content", "cases", fmt.Sprintf("case-%04d.md", i)),
			fmt.Sprintf("---\ntitle: Case %d\ndate: 2025-01-%02d\ntags: [delivery]\n---\n\n%s See [[case-%04d]].\n", i, 1+i%28, body, (i+1)%n))
	}
}

// treeSum hashes every file under dir with its path.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
