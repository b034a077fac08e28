// Command servebench measures the live preview on a site: from the write
// of one case file to the change event on the live-reload stream, over a
// number of edits, with the real watcher; and the memory held after the
// first build, the largest after any edit, and after the edits.
//
//	go run ./scripts/servebench -edits 20 /tmp/site
//
// The site is edited in place (a line is appended to one case and taken
// away again, by turns), so use a generated one.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/casebook-cx/casebook/generator/serve"
)

func main() {
	edits := flag.Int("edits", 20, "how many saves to time")
	page := flag.String("page", "content/cases/case-000001.md", "the file to edit, relative to the site")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: servebench [-edits N] [-page content/cases/x.md] SITE")
	}
	root := flag.Arg(0)
	s := serve.New(root, serve.Options{Drafts: true})
	start := time.Now()
	if rep := s.Rebuild(nil); rep.Errors.HasErrors() {
		log.Fatal(rep.Errors)
	}
	fmt.Printf("first build: %.2fs, heap after it %d MB\n", time.Since(start).Seconds(), heapMB())
	srv := httptest.NewServer(s)
	defer func() { srv.CloseClientConnections(); srv.Close() }() // the stream below stays open
	events := stream(srv.URL)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		if err := s.Watch(ctx, func(serve.Report) {}); err != nil {
			log.Fatal(err)
		}
	}()
	time.Sleep(500 * time.Millisecond) // the watcher starts in its goroutine

	path := filepath.Join(root, *page)
	original, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	defer os.WriteFile(path, original, 0o644)
	var took []time.Duration
	var peak uint64
	for i := range *edits {
		data := original
		if i%2 == 0 {
			data = append(append([]byte{}, original...), fmt.Sprintf("\nEdit %d.\n", i)...)
		}
		t := time.Now()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			log.Fatal(err)
		}
		select {
		case <-events:
			took = append(took, time.Since(t))
		case <-time.After(2 * time.Minute):
			log.Fatalf("edit %d: no change event", i)
		}
		if i%10 == 9 {
			peak = max(peak, heapMB()) // outside the timed part: a collection takes a while
		}
	}
	slices.Sort(took)
	fmt.Printf("%d edits: write to reload event, median %v, slowest %v\n", len(took), took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	fmt.Printf("heap after the edits: %d MB; largest seen after an edit: %d MB; peak RSS of the process: %d MB\n", heapMB(), peak, peakRSSMB())
}

// peakRSSMB is the most memory the process has held, collected or not.
func peakRSSMB() int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return u.Maxrss >> 10 // kilobytes on Linux
}

// stream opens the live-reload stream and signals each change event.
func stream(base string) <-chan struct{} {
	resp, err := http.Get(base + "/__casebook/events")
	if err != nil {
		log.Fatal(err)
	}
	ch := make(chan struct{}, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: change") {
				ch <- struct{}{}
			}
		}
	}()
	return ch
}

// heapMB is the live heap after a collection: what the server holds.
func heapMB() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}
