package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/site"
)

// Options change how a server behaves.
type Options struct {
	// Root is the library's folder; when empty, the client's root URI
	// (or first workspace folder) is used, else the current folder.
	Root string
	// Debounce is how long the server waits after a change for the next
	// before it checks the library again; 0 means DefaultDebounce.
	Debounce time.Duration
	// Log, if set, receives a line for each problem the server meets
	// that the client is not told of.
	Log io.Writer
}

// DefaultDebounce lets a burst of keystrokes end before the library is
// checked again: short enough to feel immediate.
const DefaultDebounce = 50 * time.Millisecond

// Server is one language server session.
type Server struct {
	conn *conn
	opts Options
	root string

	mu         sync.Mutex
	docs       map[string]*document // open documents by root-relative path
	analysis   *site.Analysis       // the newest, nil before the first
	published  map[string]bool      // paths whose diagnostics the client holds
	timer      *time.Timer
	generation int // of the newest scheduled check; older ones do nothing
	state      int // before initialize, running, shut down

	builder   *site.Rebuilder
	analyzeMu sync.Mutex // one analysis at a time, in order
	wg        sync.WaitGroup
	closed    chan struct{}
}

const (
	stateNew = iota
	stateRunning
	stateShutDown
)

type document struct {
	uri     string
	version int
	text    string
}

// Serve runs a session over r and w until the client sends exit or
// closes the stream.
func Serve(ctx context.Context, r io.Reader, w io.Writer, opts Options) error {
	if opts.Debounce == 0 {
		opts.Debounce = DefaultDebounce
	}
	s := &Server{conn: newConn(r, w), opts: opts, docs: map[string]*document{}, published: map[string]bool{}, closed: make(chan struct{})}
	defer func() {
		close(s.closed)
		s.mu.Lock()
		if s.timer != nil && s.timer.Stop() {
			s.wg.Done()
		}
		s.mu.Unlock()
		s.wg.Wait()
	}()
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		m, err := s.conn.read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if m.Error != nil && m.Method == "" && m.ID == nil {
			_ = s.conn.reply(json.RawMessage("null"), nil, m.Error)
			continue
		}
		if m.Method == "exit" {
			return nil
		}
		if m.Method == "" {
			continue // a response to a request of ours: none are sent
		}
		s.handle(m)
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "casebook lsp: "+format+"\n", args...)
	}
}

// handle answers one request or takes one notification. Requests are
// answered in order, on this goroutine: each takes milliseconds, and the
// slow work (checking the library) runs beside them.
func (s *Server) handle(m *message) {
	isRequest := m.ID != nil
	result, err := s.dispatch(m)
	if !isRequest {
		if err != nil {
			s.logf("%s: %v", m.Method, err)
		}
		return
	}
	if err := s.conn.reply(m.ID, result, err); err != nil {
		s.logf("replying to %s: %v", m.Method, err)
	}
}

func decode[T any](raw json.RawMessage) (T, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	return v, nil
}

