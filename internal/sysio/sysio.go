// Package sysio reads, writes and removes the files of a build with as few
// system calls as the platform allows. On Linux an os.File costs three
// fcntl calls and an epoll registration that fails for regular files, on
// top of open and close; on a virtual machine each call is microseconds,
// and a build of 10,000 cases reads 10,000 files, writes 14,000 and
// removes as many of the previous output. Elsewhere these are the os
// package's functions. HugeHeap, for the same reason, asks the kernel for
// fewer, larger pages of memory.
package sysio

import (
	"io"
	"io/fs"
)

// ReadOpened reads the open file f unless it is larger than limit: then it
// returns its size and no data. It reads the size f had when stat'ed, or
// less if it shrank. It is the portable way of ReadFile, for any fs.FS.
func ReadOpened(f fs.File, limit int64) ([]byte, int64, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.Size() > limit {
		return nil, info.Size(), nil
	}
	data := make([]byte, info.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, 0, err
	}
	return data[:n], info.Size(), nil
}
