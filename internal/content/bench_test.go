package content

import (
	"os"
	"testing"
)

// BenchmarkLoad loads the library in REFPACK_BENCH_LIB (a generated corpus,
// see internal/corpus/gencorpus).
func BenchmarkLoad(b *testing.B) {
	dir := os.Getenv("REFPACK_BENCH_LIB")
	if dir == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library")
	}
	fsys := os.DirFS(dir)
	for b.Loop() {
		if lib, _ := Load(fsys); lib == nil {
			b.Fatal("load failed")
		}
	}
}
