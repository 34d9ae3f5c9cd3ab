// Package site renders the public reference site: the case pages, the
// paginated listings, the sitemap, the Atom feed and the theme's assets. It
// is a pure stage: a loaded library and rendered bodies in, a map of output
// paths to bytes out; only the publish stage writes files.
package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// Input is everything a site build renders from.
type Input struct {
	Lib     *content.Library           // cases to publish (the caller already removed drafts unless drafts are shown)
	Bodies  map[string]markdown.Result // rendered body by case slug
	Theme   fs.FS                      // theme files: built-in templates.FS overlaid by a site's own templates/ (same file names win)
	CodeCSS []byte                     // markdown.CSS()
	Drafts  bool                       // drafts are shown: mark them "Draft" visibly
	// Related maps a case's slug to up to 3 related case slugs, best first
	// (match.Related); shown on the case page. Optional.
	Related map[string][]string
	// Pages, when set, says which HTML pages to render by output path; the
	// assets, the sitemap, the feed and robots.txt are always rendered. The
	// dev server renders only the pages an edit touched.
	Pages func(path string) bool
}

// Output receives the rendered files, from many goroutines at once, as
// soon as each is rendered; data is only valid during the call. An error
// stops the rendering. publish.Writer is one.
type Output interface {
	File(path string, data []byte) error
}

// pageTemplates are the page templates of a theme. Each is parsed on top of
// base.html and partials/*.html and defines the template "main".
var pageTemplates = []string{"list.html", "case.html", "terms.html", "404.html"}

// feedSize is how many of the newest cases the Atom feed carries.
const feedSize = 20

// Render renders the public site into out. It returns the bundle files
// to publish beside the pages: output path -> source path relative to the
// site root.
func Render(in Input, out Output) (map[string]string, error) {
	r, err := newRenderer(in)
	if err != nil {
		return nil, err
	}
	r.want, r.emit = in.Pages, out.File
	copies := map[string]string{}
	if err := r.assets(); err != nil {
		return nil, err
	}
	if err := r.plan(); err != nil {
		return nil, err
	}
	if err := r.copies(copies); err != nil {
		return nil, err
	}
	if err := r.execute(); err != nil {
		return nil, err
	}
	sitemap, err := r.sitemapXML()
	if err != nil {
		return nil, err
	}
	feed, err := r.feedXML()
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		path string
		data []byte
	}{
		{"sitemap.xml", sitemap},
		{"feed.xml", feed},
		{"robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("sitemap.xml") + "\n")},
	} {
		if err := r.emit(f.path, f.data); err != nil {
			return nil, err
		}
	}
	return copies, nil
}

// renderer holds what is built once per Render and shared by every page.
type renderer struct {
	in    Input
	site  *config.Site
	langs map[string]*lang
	tmpl  map[string]*template.Template // page template -> parsed set, never executed
	sv    *siteView
	cases []*content.Case // newest first, then by slug
	cards []*cardView     // cards[i] shows cases[i] in the site language
	jobs  []job
	want  func(path string) bool // nil: every page
	emit  func(path string, data []byte) error
	urls  []sitemapURL
	// generated holds every path the renderer writes, wanted or not, so
	// that a bundle file cannot overwrite one.
	generated map[string]bool
	// cardsIn holds, per language other than the site's, the cards of the
	// cases shown as related on a case page in that language.
	cardsIn map[string][]*cardView

	groupOf []int         // case index -> its translation group
	groups  map[int][]int // translation group -> its cases
	bySlug  map[string]int
}

// job is one HTML page to render; its data is built by the worker that
// renders it, so that building views runs in parallel too.
type job struct {
	path string
	tmpl string // one of pageTemplates
	page func() (*page, error)
}

