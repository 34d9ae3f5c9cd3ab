package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/templates"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

func TestGolden(t *testing.T) {
	lib, bodies := testLibrary(t)
	out := render(t, lib, bodies, false)
	for _, tc := range []struct{ file, golden string }{
		{"cases/northwind-bank/index.html", "case-en.html"},
		{"cases/kansai-life/index.html", "case-ja.html"},
		{"cases/volga-retail/index.html", "case-ru-anonymous.html"},
		{"cases/stadtwerke-lindenau/index.html", "case-de.html"},
		{"index.html", "home.html"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			got, ok := out.Files[tc.file]
			if !ok {
				t.Fatalf("no %s in output", tc.file)
			}
			path := filepath.Join("testdata", "golden", tc.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", tc.file, path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return ""
}

// TestPrivateNeverPublished plants unique markers in every Reference field
// and in an anonymous case's client: none may reach any output file, path or
// copied file name, escaped or not.
func TestPrivateNeverPublished(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		lib, bodies := testLibrary(t)
		out := render(t, lib, bodies, drafts)
		for path, data := range out.Files {
			for _, s := range secrets {
				for _, form := range []string{s, html.EscapeString(s), jsonString(s)} {
					if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(form))) {
						t.Errorf("%s contains the private value %q", path, s)
					}
				}
				if strings.Contains(path, s) {
					t.Errorf("output path %s contains %q", path, s)
				}
			}
		}
		for dst, src := range out.Copies {
			for _, s := range secrets {
				if strings.Contains(dst+src, s) {
					t.Errorf("copy %s <- %s contains %q", dst, src, s)
				}
			}
		}
	}
	// The alias stands in for the anonymous client everywhere the name shows.
	lib, bodies := testLibrary(t)
	out := render(t, lib, bodies, false)
	for _, f := range []string{"index.html", "cases/volga-retail/index.html", "industries/retail/index.html"} {
		if !bytes.Contains(out.Files[f], []byte("Крупный российский ритейлер")) {
			t.Errorf("%s does not show the anonymous case's alias", f)
		}
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func TestDeterministic(t *testing.T) {
	lib, bodies := generated(t, 300)
	a := render(t, lib, bodies, false)
	b := render(t, lib, bodies, false)
	if !maps.EqualFunc(a.Files, b.Files, bytes.Equal) {
		for k, v := range a.Files {
			if !bytes.Equal(v, b.Files[k]) {
				t.Errorf("%s differs between two renders", k)
			}
		}
	}
	if !maps.Equal(a.Copies, b.Copies) {
		t.Error("copies differ between two renders")
	}
}

func TestPagination(t *testing.T) {
	const size = 3
	for _, n := range []int{0, 1, size, size + 1, 2*size + 1} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			lib, bodies := generated(t, n)
			lib.Site.PageSize = size
			for _, c := range lib.Cases {
				c.Industry = "banking" // every case in one listing, paginated like the home page
			}
			out := render(t, lib, bodies, false)
			pages := max(1, (n+size-1)/size)
			for _, root := range []string{"", "industries/banking/"} {
				if n == 0 && root != "" {
					if _, ok := out.Files[root+"index.html"]; ok {
						t.Errorf("%sindex.html exists for an industry without cases", root)
					}
					continue
				}
				if _, ok := out.Files[root+"page/1/index.html"]; ok {
					t.Errorf("%spage/1/ exists: page 1 belongs at the listing's root", root)
				}
				seen := 0
				for p := 1; p <= pages+1; p++ {
					file := root + "index.html"
					if p > 1 {
						file = fmt.Sprintf("%spage/%d/index.html", root, p)
					}
					data, ok := out.Files[file]
					if p > pages {
						if ok {
							t.Errorf("%s exists beyond the last page %d", file, pages)
						}
						continue
					}
					if !ok {
						t.Fatalf("%s missing", file)
					}
					s := string(data)
					cards := strings.Count(s, `<article class="card">`)
					seen += cards
					if want := min(size, n-(p-1)*size); n > 0 && cards != want {
						t.Errorf("%s has %d cards, want %d", file, cards, want)
					}
					hasPager := strings.Contains(s, `class="pagination"`)
					if hasPager != (pages > 1) {
						t.Errorf("%s: pagination shown = %v with %d pages", file, hasPager, pages)
					}
					if pages > 1 && !strings.Contains(s, fmt.Sprintf("Page %d of %d", p, pages)) {
						t.Errorf("%s lacks %q", file, fmt.Sprintf("Page %d of %d", p, pages))
					}
					if hasPrev := strings.Contains(s, `rel="prev"`); hasPrev != (p > 1) {
						t.Errorf("%s: prev link = %v", file, hasPrev)
					}
					if hasNext := strings.Contains(s, `rel="next"`); hasNext != (p < pages) {
						t.Errorf("%s: next link = %v", file, hasNext)
					}
				}
				if seen != n {
					t.Errorf("%s listings show %d cards in all, want %d", root, seen, n)
				}
			}
			if n == 0 && !strings.Contains(string(out.Files["index.html"]), "No case studies have been published yet.") {
				t.Error("empty home page does not say so")
			}
		})
	}
}

var linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// TestLinks checks that every internal link honours the base path and
// points at a file of the output.
func TestLinks(t *testing.T) {
	lib, bodies := generated(t, 60)
	more, moreBodies := testLibrary(t)
	lib.Cases = append(lib.Cases, more.Cases...)
	maps.Copy(bodies, moreBodies)
	out := render(t, lib, bodies, false)
	for path, data := range out.Files {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(data), -1) {
			href := html.UnescapeString(m[1])
			switch {
			case strings.HasPrefix(href, "https://"), strings.HasPrefix(href, "#"):
				continue
			case !strings.HasPrefix(href, "/refs/"):
				if !strings.HasPrefix(path, "cases/") || strings.HasPrefix(href, "/") {
					t.Errorf("%s: link %q does not start with the base path /refs/", path, href)
					continue
				}
				href = "/refs/" + path[:strings.LastIndex(path, "/")+1] + href // relative link in a body
			}
			target := strings.TrimPrefix(href, "/refs/")
			target, _, _ = strings.Cut(target, "#")
			target, _, _ = strings.Cut(target, "?")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			_, file := out.Files[target]
			_, copied := out.Copies[target]
			index := strings.HasPrefix(target, "search/") // written after the pages, by internal/search
			if !file && !copied && !index {
				t.Errorf("%s: link %q points at nothing (%s)", path, href, target)
			}
		}
	}
	for _, f := range []string{"sitemap.xml", "feed.xml", "robots.txt"} {
		if bytes.Contains(out.Files[f], []byte("https://refs.example.com/cases/")) {
			t.Errorf("%s has an absolute URL without the base path", f)
		}
	}
}

