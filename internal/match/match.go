// Package match ranks case studies as references for a prospect (README,
// "`refpack match`"): hard exclusions first, then a weighted score of five
// components, each explained by a reason in the prospect's language. It is
// pure: the clock and the ledger are passed in.
package match

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/support"
)

// Prospect is what references are ranked for: a prospect, or a case study
// when looking for related cases.
type Prospect struct {
	Slug         string
	Industry     string
	ProjectTypes []string
	Region       string
	Scale        content.Scale
	VisitDate    time.Time // zero: the quota window ends at the date passed to Rank
	Language     string    // language of the reasons; "" means English
}

// FromProspect takes the fields matching needs from a loaded prospect. An
// empty language means the site's.
func FromProspect(p *content.Prospect, site *config.Site) Prospect {
	return Prospect{
		Slug:         p.Slug,
		Industry:     p.Industry,
		ProjectTypes: p.ProjectTypes,
		Region:       p.Region,
		Scale:        p.Scale,
		VisitDate:    p.VisitDate,
		Language:     cmp.Or(p.Language, site.Language),
	}
}

// FromCase treats a case study as a prospect, on its public fields only.
func FromCase(c *content.Case, site *config.Site) Prospect {
	return Prospect{
		Slug:         c.Slug,
		Industry:     c.Industry,
		ProjectTypes: c.ProjectTypes,
		Region:       c.Region,
		Scale:        c.Scale,
		Language:     cmp.Or(c.Language, site.Language),
	}
}

// Options change what Rank considers.
type Options struct {
	// Public ranks on public fields only, as "related cases" on the public
	// site do: no exclusion or component that reads [reference] or the
	// ledger. Freshness is dropped from the weights (the score is
	// normalised by the other four), the prospect's own slug is left out,
	// and drafts and cases that are not live are left out without being
	// listed as excluded.
	Public bool
	// Support is the helpdesk export whose derived health (at the date
	// passed to Rank) joins [reference] health; nil when there is none.
	Support *support.Export
	// Explain, when positive, gives Reasons only to the best Explain
	// matches, the ones the caller shows; the others are ranked and
	// counted without. Calls always get theirs. 0: every match.
	Explain int
}

// Components are the five component values of a score, each in [0, 1].
type Components struct {
	Industry    float64 `json:"industry"`
	ProjectType float64 `json:"project_type"`
	Scale       float64 `json:"scale"`
	Region      float64 `json:"region"`
	Freshness   float64 `json:"freshness"`
}

// Match is a recommended reference.
type Match struct {
	Case       *content.Case
	Score      float64 // in [0, 1], unrounded; times AmberFactor in amber health
	Components Components
	Reasons    []string // one per component that contributed, in the prospect's language
	// Translations are the other versions of Case's story (translation_of):
	// the same customer, ranked once as Case. By slug.
	Translations []*content.Case
	Health
	// PacksOnly: the case is not on the public site for want of consent
	// (README, "Consent: which cases are published"), but the customer may
	// still be a reference.
	PacksOnly bool
}

// Health is the health that matching uses, the worse of [reference]
// health and the one derived from the helpdesk export, with the derived
// one's reasons in the prospect's language.
type Health struct {
	Health        string
	HealthReasons []string
}

// Reason is why a case is excluded.
type Reason struct {
	Text string // in the prospect's language
	// VisitOnly marks a reason that rules out a visit but not a call
	// (visit = false, competitors = false): a case excluded only
	// for such reasons that takes calls is a call reference.
	VisitOnly bool
}

// Exclusion is a case that must not be recommended, and every reason why.
type Exclusion struct {
	Case         *content.Case
	Reasons      []Reason
	Translations []*content.Case // as in Match
	Health
	PacksOnly bool
}

// Texts returns the reasons' texts.
func (e Exclusion) Texts() []string {
	out := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		out[i] = r.Text
	}
	return out
}

