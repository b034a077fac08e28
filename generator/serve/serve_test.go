package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

const goodCase = `---
title: The Parcel Locker
industry: logistics
---

The locker never opened.
`

// newSite writes a small library and starts a server on it.
func newSite(t *testing.T) (root string, s *Server, srv *httptest.Server) {
	t.Helper()
	root = t.TempDir()
	writeFile(t, filepath.Join(root, "casebook.yaml"), "title: Test library\n")
	writeFile(t, filepath.Join(root, "content", "cases", "locker.md"), goodCase)
	writeFile(t, filepath.Join(root, "content", "about.md"), "---\ntitle: About\n---\n\nSee [[locker]].\n")
	s = New(root, Options{})
	if rep := s.Rebuild(nil); rep.Errors.HasErrors() {
		t.Fatal(rep.Errors)
	}
	srv = httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return root, s, srv
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// listen opens a live-reload stream and returns its changes as they come.
func listen(t *testing.T, s *Server, srv *httptest.Server) <-chan change {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	changes := make(chan change, 8)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var c change
				if json.Unmarshal([]byte(data), &c) == nil {
					changes <- c
				}
			}
		}
	}()
	// The stream is open once the server counts it.
	deadline := time.Now().Add(5 * time.Second)
	for s.Clients() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the live-reload stream did not open")
		}
		time.Sleep(time.Millisecond)
	}
	return changes
}

func nextChange(t *testing.T, changes <-chan change) change {
	t.Helper()
	select {
	case c := <-changes:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no change came over the stream")
	}
	return change{}
}

func TestBreakThenFix(t *testing.T) {
	root, s, srv := newSite(t)
	changes := listen(t, s, srv)
	page := filepath.Join(root, "content", "cases", "locker.md")

	writeFile(t, page, strings.Replace(goodCase, "industry: logistics", "ratings: {service: 11}", 1))
	rep := s.Rebuild([]string{page})
	if !rep.Errors.HasErrors() || !strings.HasPrefix(rep.Errors[0].String(), "content/cases/locker.md:3:") {
		t.Fatalf("errors %v, want one at content/cases/locker.md:3", rep.Errors)
	}
	if c := nextChange(t, changes); !c.Reload {
		t.Errorf("a failed build sent %+v, want every page to reload", c)
	}
	code, body := get(t, srv.URL+"/cases/locker/")
	if code != 200 || !strings.Contains(body, "<h1") || !strings.Contains(body, "The Parcel Locker") {
		t.Errorf("the last good page is not served after a failed build (%d)", code)
	}
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, "") // the source line, highlighted, is split in spans
	for _, want := range []string{`id="cb-overlay"`, "content/cases/locker.md:3:", `<span class="line hl"><span class="ln">3</span>`, "ratings: {service: 11}"} {
		if !strings.Contains(body, want) && !strings.Contains(text, want) {
			t.Errorf("the overlay lacks %q", want)
		}
	}
	if _, other := get(t, srv.URL+"/about/"); !strings.Contains(other, `id="cb-overlay"`) {
		t.Error("another page has no overlay")
	}

	writeFile(t, page, strings.Replace(goodCase, "never opened", "opened at last", 1))
	if rep := s.Rebuild([]string{page}); rep.Errors.HasErrors() {
		t.Fatalf("after the fix: %v", rep.Errors)
	}
	if c := nextChange(t, changes); !c.Reload {
		t.Errorf("the fix sent %+v, want every page to reload to drop the overlay", c)
	}
	_, body = get(t, srv.URL+"/cases/locker/")
	if strings.Contains(body, "cb-overlay") || !strings.Contains(body, "opened at last") {
		t.Error("after the fix the page still shows the overlay or the old text")
	}
}

