package tomldoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/diag"
)

// BenchmarkParseFrontMatter parses the front matter of 1,000 case files of
// the library in REFPACK_BENCH_LIB.
func BenchmarkParseFrontMatter(b *testing.B) {
	dir := os.Getenv("REFPACK_BENCH_LIB")
	if dir == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content/cases/*.md"))
	var docs [][]byte
	var texts []string
	for _, f := range files[:min(len(files), 1000)] {
		src, _ := os.ReadFile(f)
		parts := strings.SplitN(string(src), "+++\n", 3)
		docs = append(docs, []byte(parts[1]))
		texts = append(texts, parts[1])
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				var problems diag.List
				Parse("x.md", d, 1, &problems)
			}
		}
	})
	b.Run("positions", func(b *testing.B) {
		for b.Loop() {
			for _, d := range texts {
				scanPositions(d)
			}
		}
	})
}
