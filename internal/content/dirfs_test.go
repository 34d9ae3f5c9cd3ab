package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDirFSReadsAsOSDirFS: DirFS reads a file, refuses a large one and
// reports a missing one or a directory exactly as the portable path over
// os.DirFS does.
func TestDirFSReadsAsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content/cases/bundle"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"content/cases/a.md":     []byte("+++\ntitle = \"Ａ — архив\"\n+++\nBody.\n"),
		"content/cases/empty.md": nil,
		"content/cases/big.md":   bytes.Repeat([]byte("x"), 5000),
	}
	for p, data := range files {
		if err := os.WriteFile(filepath.Join(dir, p), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fast, portable := DirFS(dir), os.DirFS(dir)
	for _, p := range []string{"content/cases/a.md", "content/cases/empty.md", "content/cases/big.md", "content/cases/missing.md", "content/cases/bundle", "../outside"} {
		data, size, err := readLimited(fast, p, 4096)
		wdata, wsize, werr := readLimited(portable, p, 4096)
		if !bytes.Equal(data, wdata) || size != wsize || fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("%s: got %q, %d, %v; os.DirFS gives %q, %d, %v", p, data, size, err, wdata, wsize, werr)
		}
	}
}
