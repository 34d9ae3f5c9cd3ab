//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lockDir holds an exclusive lock on the directory dir until unlock is
// called or the process ends, however it ends: cleanLeftovers leaves a
// locked temporary tree alone, as another build is writing it.
func lockDir(dir string) (unlock func(), err error) {
	unlock, ok := tryLock(dir)
	if !ok {
		return nil, &os.PathError{Op: "lock", Path: dir, Err: syscall.EWOULDBLOCK}
	}
	return unlock, nil
}

// tryLock takes the lock of dir if no one holds it.
func tryLock(dir string) (unlock func(), ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}
