package match

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/support"
)

// Ranker ranks one library's cases for any number of prospects. What
// does not depend on the prospect (translation groups, slug order, the
// numbered fields scoring reads, each case's health and publication at a
// date, each language's representatives and wording of health) is worked
// out once, on creation or on the first Rank that needs it, so that packs
// and coverage, which rank the library for every prospect, pay for it
// once. A Ranker is safe
// for concurrent use; the cases, the site and the export must not change
// while it is in use, and the results of its Ranks share their
// Translations and HealthReasons slices, which are read-only.
type Ranker struct {
	cases  []*content.Case
	site   *config.Site
	x      *index         // what scoring reads of every case, numbered
	group  []int          // translation group of each case (content.TranslationGroups)
	bySlug map[string]int // case index by slug
	order  []int          // case indexes in slug order

	mu    sync.Mutex
	reps  map[string]*representation // by prospect language
	dates map[dateKey]*dated
}

// representation is how a prospect language sees the translation groups.
type representation struct {
	cases  []int             // the representative case of each group, in slug order
	others [][]*content.Case // by group: its other cases, by slug
}

type dateKey struct {
	export *support.Export
	sec    int64
	nsec   int
}

// dated is what a Ranker knows of every case at one date with one export.
type dated struct {
	health    []health
	packsOnly []bool
	words     map[string][]worded // by language
}

// worded is a case's health in a language.
type worded struct {
	Health
	supportRed string // the exclusion for red derived health
}

// NewRanker prepares cases for ranking.
func NewRanker(cases []*content.Case, site *config.Site) *Ranker {
	x := newIndex(cases, site)
	r := &Ranker{
		cases:  cases,
		site:   site,
		x:      x,
		group:  x.group,
		bySlug: make(map[string]int, len(cases)),
		order:  make([]int, len(cases)),
		reps:   map[string]*representation{},
		dates:  map[dateKey]*dated{},
	}
	for i, c := range cases {
		r.bySlug[c.Slug] = i
		r.order[i] = i
	}
	slices.SortFunc(r.order, func(a, b int) int { return cmp.Compare(x.rank[a], x.rank[b]) })
	return r
}

// representation returns the representatives for prospects in lang,
// computing them on first use.
func (r *Ranker) representation(lang string) *representation {
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.reps[lang]; ok {
		return v
	}
	v := representatives(r.cases, r.group, r.order, lang, r.site)
	r.reps[lang] = v
	return v
}

// at returns what the ranker knows of every case at the date today with
// the export e, computing it on first use: looking a customer up in the
// export normalises its name, which costs more than scoring the case.
func (r *Ranker) at(e *support.Export, today time.Time) *dated {
	k := dateKey{export: e, sec: today.Unix(), nsec: today.Nanosecond()}
	r.mu.Lock()
	defer r.mu.Unlock()
	if d, ok := r.dates[k]; ok {
		return d
	}
	sup := e.At(today)
	d := &dated{
		health:    make([]health, len(r.cases)),
		packsOnly: make([]bool, len(r.cases)),
		words:     map[string][]worded{},
	}
	for i, c := range r.cases {
		d.health[i] = healthOf(c, sup)
		d.packsOnly[i] = c.Publication(today, r.site).ForWantOfConsent()
	}
	r.dates[k] = d
	return d
}

// healths returns every case's health at the date today with the export e.
func (r *Ranker) healths(e *support.Export, today time.Time) []health {
	return r.at(e, today).health
}

// words returns every case's health at the date of d in t's language.
func (r *Ranker) words(d *dated, t text) []worded {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ws, ok := d.words[t.lang]; ok {
		return ws
	}
	t.health = map[support.Reason]string{}
	ws := make([]worded, len(d.health))
	for i, h := range d.health {
		ws[i].Health = h.words(t)
		if h.derived.Health == support.Red {
			ws[i].supportRed = t.format("support_red", "why", strings.Join(ws[i].HealthReasons, t.m["why_sep"]))
		}
	}
	d.words[t.lang] = ws
	return ws
}

// usage counts the ledger entries of each translation group (indexed by
// group) in the 365 days up to and including end.
func (r *Ranker) usage(visits []content.Visit, end time.Time) []int {
	used := make([]int, len(r.cases))
	for slug, n := range Usage(visits, end) {
		if i, ok := r.bySlug[slug]; ok {
			used[r.group[i]] += n
		}
	}
	return used
}

// Rank is the package's Rank on the ranker's cases and site.
func (r *Ranker) Rank(p Prospect, visits []content.Visit, today time.Time, opt Options) Result {
	return r.rank(p, visits, today, opt, true)
}

// scored is a case that Rank recommends (or offers for calls), before it
// becomes a Match.
type scored struct {
	i     int // into cases
	score float64
	comp  Components
}