func (s *Server) dispatch(m *message) (any, error) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		p, err := decode[InitializeParams](m.Params)
		if err != nil {
			return nil, err
		}
		return s.initialize(p)
	case state == stateNew:
		return nil, &rpcError{Code: codeNotInitialized, Message: "the server is not initialized yet"}
	case state == stateShutDown && m.ID != nil:
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shut down"}
	}
	switch m.Method {
	case "initialized":
		s.schedule(0)
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.state = stateShutDown
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		p, err := decode[DidOpenParams](m.Params)
		if err != nil {
			return nil, err
		}
		s.open(p.TextDocument)
		return nil, nil
	case "textDocument/didChange":
		p, err := decode[DidChangeParams](m.Params)
		if err != nil {
			return nil, err
		}
		return nil, s.change(p)
	case "textDocument/didSave":
		s.schedule(s.opts.Debounce)
		return nil, nil
	case "textDocument/didClose":
		p, err := decode[DidCloseParams](m.Params)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		delete(s.docs, s.rel(p.TextDocument.URI))
		s.mu.Unlock()
		s.schedule(s.opts.Debounce)
		return nil, nil
	case "textDocument/completion":
		return withPosition(m, s.completion)
	case "textDocument/hover":
		return withPosition(m, s.hover)
	case "textDocument/definition":
		return withPosition(m, s.definition)
	case "textDocument/references":
		p, err := decode[ReferenceParams](m.Params)
		if err != nil {
			return nil, err
		}
		return s.references(p)
	case "textDocument/prepareRename":
		return withPosition(m, s.prepareRename)
	case "textDocument/rename":
		p, err := decode[RenameParams](m.Params)
		if err != nil {
			return nil, err
		}
		return s.rename(p)
	case "textDocument/documentSymbol":
		p, err := decode[DocumentSymbolParams](m.Params)
		if err != nil {
			return nil, err
		}
		return s.symbols(p)
	case "textDocument/codeAction":
		p, err := decode[CodeActionParams](m.Params)
		if err != nil {
			return nil, err
		}
		return s.codeActions(p)
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
		if m.Method == "workspace/didChangeWatchedFiles" {
			s.schedule(s.opts.Debounce)
		}
		return nil, nil
	}
	if m.ID == nil {
		return nil, nil // notifications the server does not use may be ignored
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "casebook lsp does not answer " + m.Method}
}

func withPosition[T any](m *message, f func(TextDocumentPositionParams) (T, error)) (any, error) {
	p, err := decode[TextDocumentPositionParams](m.Params)
	if err != nil {
		return nil, err
	}
	return f(p)
}

func (s *Server) initialize(p InitializeParams) (any, error) {
	root := s.opts.Root
	switch {
	case root != "":
	case p.RootURI != "":
		root = pathOf(p.RootURI)
	case len(p.WorkspaceFolders) > 0:
		root = pathOf(p.WorkspaceFolders[0].URI)
	case p.RootPath != "":
		root = p.RootPath
	default:
		root = "."
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.root = abs
	s.builder = site.NewRebuilder(abs, site.Options{Drafts: true})
	s.state = stateRunning
	s.mu.Unlock()
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{"openClose": true, "change": 1, "save": map[string]any{"includeText": false}},
			"completionProvider": map[string]any{
				"triggerCharacters": []string{"[", "#", ":", " ", "|", ","},
			},
			"hoverProvider":          true,
			"definitionProvider":     true,
			"referencesProvider":     true,
			"renameProvider":         map[string]any{"prepareProvider": true},
			"documentSymbolProvider": true,
			"codeActionProvider":     map[string]any{"codeActionKinds": []string{"quickfix"}},
		},
		"serverInfo": map[string]any{"name": "casebook"},
	}, nil
}

// rel is the root-relative, slash-separated path of a URI ("" outside
// the root).
func (s *Server) rel(uri string) string {
	p := pathOf(uri)
	if p == "" {
		return ""
	}
	r, err := filepath.Rel(s.root, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(r)
}

// uri is the URI of a root-relative path.
func (s *Server) uri(rel string) string {
	return uriOf(filepath.Join(s.root, filepath.FromSlash(rel)))
}

func (s *Server) open(item TextDocumentItem) {
	rel := s.rel(item.URI)
	if rel == "" {
		return
	}
	s.mu.Lock()
	s.docs[rel] = &document{uri: item.URI, version: item.Version, text: item.Text}
	s.mu.Unlock()
	s.schedule(s.opts.Debounce)
}

func (s *Server) change(p DidChangeParams) error {
	rel := s.rel(p.TextDocument.URI)
	s.mu.Lock()
	doc, ok := s.docs[rel]
	if !ok {
		s.mu.Unlock()
		return fmt.Errorf("a change to %s, which is not open", p.TextDocument.URI)
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			doc.text = c.Text
			continue
		}
		start, end := offset(doc.text, c.Range.Start), offset(doc.text, c.Range.End)
		if end < start {
			start, end = end, start
		}
		doc.text = doc.text[:start] + c.Text + doc.text[end:]
	}
	if p.TextDocument.Version != nil {
		doc.version = *p.TextDocument.Version
	}
	s.mu.Unlock()
	s.schedule(s.opts.Debounce)
	return nil
}

