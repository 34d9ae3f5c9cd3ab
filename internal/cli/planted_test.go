package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/leaktest"
)

func writeSite(t *testing.T, files leaktest.Site) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPlantedLeaks plants every private value, in every form, in every
// public place of a case (README, "What is private"): build must refuse
// and write nothing, check must report it, and both must point at the
// carrier case's file.
func TestPlantedLeaks(t *testing.T) {
	plants := leaktest.Selection(testing.Short())
	if len(plants) < 50 {
		t.Fatalf("only %d plants", len(plants))
	}
	for _, p := range plants {
		t.Run(p.Name, func(t *testing.T) {
			dir := writeSite(t, p.Files)
			var stdout, stderr bytes.Buffer
			if code := Main([]string{"build", "-s", dir}, &stdout, &stderr); code != ExitProblem {
				t.Fatalf("build: exit %d\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "would publish the private") {
				t.Errorf("build does not name the leak:\n%s", stderr.String())
			}
			if !regexp.MustCompile(`(?m)^content/cases/\S+:(\d+:\d+: the (body|front matter)|.*the file name) names`).MatchString(stderr.String()) {
				t.Errorf("build does not point at the carrier case's file:\n%s", stderr.String())
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "content" {
					t.Errorf("build left %s behind", e.Name())
				}
			}
			stderr.Reset()
			if code := Main([]string{"check", "-s", dir}, &stdout, &stderr); code != ExitProblem {
				t.Fatalf("check: exit %d\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "would publish the private") {
				t.Errorf("check does not name the leak:\n%s", stderr.String())
			}
		})
	}
}

// TestPlantedLeaksBaseIsClean: each value's site without the plant builds,
// so that every failure above is the plant's.
func TestPlantedLeaksBaseIsClean(t *testing.T) {
	for name, files := range leaktest.Unplanted() {
		t.Run(name, func(t *testing.T) {
			dir := writeSite(t, files)
			var stdout, stderr bytes.Buffer
			if code := Main([]string{"build", "-s", dir}, &stdout, &stderr); code != ExitOK {
				t.Fatalf("build: exit %d\n%s", code, stderr.String())
			}
		})
	}
}

func TestFewLeaks(t *testing.T) {
	var in []diag.Problem
	for i := range 8 {
		in = append(in, diag.Problem{Path: fmt.Sprintf("page/%d/index.html", i), Message: "would publish A"})
	}
	in = append(in, diag.Problem{Path: "x.html", Message: "would publish B"})
	var got []string
	for _, p := range fewLeaks(in) {
		got = append(got, p.Path+": "+p.Message)
	}
	want := []string{
		"page/0/index.html: would publish A", "page/1/index.html: would publish A", "page/2/index.html: would publish A",
		"page/3/index.html: would publish A", "page/4/index.html: would publish A (and in 3 more output files)",
		"x.html: would publish B",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNoFalseAlarms: private values that look like ordinary text in the
// site's own pages do not fail a build (README, "What is private").
func TestNoFalseAlarms(t *testing.T) {
	anonymous := func(slug, client, body string) string {
		return "+++\ntitle = \"Case " + slug + "\"\nsummary = \"A case study.\"\nclient = \"" + client + "\"\nanonymous = true\nalias = \"A company\"\n" +
			"industry = \"banking\"\nproject_types = [\"contract-archive\"]\ndate = 2024-05-10\n[scale]\nemployees = 1200\n+++\n" + body + "\n"
	}
	build := func(t *testing.T, dir string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := Main([]string{"build", "-s", dir}, &stdout, &stderr); code != ExitOK {
			t.Fatalf("build: exit %d\n%s", code, stderr.String())
		}
	}
	t.Run("initials in the search script", func(t *testing.T) {
		files := leaktest.Base()
		files["content/cases/carrier.md"] = anonymous("carrier", "AT&T", "A carrier.")
		build(t, writeSite(t, files))
	})
	t.Run("short name inside a longer word", func(t *testing.T) {
		files := leaktest.Base()
		files["content/cases/maker.md"] = anonymous("maker", "Ford", "Die Herausforderung war groß.")
		build(t, writeSite(t, files))
	})
	t.Run("ordinary words on the sample site", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
			t.Fatal(err)
		}
		prospect := "name = \"Archive Systems\"\nindustry = \"banking\"\nproject_types = [\"contract-archive\"]\n"
		if err := os.WriteFile(filepath.Join(dir, "content/prospects/archive-systems.toml"), []byte(prospect), 0o644); err != nil {
			t.Fatal(err)
		}
		build(t, dir)
	})
}
