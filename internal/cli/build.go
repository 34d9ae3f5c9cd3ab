package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/markdown"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/publish"
	"github.com/refpack/refpack/internal/search"
	"github.com/refpack/refpack/internal/site"
	"github.com/refpack/refpack/templates"
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
	res, problems := buildSite(*siteDir, *drafts, at, out, *clean)
	printProblems(stderr, problems)
	if res == nil {
		return ExitProblem
	}
	if err := res.w.Commit(); err != nil {
		var leaks *diag.Errors
		var foreign *publish.ForeignError
		if errors.As(err, &foreign) {
			printOutputError(stderr, err)
			return ExitUsage
		}
		if errors.As(err, &leaks) {
			printProblems(stderr, res.sourceLeaks())
			for _, p := range fewLeaks(leaks.Problems) {
				p.Path = filepath.Join(out, p.Path)
				fmt.Fprintln(stderr, p.String())
			}
			fmt.Fprintf(stderr, "refpack build: refused: private values would be published; %s is unchanged\n", out)
			return ExitProblem
		}
		fmt.Fprintf(stderr, "refpack build: %v\n", err)
		return ExitProblem
	}
	fmt.Fprintf(stdout, "built %s, %s into %s\n", caseStudies(res.cases), plural(res.w.Files(), "file"), out)
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

// built is a rendered site, written but not yet committed.
type built struct {
	w         *publish.Writer
	cases     int
	guard     *publish.LateGuard
	siteDir   string
	published []*content.Case
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

// sourceLeaks points at where the published cases' files write a private
// value: called when the output leaks, to tell the author what to change.
func (b *built) sourceLeaks() []diag.Problem {
	var sources []publish.Source
	for _, c := range b.published {
		data, err := os.ReadFile(filepath.Join(b.siteDir, filepath.FromSlash(c.Path)))
		if err != nil {
			continue
		}
		sources = append(sources, publish.Source{Path: c.Path, Data: data, Private: content.PrivateLines(data, c.Anonymous)})
	}
	return publish.SourceLeaks(b.guard.Wait(), sources)
}

// buildSite loads, validates and renders the site as published at the date
// at (SPEC §3.2), streaming every output file through the leak guard into a
// publish.Writer for out (a dry run when out is ""; clean replaces out
// whatever it holds). It returns nil when the content has errors; problems
// holds errors and warnings. The caller commits or aborts the writer.
func buildSite(siteDir string, drafts bool, at time.Time, out string, clean bool) (*built, []diag.Problem) {
	root := content.DirFS(siteDir)
	lib, problems := content.Load(root)
	if lib == nil || hasErrors(problems) {
		return nil, problems
	}
	all := diag.List{Problems: append(problems, lib.ConsentProblems(at)...)}
	all.Sort()
	problems = all.Problems
	public := *lib
	public.Cases = lib.PublicCases(at, drafts)
	// The guard is built on one core while related cases are matched and
	// the first pages render. Drafts make nothing public, even in a build
	// that shows them.
	guard := publish.BuildGuard(func() []content.Secret { return lib.Secrets(at) })
	var theme fs.FS = templates.FS
	if info, err := os.Stat(filepath.Join(siteDir, "templates")); err == nil && info.IsDir() {
		theme = site.Overlay(templates.FS, os.DirFS(filepath.Join(siteDir, "templates")))
	}
	related := match.Related(public.Cases, lib.Site, 3)
	w := publish.DryRun(guard)
	if out != "" {
		var err error
		if w, err = publish.NewWriter(out, guard, clean); err != nil {
			return nil, append(problems, diag.Problem{Path: out, Message: err.Error()})
		}
	}
	fail := func(p ...diag.Problem) (*built, []diag.Problem) {
		w.Abort()
		return nil, append(problems, p...)
	}

	index, err := search.NewBuilder(&public)
	if err != nil {
		return fail(diag.Problem{Path: "search", Message: err.Error()})
	}
	bodies := &bodies{md: markdown.New(), index: index}
	rendered, err := site.Render(site.Input{Lib: &public, Body: bodies.render, Emit: w.File, Theme: theme, CodeCSS: markdown.CSS(), Drafts: drafts, Related: related})
	if bodies.problems.HasErrors() {
		return fail(bodies.problems.Problems...)
	}
	if err != nil {
		return fail(diag.Problem{Path: "templates", Message: err.Error()})
	}
	for _, dst := range slices.Sorted(maps.Keys(rendered.Copies)) {
		if err := w.Copy(dst, filepath.Join(siteDir, filepath.FromSlash(rendered.Copies[dst]))); err != nil {
			return fail(diag.Problem{Path: rendered.Copies[dst], Message: err.Error()})
		}
	}
	files, err := index.Finish()
	if err != nil {
		return fail(diag.Problem{Path: "search", Message: err.Error()})
	}
	if err := w.FileAll(files); err != nil {
		return fail(diag.Problem{Path: "search", Message: err.Error()})
	}
	return &built{w: w, cases: len(public.Cases), guard: guard, siteDir: siteDir, published: public.Cases}, problems
}

// heapLimit is the heap a command that loads a whole library is kept under,
// unless the user set GOMEMLIMIT: without a limit the heap of a
// 10,000-case build grows to twice its live size before a collection.
const heapLimit = 768 << 20

// prepareMemory readies the heap of such a command: it sets the limit.
func prepareMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapLimit)
	}
}

// bodies renders case bodies as their pages are rendered and hands their
// plain text to the search index at once, so that no body is held longer
// than its page.
type bodies struct {
	md    *markdown.Renderer
	index *search.Builder

	mu       sync.Mutex
	problems diag.List
}

// render is site.Input.Body. Each case's page calls it once.
func (b *bodies) render(c *content.Case) (markdown.Result, error) {
	res, err := b.md.Render(c.Body)
	if err != nil {
		b.mu.Lock()
		b.problems.Errorf(c.Path, c.BodyLine, 0, "cannot render Markdown: %v", err)
		b.mu.Unlock()
		return res, err
	}
	b.index.Add(c, res.Text)
	// The Markdown source is not needed after rendering; on a large
	// library dropping it keeps the build well inside its memory budget.
	c.Body = nil
	return res, nil
}

// checkOutputDir refuses output directories whose replacement would destroy
// sources: the site root, content/, templates/, or any directory holding them.
func checkOutputDir(siteDir, out string) error {
	absSite, err := realPath(siteDir)
	if err != nil {
		return err
	}
	absOut, err := realPath(out)
	if err != nil {
		return err
	}
	protected := []string{absSite, filepath.Join(absSite, "content"), filepath.Join(absSite, "templates")}
	for _, p := range protected {
		if absOut == p || within(p, absOut) {
			return fmt.Errorf("refusing to write output into %s: it would replace %s (choose another -o, such as %s)",
				out, p, filepath.Join(siteDir, "public"))
		}
	}
	for _, p := range protected[1:] {
		if within(absOut, p) {
			return fmt.Errorf("refusing to write output into %s: it is inside the site's sources %s", out, p)
		}
	}
	return nil
}

// within reports whether path is inside dir (or is dir).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
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
