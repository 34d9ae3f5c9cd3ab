package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestReadLimited: a file is read whole, a large one is refused with its
// size, and a missing file or a directory is an error.
func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content/cases/bundle"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"content/cases/a.md":     []byte("+++\ntitle = \"Ａ — архив\"\n+++\nBody.\n"),
		"content/cases/empty.md": {},
		"content/cases/big.md":   bytes.Repeat([]byte("x"), 5000),
	}
	for p, data := range files {
		if err := os.WriteFile(filepath.Join(dir, p), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	for _, p := range []string{"content/cases/a.md", "content/cases/empty.md"} {
		if data, size, err := readLimited(fsys, p, 4096); err != nil || !bytes.Equal(data, files[p]) || size != int64(len(files[p])) {
			t.Errorf("%s: got %q, %d, %v", p, data, size, err)
		}
	}
	if data, size, err := readLimited(fsys, "content/cases/big.md", 4096); err != nil || data != nil || size != 5000 {
		t.Errorf("over the limit: got %q, %d, %v; want no data and the size", data, size, err)
	}
	if _, _, err := readLimited(fsys, "content/cases/missing.md", 4096); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if _, _, err := readLimited(fsys, "content/cases/bundle", 4096); err == nil {
		t.Error("a directory was read as a file")
	}
	if _, _, err := readLimited(fsys, "../outside", 4096); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("a path outside the tree: %v", err)
	}
}