// TakesCalls reports whether the excluded case may still be offered as a
// call reference: every reason rules out only a visit, and the customer
// takes calls.
func (e Exclusion) TakesCalls() bool {
	if !e.Case.Reference.Call || len(e.Reasons) == 0 {
		return false
	}
	for _, r := range e.Reasons {
		if !r.VisitOnly {
			return false
		}
	}
	return true
}

// AmberFactor is what amber health (typed or derived) multiplies a match's
// score by: a customer with open trouble can still host a visit, but one
// without should come first unless it fits clearly worse.
const AmberFactor = 0.8

// Result is a ranking: matches and calls by score descending, then slug
// ascending; exclusions by slug. Every customer appears once: translations
// of one story are ranked as the version in the prospect's language, else
// the original.
type Result struct {
	Matches []Match
	// Calls are the excluded cases that still take calls,
	// scored like matches; they are also listed in Excluded.
	Calls    []Match
	Excluded []Exclusion
}

// QuotaWindow is how far back the ledger counts a reference's visits.
const QuotaWindow = 365 * 24 * time.Hour

// Rank scores every customer for the prospect p. today ends the quota
// window when p has no visit date. Every ledger entry (visit or call)
// within the 365 days up to and including the window's end counts as one
// use of the reference; translations of a case (joined by translation_of)
// are the same customer, share their uses and are ranked once, as the
// version Representative picks.
//
// Ranking many prospects against the same cases is faster with one
// Ranker.
func Rank(p Prospect, cases []*content.Case, visits []content.Visit, site *config.Site, today time.Time, opt Options) Result {
	return NewRanker(cases, site).Rank(p, visits, today, opt)
}

// Closest returns the n published case studies in the prospect's language
// closest to the prospect by the public scoring, one per customer: the
// pages a rep can send before asking a customer to host a visit. A page
// the prospect cannot read is no evidence, so other languages are left out,
// and so are cases sharing neither an industry relation nor a project type.
func Closest(p Prospect, cases []*content.Case, site *config.Site, n int) []Match {
	p.Slug = "" // a prospect is no case: none is left out as its own
	var out []Match
	// Only the matches returned need reasons.
	for _, m := range NewRanker(cases, site).rank(p, nil, time.Time{}, Options{Public: true}, false).Matches {
		if len(out) == n {
			break
		}
		// As for related cases, a page must share an industry relation or
		// a project type with the prospect.
		related := m.Components.Industry > 0 || m.Components.ProjectType > 0
		if related && cmp.Or(m.Case.Language, site.Language) == p.Language {
			out = append(out, m)
		}
	}
	rs := newReasoner(p, site, true)
	for k := range out {
		rs.explain(&out[k], 0)
	}
	return out
}

// representatives picks the case that stands for each translation group:
// a case that is not a draft over a draft, then the one in lang, then the
// original (the case that names no other), then the first slug. order
// lists the cases' indexes in slug order.
func representatives(cases []*content.Case, group, order []int, lang string, site *config.Site) *representation {
	rank := func(c *content.Case) [3]bool {
		return [3]bool{c.Draft, cmp.Or(c.Language, site.Language) != lang, c.TranslationOf != ""}
	}
	better := func(a, b *content.Case) bool {
		ra, rb := rank(a), rank(b)
		for k := range ra {
			if ra[k] != rb[k] {
				return !ra[k]
			}
		}
		return a.Slug < b.Slug
	}
	rep := make([]int, len(cases))
	for i := range rep {
		rep[i] = -1
	}
	for i, c := range cases {
		if j := rep[group[i]]; j < 0 || better(c, cases[j]) {
			rep[group[i]] = i
		}
	}
	v := &representation{others: make([][]*content.Case, len(cases))}
	for _, i := range order {
		if g := group[i]; rep[g] == i {
			v.cases = append(v.cases, i)
		} else {
			v.others[g] = append(v.others[g], cases[i])
		}
	}
	return v
}

// health is a case's health as matching sees it.
type health struct {
	level   string // the worse of typed and derived
	derived support.Health
}

func healthOf(c *content.Case, sup support.Snapshot) health {
	d := sup.Health(c.SupportName())
	return health{level: support.Worse(c.Reference.Health, d.Health), derived: d}
}

