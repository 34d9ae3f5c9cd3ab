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
	"slices"
	"strings"
	"sync"

	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/parallel"
)

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

// lateGuard is a guard that may still be in the making on another
// goroutine: a large library has tens of thousands of private values, and
// the pages can render meanwhile.
type lateGuard struct {
	start sync.Once
	ready chan struct{}
	g     *Guard
}

func newLateGuard() *lateGuard { return &lateGuard{ready: make(chan struct{})} }

// build starts making the guard in the background, once.
func (l *lateGuard) build(make func() *Guard) {
	l.start.Do(func() {
		go func() {
			l.g = make()
			close(l.ready)
		}()
	})
}

// wait returns the guard once it is built.
func (l *lateGuard) wait() *Guard {
	<-l.ready
	return l.g
}

// poll returns the guard if it is built.
func (l *lateGuard) poll() (*Guard, bool) {
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
// every page in memory. A Writer made by NewMemory keeps the files in
// memory instead (the dev server), one made by DryRun only scans them
// (refpack check). File, Copy and Carry are safe for concurrent use.
type Writer struct {
	dir, tmp string // tmp is "" in memory and in a dry run; dir is the output, symbolic links resolved
	name     string // the output directory as the caller named it
	clean    bool   // replace dir whatever it holds
	unlock   func() // releases tmp's lock
	guard    *lateGuard
	seen     sync.Map           // output paths written, and directories made in tmp
	foreign  chan foreignResult // what the previous build's directories hold that it did not write

	mu      sync.Mutex
	held    []heldFile // files given before the guard was ready
	leaks   diag.List
	files   int
	written []string // output paths written into tmp, for the marker
	err     error    // of writing a held file
	mem     *Memory  // the files, when kept in memory
}

// Memory is a site held in memory by NewMemory's Writer. It holds the
// files that leak too, so that a later build can carry them over: it must
// not be served while Writer.Leaks reports any.
type Memory struct {
	Files  map[string][]byte // output path (slash-separated) -> bytes
	Copies map[string]string // output path -> the source file on disk (bundle files), read when served
}

func (m *Memory) add(p string, data []byte, src string) {
	if src != "" {
		m.Copies[p] = src
		return
	}
	m.Files[p] = bytes.Clone(data)
}

type heldFile struct {
	path, src string
	data      []byte
}

// NewWriter starts publishing into dir, first removing what killed builds
// left beside it. When dir is a symbolic link the build goes into its
// target. Unless clean, dir must be one CheckOutput accepts.
func NewWriter(dir string, clean bool) (*Writer, error) {
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
	w := &Writer{dir: dir, tmp: tmp, name: name, clean: clean, unlock: sync.OnceFunc(unlock), guard: newLateGuard()}
	if !clean {
		// Reading every directory of a large previous build takes a
		// tenth of a second: it runs while the site renders.
		w.foreign = make(chan foreignResult, 1)
		go func() {
			names, err := foreignInside(dir)
			w.foreign <- foreignResult{names, err}
		}()
	}
	return w, nil
}

type foreignResult struct {
	names []string
	err   error
}

// DryRun scans files like a Writer but writes nothing: refpack check uses
// it to report leaks.
func DryRun() *Writer { return &Writer{guard: newLateGuard()} }

// NewMemory scans files like a Writer and keeps those without a private
// value in memory (Writer.Memory); bundle files are kept by their source
// path, to be read again when served.
func NewMemory() *Writer {
	return &Writer{guard: newLateGuard(), mem: &Memory{Files: map[string][]byte{}, Copies: map[string]string{}}}
}

// UseGuard tells the writer what is private, once the library is loaded:
// make (NewGuard of the library's secrets, or a guard kept from an earlier
// build of the same secrets) runs in the background, and the files given
// until it is ready are held. Commit, Leaks and Guard wait for it; a
// writer never given its guard never finishes.
func (w *Writer) UseGuard(make func() *Guard) { w.guard.build(make) }

// Guard waits for the guard given by UseGuard.
func (w *Writer) Guard() *Guard { return w.guard.wait() }

// Memory is what a Writer made by NewMemory published so far.
func (w *Writer) Memory() *Memory { return w.mem }

// File publishes data at the slash-separated output path p. A leak is
// recorded, not returned, so that one build reports all of them. Until the
// guard is ready, files are held in memory rather than making the caller
// wait; data is not retained after the call.
func (w *Writer) File(p string, data []byte) error { return w.file(p, data, "") }

// file is File of data read from src, when not "" (a bundle file).
func (w *Writer) file(p string, data []byte, src string) error {
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
			w.held = append(w.held, heldFile{p, src, bytes.Clone(data)})
			w.mu.Unlock()
			return nil
		}
		w.mu.Unlock()
	}
	if err := w.release(g); err != nil {
		return err
	}
	return w.publish(g, p, data, src)
}

