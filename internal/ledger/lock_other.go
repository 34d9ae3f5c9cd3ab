//go:build !unix

package ledger

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lock creates the lock file exclusively, retrying until timeout.
func lock(path string, timeout time.Duration) (func(), error) {
	deadline := time.Now().Add(timeout)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is locked by another refpack; if none is running, remove it", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
