package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

const libraryArchive = `
-- casebook.yaml --
title: Test library
-- content/cases/sofa.md --
---
title: The Late Sofa
summary: A sofa that came three weeks late.
industry: retail
frameworks: [service-recovery-paradox]
chain:
  - {actor: Courier, role: subcontractor, care: low}
---
See [[Service recovery paradox]] and [[srp-alias#Why it works]].
-- content/cases/wm.md --
---
title: The Washing Machine
industry: appliances
tags: [delivery]
chain:
  - {actor: Store, role: seller, care: high}
---
Like [[The Late Sofa]], see [[service-recovery-paradox]].
-- content/frameworks/service-recovery-paradox.md --
---
title: Service recovery paradox
summary: A well-handled failure can leave a customer happier than no failure.
aliases: [srp-alias]
---
Applied in [[The Late Sofa]] and [[The Washing Machine]].

## Why it works

Text.

### A detail

## When it fails
`

// client is a scripted LSP client over pipes: it sends requests and
// notifications and collects what the server sends back.
type client struct {
	t      *testing.T
	conn   *conn
	nextID int
	notes  chan *message
	done   chan error
	root   string
	// replyQueue holds the server's answers in order.
	replyQueue chan *message
}

func start(t *testing.T, archive string) *client {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	c := &client{t: t, conn: newConn(toClient, fromClient), notes: make(chan *message, 100), done: make(chan error, 1), root: root}
	go func() {
		c.done <- Serve(context.Background(), toServer, fromServer, Options{Debounce: 5 * time.Millisecond})
		fromServer.Close()
	}()
	ready := make(chan struct{})
	var replies = make(chan *message, 100)
	go func() {
		close(ready)
		for {
			m, err := c.conn.read()
			if err != nil {
				close(replies)
				return
			}
			if m.Method != "" {
				c.notes <- m
			} else {
				replies <- m
			}
		}
	}()
	<-ready
	c.replyQueue = replies
	t.Cleanup(func() { fromClient.Close(); toClient.Close() })
	return c
}

// request sends a request and waits for its answer, decoded into out.
func (c *client) request(method string, params, out any) *rpcError {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	data, _ := json.Marshal(params)
	if err := c.conn.write(&message{ID: json.RawMessage(fmt.Sprint(id)), Method: method, Params: data}); err != nil {
		c.t.Fatal(err)
	}
	select {
	case m, ok := <-c.replyQueue:
		if !ok {
			c.t.Fatalf("%s: the server closed the stream", method)
		}
		if string(m.ID) != fmt.Sprint(id) {
			c.t.Fatalf("%s: answer to %s, want %d", method, m.ID, id)
		}
		if m.Error != nil {
			return m.Error
		}
		if out != nil {
			if err := json.Unmarshal(m.Result, out); err != nil {
				c.t.Fatalf("%s: %v in %s", method, err, m.Result)
			}
		}
		return nil
	case <-time.After(20 * time.Second):
		c.t.Fatalf("%s: no answer", method)
	}
	return nil
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.notify(method, params); err != nil {
		c.t.Fatal(err)
	}
}

// diagnostics waits for diagnostics of uri that satisfy ok.
func (c *client) diagnostics(uri string, ok func([]Diagnostic) bool) []Diagnostic {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	var last []Diagnostic
	for {
		select {
		case m := <-c.notes:
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri {
				last = p.Diagnostics
				if ok(p.Diagnostics) {
					return p.Diagnostics
				}
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s as wanted; last: %+v", uri, last)
		}
	}
}

func (c *client) rel(uri string) string {
	r, _ := filepath.Rel(c.root, pathOf(uri))
	return filepath.ToSlash(r)
}

func (c *client) uri(rel string) string { return uriOf(filepath.Join(c.root, filepath.FromSlash(rel))) }

func (c *client) read(rel string) string {
	data, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(rel)))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(data)
}

func has(ds []Diagnostic, substr string) *Diagnostic {
	for i := range ds {
		if strings.Contains(ds[i].Message, substr) {
			return &ds[i]
		}
	}
	return nil
}

