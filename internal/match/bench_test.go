package match

import (
	"os"
	"sync"
	"testing"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/corpus"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/support"
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
// prospect, with the library prepared once (NewRanker). Target: under 20 ms.
func BenchmarkRank10k(b *testing.B) {
	lib := library(b)
	p := FromProspect(lib.Prospects[0], lib.Site)
	r := NewRanker(lib.Cases, lib.Site)
	b.ResetTimer()
	for b.Loop() {
		r.Rank(p, lib.Visits, today, Options{})
	}
	b.ReportMetric(float64(len(lib.Cases)), "cases")
}

// BenchmarkRankOnce10k ranks the library for one prospect without a
// prepared Ranker, as `refpack match` does: preparing the library is paid
// in every call.
func BenchmarkRankOnce10k(b *testing.B) {
	lib := library(b)
	p := FromProspect(lib.Prospects[0], lib.Site)
	b.ResetTimer()
	for b.Loop() {
		Rank(p, lib.Cases, lib.Visits, lib.Site, today, Options{})
	}
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
		r := NewRanker(lib.Cases, lib.Site)
		for _, p := range ps {
			r.Rank(p, lib.Visits, today, Options{})
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

// supportExport is a 100,000-row helpdesk export of the library's clients.
func supportExport(b *testing.B, lib *content.Library) *support.Export {
	b.Helper()
	clients := make([]string, len(lib.Cases))
	for i, c := range lib.Cases {
		clients[i] = c.SupportName()
	}
	cfg := config.DefaultSupport
	cfg.Satisfaction = "Satisfaction Score"
	var problems diag.List
	export := support.Parse("content/support.csv", corpus.SupportExport(clients, 100000, 1, today), cfg, &problems)
	if problems.HasErrors() {
		b.Fatal(problems.Problems[0])
	}
	return export
}

// BenchmarkRank10kSupport100k ranks the library for one prospect with a
// 100,000-row helpdesk export of its clients loaded and the library
// prepared once (NewRanker): every case's health is derived at the date.
// Target: under 20 ms.
func BenchmarkRank10kSupport100k(b *testing.B) {
	lib := library(b)
	export := supportExport(b, lib)
	p := FromProspect(lib.Prospects[0], lib.Site)
	r := NewRanker(lib.Cases, lib.Site)
	b.ResetTimer()
	for b.Loop() {
		r.Rank(p, lib.Visits, today, Options{Support: export})
	}
	b.ReportMetric(float64(len(lib.Cases)), "cases")
}

// BenchmarkRank10kSupport100kShown is BenchmarkRank10kSupport100k with
// reasons for the 10 matches `refpack match` shows (Options.Explain).
func BenchmarkRank10kSupport100kShown(b *testing.B) {
	lib := library(b)
	export := supportExport(b, lib)
	p := FromProspect(lib.Prospects[0], lib.Site)
	r := NewRanker(lib.Cases, lib.Site)
	b.ResetTimer()
	for b.Loop() {
		r.Rank(p, lib.Visits, today, Options{Support: export, Explain: 10})
	}
}

// BenchmarkPrepare10kSupport100k is what a Ranker works out once for a
// library and a loaded 100,000-row export: translation groups, slug order,
// every case's health at the date and one language's representatives.
func BenchmarkPrepare10kSupport100k(b *testing.B) {
	lib := library(b)
	export := supportExport(b, lib)
	p := FromProspect(lib.Prospects[0], lib.Site)
	b.ResetTimer()
	for b.Loop() {
		r := NewRanker(lib.Cases, lib.Site)
		r.healths(export, today)
		r.representation(p.Language)
	}
}
