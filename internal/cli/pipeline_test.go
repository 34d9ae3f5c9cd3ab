package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildSite runs `refpack build` and fails the test on a non-zero exit.
func buildSite(t *testing.T, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Main(append([]string{"build"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("build %v: exit %d\n%s", args, code, stderr.String())
	}
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic builds the sample library twice, with different numbers
// of threads, and compares every byte.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	buildSite(t, "-s", "../..", "-o", a)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	buildSite(t, "-s", "../..", "-o", b)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d", len(ta), len(tb))
	}
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestPrivateMarkersNeverPublished plants a unique marker in every private
// field and checks that no output byte holds any of them, raw or escaped.
func TestPrivateMarkersNeverPublished(t *testing.T) {
	site := t.TempDir()
	var markers []string
	mark := func(field string) string {
		m := fmt.Sprintf("Zq%sMark%d <&\"'> Прив 秘密", field, len(markers))
		markers = append(markers, m)
		return m
	}
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	files := map[string]string{
		"content/site.toml": `title = "Refs"
base_url = "https://refs.example.com/sub/"
[industries.banking]
label = "Banking"
[project_types.contract-archive]
label = "Contract archive"
`,
		"content/prospects/acme.toml": fmt.Sprintf(`name = %s
industry = "banking"
project_types = ["contract-archive"]
notes = %s
must_see = [%s]
[[participants]]
name = %s
interests = [%s]
`, q(mark("prospect")), q(mark("pnotes")), q(mark("mustsee")), q(mark("participant")), q(mark("interest"))),
		"content/questions.toml": fmt.Sprintf("[[question]]\ntext = %s\n", q(mark("question"))),
		"content/visits.toml":    fmt.Sprintf("[[visit]]\ncase = \"anon\"\nprospect = \"acme\"\ndate = 2026-01-02\nbonus = %s\n", q(mark("bonus"))),
	}
	for _, slug := range []string{"anon", "named"} {
		client := `"Public Client Name"`
		anon := ""
		if slug == "anon" {
			client = q(mark("client"))
			anon = "anonymous = true\nalias = \"A bank\"\n"
		}
		files["content/cases/"+slug+".md"] = fmt.Sprintf(`+++
title = "Case %s"
summary = "Summary"
client = %s
%sindustry = "banking"
project_types = ["contract-archive"]
date = 2024-05-10
[scale]
employees = 100
[reference]
visit = true
contact = %s
support = %s
notes = %s
+++
Body of the case.
`, slug, client, anon, q(mark("contact")), q(mark("support")), q(mark("notes")))
	}
	for p, data := range files {
		path := filepath.Join(site, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, "-s", site, "-o", out)
	tree := readTree(t, out)
	if len(tree) < 8 {
		t.Fatalf("only %d files built", len(tree))
	}
	for p, data := range tree {
		lower := strings.ToLower(p + "\n" + string(data))
		for _, m := range markers {
			j, _ := json.Marshal(m)
			for _, form := range []string{m, html.EscapeString(m), string(j), url.QueryEscape(m), "zq"} {
				if form == "zq" {
					// The unique prefix alone must not appear either.
					form = strings.SplitN(m, " ", 2)[0]
				}
				if strings.Contains(lower, strings.ToLower(form)) {
					t.Errorf("%s contains private marker %q (as %q)", p, m, form)
				}
			}
		}
	}
}

// TestSampleSitePassesNuChecker validates every page of the built sample
// library with the W3C Nu HTML checker (installed by .ci/setup).
func TestSampleSitePassesNuChecker(t *testing.T) {
	jar := nuChecker(t)
	out := t.TempDir()
	buildSite(t, "-s", "../..", "-o", out, "--drafts")
	cmd := exec.Command("java", "-jar", jar, "--errors-only", "--skip-non-html", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Nu HTML checker found errors:\n%s", msg)
	}
}

// nuChecker finds the W3C Nu HTML checker's jar (VNU_JAR, else npm's global
// vnu-jar): skipped locally when it or java is missing, a failure in CI.
func nuChecker(t *testing.T) string {
	t.Helper()
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		if root, err := exec.Command("npm", "root", "-g").Output(); err == nil {
			jar = filepath.Join(strings.TrimSpace(string(root)), "vnu-jar", "build", "dist", "vnu.jar")
		}
	}
	_, javaErr := exec.LookPath("java")
	if _, err := os.Stat(jar); err != nil || javaErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Nu HTML checker must run in CI: java %v, vnu.jar %q: %v (run .ci/setup)", javaErr, jar, err)
		}
		t.Skip("java or vnu.jar missing; run .ci/setup")
	}
	return jar
}
