// Package serve is the preview server: it builds a site in memory, serves
// it, rebuilds it when its files change, and tells browsers what changed
// over Server-Sent Events. A failed rebuild keeps the last good site and
// lays the errors over every page, with the source around each.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"html"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/markdown"
	"github.com/casebook-cx/casebook/generator/site"
)

// Options configure a Server.
type Options struct {
	Drafts   bool
	Navigate bool     // send browsers to the page whose source was just edited
	Hosts    []string // Host header values to accept ("127.0.0.1:1313"); none accepts any
	// Prepared, if set, is called in each build once the library is
	// loaded, converted, linked and assembled (site.Options.Prepared).
	Prepared func()
}

// maxClients bounds the live-reload streams open at once.
const maxClients = 64

// Server serves the last good build of a site.
type Server struct {
	root    string
	opts    Options
	buildMu sync.Mutex // one Rebuild at a time: the builder keeps state between them
	builder *site.Rebuilder

	mu      sync.RWMutex
	files   files                // the last good site, on disk (see store.go)
	quick   map[string]quickPage // pages Quick made since, served over files
	sources map[string]string    // source file -> page folder, of the last good build
	errs    diag.List            // errors of the newest build, if it failed
	saves   int                  // saves recorded so far, numbering them
	unbuilt map[string]int       // source files saved since the build files came from, by their last save's number
	built   int                  // the number of the last save the good build started after
	changes func() int64         // the watcher's count of changes seen (watch.Watcher.Changes), while Watch runs

	clientsMu sync.Mutex
	clients   map[chan []byte]bool
}

// New makes a server for the site in root. Call Rebuild before serving.
func New(root string, opts Options) *Server {
	return &Server{root: root, opts: opts, builder: site.NewRebuilder(root, site.Options{Drafts: opts.Drafts, NoCards: true, Preview: true, Prepared: opts.Prepared}),
		files: files{}, quick: map[string]quickPage{}, unbuilt: map[string]int{}, clients: map[chan []byte]bool{}}
}

// quickPage is a page Quick made, and the save it shows.
type quickPage struct {
	data []byte
	hash uint64
	save int
}

// Report says what one rebuild did.
type Report struct {
	Changed  []string  // output files added, changed or removed
	Rendered int       // pages whose template ran; the others kept their bytes
	Errors   diag.List // the build's problems; with errors, the site is the previous one
	Duration time.Duration
	Quick    bool // the edited pages alone, shown by Quick ahead of the full rebuild
	// Superseded: the rebuild failed while files were being saved, so it
	// may have read one half written; it is not shown, and the rebuild
	// for those saves, which follows, decides.
	Superseded bool
}

// change is what a browser is told after a rebuild.
type change struct {
	Changed  []string `json:"changed,omitempty"`
	All      bool     `json:"all,omitempty"`      // too many to list: every page reloads
	Reload   bool     `json:"reload,omitempty"`   // errors came or went: every page reloads
	Navigate string   `json:"navigate,omitempty"` // the page just edited
}

// Saved records saves of source files (absolute paths, as the watcher
// gives them), which decides what Quick may show alone. Watch calls it for
// every batch; a caller that drives Rebuild and Quick itself calls it
// before them.
func (s *Server) Saved(edited []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saves++
	for _, rel := range s.relative(edited) {
		s.unbuilt[rel] = s.saves
	}
}

