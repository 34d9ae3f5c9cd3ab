package match

import (
	"os"
	"sync"
	"testing"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/corpus"
)

var (
	benchOnce sync.Once
	benchLib  *content.Library
)

// library loads a generated 10,000-case library, or the one at
// REFPACK_BENCH_LIB (made by `go run ./internal/corpus/gencorpus -n 10000 -o DIR`).
func library(b *testing.B) *content.Library {
	b.Helper()
	benchOnce.Do(func() {
		dir := os.Getenv("REFPACK_BENCH_LIB")
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "refpack-match-bench"); err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(dir)
			if err := corpus.Write(dir, corpus.Options{Cases: 10000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
		lib, problems := content.Load(os.DirFS(dir))
		if lib == nil {
			b.Fatalf("load: %v", problems)
		}
		benchLib = lib
	})
	if benchLib == nil || len(benchLib.Prospects) == 0 {
		b.Fatal("no library")
	}
	return benchLib
}

// BenchmarkRank10k ranks every case of the library, with reasons, for one
// prospect. Target: under 20 ms.
func BenchmarkRank10k(b *testing.B) {
	lib := library(b)
	p := FromProspect(lib.Prospects[0], lib.Site)
	b.ResetTimer()
	for b.Loop() {
		Rank(p, lib.Cases, lib.Visits, lib.Site, today, Options{})
	}
	b.ReportMetric(float64(len(lib.Cases)), "cases")
}

// BenchmarkRank20Prospects10k ranks the library for 20 prospects. Target:
// under 0.5 s.
func BenchmarkRank20Prospects10k(b *testing.B) {
	lib := library(b)
	var ps []Prospect
	for i := range 20 {
		ps = append(ps, FromProspect(lib.Prospects[i%len(lib.Prospects)], lib.Site))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			Rank(p, lib.Cases, lib.Visits, lib.Site, today, Options{})
		}
	}
}

// BenchmarkRelated10k finds the 3 related cases of every case, as a build
// of the public site does.
func BenchmarkRelated10k(b *testing.B) {
	lib := library(b)
	b.ResetTimer()
	for b.Loop() {
		Related(lib.Cases, lib.Site, 3)
	}
}
