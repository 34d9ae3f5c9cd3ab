package content

import (
	"cmp"
	"slices"
	"strings"
)

// SortCases puts cases in the order of the site's listings (README, "What
// the build writes"): newest first, then by slug.
func SortCases(cases []*Case) {
	slices.SortStableFunc(cases, func(a, b *Case) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug, b.Slug))
	})
}