// HealthAt is the health matching uses for c on the date of sup, with the
// helpdesk's reasons in lang.
func HealthAt(c *content.Case, sup support.Snapshot, lang string) Health {
	t := textIn(lang)
	t.health = map[support.Reason]string{}
	return healthOf(c, sup).words(t)
}

func (h health) words(t text) Health {
	return Health{Health: h.level, HealthReasons: h.derived.Texts(t.lang, t.health)}
}

// amberReason says what amber health cost the score, and why it is amber.
func amberReason(h Health, t text) string {
	why := strings.Join(h.HealthReasons, t.m["why_sep"])
	if why == "" {
		why = t.m["amber_typed"]
	}
	return t.format("amber", "f", factor(AmberFactor, t.lang), "why", why)
}

// Usage counts the ledger entries per case in the 365 days up to and
// including end.
func Usage(visits []content.Visit, end time.Time) map[string]int {
	start := end.Add(-QuotaWindow)
	used := map[string]int{}
	for _, v := range visits {
		if !v.Date.Before(start) && !v.Date.After(end) {
			used[v.Case]++
		}
	}
	return used
}

// Top returns the best n matches.
func (r Result) Top(n int) []Match {
	return r.Matches[:min(n, len(r.Matches))]
}

func status(c *content.Case) string { return cmp.Or(c.Status, "live") }

// exclusions returns why c must not be recommended for p, or nil. Most
// reasons repeat across a ranking, so each is formatted once.
func (r *reasoner) exclusions(c *content.Case, p Prospect, used int, h health, w worded) []Reason {
	t := r.t
	var why []Reason
	add := func(visitOnly bool, k reasonKey, format func() string) {
		why = append(why, Reason{Text: r.once(k, format), VisitOnly: visitOnly})
	}
	fixed := func(visitOnly bool, s *string, key string) {
		if *s == "" {
			*s = t.format(key)
		}
		why = append(why, Reason{Text: *s, VisitOnly: visitOnly})
	}
	if c.Draft {
		fixed(false, &r.fixed.draft, "draft")
	}
	if s := status(c); s != "live" {
		add(false, reasonKey{kind: kindStatus, s: s}, func() string { return t.format("status", "s", t.status(s)) })
	}
	if !c.Reference.Visit {
		fixed(true, &r.fixed.noVisits, "no_visits")
	}
	if c.Reference.RefusesCompetitors && c.Industry == p.Industry {
		fixed(true, &r.fixed.competitors, "competitors")
	}
	if c.Reference.Health == support.Red {
		fixed(false, &r.fixed.healthRed, "health_red")
	}
	if h.derived.Health == support.Red {
		why = append(why, Reason{Text: w.supportRed})
	}
	if limit := c.Reference.MaxVisitsPerYear; limit > 0 && used >= limit {
		add(false, reasonKey{kind: kindQuota, a: used, b: limit}, func() string {
			return t.format("quota", "n", Number(int64(used), t.lang), "m", Number(int64(limit), t.lang))
		})
	}
	return why
}

// Industry component values.
const (
	industrySame    = 1
	industryRelated = 0.6
	industryCross   = 0.3
)

// prospectInfo is what Rank looks up about the prospect once, not once per
// case.
type prospectInfo struct {
	p       Prospect
	related []string // industries related to the prospect's
	cross   []string // the prospect's cross-industry project types
}

func newProspectInfo(p Prospect, site *config.Site) prospectInfo {
	pi := prospectInfo{p: p}
	if t, ok := site.Industries.Get(p.Industry); ok {
		pi.related = t.Related
	}
	for _, k := range site.Industries.Keys() {
		if site.Related(k, p.Industry) && !slices.Contains(pi.related, k) {
			pi.related = append(pi.related, k)
		}
	}
	for _, k := range p.ProjectTypes {
		if site.CrossIndustry(k) {
			pi.cross = append(pi.cross, k)
		}
	}
	return pi
}