func newRenderer(in Input) (*renderer, error) {
	if in.Lib == nil || in.Lib.Site == nil || in.Lib.Site.BaseURL == nil {
		return nil, errors.New("site: no library or site settings to render")
	}
	if in.Theme == nil {
		return nil, errors.New("site: no theme")
	}
	r := &renderer{in: in, site: in.Lib.Site, tmpl: map[string]*template.Template{}, generated: map[string]bool{"sitemap.xml": true, "feed.xml": true, "robots.txt": true}}
	var err error
	if r.langs, err = loadLangs(in.Theme); err != nil {
		return nil, err
	}
	if _, ok := r.langs[r.site.Language]; !ok {
		return nil, fmt.Errorf("site: unsupported site language %q", r.site.Language)
	}
	shared, err := template.New("base.html").Option("missingkey=error").ParseFS(in.Theme, "base.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, name := range pageTemplates {
		t, err := shared.Clone()
		if err == nil {
			t, err = t.ParseFS(in.Theme, name)
		}
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		r.tmpl[name] = t
	}

	r.cases = slices.Clone(in.Lib.Cases)
	content.SortCases(r.cases)
	r.bySlug = make(map[string]int, len(r.cases))
	for i, c := range r.cases {
		if !config.ValidKey(c.Slug) {
			return nil, fmt.Errorf("site: %s: slug %q is not a valid path segment", c.Path, c.Slug)
		}
		r.bySlug[c.Slug] = i
	}
	title := r.site.Title
	desc := cmp.Or(r.site.Description, title)
	r.sv = &siteView{
		Lang:        r.site.Language,
		Title:       title,
		Description: desc,
		Home:        r.url(""),
		Feed:        r.url("feed.xml"),
		Icon:        r.url("assets/favicon.svg"),
	}
	r.sv.Search = r.searchView()
	return r, nil
}

// url returns the root-relative link to a site-relative path, honouring the
// path of base_url.
func (r *renderer) url(rel string) string { return r.site.BasePath() + rel }

func (r *renderer) abs(rel string) string { return r.site.AbsURL(rel) }

func (r *renderer) siteLang() *lang { return r.langs[r.site.Language] }

// caseLang is the language a case page is written in.
func (r *renderer) caseLang(c *content.Case) *lang {
	if l, ok := r.langs[c.Language]; ok {
		return l
	}
	return r.siteLang()
}

// assets copies the theme's assets/ to the output, with the code stylesheet
// appended to style.css.
func (r *renderer) assets() error {
	var css []byte
	err := fs.WalkDir(r.in.Theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(r.in.Theme, p)
		if err != nil {
			return err
		}
		if p == "assets/style.css" {
			data = append(append(data, '\n'), r.in.CodeCSS...)
			css = data
		}
		r.generated[p] = true
		return r.emit(p, data)
	})
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if css == nil {
		return errors.New("theme: assets/style.css is missing")
	}
	sum := sha256.Sum256(css)
	r.sv.CSS = r.url("assets/style.css") + "?v=" + hex.EncodeToString(sum[:6])
	return nil
}

// copies maps every bundle file to the case's page directory.
func (r *renderer) copies(out map[string]string) error {
	for _, c := range r.cases {
		if !c.Bundle {
			continue
		}
		dir := path.Dir(c.Path)
		for _, f := range c.BundleFiles {
			dst := "cases/" + c.Slug + "/" + f
			if !fs.ValidPath(f) {
				return fmt.Errorf("site: %s: bundle file %q is not a valid path", c.Path, f)
			}
			if r.generated[dst] {
				return fmt.Errorf("site: %s: bundle file %q would overwrite the generated %s", c.Path, f, dst)
			}
			out[dst] = dir + "/" + f
		}
	}
	return nil
}

