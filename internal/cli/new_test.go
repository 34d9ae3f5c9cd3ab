package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/config"
)

func TestNewExitCodes(t *testing.T) {
	dir := t.TempDir()
	site := "title = \"Refs\"\nbase_url = \"https://refs.example.com/\"\nlanguage = \"ru\"\n" +
		"[industries.banking]\nlabel = \"Banking\"\n[project_types.archive]\nlabel = \"Archive\"\n"
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "site.toml"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"case", "first"}, ExitOK},
		{[]string{"prospect", "acme-leasing"}, ExitOK},
		{[]string{"case", "first"}, ExitProblem},
		{[]string{"prospect", "acme-leasing"}, ExitProblem},
		{[]string{"case", "../x"}, ExitUsage},
		{[]string{"case", "Upper"}, ExitUsage},
		{[]string{"case", "aux"}, ExitUsage},
		{[]string{"case", "a/b"}, ExitUsage},
		{[]string{"case", ""}, ExitUsage},
		{[]string{"case"}, ExitUsage},
		{[]string{"visit", "x"}, ExitUsage},
	} {
		args := append([]string{"new"}, tc.args...)
		args = append(args, "-s", dir)
		var stderr strings.Builder
		if got := Main(args, io.Discard, &stderr); got != tc.code {
			t.Errorf("refpack %s: exit %d, want %d (%s)", strings.Join(args, " "), got, tc.code, stderr.String())
		}
	}
	var stderr strings.Builder
	if got := Main([]string{"check", "-s", dir}, io.Discard, &stderr); got != ExitOK {
		t.Errorf("check of the scaffolds: exit %d\n%s", got, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "content", "cases", "first.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "date = 2023-11-14") || !strings.Contains(string(data), "## Задача") {
		t.Errorf("scaffold is not in Russian or not dated by SOURCE_DATE_EPOCH:\n%s", data)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if got := Main([]string{"new", "case", "second", "-s", dir}, io.Discard, io.Discard); got != ExitUsage {
		t.Errorf("bad SOURCE_DATE_EPOCH: exit %d, want %d", got, ExitUsage)
	}
}

// TestScaffoldTextComplete: every language a site may be written in has
// every comment and placeholder of the scaffolds.
func TestScaffoldTextComplete(t *testing.T) {
	for _, lang := range config.Languages {
		m, ok := scaffoldText[lang]
		if !ok {
			t.Errorf("no scaffold text in %s", lang)
			continue
		}
		for k := range scaffoldText["en"] {
			if m[k] == "" {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
		for k := range m {
			if _, ok := scaffoldText["en"][k]; !ok {
				t.Errorf("%s has %q, which en lacks", lang, k)
			}
		}
	}
}
