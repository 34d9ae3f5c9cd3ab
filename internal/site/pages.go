package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// execute renders the cards, then every page, on all CPUs, handing each page
// to emit as soon as it is rendered. Each card is rendered once and reused
// by every page it appears on.
func (r *renderer) execute() error {
	// Every worker gets its own copy of the parsed templates: executing
	// one template from many goroutines is safe but contends on its
	// function-table lock. Copies share the parse trees; they must be made
	// before the first execution.
	sets := make([]map[string]*template.Template, workers())
	for w := range sets {
		sets[w] = map[string]*template.Template{}
		for name, t := range r.tmpl {
			c, err := t.Clone()
			if err != nil {
				return fmt.Errorf("theme: %w", err)
			}
			sets[w][name] = c
		}
	}
	cards := slices.Clone(r.cards)
	for _, code := range slices.Sorted(maps.Keys(r.cardsIn)) {
		for _, cv := range r.cardsIn[code] {
			if cv != nil {
				cards = append(cards, cv)
			}
		}
	}
	err := parallel(len(cards), func(w, i int, buf *bytes.Buffer) error {
		if err := sets[w]["list.html"].ExecuteTemplate(buf, "card", cards[i]); err != nil {
			return fmt.Errorf("site: card of %s: %w", cards[i].source, err)
		}
		cards[i].HTML = template.HTML(buf.String())
		return nil
	})
	if err != nil {
		return err
	}
	var fragments sync.Map // fragmentKey -> template.HTML
	return parallel(len(r.jobs), func(w, i int, buf *bytes.Buffer) error {
		j := r.jobs[i]
		pg, err := j.page()
		if err == nil {
			pg.Chrome, err = chrome(&fragments, sets[w][j.tmpl], pg)
		}
		if err == nil && pg.Case != nil {
			err = caseFragments(&fragments, sets[w][j.tmpl], pg.Case)
		}
		if err == nil {
			err = sets[w][j.tmpl].ExecuteTemplate(buf, "base.html", pg)
		}
		if err == nil {
			err = r.emit(j.path, buf.Bytes())
		}
		if err != nil {
			return fmt.Errorf("site: %s: %w", j.path, err)
		}
		return nil
	})
}

// chrome returns the rendered partials/chrome.html of pg, each part
// rendered once per language and navigation state.
func chrome(cache *sync.Map, t *template.Template, pg *page) (*chromeView, error) {
	d := chromeData{Lang: pg.Lang, L: pg.L, Site: pg.Site, SiteTextLang: pg.SiteTextLang, OGLocale: pg.OGLocale, Nav: pg.Nav}
	var key strings.Builder
	for _, s := range []string{d.Lang, d.L.Code, d.SiteTextLang, d.OGLocale} {
		key.WriteString(s)
		key.WriteByte(0)
	}
	for _, n := range d.Nav {
		key.WriteString(n.Label + "\x00" + n.URL + "\x00" + n.Current + "\x00")
	}
	cv := &chromeView{}
	k, data := key.String(), any(d) // converted once for the three parts
	for _, part := range []struct {
		name string
		dst  *template.HTML
	}{{"site-head", &cv.Head}, {"site-header", &cv.Header}, {"site-footer", &cv.Footer}} {
		var err error
		if *part.dst, err = renderOnce(cache, t, part.name, k, data); err != nil {
			return nil, err
		}
	}
	return cv, nil
}

// caseFragments sets the HTML of the case page's parts that recur on many
// pages, each rendered once per distinct value by its template in
// partials/ and reused from cache: the contents entries ("toc-item"; the
// usual sections of a case study recur on most pages, and an entry costs
// four escaper calls) and the links to industries and project types
// ("term-link").
func caseFragments(cache *sync.Map, t *template.Template, cv *caseView) error {
	var err error
	for i := range cv.TOC {
		e := &cv.TOC[i]
		key := tocItem{ID: e.ID, Text: e.Text, Level: e.Level}
		if e.HTML, err = renderOnce(cache, t, "toc-item", key, key); err != nil {
			return err
		}
	}
	links := []*link{&cv.Industry}
	for i := range cv.Facts {
		for j := range cv.Facts[i].Links {
			links = append(links, &cv.Facts[i].Links[j])
		}
	}
	for _, l := range links {
		key := link{Label: l.Label, URL: l.URL, Lang: l.Lang}
		if l.HTML, err = renderOnce(cache, t, "term-link", key, key); err != nil {
			return err
		}
	}
	return nil
}

