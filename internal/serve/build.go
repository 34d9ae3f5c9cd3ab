package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
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

// Build is one rendered site held in memory.
type Build struct {
	Files    map[string][]byte // output path -> bytes
	Copies   map[string]string // output path -> source file on disk (bundle files)
	Cases    int
	BasePath string // path of base_url, where the site is served
}

// Result is the outcome of a (re)build: the site to serve, or nil when the
// content has errors, and every problem found (leaks included).
type Result struct {
	Build    *Build
	Problems []diag.Problem
	Full     bool // the whole library was reloaded and the whole site rendered
}

// builder rebuilds a site, reusing what did not change since the last
// build: the parsed case studies, their rendered Markdown, the leak guard,
// the rendered pages and their leak scan.
type builder struct {
	dir    string    // site root
	drafts bool      // show drafts
	date   time.Time // the build date, which decides which consents hold (SPEC §3.2)
	addr   string    // host:port of the dev server, which replaces base_url's host

	md *markdown.Renderer

	// The library as last loaded; lib is nil before the first usable load.
	lib      *content.Library
	byPath   map[string]*content.Case
	known    map[string]bool // every file under content/ and templates/ at the last full load
	problems []diag.Problem  // load and render problems, leaks excluded
	bodies   map[string]body // case path -> rendered body
	pending  []string        // slugs of the cases changed since the last render

	// What is costly to remake, and whether lib changed since in what it
	// is made of.
	secrets      []content.Secret // secrets the guard was built for
	guard        *publish.Guard
	relatedNow   map[string][]string // related cases of lib
	relatedDirty bool

	// The search index of a recent render (it is built in the background,
	// being too slow for every keystroke), and what the next one is built
	// from.
	index   map[string][]byte
	indexIn search.Input

	// The last render.
	last    *Build                    // the base of partial renders
	related map[string][]string       // its related cases
	leaks   map[string][]diag.Problem // output path -> leaks found in it
}

// body is a rendered case body and the Markdown it came from.
type body struct {
	src string
	res markdown.Result
}

func newBuilder(dir string, drafts bool, addr string) *builder {
	return &builder{dir: dir, drafts: drafts, addr: addr, md: markdown.New(), bodies: map[string]body{}, leaks: map[string][]diag.Problem{}}
}

// rebuild brings the site up to date with the files changed since the last
// call (slash-separated, relative to the site root). With no state yet, or
// when a change cannot be applied incrementally, it reloads everything.
func (b *builder) rebuild(changed []string) Result {
	if b.lib != nil {
		if res, ok := b.incremental(changed); ok {
			return res
		}
	}
	return b.full()
}

// full loads the whole library and renders the whole site.
func (b *builder) full() Result {
	b.known = b.scanKnown()
	lib, problems := content.Load(content.DirFS(b.dir))
	b.lib, b.problems, b.pending = nil, problems, nil
	b.relatedDirty = true
	if hasErrors(problems) {
		b.last = nil // the next render starts from scratch
	}
	if lib == nil {
		return Result{Problems: problems, Full: true}
	}
	// Links must work on the dev server whatever base_url says: keep its
	// path, which every link honours, and serve at that path.
	lib.Site.BaseURL = &url.URL{Scheme: "http", Host: b.addr, Path: lib.Site.BaseURL.Path}
	b.setLib(lib)
	for p := range b.bodies {
		if b.byPath[p] == nil {
			delete(b.bodies, p)
		}
	}
	if hasErrors(problems) {
		return Result{Problems: problems, Full: true}
	}
	return b.render(nil)
}

// incremental applies changes that touch only existing case files whose
// slug and translation_of stay the same: the cross-file checks of the
// loader then cannot change, so the other files need no reload.
func (b *builder) incremental(changed []string) (Result, bool) {
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
			continue // created and removed again between two builds, such as vim's 4913
		}
		info, err := os.Lstat(filepath.Join(b.dir, filepath.FromSlash(p)))
		if err != nil || !info.Mode().IsRegular() || info.Size() > content.MaxCaseSize {
			return Result{}, false
		}
		src, err := os.ReadFile(filepath.Join(b.dir, filepath.FromSlash(p)))
		if err != nil {
			return Result{}, false
		}
		var list diag.List
		c := content.ParseCase(b.lib.Site, p, src, old.BundleFiles, &list)
		if list.HasErrors() {
			c = nil
		} else if c.Slug != old.Slug || c.TranslationOf != old.TranslationOf || c.Language != old.Language || consentKey(c) != consentKey(old) {
			// A consent is shared with the case's translations by the
			// loader's cross-file checks.
			return Result{}, false
		}
		updates = append(updates, update{p, c, list.Problems})
	}
	if len(updates) == 0 {
		return Result{Build: b.last, Problems: b.allProblems()}, true
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
		b.relatedDirty = b.relatedDirty || relatedKey(lib.Cases[i]) != relatedKey(u.c)
		lib.Cases[i] = u.c
		b.pending = append(b.pending, u.c.Slug)
	}
	problems.Sort()
	b.problems = problems.Problems
	slices.SortStableFunc(lib.Cases, func(x, y *content.Case) int {
		if c := y.Date.Compare(x.Date); c != 0 {
			return c
		}
		return strings.Compare(x.Slug, y.Slug)
	})
	b.setLib(&lib)
	if problems.HasErrors() {
		return Result{Problems: b.allProblems()}, true
	}
	return b.render(b.pending), true
}