func TestJSONLDEscaping(t *testing.T) {
	lib, bodies := testLibrary(t)
	evil := `Archive </script><script>alert(1)</script> & "quotes" <!--`
	lib.Cases[0].Title = evil
	lib.Cases[0].Summary = "</SCRIPT> in the summary"
	out := render(t, lib, bodies, false)
	page := string(out.Files["cases/northwind-bank/index.html"])
	if strings.Contains(strings.ToLower(page), "<script>alert") {
		t.Fatal("the title broke out of its context")
	}
	const open = `<script type="application/ld+json">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatal("no JSON-LD")
	}
	rest := page[i+len(open):]
	end := strings.Index(strings.ToLower(rest), "</script")
	var ld map[string]any
	if err := json.Unmarshal([]byte(rest[:end]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, rest[:end])
	}
	if ld["headline"] != evil || ld["description"] != "</SCRIPT> in the summary" {
		t.Errorf("JSON-LD headline = %q, description = %q", ld["headline"], ld["description"])
	}
	if strings.Count(strings.ToLower(page), "</script") != 1 {
		t.Errorf("page has %d </script, want the JSON-LD's own only", strings.Count(strings.ToLower(page), "</script"))
	}
	var feed atomFeed
	if err := xml.Unmarshal(out.Files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Entries[0].Title != evil {
		t.Errorf("feed title = %q, want %q", feed.Entries[0].Title, evil)
	}
}

func TestFeedAndSitemap(t *testing.T) {
	lib, bodies := generated(t, 30)
	lib.Cases[0].Draft = true // the newest; shown as a draft, never in the feed or sitemap
	out := render(t, lib, bodies, true)

	var feed atomFeed
	if err := xml.Unmarshal(out.Files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != feedSize {
		t.Fatalf("feed has %d entries, want %d", len(feed.Entries), feedSize)
	}
	cases := slices.Clone(lib.Cases)
	slices.SortStableFunc(cases, func(a, b *content.Case) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	var published []*content.Case
	for _, c := range cases {
		if !c.Draft {
			published = append(published, c)
		}
	}
	if want := atomDate(published[0].Date); feed.Updated != want {
		t.Errorf("feed updated = %s, want the newest case's date %s", feed.Updated, want)
	}
	for i, e := range feed.Entries {
		c := published[i]
		if e.ID != "https://refs.example.com/refs/cases/"+c.Slug+"/" || e.Title != c.Title || e.Summary != c.Summary || e.Published != atomDate(c.Date) {
			t.Errorf("entry %d = %+v, want case %s", i, e, c.Slug)
		}
	}

	var sm urlset
	if err := xml.Unmarshal(out.Files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://refs.example.com/refs/") {
			t.Errorf("sitemap URL %s is not under base_url", u.Loc)
		}
		locs[u.Loc] = u.LastMod
	}
	if len(locs) != len(sm.URLs) {
		t.Error("sitemap lists a URL twice")
	}
	for path := range out.Files {
		if !strings.HasSuffix(path, "index.html") {
			continue
		}
		loc := "https://refs.example.com/refs/" + strings.TrimSuffix(path, "index.html")
		_, listed := locs[loc]
		if draft := path == "cases/"+lib.Cases[0].Slug+"/index.html"; listed == draft {
			t.Errorf("%s: in sitemap = %v", path, listed)
		}
	}
	if got, want := locs["https://refs.example.com/refs/cases/"+published[0].Slug+"/"], published[0].Date.Format("2006-01-02"); got != want {
		t.Errorf("lastmod = %s, want %s", got, want)
	}
	if !bytes.Contains(out.Files["robots.txt"], []byte("Sitemap: https://refs.example.com/refs/sitemap.xml\n")) {
		t.Errorf("robots.txt = %s", out.Files["robots.txt"])
	}
	draft := string(out.Files["cases/"+lib.Cases[0].Slug+"/index.html"])
	if !strings.Contains(draft, `class="badge badge-draft"`) || !strings.Contains(draft, `<meta name="robots" content="noindex">`) {
		t.Error("a draft is not marked as one")
	}
}

func TestCasePage(t *testing.T) {
	lib, bodies := testLibrary(t)
	out := render(t, lib, bodies, false)
	ja := string(out.Files["cases/kansai-life/index.html"])
	en := string(out.Files["cases/kansai-life-en/index.html"])
	ru := string(out.Files["cases/volga-retail/index.html"])
	nw := string(out.Files["cases/northwind-bank/index.html"])
	de := string(out.Files["cases/stadtwerke-lindenau/index.html"])
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"ja", ja, []string{`<html lang="ja">`, "2024年3月1日", "8,000,000", "従業員数", "保険",
			`<a href="/refs/cases/kansai-life-en/" hreflang="en" lang="en">English</a>`, `<meta property="og:locale" content="ja_JP">`}},
		{"translation back", en, []string{`<html lang="en">`, `<a href="/refs/cases/kansai-life/" hreflang="ja" lang="ja">日本語</a>`,
			`<link rel="alternate" hreflang="ja" href="https://refs.example.com/refs/cases/kansai-life/">`}},
		{"ru", ru, []string{`<html lang="ru">`, "20 ноября 2023\u00a0г.", "60\u00a0000", "Пилот", "Крупный российский ритейлер", "<figure class=\"quote\">"}},
		{"de", de, []string{`<html lang="de">`, `<meta property="og:locale" content="de_DE">`, "10. Mai 2024", "1. März 2023",
			"1.200.000", "1.200", "In Einführung", "Energieversorgung", "Vertragsarchiv", "Mitarbeitende", "Auf einen Blick"}},
		{"en", nw, []string{"10 May 2024", "1 June 2021", "40,000,000", "12,000", "Time to find a contract", `class="toc`,
			`<a href="#the-challenge">The challenge</a>`, `<link rel="canonical" href="https://refs.example.com/refs/cases/northwind-bank/">`,
			`<meta name="description" content="Northwind moved 40 million paper contracts into one searchable archive.">`}},
	} {
		for _, w := range tc.want {
			if !strings.Contains(tc.page, w) {
				t.Errorf("%s page lacks %q", tc.name, w)
			}
		}
	}
	if strings.Contains(ru, "Translations") || strings.Contains(ru, "hreflang") {
		t.Error("a case without translations links to some")
	}
	if strings.Contains(ja, `class="panel toc"`) {
		t.Error("a body with fewer than three headings has a table of contents")
	}
	if got := out.Copies["cases/kansai-life/diagram.png"]; got != "content/cases/kansai-life/diagram.png" {
		t.Errorf("bundle copy = %q", got)
	}
	css := out.Files["assets/style.css"]
	if !bytes.HasSuffix(css, []byte(codeCSS)) {
		t.Error("style.css does not end with the code stylesheet")
	}
	home := string(out.Files["index.html"])
	if !strings.Contains(home, `href="/refs/assets/style.css?v=`) || !strings.Contains(home, "10,000–100,000 employees") {
		t.Error("home page lacks the stylesheet link or a size band")
	}
}

func TestOverride(t *testing.T) {
	lib, bodies := testLibrary(t)
	site := fstest.MapFS{
		"partials/card.html": {Data: []byte(`{{define "card"}}<p class="my-card">{{.Title}}</p>{{end}}`)},
		"partials/toc.html":  {Data: []byte(`{{define "toc-item"}}<li data-level="{{.Level}}">{{.Text}}</li>{{end}}`)},
		"partials/term.html": {Data: []byte(`{{define "term-link"}}<a class="my-term" href="{{.URL}}">{{.Label}}</a>{{end}}`)},
		"i18n/ru.toml":       {Data: []byte("[site]\nskip_link = \"К тексту\"\n")},
	}
	out, err := renderIn(Input{Lib: lib, Bodies: bodies, Theme: Overlay(templates.FS, site)})
	if err != nil {
		t.Fatal(err)
	}
	home := string(out.Files["index.html"])
	if !strings.Contains(home, `<p class="my-card">Contract archive for 40 million documents</p>`) || strings.Contains(home, `class="card"`) {
		t.Error("the site's card partial did not replace the built-in one")
	}
	page := string(out.Files["cases/northwind-bank/index.html"])
	if !strings.Contains(page, `<li data-level="3">Migration</li>`) || strings.Contains(page, `class="toc-l`) {
		t.Error("the site's toc-item partial did not replace the built-in one")
	}
	if strings.Count(page, `<a class="my-term" href="/refs/industries/banking/">`) != 2 {
		t.Error("the site's term-link partial did not render the industry in the eyebrow and the facts")
	}
	ru := string(out.Files["cases/volga-retail/index.html"])
	if !strings.Contains(ru, "К тексту") || !strings.Contains(ru, ">Все кейсы</a>") {
		t.Error("a partial i18n file did not override its key and keep the built-in Russian for the others")
	}
}

// TestOverrideOnlySite: a site's own i18n file changes the site's UI
// strings, not the packs' or the report's.
func TestOverrideOnlySite(t *testing.T) {
	lib, bodies := testLibrary(t)
	for file, want := range map[string]string{
		"[site]\nskip_link = \"x\"\n[pack]\ndoc_title = \"x\"\n": "theme: i18n/de.toml: [pack]: a site's own file may change only [site]",
		"skip_link = [\"x\"]\n":                                  "theme: i18n/de.toml: skip_link: want a string or a table of plural forms",
		"[case_count]\nsome = \"x\"\n":                           "theme: i18n/de.toml: case_count.some: want a string for a CLDR plural category (zero, one, two, few, many, other)",
	} {
		site := fstest.MapFS{"i18n/de.toml": {Data: []byte(file)}}
		_, err := renderIn(Input{Lib: lib, Bodies: bodies, Theme: Overlay(templates.FS, site)})
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", file, err, want)
		}
	}
}

