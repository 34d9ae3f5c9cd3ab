package report

import (
	"math"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/locale"
)

// Text formats the report's strings in one language, the [report] section
// of its catalogue (see locale.Catalogue).
type Text struct {
	lang string
	c    *locale.Catalogue
}

func textIn(lang string) Text {
	c := locale.For(lang)
	return Text{c.Lang, c}
}

// TextIn returns the strings of lang, English when refpack has none.
func TextIn(lang string) Text { return textIn(lang) }

// Lang is the language of the strings.
func (t Text) Lang() string { return t.lang }

// T returns the string key with its {name} placeholders filled from pairs
// of name and value.
func (t Text) T(key string, pairs ...string) string { return t.c.T("report."+key, pairs...) }

// N formats a count with its phrase in the plural form the language's CLDR
// rule gives it (see locale.Catalogue.N).
func (t Text) N(key string, n int, pairs ...string) string {
	return t.c.N("report."+key, n, pairs...)
}

// Int formats n with the language's digit grouping.
func (t Text) Int(n int) string { return t.c.Number(int64(n)) }

// Decimal formats a score with two decimals and the language's decimal mark.
func (t Text) Decimal(x float64) string { return t.c.Decimal(x, 2) }

// Date formats a calendar date.
func (t Text) Date(d time.Time) string { return t.c.Date(d) }

// Month names a month for a chart axis: "Dec 2025", "2025年12月".
func (t Text) Month(d time.Time) string { return t.c.MonthYear(d) }

// Percent formats a share in [0, 1] as a whole percentage; "—" for nil.
func (t Text) Percent(r *float64) string {
	if r == nil {
		return t.T("na")
	}
	return t.c.Percent(int(math.Round(*r * 100)))
}

// Money formats amounts per currency, currencies in alphabetical order:
// "1,250,000 EUR · 30,000,000 JPY"; "—" when there are none.
func (t Text) Money(m map[string]int64) string {
	if len(m) == 0 {
		return t.T("na")
	}
	var parts []string
	for _, cur := range Currencies(m) {
		parts = append(parts, t.c.Number(m[cur])+"\u00a0"+cur)
	}
	return strings.Join(parts, " · ")
}

// List joins a short list the way the language writes it.
func (t Text) List(items []string) string { return t.c.List(items) }

// MonthName is the short name of d's month.
func (t Text) MonthName(d time.Time) string { return t.c.MonthShort(d.Month()) }

// Outcome translates a ledger outcome or health level.
func (t Text) Outcome(s string) string {
	if s != "" && t.c.Has("report."+s) {
		return t.T(s)
	}
	return s
}
