package cli

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// requireTool finds an external judge of the site's quality: skipped
// locally when missing, a failure in CI (where .ci/setup installs it).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s must run in CI: %v (run .ci/setup)", name, err)
		}
		t.Skipf("%s not installed; run .ci/setup", name)
	}
	return path
}

// lighthousePages are the pages of the sample library that Lighthouse
// scores: the home page, search URLs with English and Japanese queries, a
// listing and case pages in English, Japanese, Russian and German.
var lighthousePages = []string{"", "?q=contract", "?q=" + url.QueryEscape("契約書"), "industries/banking/",
	"cases/northwind-bank/", "cases/kansai-life/", "cases/yauza-bank/", "cases/stadtwerke-hohenfurt/"}

// TestSampleSiteLighthouse scores pages of the built sample library with
// Lighthouse in its default mode, which emulates a phone on a slow network
// with a slow CPU: performance at least 0.95; accessibility, best practices
// and SEO 1. The performance score depends on how busy the machine is, so a
// page that falls short is measured again, up to three times in all.
func TestSampleSiteLighthouse(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	lighthouse := requireTool(t, "lighthouse")
	chromium := requireTool(t, "chromium")
	out := t.TempDir()
	buildSite(t, "-s", "../..", "-o", out)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(out))}
	go srv.Serve(ln)
	defer srv.Close()

	for _, page := range lighthousePages {
		t.Run("/"+page, func(t *testing.T) {
			var r lighthouseReport
			for try := 1; ; try++ {
				r = runLighthouse(t, lighthouse, chromium, "http://"+ln.Addr().String()+"/"+page)
				t.Logf("performance %.2f (CLS %.3f, LCP %.0f ms, TBT %.0f ms)", r.score("performance"),
					r.Audits["cumulative-layout-shift"].NumericValue, r.Audits["largest-contentful-paint"].NumericValue,
					r.Audits["total-blocking-time"].NumericValue)
				if r.score("performance") >= 0.95 || try == 3 {
					break
				}
			}
			if s := r.score("performance"); s < 0.95 {
				t.Errorf("performance score %.2f < 0.95; %s", s, r.below())
			}
			for _, cat := range []string{"accessibility", "best-practices", "seo"} {
				if s := r.score(cat); s < 1 {
					t.Errorf("%s score %.2f < 1; %s", cat, s, r.below())
				}
			}
		})
	}
}

type lighthouseReport struct {
	Categories map[string]struct {
		Score float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		DisplayValue string   `json:"displayValue"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
}

func (r *lighthouseReport) score(cat string) float64 { return r.Categories[cat].Score }

// below lists the audits that scored under 1.
func (r *lighthouseReport) below() string {
	var failing []string
	for id, a := range r.Audits {
		if a.Score != nil && *a.Score < 1 {
			failing = append(failing, fmt.Sprintf("%s: %s %s (%.2f)", id, a.Title, a.DisplayValue, *a.Score))
		}
	}
	slices.Sort(failing)
	return "audits below 1:\n" + strings.Join(failing, "\n")
}

// runLighthouse scores one URL in Lighthouse's default (mobile) mode.
func runLighthouse(t *testing.T, lighthouse, chromium, url string) lighthouseReport {
	t.Helper()
	report := filepath.Join(t.TempDir(), "lh.json")
	cmd := exec.Command(lighthouse, url,
		"--quiet", "--output=json", "--output-path="+report,
		"--only-categories=performance,accessibility,best-practices,seo",
		"--skip-audits=screenshot-thumbnails,final-screenshot,full-page-screenshot",
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lighthouse: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r lighthouseReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}
