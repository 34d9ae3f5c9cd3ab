package content

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/refpack/refpack/internal/sysio"
)

// DirFS is os.DirFS(dir) for Load: case files are read with the fewest
// system calls the platform allows (see package sysio).
func DirFS(dir string) fs.FS { return dirFS{os.DirFS(dir).(fs.StatFS), dir} }

type dirFS struct {
	fs.StatFS
	dir string
}

// ReadDir lets fs.WalkDir list directories as os.DirFS does.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.StatFS, name) }

// readLimited names the file as os.DirFS does in its errors: by name when
// it cannot be opened, by its full path after.
func (d dirFS) readLimited(name string, limit int64) ([]byte, int64, error) {
	if !fs.ValidPath(name) {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	data, size, err := sysio.ReadFile(filepath.Join(d.dir, filepath.FromSlash(name)), limit)
	if pe, ok := err.(*fs.PathError); ok && pe.Op == "open" {
		pe.Path = name
	}
	return data, size, err
}

// limitedReader reads a whole file unless it is larger than limit, in
// which case it returns its size and no data.
type limitedReader interface {
	readLimited(name string, limit int64) (data []byte, size int64, err error)
}

// readLimited reads the file at p of fsys unless it is larger than limit:
// one open, a stat on the handle and a read sized by it.
func readLimited(fsys fs.FS, p string, limit int64) ([]byte, int64, error) {
	if r, ok := fsys.(limitedReader); ok {
		return r.readLimited(p, limit)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	return sysio.ReadOpened(f, limit)
}
