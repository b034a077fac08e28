package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// lines splits a text into lines without their ends (\n or \r\n).
func lines(text string) []string {
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// utf16Col is the UTF-16 offset of byte offset b in line.
func utf16Col(line string, b int) int {
	b = min(max(b, 0), len(line))
	n := 0
	for _, r := range line[:b] { // an invalid byte reads as U+FFFD: one unit
		n += utf16.RuneLen(r)
	}
	return n
}

// byteCol is the byte offset of UTF-16 offset u in line.
func byteCol(line string, u int) int {
	n := 0
	for i, r := range line {
		if n >= u {
			return i
		}
		size := utf16.RuneLen(r)
		if size < 0 {
			size = 1
		}
		n += size
	}
	return len(line)
}

// position turns a 1-based line and byte column into an LSP position.
func position(ls []string, line, col int) Position {
	if line < 1 {
		return Position{}
	}
	if line > len(ls) {
		return Position{Line: line - 1}
	}
	return Position{Line: line - 1, Character: utf16Col(ls[line-1], col-1)}
}

// offset is the byte offset in text of an LSP position.
func offset(text string, p Position) int {
	off := 0
	for i := 0; i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		end = len(text) - off
	}
	line := strings.TrimSuffix(text[off:off+end], "\r")
	return off + byteCol(line, p.Character)
}

// pathOf is the file path of a file: URI, "" for any other scheme.
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// uriOf is the file: URI of an absolute path.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