// Quick shows a saved page at once, ahead of the full rebuild that must
// follow: it renders the edited page alone (site.Rebuilder.Quick), serves
// it and tells browsers. It does so only when one page was saved, nothing
// else changed since the last good build and no error is showing; ok
// says whether it did. Quick may run while Rebuild runs.
func (s *Server) Quick(edited []string) (rep Report, ok bool) {
	start := time.Now()
	rels := s.relative(edited)
	if len(rels) != 1 {
		return Report{}, false
	}
	s.mu.RLock()
	save, allowed := s.saves, !s.errs.HasErrors()
	for f := range s.unbuilt {
		allowed = allowed && f == rels[0]
	}
	s.mu.RUnlock()
	if !allowed {
		return Report{}, false
	}
	name, data, ok := s.builder.Quick(rels[0])
	if !ok {
		return Report{}, false
	}
	rep = Report{Rendered: 1, Quick: true}
	s.mu.Lock()
	if s.errs.HasErrors() || save <= s.built {
		// A rebuild finished meanwhile, with errors or with these saves.
		s.mu.Unlock()
		return Report{}, false
	}
	q := quickPage{data: data, hash: maphash.Bytes(seed, data), save: save}
	if old, ok := s.servedHash(name); !ok || old != q.hash {
		rep.Changed = []string{name}
	}
	s.quick[name] = q
	sources := s.sources
	s.mu.Unlock()
	rep.Duration = time.Since(start)
	s.tell(rep, false, edited, sources)
	return rep, true
}

// Unbuilt is how many saved source files no good build has read yet:
// zero once the whole site is up to date with every save (Saved).
func (s *Server) Unbuilt() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.unbuilt)
}

// setChanges gives Rebuild the watcher's count of changes (nil: none).
func (s *Server) setChanges(changes func() int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changes = changes
}

// changeCount is the watcher's count of changes, or 0 without one.
func (s *Server) changeCount() int64 {
	if s.changes == nil {
		return 0
	}
	return s.changes()
}

// served is what the server answers for name; s.mu must be held (a read
// lock will do), since a rebuild closes the files of the last site.
func (s *Server) served(name string) ([]byte, bool, error) {
	if q, ok := s.quick[name]; ok {
		return q.data, true, nil
	}
	e, ok := s.files[name]
	if !ok {
		return nil, false, nil
	}
	data, err := e.read()
	return data, true, err
}

// servedHash is the hash of what the server answers for name; s.mu must
// be held.
func (s *Server) servedHash(name string) (uint64, bool) {
	return servedHash(s.files, s.quick, name)
}

func servedHash(site files, quick map[string]quickPage, name string) (uint64, bool) {
	if q, ok := quick[name]; ok {
		return q.hash, true
	}
	e, ok := site[name]
	return e.hash, ok
}

