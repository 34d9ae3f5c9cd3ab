package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/refpack/refpack/internal/parallel"
)

// Marker is the file refpack writes at the top of every output directory.
// It lists every file and directory of the build, so that the next build
// replaces the directory only when it holds nothing else: a build never
// deletes what it did not write, at the top or deeper down.
const Marker = ".refpack-build"

// markerHead starts every marker; a file without it is not refpack's.
// Below it come the build's paths, directories ending in "/".
const markerHead = "# Written by refpack build: the next build replaces this directory.\n" +
	"# It refuses to when the directory holds a file or directory not listed below.\n"

// markerHeadTop starts the markers of refpack versions that listed only
// the top-level entries: below those, everything is taken as refpack's.
const markerHeadTop = "# Written by refpack build: the next build replaces this directory.\n" +
	"# It refuses to when the directory holds an entry not listed below.\n"

// keptName is kept across builds: a gh-pages checkout's repository.
const keptName = ".git"

// ForeignError is an output directory holding entries that refpack did
// not write.
type ForeignError struct {
	Dir   string
	Names []string // sorted; directories end in "/"
}

// shownForeign is how many of the foreign entries an error names.
const shownForeign = 5

func (e *ForeignError) Error() string {
	shown := e.Names[:min(len(e.Names), shownForeign)]
	var b strings.Builder
	fmt.Fprintf(&b, "%s holds files that refpack did not write: %s", e.Dir, strings.Join(shown, ", "))
	if more := len(e.Names) - len(shown); more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	return b.String()
}

// CheckOutput resolves the output directory dir as a build would and
// reports whether a build may replace it: it must not exist, be empty (a
// .git aside), or hold a previous refpack build and nothing else. With
// clean, any directory may be replaced. It returns a *ForeignError for a
// directory holding other files.
func CheckOutput(dir string, clean bool) error {
	target, err := resolve(filepath.Clean(dir))
	if err != nil {
		return err
	}
	return checkTarget(dir, target, clean)
}

// checkTarget checks the resolved output directory target; dir is how the
// user named it. It looks at the top level only; foreignInside looks
// deeper.
func checkTarget(dir, target string, clean bool) error {
	info, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if real, err := filepath.EvalSymlinks(target); err == nil {
		if mounts := mountsInside(real); len(mounts) > 0 {
			return fmt.Errorf("%s holds a mount point, %s: refusing to replace it, --clean or not (unmount it, or choose another -o)", dir, mounts[0])
		}
	}
	if clean {
		return nil
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	m := readMarker(target)
	var names []string
	for _, e := range entries {
		n := e.Name()
		if n == keptName || m != nil && (n == Marker || m.has(n, e.IsDir())) {
			continue
		}
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	if len(names) > 0 {
		return &ForeignError{Dir: dir, Names: names}
	}
	return nil
}

// foreignInside returns what the directories of the previous build at
// target hold that its marker does not list, sorted; nil when its marker
// lists the top level only.
func foreignInside(target string) ([]string, error) {
	m := readMarker(target)
	if m == nil || !m.deep {
		return nil, nil
	}
	var dirs []string
	for p := range m.paths {
		if strings.HasSuffix(p, "/") {
			dirs = append(dirs, p)
		}
	}
	found := make([][]string, len(dirs))
	errs := make([]error, len(dirs))
	parallel.Each(len(dirs), func(i int) {
		entries, err := os.ReadDir(filepath.Join(target, filepath.FromSlash(dirs[i])))
		if errors.Is(err, fs.ErrNotExist) {
			return // removed since: nothing in it to lose
		}
		errs[i] = err
		for _, e := range entries {
			if p := dirs[i] + e.Name(); !m.has(p, e.IsDir()) {
				if e.IsDir() {
					p += "/"
				}
				found[i] = append(found[i], p)
			}
		}
	})
	return slices.Sorted(slices.Values(slices.Concat(found...))), errors.Join(errs...)
}

// marker is what a previous build's marker lists.
type marker struct {
	paths map[string]bool // slash-separated; directories end in "/"
	deep  bool            // every path is listed, not only the top level
}

// has reports whether the marker lists the entry at path p.
func (m *marker) has(p string, dir bool) bool {
	if dir {
		p += "/"
	}
	if m.paths[p] {
		return true
	}
	// Markers of the top level only list directories without the slash.
	return !m.deep && m.paths[strings.TrimSuffix(p, "/")]
}

// Resolve is the directory a build into dir replaces: dir, or the target
// of the symbolic links at dir itself (also one that does not exist yet).
func Resolve(dir string) (string, error) { return resolve(filepath.Clean(dir)) }

// resolve follows symbolic links at dir itself: a build through a link
// goes into its target and leaves the link in place.
func resolve(dir string) (string, error) {
	for range 40 {
		info, err := os.Lstat(dir)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return dir, nil
		}
		link, err := os.Readlink(dir)
		if err != nil {
			return "", err
		}
		parent := filepath.Dir(dir)
		// A relative link is relative to the real parent; ".." in it must
		// not be resolved lexically against a symlinked one.
		if real, err := filepath.EvalSymlinks(parent); err == nil {
			parent = real
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(parent, link)
		}
		dir = filepath.Clean(link)
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", dir)
}

// maxMarker bounds what is read of a marker: the paths of a build of
// 10,000 case studies take about 1 MB.
const maxMarker = 256 << 20

// readMarker returns what dir's marker lists, or nil when dir has no
// marker of refpack's (an empty listing is not nil).
func readMarker(dir string) *marker {
	p := filepath.Join(dir, Marker)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxMarker+1))
	if err != nil || len(data) > maxMarker {
		return nil
	}
	m := &marker{paths: map[string]bool{}}
	switch {
	case bytes.HasPrefix(data, []byte(markerHead)):
		m.deep = true
		data = data[len(markerHead):]
	case bytes.HasPrefix(data, []byte(markerHeadTop)):
		data = data[len(markerHeadTop):]
	default:
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			m.paths[line] = true
		}
	}
	return m
}

