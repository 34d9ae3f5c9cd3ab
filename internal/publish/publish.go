// Package publish is the only writer of a site's output directory. It refuses
// a build when any PRIVATE value appears in any output file or file name,
// writes the build into a temporary directory beside the target and only then
// swaps it in, so a failed build leaves the previous output untouched.
package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/refpack/refpack/internal/diag"
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
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Leaks scans every output file and name for private values and returns one
// problem per file and private field found.
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
		found[i] = guard.Scan(data)
		for _, s := range guard.Scan([]byte(paths[i])) {
			if !slices.Contains(found[i], s) {
				found[i] = append(found[i], s)
			}
		}
	})
	var leaks diag.List
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for _, s := range found[i] {
			sec := guard.Secret(s)
			leaks.Errorf(p, 0, 0, "would publish the private %s of %s: remove it from the public fields and the body", sec.Field, sec.Path)
		}
	}
	leaks.Sort()
	return leaks.Problems, nil
}

// Write publishes site into dir. A non-nil error is either a *diag.Errors
// naming every leak (output path relative to dir), or an I/O error; in both
// cases dir is unchanged.
func Write(dir string, site Site, guard *Guard) error {
	leaks, err := Leaks(site, guard)
	if err != nil {
		return err
	}
	if len(leaks) > 0 {
		return &diag.Errors{Problems: leaks}
	}
	dir = filepath.Clean(dir)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	if err := writeTree(tmp, site); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := swap(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

func writeTree(tmp string, site Site) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	paths := site.outputs()
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) {
		p := paths[i]
		if !fs.ValidPath(p) || strings.Contains(p, "\\") {
			errs[i] = fmt.Errorf("publish: invalid output path %q", p)
			return
		}
		data, err := site.read(p)
		if err != nil {
			errs[i] = err
			return
		}
		target := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			errs[i] = err
			return
		}
		errs[i] = os.WriteFile(target, data, 0o644)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// swap replaces dir by tmp. The old output is moved aside first and removed
// last, so dir is never a half-written tree.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
