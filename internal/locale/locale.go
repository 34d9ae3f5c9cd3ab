// Package locale holds one catalogue per language of every string refpack
// shows a person (the theme's i18n/<lang>.toml, see Catalogue), formats
// numbers, dates and lists the way that language writes them, and tells the
// CLDR plural category of a count. The site, the packs, match, the report and
// the scaffolds all read it, so one figure or phrase reads the same everywhere.
package locale

import (
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Number formats n the way lang writes it (see Catalogue.Number).
func Number(n int64, lang string) string { return For(lang).Number(n) }

// Decimal formats x with digits after lang's decimal mark.
func Decimal(x float64, digits int, lang string) string { return For(lang).Decimal(x, digits) }

// Fill replaces each {name} placeholder of s with the value that follows
// name in pairs; a placeholder without a value stays as it is, and values
// are never expanded again. It is one pass, as match and the report fill
// tens of thousands of strings.
func Fill(s string, pairs ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(s)
			return b.String()
		}
		name, value := s[i+1:i+j], s[i:i+j+1]
		for k := 0; k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				value = pairs[k+1]
				break
			}
		}
		b.WriteString(s[:i])
		b.WriteString(value)
		s = s[i+j+1:]
	}
}

// PluralCategory returns the CLDR plural category ("zero", "one", "two",
// "few", "many" or "other") of the whole number n in lang, from the CLDR
// tables of golang.org/x/text: "1 Fallstudie", "2 Fallstudien",
// "5 кейсов".
func PluralCategory(n int, lang string) string {
	// MatchPlural takes the operands of CLDR's rules: for a whole number,
	// its absolute value and no visible fraction digits.
	i := max(n, -n)
	switch plural.Cardinal.MatchPlural(language.Make(lang), i, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}
