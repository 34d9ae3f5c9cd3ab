package sysio

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveAllWhatIsNotADirectoryAnyMore: a path listed as a directory
// that is now a file or a symbolic link is removed as such, and a link's
// target is left alone.
func TestRemoveAllWhatIsNotADirectoryAnyMore(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "target")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	file, link := filepath.Join(root, "file"), filepath.Join(root, "link")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, link} {
		if err := RemoveAll(p, true); err != nil {
			t.Errorf("RemoveAll(%s): %v", p, err)
		}
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", p, err)
		}
	}
	if _, err := os.Stat(target); err != nil {
		t.Errorf("the link's target went too: %v", err)
	}
}

// TestReadFileLimit: a file is read whole, or only its size is told when
// it is over the limit.
func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(p, []byte("Ａ — архив"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, size, err := ReadFile(p, 100); err != nil || string(data) != "Ａ — архив" || size != int64(len("Ａ — архив")) {
		t.Errorf("ReadFile = %q, %d, %v", data, size, err)
	}
	if data, size, err := ReadFile(p, 4); err != nil || data != nil || size != int64(len("Ａ — архив")) {
		t.Errorf("ReadFile over the limit = %q, %d, %v", data, size, err)
	}
	if _, _, err := ReadFile(filepath.Join(filepath.Dir(p), "missing"), 100); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}
