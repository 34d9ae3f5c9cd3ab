package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/build"
	"github.com/refpack/refpack/internal/corpus"
	"github.com/refpack/refpack/internal/publish"
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
		w, err := publish.NewWriter(out, false)
		if err != nil {
			b.Fatal(err)
		}
		res := build.New(lib, build.Options{Date: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}).Run(nil, w)
		if !res.OK() {
			b.Fatalf("build failed: %v %v", res.Problems, res.Leaks)
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
