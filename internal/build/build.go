// Package build is refpack's build pipeline: the one place that lists the
// stages of a site build and the order they run in.
//
//  1. load and validate the library (content.Load; a rebuild parses only
//     the changed case files, content.ParseCase)
//  2. the publication rule at the build date (content.Library.PublicCases)
//  3. the secrets, from which the output's guard is built in the
//     background (content.Library.Secrets, publish.Writer.UseGuard)
//  4. related cases (match.Related)
//  5. case bodies (markdown)
//  6. pages (site.Render), each scanned by the guard on its way out
//  7. the search index (search.Index), scanned the same way
//
// `refpack build` gives a publish.Writer for a directory, `check` a dry run
// and the dev server one in memory; the dev server's rebuilds run the same
// stages given the files that changed, reusing what those cannot change.
package build

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/markdown"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/parallel"
	"github.com/refpack/refpack/internal/publish"
	"github.com/refpack/refpack/internal/search"
	"github.com/refpack/refpack/internal/site"
	"github.com/refpack/refpack/templates"
)

// RelatedCases is how many related cases a case page shows.
const RelatedCases = 3

// Options configure a Builder.
type Options struct {
	Drafts bool      // render drafts, marked as drafts (they still make nothing public)
	Date   time.Time // the build date, which decides which consents hold (README, "Consent: which cases are published")
	// Host, when set, replaces the host of base_url, keeping its path,
	// which every link honours: the dev server serves the site there.
	Host string
	// DeferIndex leaves the search index out of a run; Index makes it
	// later. The dev server does, as the index of a large library takes
	// seconds.
	DeferIndex bool
}

// Result is the outcome of a run.
type Result struct {
	// Rendered is false when the content has errors: nothing was
	// rendered, and the output must be discarded.
	Rendered bool
	Full     bool // the whole library was loaded again
	// Same is set when the changed files changed nothing the site is made
	// of (a temporary file came and went): nothing was rendered, and the
	// last run's output stands.
	Same     bool
	BasePath string // the path of base_url, where the site is served
	Cases    int    // case studies published
	// Problems are the load and render problems, sorted: errors and
	// warnings. Leaks are apart.
	Problems []diag.Problem
	// Leaks are the output files that would publish a private value,
	// paths relative to the output, sorted; Sources point at where the
	// published cases' files write those values.
	Leaks, Sources []diag.Problem
}

// OK reports whether the output may be published: rendered, and without
// errors or leaks.
func (r Result) OK() bool {
	return r.Rendered && len(r.Leaks) == 0 && !slices.ContainsFunc(r.Problems, isError)
}

func isError(p diag.Problem) bool { return p.Severity == diag.Error }

// Builder runs the pipeline for one site. It keeps what a later run can
// reuse: the loaded library, rendered bodies, related cases and, for runs
// into memory, the pages and the leaks found in them. A one-off build is
// New(dir, opts).Run(nil, w).
type Builder struct {
	dir  string
	opts Options
	md   *markdown.Renderer

	// The library as last loaded; nil before the first usable load.
	lib      *content.Library
	byPath   map[string]*content.Case
	known    map[string]bool // every file under content/ and templates/ at the last full load
	problems []diag.Problem  // load problems of lib
	bodies   map[string]body // case path -> rendered body
	pending  []string        // slugs of the cases changed since the last render

	related      map[string][]string // related cases of lib
	relatedDirty bool

	// The last render into memory, the base of the next: its pages, the
	// leaks found in them by path, the secrets they were scanned for, the
	// related cases they show, and the input of their search index.
	last        *publish.Memory
	lastLeaks   map[string][]diag.Problem
	lastSecrets []content.Secret
	lastGuard   *publish.Guard
	lastRelated map[string][]string
	// The published cases of the last render into memory, and its index
	// job when it left the index out.
	lastPublished []*content.Case
	lastResult    Result
	lastIndex     IndexJob
	renders       int // renders into memory so far
}

// body is a rendered case body and the Markdown it came from (the loaded
// case's own bytes, not a copy: a library of 10,000 cases has 80 MB).
type body struct {
	src []byte
	res markdown.Result
}

// New prepares a Builder for the site at dir.
func New(dir string, opts Options) *Builder {
	return &Builder{dir: dir, opts: opts, md: markdown.New(), bodies: map[string]body{}}
}

