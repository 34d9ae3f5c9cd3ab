package sysio

import (
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/sys/unix"
)

// HugeHeap asks the kernel to back the first size bytes the Go heap grows
// into with transparent huge pages of 2 MiB, where the system leaves that
// choice to programs (the "madvise" setting, the default of many
// distributions). It does nothing when GODEBUG has disablethp=1.
//
// Why: a build touches each page of its heap once, and on a virtual
// machine each first touch of a 4 KiB page is a trap of about 13 µs; a
// 10,000-case build touches about 125,000 of them, a fifth of its CPU
// time. With huge pages it is a few thousand. Go no longer asks for huge
// pages itself (since 1.21.1: long-running servers paid for the kernel's
// background collapsing); a build is a short batch job.
//
// How: it allocates size bytes in 2 MiB blocks, advises them and hands
// them back. The runtime reuses the lowest free addresses first, so the
// heap grows into the advised range. Blocks rather than one allocation:
// memory the heap has used before must be cleared on reuse, and a single
// block overlapping such pages would be cleared, and touched, whole.
func HugeHeap(size int) {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	if limit := debug.SetMemoryLimit(-1); int64(size) > limit/2 {
		size = int(limit / 2)
	}
	const block = 2 << 20
	gc := debug.SetGCPercent(-1) // the blocks are live; collecting them is wasted work
	blocks := make([][]byte, size/block)
	for i := range blocks {
		blocks[i] = make([]byte, block)
	}
	for _, b := range blocks {
		if unix.Madvise(b, unix.MADV_HUGEPAGE) != nil {
			break // no transparent huge pages in this kernel
		}
	}
	debug.SetGCPercent(gc)
	debug.FreeOSMemory() // collects the blocks and returns their (untouched) pages
}