// writeListing completes the marker of the new tree dir with the paths of
// the files written into it and of their directories. It appends to the
// marker: a build killed meanwhile leaves a tree that is still
// recognisably refpack's.
func writeListing(dir string, files []string) error {
	paths := map[string]bool{}
	for _, f := range files {
		paths[f] = true
		for d := path.Dir(f); d != "." && !paths[d+"/"]; d = path.Dir(d) {
			paths[d+"/"] = true
		}
	}
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		b.WriteString(p + "\n")
	}
	f, err := os.OpenFile(filepath.Join(dir, Marker), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	return errors.Join(err, f.Close())
}

// leftover matches what a build makes beside the output directory: its
// temporary tree, and (where directories cannot be exchanged) the previous
// output moved aside.
func leftover(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta("."+base+".tmp-") + `[0-9]+(\.old)?$`)
}

// cleanLeftovers removes what killed builds left beside the output
// directory dir: only directories named as a build names them that hold
// refpack's marker (or nothing but a .git and a marker being written),
// and that no running build holds. A .git in them goes back into the
// output when it has none, and a previous output moved aside goes back
// when there is no output.
func cleanLeftovers(dir string) {
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	pattern := leftover(base)
	var names []string
	for _, e := range entries {
		if e.IsDir() && pattern.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	// The previous output first: putting it back may give the others'
	// .git a place to go.
	slices.SortStableFunc(names, func(a, b string) int {
		return boolInt(!strings.HasSuffix(a, ".old")) - boolInt(!strings.HasSuffix(b, ".old"))
	})
	for _, n := range names {
		p := filepath.Join(parent, n)
		unlock, ok := tryLock(p)
		if !ok {
			continue // a build running now
		}
		reclaim(p, dir, strings.HasSuffix(n, ".old"))
		unlock()
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reclaim removes the leftover directory p of the output dir, or puts it
// back when it is the previous output (old) and dir is missing.
func reclaim(p, dir string, old bool) {
	_, err := os.Lstat(dir)
	missing := errors.Is(err, fs.ErrNotExist)
	if old && missing {
		os.Rename(p, dir) // moves, deletes nothing: whoever's it is
		return
	}
	if readMarker(p) == nil {
		// A build killed as it made its tree leaves it empty, or with a
		// marker not yet written.
		entries, err := os.ReadDir(p)
		if err != nil || slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
			return e.Name() != keptName && !(e.Name() == Marker && e.Type().IsRegular())
		}) {
			return // not refpack's
		}
	}
	if missing {
		return // its .git would have nowhere to go
	}
	git := filepath.Join(p, keptName)
	if _, err := os.Lstat(git); err == nil {
		if _, err := os.Lstat(filepath.Join(dir, keptName)); !errors.Is(err, fs.ErrNotExist) {
			return // two repositories: keep both, refpack cannot tell which is wanted
		}
		if err := os.Rename(git, filepath.Join(dir, keptName)); err != nil {
			return
		}
	}
	removeTree(p)
}
