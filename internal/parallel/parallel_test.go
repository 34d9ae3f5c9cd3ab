package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach: every index is called once, and no more calls run at a time
// than there are processors.
func TestEach(t *testing.T) {
	const n = 1000
	var calls [n]atomic.Int32
	var running, most atomic.Int32
	Each(n, func(i int) {
		r := running.Add(1)
		for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
		}
		calls[i].Add(1)
		runtime.Gosched()
		running.Add(-1)
	})
	for i := range calls {
		if c := calls[i].Load(); c != 1 {
			t.Fatalf("index %d called %d times", i, c)
		}
	}
	if m := most.Load(); m > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d calls at once on %d processors", m, runtime.GOMAXPROCS(0))
	}
	Each(0, func(int) { t.Error("called for n = 0") })
}