// Run brings the site up to date into out. changed lists the files changed
// since the last run (slash-separated, relative to the site root); nil
// loads everything. Only a Builder whose runs go into memory
// (publish.NewMemory) applies changes incrementally: out then receives
// every file, the pages an edit cannot change carried over from the last
// run. The caller commits or discards out, by Result.OK.
func (b *Builder) Run(changed []string, out *publish.Writer) Result {
	if changed != nil && b.lib != nil && b.last != nil && out.Memory() != nil {
		if res, ok := b.incremental(changed, out); ok {
			return res
		}
	}
	return b.full(out)
}

// full loads the whole library and renders the whole site.
func (b *Builder) full(out *publish.Writer) Result {
	b.known = b.scanKnown()
	lib, problems := content.Load(os.DirFS(b.dir))
	b.lib, b.problems, b.pending = nil, problems, nil
	b.relatedDirty = true
	if lib == nil {
		return Result{Problems: problems, Full: true}
	}
	if b.opts.Host != "" {
		site := *lib.Site
		site.BaseURL = &url.URL{Scheme: "http", Host: b.opts.Host, Path: lib.Site.BaseURL.Path}
		lib.Site = &site
	}
	b.setLib(lib)
	for p := range b.bodies {
		if b.byPath[p] == nil {
			delete(b.bodies, p)
		}
	}
	if slices.ContainsFunc(problems, isError) {
		return Result{Problems: problems, Full: true}
	}
	res := b.render(nil, out)
	res.Full = true
	return res
}

// incremental applies changes that touch only existing case files and
// keep what the loader's checks across files read (Library.CrossFileKey):
// the other files then need no reload.
func (b *Builder) incremental(changed []string, out *publish.Writer) (Result, bool) {
	type update struct {
		path     string
		c        *content.Case
		problems []diag.Problem
	}
	var updates []update
	for _, p := range changed {
		old := b.byPath[p]
		if old == nil {
			if b.known[p] || b.exists(p) {
				return Result{}, false
			}
			continue // created and removed again between two runs, such as vim's 4913
		}
		full := filepath.Join(b.dir, filepath.FromSlash(p))
		info, err := os.Lstat(full)
		if err != nil || !info.Mode().IsRegular() || info.Size() > content.MaxCaseSize {
			return Result{}, false
		}
		src, err := os.ReadFile(full)
		if err != nil {
			return Result{}, false
		}
		var list diag.List
		c := content.ParseCase(b.lib.Site, p, src, old.BundleFiles, &list)
		if list.HasErrors() {
			c = nil
		} else if b.lib.CrossFileKey(c) != b.lib.CrossFileKey(old) {
			return Result{}, false
		} else if old.ConsentOf != "" {
			c.Consent, c.ConsentOf = old.Consent, old.ConsentOf // shared by the story it translates
		}
		updates = append(updates, update{p, c, list.Problems})
	}
	if len(updates) == 0 {
		return Result{Same: true}, true
	}
	var problems diag.List
	for _, pr := range b.problems {
		if !slices.ContainsFunc(updates, func(u update) bool { return u.path == pr.Path }) {
			problems.Add(pr)
		}
	}
	lib := *b.lib
	lib.Cases = slices.Clone(b.lib.Cases)
	for _, u := range updates {
		problems.Add(u.problems...)
		if u.c == nil {
			continue // keep the last good version until the file is fixed
		}
		i := slices.Index(lib.Cases, b.byPath[u.path])
		b.relatedDirty = b.relatedDirty || match.RelatedKey(lib.Cases[i]) != match.RelatedKey(u.c)
		lib.Cases[i] = u.c
		b.pending = append(b.pending, u.c.Slug)
	}
	problems.Sort()
	b.problems = problems.Problems
	content.SortCases(lib.Cases)
	b.setLib(&lib)
	if problems.HasErrors() {
		return Result{Problems: b.problems}, true
	}
	return b.render(b.pending, out), true
}

func (b *Builder) setLib(lib *content.Library) {
	b.lib = lib
	b.byPath = make(map[string]*content.Case, len(lib.Cases))
	for _, c := range lib.Cases {
		b.byPath[c.Path] = c
	}
}

