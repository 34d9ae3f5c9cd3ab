package markdown

import (
	"os"
	"testing"

	"github.com/refpack/refpack/internal/content"
)

// BenchmarkRenderCorpus renders every case body of the library in
// REFPACK_BENCH_LIB (see internal/corpus/gencorpus) with one renderer, as a
// build does.
func BenchmarkRenderCorpus(b *testing.B) {
	dir := os.Getenv("REFPACK_BENCH_LIB")
	if dir == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library")
	}
	lib, _ := content.Load(os.DirFS(dir))
	if lib == nil {
		b.Fatal("cannot load " + dir)
	}
	total := 0
	for _, c := range lib.Cases {
		total += len(c.Body)
	}
	r := New()
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, c := range lib.Cases {
			if _, err := r.Render(c.Body); err != nil {
				b.Fatal(err)
			}
		}
	}
}