// plan lists every HTML page to render, and the sitemap in the same order.
func (r *renderer) plan() error {
	l := r.siteLang()
	r.buildGroups()
	r.planCards()

	all := make([]int, len(r.cases))
	for i := range all {
		all[i] = i
	}
	industries, err := r.terms(&r.site.Industries, "industries/", func(c *content.Case) []string { return []string{c.Industry} })
	if err != nil {
		return err
	}
	projectTypes, err := r.terms(&r.site.ProjectTypes, "project-types/", func(c *content.Case) []string { return c.ProjectTypes })
	if err != nil {
		return err
	}
	browse := []browseGroup{
		{Heading: l.s("browse_industries"), Items: industries.items},
		{Heading: l.s("browse_project_types"), Items: projectTypes.items},
	}
	r.planListing(listing{section: "all", heading: r.site.Title, intro: r.sv.Description, cases: all, browse: browse})

	for i, c := range r.cases {
		r.add("cases/"+c.Slug+"/index.html", "case.html", func() (*page, error) { return r.casePage(i) })
		if !c.Draft {
			r.urls = append(r.urls, sitemapURL{Loc: r.abs("cases/" + c.Slug + "/"), LastMod: ymd(c.Date)})
		}
	}

	for _, g := range []struct {
		t                                *termIndex
		v                                *config.Vocabulary
		section, heading, intro, eyebrow string
	}{
		{industries, &r.site.Industries, "industries/", "nav_industries", "industries_intro", "industry"},
		{projectTypes, &r.site.ProjectTypes, "project-types/", "nav_project_types", "project_types_intro", "project_type"},
	} {
		r.planTerms(g.section, l.s(g.heading), l.s(g.intro), g.t.items)
		for _, k := range g.t.keys {
			r.planListing(listing{
				rel:     g.section + k + "/",
				section: g.section,
				eyebrow: l.s(g.eyebrow),
				heading: g.v.Label(k, l.Code),
				cases:   g.t.cases[k],
			})
		}
	}
	r.add("404.html", "404.html", r.notFoundPage)
	return nil
}

func (r *renderer) add(out, tmpl string, build func() (*page, error)) {
	r.generated[out] = true
	if r.want != nil && !r.want(out) {
		return
	}
	r.jobs = append(r.jobs, job{path: out, tmpl: tmpl, page: build})
}

// termIndex groups cases under the terms of one vocabulary.
type termIndex struct {
	keys  []string         // terms with at least one case, in key order
	cases map[string][]int // key -> indices into renderer.cases, newest first
	items []termItem       // keys in label order, with counts, for overviews
}

func (r *renderer) terms(v *config.Vocabulary, section string, keysOf func(*content.Case) []string) (*termIndex, error) {
	ti := &termIndex{cases: map[string][]int{}}
	for i, c := range r.cases {
		for _, k := range keysOf(c) {
			if v.Has(k) {
				ti.cases[k] = append(ti.cases[k], i)
			}
		}
	}
	l := r.siteLang()
	for _, t := range v.Terms {
		n := len(ti.cases[t.Key])
		if n == 0 {
			continue
		}
		if !config.ValidKey(t.Key) {
			return nil, fmt.Errorf("site: vocabulary key %q is not a valid path segment", t.Key)
		}
		ti.keys = append(ti.keys, t.Key)
		ti.items = append(ti.items, termItem{
			Label: t.LabelIn(l.Code),
			URL:   r.url(section + t.Key + "/"),
			N:     l.number(int64(n)),
			Count: l.count("case_count", n),
		})
	}
	col := collate.New(language.Make(l.Code))
	slices.SortStableFunc(ti.items, func(a, b termItem) int { return col.CompareString(a.Label, b.Label) })
	return ti, nil
}

// listing is one paginated list of cases.
type listing struct {
	rel     string // "" for the home page, else "industries/banking/"
	section string // nav section the listing belongs to
	eyebrow string
	heading string
	intro   string
	cases   []int
	browse  []browseGroup
}

func (r *renderer) planListing(ls listing) {
	size := r.site.PageSize
	if size < 1 {
		size = 24
	}
	pages := max(1, (len(ls.cases)+size-1)/size)
	for n := 1; n <= pages; n++ {
		rel := pageRel(ls.rel, n)
		chunk := ls.cases[(n-1)*size : min(n*size, len(ls.cases))]
		r.add(rel+"index.html", "list.html", func() (*page, error) { return r.listPage(ls, rel, n, pages, chunk) })
		u := sitemapURL{Loc: r.abs(rel)}
		if len(chunk) > 0 {
			u.LastMod = ymd(r.cases[chunk[0]].Date)
		}
		r.urls = append(r.urls, u)
	}
}

// pageRel is the directory of page n of a listing: page 1 at the listing's
// root, then page/2/, page/3/…
func pageRel(rel string, n int) string {
	if n == 1 {
		return rel
	}
	return rel + "page/" + strconv.Itoa(n) + "/"
}

