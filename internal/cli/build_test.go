package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildOutputExitCodes: an output directory holding someone's files
// is a usage error (exit 2) that writes nothing; --clean replaces it.
func TestBuildOutputExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "-s", "../..", "-o", out}, &stdout, &stderr); code != ExitUsage {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitUsage, &stderr)
	}
	if !strings.Contains(stderr.String(), "thesis.tex") {
		t.Errorf("the refusal does not name the file: %s", &stderr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("a refused build wrote beside the output: %v", entries)
	}
	stderr.Reset()
	if code := Main([]string{"build", "-s", "../..", "-o", out, "--clean"}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("--clean: exit %d; stderr:\n%s", code, &stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "thesis.tex")); !os.IsNotExist(err) {
		t.Errorf("--clean kept thesis.tex: %v", err)
	}
}

func TestHoldsComparesRealPathsAndIdentity(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"data/content", "site"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../data/content", filepath.Join(root, "site", "content")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	real := func(p string) string {
		t.Helper()
		r, err := realPath(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, tc := range []struct {
		dir, p string
		want   bool
	}{
		{"data", "site/content", true},           // through the link
		{"data", "site/content/cases/new", true}, // not made yet
		{"site/content", "data/content/x", true}, // the link's target from the other side
		{"data/content", "data", false},          // the parent is not inside
		{"site", "data/content", false},          // the link is in site, its target is not
		{"site/content/cases", "site/content", false},
	} {
		if got := holds(real(tc.dir), real(tc.p)); got != tc.want {
			t.Errorf("holds(%s, %s) = %v, want %v", tc.dir, tc.p, got, tc.want)
		}
	}
}