// render runs the stages after loading on b.lib into out. With changed
// set (and a last render to start from), only the pages that can show
// those cases are rendered: every page but the other case pages, and the
// case pages that show a changed case; the other case pages are carried
// over from the last render.
func (b *Builder) render(changed []string, out *publish.Writer) Result {
	lib := b.lib
	all := diag.List{Problems: append(slices.Clone(b.problems), lib.ConsentProblems(b.opts.Date)...)}
	all.Sort()
	problems := all.Problems
	public := *lib
	public.Cases = lib.PublicCases(b.opts.Date, b.opts.Drafts)
	// Drafts make nothing public, even in a build that shows them. The
	// secrets are listed anew for every run (which values are private
	// depends on every case), in the background; the guard of a large
	// library takes a while to make, and is kept while they stay the same.
	secrets := sync.OnceValue(func() []content.Secret { return lib.Secrets(b.opts.Date) })
	lastGuard, lastSecrets := b.lastGuard, b.lastSecrets
	out.UseGuard(func() *publish.Guard {
		if lastGuard != nil && slices.Equal(secrets(), lastSecrets) {
			return lastGuard
		}
		return publish.NewGuard(secrets())
	})
	fail := func(p diag.Problem) Result {
		b.last = nil
		return Result{Problems: append(problems, p)}
	}

	if b.relatedDirty || b.related == nil {
		b.related, b.relatedDirty = match.Related(public.Cases, lib.Site, RelatedCases), false
	}
	bodies, bodyProblems := b.renderBodies(public.Cases)
	if len(bodyProblems) > 0 {
		b.last = nil
		return Result{Problems: append(problems, bodyProblems...)}
	}
	theme, err := b.theme()
	if err != nil {
		return fail(diag.Problem{Path: "templates", Message: err.Error()})
	}
	in := site.Input{Lib: &public, Bodies: bodies, Theme: theme, CodeCSS: markdown.CSS(), Drafts: b.opts.Drafts, Related: b.related}
	carried := map[string]bool{}
	if changed != nil && b.last != nil {
		carried = b.carried(lib.Cases, changed)
		in.Pages = func(p string) bool { return !carried[p] }
	}
	var pages site.Output = out
	var same *unchanged
	if out.Memory() != nil && b.last != nil {
		same = &unchanged{out: out, last: b.last.Files, paths: map[string]bool{}}
		pages = same
	}
	copies, err := site.Render(in, pages)
	if err != nil {
		return fail(diag.Problem{Path: "templates", Message: err.Error()})
	}
	if same != nil {
		maps.Copy(carried, same.paths)
	}
	unchecked := uncheckedCopies(public.Cases)
	for _, dst := range slices.Sorted(maps.Keys(copies)) {
		err := out.Copy(dst, filepath.Join(b.dir, filepath.FromSlash(copies[dst])), unchecked[dst])
		var refused *publish.RefusedError
		if errors.As(err, &refused) {
			// Reported with the others; the build goes on to find them all.
			problems = append(problems, diag.Problem{Path: copies[dst], Message: refused.Reason})
		} else if err != nil {
			return fail(diag.Problem{Path: copies[dst], Message: err.Error()})
		}
	}
	if len(problems) > len(all.Problems) {
		all.Problems = problems
		all.Sort()
		problems = all.Problems
	}
	index := search.Input{Lib: &public, Bodies: bodies}
	switch {
	case !b.opts.DeferIndex:
		files, err := search.Index(index)
		if err == nil {
			err = out.FileAll(files)
		}
		if err != nil {
			return fail(diag.Problem{Path: "search", Message: err.Error()})
		}
	case b.last != nil:
		// The last index stands until IndexJob makes the next one.
		for p := range b.last.Files {
			if strings.HasPrefix(p, "search/") {
				carried[p] = true
			}
		}
	}
	if err := b.carry(out, carried, secrets); err != nil {
		return fail(diag.Problem{Path: "public", Message: err.Error()})
	}
	res := Result{Rendered: true, Cases: len(public.Cases), BasePath: lib.Site.BasePath(), Problems: problems, Leaks: out.Leaks()}
	if len(res.Leaks) > 0 {
		res.Sources = b.sources(out.Guard(), public.Cases)
	}
	if m := out.Memory(); m != nil {
		b.lastGuard = out.Guard()
		b.remember(m, res.Leaks, secrets())
		b.lastPublished, b.lastResult = public.Cases, res
		b.renders++
		if b.opts.DeferIndex {
			b.lastIndex = IndexJob{run: b.renders, in: index}
		}
	}
	b.pending = nil
	return res
}

