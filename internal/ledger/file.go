package ledger

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// LockTimeout is how long Update waits for another refpack writing the
// same ledger.
var LockTimeout = 10 * time.Second

// beforeRename is a test hook run after the temporary file is written and
// synced, before it replaces the ledger.
var beforeRename func() error

// Update applies edit to the ledger file at path under an exclusive lock
// (path's directory, file "."+name+".lock"): it reads the file as it is
// once the lock is held (nil when it does not exist yet), and writes what
// edit returns with WriteFile. When edit fails, nothing is written.
func Update(path string, edit func(old []byte) ([]byte, error)) error {
	unlock, err := lock(lockPath(path), LockTimeout)
	if err != nil {
		return err
	}
	defer unlock()
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	data, err := edit(old)
	if err != nil {
		return err
	}
	return WriteFile(path, data, perm)
}

func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// WriteFile replaces path with data safely: it writes a temporary file in
// the same directory, syncs it, renames it over path and syncs the
// directory. A failure at any step leaves the old file as it was.
func WriteFile(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err = beforeRename(); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		serr := d.Sync()
		d.Close()
		if serr != nil {
			return fmt.Errorf("sync %s: %w", dir, serr)
		}
	}
	return nil
}
