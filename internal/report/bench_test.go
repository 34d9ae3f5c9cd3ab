package report

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/corpus"
)

var (
	benchOnce sync.Once
	benchLib  *content.Library
)

// library loads a generated 10,000-case library with a 20,000-entry ledger,
// or the one at REFPACK_BENCH_LIB (made by `go run ./internal/corpus/gencorpus
// -n 10000 -visits 20000 -o DIR`).
func library(b *testing.B) *content.Library {
	b.Helper()
	benchOnce.Do(func() {
		dir := os.Getenv("REFPACK_BENCH_LIB")
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "refpack-report-bench"); err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(dir)
			if err := corpus.Write(dir, corpus.Options{Cases: 10000, Visits: 20000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
		lib, problems := content.Load(os.DirFS(dir))
		if lib == nil {
			b.Fatalf("load: %v", problems)
		}
		benchLib = lib
	})
	if benchLib == nil {
		b.Fatal("no library")
	}
	return benchLib
}

// BenchmarkReport10k computes the report of a 10,000-case library with a
// 20,000-entry ledger and renders its page. Target: well under 1 s.
func BenchmarkReport10k(b *testing.B) {
	lib := library(b)
	date := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	follow := func(d time.Time) time.Time { return d.AddDate(0, 0, 3) }
	b.ReportMetric(float64(len(lib.Visits)), "entries")
	b.ResetTimer()
	for b.Loop() {
		r := Build(Input{Library: lib, Date: date, FollowUp: follow})
		HTML(r, lib.Site)
	}
}
