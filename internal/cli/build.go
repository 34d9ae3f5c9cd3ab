package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/refpack/refpack/internal/build"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s SITE] [-o DIR] [--drafts] [--date YYYY-MM-DD] [--clean]",
		"Build the public reference site from SITE/content into DIR.\nThe previous output is replaced only when the whole build succeeds.\n"+
			"DIR must not exist, be empty or hold a previous build and nothing else (a .git is kept);\n"+
			"--clean replaces it whatever it holds.\n"+
			"Cases are published by the consent rule at --date (default: SOURCE_DATE_EPOCH when set, else today).", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	outDir := fs.String("o", "", "output directory (default SITE/public)")
	drafts := fs.Bool("drafts", false, "include draft case studies, marked as drafts")
	date := fs.String("date", "", "build date `YYYY-MM-DD`: consents that expire on or before it are not published")
	clean := fs.Bool("clean", false, "replace DIR even when it holds files that refpack did not write")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack build: unexpected argument %q (use -s SITE)\n", rest[0])
		return ExitUsage
	}
	at, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack build: %v\n", err)
		return ExitUsage
	}
	out := *outDir
	if out == "" {
		out = filepath.Join(*siteDir, "public")
	}
	// The sources are protected from where the build really goes, which
	// is a link's target even when that does not exist yet.
	target, err := publish.Resolve(out)
	if err == nil {
		err = checkOutputDir(*siteDir, target)
	}
	if err == nil {
		err = publish.CheckOutput(out, *clean)
	}
	if err != nil {
		printOutputError(stderr, err)
		return ExitUsage
	}
	prepareMemory()
	w, err := publish.NewWriter(out, *clean)
	if err != nil {
		printOutputError(stderr, err)
		return ExitUsage
	}
	res := build.New(*siteDir, build.Options{Drafts: *drafts, Date: at}).Run(nil, w)
	printProblems(stderr, res.Problems)
	if !res.Rendered || hasErrors(res.Problems) {
		w.Abort()
		return ExitProblem
	}
	if len(res.Leaks) > 0 {
		w.Abort()
		printProblems(stderr, res.Sources)
		for _, p := range fewLeaks(res.Leaks) {
			p.Path = filepath.Join(out, p.Path)
			fmt.Fprintln(stderr, p.String())
		}
		fmt.Fprintf(stderr, "refpack build: refused: private values would be published; %s is unchanged\n", out)
		return ExitProblem
	}
	if err := w.Commit(); err != nil {
		var foreign *publish.ForeignError
		var kept *publish.KeptError
		switch {
		case errors.As(err, &foreign):
			printOutputError(stderr, err)
			return ExitUsage
		case errors.As(err, &kept):
			// The build is in place; nothing was lost, but someone should
			// look at what was kept.
			fmt.Fprintf(stderr, "refpack build: warning: %v\n", err)
		default:
			fmt.Fprintf(stderr, "refpack build: %v\n", err)
			return ExitProblem
		}
	}
	fmt.Fprintf(stdout, "built %s, %s into %s\n", caseStudies(res.Cases), plural(w.Files(), "file"), out)
	return ExitOK
}

// printOutputError explains why the output directory is not replaced.
func printOutputError(w io.Writer, err error) {
	var foreign *publish.ForeignError
	if errors.As(err, &foreign) {
		fmt.Fprintf(w, "refpack build: %v; refusing to delete them (move them away, choose another -o, or use --clean to replace the directory anyway)\n", err)
		return
	}
	fmt.Fprintf(w, "refpack build: %v\n", err)
}

// shownLeaks is how many output files a leak is listed in; the author is
// pointed at the source, and a summary leaks into every listing page.
const shownLeaks = 5

// fewLeaks keeps the first shownLeaks output files of each leaked value
// (problems are sorted by path), and says on the last how many more hold
// it.
func fewLeaks(problems []diag.Problem) []diag.Problem {
	count := map[string]int{}
	for _, p := range problems {
		count[p.Message]++
	}
	seen := map[string]int{}
	var out []diag.Problem
	for _, p := range problems {
		seen[p.Message]++
		switch n := seen[p.Message]; {
		case n < shownLeaks || n == shownLeaks && count[p.Message] == shownLeaks:
			out = append(out, p)
		case n == shownLeaks:
			more := plural(count[p.Message]-shownLeaks, "output file")
			p.Message += " (and in " + strings.Replace(more, " ", " more ", 1) + ")"
			out = append(out, p)
		}
	}
	return out
}

// heapLimit is the heap a command that loads a whole library is kept under,
// unless the user set GOMEMLIMIT: near it the collector works harder rather
// than let the heap of a very large library grow past it.
const heapLimit = 768 << 20

// prepareMemory readies the heap of such a command: it sets the limit.
func prepareMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapLimit)
	}
}

// checkOutputDir refuses output directories whose replacement would destroy
// sources or someone's files: the site root, content/, templates/, any
// directory holding them, the home directory and the working directory.
// Sources are compared by their real paths, and by identity as well: a
// directory reached through another path (a bind mount) is still the same.
func checkOutputDir(siteDir, out string) error {
	absOut, err := realPath(out)
	if err != nil {
		return err
	}
	for _, name := range []string{"", "content", "templates"} {
		src, err := realPath(filepath.Join(siteDir, name))
		if err != nil {
			return err
		}
		if holds(absOut, src) {
			return fmt.Errorf("refusing to write output into %s: it would replace %s (choose another -o, such as %s)",
				out, src, filepath.Join(siteDir, "public"))
		}
		if name != "" && holds(src, absOut) {
			return fmt.Errorf("refusing to write output into %s: it is inside the site's sources %s", out, src)
		}
	}
	// $HOME may be unset or another's (cron, sudo): the account's home
	// from the user database counts too.
	home, _ := os.UserHomeDir()
	var account string
	if u, err := user.Current(); err == nil {
		account = u.HomeDir
	}
	wd, _ := os.Getwd()
	for _, dir := range []struct{ path, what string }{{home, "your home directory"}, {account, "your home directory"}, {wd, "the working directory"}} {
		if real, err := realPath(dir.path); dir.path != "" && err == nil && holds(absOut, real) {
			return fmt.Errorf("refusing to write output into %s: it would replace %s %s (choose another -o, such as %s)",
				out, dir.what, real, filepath.Join(siteDir, "public"))
		}
	}
	return nil
}

// within reports whether path is inside dir (or is dir).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// holds reports whether the directory dir is p or holds it. Both are real
// paths (realPath); where dir exists, p's directories are also compared
// with it by identity, which catches one directory under two paths.
func holds(dir, p string) bool {
	if within(p, dir) {
		return true
	}
	d, err := os.Stat(dir)
	if err != nil || !d.IsDir() {
		return false
	}
	for a := p; ; a = filepath.Dir(a) {
		if info, err := os.Stat(a); err == nil && os.SameFile(info, d) {
			return true
		}
		if filepath.Dir(a) == a {
			return false
		}
	}
}

// realPath is the absolute path with symlinks resolved as far as the path
// exists, so that "a/../b" or a symlinked parent cannot hide the real target.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

func hasErrors(ps []diag.Problem) bool {
	for _, p := range ps {
		if p.Severity == diag.Error {
			return true
		}
	}
	return false
}

func count(ps []diag.Problem) (errs, warns int) {
	for _, p := range ps {
		if p.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func caseStudies(n int) string {
	if n == 1 {
		return "1 case study"
	}
	return fmt.Sprintf("%d case studies", n)
}

func printProblems(w io.Writer, ps []diag.Problem) {
	for _, p := range ps {
		fmt.Fprintln(w, p.String())
	}
}
