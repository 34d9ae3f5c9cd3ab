// Package locale formats numbers, dates and lists the way English, Japanese
// and Russian readers write them. The site, the match reasons and the packs
// all use it, so one figure reads the same everywhere.
package locale

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Number formats n with the language's thousands separator: "12,000" in
// English and Japanese, "12 000" with a no-break space in Russian.
func Number(n int64, lang string) string {
	sep := ","
	if lang == "ru" {
		sep = "\u00a0"
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

// Date formats a calendar date: "10 May 2024", "2024年5月10日",
// "10 мая 2024 г.".
func Date(t time.Time, lang string) string {
	y, m, d := t.Date()
	switch lang {
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
// rule: forms are one and other in English (["day", "days"]); one, few and
// many in Russian (["день", "дня", "дней"]); Japanese has one form.
func Plural(n int64, lang string, forms ...string) string {
	if n < 0 {
		n = -n
	}
	switch {
	case lang == "ja" || len(forms) == 1:
		return forms[0]
	case lang == "ru" && len(forms) == 3:
		switch mod10, mod100 := n%10, n%100; {
		case mod10 == 1 && mod100 != 11:
			return forms[0]
		case mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14):
			return forms[1]
		}
		return forms[2]
	case n == 1:
		return forms[0]
	}
	return forms[1]
}
