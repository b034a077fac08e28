// Command staticserve serves a built site the way a static host does:
// files as they are, text compressed with gzip when the browser accepts
// it, and a short cache lifetime. scripts/lighthouse.sh measures the
// sample library through it, so the scores are those of a hosted site
// rather than of the live preview (which adds its reload script).
//
//	go run ./scripts/staticserve -addr 127.0.0.1:8765 public
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8765", "address to listen on")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: staticserve [-addr host:port] DIR")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	files := http.FileServer(http.Dir(flag.Arg(0)))
	log.Printf("serving %s at http://%s/", flag.Arg(0), ln.Addr())
	log.Fatal(http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !compressible(r.URL.Path) {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		files.ServeHTTP(gzipWriter{w, gz}, r)
	})))
}

// compressible says whether a path is text worth compressing; a folder
// serves its index.html.
func compressible(path string) bool {
	ext := filepath.Ext(path)
	if ext == "" {
		return true
	}
	t := mime.TypeByExtension(ext)
	return strings.HasPrefix(t, "text/") || strings.Contains(t, "javascript") || strings.Contains(t, "json") ||
		strings.Contains(t, "xml") || strings.Contains(t, "svg")
}

// gzipWriter sends the body through gzip; the file server's length would
// be that of the uncompressed file, so it is dropped.
type gzipWriter struct {
	http.ResponseWriter
	gz io.Writer
}

func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }
