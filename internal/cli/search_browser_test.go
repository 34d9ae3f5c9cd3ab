package cli

import (
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/content"
)

var (
	reResultLink  = regexp.MustCompile(`<a [^>]*data-result[^>]*href="([^"]*)"`)
	reResultCount = regexp.MustCompile(`data-result-count[^>]*>([^<]*)<`)
	reNoResults   = regexp.MustCompile(`<div [^>]*data-no-results[^>]*>`)
)

// searchPage is what a real Chromium shows for one search URL.
type searchPage struct {
	count int
	links []string // href of every [data-result], in order
	help  bool     // the "no results" help is visible
}

// TestSearchInChromium builds the sample library under a base_url with a
// path, serves it on 127.0.0.1 and opens search URLs in headless Chromium
// (--dump-dom after the page's scripts ran), checking what README, "Search",
// promises: results, counts, stemming, typos, prefixes, facets and privacy.
func TestSearchInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	chromium := requireTool(t, "chromium")
	base, lib := serveSearchSite(t)

	open := func(t *testing.T, query string) searchPage {
		t.Helper()
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+t.TempDir(), "--virtual-time-budget=10000", "--dump-dom", base+query)
		dom, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium %s: %v", query, err)
		}
		var p searchPage
		m := reResultCount.FindSubmatch(dom)
		if m == nil {
			t.Fatalf("%s: no [data-result-count] in the page", query)
		}
		if p.count, err = strconv.Atoi(strings.TrimSpace(string(m[1]))); err != nil {
			t.Fatalf("%s: result count %q: %v", query, m[1], err)
		}
		for _, m := range reResultLink.FindAllSubmatch(dom, -1) {
			p.links = append(p.links, string(m[1]))
		}
		if h := reNoResults.Find(dom); h != nil {
			p.help = !strings.Contains(string(h), "hidden")
		}
		return p
	}
	slugs := func(t *testing.T, p searchPage) []string {
		t.Helper()
		var s []string
		for _, l := range p.links {
			slug, ok := strings.CutPrefix(l, "/refs/cases/")
			if !ok || !strings.HasSuffix(slug, "/") {
				t.Errorf("result link %q does not honour the base path /refs/", l)
			}
			s = append(s, strings.TrimSuffix(slug, "/"))
		}
		if len(s) != min(p.count, 20) {
			t.Errorf("%d results shown for a count of %d", len(s), p.count)
		}
		return s
	}
	q := func(s string) string { return "?q=" + url.QueryEscape(s) }

	for _, c := range []struct {
		name, query string
		first       string   // the best hit
		has         []string // hits that must be there
	}{
		{"english", q("contract archive"), "northwind-bank", nil},
		{"japanese", q("契約書"), "", []string{"echizen-shinkin"}},
		{"russian", q("архив договоров"), "", []string{"northwind-bank-ru"}},
		{"plural finds singular", q("warehouses"), "northwind-bank", nil},
		{"russian plural", q("договоры"), "", []string{"northwind-bank-ru"}},
		{"typo", q("migraton"), "northwind-bank", nil},
		{"prefix", q("polic"), "", []string{"european-insurer-inbound-mail"}},
		{"public alias", q("European insurer"), "european-insurer-inbound-mail", nil},
		// "Verträgen" reaches "Verträge" by the German stem only.
		{"german stem", q("Verträgen"), "", []string{"stadtwerke-hohenfurt"}},
		{"german umlaut prefix", q("Löschprot"), "", []string{"stadtwerke-hohenfurt"}},
		// "Stellen" is in the insurer's page only inside "Eingangsstellen";
		// not the last word, so no prefix match either.
		{"german compound part", q("Stellen Versicherer"), "versicherer-posteingang", nil},
		{"german compound tail", q("Archiv"), "", []string{"stadtwerke-hohenfurt", "northwind-bank"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := open(t, c.query)
			got := slugs(t, p)
			if p.count == 0 {
				t.Fatalf("%s: no results", c.query)
			}
			if c.first != "" && got[0] != c.first {
				t.Errorf("%s: first result %s, want %s (all: %v)", c.query, got[0], c.first, got)
			}
			for _, s := range c.has {
				if !slices.Contains(got, s) {
					t.Errorf("%s: %s missing from %v", c.query, s, got)
				}
			}
			if p.help {
				t.Errorf("%s: the no-results help is shown", c.query)
			}
		})
	}

	t.Run("no results", func(t *testing.T) {
		p := open(t, q("xylophonequartz"))
		if p.count != 0 || len(p.links) != 0 || !p.help {
			t.Errorf("count %d, %d links, help shown %v; want 0, 0, true", p.count, len(p.links), p.help)
		}
	})

	t.Run("anonymous client's name finds nothing", func(t *testing.T) {
		for _, c := range lib.Cases {
			if !c.Anonymous {
				continue
			}
			if p := open(t, q(c.Client)); p.count != 0 {
				t.Errorf("searching the private name %q found %d cases: %v", c.Client, p.count, p.links)
			}
		}
	})

	// Facets: OR within industry, AND with region; the state comes from the
	// URL on load.
	want := func(q []string) []string {
		var s []string
		for _, c := range lib.Cases {
			if !c.Draft && slices.Contains([]string{"banking", "insurance"}, c.Industry) && c.Region == "europe" &&
				(q == nil || slices.Contains(q, c.Slug)) {
				s = append(s, c.Slug)
			}
		}
		slices.Sort(s)
		return s
	}
	t.Run("facets", func(t *testing.T) {
		p := open(t, "?industry=banking&industry=insurance&region=europe")
		got := slices.Sorted(slices.Values(slugs(t, p)))
		if w := want(nil); !slices.Equal(got, w) || len(w) < 2 {
			t.Errorf("banking or insurance, in europe: %v, want %v", got, w)
		}
	})
	t.Run("query and facets", func(t *testing.T) {
		all := slugs(t, open(t, q("archive")))
		p := open(t, q("archive")+"&industry=banking&industry=insurance&region=europe")
		got := slices.Sorted(slices.Values(slugs(t, p)))
		if w := want(all); !slices.Equal(got, w) || len(w) == 0 {
			t.Errorf("archive, banking or insurance, in europe: %v, want %v", got, w)
		}
	})
}

// serveSearchSite builds the sample library with base_url
// https://refs.example.com/refs/ and serves it on 127.0.0.1; it returns the
// URL of the home page and the loaded library.
func serveSearchSite(t *testing.T) (string, *content.Library) {
	t.Helper()
	return serveSlowSearchSite(t, 0)
}

// serveSlowSearchSite is serveSearchSite with the search script and index
// files served delay later than asked for, as on a slow network, so that
// the browser paints the page before the script runs.
func serveSlowSearchSite(t *testing.T, delay time.Duration) (string, *content.Library) {
	t.Helper()
	site := t.TempDir()
	copyDir(t, "../../content", filepath.Join(site, "content"))
	toml := filepath.Join(site, "content", "site.toml")
	b, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), `base_url = "https://refs.example.com/"`, `base_url = "https://refs.example.com/refs/"`, 1))
	if err := os.WriteFile(toml, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	buildSite(t, "-s", site, "-o", out)
	lib, problems := content.Load(os.DirFS(site))
	if lib == nil {
		t.Fatal(problems)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	files := http.StripPrefix("/refs", http.FileServer(http.Dir(out)))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 && (strings.HasPrefix(r.URL.Path, "/refs/assets/search.js") || strings.HasPrefix(r.URL.Path, "/refs/search/")) {
			time.Sleep(delay)
		}
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/refs/", lib

}

// copyDir copies a directory tree of regular files.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