func pos(line, char int) Position { return Position{Line: line, Character: char} }

func at(uri string, p Position) TextDocumentPositionParams {
	return TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: p}
}

func labels(l CompletionList) []string {
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Label)
	}
	return out
}

// TestSession plays a writer's session: open a case, type a broken link
// and a bad score, complete, hover, jump, find backlinks, fix by a code
// action, rename a framework, close.
func TestSession(t *testing.T) {
	c := start(t, libraryArchive)
	var init struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := c.request("initialize", InitializeParams{RootURI: uriOf(c.root)}, &init); err != nil {
		t.Fatal(err)
	}
	for _, cap := range []string{"completionProvider", "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider", "codeActionProvider"} {
		if init.Capabilities[cap] == nil {
			t.Errorf("no %s in the capabilities", cap)
		}
	}
	c.notify("initialized", struct{}{})

	sofa := c.uri("content/cases/sofa.md")
	text := c.read("content/cases/sofa.md")
	c.notify("textDocument/didOpen", DidOpenParams{TextDocument: TextDocumentItem{URI: sofa, LanguageID: "markdown", Version: 1, Text: text}})

	// Type a broken link and a bad score, unsaved.
	broken := strings.Replace(text, "See [[Service recovery paradox]]", "See [[Service recovry paradox]]", 1)
	broken = strings.Replace(broken, "care: low}", "care: low}\njourney:\n  - {stage: Ordering, expected: 8, target: 11, delivered: 5}", 1)
	c.notify("textDocument/didChange", DidChangeParams{TextDocument: VersionedTextDocumentIdentifier{URI: sofa, Version: ptr(2)},
		ContentChanges: []ContentChange{{Text: broken}}})
	ds := c.diagnostics(sofa, func(ds []Diagnostic) bool { return has(ds, "recovry") != nil })
	link := has(ds, "did you mean [[Service recovery paradox]]?")
	score := has(ds, "journey[0].target: want a number from 0 to 10, got 11")
	if link == nil || score == nil {
		t.Fatalf("diagnostics: %+v", ds)
	}
	// Line 10 (0-based) is the body line; the link starts at byte 4.
	if link.Range != (Range{Start: pos(10, 4), End: pos(10, 31)}) || link.Severity != 1 || link.Code != "link-broken" {
		t.Errorf("broken link at %+v (severity %d, code %s)", link.Range, link.Severity, link.Code)
	}
	if score.Range != (Range{Start: pos(8, 43), End: pos(8, 45)}) {
		t.Errorf("score at %+v", score.Range)
	}

	// The quick fix for the broken link.
	var actions []CodeAction
	if err := c.request("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: sofa}, Range: link.Range}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || !strings.Contains(fmt.Sprint(actions[0].Edit.DocumentChanges...), "[[Service recovery paradox]]") {
		t.Errorf("code actions: %+v", actions)
	}

	// Completion after [[, after [[x#, after care:, and of keys.
	lines := strings.Split(broken, "\n")
	body := 10
	edited := lines[body] + " [["
	c.notify("textDocument/didChange", DidChangeParams{TextDocument: VersionedTextDocumentIdentifier{URI: sofa, Version: ptr(3)},
		ContentChanges: []ContentChange{{Range: &Range{Start: pos(body, 0), End: pos(body, len(lines[body]))}, Text: edited}}})
	var list CompletionList
	if err := c.request("textDocument/completion", at(sofa, pos(body, len(edited))), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); !strings.Contains(got, "Service recovery paradox") || !strings.Contains(got, "srp-alias") ||
		!strings.Contains(got, "cases/wm") || strings.Contains(got, "The Late Sofa") {
		t.Errorf("after [[: %s", got)
	}
	edited += "service-recovery-paradox#"
	c.notify("textDocument/didChange", DidChangeParams{TextDocument: VersionedTextDocumentIdentifier{URI: sofa, Version: ptr(4)},
		ContentChanges: []ContentChange{{Range: &Range{Start: pos(body, 0), End: pos(body, len(lines[body])+3)}, Text: edited}}})
	if err := c.request("textDocument/completion", at(sofa, pos(body, len(edited))), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); got != "Why it works|A detail|When it fails" || list.Items[0].TextEdit.NewText != "why-it-works]]" {
		t.Errorf("after [[x#: %s (%+v)", got, list.Items)
	}
	careLine := 6 // "  - {actor: Courier, role: subcontractor, care: low}"
	careAt := strings.Index(lines[careLine], "care: ") + len("care: ")
	if err := c.request("textDocument/completion", at(sofa, pos(careLine, careAt)), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); got != "high|medium|low|broken" {
		t.Errorf("after care: %s", got)
	}
	// In a {mapping} the edit replaces the value typed so far, never the key.
	if r := list.Items[0].TextEdit.Range; r.Start != pos(careLine, careAt) || r.End != pos(careLine, careAt) {
		t.Errorf("after care: the edit covers %+v, want the empty range at the cursor", r)
	}
	roleAt := strings.Index(lines[careLine], "role: ") + len("role: ")
	if err := c.request("textDocument/completion", at(sofa, pos(careLine, roleAt)), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); got != "seller|subcontractor" {
		t.Errorf("after role: %s", got)
	}
	if r := list.Items[0].TextEdit.Range; r.Start != pos(careLine, roleAt) {
		t.Errorf("after role: the edit starts at %+v, want %+v", r.Start, pos(careLine, roleAt))
	}
	if err := c.request("textDocument/completion", at(sofa, pos(4, len("frameworks: ["))), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); got != "service-recovery-paradox" {
		t.Errorf("in frameworks: %s", got)
	}
	if err := c.request("textDocument/completion", at(sofa, pos(3, len("industry: "))), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); got != "appliances|retail" {
		t.Errorf("after industry: %s", got)
	}
	if err := c.request("textDocument/completion", at(sofa, pos(1, 0)), &list); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(list), "|"); !strings.HasPrefix(got, "title|summary|date") || !strings.Contains(got, "|frameworks|") {
		t.Errorf("keys: %s", got)
	}

	// A file of another project, open in the same editor: reading
	// requests get no answer, not an error the editor would show.
	var none json.RawMessage
	for _, method := range []string{"textDocument/hover", "textDocument/completion", "textDocument/definition"} {
		if err := c.request(method, at("file:///elsewhere/notes.md", Position{}), &none); err != nil || string(none) != "null" {
			t.Errorf("%s outside the library: %s, %v", method, none, err)
		}
	}

	// Hover and definition on [[srp-alias#Why it works]].
	aliasAt := strings.Index(lines[body], "[[srp-alias") + 3
	var hover Hover
	if err := c.request("textDocument/hover", at(sofa, pos(body, aliasAt)), &hover); err != nil {
		t.Fatal(err)
	}
	if v := hover.Contents.Value; !strings.Contains(v, "**framework** · Service recovery paradox") || !strings.Contains(v, "happier than no failure") {
		t.Errorf("hover: %q", v)
	}
	var loc Location
	if err := c.request("textDocument/definition", at(sofa, pos(body, aliasAt)), &loc); err != nil {
		t.Fatal(err)
	}
	srp := c.uri("content/frameworks/service-recovery-paradox.md")
	if loc.URI != srp || loc.Range.Start != pos(7, 0) {
		t.Errorf("definition: %+v", loc)
	}

	// Backlinks of the framework, asked from the framework itself.
	c.notify("textDocument/didOpen", DidOpenParams{TextDocument: TextDocumentItem{URI: srp, Version: 1, Text: c.read("content/frameworks/service-recovery-paradox.md")}})
	var refs []Location
	if err := c.request("textDocument/references", ReferenceParams{TextDocumentPositionParams: at(srp, pos(0, 0))}, &refs); err != nil {
		t.Fatal(err)
	}
	var where []string
	for _, r := range refs {
		where = append(where, fmt.Sprintf("%s:%d", filepath.Base(pathOf(r.URI)), r.Range.Start.Line))
	}
	if got := strings.Join(where, " "); got != "sofa.md:4 sofa.md:10 wm.md:7" {
		t.Errorf("references: %s", got)
	}

	// Symbols: headings, nested.
	var syms []DocumentSymbol
	if err := c.request("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: srp}}, &syms); err != nil {
		t.Fatal(err)
	}
	if len(syms) != 2 || syms[0].Name != "Why it works" || len(syms[0].Children) != 1 || syms[0].Children[0].Name != "A detail" || syms[1].Name != "When it fails" {
		t.Errorf("symbols: %+v", syms)
	}

	// Rename the framework from a link to it.
	var edit struct {
		DocumentChanges []json.RawMessage `json:"documentChanges"`
	}
	if err := c.request("textDocument/rename", RenameParams{TextDocumentPositionParams: at(sofa, pos(body, aliasAt)), NewName: "recovery-paradox"}, &edit); err != nil {
		t.Fatal(err)
	}
	var changes []string
	for _, raw := range edit.DocumentChanges {
		var ch struct {
			TextDocumentEdit
			RenameFile
		}
		if err := json.Unmarshal(raw, &ch); err != nil {
			t.Fatal(err)
		}
		if ch.Kind == "rename" {
			changes = append(changes, fmt.Sprintf("move %s to %s", c.rel(ch.OldURI), c.rel(ch.NewURI)))
			continue
		}
		version := "nil"
		if ch.TextDocument.Version != nil {
			version = fmt.Sprint(*ch.TextDocument.Version)
		}
		for _, e := range ch.Edits {
			changes = append(changes, fmt.Sprintf("%s@%s %d:%d-%d:%d %s", c.rel(ch.TextDocument.URI), version,
				e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character, e.NewText))
		}
	}
	want := []string{
		"content/cases/sofa.md@4 4:13-4:37 recovery-paradox",
		"content/cases/wm.md@nil 7:30-7:54 recovery-paradox",
		"move content/frameworks/service-recovery-paradox.md to content/frameworks/recovery-paradox.md",
	}
	if strings.Join(changes, "\n") != strings.Join(want, "\n") {
		t.Errorf("rename:\n%s\nwant:\n%s", strings.Join(changes, "\n"), strings.Join(want, "\n"))
	}

	if err := c.request("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func ptr(i int) *int { return &i }

// TestFraming: messages are read by Content-Length, whatever other
// headers come, and a request before initialize is refused.
func TestFraming(t *testing.T) {
	in := "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 46\r\n\r\n" +
		`{"jsonrpc":"2.0","id":7,"method":"shutdown"}  ` +
		"Content-Length: 33\r\n\r\n" + `{"jsonrpc":"2.0","method":"exit"}`
	var out strings.Builder
	if err := Serve(context.Background(), strings.NewReader(in), &out, Options{Root: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	c := newConn(strings.NewReader(out.String()), io.Discard)
	m, err := c.read()
	if err != nil {
		t.Fatal(err)
	}
	if string(m.ID) != "7" || m.Error == nil || m.Error.Code != codeNotInitialized {
		t.Errorf("got %+v", m)
	}
	bad := newConn(strings.NewReader("Content-Length: x\r\n\r\n{}"), io.Discard)
	if _, err := bad.read(); err == nil || !strings.Contains(err.Error(), "Content-Length") {
		t.Errorf("a bad length: %v", err)
	}
}

func TestUTF16(t *testing.T) {
	line := "Ääkkö 😀 [[x]]"
	b := strings.Index(line, "[[")
	u := utf16Col(line, b)
	if u != 9 { // Ä ä k k ö space (6) + 😀 (2 units) + space
		t.Errorf("utf16Col = %d, want 9", u)
	}
	if got := byteCol(line, u); got != b {
		t.Errorf("byteCol = %d, want %d", got, b)
	}
	if got := offset("ab\r\ncd😀e\n", Position{Line: 1, Character: 4}); got != len("ab\r\ncd😀") {
		t.Errorf("offset = %d", got)
	}
}
