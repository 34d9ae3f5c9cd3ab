//go:build !linux

package publish

import (
	"errors"
	"io/fs"
)

// exchangeDirs is unsupported here: replace falls back to two renames.
func exchangeDirs(_, b string) error {
	return &fs.PathError{Op: "exchange", Path: b, Err: errors.ErrUnsupported}
}
