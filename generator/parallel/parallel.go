// Package parallel spreads independent work over every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// reserved is how many of GOMAXPROCS For leaves to other work (Reserve).
var reserved atomic.Int32

// Reserve keeps n of the process's GOMAXPROCS out of For's reach, for
// work that must answer at once while a long For runs: the preview raises
// GOMAXPROCS by one and reserves it, so that a save is shown without
// waiting for a rebuild's workers to be preempted. For always uses one
// worker at least.
func Reserve(n int) { reserved.Store(int32(n)) }

// Workers is how many goroutines For runs on.
func Workers() int {
	return max(runtime.GOMAXPROCS(0)-int(reserved.Load()), 1)
}

// For calls fn(0), ..., fn(n-1) on Workers goroutines and returns when
// all have returned. Indexes are handed out in order; callers store results
// by index, so what they produce never depends on scheduling.
func For(n int, fn func(i int)) {
	workers := min(Workers(), n)
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
