// Package publish is the only writer of a site's output directory. It refuses
// a build when any PRIVATE value appears in any output file or file name,
// writes the build into a temporary directory beside the target and only then
// swaps it in, so a failed build leaves the previous output untouched.
package publish

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"golang.org/x/sync/errgroup"
)

// Site is everything a build produces.
type Site struct {
	Files  map[string][]byte // output path (slash-separated) -> bytes
	Copies map[string]string // output path -> source file path on disk
}

// outputs lists the site's files in path order.
func (s Site) outputs() []string {
	paths := make([]string, 0, len(s.Files)+len(s.Copies))
	for p := range s.Files {
		paths = append(paths, p)
	}
	for p := range s.Copies {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

func (s Site) read(p string) ([]byte, error) {
	if data, ok := s.Files[p]; ok {
		return data, nil
	}
	return os.ReadFile(s.Copies[p])
}

// parallel runs f for 0..n-1 on every core.
func parallel(n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			f(i)
			return nil
		})
	}
	g.Wait()
}

// Leaks scans every output file and name of a site held in memory for
// private values and returns one problem per file and private field found.
func Leaks(site Site, guard *Guard) ([]diag.Problem, error) {
	paths := site.outputs()
	found := make([][]int, len(paths))
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) {
		data, err := site.read(paths[i])
		if err != nil {
			errs[i] = err
			return
		}
		found[i] = scanFile(guard, paths[i], data)
	})
	var leaks diag.List
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for _, s := range found[i] {
			leaks.Add(leak(guard, p, s))
		}
	}
	leaks.Sort()
	return leaks.Problems, nil
}

// scanFile returns the secrets found in a file's content or its name.
func scanFile(guard *Guard, p string, data []byte) []int {
	found := guard.Scan(data)
	for _, s := range guard.Scan([]byte(p)) {
		if !slices.Contains(found, s) {
			found = append(found, s)
		}
	}
	return found
}

func leak(guard *Guard, p string, s int) diag.Problem {
	sec := guard.Secret(s)
	return diag.Problem{Path: p, Message: fmt.Sprintf("would publish the private %s of %s: remove it from the public fields and the body", sec.Field, sec.Path)}
}

// LateGuard is a guard that may still be in the making on another
// goroutine: a large library has tens of thousands of private values, and
// the pages can render meanwhile.
type LateGuard struct {
	ready chan struct{}
	g     *Guard
}

// BuildGuard starts building the guard of secrets in the background.
// secrets lists them (content.Library.Secrets): listing the secrets of a
// large library is work too, done meanwhile.
func BuildGuard(secrets func() []content.Secret) *LateGuard {
	l := &LateGuard{ready: make(chan struct{})}
	go func() {
		l.g = NewGuard(secrets())
		close(l.ready)
	}()
	return l
}

// Wait returns the guard once it is built.
func (l *LateGuard) Wait() *Guard {
	<-l.ready
	return l.g
}

// poll returns the guard if it is built.
func (l *LateGuard) poll() (*Guard, bool) {
	select {
	case <-l.ready:
		return l.g, true
	default:
		return nil, false
	}
}

// Writer publishes a site file by file while it is rendered: every file and
// file name is scanned by the guard, and only files without a private value
// are written, into a temporary directory beside the target. Commit swaps
// it in when the whole build succeeded and nothing leaked; until then the
// previous output is untouched. Streaming keeps a large build from holding
// every page in memory. File and Copy are safe for concurrent use.
type Writer struct {
	dir, tmp string // tmp is "" in a dry run; dir is the output, symbolic links resolved
	name     string // the output directory as the caller named it
	clean    bool   // replace dir whatever it holds
	unlock   func() // releases tmp's lock
	guard    *LateGuard
	seen     sync.Map // output paths written, and directories made in tmp

	mu    sync.Mutex
	held  []heldFile // files given before the guard was ready
	leaks diag.List
	files int
	err   error // of writing a held file
}

type heldFile struct {
	path string
	data []byte
}

// NewWriter starts publishing into dir, first removing what killed builds
// left beside it. When dir is a symbolic link the build goes into its
// target. Unless clean, dir must be one CheckOutput accepts.
func NewWriter(dir string, guard *LateGuard, clean bool) (*Writer, error) {
	name := filepath.Clean(dir)
	dir, err := resolve(name)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	cleanLeftovers(dir)
	if err := checkTarget(name, dir, clean); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return nil, err
	}
	unlock, err := lockDir(tmp)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		// The marker comes first: a tree left by a killed build is then
		// recognisably refpack's.
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerHead), 0o644)
	}
	if err != nil {
		if unlock != nil {
			unlock()
		}
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{dir: dir, tmp: tmp, name: name, clean: clean, unlock: sync.OnceFunc(unlock), guard: guard}, nil
}

// DryRun scans files like a Writer but writes nothing: refpack check uses
// it to report leaks.
func DryRun(guard *LateGuard) *Writer { return &Writer{guard: guard} }

