package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/refpack/refpack/internal/locale"
)

// lang holds the UI strings of one language, the [site] section of its
// catalogue (see locale.Catalogue) with a site's own i18n/<lang>.toml over
// it, and formats dates and numbers the way that language does.
type lang struct {
	Code string
	// T holds the UI strings by key. Templates read it as {{.L.T.key}}: a
	// map lookup, as a method call per string would cost much more on
	// 10,000 pages; the templates' missingkey=error option turns an unknown
	// key into an error.
	T       map[string]string
	plurals map[string]map[string]string // key -> plural category -> text
	cat     *locale.Catalogue
}

// loadLangs reads the UI strings of every language refpack supports.
func loadLangs(theme fs.FS) (map[string]*lang, error) {
	langs := map[string]*lang{}
	for _, code := range locale.Languages() {
		cat := locale.For(code)
		site := cat.Section("site")
		l := &lang{Code: code, T: maps.Clone(site.Text), plurals: maps.Clone(site.Plural), cat: cat}
		name := "i18n/" + code + ".toml"
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		// The theme holds either the built-in file, already read, or the
		// site's own, whose keys replace the built-in ones.
		if builtin, err := locale.Builtin(code); err != nil || !bytes.Equal(data, builtin) {
			own, err := ownStrings(name, data)
			if err != nil {
				return nil, fmt.Errorf("theme: %w", err)
			}
			maps.Copy(l.T, own.Text)
			maps.Copy(l.plurals, own.Plural)
		}
		if err := l.check(); err != nil {
			return nil, err
		}
		langs[code] = l
	}
	return langs, nil
}

// ownStrings reads a site's own i18n/<lang>.toml: its [site] section,
// the only one it may change. A file without one is in the format of
// refpack before the catalogues, whose top-level keys are the site's.
func ownStrings(name string, data []byte) (*locale.Section, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if _, ok := raw["site"]; ok {
		own, err := locale.Parse(name, data)
		if err != nil {
			return nil, err
		}
		for _, sec := range own.Sections() {
			if sec != "site" {
				return nil, fmt.Errorf("%s: [%s]: a site's own file may change only [site]", name, sec)
			}
		}
		return own.Section("site"), nil
	}
	return locale.SectionOf(name, "", raw)
}

// s returns a UI string the renderer itself uses; loadLangs has checked
// that every one of them exists.
func (l *lang) s(key string) string { return l.T[key] }

// format returns the UI string key with its {name} placeholders filled from
// pairs of name and value.
func (l *lang) format(key string, pairs ...string) string {
	return fill(l.s(key), pairs)
}

// count returns the plural form of key for n, with {n} as a formatted number.
func (l *lang) count(key string, n int) string {
	return fill(l.pluralForm(key, n), []string{"n", l.number(int64(n))})
}

func (l *lang) pluralForm(key string, n int) string {
	forms := l.plurals[key]
	if s, ok := forms[l.pluralCategory(n)]; ok {
		return s
	}
	return forms["other"]
}

// goStrings are the UI strings the renderer fills into views itself (the
// templates ask for theirs through T); pluralStrings likewise, with counts.
var (
	goStrings = []string{
		"language_name", "og_locale", "nav_all", "nav_industries", "nav_project_types",
		"browse_industries", "browse_project_types", "industries_intro", "project_types_intro",
		"industry", "project_type", "project_types", "region", "status", "go_live", "published",
		"products", "tags", "employees", "users", "documents", "sites",
		"page_of", "page_n", "no_cases", "not_found_title", "not_found_text",
		"status_live", "status_pilot", "status_implementing", "status_retired",
		"band_lt1k", "band_1k-10k", "band_10k-100k", "band_gt100k",
	}
	pluralStrings = []string{"case_count"}
)

// check reports the strings the renderer needs that neither the language's
// file nor English has.
func (l *lang) check() error {
	var missing []string
	for _, k := range goStrings {
		if _, ok := l.T[k]; !ok {
			missing = append(missing, k)
		}
	}
	for _, k := range pluralStrings {
		for _, n := range []int{1, 2, 5} {
			if l.pluralForm(k, n) == "" {
				missing = append(missing, fmt.Sprintf("%s (%s)", k, l.pluralCategory(n)))
				break
			}
		}
	}
	if missing != nil {
		return fmt.Errorf("theme: i18n/%s.toml: missing %s", l.Code, strings.Join(missing, ", "))
	}
	return nil
}

func fill(s string, pairs []string) string { return locale.Fill(s, pairs...) }

// pluralCategory is the CLDR plural category of n in the page's language.
func (l *lang) pluralCategory(n int) string { return locale.PluralCategory(n, l.Code) }

// date formats a calendar date in the page's language.
func (l *lang) date(t time.Time) string { return l.cat.Date(t) }

// number formats n with the language's thousands separator.
func (l *lang) number(n int64) string { return l.cat.Number(n) }

// list joins items the way the language writes a short list.
func (l *lang) list(items []string) string { return l.cat.List(items) }
