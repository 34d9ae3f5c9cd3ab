package search

import (
	"os"
	"testing"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// BenchmarkIndex10k measures building the index of a generated library:
// REFPACK_BENCH_LIB names one made by
// `go run ./internal/corpus/gencorpus -n 10000 -o DIR`.
func BenchmarkIndex10k(b *testing.B) {
	dir := os.Getenv("REFPACK_BENCH_LIB")
	if dir == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library")
	}
	lib, problems := content.Load(os.DirFS(dir))
	if lib == nil {
		b.Fatalf("load: %v", problems)
	}
	r := markdown.New()
	bodies := map[string]markdown.Result{}
	for _, c := range lib.Cases {
		res, err := r.Render(c.Body)
		if err != nil {
			b.Fatal(err)
		}
		bodies[c.Slug] = res
	}
	b.ResetTimer()
	var size int
	for b.Loop() {
		out, err := Index(Input{Lib: lib, Bodies: bodies})
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, v := range out {
			size += len(v)
		}
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkTokenizeGerman measures the indexer's tokenizer on the German
// case studies of the sample library, whose umlauts and ß are in
// stableRanges: lines holding them skip NFKC.
func BenchmarkTokenizeGerman(b *testing.B) {
	var text []byte
	for _, f := range []string{"stadtwerke-hohenfurt.md", "versicherer-posteingang.md", "kessler-maschinenbau.md"} {
		d, err := os.ReadFile("../../content/cases/" + f)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, d...)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	tz := newTokenizer(0)
	for b.Loop() {
		tz.tokens(s)
	}
}