// relative turns absolute paths under the site into slash-separated paths
// relative to it, as diagnostics and site.Rebuilder.Quick name files.
func (s *Server) relative(paths []string) []string {
	var rels []string
	for _, f := range paths {
		if rel, err := filepath.Rel(s.root, f); err == nil && !strings.HasPrefix(rel, "..") {
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	return rels
}

// Rebuild builds the site again and tells browsers. edited are the source
// files that changed (for --navigate); nil for the first build.
func (s *Server) Rebuild(edited []string) Report {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.mu.RLock()
	startSave, startChanges := s.saves, s.changeCount() // every save so far is on disk for this build to read
	s.mu.RUnlock()
	start := time.Now()
	// Only Rebuild, under buildMu, replaces s.files: it may read it unlocked.
	out := newGeneration(s.files)
	stats, errs := s.builder.Rebuild(out)
	var changed []string
	var dead []*segment
	if !errs.HasErrors() {
		var err error
		if changed, dead, err = out.finish(); err != nil {
			errs.Errorf(diag.Pos{Path: s.root}, "keeping the built site: %v", err)
		}
	}
	if errs.HasErrors() {
		out.abort()
	}
	rep := Report{Errors: errs, Rendered: stats.Rendered, Duration: time.Since(start)}
	s.mu.Lock()
	if errs.HasErrors() && (s.saves > startSave || s.changeCount() > startChanges) {
		s.mu.Unlock()
		return Report{Superseded: true, Duration: rep.Duration}
	}
	hadErrors := s.errs.HasErrors()
	s.errs = errs
	if errs.HasErrors() {
		clear(s.quick) // the last good site, as it was
	} else {
		beforeFiles, beforeQuick := s.files, maps.Clone(s.quick)
		s.files, s.sources, s.built = out.next, stats.Sources, startSave
		// Pages Quick made of later saves stay until a build has read them.
		maps.DeleteFunc(s.quick, func(_ string, q quickPage) bool { return q.save <= startSave })
		maps.DeleteFunc(s.unbuilt, func(_ string, save int) bool { return save <= startSave })
		// What a browser sees can differ only where the build changed a
		// file or a page Quick made was served over it.
		rep.Changed = diff(append(changed, slices.Collect(maps.Keys(beforeQuick))...), func(name string) bool {
			before, hadIt := servedHash(beforeFiles, beforeQuick, name)
			after, hasIt := servedHash(s.files, s.quick, name)
			return hadIt != hasIt || before != after
		})
		for _, seg := range dead {
			seg.close() // no reader is inside: they read under s.mu
		}
	}
	sources := s.sources
	s.mu.Unlock()
	s.tell(rep, hadErrors || errs.HasErrors(), edited, sources)
	return rep
}

// tell sends browsers what a rebuild changed; reload asks every page to
// reload, as when errors come or go.
func (s *Server) tell(rep Report, reload bool, edited []string, sources map[string]string) {
	c := change{Reload: reload}
	if len(rep.Changed) > 500 {
		c.All = true
	} else {
		c.Changed = rep.Changed
	}
	if s.opts.Navigate {
		for _, rel := range s.relative(edited) {
			if url, ok := sources[rel]; ok {
				c.Navigate = url + "index.html"
			}
		}
	}
	if c.Reload || c.All || len(c.Changed) > 0 || c.Navigate != "" {
		s.broadcast(c)
	}
}

// diff lists, sorted and once each, the names among candidates whose
// bytes differ before and after a rebuild.
func diff(candidates []string, differs func(name string) bool) []string {
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	return slices.DeleteFunc(candidates, func(name string) bool { return !differs(name) })
}

func (s *Server) broadcast(c change) {
	data, _ := json.Marshal(c)
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- data:
		default: // a client that does not read loses this news, not the server
		}
	}
}

// Close lets go of the files that hold the site; the server serves
// nothing after it.
func (s *Server) Close() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	segs := map[*segment]bool{}
	for _, e := range s.files {
		segs[e.seg] = true
	}
	for seg := range segs {
		seg.close()
	}
	s.files = files{}
	clear(s.quick)
}

// Errors are the newest build's problems (none after a good build).
func (s *Server) Errors() diag.List {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.errs
}

// Internal paths the server answers itself.
const (
	eventsPath = "/__casebook/events"
	livePath   = "/__casebook/live.js"
)

//go:embed live.js
var liveJS []byte

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.hostAllowed(r.Host) {
		// A page on another site could reach a loopback server through a
		// name it controls (DNS rebinding); only our own names are served.
		http.Error(w, "unknown host "+r.Host, http.StatusForbidden)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case livePath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(liveJS)
		return
	}
	name, redirect := s.resolve(r.URL.Path)
	if redirect != "" {
		http.Redirect(w, r, redirect, http.StatusMovedPermanently)
		return
	}
	s.mu.RLock()
	data, ok, err := s.served(name)
	status := http.StatusOK
	if err == nil && !ok {
		status, name = http.StatusNotFound, "404.html"
		data, _, err = s.served(name)
	}
	errs := s.errs
	s.mu.RUnlock()
	if err != nil {
		http.Error(w, "reading "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = s.inject(data, errs)
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(data)
	}
}

// resolve maps a URL path to a file of the site: "/" and "/x/" to their
// index.html. A folder asked for without its slash is redirected, so that
// relative links on the page resolve.
func (s *Server) resolve(urlPath string) (name, redirect string) {
	clean := path.Clean("/" + urlPath) // no way above the site's root
	name = strings.TrimPrefix(clean, "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		return path.Join(name, "index.html"), ""
	}
	s.mu.RLock()
	_, isFile := s.files[name]
	_, isFolder := s.files[name+"/index.html"]
	s.mu.RUnlock()
	if !isFile && isFolder {
		return "", clean + "/"
	}
	return name, ""
}