// overlay is the text of every open document, by root-relative path.
func (s *Server) overlay() map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string][]byte, len(s.docs))
	for rel, d := range s.docs {
		out[rel] = []byte(d.text)
	}
	return out
}

// text is the text of a root-relative file: the open buffer's, else the
// file's on disk.
func (s *Server) text(rel string) (string, bool) {
	s.mu.Lock()
	d, ok := s.docs[rel]
	var text string
	if ok {
		text = d.text
	}
	s.mu.Unlock()
	if ok {
		return text, true
	}
	data, err := os.ReadFile(filepath.Join(s.root, filepath.FromSlash(rel)))
	if err != nil {
		return "", false
	}
	return string(data), true
}

// schedule checks the library after delay, unless another change comes
// first, which starts the wait again.
func (s *Server) schedule(delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil && s.timer.Stop() {
		s.wg.Done() // a stopped timer never runs its function
	}
	s.wg.Add(1)
	s.generation++
	generation := s.generation
	s.timer = time.AfterFunc(delay, func() {
		defer s.wg.Done()
		s.mu.Lock()
		current := s.generation == generation
		s.mu.Unlock()
		select {
		case <-s.closed:
			return
		default:
		}
		if current {
			s.analyze()
		}
	})
}

// analyze checks the library as the open buffers have it and publishes
// the diagnostics of every file that has any, and clears those of files
// that had some.
func (s *Server) analyze() {
	s.analyzeMu.Lock()
	defer s.analyzeMu.Unlock()
	overlay := s.overlay()
	a := s.builder.Analyze(overlay)
	byPath := map[string]diag.List{}
	for _, d := range a.Diagnostics {
		byPath[d.Path] = append(byPath[d.Path], d)
	}
	s.mu.Lock()
	s.analysis = a
	var paths []string
	for p := range s.published {
		if _, still := byPath[p]; !still {
			paths = append(paths, p)
		}
	}
	s.published = map[string]bool{}
	for p := range byPath {
		s.published[p] = true
		paths = append(paths, p)
	}
	s.mu.Unlock()
	slices.Sort(paths)
	for _, p := range paths {
		// Positions as the text was when checked: a later change brings
		// its own check.
		text, ok := string(overlay[p]), overlay[p] != nil
		if !ok {
			text, _ = s.text(p)
		}
		ls := lines(text)
		out := []Diagnostic{}
		for _, d := range byPath[p] {
			out = append(out, toLSP(ls, d))
		}
		if err := s.conn.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: s.uri(p), Diagnostics: out}); err != nil {
			s.logf("publishing diagnostics: %v", err)
		}
	}
}

// toLSP is a diagnostic in the protocol's terms.
func toLSP(ls []string, d diag.Diagnostic) Diagnostic {
	start := position(ls, d.Line, d.Col)
	end := start
	if d.EndLine != 0 {
		end = position(ls, d.EndLine, d.EndCol)
	}
	sev := 1
	if d.Severity == diag.Warning {
		sev = 2
	}
	return Diagnostic{Range: Range{Start: start, End: end}, Severity: sev, Code: d.Rule, Source: "casebook", Message: d.Message}
}

// current is the newest analysis, made now if there is none yet.
func (s *Server) current() *site.Analysis {
	s.mu.Lock()
	a := s.analysis
	s.mu.Unlock()
	if a != nil {
		return a
	}
	s.analyzeMu.Lock()
	defer s.analyzeMu.Unlock()
	s.mu.Lock()
	a = s.analysis
	s.mu.Unlock()
	if a == nil {
		a = s.builder.Analyze(s.overlay())
		s.mu.Lock()
		s.analysis = a
		s.mu.Unlock()
	}
	return a
}
