package sysio

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestHugeHeap checks that HugeHeap touches none of the memory it
// prepares, and that the heap then grows into huge pages.
func TestHugeHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !(strings.Contains(string(mode), "[madvise]") || strings.Contains(string(mode), "[always]")) {
		t.Skipf("transparent huge pages are off here (%q, %v)", mode, err)
	}
	faults := minorFaults(t)
	HugeHeap(256 << 20)
	// Preparing 256 MiB in 4 KiB pages would be 65,536 faults.
	if n := minorFaults(t) - faults; n > 2000 {
		t.Fatalf("HugeHeap(256 MiB) caused %d page faults: it touched the memory it prepares", n)
	}

	huge := anonHugePages(t)
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	if grown := anonHugePages(t) - huge; grown < 32<<20 {
		t.Fatalf("a 64 MiB allocation made after HugeHeap got %d bytes of huge pages, want most of it", grown)
	}
}

func minorFaults(t *testing.T) int64 {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Minflt
}

// anonHugePages is the process's AnonHugePages in bytes.
func anonHugePages(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps_rollup")
	if err != nil {
		t.Skipf("no smaps_rollup: %v", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "AnonHugePages:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no AnonHugePages in smaps_rollup")
	return 0
}
