package serve

import (
	"fmt"
	"path"
	"slices"
	"time"

	"github.com/refpack/refpack/internal/build"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/publish"
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

// builder runs the build pipeline into memory for the server, and keeps
// what it served last.
type builder struct {
	pipeline *build.Builder
	last     Result
}

func newBuilder(dir string, drafts bool, addr string, date time.Time) *builder {
	return &builder{pipeline: build.New(dir, build.Options{Drafts: drafts, Date: date, Host: addr, DeferIndex: true})}
}

// full loads the whole library and renders the whole site.
func (b *builder) full() Result { return b.rebuild(nil) }

// rebuild brings the site up to date with the files changed since the last
// call (slash-separated, relative to the site root; nil for everything).
func (b *builder) rebuild(changed []string) Result {
	out := publish.NewMemory()
	res := b.pipeline.Run(changed, out)
	if res.Same {
		return b.last
	}
	return b.result(res, out)
}

// withIndex puts a search index made by the pipeline's index job into the
// last build.
func (b *builder) withIndex(files map[string][]byte) Result {
	res, out := b.pipeline.AddIndex(files)
	return b.result(res, out)
}

// result is what the server shows of a run of the pipeline: the site when
// it may be served, and the problems, leaks pointed at in the sources and
// in public/.
func (b *builder) result(res build.Result, out *publish.Writer) Result {
	var list diag.List
	list.Add(res.Problems...)
	list.Add(res.Sources...)
	for _, l := range res.Leaks {
		l.Path = path.Join("public", l.Path)
		list.Add(l)
	}
	list.Sort()
	r := Result{Problems: list.Problems, Full: res.Full}
	if res.OK() && out != nil {
		m := out.Memory()
		r.Build = &Build{Files: m.Files, Copies: m.Copies, Cases: res.Cases, BasePath: res.BasePath}
	}
	b.last = r
	return r
}

// fail adds a problem to the last result, such as an index that could not
// be made.
func (b *builder) fail(p diag.Problem) Result {
	r := b.last
	r.Build = nil
	r.Problems = append(slices.Clone(r.Problems), p)
	return r
}

func hasErrors(ps []diag.Problem) bool {
	return slices.ContainsFunc(ps, func(p diag.Problem) bool { return p.Severity == diag.Error })
}

// String describes a build for the terminal.
func (bl *Build) String() string {
	return fmt.Sprintf("%d case studies, %d files", bl.Cases, len(bl.Files)+len(bl.Copies))
}
