package cli

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
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

// TestSampleSiteLighthouse scores pages of the built sample library with
// Lighthouse in headless Chromium: accessibility, best practices and SEO must
// each be at least 0.95.
func TestSampleSiteLighthouse(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	lighthouse := requireTool(t, "lighthouse")
	chromium := requireTool(t, "chromium")
	out := t.TempDir()
	build(t, "-s", "../..", "-o", out)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(out))}
	go srv.Serve(ln)
	defer srv.Close()

	for _, page := range []string{"", "cases/kansai-life/", "cases/yauza-bank/", "cases/stadtwerke-hohenfurt/", "industries/banking/", "page/2/"} {
		t.Run("/"+page, func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "lh.json")
			cmd := exec.Command(lighthouse, "http://"+ln.Addr().String()+"/"+page,
				"--quiet", "--output=json", "--output-path="+report,
				"--only-categories=accessibility,best-practices,seo",
				"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("lighthouse: %v\n%s", err, msg)
			}
			data, err := os.ReadFile(report)
			if err != nil {
				t.Fatal(err)
			}
			var r struct {
				Categories map[string]struct {
					Score float64 `json:"score"`
				} `json:"categories"`
				Audits map[string]struct {
					Title string   `json:"title"`
					Score *float64 `json:"score"`
				} `json:"audits"`
			}
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			for _, cat := range []string{"accessibility", "best-practices", "seo"} {
				if s := r.Categories[cat].Score; s < 0.95 {
					var failing []string
					for id, a := range r.Audits {
						if a.Score != nil && *a.Score < 1 {
							failing = append(failing, id+": "+a.Title)
						}
					}
					t.Errorf("%s score %.2f < 0.95; audits below 1: %s", cat, s, strings.Join(failing, "; "))
				}
			}
		})
	}
}
