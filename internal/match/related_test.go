package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
)

// relatedNaive is Related written plainly on top of Rank: what the fast
// version must equal.
func relatedNaive(cases []*content.Case, site *config.Site, n int) map[string][]string {
	group := content.TranslationGroups(cases)
	groupOf := map[*content.Case]int{}
	for i, c := range cases {
		groupOf[c] = group[i]
	}
	out := map[string][]string{}
	for _, q := range cases {
		// Rank keeps one version per customer; Related compares every
		// version, so each case is ranked alone.
		var all []Match
		for _, c := range cases {
			all = append(all, Rank(FromCase(q, site), []*content.Case{c}, nil, site, today, Options{Public: true}).Matches...)
		}
		var ms []Match
		for _, m := range all {
			if groupOf[m.Case] == groupOf[q] || m.Components.Industry == 0 && m.Components.ProjectType == 0 {
				continue
			}
			ms = append(ms, m)
		}
		lang := q.Language
		// Same score: the case's language first, then slug.
		better := func(a, b Match) bool {
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			if (a.Case.Language == lang) != (b.Case.Language == lang) {
				return a.Case.Language == lang
			}
			return a.Case.Slug < b.Case.Slug
		}
		var best []Match
		for _, m := range ms {
			dup := -1
			for k, b := range best {
				if groupOf[b.Case] == groupOf[m.Case] {
					dup = k
				}
			}
			if dup >= 0 {
				if !better(m, best[dup]) {
					continue
				}
				best = append(best[:dup], best[dup+1:]...)
			}
			pos := len(best)
			for k, b := range best {
				if better(m, b) {
					pos = k
					break
				}
			}
			best = append(best[:pos], append([]Match{m}, best[pos:]...)...)
		}
		if len(best) > n {
			best = best[:n]
		}
		for _, m := range best {
			out[q.Slug] = append(out[q.Slug], m.Case.Slug)
		}
	}
	return out
}

func TestRelatedMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	langs := []string{"en", "ja", "ru"}
	for run := range 30 {
		site := testSite()
		if run%3 == 1 {
			site.Weights = config.Weights{Industry: 0.1, ProjectType: 0.1, Scale: 2, Region: 1, Freshness: 3}
		}
		var cases []*content.Case
		for i := range 60 {
			c := randomCase(r, fmt.Sprintf("c%02d", i))
			c.Language = langs[r.IntN(3)]
			switch r.IntN(10) {
			case 0:
				c.Draft = true
			case 1:
				c.Status = "retired"
			case 2:
				if i > 0 {
					// A translation: the same story in another language.
					o := cases[r.IntN(i)]
					c.Industry, c.ProjectTypes, c.Scale, c.Region = o.Industry, o.ProjectTypes, o.Scale, o.Region
					c.TranslationOf = o.Slug
				}
			}
			cases = append(cases, c)
		}
		got := Related(cases, site, 3)
		want := relatedNaive(cases, site, 3)
		if !reflect.DeepEqual(got, want) {
			for slug := range want {
				if !reflect.DeepEqual(got[slug], want[slug]) {
					t.Errorf("run %d: related to %s = %v, want %v", run, slug, got[slug], want[slug])
				}
			}
			t.FailNow()
		}
	}
}

func TestRelatedSample(t *testing.T) {
	bank := ref("bank", "banking", "contract-archive")
	bankRU := ref("bank-ru", "banking", "contract-archive")
	bankRU.Language, bankRU.TranslationOf = "ru", "bank"
	lease := ref("lease", "leasing", "contract-archive")
	leaseRU := ref("lease-ru", "leasing", "contract-archive")
	leaseRU.Language, leaseRU.TranslationOf = "ru", "lease"
	shop := ref("shop", "retail", "contract-archive")
	hr := ref("hr", "energy", "hr-records")
	hr.Reference = content.Reference{Visit: false, Health: "red"} // private fields do not count
	retired := ref("retired", "banking", "contract-archive")
	retired.Status = "retired"
	got := Related([]*content.Case{bank, bankRU, lease, leaseRU, shop, hr, retired}, testSite(), 3)
	want := map[string][]string{
		"bank":     {"lease", "shop"},
		"bank-ru":  {"lease-ru", "shop"},
		"lease":    {"bank", "shop"},
		"lease-ru": {"bank-ru", "shop"},
		"shop":     {"bank", "lease"},
		"retired":  {"bank", "lease", "shop"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Related =\n%v\nwant\n%v", got, want)
	}
}
