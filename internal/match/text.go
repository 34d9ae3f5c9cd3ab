package match

import (
	"github.com/refpack/refpack/internal/locale"
	"github.com/refpack/refpack/internal/support"
)

// text formats the strings of one language, the [match] section of its
// catalogue (see locale.Catalogue).
type text struct {
	lang string
	cat  *locale.Catalogue
	m    map[string]string
	// health keeps the words of the helpdesk's reasons, which repeat
	// across a ranking; nil: not kept.
	health map[support.Reason]string
}

// textIn returns the strings of lang, English when lang is unknown.
func textIn(lang string) text {
	c := locale.For(lang)
	return text{lang: c.Lang, cat: c, m: c.Section("match").Text}
}

// format fills the {name} placeholders of the string key from pairs of
// name and value.
func (t text) format(key string, pairs ...string) string { return locale.Fill(t.m[key], pairs...) }

// count is the plural form of the counted phrase key for n, {n} filled
// with n and the other placeholders from pairs.
func (t text) count(key string, n int, pairs ...string) string {
	return t.cat.N("match."+key, n, pairs...)
}

func (t text) status(s string) string {
	if v, ok := t.m["status_"+s]; ok {
		return v
	}
	return s
}

// factor writes a multiplier such as 0.8 with the language's decimal mark.
func factor(f float64, lang string) string { return locale.Decimal(f, -1, lang) }

// Number formats n the way lang writes it (see locale.Number).
func Number(n int64, lang string) string { return locale.Number(n, lang) }