func (r *renderer) listPage(ls listing, rel string, n, pages int, chunk []int) (*page, error) {
	l := r.siteLang()
	pg := r.newPage(l, rel, ls.section)
	pageOf := l.format("page_of", "page", strconv.Itoa(n), "pages", strconv.Itoa(pages))
	var parts []string // the home page's heading is the site's title already
	if ls.rel != "" {
		parts = append(parts, ls.heading)
	}
	if n > 1 {
		parts = append(parts, pageOf)
	}
	pg.Title = strings.Join(append(parts, r.site.Title), " | ")
	pg.OGTitle = ls.heading
	lv := &listView{Home: ls.rel == "", Eyebrow: ls.eyebrow, Heading: ls.heading, Intro: ls.intro, Count: l.count("case_count", len(ls.cases))}
	if len(ls.cases) == 0 {
		lv.Empty = l.s("no_cases")
	}
	if n == 1 {
		lv.Browse = ls.browse
	}
	for _, i := range chunk {
		lv.Cards = append(lv.Cards, r.cards[i])
	}
	if pages > 1 {
		lv.Pager = r.pager(l, ls.rel, n, pages, pageOf)
	}
	pg.List = lv
	return pg, nil
}

// pager links the first and last pages and the two on either side of the
// current one, so its size stays small however many pages there are.
func (r *renderer) pager(l *lang, rel string, n, pages int, label string) *pager {
	p := &pager{L: l, Label: label}
	if n > 1 {
		p.Prev = r.url(pageRel(rel, n-1))
	}
	if n < pages {
		p.Next = r.url(pageRel(rel, n+1))
	}
	last := 0
	for i := 1; i <= pages; i++ {
		if i != 1 && i != pages && (i < n-2 || i > n+2) {
			continue
		}
		if last != 0 && i > last+1 {
			p.Items = append(p.Items, pageItem{Gap: true})
		}
		last = i
		p.Items = append(p.Items, pageItem{
			Number:  strconv.Itoa(i),
			URL:     r.url(pageRel(rel, i)),
			Label:   l.format("page_n", "page", strconv.Itoa(i)),
			Current: i == n,
		})
	}
	return p
}

func (r *renderer) planTerms(section, heading, intro string, items []termItem) {
	r.add(section+"index.html", "terms.html", func() (*page, error) {
		l := r.siteLang()
		pg := r.newPage(l, section, section)
		pg.Title = heading + " | " + r.site.Title
		pg.OGTitle = heading
		pg.Terms = &termsView{Heading: heading, Intro: intro, Items: items}
		return pg, nil
	})
	u := sitemapURL{Loc: r.abs(section)}
	if len(r.cases) > 0 {
		u.LastMod = ymd(r.cases[0].Date)
	}
	r.urls = append(r.urls, u)
}

func (r *renderer) notFoundPage() (*page, error) {
	l := r.siteLang()
	// No robots noindex: servers answer 404 for it, which keeps it out of
	// indexes already.
	pg := r.newPage(l, "404.html", "")
	nf := &notFoundView{Heading: l.s("not_found_title"), Text: l.s("not_found_text"), Home: r.sv.Home}
	pg.Title = nf.Heading + " | " + r.site.Title
	pg.OGTitle = nf.Heading
	pg.NotFound = nf
	return pg, nil
}

// newPage fills what every page has; section marks the current nav item.
func (r *renderer) newPage(l *lang, rel, section string) *page {
	pg := &page{
		Lang:        l.Code,
		L:           l,
		Site:        r.sv,
		Description: r.sv.Description,
		Canonical:   r.abs(rel),
		OGType:      "website",
		OGLocale:    l.s("og_locale"),
	}
	if l.Code != r.sv.Lang {
		pg.SiteTextLang = r.sv.Lang
	}
	for _, it := range []struct{ key, rel string }{
		{"nav_all", ""}, {"nav_industries", "industries/"}, {"nav_project_types", "project-types/"},
	} {
		item := navItem{Label: l.s(it.key), URL: r.url(it.rel)}
		sec := cmp.Or(it.rel, "all")
		switch {
		case section == sec && (rel == it.rel):
			item.Current = "page"
		case section == sec:
			item.Current = "true"
		}
		pg.Nav = append(pg.Nav, item)
	}
	return pg
}

// ymd formats a calendar date as in a sitemap and JSON-LD.
func ymd(t time.Time) string { return t.Format(time.DateOnly) }
