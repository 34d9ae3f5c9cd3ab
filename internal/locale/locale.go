// Package locale formats numbers, dates and lists the way English, Japanese,
// Russian and German readers write them, and tells the CLDR plural category
// of a count. The site, the match reasons and the packs
// all use it, so one figure reads the same everywhere.
package locale

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Number formats n with the language's thousands separator: "12,000" in
// English and Japanese, "12 000" with a no-break space in Russian, "12.000"
// in German.
func Number(n int64, lang string) string {
	sep := ","
	switch lang {
	case "ru":
		sep = "\u00a0"
	case "de":
		sep = "."
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Russian months in the genitive, as they appear in a date.
var ruMonths = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря"}

// Decimal formats x with the given number of digits after the decimal
// mark: "0.75" in English, Japanese and Russian (as refpack has always
// written scores there), "0,75" in German.
func Decimal(x float64, digits int, lang string) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// German month names, as they appear in a date.
var deMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
	"Juli", "August", "September", "Oktober", "November", "Dezember"}

// Date formats a calendar date: "10 May 2024", "2024年5月10日",
// "10 мая 2024 г.", "10. Mai 2024".
func Date(t time.Time, lang string) string {
	y, m, d := t.Date()
	switch lang {
	case "de":
		return fmt.Sprintf("%d. %s %d", d, deMonths[m-1], y)
	case "ja":
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	case "ru":
		return fmt.Sprintf("%d %s %d г.", d, ruMonths[m-1], y)
	default:
		return fmt.Sprintf("%d %s %d", d, m, y)
	}
}

// List joins a short list the way the language writes it.
func List(items []string, lang string) string {
	if lang == "ja" {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}

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

// Plural picks the form of a counted word for n by the language's CLDR
// rule (PluralCategory): forms are one and other in English and German
// (["day", "days"]); one, few and many in Russian (["день", "дня",
// "дней"]); Japanese has one form.
func Plural(n int64, lang string, forms ...string) string {
	if len(forms) == 1 {
		return forms[0]
	}
	switch PluralCategory(int(n), lang) {
	case "one":
		return forms[0]
	case "few":
		if len(forms) == 3 {
			return forms[1]
		}
	}
	return forms[len(forms)-1]
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
