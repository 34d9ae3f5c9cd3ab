package locale

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/refpack/refpack/templates"
)

// Catalogue holds every string refpack shows a person in one language, read
// from the theme's i18n/<lang>.toml, and the language's way of writing
// numbers, dates and lists. Keys are "section.key" ("pack.doc_title").
//
// Plural rules are CLDR's from golang.org/x/text, already a dependency.
// nicksnyder/go-i18n would add a second copy of those rules, a message
// format with a table per message, and a text/template execution per
// string, where Fill is one pass: the site fills strings on 10,000 pages.
type Catalogue struct {
	Lang     string
	format   format
	sections map[string]*Section
}

// Section is one section of a catalogue: its strings by key, and its
// counted phrases by key and CLDR plural category.
type Section struct {
	Text   map[string]string
	Plural map[string]map[string]string
}

// format is the [format] table of a catalogue.
type format struct {
	Order       int
	Group       string
	Decimal     string
	Date        string
	Months      []string
	MonthYear   string   `toml:"month_year"`
	MonthsShort []string `toml:"months_short"`
	Percent     string
	ListSep     string `toml:"list_sep"`
}

// categories are CLDR's plural categories, the only keys a table of plural
// forms may have.
var categories = []string{"zero", "one", "two", "few", "many", "other"}

// Parse reads one catalogue file; name is its path, for errors. A file may
// leave keys out (a site's own file overrides only some).
func Parse(name string, data []byte) (*Catalogue, error) {
	var raw map[string]toml.Primitive
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &Catalogue{Lang: strings.TrimSuffix(path.Base(name), ".toml"), sections: map[string]*Section{}}
	for sec, prim := range raw {
		if sec == "format" {
			if err := md.PrimitiveDecode(prim, &c.format); err != nil {
				return nil, fmt.Errorf("%s: [format]: %w", name, err)
			}
			continue
		}
		// A section defined only by its plural tables ([site.count]) has
		// no type of its own.
		var entries map[string]any
		if typ := md.Type(sec); typ != "Hash" && typ != "" || md.PrimitiveDecode(prim, &entries) != nil {
			return nil, fmt.Errorf("%s: %s: want a section of strings, such as [site]", name, sec)
		}
		s, err := SectionOf(name, sec, entries)
		if err != nil {
			return nil, err
		}
		c.sections[sec] = s
	}
	return c, nil
}

// SectionOf makes the section sec of the file name from its decoded TOML
// entries: strings, and tables of plural forms by CLDR category. sec may
// be "" for keys at the top of a file.
func SectionOf(name, sec string, entries map[string]any) (*Section, error) {
	s := &Section{Text: map[string]string{}, Plural: map[string]map[string]string{}}
	for k, v := range entries {
		key := k
		if sec != "" {
			key = sec + "." + k
		}
		switch v := v.(type) {
		case string:
			s.Text[k] = v
		case map[string]any:
			forms := map[string]string{}
			for cat, f := range v {
				str, ok := f.(string)
				if !ok || !slices.Contains(categories, cat) {
					return nil, fmt.Errorf("%s: %s.%s: want a string for a CLDR plural category (%s)", name, key, cat, strings.Join(categories, ", "))
				}
				forms[cat] = str
			}
			s.Plural[k] = forms
		default:
			return nil, fmt.Errorf("%s: %s: want a string or a table of plural forms", name, key)
		}
	}
	return s, nil
}

// builtin holds the catalogues embedded in the binary, by language, and
// the languages in their order. It reads them once, on first use.
var builtin = sync.OnceValues(func() (map[string]*Catalogue, []string) {
	cats, langs, err := load(templates.FS)
	if err != nil {
		// The files are part of the binary and their test reads them all:
		// an error here is a broken build, not bad input.
		panic("locale: " + err.Error())
	}
	return cats, langs
})

// load reads every i18n/*.toml of fsys.
func load(fsys fs.FS) (map[string]*Catalogue, []string, error) {
	names, err := fs.Glob(fsys, "i18n/*.toml")
	if err != nil {
		return nil, nil, err
	}
	cats := map[string]*Catalogue{}
	var langs []string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		c, err := Parse(name, data)
		if err != nil {
			return nil, nil, err
		}
		cats[c.Lang] = c
		langs = append(langs, c.Lang)
	}
	if cats["en"] == nil {
		return nil, nil, fmt.Errorf("i18n/en.toml is missing: English is every other language's fallback")
	}
	slices.SortFunc(langs, func(a, b string) int {
		return cmp.Or(cmp.Compare(cats[a].format.Order, cats[b].format.Order), cmp.Compare(a, b))
	})
	return cats, langs, nil
}

