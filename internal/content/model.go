// Package content loads a site's source tree (an fs.FS rooted at the site)
// into case studies, prospects, the question bank and the visit ledger, and
// validates all of it, reporting every problem with its position.
package content

import (
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/support"
	"github.com/refpack/refpack/internal/tomldoc"
)

// Statuses of a case's project.
var Statuses = []string{"live", "pilot", "implementing", "retired"}

// Scale is a size; zero means "not given".
type Scale struct {
	Employees int64
	Users     int64
	Documents int64
	Sites     int64
}

// ScaleFields lists the scale fields in display order with their values.
func (s Scale) Fields() []ScaleField {
	return []ScaleField{{"employees", s.Employees}, {"users", s.Users}, {"documents", s.Documents}, {"sites", s.Sites}}
}

// ScaleField is one named value of a Scale.
type ScaleField struct {
	Name  string
	Value int64
}

// EmployeeBand is the search facet band (README, "Search"): lt1k, 1k-10k,
// 10k-100k, gt100k, or "" when employees are unknown.
func (s Scale) EmployeeBand() string {
	switch e := s.Employees; {
	case e <= 0:
		return ""
	case e < 1000:
		return "lt1k"
	case e < 10000:
		return "1k-10k"
	case e < 100000:
		return "10k-100k"
	default:
		return "gt100k"
	}
}

// EmployeeBands are the facet bands in ascending order.
var EmployeeBands = []string{"lt1k", "1k-10k", "10k-100k", "gt100k"}

// Metric is a before/after figure a case reports.
type Metric struct {
	Label string
	Value string
}

// Quote is a customer quote.
type Quote struct {
	Text   string
	Author string
}

// Reference holds the PRIVATE reference details of a case.
type Reference struct {
	Visit            bool
	Call             bool
	Contact          string
	Health           string // green | amber | red
	Support          string
	MaxVisitsPerYear int
	Notes            string
	// RefusesCompetitors is competitors = false: the customer will not
	// host prospects of its own industry.
	RefusesCompetitors bool
	SupportID          string // its customer name in the helpdesk export; "" means the client
}

// Consent is the customer's PRIVATE permission to publish the case study.
type Consent struct {
	Public     bool // approved as a public case study; false: packs only
	ApprovedBy string
	ApprovedOn time.Time // zero when not given
	Expires    time.Time // zero: never; from this date the case is no longer published

	Line                    int // line of the [consent] header
	ExpiresLine, ExpiresCol int // position of expires, for check's warnings
}

// Case is one case study.
type Case struct {
	Slug   string
	Path   string // source file, slash-separated, relative to the site root
	Bundle bool   // content/cases/<slug>/index.md
	// BundleFiles are the files beside a bundle's index.md, relative to the
	// bundle directory, slash-separated and sorted; they are copied to the
	// case's page directory.
	BundleFiles []string
	// UncheckedFiles are the bundle files the author checked by hand for
	// private values (unchecked_files): published even when the guard
	// cannot read them all.
	UncheckedFiles []string

	Title         string
	Summary       string
	Client        string // PRIVATE when Anonymous
	Anonymous     bool
	Alias         string
	Industry      string
	ProjectTypes  []string
	Region        string
	Language      string
	Date          time.Time
	GoLive        time.Time // zero when not given
	Status        string
	Products      []string
	Tags          []string
	TranslationOf string
	Draft         bool
	Scale         Scale
	Metrics       []Metric
	Quotes        []Quote
	Reference     Reference
	Consent       *Consent // nil when the case has no [consent]
	// ConsentOf is the file of the case whose [consent] a translation
	// without its own shares; "" when Consent is the case's own.
	ConsentOf string

	Body     []byte // Markdown after the front matter
	BodyLine int    // line of the file where Body starts (1-based)

	// front is the front matter, kept to place problems that are found
	// across files.
	front *tomldoc.Doc
	// supportIDLine and supportIDCol place support_id, which is checked
	// against the helpdesk export.
	supportIDLine, supportIDCol int
}

// valuePos is the file position of a front-matter value (line 0 when the
// file name, not a key, is the source of the value).
func (c *Case) valuePos(key string) (int, int) {
	if c.front == nil {
		return 0, 0
	}
	return c.front.ValuePos(key)
}

// PublicName is what the public site calls the customer: the alias of an
// anonymous case, else the client.
func (c *Case) PublicName() string {
	if c.Anonymous {
		return c.Alias
	}
	return c.Client
}

// Participant is a person from the prospect's side attending the visit.
type Participant struct {
	Name      string
	Role      string
	Side      string // business | it | executive | procurement | legal
	Interests []string
}

// Sides are the participant sides.
var Sides = []string{"business", "it", "executive", "procurement", "legal"}

// Stages are the prospect's stages in order.
var Stages = []string{"lead", "evaluation", "shortlist", "final"}

// Prospect is a company considering a purchase (the whole file is PRIVATE).
type Prospect struct {
	Slug             string
	Path             string
	Name             string
	Industry         string
	ProjectTypes     []string
	Region           string
	Language         string
	Stage            string
	VisitDate        time.Time // zero when not planned
	CompetitorVisits []time.Time
	MustSee          []string
	Notes            string
	Scale            Scale
	Participants     []Participant
}

// Question is an entry of the question bank (PRIVATE).
type Question struct {
	Text         string
	Topic        string
	Language     string // "" means any
	ProjectTypes []string
	Industries   []string
	Sides        []string
	Line         int // line in questions.toml, for messages
}

// Visit is an entry of the reference-usage ledger (PRIVATE).
type Visit struct {
	Case           string
	Prospect       string
	Date           time.Time
	Kind           string // visit | call
	Outcome        string // pending | won | lost
	Bonus          string
	BonusDelivered bool
	Value          int64  // the prospect's deal size in whole units of Currency; 0 when not given
	Currency       string // ISO 4217 code; for a value without one, the [report] currency
	Line           int    // line of its [[visit]] header in visits.toml
}

// Library is a whole loaded site.
type Library struct {
	Site      *config.Site
	Cases     []*Case // sorted by date descending, then slug
	Prospects []*Prospect
	Questions []Question
	Visits    []Visit
	Support   *support.Export // nil when site.toml has no [support]
}

// Secret is a PRIVATE free-text value and where it comes from, for the
// leak guard.
type Secret struct {
	Value string
	Path  string // source file, e.g. "content/cases/x.md"
	Field string // e.g. "reference.contact"
	// Capitals: the value is made of ordinary words (a prospect called
	// "Archive Systems") and reads as a name only with its capitals.
	Capitals bool
	// WholeWord: a short one-word name ("Ford") is found only as a whole
	// word, not inside a longer one ("Herausforderung").
	WholeWord bool
}