// relatedKey is what match.Related reads of a case: when it is the same
// before and after an edit, the related cases of every case stay the same
// and need not be computed again (half a second on 10,000 cases).
func relatedKey(c *content.Case) string {
	return fmt.Sprintf("%q %v %q %q %q %q %v %q %q", c.Slug, c.Draft, c.Industry, c.Language, c.ProjectTypes, c.Region, c.Scale, c.Status, c.TranslationOf)
}

// consentKey is what the publication rule and the leak guard read of a
// case's [consent]; a change reloads the whole library.
func consentKey(c *content.Case) string {
	if c.Consent == nil {
		return "none"
	}
	return fmt.Sprintf("%v %q %v", c.Consent.Public, c.Consent.ApprovedBy, c.Consent.Expires)
}

func (b *builder) setLib(lib *content.Library) {
	b.lib = lib
	b.byPath = make(map[string]*content.Case, len(lib.Cases))
	for _, c := range lib.Cases {
		b.byPath[c.Path] = c
	}
}

// render renders the site of b.lib. With changed set, only the pages that
// can show those cases are rendered: every page but the other case pages,
// and the case pages that show a changed case; the rest is kept from the
// last build.
func (b *builder) render(changed []string) Result {
	full := changed == nil
	lib := b.lib
	public := *lib
	public.Cases = lib.PublicCases(b.date, b.drafts)
	// The secrets of 10,000 cases take 0.2 s to list: done while the pages
	// render.
	secrets := make(chan []content.Secret, 1)
	go func() { secrets <- lib.Secrets(b.date) }()
	bodies, bodyProblems := b.renderBodies(public.Cases)
	if len(bodyProblems) > 0 {
		return Result{Problems: b.addProblems(bodyProblems), Full: full}
	}
	var theme fs.FS = templates.FS
	if info, err := os.Stat(filepath.Join(b.dir, "templates")); err == nil && info.IsDir() {
		theme = site.Overlay(templates.FS, os.DirFS(filepath.Join(b.dir, "templates")))
	}
	if b.relatedDirty || b.relatedNow == nil {
		b.relatedNow, b.relatedDirty = match.Related(public.Cases, lib.Site, relatedCases), false
	}
	related := b.relatedNow
	in := site.Input{Lib: &public, Bodies: bodies, Theme: theme, CodeCSS: markdown.CSS(), Drafts: b.drafts, Related: related}
	var want func(string) bool
	partial := changed != nil && b.last != nil
	if partial {
		changed = b.touched(lib.Cases, changed, related)
		pages := map[string]bool{}
		for _, s := range changed {
			pages["cases/"+s+"/index.html"] = true
		}
		want = func(p string) bool { return !strings.HasPrefix(p, "cases/") || pages[p] }
	}
	out, err := site.RenderPages(in, want)
	if err != nil {
		return Result{Problems: b.addProblems([]diag.Problem{{Path: "templates", Message: err.Error()}}), Full: full}
	}
	files := out.Files
	if partial {
		// Keep the other case pages of the last build; every other page
		// was rendered again.
		files = make(map[string][]byte, len(b.last.Files))
		for p, data := range b.last.Files {
			if strings.HasPrefix(p, "cases/") {
				files[p] = data
			}
		}
		for _, s := range changed {
			delete(files, "cases/"+s+"/index.html")
		}
		maps.Copy(files, out.Files)
	}
	maps.Copy(files, b.index)
	copies := make(map[string]string, len(out.Copies))
	for dst, src := range out.Copies {
		copies[dst] = filepath.Join(b.dir, filepath.FromSlash(src))
	}
	next := &Build{Files: files, Copies: copies, Cases: len(public.Cases), BasePath: lib.Site.BasePath()}
	fresh := out.Files
	if !partial {
		fresh = nil
	}
	if err := b.scan(next, fresh, <-secrets); err != nil {
		return Result{Problems: b.addProblems([]diag.Problem{{Path: "public", Message: err.Error()}}), Full: full}
	}
	b.last, b.related, b.pending = next, related, nil
	b.indexIn = search.Input{Lib: &public, Bodies: bodies}
	problems := b.allProblems()
	if hasErrors(problems) {
		return Result{Problems: problems, Full: full}
	}
	return Result{Build: next, Problems: problems, Full: full}
}

// relatedCases is how many related cases a case page shows.
const relatedCases = 3

