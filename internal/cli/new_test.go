package cli

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template"

	"github.com/refpack/refpack/internal/locale"
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

// TestScaffoldText: every string the scaffolds ask for is in the [new]
// section of the catalogues (whose own test makes sure that every language
// has every key of English).
func TestScaffoldText(t *testing.T) {
	strs := locale.For("en").Section("new").Text
	used := map[string]bool{}
	for _, tmpl := range []*template.Template{caseTemplate, prospectTemplate} {
		for _, m := range regexp.MustCompile(`\.T\.(\w+)`).FindAllStringSubmatch(tmpl.Tree.Root.String(), -1) {
			used[m[1]] = true
			if _, ok := strs[m[1]]; !ok {
				t.Errorf("%s: new.%s is not in the catalogue", tmpl.Name(), m[1])
			}
		}
	}
	for k := range strs {
		if !used[k] {
			t.Errorf("new.%s is in the catalogue but no scaffold uses it", k)
		}
	}
}
