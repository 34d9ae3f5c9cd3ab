//go:build !linux

package sysio

import (
	"errors"
	"io/fs"
	"os"
)

// ReadFile reads the file at path unless it is larger than limit: then it
// returns its size and no data.
func ReadFile(path string, limit int64) ([]byte, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	return ReadOpened(f, limit)
}

// WriteFile is os.WriteFile(path, data, 0o644).
func WriteFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

// RemoveAll is os.RemoveAll(path).
func RemoveAll(path string, _ bool) error { return os.RemoveAll(path) }

// Exchange is unsupported here: callers fall back to two renames.
func Exchange(_, b string) error {
	return &fs.PathError{Op: "exchange", Path: b, Err: errors.ErrUnsupported}
}
