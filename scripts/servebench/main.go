// Command servebench measures the live preview on a site, with the real
// watcher: from the write of one case file to the change event that
// reloads its page on the live-reload stream, and to the moment the whole
// site is up to date again (the full rebuild behind it done); and the
// memory held after the first build, the largest after any edit, and
// after the edits.
//
//	go run ./scripts/servebench -edits 20 -pause 100ms /tmp/site
//
// The site is edited in place (a line is appended to one case and taken
// away again, by turns), so use a generated one.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/casebook-cx/casebook/generator/parallel"
	"github.com/casebook-cx/casebook/generator/serve"
)

func main() {
	edits := flag.Int("edits", 20, "how many saves to time")
	pause := flag.Duration("pause", 0, "how long to wait before each save, as a person would between saves (0: none, so saves may come as a burst)")
	page := flag.String("page", "content/cases/case-000001.md", "the file to edit, relative to the site")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: servebench [-edits N] [-pause D] [-page content/cases/x.md] SITE")
	}
	root := flag.Arg(0)
	s := serve.New(root, serve.Options{Drafts: true, Prepared: likeServe()})
	start := time.Now()
	if rep := s.Rebuild(nil); rep.Errors.HasErrors() {
		log.Fatal(rep.Errors)
	}
	fmt.Printf("first build: %.2fs, heap after it %d MB\n", time.Since(start).Seconds(), heapMB())
	srv := httptest.NewServer(s)
	defer func() { srv.CloseClientConnections(); srv.Close() }() // the stream below stays open
	// The page's output: cases/x.md becomes cases/x/index.html.
	output := strings.TrimSuffix(strings.TrimPrefix(*page, "content/"), ".md") + "/index.html"
	events := stream(srv.URL, output)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		if err := s.Watch(ctx, func(r serve.Report) {
			if r.Errors.HasErrors() {
				log.Fatal(r.Errors)
			}
		}); err != nil {
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
	var shown, current []time.Duration
	var peak uint64
	for i := range *edits {
		data := original
		if i%2 == 0 {
			data = append(append([]byte{}, original...), fmt.Sprintf("\nEdit %d.\n", i)...)
		}
		time.Sleep(*pause)
		t := time.Now()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			log.Fatal(err)
		}
		select {
		case <-events:
			shown = append(shown, time.Since(t))
		case <-time.After(2 * time.Minute):
			log.Fatalf("edit %d: no change event for %s", i, output)
		}
		if i%10 == 9 {
			// Every tenth save, wait for the whole site to catch up, and
			// measure the memory then, when no rebuild holds any.
			for s.Unbuilt() > 0 {
				time.Sleep(time.Millisecond)
			}
			current = append(current, time.Since(t))
			peak = max(peak, heapMB())
		}
	}
	for s.Unbuilt() > 0 {
		time.Sleep(time.Millisecond)
	}
	fmt.Printf("%d edits: write to the page's reload event, median %v, slowest %v\n", len(shown), median(shown), slices.Max(shown).Round(time.Millisecond))
	if len(current) > 0 {
		fmt.Printf("%d of them: write to the whole site up to date, median %v, slowest %v\n", len(current), median(current), slices.Max(current).Round(time.Millisecond))
	}
	fmt.Printf("heap after the edits: %d MB; largest seen after an edit: %d MB; peak RSS of the process: %d MB\n", heapMB(), peak, peakRSSMB())
}

// likeServe sets up the process as casebook serve does (cmd/casebook:
// serve.go and memory.go): a processor more than the rebuild's workers
// use, a collection when the heap has grown by a quarter, and a soft
// memory limit of 1.5 times what the first build holds once prepared,
// plus 256 MB. It returns the hook that sets the limit.
func likeServe() (prepared func()) {
	runtime.GOMAXPROCS(runtime.GOMAXPROCS(0) + 1)
	parallel.Reserve(1)
	debug.SetGCPercent(25)
	return sync.OnceFunc(func() {
		runtime.GC()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		debug.SetMemoryLimit(int64(float64(sample[0].Value.Uint64())*1.5) + 256<<20)
	})
}

func median(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2].Round(time.Millisecond)
}

// peakRSSMB is the most memory the process has held, collected or not.
func peakRSSMB() int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return u.Maxrss >> 10 // kilobytes on Linux
}

// stream opens the live-reload stream and signals each change event that
// reloads the page output (one naming it, or every page).
func stream(base, output string) <-chan struct{} {
	resp, err := http.Get(base + "/__casebook/events")
	if err != nil {
		log.Fatal(err)
	}
	ch := make(chan struct{}, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var c struct {
				Changed     []string
				All, Reload bool
			}
			if json.Unmarshal([]byte(data), &c) == nil && (c.All || c.Reload || slices.Contains(c.Changed, output)) {
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