// uncheckedCopies are the output paths of the bundle files of cases that
// their authors checked by hand (unchecked_files), which are published
// even where the guard cannot read them.
func uncheckedCopies(cases []*content.Case) map[string]bool {
	out := map[string]bool{}
	for _, c := range cases {
		if c.Bundle {
			for _, f := range c.UncheckedFiles {
				out["cases/"+c.Slug+"/"+f] = true
			}
		}
	}
	return out
}

// theme is the built-in theme overlaid by the site's own templates/.
func (b *Builder) theme() (fs.FS, error) {
	info, err := os.Stat(filepath.Join(b.dir, "templates"))
	switch {
	case err == nil && info.IsDir():
		return site.Overlay(templates.FS, os.DirFS(filepath.Join(b.dir, "templates"))), nil
	case err == nil || errors.Is(err, fs.ErrNotExist):
		return templates.FS, nil
	default:
		return nil, err
	}
}

// unchanged passes to out the pages rendered into memory that differ from
// the last render's, and notes the others, to be carried over with what
// the guard found in them then: most pages of a rebuild after an edit come
// out the same.
type unchanged struct {
	out  *publish.Writer
	last map[string][]byte

	mu    sync.Mutex
	paths map[string]bool
}

func (u *unchanged) File(p string, data []byte) error {
	if old, ok := u.last[p]; ok && bytes.Equal(old, data) {
		u.mu.Lock()
		u.paths[p] = true
		u.mu.Unlock()
		return nil
	}
	return u.out.File(p, data)
}

// carried returns the case pages of the last render that the changed cases
// cannot change: all but those of the cases touched (see touched).
func (b *Builder) carried(cases []*content.Case, changed []string) map[string]bool {
	redo := map[string]bool{}
	for _, s := range b.touched(cases, changed) {
		redo["cases/"+s+"/index.html"] = true
	}
	keep := map[string]bool{}
	for p := range b.last.Files {
		if strings.HasPrefix(p, "cases/") && strings.HasSuffix(p, "/index.html") && !redo[p] {
			keep[p] = true
		}
	}
	return keep
}