func TestTellsWhatChanged(t *testing.T) {
	root, s, srv := newSite(t)
	changes := listen(t, s, srv)
	// A rebuild that changes no output byte tells nobody anything.
	if rep := s.Rebuild(nil); len(rep.Changed) != 0 {
		t.Errorf("an unchanged site changed %v", rep.Changed)
	}
	page := filepath.Join(root, "content", "cases", "locker.md")
	writeFile(t, page, strings.Replace(goodCase, "never opened", "jammed", 1))
	s.Rebuild([]string{page})
	c := nextChange(t, changes) // the first event is this edit's: the unchanged rebuild sent none
	if c.Reload || c.All || !slices.Contains(c.Changed, "cases/locker/index.html") || slices.Contains(c.Changed, "assets/casebook.css") {
		t.Errorf("an edit of one case sent %+v", c)
	}
	// A stylesheet: only it changes, and the browser swaps it in.
	writeFile(t, filepath.Join(root, "layouts", "assets", "casebook.css"), "body { color: red }\n")
	s.Rebuild(nil)
	if c := nextChange(t, changes); !slices.Equal(c.Changed, []string{"assets/casebook.css"}) {
		t.Errorf("a new stylesheet sent %+v", c)
	}
}

func TestNavigate(t *testing.T) {
	root, s, srv := newSite(t)
	s.opts.Navigate = true
	changes := listen(t, s, srv)
	page := filepath.Join(root, "content", "about.md")
	writeFile(t, page, "---\ntitle: About us\n---\n\nSee [[locker]].\n")
	s.Rebuild([]string{page})
	if c := nextChange(t, changes); c.Navigate != "about/index.html" {
		t.Errorf("navigate to %q, want about/index.html", c.Navigate)
	}
}

func TestServesOnlyTheSite(t *testing.T) {
	_, s, srv := newSite(t)
	s.opts.Hosts = []string{strings.TrimPrefix(srv.URL, "http://")}
	for _, tc := range []struct {
		method, path, host string
		code               int
	}{
		{"GET", "/", "", 200},
		{"HEAD", "/cases/locker/", "", 200},
		{"GET", "/cases/locker", "", 301}, // a folder without its slash
		{"POST", "/", "", 405},
		{"GET", "/../casebook.yaml", "", 404},
		{"GET", "/%2e%2e/casebook.yaml", "", 404},
		{"GET", "/content/cases/locker.md", "", 404}, // sources are not the site
		{"GET", "/", "evil.example:80", 403},         // DNS rebinding
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		req.URL.Opaque = tc.path // send the path as written, dots and all
		if tc.host != "" {
			req.Host = tc.host
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("%s %s (Host %q): %d, want %d", tc.method, tc.path, tc.host, resp.StatusCode, tc.code)
		}
	}
}

func TestLiveReloadStreamsAreBounded(t *testing.T) {
	_, s, srv := newSite(t)
	for range maxClients {
		listen(t, s, srv)
	}
	if code, _ := get(t, srv.URL+eventsPath); code != http.StatusServiceUnavailable {
		t.Errorf("stream %d: %d, want 503", maxClients+1, code)
	}
}

