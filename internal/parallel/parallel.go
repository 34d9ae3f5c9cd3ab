// Package parallel spreads independent pieces of work over the processors.
package parallel

import (
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Each calls f for 0..n-1, at most one call per processor at a time, and
// returns when every call has.
func Each(n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			f(i)
			return nil
		})
	}
	g.Wait()
}
