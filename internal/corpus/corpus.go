// Package corpus generates deterministic, realistic site source trees for
// benchmarks and tests: case studies in English, Japanese and Russian,
// prospects, a question bank and a visit ledger, all valid as README.md
// describes a site's source tree.
//
// The same Options always give the same bytes: every random choice comes from
// math/rand/v2 PCG streams seeded from Options.Seed, never from the clock.
package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Options say what to generate.
type Options struct {
	Cases     int   // number of case studies
	Prospects int   // default 20 when 0
	Visits    int   // ledger entries; default Cases/10 when 0
	Seed      int64 // same seed, same bytes
}

// Write writes a complete site source tree into dir (dir/content/site.toml,
// dir/content/cases/*.md, dir/content/prospects/*.toml,
// dir/content/questions.toml, dir/content/visits.toml).
func Write(dir string, opt Options) error {
	if opt.Cases < 0 || opt.Prospects < 0 {
		return errors.New("corpus: Cases and Prospects must not be negative")
	}
	if opt.Prospects == 0 {
		opt.Prospects = 20
	}
	lib := plan(opt)
	content := filepath.Join(dir, "content")
	for _, d := range []string{"cases", "prospects"} {
		if err := os.MkdirAll(filepath.Join(content, d), 0o755); err != nil {
			return err
		}
	}
	small := map[string][]byte{
		"site.toml":      siteTOML(),
		"questions.toml": questionsTOML(),
		"visits.toml":    visitsTOML(lib),
	}
	for name, data := range small {
		if err := os.WriteFile(filepath.Join(content, name), data, 0o644); err != nil {
			return err
		}
	}
	for _, p := range lib.prospects {
		if err := os.WriteFile(filepath.Join(content, "prospects", p.slug+".toml"), prospectTOML(p), 0o644); err != nil {
			return err
		}
	}
	return writeCases(filepath.Join(content, "cases"), lib)
}

// writeCases renders and writes the case files on all CPUs. Each case draws
// from its own random stream, so the order of work does not change the bytes.
func writeCases(dir string, lib *library) error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, c := range lib.cases {
		g.Go(func() error {
			if err := os.WriteFile(filepath.Join(dir, c.slug+".md"), renderCase(nil, lib, c), 0o644); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
			return nil
		})
	}
	return g.Wait()
}