// watching runs s.Watch until the test ends and returns its reports.
func watching(t *testing.T, s *Server) <-chan Report {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan Report, 64)
	done := make(chan error, 1)
	go func() {
		done <- s.Watch(ctx, func(r Report) {
			select {
			case reports <- r:
			default: // a test that stopped reading must not hold up Watch
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return reports
}

// TestWatchRebuilds saves a file under a real watcher and waits for the
// rebuild it causes.
func TestWatchRebuilds(t *testing.T) {
	root, s, _ := newSite(t)
	reports := watching(t, s)
	page := filepath.Join(root, "content", "cases", "new.md")
	// The watcher starts in its goroutine; save until a rebuild comes.
	for i := 0; ; i++ {
		writeFile(t, page, "---\ntitle: A new case\n---\n\nSaved.\n")
		select {
		case r := <-reports:
			if r.Errors.HasErrors() || !slices.Contains(r.Changed, "cases/new/index.html") {
				t.Fatalf("rebuild after a save: changed %v, errors %v", r.Changed, r.Errors)
			}
			return
		case <-time.After(200 * time.Millisecond):
			if i == 25 {
				t.Fatal("no rebuild after saving a page")
			}
		}
	}
}

// TestQuickShowsASaveFirst: a saved page is served and announced at once,
// alone; the full rebuild after it announces the rest and not the page
// again.
func TestQuickShowsASaveFirst(t *testing.T) {
	root, s, srv := newSite(t)
	changes := listen(t, s, srv)
	page := filepath.Join(root, "content", "cases", "locker.md")
	writeFile(t, page, strings.Replace(goodCase, "never opened", "opened at last", 1))
	s.Saved([]string{page})
	rep, ok := s.Quick([]string{page})
	if !ok || !rep.Quick || !slices.Equal(rep.Changed, []string{"cases/locker/index.html"}) {
		t.Fatalf("Quick after a body edit: ok %v, %+v", ok, rep)
	}
	if c := nextChange(t, changes); c.Reload || c.All || !slices.Equal(c.Changed, rep.Changed) {
		t.Errorf("Quick sent %+v", c)
	}
	if _, body := get(t, srv.URL+"/cases/locker/"); !strings.Contains(body, "opened at last") {
		t.Error("the page Quick made is not served")
	}
	full := s.Rebuild([]string{page})
	if len(full.Changed) == 0 || slices.Contains(full.Changed, "cases/locker/index.html") {
		t.Errorf("the rebuild after Quick changed %v: want the search index, not the page again", full.Changed)
	}
	if c := nextChange(t, changes); slices.Contains(c.Changed, "cases/locker/index.html") {
		t.Errorf("the rebuild after Quick sent %+v", c)
	}
}

// TestQuickOnlyWhenAlone: Quick refuses while another file's save waits
// for a rebuild, and while errors show; a failed rebuild takes back the
// pages it showed.
func TestQuickOnlyWhenAlone(t *testing.T) {
	root, s, srv := newSite(t)
	locker := filepath.Join(root, "content", "cases", "locker.md")
	about := filepath.Join(root, "content", "about.md")
	save := func(path, data string) {
		writeFile(t, path, data)
		s.Saved([]string{path})
	}
	save(about, "---\ntitle: About\n---\n\nSee [[locker]], please.\n")
	save(locker, strings.Replace(goodCase, "never opened", "stuck", 1))
	if _, ok := s.Quick([]string{locker}); ok {
		t.Error("Quick showed a page while another saved page waited for a rebuild")
	}
	s.Rebuild(nil)
	save(locker, strings.Replace(goodCase, "never opened", "opened at last", 1))
	if _, ok := s.Quick([]string{locker}); !ok {
		t.Fatal("Quick refused a body edit after the rebuild")
	}
	// about.md breaks: the rebuild fails, and the site is the last good
	// one again, without the page Quick made.
	save(about, "---\ntitle: [About\n---\n")
	if _, ok := s.Quick([]string{about}); ok {
		t.Error("Quick showed a page that does not parse")
	}
	if rep := s.Rebuild(nil); !rep.Errors.HasErrors() {
		t.Fatal("a broken page built")
	}
	if _, body := get(t, srv.URL+"/cases/locker/"); !strings.Contains(body, "stuck") || strings.Contains(body, "opened at last") {
		t.Error("after a failed rebuild, the page Quick made is still served")
	}
	save(locker, strings.Replace(goodCase, "never opened", "opened, finally", 1))
	if _, ok := s.Quick([]string{locker}); ok {
		t.Error("Quick showed a page while errors show")
	}
}

// TestWatchShowsThenRebuilds: under the real watcher, a body edit is
// shown by Quick, then the full rebuild follows by itself.
func TestWatchShowsThenRebuilds(t *testing.T) {
	root, s, _ := newSite(t)
	reports := watching(t, s)
	page := filepath.Join(root, "content", "cases", "locker.md")
	var first Report
	for i := 0; first.Changed == nil; i++ { // the watcher starts in its goroutine
		writeFile(t, page, strings.Replace(goodCase, "never opened", fmt.Sprintf("opened on try %d", i), 1))
		select {
		case first = <-reports:
		case <-time.After(200 * time.Millisecond):
			if i == 25 {
				t.Fatal("no report after saving a page")
			}
		}
	}
	if !first.Quick || !slices.Equal(first.Changed, []string{"cases/locker/index.html"}) {
		t.Fatalf("first report after a body edit: %+v, want Quick with the page", first)
	}
	for { // a slow start may have made several saves, each shown by Quick
		select {
		case r := <-reports:
			if r.Errors.HasErrors() {
				t.Fatalf("a report after Quick: %+v", r)
			}
			if !r.Quick {
				return // the full rebuild
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no full rebuild followed Quick")
		}
	}
}

// TestFailedBuildDuringASave: a rebuild that fails while a file is being
// saved (it may have read it half written) is not shown; the rebuild for
// the save decides.
func TestFailedBuildDuringASave(t *testing.T) {
	root, s, srv := newSite(t)
	var seen int64
	s.changes = func() int64 { seen++; return seen } // the watcher sees a change during every build
	writeFile(t, filepath.Join(root, "content", "cases", "locker.md"), "")
	if rep := s.Rebuild(nil); !rep.Superseded || rep.Errors.HasErrors() {
		t.Errorf("a failed build during a save: %+v, want it superseded", rep)
	}
	if s.Errors().HasErrors() {
		t.Error("a superseded build's errors are shown")
	}
	if _, body := get(t, srv.URL+"/cases/locker/"); strings.Contains(body, "cb-overlay") || !strings.Contains(body, "never opened") {
		t.Error("a superseded build changed the site")
	}
	s.changes = nil // the save is done: the next rebuild shows what is wrong
	if rep := s.Rebuild(nil); rep.Superseded || !rep.Errors.HasErrors() {
		t.Errorf("the rebuild after the save: %+v, want its errors", rep)
	}
}

// TestWatchVault: a folder of notes with no content/ folder is watched
// as a whole, but for .obsidian/ and an earlier build's output; saving a
// note in a subfolder rebuilds and serves it.
func TestWatchVault(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "Home.md"), "The vault's home. See [[Ideas/First idea]].\n")
	writeFile(t, filepath.Join(root, "Ideas", "First idea.md"), "# First idea\n\nA thought.\n")
	writeFile(t, filepath.Join(root, ".obsidian", "workspace.json"), "{}")
	s := New(root, Options{})
	if rep := s.Rebuild(nil); rep.Errors.HasErrors() {
		t.Fatal(rep.Errors)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	for path, want := range map[string]bool{
		filepath.Join(root, ".obsidian", "workspace.json"): true,
		filepath.Join(root, "Ideas", "First idea.md"):      false,
		filepath.Join(root, "Ideas"):                       false,
	} {
		if got := s.ignored(path, false); got != want {
			t.Errorf("ignored(%s) = %v, want %v", path, got, want)
		}
	}
	reports := watching(t, s)
	note := filepath.Join(root, "Ideas", "First idea.md")
	for i := 0; ; i++ {
		writeFile(t, note, "# First idea\n\nA thought, written out at last.\n")
		select {
		case r := <-reports:
			if r.Errors.HasErrors() || !slices.Contains(r.Changed, "ideas/first-idea/index.html") {
				t.Fatalf("after a save: changed %v, errors %v", r.Changed, r.Errors)
			}
			if _, body := get(t, srv.URL+"/ideas/first-idea/"); !strings.Contains(body, "written out at last") {
				t.Error("the saved note is not served")
			}
			return
		case <-time.After(200 * time.Millisecond):
			if i == 25 {
				t.Fatal("no rebuild after saving a note")
			}
		}
	}
}
