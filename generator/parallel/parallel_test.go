package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestReserveLeavesProcessors runs For with and without a reservation and
// counts the calls running at once, which must never pass Workers.
func TestReserveLeavesProcessors(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer Reserve(0)
	for _, tc := range []struct{ reserve, want int }{{0, 4}, {1, 3}, {3, 1}, {9, 1}} {
		Reserve(tc.reserve)
		if got := Workers(); got != tc.want {
			t.Errorf("Reserve(%d): %d workers, want %d", tc.reserve, got, tc.want)
		}
		var running, most atomic.Int32
		var mu sync.Mutex
		seen := map[int]bool{}
		For(40, func(i int) {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(time.Millisecond)
			running.Add(-1)
			mu.Lock()
			seen[i] = true
			mu.Unlock()
		})
		if int(most.Load()) > tc.want || len(seen) != 40 {
			t.Errorf("Reserve(%d): %d calls at once (at most %d), %d of 40 made", tc.reserve, most.Load(), tc.want, len(seen))
		}
	}
}
