package locale

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/refpack/refpack/templates"
)

var placeholder = regexp.MustCompile(`\{[a-zA-Z_]+\}`)

// placeholders lists the distinct {name}s of the given texts, sorted.
func placeholders(texts ...string) []string {
	var out []string
	for _, s := range texts {
		out = append(out, placeholder.FindAllString(s, -1)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// neededCategories are the CLDR plural categories whole numbers take in
// lang, and "other", which CLDR gives every language (fractions in Russian).
func neededCategories(lang string) []string {
	need := []string{"other"}
	for n := range 1000 {
		need = append(need, PluralCategory(n, lang))
	}
	slices.Sort(need)
	return slices.Compact(need)
}

// TestCatalogues proves that a language is complete when its catalogue is:
// every key of English exists in every catalogue, with the same
// placeholders, and every counted phrase has exactly the plural forms
// CLDR's rule for that language needs.
func TestCatalogues(t *testing.T) {
	langs := Languages()
	if !slices.Equal(langs, []string{"en", "ja", "ru", "de"}) {
		t.Errorf("Languages() = %v", langs)
	}
	en := For("en")
	for _, lang := range langs {
		c := For(lang)
		if c.Lang != lang {
			t.Fatalf("For(%q).Lang = %q", lang, c.Lang)
		}
		if len(c.format.Months) != 12 || len(c.format.MonthsShort) != 12 || c.format.Group == "" ||
			c.format.Decimal == "" || c.format.Date == "" || c.format.MonthYear == "" || c.format.Percent == "" || c.format.ListSep == "" {
			t.Errorf("%s: [format] is incomplete: %+v", lang, c.format)
		}
		need := neededCategories(lang)
		for _, name := range slices.Sorted(maps.Keys(en.sections)) {
			want, got := en.sections[name], c.sections[name]
			if got == nil {
				t.Errorf("%s: no [%s]", lang, name)
				continue
			}
			for k, v := range want.Text {
				s, ok := got.Text[k]
				if !ok {
					t.Errorf("%s: %s.%s is missing", lang, name, k)
				} else if p, q := placeholders(s), placeholders(v); !slices.Equal(p, q) {
					t.Errorf("%s: %s.%s has placeholders %v, English %v", lang, name, k, p, q)
				}
			}
			for k, v := range want.Plural {
				forms, ok := got.Plural[k]
				if !ok {
					t.Errorf("%s: [%s.%s] is missing", lang, name, k)
					continue
				}
				if cats := slices.Sorted(maps.Keys(forms)); !slices.Equal(cats, need) {
					t.Errorf("%s: [%s.%s] has forms %v, CLDR needs %v", lang, name, k, cats, need)
				}
				if p, q := placeholders(slices.Collect(maps.Values(forms))...), placeholders(slices.Collect(maps.Values(v))...); !slices.Equal(p, q) {
					t.Errorf("%s: [%s.%s] has placeholders %v, English %v", lang, name, k, p, q)
				}
			}
			for k := range got.Text {
				if _, ok := want.Text[k]; !ok {
					t.Errorf("%s: %s.%s is not in English", lang, name, k)
				}
			}
			for k := range got.Plural {
				if _, ok := want.Plural[k]; !ok {
					t.Errorf("%s: [%s.%s] is not in English", lang, name, k)
				}
			}
		}
		for name := range c.sections {
			if en.sections[name] == nil {
				t.Errorf("%s: [%s] is not in English", lang, name)
			}
		}
	}
}

// TestNewLanguage adds a language the way a contributor would: one file.
func TestNewLanguage(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, lang := range Languages() {
		data, err := fs.ReadFile(templates.FS, "i18n/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		fsys["i18n/"+lang+".toml"] = &fstest.MapFile{Data: data}
	}
	fr := `[format]
order = 5
group = "\u202f"
decimal = ","
date = "{d} {month} {y}"
months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
month_year = "{month} {y}"
months_short = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
percent = "{p}\u202f%"
list_sep = ", "

[site.case_count]
one = "{n} étude de cas"
many = "{n} d’études de cas"
other = "{n} études de cas"
`
	fsys["i18n/fr.toml"] = &fstest.MapFile{Data: []byte(fr)}
	cats, langs, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(langs, []string{"en", "ja", "ru", "de", "fr"}) {
		t.Errorf("languages = %v", langs)
	}
	c := cats["fr"]
	for _, tc := range []struct{ got, want string }{
		{c.N("site.case_count", 1), "1 étude de cas"},
		{c.N("site.case_count", 2), "2 études de cas"},
		{c.Number(12000), "12\u202f000"},
		{c.Date(time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)), "10 mai 2024"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestCatalogueText(t *testing.T) {
	ru, en := For("ru"), For("en")
	for _, tc := range []struct{ got, want string }{
		{ru.N("site.case_count", 1), "1 кейс"},
		{ru.N("site.case_count", 3), "3 кейса"},
		{ru.N("site.case_count", 5), "5 кейсов"},
		{ru.N("site.case_count", 21), "21 кейс"},
		{ru.N("site.case_count", 12000), "12\u00a0000 кейсов"},
		{en.N("site.case_count", 1), "1 case study"},
		{en.N("site.case_count", 1000), "1,000 case studies"},
		{For("ja").N("report.days", 1), "1日"},
		{en.T("pack.prepared_for", "name", "Acme"), "Briefing pack for the reference visit of Acme"},
		{For("xx").T("pack.s_plan"), "Visit plan"},
		{en.T("pack.no_such_key"), "pack.no_such_key"},
		{ru.MonthYear(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)), "дек. 2025"},
		{For("ja").MonthYear(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)), "2025年12月"},
		{For("de").Percent(42), "42\u00a0%"},
		{en.Percent(42), "42%"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if !strings.Contains(ru.T("site.language_name"), "Русский") {
		t.Error("ru: no language name")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"[site]\nx = 1\n", "i18n/xx.toml: site.x: want a string or a table of plural forms"},
		{"[site.count]\nsome = \"{n}\"\n", "i18n/xx.toml: site.count.some: want a string for a CLDR plural category (zero, one, two, few, many, other)"},
		{"title = \"x\"\n", "i18n/xx.toml: title: want a section of strings, such as [site]"},
		{"[site\n", "i18n/xx.toml: toml: line 2: expected '.' or ']' to end table name, but got '\\n' instead"},
	} {
		_, err := Parse("i18n/xx.toml", []byte(tc.data))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q): %v, want %s", tc.data, err, tc.want)
		}
	}
}
