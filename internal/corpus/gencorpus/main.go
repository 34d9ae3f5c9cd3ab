// Command gencorpus writes a generated reference library for benchmarks:
//
//	go run ./internal/corpus/gencorpus -n 10000 -seed 1 -o /tmp/lib
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/refpack/refpack/internal/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of case studies")
	prospects := fs.Int("prospects", 20, "number of prospects")
	visits := fs.Int("visits", 0, "number of ledger entries (default n/10)")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same bytes")
	out := fs.String("o", "", "output directory (the site root)")
	force := fs.Bool("force", false, "write into a non-empty directory, replacing its content/")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gencorpus -n N [-seed S] [-prospects P] [-visits V] [-force] -o DIR")
		return 2
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		if !*force {
			fmt.Fprintf(stderr, "gencorpus: %s is not empty (use -force to replace its content/)\n", *out)
			return 2
		}
		// Stale cases from an earlier, larger run would otherwise survive.
		if err := os.RemoveAll(filepath.Join(*out, "content")); err != nil {
			fmt.Fprintln(stderr, "gencorpus:", err)
			return 1
		}
	}
	if err := corpus.Write(*out, corpus.Options{Cases: *n, Prospects: *prospects, Visits: *visits, Seed: *seed}); err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 1
	}
	return 0
}
