package publish

import (
	"errors"
	"io/fs"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps the directory entries at a and b in one step
// (renameat2 with RENAME_EXCHANGE, which the os package lacks), so that
// there is no moment without either. It returns an error wrapping
// errors.ErrUnsupported where the kernel or the file system cannot do it.
func exchangeDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return &fs.PathError{Op: "exchange", Path: b, Err: errors.Join(errors.ErrUnsupported, err)}
	}
	if err != nil {
		return &fs.PathError{Op: "exchange", Path: b, Err: err}
	}
	return nil
}
