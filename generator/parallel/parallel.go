// Package parallel spreads independent work over every core.
package parallel

import (
	"runtime"
	"sync"
)

// For calls fn(0), ..., fn(n-1) on GOMAXPROCS goroutines and returns when
// all have returned. Indexes are handed out in order; callers store results
// by index, so what they produce never depends on scheduling.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