func (pi *prospectInfo) industry(c *content.Case) float64 {
	switch {
	case pi.p.Industry == c.Industry:
		return industrySame
	case slices.Contains(pi.related, c.Industry):
		return industryRelated
	case slices.ContainsFunc(pi.cross, func(k string) bool { return slices.Contains(c.ProjectTypes, k) }):
		return industryCross
	}
	return 0
}

func industry(p Prospect, c *content.Case, site *config.Site) float64 {
	switch {
	case p.Industry == c.Industry:
		return industrySame
	case site.Related(p.Industry, c.Industry) || site.Related(c.Industry, p.Industry):
		return industryRelated
	case crossType(p.ProjectTypes, c.ProjectTypes, site) != "":
		return industryCross
	}
	return 0
}

// crossType returns the first of the prospect's cross-industry project
// types that the case also has, or "".
func crossType(prospect, ref []string, site *config.Site) string {
	for _, k := range prospect {
		if site.CrossIndustry(k) && slices.Contains(ref, k) {
			return k
		}
	}
	return ""
}

func projectType(prospect, ref []string) float64 {
	if len(prospect) == 0 {
		return 0
	}
	n := 0
	for i, k := range prospect {
		if slices.Contains(ref, k) && !slices.Contains(prospect[:i], k) {
			n++
		}
	}
	return float64(n) / float64(len(prospect))
}

