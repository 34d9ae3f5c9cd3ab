package support

import (
	"math"
	"strconv"
	"strings"

	"github.com/refpack/refpack/internal/locale"
)

// messages words the reasons in every language refpack writes; {name}
// placeholders are filled by Reason.Text, and "|" separates the plural
// forms of a counted word (see locale.Plural).
var messages = map[string]map[string]string{
	"en": {
		"severe_one": "1 severe ticket open for {d} {days}",
		"severe":     "{n} severe tickets open, the oldest for {d} {days}",
		"red_limit":  " (red after {l} {limit_days})",
		"long_one":   "1 ticket open for {d} {days}, longer than {l} {limit_days}",
		"long":       "{n} tickets open longer than {l} {limit_days}, the oldest for {d} {days}",
		"low_rating": "satisfaction {share} good ({g} of {n} ratings in the last {w} days), under {min}",
		"days":       "day|days",
		"percent":    "{p}%",
	},
	"ja": {
		"severe_one": "重大チケット1件が未解決({d}{days}経過)",
		"severe":     "重大チケット{n}件が未解決(最も古いもので{d}{days}経過)",
		"red_limit":  "、{l}{limit_days}超で赤",
		"long_one":   "チケット1件が{d}{days}未解決({l}{limit_days}超)",
		"long":       "{l}{limit_days}を超えて未解決のチケット{n}件(最も古いもので{d}{days}経過)",
		"low_rating": "満足度{share}(直近{w}日間の評価{n}件中{g}件が良い)、基準の{min}を下回る",
		"days":       "日",
		"percent":    "{p}%",
	},
	"de": {
		"severe_one": "1 kritisches Ticket offen seit {d} {days}",
		"severe":     "{n} kritische Tickets offen, das älteste seit {d} {days}",
		"red_limit":  " (rot nach {l} {limit_days})",
		"long_one":   "1 Ticket offen seit {d} {days}, über der Grenze von {l} {limit_days}",
		"long":       "{n} Tickets über der Grenze von {l} {limit_days} offen, das älteste seit {d} {days}",
		"low_rating": "Zufriedenheit {share} gut ({g} von {n} Bewertungen der letzten {w} Tage), unter {min}",
		"days":       "Tag|Tagen",
		"percent":    "{p}\u00a0%",
	},
	"ru": {
		"severe_one": "открыто 1 критичное обращение, {d} {days}",
		"severe":     "открыто критичных обращений: {n}, самое старое — {d} {days}",
		"red_limit":  " (красный уровень после {l} дн.)",
		"long_one":   "1 обращение открыто {d} {days}, дольше {l} дн.",
		"long":       "обращений открыто дольше {l} дн.: {n}, самое старое — {d} {days}",
		"low_rating": "удовлетворённость {share} (хороших оценок {g} из {n} за {w} дн.), ниже порога {min}",
		"days":       "день|дня|дней",
		"percent":    "{p}\u00a0%",
	},
}

// Text words the reason in lang (English when lang is unknown).
func (r Reason) Text(lang string) string {
	m, ok := messages[lang]
	if !ok {
		lang, m = "en", messages["en"]
	}
	days := func(n int) string { return locale.Plural(int64(n), lang, strings.Split(m["days"], "|")...) }
	percent := func(f float64) string {
		return locale.Fill(m["percent"], "p", strconv.Itoa(int(math.Round(f*100))))
	}
	vars := []string{
		"n", locale.Number(int64(r.Count), lang),
		"d", locale.Number(int64(r.Days), lang),
		"days", days(r.Days),
		"l", strconv.Itoa(r.Limit),
		"limit_days", days(r.Limit),
		"g", strconv.Itoa(r.Good),
		"w", strconv.Itoa(RatingWindow),
		"share", percent(r.Share),
		"min", percent(r.Min),
	}
	var key string
	switch r.Kind {
	case SevereOpen:
		key = "severe"
		if r.Count == 1 {
			key = "severe_one"
		}
	case LongOpen:
		key = "long"
		if r.Count == 1 {
			key = "long_one"
		}
	default:
		key = "low_rating"
	}
	s := m[key]
	if r.Kind == SevereOpen && r.Health == Red {
		s += m["red_limit"]
	}
	return locale.Fill(s, vars...)
}
