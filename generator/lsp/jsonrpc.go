// Package lsp is casebook's language server: the Language Server Protocol
// over a byte stream (stdio), so any editor can show check's diagnostics
// as a writer types, complete links and front matter, follow links, find
// backlinks and rename pages. The JSON-RPC framing is written here: it is
// a header block with Content-Length, a blank line, and that many bytes of
// JSON.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method only) or a response (ID with Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%d: %s", e.Code, e.Message) }

// JSON-RPC and LSP error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeNotInitialized = -32002
	codeRequestFailed  = -32803
)

// maxMessage bounds one message, so a broken client cannot make the
// server allocate without limit.
const maxMessage = 64 << 20

// conn reads and writes framed messages. Writes may come from several
// goroutines (responses and published diagnostics) and are serialised.
type conn struct {
	r  *bufio.Reader
	mu sync.Mutex
	w  io.Writer
}

func newConn(r io.Reader, w io.Writer) *conn {
	return &conn{r: bufio.NewReader(r), w: w}
}

// read returns the next message. io.EOF means the client closed the stream.
func (c *conn) read() (*message, error) {
	headers, err := textproto.NewReader(c.r).ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(headers) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("reading headers: %w", err)
	}
	length, err := strconv.Atoi(strings.TrimSpace(headers.Get("Content-Length")))
	if err != nil || length < 0 {
		return nil, fmt.Errorf("a message without a valid Content-Length header (%q)", headers.Get("Content-Length"))
	}
	if length > maxMessage {
		return nil, fmt.Errorf("a message of %d bytes, over the %d the server accepts", length, maxMessage)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, fmt.Errorf("reading a message body: %w", err)
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return &message{Error: &rpcError{Code: codeParseError, Message: err.Error()}}, nil
	}
	return &m, nil
}

// write sends one message.
func (c *conn) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = c.w.Write(body)
	return err
}

// notify sends a notification.
func (c *conn) notify(method string, params any) error {
	data, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.write(&message{Method: method, Params: data})
}

// reply answers request id with a result or an error.
func (c *conn) reply(id json.RawMessage, result any, err error) error {
	m := &message{ID: id}
	if err != nil {
		var re *rpcError
		if !errors.As(err, &re) {
			re = &rpcError{Code: codeRequestFailed, Message: err.Error()}
		}
		m.Error = re
		return c.write(m)
	}
	data, merr := json.Marshal(result)
	if merr != nil {
		return merr
	}
	m.Result = data
	return c.write(m)
}
