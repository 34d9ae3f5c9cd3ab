package support

import (
	"math"

	"github.com/refpack/refpack/internal/locale"
)

// Text words the reason in lang (English when lang is unknown), from the
// [support] section of the language's catalogue.
func (r Reason) Text(lang string) string {
	c := locale.For(lang)
	percent := func(f float64) string { return c.Percent(int(math.Round(f * 100))) }
	vars := []string{
		"n", c.Number(int64(r.Count)),
		"d", c.Number(int64(r.Days)),
		"days", c.Form("support.days", r.Days),
		"l", c.Number(int64(r.Limit)),
		"limit_days", c.Form("support.days", r.Limit),
		"g", c.Number(int64(r.Good)),
		"w", c.Number(RatingWindow),
		"share", percent(r.Share),
		"min", percent(r.Min),
	}
	var s string
	switch r.Kind {
	case SevereOpen:
		s = c.Form("support.severe", r.Count)
		if r.Count == 1 {
			s = c.T("support.severe_one")
		}
		if r.Health == Red {
			s += c.T("support.red_limit")
		}
	case LongOpen:
		s = c.Form("support.long", r.Count)
		if r.Count == 1 {
			s = c.T("support.long_one")
		}
	default:
		s = c.T("support.low_rating")
	}
	return locale.Fill(s, vars...)
}