// File publishes data at the slash-separated output path p. A leak is
// recorded, not returned, so that one build reports all of them. Until the
// guard is ready, files are held in memory rather than making the caller
// wait; data is not retained after the call.
func (w *Writer) File(p string, data []byte) error {
	if !fs.ValidPath(p) || p == "." || strings.Contains(p, "\\") {
		return fmt.Errorf("publish: invalid output path %q", p)
	}
	if _, dup := w.seen.LoadOrStore(p, true); dup {
		return fmt.Errorf("publish: %s is written twice", p)
	}
	g, ok := w.guard.poll()
	if !ok {
		w.mu.Lock()
		// Checked again under the lock: once the guard is ready, release
		// takes everything held before it.
		if g, ok = w.guard.poll(); !ok {
			w.held = append(w.held, heldFile{p, bytes.Clone(data)})
			w.mu.Unlock()
			return nil
		}
		w.mu.Unlock()
	}
	if err := w.release(g); err != nil {
		return err
	}
	return w.publish(g, p, data)
}

// FileAll publishes every file of files as File does, on every core: a
// search index is thousands of files. Errors are joined in path order.
func (w *Writer) FileAll(files map[string][]byte) error {
	paths := slices.Sorted(maps.Keys(files))
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) { errs[i] = w.File(paths[i], files[paths[i]]) })
	return errors.Join(errs...)
}

// release publishes the files held while the guard was being built.
func (w *Writer) release(g *Guard) error {
	w.mu.Lock()
	held := w.held
	w.held = nil
	w.mu.Unlock()
	for _, f := range held {
		if err := w.publish(g, f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

// finish waits for the guard and publishes what it held.
func (w *Writer) finish() error {
	err := w.release(w.guard.Wait())
	w.mu.Lock()
	defer w.mu.Unlock()
	w.err = cmp.Or(w.err, err)
	return w.err
}

func (w *Writer) publish(g *Guard, p string, data []byte) error {
	if found := scanFile(g, p, data); len(found) > 0 {
		w.mu.Lock()
		for _, s := range found {
			w.leaks.Add(leak(g, p, s))
		}
		w.mu.Unlock()
		return nil
	}
	w.mu.Lock()
	w.files++
	w.mu.Unlock()
	if w.tmp == "" {
		return nil
	}
	target := filepath.Join(w.tmp, filepath.FromSlash(p))
	if err := w.mkdir(filepath.Dir(target)); err != nil {
		return err
	}
	return os.WriteFile(target, data, 0o644)
}

// Copy publishes the file at src (a bundle's image) at output path p.
func (w *Writer) Copy(p, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return w.File(p, data)
}

// mkdir makes dir and its parents once per build.
func (w *Writer) mkdir(dir string) error {
	if _, ok := w.seen.Load(dir); ok {
		return nil
	}
	// Most directories are a new page's, whose parent exists: one mkdir
	// call instead of MkdirAll's stat, stat and mkdir.
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.seen.Store(dir, true)
	return nil
}

// Files is how many files were published so far, held ones not counted.
func (w *Writer) Files() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files
}

// Leaks returns one problem per file and private field found so far,
// sorted by path. It waits for the guard.
func (w *Writer) Leaks() []diag.Problem {
	w.finish()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.leaks.Sort()
	return slices.Clone(w.leaks.Problems)
}

// Commit replaces the output directory by the new build. When a file leaked
// it returns a *diag.Errors naming every leak (output paths relative to the
// output directory) and the output is unchanged.
func (w *Writer) Commit() error {
	if err := w.finish(); err != nil {
		w.Abort()
		return err
	}
	if leaks := w.Leaks(); len(leaks) > 0 {
		w.Abort()
		return &diag.Errors{Problems: leaks}
	}
	if w.tmp == "" {
		return nil
	}
	err := listEntries(w.tmp)
	if err == nil {
		// Checked again: files may have appeared while the site rendered.
		err = checkTarget(w.name, w.dir, w.clean)
	}
	if err == nil {
		err = w.swap()
	}
	if err != nil {
		w.Abort()
		return err
	}
	w.unlock()
	return nil
}

// Abort discards the files written so far.
func (w *Writer) Abort() {
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
		w.unlock()
	}
}

// swap replaces the output by the new tree, carrying over the output's
// .git. Where the system can exchange two directories there is no moment
// without an output; elsewhere the old one is moved aside first, so that
// the output is never a half-written tree. A build killed at any step
// leaves what cleanLeftovers puts right.
func (w *Writer) swap() error {
	git, kept := filepath.Join(w.dir, keptName), filepath.Join(w.tmp, keptName)
	_, err := os.Lstat(git)
	moved := err == nil
	if moved {
		if err := os.Rename(git, kept); err != nil {
			return err
		}
	}
	old, err := replace(w.tmp, w.dir)
	if err != nil {
		if moved {
			os.Rename(kept, git)
		}
		return err
	}
	if old != "" {
		return removeTree(old)
	}
	return nil
}

// exchange is exchangeDirs; tests replace it to take the other way.
var exchange = exchangeDirs

// replace puts the tree tmp at dir and returns where dir's previous tree
// now is ("" when there was none).
func replace(tmp, dir string) (string, error) {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, dir)
	}
	err := exchange(tmp, dir)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return "", err
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return "", err
	}
	return old, nil
}

// removeTree is os.RemoveAll with the entries two levels down (each case's
// page directory) removed on every core: deleting the previous output of a
// large site is tens of thousands of system calls. The marker goes last,
// so that what a killed removal leaves is still recognisably refpack's.
func removeTree(dir string) error {
	var paths []string
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		if e.Name() == Marker {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			paths = append(paths, p)
			continue
		}
		sub, _ := os.ReadDir(p)
		for _, s := range sub {
			paths = append(paths, filepath.Join(p, s.Name()))
		}
	}
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) { errs[i] = os.RemoveAll(paths[i]) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