func (s *Server) hostAllowed(host string) bool {
	if len(s.opts.Hosts) == 0 {
		return true
	}
	for _, h := range s.opts.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// inject adds the live-reload script, and the error overlay if the newest
// build failed, before </body>.
func (s *Server) inject(page []byte, errs diag.List) []byte {
	extra := `<script src="` + livePath + `"></script>`
	if errs.HasErrors() {
		extra = s.overlay(errs) + extra
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(extra))
	out = append(out, page[:i]...)
	out = append(out, extra...)
	return append(out, page[i:]...)
}

// contextLines is how many source lines the overlay shows on each side of
// an error's line.
const contextLines = 3

// overlay is the errors as HTML: each position and message, and the source
// lines around it, highlighted.
func (s *Server) overlay(errs diag.List) string {
	var b strings.Builder
	b.WriteString(`<div id="cb-overlay" role="alert" style="position:fixed;inset:0;z-index:99;overflow:auto;background:rgba(20,23,28,.96);color:#e4e8ee;font:15px/1.5 system-ui,sans-serif;padding:2rem">`)
	fmt.Fprintf(&b, `<h2 style="margin:0 0 1rem;color:#ff8a80">The last change broke the build: %d %s</h2>`, len(errs.Errors()), plural(len(errs.Errors()), "error", "errors"))
	b.WriteString(`<p style="margin:0 0 1.5rem;color:#a5afbb">The site below is the last good one. Fix the file and save: this page reloads by itself.</p>`)
	for _, d := range errs.Errors() {
		fmt.Fprintf(&b, `<section class="cb-error" style="margin-bottom:1.5rem"><p style="margin:0 0 .4rem;font-family:ui-monospace,monospace"><strong>%s</strong>: %s</p>`,
			html.EscapeString(d.Pos.String()), html.EscapeString(d.Message))
		if src := s.source(d.Pos); src != "" {
			b.WriteString(`<div style="border-radius:6px;overflow:auto;font-size:13px">` + src + `</div>`)
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// source is the highlighted lines around pos, or "".
func (s *Server) source(pos diag.Pos) string {
	if pos.Line == 0 || pos.Path == "" {
		return ""
	}
	p := filepath.Join(s.root, filepath.FromSlash(pos.Path))
	if rel, err := filepath.Rel(s.root, p); err != nil || strings.HasPrefix(rel, "..") {
		return "" // a path the site does not hold: show nothing of it
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	first := max(pos.Line-contextLines, 1)
	last := min(pos.Line+contextLines, len(lines))
	if first > last {
		return ""
	}
	return markdown.HighlightSource(pos.Path, strings.Join(lines[first-1:last], "\n"), first, pos.Line)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// events streams what changes to one browser until it goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan []byte, 4)
	s.clientsMu.Lock()
	if len(s.clients) >= maxClients {
		s.clientsMu.Unlock()
		http.Error(w, "too many live-reload connections", http.StatusServiceUnavailable)
		return
	}
	s.clients[ch] = true
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, ch)
		s.clientsMu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case data := <-ch:
			fmt.Fprintf(w, "event: change\ndata: %s\n\n", data)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": alive\n\n")
			flusher.Flush()
		}
	}
}

// Clients is how many browsers listen for changes.
func (s *Server) Clients() int {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	return len(s.clients)
}

// LoopbackHosts are the Host values a server bound to a loopback address
// on port answers to.
func LoopbackHosts(port int) []string {
	var hosts []string
	for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
		hosts = append(hosts, h+":"+fmt.Sprint(port))
	}
	return hosts
}

// IsLoopback says whether bind is a loopback address or name.
func IsLoopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}
