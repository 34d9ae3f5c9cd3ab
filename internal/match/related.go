package match

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/parallel"
)

// Related finds, for every case, the n closest other cases by the public
// scoring of Rank (Options.Public): live, non-draft cases that share an
// industry relation or a project type with it. Translations of the same
// story count once, and never for one another: the translation in the
// case's own language is preferred on equal scores. Order: score
// descending, then the case's language first, then slug. The result maps a
// case's slug to the slugs of its related cases; cases without any are left
// out.
//
// A 10,000-case library needs 10^8 pairs scored naively, so the cases are
// grouped by industry and a group, or a case, is skipped as soon as an upper
// bound of its score cannot beat the n-th best found so far.
func Related(cases []*content.Case, site *config.Site, n int) map[string][]string {
	if n <= 0 || len(cases) == 0 {
		return map[string][]string{}
	}
	x := newIndex(cases, site)
	out := make([][]string, len(cases))
	parallel.Each(len(cases), func(i int) { out[i] = x.related(i, n) })
	res := make(map[string][]string, len(cases))
	for i, c := range cases {
		if len(out[i]) > 0 {
			res[c.Slug] = out[i]
		}
	}
	return res
}

// RelatedKey is what Related reads of a case: while it stays the same
// through an edit, the related cases of every case stay the same and need
// not be found again (half a second on 10,000 cases).
func RelatedKey(c *content.Case) string {
	return fmt.Sprintf("%q %v %q %q %q %q %v %q %q", c.Slug, c.Draft, c.Industry, c.Language, c.ProjectTypes, c.Region, c.Scale, c.Status, c.TranslationOf)
}

// index holds what scoring needs of every case, precomputed once.
type index struct {
	site       *config.Site
	cases      []*content.Case
	w          config.Weights // freshness zeroed: public scoring
	wsum       float64
	words      int          // uint64 words per project-type set
	pts        []uint64     // len(cases)*words project-type bits
	cross      []uint64     // the cross-industry project types
	industry   []int        // index into site.Industries, -1 when unknown
	relatedInd [][]bool     // related[a][b] between industry indexes
	logs       [][4]float64 // log10 of each scale field, 0 when not given (see has)
	has        []uint8      // bit i: scale field i is given
	region     []int        // index into site.Regions, -1 when not given
	group      []int        // translation group
	eligible   []bool       // may be recommended: live and not a draft
	lang       []int32      // the case's language (the site's when not given), numbered
	rank       []int32      // the case's place in slug order, which breaks ties
	buckets    [][]int      // industry index (+1, 0 for unknown) -> eligible cases
	// The numbering of project types, industries and regions (those of
	// the cases outside the vocabulary included), for prospects.
	ptIndex, indIndex, regIndex map[string]int
}

func newIndex(cases []*content.Case, site *config.Site) *index {
	x := &index{site: site, cases: cases, w: site.Weights}
	x.w.Freshness = 0
	x.wsum = x.w.Industry + x.w.ProjectType + x.w.Scale + x.w.Region
	ptKeys := site.ProjectTypes.Keys()
	ptIndex := make(map[string]int, len(ptKeys))
	for i, k := range ptKeys {
		ptIndex[k] = i
	}
	x.words = max(1, (len(ptKeys)+63)/64)
	x.cross = make([]uint64, x.words)
	for i, k := range ptKeys {
		if site.CrossIndustry(k) {
			x.cross[i/64] |= 1 << (i % 64)
		}
	}
	indKeys := site.Industries.Keys()
	indIndex := make(map[string]int, len(indKeys))
	for i, k := range indKeys {
		indIndex[k] = i
	}
	x.relatedInd = make([][]bool, len(indKeys))
	for a, ka := range indKeys {
		x.relatedInd[a] = make([]bool, len(indKeys))
		for b, kb := range indKeys {
			x.relatedInd[a][b] = site.Related(ka, kb) || site.Related(kb, ka)
		}
	}
	regIndex := map[string]int{}
	for i, k := range site.Regions.Keys() {
		regIndex[k] = i
	}
	x.logs = make([][4]float64, len(cases))
	x.has = make([]uint8, len(cases))
	x.region = make([]int, len(cases))
	x.pts = make([]uint64, len(cases)*x.words)
	x.industry = make([]int, len(cases))
	x.eligible = make([]bool, len(cases))
	x.buckets = make([][]int, len(indKeys)+1)
	for i, c := range cases {
		for _, k := range c.ProjectTypes {
			if j, ok := ptIndex[k]; ok {
				x.pts[i*x.words+j/64] |= 1 << (j % 64)
			}
		}
		for f, v := range values(c.Scale) {
			if v > 0 {
				x.logs[i][f] = math.Log10(float64(v))
				x.has[i] |= 1 << f
			}
		}
		x.region[i] = -1
		if c.Region != "" {
			j, ok := regIndex[c.Region]
			if !ok {
				// A region outside the vocabulary still equals itself.
				j = len(regIndex)
				regIndex[c.Region] = j
			}
			x.region[i] = j
		}
		x.industry[i] = -1
		if j, ok := indIndex[c.Industry]; ok {
			x.industry[i] = j
		}
		x.eligible[i] = !c.Draft && status(c) == "live"
		if x.eligible[i] {
			x.buckets[x.industry[i]+1] = append(x.buckets[x.industry[i]+1], i)
		}
	}
	x.ptIndex, x.indIndex, x.regIndex = ptIndex, indIndex, regIndex
	x.group = content.TranslationGroups(cases)
	// Ties are frequent, and comparing numbers instead of strings for them
	// is a sixth of the work of a large library.
	langs := map[string]int32{}
	x.lang = make([]int32, len(cases))
	for i, c := range cases {
		l := cmp.Or(c.Language, site.Language)
		if _, ok := langs[l]; !ok {
			langs[l] = int32(len(langs))
		}
		x.lang[i] = langs[l]
	}
	bySlug := make([]int32, len(cases))
	for i := range bySlug {
		bySlug[i] = int32(i)
	}
	slices.SortFunc(bySlug, func(a, b int32) int { return strings.Compare(cases[a].Slug, cases[b].Slug) })
	x.rank = make([]int32, len(cases))
	for r, i := range bySlug {
		x.rank[i] = int32(r)
		if r > 0 && cases[bySlug[r-1]].Slug == cases[i].Slug {
			x.rank[i] = x.rank[bySlug[r-1]] // equal slugs tie, as the strings do
		}
	}
	return x
}

