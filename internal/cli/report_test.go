package cli

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/report"
)

var update = flag.Bool("update", false, "rewrite testdata/report.json from the current output")

// TestReportJSON is the golden JSON of the sample library's report on
// 2026-12-07 (go test ./internal/cli -run TestReportJSON -update rewrites it).
func TestReportJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"report", "-s", "../..", "--date", "2026-12-07", "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	golden := filepath.Join("testdata", "report.json")
	if *update {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("report --json differs from %s (run with -update after checking the change):\n%s", golden, stdout.String())
	}
}

// reportPages renders the sample library's report in every language.
func reportPages(t *testing.T) map[string][]byte {
	t.Helper()
	lib, problems := content.Load(os.DirFS("../.."))
	if lib == nil || hasErrors(problems) {
		t.Fatalf("sample library: %v", problems)
	}
	pages := map[string][]byte{}
	for _, lang := range config.Languages() {
		site := *lib.Site
		site.Language = lang
		l := *lib
		l.Site = &site
		pages[lang] = report.HTML(buildReport(&l, mustDate(t, "2026-12-07")), &site)
	}
	return pages
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := todayFrom(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReportHTMLIsSelfContained: no script, no external resource, the
// page's language set, the charts with text equivalents.
func TestReportHTMLIsSelfContained(t *testing.T) {
	for lang, page := range reportPages(t) {
		s := string(page)
		// "report." starts a key that the catalogue lacks.
		for _, bad := range []string{"<script", "http://", "https://", "@font-face", "@import", "<link", "<img", "url(", "report."} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: page contains %q", lang, bad)
			}
		}
		for _, want := range []string{`<html lang="` + lang + `">`, `<svg viewBox`, `role="img" aria-labelledby="months-title"`,
			`<title id="demand-title">`, `<table class="data months">`, "<figcaption>"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: page lacks %q", lang, want)
			}
		}
	}
	if ja := string(reportPages(t)["ja"]); !strings.Contains(ja, "リファレンスプログラムの概況") || !strings.Contains(ja, "2026年12月7日") {
		t.Error("ja: page is not in Japanese")
	}
}

// TestReportHTMLPassesNuChecker validates the page in every language.
func TestReportHTMLPassesNuChecker(t *testing.T) {
	jar := nuChecker(t)
	dir := t.TempDir()
	for lang, page := range reportPages(t) {
		if err := os.WriteFile(filepath.Join(dir, "report-"+lang+".html"), page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("java", "-jar", jar, "--errors-only", dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Nu HTML checker found errors:\n%s", msg)
	}
}

// TestReportHTMLRendersInChromium opens the page in headless Chromium: the
// parsed document keeps every chart, and a screenshot is painted.
func TestReportHTMLRendersInChromium(t *testing.T) {
	chromium := requireTool(t, "chromium")
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, reportPages(t)["ru"], 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"}
	dom, err := exec.Command(chromium, append(flags, "--dump-dom", "file://"+file)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	if n := strings.Count(string(dom), "<svg"); n != 3 {
		t.Errorf("rendered page has %d charts, want 3", n)
	}
	if !strings.Contains(string(dom), "Референс-программа: общая картина") {
		t.Error("rendered page lacks its Russian title")
	}
	png := filepath.Join(dir, "report.png")
	if out, err := exec.Command(chromium, append(flags, "--screenshot="+png, "--window-size=1280,2400", "file://"+file)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	b, err := os.ReadFile(png)
	if err != nil || len(b) < 20000 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("no screenshot painted (%d bytes, %v)", len(b), err)
	}
}

// TestReportWritesOnlyItsFile: the report writes the file asked for and
// nothing else, anywhere in the site.
func TestReportWritesOnlyItsFile(t *testing.T) {
	site := t.TempDir()
	copyDir(t, "../../content", filepath.Join(site, "content"))
	before := readTree(t, site)
	var stdout, stderr bytes.Buffer
	out := filepath.Join(site, "private", "report.html")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if code := Main([]string{"report", "-s", site, "--date", "2026-12-07", "--html", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	after := readTree(t, site)
	if len(after) != len(before)+1 || after["private/report.html"] == nil {
		var added []string
		for p := range after {
			if before[p] == nil {
				added = append(added, p)
			}
		}
		t.Errorf("report wrote %v, want only private/report.html", added)
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("report changed %s", p)
		}
	}
}