// shared returns the prospect's project types that ref has, in the
// prospect's order, each once.
func shared(prospect, ref []string) []string {
	var out []string
	for _, k := range prospect {
		if slices.Contains(ref, k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// values are the scale fields in the order of content.Scale.Fields.
func values(s content.Scale) [4]int64 {
	return [4]int64{s.Employees, s.Users, s.Documents, s.Sites}
}

// closeness compares two sizes by their log10: a larger reference loses a
// third per order of magnitude, a smaller one half, because prospects trust
// a bigger customer's experience more than a smaller one's.
func closeness(logRef, logProspect float64) float64 {
	d := logRef - logProspect
	if d > 0 {
		return max(0, 1-d/3)
	}
	return max(0, 1+d/2)
}

// score is the weighted mean of the components, so it stays in [0, 1]
// whatever the weights sum to.
func score(c Components, w config.Weights, public bool) float64 {
	if public {
		w.Freshness = 0
	}
	sum := w.Industry + w.ProjectType + w.Scale + w.Region + w.Freshness
	if sum <= 0 {
		return 0
	}
	s := w.Industry*c.Industry + w.ProjectType*c.ProjectType + w.Scale*c.Scale + w.Region*c.Region + w.Freshness*c.Freshness
	return min(1, max(0, s/sum))
}

// Round rounds a score to 2 decimals, as printed and in JSON.
func Round(s float64) float64 { return math.Round(s*100) / 100 }

// reasoner explains every component that contributed to a score. Most
// reasons repeat across a ranking ("Same industry: Banking"), so each is
// formatted once per Rank and shared.
type reasoner struct {
	p      Prospect
	site   *config.Site
	t      text
	public bool
	memo   map[reasonKey]string
	// The exclusions that depend on the language alone, formatted on first
	// use: half of a library can be excluded.
	fixed struct{ draft, noVisits, competitors, healthRed string }
	buf   []string // room for the next matches' reasons
}

func newReasoner(p Prospect, site *config.Site, public bool) *reasoner {
	return &reasoner{p: p, site: site, t: textIn(p.Language), public: public, memo: map[reasonKey]string{}}
}

// explain gives m its reasons; used is the uses of its reference. The
// reasons of many matches share one allocation, each capped at its own
// length so that appending to one never writes into another.
func (r *reasoner) explain(m *Match, used int) {
	const most = 6 // five components and amber health
	if len(r.buf) < most {
		r.buf = make([]string, 256*most)
	}
	out := r.reasons(m.Case, m.Components, used, r.buf[:0:most])
	if m.Health.Health == support.Amber {
		out = append(out, amberReason(m.Health, r.t))
	}
	m.Reasons = out[:len(out):len(out)]
	r.buf = r.buf[len(out):]
}

// reasonKind is what a memoised reason says; a number, as the memo is
// looked up for every explained match.
type reasonKind uint8

const (
	kindSame reasonKind = iota
	kindRelated
	kindCross
	kindTypes
	kindRegion
	kindFresh
	kindStatus
	kindQuota
)

type reasonKey struct {
	kind reasonKind
	s    string
	a, b int
}

func (r *reasoner) once(k reasonKey, format func() string) string {
	if s, ok := r.memo[k]; ok {
		return s
	}
	s := format()
	r.memo[k] = s
	return s
}

func (r *reasoner) reasons(c *content.Case, comp Components, used int, out []string) []string {
	p, site, t := r.p, r.site, r.t
	ind := func(k string) string { return site.Industries.Label(k, t.lang) }
	pt := func(k string) string { return site.ProjectTypes.Label(k, t.lang) }
	switch comp.Industry {
	case industrySame:
		out = append(out, r.once(reasonKey{kind: kindSame, s: c.Industry}, func() string {
			return t.format("same_industry", "a", ind(c.Industry))
		}))
	case industryRelated:
		out = append(out, r.once(reasonKey{kind: kindRelated, s: c.Industry}, func() string {
			return t.format("related_industry", "p", ind(p.Industry), "c", ind(c.Industry))
		}))
	case industryCross:
		k := crossType(p.ProjectTypes, c.ProjectTypes, site)
		out = append(out, r.once(reasonKey{kind: kindCross, s: k}, func() string {
			return t.format("cross_industry", "t", pt(k))
		}))
	}
	if comp.ProjectType > 0 {
		// The reason depends only on which of the prospect's types the
		// case shares.
		mask := 0
		for i, k := range p.ProjectTypes {
			if i < 62 && slices.Contains(c.ProjectTypes, k) {
				mask |= 1 << i
			}
		}
		key := reasonKey{kind: kindTypes, a: mask}
		if len(p.ProjectTypes) > 62 {
			key.s = c.Slug
		}
		out = append(out, r.once(key, func() string {
			var labels []string
			for _, k := range shared(p.ProjectTypes, c.ProjectTypes) {
				labels = append(labels, pt(k))
			}
			return t.format("project_types",
				"n", Number(int64(len(labels)), t.lang), "m", Number(int64(len(p.ProjectTypes)), t.lang),
				"list", strings.Join(labels, t.m["list_sep"]))
		}))
	}
	if comp.Scale > 0 {
		out = append(out, scaleReason(p.Scale, c.Scale, t))
	}
	switch {
	case comp.Region == 1:
		out = append(out, r.once(reasonKey{kind: kindRegion, s: c.Region}, func() string {
			return t.format("same_region", "r", site.Regions.Label(c.Region, t.lang))
		}))
	case comp.Region > 0:
		out = append(out, t.format("region_unknown"))
	}
	if !r.public && comp.Freshness > 0 {
		if limit := c.Reference.MaxVisitsPerYear; limit > 0 {
			out = append(out, r.once(reasonKey{kind: kindFresh, a: used, b: limit}, func() string {
				return t.count("fresh", limit, "used", Number(int64(used), t.lang))
			}))
		} else {
			out = append(out, t.format("fresh_unlimited"))
		}
	}
	return out
}

// scaleReason describes the size comparison on the first field both sides
// give (employees first).
func scaleReason(p, ref content.Scale, t text) string {
	pf, rf := p.Fields(), ref.Fields()
	for i := range pf {
		pv, rv := pf[i].Value, rf[i].Value
		if pv <= 0 || rv <= 0 {
			continue
		}
		ratio := float64(rv) / float64(pv)
		key := "scale_similar"
		switch {
		case ratio >= 10:
			key = "scale_much_larger"
		case ratio > 1.25:
			key = "scale_larger"
		case ratio <= 0.1:
			key = "scale_much_smaller"
		case ratio < 0.8:
			key = "scale_smaller"
		}
		return t.format(key, "r", Number(rv, t.lang), "p", Number(pv, t.lang), "field", t.m[pf[i].Name])
	}
	return t.format("scale_none")
}
