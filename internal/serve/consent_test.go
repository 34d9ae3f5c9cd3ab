package serve

import (
	"strings"
	"testing"
	"time"
)

// TestServeConsent checks that the dev server applies the publication rule
// at its date, and that withdrawing a consent while it runs takes the case
// off every page.
func TestServeConsent(t *testing.T) {
	files := baseSite()
	files["content/cases/alpha.md"] = strings.Replace(caseFile("Alpha archive", "banking", "Alpha body text."), "+++\n\n",
		"[consent]\npublic = true\nexpires = 2027-03-01\n+++\n\n", 1)
	dir := writeSite(t, files)
	opts := func(date string) Options {
		d, _ := time.Parse(time.DateOnly, date)
		return Options{Date: d, Debounce: 30 * time.Millisecond, IndexDelay: 90 * time.Millisecond}
	}
	if resp, _ := startWith(t, dir, opts("2027-03-01")).get("/refs/cases/alpha/", ""); resp.StatusCode != 404 {
		t.Errorf("expired consent: %s, want 404", resp.Status)
	}
	ts := startWith(t, dir, opts("2027-02-28"))
	if resp, _ := ts.get("/refs/cases/alpha/", ""); resp.StatusCode != 200 {
		t.Fatalf("valid consent: %s", resp.Status)
	}
	ev := ts.events()
	write(t, dir, "content/cases/alpha.md", strings.Replace(files["content/cases/alpha.md"], "public = true", "public = false", 1))
	ts.waitPage(ev, "/refs/", func(page string) bool { return !strings.Contains(page, "Alpha archive") })
	if resp, _ := ts.get("/refs/cases/alpha/", ""); resp.StatusCode != 404 {
		t.Errorf("withdrawn consent: %s, want 404", resp.Status)
	}
	for _, p := range []string{"/refs/cases/gamma/", "/refs/industries/banking/", "/refs/sitemap.xml"} {
		if _, page := ts.get(p, ""); strings.Contains(page, "alpha") || strings.Contains(page, "Alpha") {
			t.Errorf("%s still shows the withdrawn case", p)
		}
	}
}
