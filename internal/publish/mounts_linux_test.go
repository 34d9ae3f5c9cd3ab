package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestUnescapeMount(t *testing.T) {
	for in, want := range map[string]string{`/mnt/a\040b`: "/mnt/a b", `/x\134y`: `/x\y`, "/plain": "/plain", `/bad\04`: `/bad\04`} {
		if got := unescapeMount(in); got != want {
			t.Errorf("unescapeMount(%q) = %q, want %q", in, got, want)
		}
	}
}

// A directory bind-mounted inside the output is refused, --clean or not:
// replacing the output would delete the mounted directory's files.
func TestCheckOutputRefusesAMountInside(t *testing.T) {
	root := t.TempDir()
	out, src := filepath.Join(root, "public"), filepath.Join(root, "src")
	mkfiles(t, root, "public/sub/", "src/keep.txt")
	if err := unix.Mount(src, filepath.Join(out, "sub"), "", unix.MS_BIND, ""); err != nil {
		t.Skip("cannot bind-mount here:", err)
	}
	defer unix.Unmount(filepath.Join(out, "sub"), 0)
	for _, clean := range []bool{false, true} {
		if err := CheckOutput(out, clean); err == nil || !strings.Contains(err.Error(), "holds a mount point") {
			t.Errorf("CheckOutput(clean=%v) = %v", clean, err)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "keep.txt")); err != nil {
		t.Error(err)
	}
}
