package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/corpus"
)

// BenchmarkEditReload10k measures what an author waits for on a
// 10,000-case library: from writing one edited case file to the reload
// event of the open pages, through the watcher (debounce included), the
// incremental rebuild and the event stream. Set REFPACK_BENCH_LIB to a copy
// of a library made by `go run ./internal/corpus/gencorpus -n 10000 -o DIR`
// (the benchmark edits one of its files).
func BenchmarkEditReload10k(b *testing.B) {
	lib := os.Getenv("REFPACK_BENCH_LIB")
	if lib == "" {
		lib = b.TempDir()
		if err := corpus.Write(lib, corpus.Options{Cases: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	rel := "content/cases/" + firstCase(b, lib)
	orig, err := os.ReadFile(filepath.Join(lib, rel))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(filepath.Join(lib, rel), orig, 0o644) })

	ts := startWith(b, lib, Options{}) // the defaults: what an author gets
	// The author starts editing once the first search index is built;
	// later ones wait for a pause of IndexDelay, longer than these edits
	// are apart.
	for {
		ts.mu.RLock()
		_, indexed := ts.build.Files["search/manifest.json"]
		ts.mu.RUnlock()
		if indexed {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	ev := ts.events()
	n := 0
	for b.Loop() {
		n++
		edited := string(orig) + "\nEdited paragraph number " + strconv.Itoa(n) + ".\n"
		if err := os.WriteFile(filepath.Join(lib, rel), []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case e := <-ev:
			if !strings.HasPrefix(e, "reload ") {
				b.Fatalf("event %q", e)
			}
		case <-time.After(60 * time.Second):
			b.Fatal("no reload")
		}
	}
	b.StopTimer()
	if log := ts.log.String(); testing.Verbose() || strings.Contains(log, "problem") {
		b.Logf("%s", log[max(0, len(log)-2000):])
	}
}

// BenchmarkRebuildCase10k measures the incremental rebuild alone after one
// case file of a 10,000-case library changed (see BenchmarkEditReload10k).
func BenchmarkRebuildCase10k(b *testing.B) {
	lib := os.Getenv("REFPACK_BENCH_LIB")
	if lib == "" {
		b.Skip("set REFPACK_BENCH_LIB")
	}
	bl := newBuilder(lib, false, "127.0.0.1:1313", time.Time{})
	if res := bl.full(); res.Build == nil {
		b.Fatalf("%v", res.Problems)
	}
	rel := "content/cases/" + firstCase(b, lib)
	orig, err := os.ReadFile(filepath.Join(lib, rel))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(filepath.Join(lib, rel), orig, 0o644) })
	n := 0
	for b.Loop() {
		n++
		os.WriteFile(filepath.Join(lib, rel), []byte(string(orig)+"\nEdit "+strconv.Itoa(n)+".\n"), 0o644)
		if res := bl.rebuild([]string{rel}); res.Build == nil || res.Full {
			b.Fatalf("rebuild: full %v, %v", res.Full, res.Problems)
		}
	}
}

func firstCase(b *testing.B, lib string) string {
	l, err := os.ReadDir(filepath.Join(lib, "content", "cases"))
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range l {
		if strings.HasSuffix(e.Name(), ".md") {
			return e.Name()
		}
	}
	b.Fatal("no case file")
	return ""
}
