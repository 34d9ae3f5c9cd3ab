package sysio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"

	"golang.org/x/sys/unix"
)

// ReadFile reads the file at path unless it is larger than limit: then it
// returns its size and no data. It reads the
// size the file had when opened, or less if it shrank, as io.ReadFull on an
// os.File would. Errors are *fs.PathError naming path.
func ReadFile(path string, limit int64) ([]byte, int64, error) {
	fd, err := retry(func() (int, error) { return unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: unix.EISDIR}
	}
	if st.Size > limit {
		return nil, st.Size, nil
	}
	data := make([]byte, st.Size)
	n := 0
	for n < len(data) {
		m, err := retry(func() (int, error) { return unix.Read(fd, data[n:]) })
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	return data[:n], st.Size, nil
}

// WriteFile is os.WriteFile(path, data, 0o644).
func WriteFile(path string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := retry(func() (int, error) { return unix.Write(fd, data) })
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// RemoveAll is os.RemoveAll(path): a file is unlinked, a directory emptied
// through its descriptor and then removed; symbolic links are removed, not
// followed. dir says whether path is known to be a directory.
func RemoveAll(path string, dir bool) error {
	if err := removeAt(unix.AT_FDCWD, path, dir); err != nil {
		return &fs.PathError{Op: "remove", Path: path, Err: err}
	}
	return nil
}

func removeAt(dirfd int, name string, dir bool) error {
	if !dir {
		err := unix.Unlinkat(dirfd, name, 0)
		if err == nil || errors.Is(err, unix.ENOENT) {
			return nil
		}
		if !errors.Is(err, unix.EISDIR) && !errors.Is(err, unix.EPERM) {
			return err
		}
	}
	fd, err := retry(func() (int, error) {
		return unix.Openat(dirfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	})
	if errors.Is(err, unix.ENOENT) {
		return nil
	}
	if dir && (errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.ELOOP)) {
		// Replaced by a file or a symbolic link since it was listed.
		return removeAt(dirfd, name, false)
	}
	if err != nil {
		return err
	}
	entries, err := readDir(fd)
	for _, e := range entries {
		err = errors.Join(err, removeAt(fd, e.name, e.dir))
	}
	unix.Close(fd)
	if err != nil {
		return err
	}
	err = unix.Unlinkat(dirfd, name, unix.AT_REMOVEDIR)
	if errors.Is(err, unix.ENOENT) {
		return nil
	}
	return err
}

type dirEntry struct {
	name string
	dir  bool // known to be a directory
}

// readDir lists the directory open at fd, without "." and "..". It reads
// the kernel's linux_dirent64 records itself for their type, which saves
// a failing unlink for every directory.
func readDir(fd int) ([]dirEntry, error) {
	buf := make([]byte, 8<<10)
	var entries []dirEntry
	for {
		n, err := retry(func() (int, error) { return unix.Getdents(fd, buf) })
		if err != nil {
			return entries, err
		}
		if n <= 0 {
			return entries, nil
		}
		// d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), then
		// d_name, NUL-terminated.
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(binary.NativeEndian.Uint16(b[16:18]))
			if reclen < 19 || reclen > len(b) {
				return entries, errors.New("malformed directory entry")
			}
			name := b[19:reclen]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if s := string(name); s != "." && s != ".." {
				entries = append(entries, dirEntry{s, b[18] == unix.DT_DIR})
			}
			b = b[reclen:]
		}
	}
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

// Exchange swaps the directory entries at a and b in one step (renameat2
// with RENAME_EXCHANGE), so that there is no moment without either. It
// returns an error wrapping errors.ErrUnsupported where the kernel or the
// file system cannot do it.
func Exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return &fs.PathError{Op: "exchange", Path: b, Err: errors.Join(errors.ErrUnsupported, err)}
	}
	if err != nil {
		return &fs.PathError{Op: "exchange", Path: b, Err: err}
	}
	return nil
}
