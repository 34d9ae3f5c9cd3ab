package content

import (
	"errors"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// readLimited names the file as os.DirFS does in its errors: by name when
// it cannot be opened, by its full path after.
func (d dirFS) readLimited(name string, limit int64) ([]byte, int64, error) {
	if !fs.ValidPath(name) {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := filepath.Join(d.dir, filepath.FromSlash(name))
	fd, err := retry(func() (int, error) { return unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: full, Err: err}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil, 0, &fs.PathError{Op: "read", Path: full, Err: unix.EISDIR}
	}
	if st.Size > limit {
		return nil, st.Size, nil
	}
	// As io.ReadFull in the portable path: the bytes there were when
	// the file was looked at, or fewer if it shrank.
	src := make([]byte, st.Size)
	n := 0
	for n < len(src) {
		m, err := retry(func() (int, error) { return unix.Read(fd, src[n:]) })
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: full, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	return src[:n], st.Size, nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if !errors.Is(err, unix.EINTR) {
			return n, err
		}
	}
}
