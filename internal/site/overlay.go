package site

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Overlay returns a fs.FS where files in top shadow files of the same name in
// base (top may be nil). Directories present in both list the entries of
// both, so a site can override one partial and keep the others.
func Overlay(base, top fs.FS) fs.FS {
	if top == nil {
		return base
	}
	return overlay{base: base, top: top}
}

type overlay struct{ base, top fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.IsDir() {
		return f, nil
	}
	f.Close()
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &mergedDir{info: info, entries: entries}, nil
}

// ReadDir merges the listings of both layers, top first for equal names.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.top, name)
	base, errBase := fs.ReadDir(o.base, name)
	if errTop != nil && errBase != nil {
		if errors.Is(errTop, fs.ErrNotExist) {
			return nil, errBase
		}
		return nil, errTop
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// mergedDir is an open directory of the overlay.
type mergedDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *mergedDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *mergedDir) Close() error               { return nil }
func (d *mergedDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}

func (d *mergedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return rest, nil
}