// Carry publishes in memory a file of an earlier build that was scanned by
// a guard of the same secrets, with the leaks found in it then (output
// paths as Leaks gives them): the dev server keeps the pages an edit cannot
// change, and scanning 10,000 of them again would cost a second per edit.
func (w *Writer) Carry(p string, data []byte, leaks []diag.Problem) error {
	if _, dup := w.seen.LoadOrStore(p, true); dup {
		return fmt.Errorf("publish: %s is written twice", p)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.mem.Files[p] = data
	w.leaks.Add(leaks...)
	if len(leaks) == 0 {
		w.files++
	}
	return nil
}

// FileAll publishes every file of files as File does, on every core: a
// search index is thousands of files. Errors are joined in path order.
func (w *Writer) FileAll(files map[string][]byte) error {
	paths := slices.Sorted(maps.Keys(files))
	errs := make([]error, len(paths))
	parallel.Each(len(paths), func(i int) { errs[i] = w.File(paths[i], files[paths[i]]) })
	return errors.Join(errs...)
}

// release publishes the files held while the guard was being built.
func (w *Writer) release(g *Guard) error {
	w.mu.Lock()
	held := w.held
	w.held = nil
	w.mu.Unlock()
	for _, f := range held {
		if err := w.publish(g, f.path, f.data, f.src); err != nil {
			return err
		}
	}
	return nil
}

// finish waits for the guard and publishes what it held.
func (w *Writer) finish() error {
	err := w.release(w.guard.wait())
	w.mu.Lock()
	defer w.mu.Unlock()
	w.err = cmp.Or(w.err, err)
	return w.err
}

// publish publishes data at p; src, when not "", is the bundle file it
// was read from, which a Writer in memory keeps instead of the bytes.
func (w *Writer) publish(g *Guard, p string, data []byte, src string) error {
	found := scanFile(g, p, data)
	w.mu.Lock()
	for _, s := range found {
		w.leaks.Add(leak(g, p, s))
	}
	if w.mem != nil {
		w.mem.add(p, data, src)
	}
	if len(found) > 0 {
		w.mu.Unlock()
		return nil
	}
	w.files++
	if w.tmp != "" {
		w.written = append(w.written, p)
	}
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

// Copy publishes the file at src (a bundle file) at output path p. What
// the guard reads of it once decoded (decodeBundle) is scanned too, and a
// leak found there is reported at p. A file the guard cannot read is
// refused with a *RefusedError unless unchecked (the author checked it by
// hand); a pack always is.
func (w *Writer) Copy(p, src string, unchecked bool) error {
	// Stat first: a huge file (a sparse video) is refused before it is
	// read into memory.
	if info, err := os.Stat(src); err != nil {
		return err
	} else if info.Size() > MaxBundleFile {
		return &RefusedError{fmt.Sprintf("cannot be published: it is larger than %d MiB (%d MiB), the limit of a bundle file; publish it elsewhere and link to it", MaxBundleFile>>20, info.Size()>>20)}
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	parts, err := decodeBundle(data, unchecked)
	if err != nil {
		return err
	}
	if len(parts) > 0 {
		// Rare (archives, PDFs, PNG text): waiting for the guard costs
		// nothing in a build, whose pages took longer to render.
		g := w.guard.wait()
		raw := scanFile(g, p, data)
		var found []int
		for _, part := range parts {
			for _, s := range g.Scan(part) {
				if !slices.Contains(raw, s) && !slices.Contains(found, s) {
					found = append(found, s)
				}
			}
		}
		w.mu.Lock()
		for _, s := range found {
			w.leaks.Add(leak(g, p, s))
		}
		w.mu.Unlock()
	}
	return w.file(p, data, src)
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
// output directory) and the output is unchanged. A *KeptError says that the
// new output is in place but files that appeared in the old one meanwhile
// were kept beside it.
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
	err := writeListing(w.tmp, w.written)
	if err == nil && w.foreign != nil {
		r := <-w.foreign
		err = r.err
		if err == nil && len(r.names) > 0 {
			err = &ForeignError{Dir: w.name, Names: r.names}
		}
	}
	if err == nil {
		// Checked again: files may have appeared while the site rendered.
		err = checkTarget(w.name, w.dir, w.clean)
	}
	if err != nil {
		w.Abort()
		return err
	}
	if err := w.swap(); err != nil {
		w.Abort()
		return err
	}
	// The new output is in place; tmp now holds the previous one.
	defer w.unlock()
	switch {
	case w.tmp == "":
		return nil
	case w.clean:
		return removeAll(w.tmp) // whatever it held, as asked
	}
	return removeTree(w.tmp)
}

// Abort discards the files written so far.
func (w *Writer) Abort() {
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
		w.unlock()
	}
}

// swap replaces the output by the new tree, carrying over the output's
// .git, and leaves w.tmp naming where the previous output now is ("" when
// there was none). Where the system can exchange two directories there is no moment
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
	w.tmp = old
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

// removeTree removes a previous build at dir. Where its marker lists every
// path it wrote, only those go, each file on every core and then the
// directories, deepest first: a file that someone put into the output
// while this build ran, after it had checked the output, stays, and so
// does dir around it (a *KeptError says where). A tree whose marker lists
// only its top level (an older refpack) or nothing yet (a killed build's)
// is refpack's whole and goes whole.
func removeTree(dir string) error {
	m := readMarker(dir)
	if m == nil || !m.deep || len(m.paths) == 0 {
		return removeAll(dir)
	}
	var files []string
	dirs := map[int][]string{} // by depth
	deepest := 0
	for p := range m.paths {
		if d, ok := strings.CutSuffix(p, "/"); ok {
			n := strings.Count(d, "/")
			dirs[n] = append(dirs[n], d)
			deepest = max(deepest, n)
		} else {
			files = append(files, p)
		}
	}
	remove := func(paths []string) {
		// A failure (a directory not empty, a file turned into a
		// directory) leaves the path; the last rmdir then finds dir not
		// empty.
		parallel.Each(len(paths), func(i int) { os.Remove(filepath.Join(dir, filepath.FromSlash(paths[i]))) })
	}
	remove(files)
	for n := deepest; n >= 0; n-- {
		remove(dirs[n])
	}
	if entries, err := os.ReadDir(dir); err == nil && slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() != Marker }) {
		// Without its marker the tree is no longer refpack's: no later
		// build removes it.
		os.Remove(filepath.Join(dir, Marker))
		return &KeptError{Dir: dir}
	}
	return removeAll(dir)
}

// KeptError is a previous output that could not be removed whole: it
// holds files refpack did not write, which appeared while the build ran.
type KeptError struct{ Dir string }

func (e *KeptError) Error() string {
	return fmt.Sprintf("files that refpack did not write appeared in the output while it built; they are kept, with what is left of the previous output, in %s", e.Dir)
}

// removeAll is os.RemoveAll with the entries two levels down (each case's
// page directory) removed on every core: deleting the previous output of a
// large site is tens of thousands of system calls. The marker goes last,
// so that what a killed removal leaves is still recognisably refpack's.
func removeAll(dir string) error {
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
	parallel.Each(len(paths), func(i int) { errs[i] = os.RemoveAll(paths[i]) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
