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
