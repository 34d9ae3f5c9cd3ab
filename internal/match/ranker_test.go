package match

import (
	"cmp"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/corpus"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/support"
)

// rankPlain is Rank written plainly, case by case, without a Ranker's
// precomputed facts, shared wording, sorting tricks or Explain: what
// Ranker.Rank must equal.
func rankPlain(p Prospect, cases []*content.Case, visits []content.Visit, site *config.Site, today time.Time, opt Options) Result {
	group := content.TranslationGroups(cases)
	end := p.VisitDate
	if end.IsZero() {
		end = today
	}
	used := map[int]int{} // by group
	for slug, n := range Usage(visits, end) {
		for i, c := range cases {
			if c.Slug == slug {
				used[group[i]] += n
			}
		}
	}
	sup := opt.Support.At(today)
	t := textIn(p.Language)
	pi := newProspectInfo(p, site)
	res := Result{Matches: []Match{}}
	for i, c := range cases {
		var members []*content.Case
		for j, o := range cases {
			if group[j] == group[i] {
				members = append(members, o)
			}
		}
		rep := slices.MinFunc(members, func(a, b *content.Case) int {
			key := func(c *content.Case) []bool {
				return []bool{c.Draft, cmp.Or(c.Language, site.Language) != p.Language, c.TranslationOf != ""}
			}
			return cmp.Or(slices.CompareFunc(key(a), key(b), func(x, y bool) int {
				return cmp.Compare(boolInt(x), boolInt(y))
			}), strings.Compare(a.Slug, b.Slug))
		})
		if rep != c {
			continue
		}
		var others []*content.Case
		for _, o := range members {
			if o != c {
				others = append(others, o)
			}
		}
		slices.SortFunc(others, func(a, b *content.Case) int { return strings.Compare(a.Slug, b.Slug) })
		if opt.Public {
			if slices.ContainsFunc(members, func(o *content.Case) bool { return o.Slug == p.Slug }) || c.Draft || status(c) != "live" {
				continue
			}
			comp := pi.components(c, 0, true)
			res.Matches = append(res.Matches, Match{Case: c, Score: score(comp, site.Weights, true), Components: comp, Translations: others})
			continue
		}
		h := HealthAt(c, sup, p.Language)
		derived := sup.Health(c.SupportName())
		w := worded{Health: h}
		if derived.Health == support.Red {
			w.supportRed = t.format("support_red", "why", strings.Join(h.HealthReasons, t.m["why_sep"]))
		}
		packsOnly := c.Publication(today, site).ForWantOfConsent()
		comp := pi.components(c, used[group[i]], false)
		m := Match{Case: c, Score: score(comp, site.Weights, false), Components: comp, Translations: others, Health: h, PacksOnly: packsOnly}
		if h.Health == support.Amber {
			m.Score *= AmberFactor
		}
		reasons := newReasoner(p, site, false).exclusions(c, p, used[group[i]], health{level: h.Health, derived: derived}, w)
		if reasons == nil {
			res.Matches = append(res.Matches, m)
			continue
		}
		e := Exclusion{Case: c, Reasons: reasons, Translations: others, Health: h, PacksOnly: packsOnly}
		res.Excluded = append(res.Excluded, e)
		if e.TakesCalls() {
			res.Calls = append(res.Calls, m)
		}
	}
	for _, ms := range [][]Match{res.Matches, res.Calls} {
		slices.SortFunc(ms, func(a, b Match) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Case.Slug, b.Case.Slug))
		})
		for k := range ms {
			g := group[slices.Index(cases, ms[k].Case)]
			newReasoner(p, site, opt.Public).explain(&ms[k], used[g])
		}
	}
	slices.SortFunc(res.Excluded, func(a, b Exclusion) int { return strings.Compare(a.Case.Slug, b.Case.Slug) })
	return res
}

// components scores c plainly, on the strings: the oracle of
// facts.components.
func (pi *prospectInfo) components(c *content.Case, used int, public bool) Components {
	p := pi.p
	comp := Components{
		Industry:    pi.industry(c),
		ProjectType: projectType(p.ProjectTypes, c.ProjectTypes),
		Scale:       scale(p.Scale, c.Scale),
		Region:      region(p.Region, c.Region),
		Freshness:   1,
	}
	if limit := c.Reference.MaxVisitsPerYear; !public && limit > 0 {
		comp.Freshness = max(0, 1-float64(used)/float64(limit))
	}
	return comp
}

// scale is the mean closeness over the scale fields both sides give.
func scale(p, ref content.Scale) float64 {
	pf, rf := values(p), values(ref)
	sum, n := 0.0, 0
	for i := range pf {
		if pf[i] > 0 && rf[i] > 0 {
			sum += closeness(math.Log10(float64(rf[i])), math.Log10(float64(pf[i])))
			n++
		}
	}
	if n == 0 {
		return 0.5
	}
	return sum / float64(n)
}