// TestOverrideFlat: a site's own i18n file written before the catalogues,
// with its keys at the top, still overrides the site's strings.
func TestOverrideFlat(t *testing.T) {
	lib, bodies := testLibrary(t)
	site := fstest.MapFS{"i18n/ru.toml": {Data: []byte("skip_link = \"К тексту\"\n[case_count]\none = \"{n} кейс\"\nfew = \"{n} кейса\"\nmany = \"{n} кейсов\"\nother = \"{n} кейса\"\n")}}
	out, err := renderIn(Input{Lib: lib, Bodies: bodies, Theme: Overlay(templates.FS, site)})
	if err != nil {
		t.Fatal(err)
	}
	if ru := string(out.Files["cases/volga-retail/index.html"]); !strings.Contains(ru, "К тексту") {
		t.Error("a flat i18n file did not override its key")
	}
}

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{"a.html": {Data: []byte("base a")}, "p/x.html": {Data: []byte("base x")}, "p/y.html": {Data: []byte("base y")}}
	top := fstest.MapFS{"p/y.html": {Data: []byte("top y")}, "p/z.html": {Data: []byte("top z")}}
	o := Overlay(base, top)
	if err := fstest.TestFS(o, "a.html", "p/x.html", "p/y.html", "p/z.html"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.html": "base a", "p/x.html": "base x", "p/y.html": "top y", "p/z.html": "top z"} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if Overlay(base, nil) == nil {
		t.Error("Overlay(base, nil) is nil")
	}
}

func TestFormats(t *testing.T) {
	langs, err := loadLangs(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	d := day("2024-05-10")
	for _, tc := range []struct {
		lang, date, num string
		counts          map[int]string
	}{
		{"en", "10 May 2024", "40,000,000", map[int]string{1: "1 case study", 2: "2 case studies", 1000: "1,000 case studies"}},
		{"ja", "2024年5月10日", "40,000,000", map[int]string{1: "1 件の導入事例", 12: "12 件の導入事例"}},
		{"ru", "10 мая 2024\u00a0г.", "40\u00a0000\u00a0000", map[int]string{1: "1 кейс", 3: "3 кейса", 5: "5 кейсов", 11: "11 кейсов", 21: "21 кейс", 112: "112 кейсов"}},
		{"de", "10. Mai 2024", "40.000.000", map[int]string{0: "0 Fallstudien", 1: "1 Fallstudie", 2: "2 Fallstudien", 21: "21 Fallstudien", 1000: "1.000 Fallstudien"}},
	} {
		l := langs[tc.lang]
		if got := l.date(d); got != tc.date {
			t.Errorf("%s date = %q, want %q", tc.lang, got, tc.date)
		}
		if got := l.number(40000000); got != tc.num {
			t.Errorf("%s number = %q, want %q", tc.lang, got, tc.num)
		}
		for n, want := range tc.counts {
			if got := l.count("case_count", n); got != want {
				t.Errorf("%s count(%d) = %q, want %q", tc.lang, n, got, want)
			}
		}
	}
	if got := langs["en"].number(999); got != "999" {
		t.Errorf("number(999) = %q", got)
	}
}

func BenchmarkRender10k(b *testing.B) {
	lib, bodies := generated(b, 10000)
	in := Input{Lib: lib, Bodies: bodies, Theme: templates.FS, CodeCSS: []byte(codeCSS)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderIn(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPager checks that the page numbers stay few however many pages there
// are: the first, the last, and two either side of the current one.
func TestPager(t *testing.T) {
	lib, bodies := testLibrary(t)
	r, err := newRenderer(Input{Lib: lib, Bodies: bodies, Theme: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n, pages int
		want     string
	}{
		{1, 2, "[1] 2"},
		{1, 40, "[1] 2 3 … 40"},
		{4, 40, "1 2 3 [4] 5 6 … 40"},
		{7, 40, "1 … 5 6 [7] 8 9 … 40"},
		{40, 40, "1 … 38 39 [40]"},
	} {
		p := r.pager(r.siteLang(), "industries/banking/", tc.n, tc.pages, "")
		var got []string
		for _, it := range p.Items {
			switch {
			case it.Gap:
				got = append(got, "…")
			case it.Current:
				got = append(got, "["+it.Number+"]")
			default:
				got = append(got, it.Number)
			}
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("page %d of %d: %s, want %s", tc.n, tc.pages, s, tc.want)
		}
		if tc.n == 1 && p.Prev != "" || tc.n > 1 && p.Prev != fmt.Sprintf("/refs/industries/banking/%s", pageRel("", tc.n-1)) {
			t.Errorf("page %d: prev = %q", tc.n, p.Prev)
		}
	}
}
