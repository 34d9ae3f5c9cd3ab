package match

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/parallel"
	"github.com/refpack/refpack/internal/support"
)

// WeakScore is the best score under which a prospect counts as without a
// good match.
const WeakScore = 0.5

// Coverage tells where the library is thin: how many live, visit-willing
// references each industry has per project type and per employee size
// band, and which prospects lack a good match.
type Coverage struct {
	References   int                       // live, visit-willing references (translations count once)
	Cases        int                       // all case studies, drafts included
	Industries   []string                  // vocabulary keys, in order
	ProjectTypes []string                  // vocabulary keys, in order
	Bands        []string                  // content.EmployeeBands
	ByType       map[string]map[string]int // industry -> project type -> references
	ByBand       map[string]map[string]int // industry -> band -> references (cases without employees are not counted)
	Weak         []WeakProspect            // best score under WeakScore, worst first
	Quota        []QuotaUse                // visit-willing references with a yearly quota, most used first
	Health       []CaseHealth              // cases whose health is not green, by slug
}

// CaseHealth is a case's health as matching uses it at the date of the
// coverage, with the helpdesk's reasons in the site's language.
type CaseHealth struct {
	Case *content.Case
	Health
}

// QuotaUse is how much of a reference's yearly visit quota the ledger has
// used in the 365 days up to today: overused references burn out.
type QuotaUse struct {
	Case *content.Case
	Used int
	Max  int
}

// WeakProspect is a prospect whose best match scores under WeakScore.
type WeakProspect struct {
	Prospect *content.Prospect
	Best     *content.Case // nil when every case is excluded
	Score    float64       // unrounded; 0 without a match
}

// Cell is one industry × project type (or size band) combination.
type Cell struct {
	Industry string
	Key      string // project type or band
}

// Willing reports whether c counts as a reference in coverage: live, not a
// draft, willing to host visits and not in red health (h, the worse of the
// typed and the derived). The visit quota is left out: it is used up for a
// while, not missing.
func Willing(c *content.Case, h string) bool {
	return !c.Draft && status(c) == "live" && c.Reference.Visit && h != support.Red
}

// Cover computes the coverage of lib; today ends the quota window of
// prospects without a visit date.
func Cover(lib *content.Library, today time.Time) Coverage {
	site := lib.Site
	cv := Coverage{
		Cases:        len(lib.Cases),
		Industries:   site.Industries.Keys(),
		ProjectTypes: site.ProjectTypes.Keys(),
		Bands:        content.EmployeeBands,
		ByType:       map[string]map[string]int{},
		ByBand:       map[string]map[string]int{},
	}
	for _, ind := range cv.Industries {
		cv.ByType[ind] = map[string]int{}
		for _, pt := range cv.ProjectTypes {
			cv.ByType[ind][pt] = 0
		}
		cv.ByBand[ind] = map[string]int{}
		for _, b := range cv.Bands {
			cv.ByBand[ind][b] = 0
		}
	}
	r := NewRanker(lib.Cases, site)
	group := r.group
	counted := map[int]bool{}
	used := r.usage(lib.Visits, today)
	t := textIn(site.Language)
	hs := r.healths(lib.Support, today)
	for i, c := range lib.Cases {
		h := hs[i]
		if h.level != support.Green {
			cv.Health = append(cv.Health, CaseHealth{Case: c, Health: h.words(t)})
		}
		// Translations tell one customer's story: count it once.
		if !Willing(c, h.level) || counted[group[i]] {
			continue
		}
		counted[group[i]] = true
		cv.References++
		if m := c.Reference.MaxVisitsPerYear; m > 0 {
			cv.Quota = append(cv.Quota, QuotaUse{Case: c, Used: used[group[i]], Max: m})
		}
		row, ok := cv.ByType[c.Industry]
		if !ok {
			continue
		}
		for i, pt := range c.ProjectTypes {
			if _, ok := row[pt]; ok && !slices.Contains(c.ProjectTypes[:i], pt) {
				row[pt]++
			}
		}
		if b := c.Scale.EmployeeBand(); b != "" {
			cv.ByBand[c.Industry][b]++
		}
	}
	// Each prospect ranks the whole library: one per core at a time.
	best := make([]WeakProspect, len(lib.Prospects))
	parallel.Each(len(lib.Prospects), func(i int) {
		p := lib.Prospects[i]
		// Only the best score counts here: no reasons.
		res := r.rank(FromProspect(p, site), lib.Visits, today, Options{Support: lib.Support}, false)
		best[i].Prospect = p
		if len(res.Matches) > 0 {
			best[i].Best, best[i].Score = res.Matches[0].Case, res.Matches[0].Score
		}
	})
	for _, w := range best {
		if w.Score < WeakScore {
			cv.Weak = append(cv.Weak, w)
		}
	}
	slices.SortFunc(cv.Quota, func(a, b QuotaUse) int {
		// Highest share first: a/b > c/d when a*d > c*b.
		return cmp.Or(cmp.Compare(b.Used*a.Max, a.Used*b.Max), strings.Compare(a.Case.Slug, b.Case.Slug))
	})
	slices.SortFunc(cv.Health, func(a, b CaseHealth) int { return strings.Compare(a.Case.Slug, b.Case.Slug) })
	slices.SortFunc(cv.Weak, func(a, b WeakProspect) int {
		return cmp.Or(cmp.Compare(a.Score, b.Score), strings.Compare(a.Prospect.Slug, b.Prospect.Slug))
	})
	return cv
}

// EmptyTypes lists the industry × project type cells without a reference,
// by industry then project type in vocabulary order.
func (cv Coverage) EmptyTypes() []Cell { return empty(cv.Industries, cv.ProjectTypes, cv.ByType) }

// EmptyBands lists the industry × size band cells without a reference.
func (cv Coverage) EmptyBands() []Cell { return empty(cv.Industries, cv.Bands, cv.ByBand) }

func empty(rows, cols []string, m map[string]map[string]int) []Cell {
	var out []Cell
	for _, r := range rows {
		for _, c := range cols {
			if m[r][c] == 0 {
				out = append(out, Cell{r, c})
			}
		}
	}
	return out
}
