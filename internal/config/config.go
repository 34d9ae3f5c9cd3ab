// Package config loads content/site.toml: site settings and the
// vocabularies (industries, project types, regions) that case studies and
// prospects refer to.
package config

import (
	"net/url"
	"slices"
	"strings"

	"github.com/refpack/refpack/internal/locale"
)

// Languages are the languages refpack writes its fixed strings in: one per
// catalogue (templates/i18n/<lang>.toml), so adding a language is adding
// its catalogue. They are read on first use: a command that needs no
// catalogue does not pay for parsing them.
func Languages() []string { return locale.Languages() }

// Term is one entry of a vocabulary, such as the industry "banking".
type Term struct {
	Key           string
	Label         string            // default label
	Labels        map[string]string // translations by language
	Related       []string          // industries only; made symmetric by Load
	CrossIndustry bool              // project types only
}

// LabelIn returns the term's label in lang, falling back to the default label.
func (t Term) LabelIn(lang string) string {
	if l := t.Labels[lang]; l != "" {
		return l
	}
	return t.Label
}

// Vocabulary is a set of terms, kept in key order for deterministic output.
type Vocabulary struct {
	Terms []Term // sorted by Key
	index map[string]int
}

// NewVocabulary builds a vocabulary from terms in any order.
func NewVocabulary(terms []Term) Vocabulary {
	v := Vocabulary{Terms: slices.Clone(terms), index: map[string]int{}}
	slices.SortFunc(v.Terms, func(a, b Term) int { return strings.Compare(a.Key, b.Key) })
	for i, t := range v.Terms {
		v.index[t.Key] = i
	}
	return v
}

// Get returns the term with the key.
func (v Vocabulary) Get(key string) (Term, bool) {
	i, ok := v.index[key]
	if !ok {
		return Term{}, false
	}
	return v.Terms[i], true
}

// Has reports whether key is in the vocabulary.
func (v Vocabulary) Has(key string) bool { _, ok := v.index[key]; return ok }

// Keys returns the keys in order.
func (v Vocabulary) Keys() []string {
	keys := make([]string, len(v.Terms))
	for i, t := range v.Terms {
		keys[i] = t.Key
	}
	return keys
}

// Label returns the label of key in lang, or the key itself when unknown.
func (v Vocabulary) Label(key, lang string) string {
	if t, ok := v.Get(key); ok {
		return t.LabelIn(lang)
	}
	return key
}

// Weights are the matching weights (README, "`refpack match`").
type Weights struct {
	Industry, ProjectType, Scale, Region, Freshness float64
}

// DefaultWeights are used when site.toml has no [matching] weights.
var DefaultWeights = Weights{Industry: 0.40, ProjectType: 0.30, Scale: 0.20, Region: 0.05, Freshness: 0.05}

// Brief holds the settings of the briefing packs.
type Brief struct {
	Top             int
	MaxQuestions    int
	FollowUpDays    int
	MaxVisitMinutes int
	MaxDelegates    int
	Fonts           []string
	FontPos         []Pos // where each of Fonts is written in site.toml
}

// Pos is a position in content/site.toml.
type Pos struct{ Line, Col int }

// DefaultBrief are the pack settings when [brief] leaves them out.
var DefaultBrief = Brief{Top: 3, MaxQuestions: 20, FollowUpDays: 3, MaxVisitMinutes: 120, MaxDelegates: 5}

// Support locates and reads the helpdesk export (README, "Support health
// from the helpdesk"); File is "" when the site has none.
type Support struct {
	File            string // relative to content/
	Delimiter       rune
	Customer        string // column names
	Opened          string
	Closed          string
	Priority        string
	Severe          []string // priority values that count as severe
	Satisfaction    string   // "" when the export has no rating column
	RedAfterDays    int
	AmberAfterDays  int
	MinSatisfaction float64

	// Line is the line of [support] in site.toml, where problems of the
	// settings that only the export reveals (a missing column) also point.
	Line int
}

// DefaultSupport are the [support] settings that a site leaves out: the
// column names of a Zendesk ticket export.
var DefaultSupport = Support{
	Delimiter: ',', Customer: "Organization", Opened: "Created at", Closed: "Solved at",
	Priority: "Priority", Severe: []string{"Urgent", "High"},
	RedAfterDays: 14, AmberAfterDays: 30, MinSatisfaction: 0.8,
}

// DefaultConsentWarningDays is how long before a consent expires `check`
// starts warning, unless site.toml says otherwise.
const DefaultConsentWarningDays = 60

// Site is the parsed content/site.toml.
type Site struct {
	Title        string
	Description  string
	BaseURL      *url.URL // absolute; Path always ends in "/"
	Language     string   // en | ja | ru
	PageSize     int
	Industries   Vocabulary
	ProjectTypes Vocabulary
	Regions      Vocabulary
	Weights      Weights
	Brief        Brief

	// RequireConsent publishes only cases with [consent] public = true.
	RequireConsent     bool
	ConsentWarningDays int
	Support            Support
	Report             Report
}

// Report holds the settings of `refpack report`.
type Report struct {
	// Currency is the ISO 4217 code of ledger values that name none; ""
	// means such values are an error.
	Currency string
}

// ValidCurrency reports whether s has the form of an ISO 4217 code: three
// upper-case Latin letters ("EUR", "JPY").
func ValidCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Related reports whether industries a and b are declared related (in either
// direction).
func (s *Site) Related(a, b string) bool {
	t, ok := s.Industries.Get(a)
	return ok && slices.Contains(t.Related, b)
}

// CrossIndustry reports whether the project type convinces any industry.
func (s *Site) CrossIndustry(projectType string) bool {
	t, ok := s.ProjectTypes.Get(projectType)
	return ok && t.CrossIndustry
}

// BasePath is the path part of base_url, always starting and ending in "/".
func (s *Site) BasePath() string { return s.BaseURL.Path }

// AbsURL joins a site-relative path ("cases/x/") to base_url.
func (s *Site) AbsURL(rel string) string {
	u := *s.BaseURL
	u.Path = s.BaseURL.Path + strings.TrimPrefix(rel, "/")
	u.RawPath = ""
	return u.String()
}