// fragmentKey tells apart the fragments of different templates in one cache.
type fragmentKey struct {
	name string
	key  any // comparable, and the same for the same data
}

// renderOnce returns template name executed with data, from cache when
// data with the same key was rendered before. Chrome, contents entries and
// term links share it, and one cache holds them all.
func renderOnce(cache *sync.Map, t *template.Template, name string, key, data any) (template.HTML, error) {
	k := fragmentKey{name, key}
	if html, ok := cache.Load(k); ok {
		return html.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html, _ := cache.LoadOrStore(k, template.HTML(buf.String())) // escaped by html/template for HTML text, where the page prints it
	return html.(template.HTML), nil
}

func workers() int { return runtime.GOMAXPROCS(0) }

// parallel runs fn for i in 0..n-1 on workers() goroutines; w is the
// worker's number, buf its buffer, reset before every call. It returns the
// error of the lowest i, so that the message does not depend on scheduling.
func parallel(n int, fn func(w, i int, buf *bytes.Buffer) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers() {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				buf.Reset()
				errs[i] = fn(w, i, &buf)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// card shows a case on a listing in the language l. It copies public
// fields only.
func (r *renderer) card(c *content.Case, l *lang) *cardView {
	cv := &cardView{
		source:   c.Path,
		L:        l,
		URL:      r.url("cases/" + c.Slug + "/"),
		Title:    c.Title,
		Customer: c.PublicName(),
		Summary:  c.Summary,
		Industry: r.site.Industries.Label(c.Industry, l.Code),
		Draft:    r.in.Drafts && c.Draft,
	}
	if cl := r.caseLang(c); cl != l {
		cv.TextLang = cl.Code
	}
	for _, k := range c.ProjectTypes {
		cv.ProjectTypes = append(cv.ProjectTypes, r.site.ProjectTypes.Label(k, l.Code))
	}
	if b := c.Scale.EmployeeBand(); b != "" {
		cv.Band = l.s("band_" + b)
	}
	return cv
}

func (r *renderer) casePage(i int) (*page, error) {
	c := r.cases[i]
	body, err := r.body(c)
	if err != nil {
		return nil, err
	}
	l := r.caseLang(c)
	rel := "cases/" + c.Slug + "/"
	pg := r.newPage(l, rel, "")
	pg.Title = c.Title + " | " + r.site.Title
	pg.OGTitle = c.Title
	pg.Description = c.Summary
	pg.OGType = "article"
	pg.NoIndex = r.in.Drafts && c.Draft
	pg.JSONLD = articleLD{
		Context:       "https://schema.org",
		Type:          "Article",
		Headline:      c.Title,
		Description:   c.Summary,
		DatePublished: ymd(c.Date),
		InLanguage:    l.Code,
		URL:           r.abs(rel),
		Publisher:     orgLD{Type: "Organization", Name: r.site.Title},
		About:         orgLD{Type: "Organization", Name: c.PublicName()},
	}

	cv := &caseView{
		Title:    c.Title,
		Customer: c.PublicName(),
		Summary:  c.Summary,
		Industry: r.termLink(&r.site.Industries, "industries/", c.Industry, l.Code),
		Body:     template.HTML(body.HTML), // safe by the markdown renderer's contract
		Draft:    r.in.Drafts && c.Draft,
	}
	cv.Facts = append(cv.Facts, fact{Label: l.s("industry"), Links: []link{cv.Industry}})
	pt := fact{Label: l.s("project_types")}
	for _, k := range c.ProjectTypes {
		pt.Links = append(pt.Links, r.termLink(&r.site.ProjectTypes, "project-types/", k, l.Code))
	}
	cv.Facts = append(cv.Facts, pt)
	if c.Region != "" {
		cv.Facts = append(cv.Facts, fact{Label: l.s("region"), Value: r.site.Regions.Label(c.Region, l.Code)})
	}
	if status := cmp.Or(c.Status, "live"); slices.Contains(content.Statuses, status) {
		cv.Facts = append(cv.Facts, fact{Label: l.s("status"), Value: l.s("status_" + status)})
	}
	if !c.GoLive.IsZero() {
		cv.Facts = append(cv.Facts, fact{Label: l.s("go_live"), Value: l.date(c.GoLive)})
	}
	for _, f := range c.Scale.Fields() {
		if f.Value > 0 {
			cv.Facts = append(cv.Facts, fact{Label: l.s(f.Name), Value: l.number(f.Value)})
		}
	}
	if len(c.Products) > 0 {
		cv.Facts = append(cv.Facts, fact{Label: l.s("products"), Value: l.list(c.Products)})
	}
	if len(c.Tags) > 0 {
		cv.Facts = append(cv.Facts, fact{Label: l.s("tags"), Value: l.list(c.Tags)})
	}
	cv.Facts = append(cv.Facts, fact{Label: l.s("published"), Value: l.date(c.Date)})

	for _, m := range c.Metrics {
		cv.Metrics = append(cv.Metrics, metricView{Label: m.Label, Value: m.Value})
	}
	for _, q := range c.Quotes {
		cv.Quotes = append(cv.Quotes, quoteView{Text: q.Text, Author: q.Author})
	}
	if len(body.Headings) >= 3 {
		for _, h := range body.Headings {
			cv.TOC = append(cv.TOC, tocItem{ID: h.ID, Text: h.Text, Level: h.Level})
		}
	}
	if group := r.translations(i); len(group) > 1 {
		for _, j := range group {
			o := r.cases[j]
			ol := r.caseLang(o)
			rel := "cases/" + o.Slug + "/"
			pg.Alternates = append(pg.Alternates, link{URL: r.abs(rel), Lang: ol.Code})
			if j != i {
				cv.Translations = append(cv.Translations, link{Label: ol.s("language_name"), URL: r.url(rel), Lang: ol.Code})
			}
		}
	}
	for _, slug := range r.in.Related[c.Slug] {
		if j, ok := r.bySlug[slug]; ok && j != i {
			cv.Related = append(cv.Related, r.cardIn(j, l))
		}
	}
	pg.Case = cv
	return pg, nil
}

// body is the rendered body of a case.
func (r *renderer) body(c *content.Case) (markdown.Result, error) {
	body, ok := r.in.Bodies[c.Slug]
	if !ok {
		return markdown.Result{}, fmt.Errorf("no rendered body for case %q", c.Slug)
	}
	return body, nil
}

// planCards makes the card of every case in the site language, and of
// every case shown as related on a page in another language in that
// language, so that execute renders each one once.
func (r *renderer) planCards() {
	site := r.siteLang()
	r.cards = make([]*cardView, len(r.cases))
	for i, c := range r.cases {
		r.cards[i] = r.card(c, site)
	}
	r.cardsIn = map[string][]*cardView{}
	for i, c := range r.cases {
		l := r.caseLang(c)
		if l == site || (r.want != nil && !r.want("cases/"+c.Slug+"/index.html")) {
			continue
		}
		for _, slug := range r.in.Related[c.Slug] {
			j, ok := r.bySlug[slug]
			if !ok || j == i {
				continue
			}
			if r.cardsIn[l.Code] == nil {
				r.cardsIn[l.Code] = make([]*cardView, len(r.cases))
			}
			if r.cardsIn[l.Code][j] == nil {
				r.cardsIn[l.Code][j] = r.card(r.cases[j], l)
			}
		}
	}
}

// cardIn is the card of case j in the language l.
func (r *renderer) cardIn(j int, l *lang) *cardView {
	if l == r.siteLang() {
		return r.cards[j]
	}
	return r.cardsIn[l.Code][j]
}

// termLink links a vocabulary term to its listing.
func (r *renderer) termLink(v *config.Vocabulary, section, key, lang string) link {
	if !v.Has(key) {
		return link{Label: key}
	}
	return link{Label: v.Label(key, lang), URL: r.url(section + key + "/")}
}

// translations returns the cases telling the same story as case i (itself
// included): those joined to it by translation_of in either direction, also
// through another translation, ordered by language and slug.
func (r *renderer) translations(i int) []int {
	return r.groups[r.groupOf[i]]
}

// buildGroups joins cases linked by translation_of into groups.
func (r *renderer) buildGroups() {
	group := content.TranslationGroups(r.cases)
	r.groupOf = make([]int, len(r.cases))
	members := map[int][]int{}
	for i := range r.cases {
		root := group[i]
		r.groupOf[i] = root
		members[root] = append(members[root], i)
	}
	langOrder := func(c *content.Case) int { return slices.Index(config.Languages(), r.caseLang(c).Code) }
	r.groups = make(map[int][]int, len(members))
	for root, m := range members {
		slices.SortFunc(m, func(a, b int) int {
			ca, cb := r.cases[a], r.cases[b]
			if d := langOrder(ca) - langOrder(cb); d != 0 {
				return d
			}
			return strings.Compare(ca.Slug, cb.Slug)
		})
		r.groups[root] = m
	}
}
