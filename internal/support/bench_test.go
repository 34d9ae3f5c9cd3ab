package support

import (
	"strconv"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/corpus"
	"github.com/refpack/refpack/internal/diag"
)

// BenchmarkLoadExport100k parses a 100,000-row Zendesk-shaped export of
// 10,000 customers: the load time that a match or pack pays once.
func BenchmarkLoadExport100k(b *testing.B) {
	customers := make([]string, 10000)
	for i := range customers {
		customers[i] = "Customer " + strconv.Itoa(i)
	}
	src := corpus.SupportExport(customers, 100000, 1, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	cfg := config.DefaultSupport
	cfg.Satisfaction = "Satisfaction Score"
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var problems diag.List
		Parse("content/support.csv", src, cfg, &problems)
		if problems.HasErrors() {
			b.Fatal(problems.Problems[0])
		}
	}
}