// rank ranks; explain false leaves every match and call without reasons,
// for a caller that only wants the best score.
func (r *Ranker) rank(p Prospect, visits []content.Visit, today time.Time, opt Options, explain bool) Result {
	cases, site, group := r.cases, r.site, r.group
	t := textIn(p.Language)
	end := p.VisitDate
	if end.IsZero() {
		end = today
	}
	reps := r.representation(p.Language)
	var used []int
	var d *dated
	var ws []worded
	if !opt.Public {
		used = r.usage(visits, end)
		d = r.at(opt.Support, today)
		ws = r.words(d, t)
	}
	uses := func(i int) int {
		if used == nil {
			return 0
		}
		return used[group[i]]
	}
	selfGroup := -1
	if i, ok := r.bySlug[p.Slug]; ok && opt.Public {
		selfGroup = group[i]
	}
	pf := r.prospectFacts(p, site)
	rs := newReasoner(p, site, opt.Public)
	res := Result{Matches: []Match{}}
	// Cases are visited in slug order: exclusions need no sorting, and
	// matches of equal score are already in slug order.
	matches := make([]scored, 0, len(reps.cases))
	var calls []scored
	for _, i := range reps.cases {
		c := cases[i]
		if opt.Public {
			if group[i] == selfGroup || c.Draft || status(c) != "live" {
				continue
			}
		} else if reasons := rs.exclusions(c, p, uses(i), d.health[i], ws[i]); reasons != nil {
			e := Exclusion{Case: c, Reasons: reasons, Translations: reps.others[group[i]], Health: ws[i].Health, PacksOnly: d.packsOnly[i]}
			res.Excluded = append(res.Excluded, e)
			if e.TakesCalls() {
				calls = append(calls, scored{i: i})
			}
			continue
		}
		matches = append(matches, scored{i: i})
	}
	for _, list := range []struct {
		from    []scored
		to      *[]Match
		explain int
	}{{matches, &res.Matches, opt.Explain}, {calls, &res.Calls, 0}} {
		for k := range list.from {
			s := &list.from[k]
			s.comp = pf.components(s.i, uses(s.i), opt.Public)
			s.score = score(s.comp, site.Weights, opt.Public)
			if !opt.Public && d.health[s.i].level == support.Amber {
				s.score *= AmberFactor
			}
		}
		// Given in slug order, the list needs sorting by score alone, its
		// order breaking ties. A Match is a large struct: sorting small
		// keys and making each match in its place is faster.
		type key struct {
			score float64
			k     int
		}
		keys := make([]key, len(list.from))
		for k, s := range list.from {
			keys[k] = key{s.score, k}
		}
		slices.SortFunc(keys, func(a, b key) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.k, b.k))
		})
		if len(keys) > 0 {
			*list.to = make([]Match, len(keys))
		}
		for k, key := range keys {
			s := list.from[key.k]
			c := cases[s.i]
			m := &(*list.to)[k]
			*m = Match{Case: c, Score: s.score, Components: s.comp, Translations: reps.others[group[s.i]]}
			if !opt.Public {
				m.Health, m.PacksOnly = ws[s.i].Health, d.packsOnly[s.i]
			}
			if !explain || list.explain > 0 && k >= list.explain {
				continue
			}
			rs.explain(m, uses(s.i))
		}
	}
	return res
}

// facts is the prospect in the numbering of the ranker's index, so that
// scoring a case compares numbers rather than strings. Fields outside the
// vocabularies are scored as the prospectInfo of the strings does.
type facts struct {
	x        *index
	pi       prospectInfo
	industry int      // -1 outside the vocabulary
	types    []uint64 // the project types, by vocabulary index
	exact    bool     // every project type is in the vocabulary
	region   int      // -1 not given, -2 no case's region
	logs     [4]float64
	has      uint8
}

func (r *Ranker) prospectFacts(p Prospect, site *config.Site) *facts {
	x := r.x
	f := &facts{x: x, pi: newProspectInfo(p, site), industry: -1, types: make([]uint64, x.words), exact: true, region: -1}
	if j, ok := x.indIndex[p.Industry]; ok {
		f.industry = j
	}
	for _, k := range p.ProjectTypes {
		j, ok := x.ptIndex[k]
		if !ok {
			f.exact = false
			continue
		}
		f.types[j/64] |= 1 << (j % 64)
	}
	if p.Region != "" {
		f.region = -2
		if j, ok := x.regIndex[p.Region]; ok {
			f.region = j
		}
	}
	for i, v := range values(p.Scale) {
		if v > 0 {
			f.logs[i] = math.Log10(float64(v))
			f.has |= 1 << i
		}
	}
	return f
}

// components scores case i for the prospect (README, "refpack match"). Scale is the mean
// closeness over the figures both sides give (0.5 when none), region 1
// when the same, 0.5 when either is not given. It computes as the plain
// scoring on strings in the tests does, in the same order, so the same
// result to the last bit.
func (f *facts) components(i int, used int, public bool) Components {
	x, c := f.x, f.x.cases[i]
	comp := Components{Freshness: 1}
	switch ci := x.industry[i]; {
	case f.industry < 0 || ci < 0:
		comp.Industry = f.pi.industry(c)
	case f.industry == ci:
		comp.Industry = industrySame
	case x.relatedInd[f.industry][ci]:
		comp.Industry = industryRelated
	case x.shareCross(f.types, x.set(i)):
		comp.Industry = industryCross
	}
	switch n := len(f.pi.p.ProjectTypes); {
	case !f.exact:
		comp.ProjectType = projectType(f.pi.p.ProjectTypes, c.ProjectTypes)
	case n > 0:
		common := 0
		for w, b := range x.set(i) {
			common += bits.OnesCount64(b & f.types[w])
		}
		comp.ProjectType = float64(common) / float64(n)
	}
	comp.Scale = 0.5
	if both := f.has & x.has[i]; both != 0 {
		sum, n := 0.0, 0
		for k := range 4 {
			if both&(1<<k) != 0 {
				sum += closeness(x.logs[i][k], f.logs[k])
				n++
			}
		}
		comp.Scale = sum / float64(n)
	}
	switch {
	case f.region == -1 || x.region[i] < 0:
		comp.Region = 0.5
	case f.region == x.region[i]:
		comp.Region = 1
	}
	if limit := c.Reference.MaxVisitsPerYear; !public && limit > 0 {
		comp.Freshness = max(0, 1-float64(used)/float64(limit))
	}
	return comp
}