func region(p, ref string) float64 {
	switch {
	case p == "" || ref == "":
		return 0.5
	case p == ref:
		return 1
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lifecycleLibrary is a generated library of 400 cases (with translations
// and drafts) given refusals, calls, quotas and consents, and a helpdesk
// export of its clients.
func lifecycleLibrary(t *testing.T) (*content.Library, *support.Export) {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Cases: 400, Prospects: 12, Visits: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	lib, problems := content.Load(os.DirFS(dir))
	if lib == nil {
		t.Fatal(problems)
	}
	clients := make([]string, len(lib.Cases))
	for i, c := range lib.Cases {
		switch i % 7 {
		case 1:
			c.Reference.RefusesCompetitors = true
			c.Reference.Call = true
		case 2:
			c.Consent = &content.Consent{Public: true, Expires: today.AddDate(0, 3, 0)}
		case 3:
			c.Consent = &content.Consent{Public: false}
		case 4:
			c.Reference.MaxVisitsPerYear = 1 + i%3
		case 5:
			// Outside the vocabularies, as a library under construction has.
			c.Industry, c.Region = "shipbuilding", "atlantis"
			c.ProjectTypes = append(slices.Clone(c.ProjectTypes), "salvage")
		}
		clients[i] = c.SupportName()
	}
	cfg := config.DefaultSupport
	cfg.Satisfaction = "Satisfaction Score"
	var ps diag.List
	e := support.Parse("content/support.csv", corpus.SupportExport(clients, 4000, 3, today), cfg, &ps)
	if ps.HasErrors() {
		t.Fatal(ps.Problems[0])
	}
	return lib, e
}

// One Ranker, used concurrently for every prospect, in every language, at
// two dates, with and without the export and in public mode, ranks as the
// plain version does; so do prospects with fields outside the
// vocabularies.
func TestRankerEqualsPlain(t *testing.T) {
	lib, export := lifecycleLibrary(t)
	r := NewRanker(lib.Cases, lib.Site)
	var wg sync.WaitGroup
	for _, p := range lib.Prospects {
		for _, lang := range []string{"en", "ja", "ru"} {
			for _, date := range []time.Time{today, today.AddDate(0, 4, 0)} {
				for _, opt := range []Options{{}, {Support: export}, {Public: true}} {
					mp := FromProspect(p, lib.Site)
					mp.Language = lang
					switch len(p.Slug) % 3 {
					case 1:
						mp.Industry, mp.Region = "shipbuilding", "atlantis"
					case 2:
						mp.ProjectTypes = append(slices.Clone(mp.ProjectTypes), "salvage")
						mp.Region = "lemuria"
					}
					if opt.Public {
						mp.Slug = lib.Cases[len(p.Slug)%len(lib.Cases)].Slug
					}
					wg.Go(func() {
						got := r.Rank(mp, lib.Visits, date, opt)
						want := rankPlain(mp, lib.Cases, lib.Visits, lib.Site, date, opt)
						if !reflect.DeepEqual(got, want) {
							t.Errorf("%s in %s on %s (public %v, export %v): Ranker.Rank differs from the plain ranking",
								mp.Slug, lang, date.Format(time.DateOnly), opt.Public, opt.Support != nil)
						}
					})
				}
			}
		}
	}
	wg.Wait()
}

// The library really has what the comparison above is about.
func TestLifecycleLibraryIsVaried(t *testing.T) {
	lib, export := lifecycleLibrary(t)
	res := Rank(FromProspect(lib.Prospects[0], lib.Site), lib.Cases, lib.Visits, lib.Site, today, Options{Support: export})
	var amber, red, translated, packsOnly int
	for _, m := range res.Matches {
		if m.Health.Health == support.Amber {
			amber++
		}
		if len(m.Translations) > 0 {
			translated++
		}
		if m.PacksOnly {
			packsOnly++
		}
	}
	for _, e := range res.Excluded {
		if e.Health.Health == support.Red {
			red++
		}
	}
	if amber == 0 || red == 0 || translated == 0 || packsOnly == 0 || len(res.Calls) == 0 {
		t.Errorf("amber %d, red %d, with translations %d, packs only %d, calls %d: want some of each",
			amber, red, translated, packsOnly, len(res.Calls))
	}
}

// Explain gives reasons to the best matches only, and changes nothing
// else; calls keep theirs.
func TestExplain(t *testing.T) {
	lib, export := lifecycleLibrary(t)
	r := NewRanker(lib.Cases, lib.Site)
	p := FromProspect(lib.Prospects[1], lib.Site)
	all := r.Rank(p, lib.Visits, today, Options{Support: export})
	for _, n := range []int{1, 3, len(all.Matches) + 5} {
		got := r.Rank(p, lib.Visits, today, Options{Support: export, Explain: n})
		want := all
		want.Matches = slices.Clone(all.Matches)
		for k := range want.Matches {
			if k >= n {
				want.Matches[k].Reasons = nil
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Explain %d: the ranking differs from the explained one beyond the reasons of matches after the first %d", n, n)
		}
	}
}

// Closest explains the pages it returns as the full ranking does.
func TestClosestReasons(t *testing.T) {
	lib, _ := lifecycleLibrary(t)
	for _, pr := range lib.Prospects {
		p := FromProspect(pr, lib.Site)
		pages := Closest(p, lib.Cases, lib.Site, 5)
		p.Slug = ""
		full := Rank(p, lib.Cases, nil, lib.Site, time.Time{}, Options{Public: true})
		for _, m := range pages {
			k := slices.IndexFunc(full.Matches, func(f Match) bool { return f.Case == m.Case })
			if k < 0 || !reflect.DeepEqual(full.Matches[k], m) {
				t.Errorf("%s: page %s differs from its match in the full ranking", pr.Slug, m.Case.Slug)
			}
		}
	}
}
