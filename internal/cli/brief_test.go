package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/refpack/refpack/internal/corpus"
)

// BenchmarkBriefAll1000 measures `refpack brief --all` for a generated
// library of 1,000 cases and 1,000 prospects in all three languages: load,
// rank, questions, layout and writing, on GOMAXPROCS cores (-cpu 2 for the
// project's 2-core machine). Set REFPACK_BENCH_BRIEF_LIB to reuse a
// library made by corpus.Write with Cases and Prospects 1000, Seed 1.
func BenchmarkBriefAll1000(b *testing.B) {
	lib := os.Getenv("REFPACK_BENCH_BRIEF_LIB")
	if lib == "" {
		lib = b.TempDir()
		if err := corpus.Write(lib, corpus.Options{Cases: 1000, Prospects: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "briefs")
	for b.Loop() {
		if code := Main([]string{"brief", "--all", "-s", lib, "-o", out, "--date", "2026-11-20"}, io.Discard, os.Stderr); code != ExitOK {
			b.Fatalf("refpack brief --all: exit %d", code)
		}
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	b.ReportMetric(float64(len(files)), "packs")
}