func (x *index) set(i int) []uint64 { return x.pts[i*x.words : (i+1)*x.words] }

// candidate is a case found for a query, with what orders it.
type candidate struct {
	i        int
	score    float64
	sameLang bool
}

func (x *index) better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.sameLang != b.sameLang {
		return a.sameLang
	}
	return x.rank[a.i] < x.rank[b.i]
}

// related returns the slugs of the n closest cases to case q.
func (x *index) related(q, n int) []string {
	qc := x.cases[q]
	qset := x.set(q)
	qcross := false
	for w := range qset {
		qcross = qcross || qset[w]&x.cross[w] != 0
	}
	qlang := x.lang[q]
	qind := x.industry[q]
	type bucket struct {
		cases []int
		ind   float64 // the highest industry value a case of the bucket can get
	}
	var order []bucket
	for b, list := range x.buckets {
		if len(list) == 0 {
			continue
		}
		ind := 0.0
		switch {
		case b == 0 || b-1 == qind:
			// Cases of an industry outside the vocabulary are scored one
			// by one.
			ind = industrySame
		case qind >= 0 && x.relatedInd[qind][b-1]:
			ind = industryRelated
		case qcross:
			ind = industryCross
		}
		order = append(order, bucket{list, ind})
	}
	slices.SortStableFunc(order, func(a, b bucket) int { return cmp.Compare(b.ind, a.ind) })

	rest := x.w.ProjectType + x.w.Scale + x.w.Region // the most the other components add
	var best []candidate
	kth := func() float64 {
		if len(best) < n {
			return math.Inf(-1)
		}
		return best[n-1].score
	}
	for _, b := range order {
		if x.bound(x.w.Industry*b.ind+rest) < kth() {
			break
		}
		for _, j := range b.cases {
			if x.group[j] == x.group[q] {
				continue
			}
			c := x.cases[j]
			var comp Components
			switch {
			case x.industry[j] < 0 || qind < 0:
				comp.Industry = industry(FromCase(qc, x.site), c, x.site)
			case b.ind == industrySame || b.ind == industryRelated:
				comp.Industry = b.ind
			default:
				if qcross && x.shareCross(qset, x.set(j)) {
					comp.Industry = industryCross
				}
			}
			if len(qc.ProjectTypes) > 0 {
				common := 0
				for w, bits0 := range x.set(j) {
					common += bits.OnesCount64(bits0 & qset[w])
				}
				comp.ProjectType = float64(common) / float64(len(qc.ProjectTypes))
			}
			if comp.Industry == 0 && comp.ProjectType == 0 {
				continue
			}
			partial := x.w.Industry*comp.Industry + x.w.ProjectType*comp.ProjectType + x.w.Scale + x.w.Region
			if x.bound(partial) < kth() {
				continue
			}
			comp.Scale = x.scale(q, j)
			comp.Region = x.regionOf(q, j)
			comp.Freshness = 1
			cand := candidate{i: j, score: score(comp, x.site.Weights, true), sameLang: x.lang[j] == qlang}
			best = x.insert(best, cand, n)
		}
	}
	out := make([]string, len(best))
	for k, c := range best {
		out[k] = x.cases[c.i].Slug
	}
	return out
}

// bound turns a weighted sum into the score it can reach at most, with a
// margin for rounding so that ties are never pruned.
func (x *index) bound(weighted float64) float64 {
	if x.wsum <= 0 {
		return 0
	}
	return weighted/x.wsum + 1e-9
}

// scale is scale() on the precomputed logarithms: the same arithmetic, so
// the same result to the last bit.
func (x *index) scale(q, c int) float64 {
	both := x.has[q] & x.has[c]
	if both == 0 {
		return 0.5
	}
	sum, n := 0.0, 0
	for f := range 4 {
		if both&(1<<f) != 0 {
			sum += closeness(x.logs[c][f], x.logs[q][f])
			n++
		}
	}
	return sum / float64(n)
}

func (x *index) regionOf(q, c int) float64 {
	switch {
	case x.region[q] < 0 || x.region[c] < 0:
		return 0.5
	case x.region[q] == x.region[c]:
		return 1
	}
	return 0
}

func (x *index) shareCross(q, c []uint64) bool {
	for w := range q {
		if q[w]&c[w]&x.cross[w] != 0 {
			return true
		}
	}
	return false
}

// insert adds cand to best (ordered, at most n, one case per translation
// group) and returns the new list.
func (x *index) insert(best []candidate, cand candidate, n int) []candidate {
	for k, b := range best {
		if x.group[b.i] == x.group[cand.i] {
			if !x.better(cand, b) {
				return best
			}
			best = slices.Delete(best, k, k+1)
			break
		}
	}
	pos := len(best)
	for k, b := range best {
		if x.better(cand, b) {
			pos = k
			break
		}
	}
	if pos >= n {
		return best
	}
	best = slices.Insert(best, pos, cand)
	if len(best) > n {
		best = best[:n]
	}
	return best
}