// touched returns the cases whose pages can differ after the given cases
// changed: themselves, the cases of their translation groups, those whose
// related cases changed and those that show one of them as related.
func (b *builder) touched(cases []*content.Case, slugs []string, related map[string][]string) []string {
	in := map[string]bool{}
	for _, s := range slugs {
		in[s] = true
	}
	for _, c := range cases {
		rel := related[c.Slug]
		if !slices.Equal(rel, b.related[c.Slug]) || slices.ContainsFunc(rel, func(s string) bool { return in[s] }) {
			in[c.Slug] = true
		}
	}
	for s := range b.related {
		if _, ok := related[s]; !ok {
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

// renderBodies renders the bodies that changed since the last build, in
// parallel, and returns every body by slug.
func (b *builder) renderBodies(cases []*content.Case) (map[string]markdown.Result, []diag.Problem) {
	var todo []*content.Case
	for _, c := range cases {
		if old, ok := b.bodies[c.Path]; !ok || old.src != string(c.Body) {
			todo = append(todo, c)
		}
	}
	results := make([]markdown.Result, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i], errs[i] = b.md.Render(todo[i].Body)
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	var problems diag.List
	for i, c := range todo {
		if errs[i] != nil {
			problems.Errorf(c.Path, c.BodyLine, 0, "cannot render Markdown: %v", errs[i])
			continue
		}
		b.bodies[c.Path] = body{src: string(c.Body), res: results[i]}
	}
	bodies := make(map[string]markdown.Result, len(cases))
	for _, c := range cases {
		bodies[c.Slug] = b.bodies[c.Path].res
	}
	return bodies, problems.Problems
}

// scan runs the leak guard over the files that changed since the last
// build, or over everything when the secrets changed. fresh, when not nil,
// holds the only files that were rendered again; the others are the last
// build's. secrets are the library's, listed anew for every build: which
// values are private depends on every case, published or not.
func (b *builder) scan(next *Build, fresh map[string][]byte, secrets []content.Secret) error {
	all := b.last == nil
	if b.guard == nil || !slices.Equal(secrets, b.secrets) {
		b.guard, b.secrets = publish.NewGuard(secrets), secrets
		all = true
	}
	todo := publish.Site{Files: map[string][]byte{}, Copies: next.Copies}
	candidates := next.Files
	if fresh != nil && !all {
		candidates = fresh
	}
	for p, data := range candidates {
		if all || !bytes.Equal(b.last.Files[p], data) {
			todo.Files[p] = data
		}
	}
	if all {
		clear(b.leaks)
	}
	for p := range b.leaks {
		_, kept := next.Files[p]
		if _, changed := todo.Files[p]; changed || !kept {
			delete(b.leaks, p)
		}
	}
	leaks, err := publish.Leaks(todo, b.guard)
	if err != nil {
		return err
	}
	for _, l := range leaks {
		l.Path = path.Join("public", l.Path)
		out := strings.TrimPrefix(l.Path, "public/")
		b.leaks[out] = append(b.leaks[out], l)
	}
	return nil
}

// allProblems is the load problems and the leaks of the last build.
func (b *builder) allProblems() []diag.Problem {
	var list diag.List
	list.Add(b.problems...)
	for _, ls := range b.leaks {
		list.Add(ls...)
	}
	list.Sort()
	return list.Problems
}

func (b *builder) addProblems(ps []diag.Problem) []diag.Problem {
	var list diag.List
	list.Add(b.problems...)
	list.Add(ps...)
	list.Sort()
	b.problems = list.Problems
	return b.allProblems()
}

// scanKnown lists every file under content/ and templates/.
func (b *builder) scanKnown() map[string]bool {
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

func (b *builder) exists(p string) bool {
	_, err := os.Lstat(filepath.Join(b.dir, filepath.FromSlash(p)))
	return !errors.Is(err, fs.ErrNotExist)
}

func hasErrors(ps []diag.Problem) bool {
	return slices.ContainsFunc(ps, func(p diag.Problem) bool { return p.Severity == diag.Error })
}

// String describes a build for the terminal.
func (bl *Build) String() string {
	return fmt.Sprintf("%d case studies, %d files", bl.Cases, len(bl.Files)+len(bl.Copies))
}

// withIndex puts a search index into the last build, and scans it for
// leaks. It returns the new build, or the problems when there are errors.
func (b *builder) withIndex(index map[string][]byte) Result {
	b.index = index
	if b.last == nil {
		return Result{Problems: b.allProblems()}
	}
	files := make(map[string][]byte, len(b.last.Files))
	for p, data := range b.last.Files {
		if !strings.HasPrefix(p, "search/") {
			files[p] = data
		}
	}
	maps.Copy(files, index)
	next := *b.last
	next.Files = files
	// The library is the one the pages were rendered from.
	if err := b.scan(&next, index, b.secrets); err != nil {
		return Result{Problems: b.addProblems([]diag.Problem{{Path: "public", Message: err.Error()}})}
	}
	b.last = &next
	problems := b.allProblems()
	if hasErrors(problems) {
		return Result{Problems: problems}
	}
	return Result{Build: &next, Problems: problems}
}