// Languages are the languages refpack writes, one per catalogue, in the
// order their [format] tables give (the order of facets and messages).
func Languages() []string {
	_, langs := builtin()
	return slices.Clone(langs)
}

// Builtin returns the embedded catalogue file of lang, which a site's own
// file of that name replaces in its theme.
func Builtin(lang string) ([]byte, error) {
	return fs.ReadFile(templates.FS, "i18n/"+lang+".toml")
}

// For returns the catalogue of lang, English when refpack has none.
func For(lang string) *Catalogue {
	cats, _ := builtin()
	if c, ok := cats[lang]; ok {
		return c
	}
	return cats["en"]
}

// Section returns the section name of the catalogue (empty when it has
// none); callers read it and never change it.
func (c *Catalogue) Section(name string) *Section {
	if s, ok := c.sections[name]; ok {
		return s
	}
	return &Section{}
}

// Sections lists the sections of the catalogue, sorted.
func (c *Catalogue) Sections() []string { return slices.Sorted(maps.Keys(c.sections)) }

// T returns the string "section.key" with its {name} placeholders filled
// from pairs of name and value; English when the language lacks it (the
// catalogue test makes sure none does), the key itself when English does.
func (c *Catalogue) T(key string, pairs ...string) string {
	return Fill(c.text(key), pairs...)
}

func (c *Catalogue) text(key string) string {
	sec, k, _ := strings.Cut(key, ".")
	if s, ok := c.sections[sec].lookup(k); ok {
		return s
	}
	if en := For("en"); c != en {
		return en.text(key)
	}
	return key
}

func (s *Section) lookup(key string) (string, bool) {
	if s == nil {
		return "", false
	}
	v, ok := s.Text[key]
	return v, ok
}

// Has tells whether the catalogue or English has the string key.
func (c *Catalogue) Has(key string) bool { return c.text(key) != key }

// N returns the plural form of the counted phrase "section.key" for n, by
// the language's CLDR rule, with {n} the formatted count and the other
// placeholders filled from pairs.
func (c *Catalogue) N(key string, n int, pairs ...string) string {
	return Fill(c.Form(key, n), append([]string{"n", c.Number(int64(n))}, pairs...)...)
}

// Form returns the plural form of "section.key" for n, unfilled.
func (c *Catalogue) Form(key string, n int) string {
	sec, k, _ := strings.Cut(key, ".")
	if s := c.sections[sec]; s != nil {
		if forms, ok := s.Plural[k]; ok {
			return cmp.Or(forms[PluralCategory(n, c.Lang)], forms["other"])
		}
	}
	if en := For("en"); c != en {
		return en.Form(key, n)
	}
	return key
}

// Number formats n with the language's thousands separator: "12,000",
// "12 000" (a no-break space in Russian), "12.000".
func (c *Catalogue) Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(c.format.Group)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Decimal formats x with digits after the language's decimal mark.
func (c *Catalogue) Decimal(x float64, digits int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', digits, 64), ".", c.format.Decimal, 1)
}

// Date formats a calendar date: "10 May 2024", "2024年5月10日",
// "10 мая 2024 г." (a no-break space before г.), "10. Mai 2024".
func (c *Catalogue) Date(t time.Time) string {
	y, m, d := t.Date()
	return Fill(c.format.Date, "d", strconv.Itoa(d), "m", strconv.Itoa(int(m)),
		"month", c.format.Months[m-1], "y", strconv.Itoa(y))
}

// MonthYear names the month of t with its year, as a chart's axis does:
// "Dec 2025", "2025年12月".
func (c *Catalogue) MonthYear(t time.Time) string {
	return Fill(c.format.MonthYear, "month", c.MonthShort(t.Month()), "y", strconv.Itoa(t.Year()))
}

// MonthShort is the short name of month m: "Dec", "12月", "дек.".
func (c *Catalogue) MonthShort(m time.Month) string { return c.format.MonthsShort[m-1] }

// Percent writes a whole percentage: "42%", "42 %".
func (c *Catalogue) Percent(p int) string { return Fill(c.format.Percent, "p", strconv.Itoa(p)) }

// List joins a short list the way the language writes it.
func (c *Catalogue) List(items []string) string { return strings.Join(items, c.format.ListSep) }
