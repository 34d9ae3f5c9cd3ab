package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
)

// searchView is the home page's search form (README, "Search"): where the
// script and the index (search/, built by internal/search) are, and the
// facet controls with the number of cases of each value.
type searchView struct {
	Action string // the home page: without JavaScript the form just lists everything
	Index  string // base URL of the index files
	Home   string // base URL that case links start from
	Script string // search.js with a content-hash query
	Facets []facetView
}

type facetView struct {
	Name    string // the URL parameter: industry, project_type, region, language, scale
	Label   string
	Options []facetOption
}

type facetOption struct {
	Key   string
	Label string
	N     string // plain digits: the script rewrites it as it filters
}

// searchView returns nil when the theme has no assets/search.js.
func (r *renderer) searchView() *searchView {
	js, err := fs.ReadFile(r.in.Theme, "assets/search.js")
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(js)
	l := r.siteLang()
	sv := &searchView{
		Action: r.url(""),
		Index:  r.url("search/"),
		Home:   r.url(""),
		Script: r.url("assets/search.js") + "?v=" + hex.EncodeToString(sum[:6]),
	}
	count := func(of func(*content.Case) []string) map[string]int {
		n := map[string]int{}
		for _, c := range r.cases {
			for _, k := range of(c) {
				n[k]++
			}
		}
		return n
	}
	col := collate.New(language.Make(l.Code))
	vocab := func(name, label string, v *config.Vocabulary, of func(*content.Case) []string) {
		n := count(of)
		f := facetView{Name: name, Label: label}
		for _, t := range v.Terms {
			if n[t.Key] > 0 {
				f.Options = append(f.Options, facetOption{t.Key, t.LabelIn(l.Code), strconv.Itoa(n[t.Key])})
			}
		}
		slices.SortStableFunc(f.Options, func(a, b facetOption) int { return col.CompareString(a.Label, b.Label) })
		sv.add(f)
	}
	fixed := func(name, label string, keys []string, labelOf func(string) string, of func(*content.Case) []string) {
		n := count(of)
		f := facetView{Name: name, Label: label}
		for _, k := range keys {
			if n[k] > 0 {
				f.Options = append(f.Options, facetOption{k, labelOf(k), strconv.Itoa(n[k])})
			}
		}
		sv.add(f)
	}
	one := func(s string) []string { return []string{s} }
	vocab("industry", l.s("industry"), &r.site.Industries, func(c *content.Case) []string { return one(c.Industry) })
	vocab("project_type", l.s("project_type"), &r.site.ProjectTypes, func(c *content.Case) []string { return c.ProjectTypes })
	vocab("region", l.s("region"), &r.site.Regions, func(c *content.Case) []string { return one(c.Region) })
	fixed("language", l.s("search_language"), config.Languages(),
		func(k string) string { return r.langs[k].s("language_name") },
		func(c *content.Case) []string { return one(c.Language) })
	fixed("scale", l.s("search_scale"), content.EmployeeBands,
		func(k string) string { return l.s("band_" + k) },
		func(c *content.Case) []string { return one(c.Scale.EmployeeBand()) })
	return sv
}

func (sv *searchView) add(f facetView) {
	if len(f.Options) > 0 {
		sv.Facets = append(sv.Facets, f)
	}
}
