package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/corpus"
)

// BenchmarkBuild10k measures a full build (load, validate, render, leak
// guard, write, swap) of a generated 10,000-case library. Set
// REFPACK_BENCH_LIB to reuse a library made by
// `go run ./internal/corpus/gencorpus -n 10000 -o DIR`.
func BenchmarkBuild10k(b *testing.B) {
	lib := os.Getenv("REFPACK_BENCH_LIB")
	if lib == "" {
		lib = b.TempDir()
		if err := corpus.Write(lib, corpus.Options{Cases: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		res, problems := buildSite(lib, false, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), out, false)
		if res == nil {
			b.Fatalf("build failed: %v", problems[0])
		}
		if err := res.w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
