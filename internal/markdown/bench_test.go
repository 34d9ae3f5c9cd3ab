package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRenderCorpus renders every case body of the library in
// REFPACK_BENCH_LIB (see internal/corpus/gencorpus) with one renderer.
func BenchmarkRenderCorpus(b *testing.B) {
	dir := os.Getenv("REFPACK_BENCH_LIB")
	if dir == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content/cases/*.md"))
	var bodies [][]byte
	total := 0
	for _, f := range files[:min(len(files), 2000)] {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if i := bytes.Index(src[3:], []byte("\n+++\n")); i >= 0 {
			src = src[i+8:]
		}
		bodies = append(bodies, src)
		total += len(src)
	}
	r := New()
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, body := range bodies {
			if _, err := r.Render(body); err != nil {
				b.Fatal(err)
			}
		}
	}
}