// carry publishes the carried pages of the last render into out: with the
// leaks found in them then, when the secrets are the same, else scanned
// again.
func (b *Builder) carry(out *publish.Writer, carried map[string]bool, secrets func() []content.Secret) error {
	if len(carried) == 0 {
		return nil
	}
	same := slices.Equal(secrets(), b.lastSecrets)
	for _, p := range slices.Sorted(maps.Keys(carried)) {
		data := b.last.Files[p]
		var err error
		if same {
			err = out.Carry(p, data, b.lastLeaks[p])
		} else {
			err = out.File(p, data)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// remember keeps a render into memory as the base of the next.
func (b *Builder) remember(m *publish.Memory, leaks []diag.Problem, secrets []content.Secret) {
	byPath := map[string][]diag.Problem{}
	for _, l := range leaks {
		byPath[l.Path] = append(byPath[l.Path], l)
	}
	b.last, b.lastLeaks, b.lastSecrets, b.lastRelated = m, byPath, secrets, b.related
}

// IndexJob is the search index of a run into memory that left it out
// (Options.DeferIndex): made apart, as it takes seconds on a large
// library, then added by AddIndex.
type IndexJob struct {
	run int // the run it belongs to, counted from 1
	in  search.Input
}

// Run is the number of the run the job belongs to; a later run's job
// replaces an earlier one.
func (j IndexJob) Run() int { return j.run }

// Make builds the index. It may run on another goroutine than the
// Builder's.
func (j IndexJob) Make() (map[string][]byte, error) { return search.Index(j.in) }

// IndexJob returns the index job of the last run into memory, if that run
// left its index out.
func (b *Builder) IndexJob() (IndexJob, bool) { return b.lastIndex, b.lastIndex.run > 0 }

// AddIndex puts a search index made by an IndexJob into the last run's
// site, scanned by the guard, and returns that site in a new memory
// writer. The last run may be later than the job's: its index then
// follows.
func (b *Builder) AddIndex(files map[string][]byte) (Result, *publish.Writer) {
	problems := slices.Clone(b.lastResult.Problems)
	if b.last == nil {
		return Result{Problems: problems}, nil
	}
	out := publish.NewMemory()
	secrets, guard := b.lastSecrets, b.lastGuard
	out.UseGuard(func() *publish.Guard { return guard })
	fail := func(p diag.Problem) (Result, *publish.Writer) {
		return Result{Problems: append(problems, p)}, nil
	}
	unchecked := uncheckedCopies(b.lastPublished)
	for _, dst := range slices.Sorted(maps.Keys(b.last.Copies)) {
		if err := out.Copy(dst, b.last.Copies[dst], unchecked[dst]); err != nil {
			return fail(diag.Problem{Path: dst, Message: err.Error()})
		}
	}
	keep := map[string]bool{}
	for p := range b.last.Files {
		if !strings.HasPrefix(p, "search/") {
			keep[p] = true
		}
	}
	if err := b.carry(out, keep, func() []content.Secret { return secrets }); err != nil {
		return fail(diag.Problem{Path: "public", Message: err.Error()})
	}
	if err := out.FileAll(files); err != nil {
		return fail(diag.Problem{Path: "search", Message: err.Error()})
	}
	res := b.lastResult
	res.Full, res.Leaks, res.Sources = false, out.Leaks(), nil
	if len(res.Leaks) > 0 {
		res.Sources = b.sources(out.Guard(), b.lastPublished)
	}
	b.remember(out.Memory(), res.Leaks, secrets)
	b.lastResult = res
	return res, out
}

// touched returns the cases whose pages can differ after the given cases
// changed: themselves, the cases of their translation groups, those whose
// related cases changed and those that show one of them as related.
func (b *Builder) touched(cases []*content.Case, slugs []string) []string {
	in := map[string]bool{}
	for _, s := range slugs {
		in[s] = true
	}
	for _, c := range cases {
		rel := b.related[c.Slug]
		if !slices.Equal(rel, b.lastRelated[c.Slug]) || slices.ContainsFunc(rel, func(s string) bool { return in[s] }) {
			in[c.Slug] = true
		}
	}
	for s := range b.lastRelated {
		if _, ok := b.related[s]; !ok {
			in[s] = true
		}
	}
	group := content.TranslationGroups(cases)
	hit := map[int]bool{}
	for i, c := range cases {
		// A translation of a removed case is touched too.
		if in[c.Slug] || in[c.TranslationOf] {
			hit[group[i]] = true
		}
	}
	for i, c := range cases {
		if hit[group[i]] {
			in[c.Slug] = true
		}
	}
	return slices.Sorted(maps.Keys(in))
}

// renderBodies renders the bodies that changed since the last run, on
// every core, and returns every body by slug.
func (b *Builder) renderBodies(cases []*content.Case) (map[string]markdown.Result, []diag.Problem) {
	var todo []*content.Case
	for _, c := range cases {
		if old, ok := b.bodies[c.Path]; !ok || !bytes.Equal(old.src, c.Body) {
			todo = append(todo, c)
		}
	}
	results := make([]markdown.Result, len(todo))
	errs := make([]error, len(todo))
	parallel.Each(len(todo), func(i int) { results[i], errs[i] = b.md.Render(todo[i].Body) })
	var problems diag.List
	for i, c := range todo {
		if errs[i] != nil {
			problems.Errorf(c.Path, c.BodyLine, 0, "cannot render Markdown: %v", errs[i])
			continue
		}
		b.bodies[c.Path] = body{src: c.Body, res: results[i]}
	}
	bodies := make(map[string]markdown.Result, len(cases))
	for _, c := range cases {
		bodies[c.Slug] = b.bodies[c.Path].res
	}
	return bodies, problems.Problems
}

// sources points at where the published cases' files write a private
// value: found when the output leaks, to tell the author what to change.
func (b *Builder) sources(g *publish.Guard, published []*content.Case) []diag.Problem {
	var sources []publish.Source
	for _, c := range published {
		data, err := os.ReadFile(filepath.Join(b.dir, filepath.FromSlash(c.Path)))
		if err != nil {
			continue
		}
		sources = append(sources, publish.Source{Path: c.Path, Data: data, Private: content.PrivateLines(data, c.Anonymous)})
	}
	return publish.SourceLeaks(g, sources)
}

// scanKnown lists every file under content/ and templates/.
func (b *Builder) scanKnown() map[string]bool {
	known := map[string]bool{}
	root := os.DirFS(b.dir)
	for _, dir := range []string{"content", "templates"} {
		fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				known[p] = true
			}
			return nil
		})
	}
	return known
}

func (b *Builder) exists(p string) bool {
	_, err := os.Lstat(filepath.Join(b.dir, filepath.FromSlash(p)))
	return !errors.Is(err, fs.ErrNotExist)
}
