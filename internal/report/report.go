// Package report computes the reference programme at a glance (README,
// "`refpack report`"): per reference customer, its asks against its quota,
// outcomes, influenced revenue and open obligations; for the programme, win
// rate and revenue counting each prospect once; demand against coverage; and
// the alerts to act on this week. It is pure: the library, the date and the
// derived data (follow-up rule, health, consent) are passed in.
package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/match"
)

// ObligationAlertDays is how long a promise to a reference customer may
// stay open before the programme lists it and raises an alert.
const ObligationAlertDays = 30

// SoonDays is how far ahead a planned visit of a prospect without a good
// match is worth an alert.
const SoonDays = 30

// Health is a reference customer's relationship health and why.
type Health struct {
	Level   string   // green | amber | red
	Reasons []string // derived reasons, in the site's language; none for [reference] health
}

// Consent is a customer's permission to publish its case study.
type Consent struct {
	Public  bool
	Expires time.Time // zero when it does not expire
}

// Input is what a report is computed from.
type Input struct {
	Library *content.Library
	Date    time.Time // the report's day; the window is the 12 months up to it
	// FollowUp returns the follow-up date of a ledger entry made on a date
	// (visit list's rule: [brief] follow_up_days working days later).
	FollowUp func(time.Time) time.Time
	// Health returns a case's health; nil takes [reference] health with no
	// reasons.
	Health func(*content.Case) Health
	// Consent returns a case's consent, nil when it has none; a nil func
	// means the library has no consent data.
	Consent func(*content.Case) *Consent
}

// Report is the reference programme at a date.
type Report struct {
	// consentWarningDays is site.toml's consent_warning_days: how long
	// before a consent expires the report warns.
	consentWarningDays int

	Date       time.Time
	From       time.Time // first day of the window; the last is Date
	Language   string    // the site's
	Programme  Programme
	Months     []Month     // every calendar month the window touches, oldest first
	References []Reference // most asked first, then by slug
	Demand     Demand
	Alerts     []Alert // most urgent first
}

// Programme sums up the whole programme in the window. Won, Lost, Pending,
// WinRate and Influenced count prospects, each once, by its latest entry.
type Programme struct {
	References     int // reference customers (translation groups), drafts left out
	Willing        int // live, visit-willing, health not red (as coverage counts them)
	Entries        int // ledger entries in the window
	Visits, Calls  int
	Prospects      int // distinct prospects asked in the window
	Won            int
	Lost           int
	Pending        int
	WinRate        *float64 // won / (won + lost); nil when both are 0
	Influenced     map[string]int64
	FollowUps      []FollowUp   // due at the date, most overdue first
	OldObligations []Obligation // open more than ObligationAlertDays, oldest first
}

// Month counts the ledger entries of one calendar month by outcome.
type Month struct {
	Start              time.Time // first day of the month
	Won, Lost, Pending int
	Partial            bool // the window covers only part of it
}

// Total is the month's number of entries.
func (m Month) Total() int { return m.Won + m.Lost + m.Pending }

// Reference is one reference customer: a case and its translations.
type Reference struct {
	Case         *content.Case // the original of the translation group
	Translations []string      // slugs of the other members, sorted
	Name         string        // the client's real name (the report is private)
	Asks         int           // ledger entries in the window
	Visits       int
	Calls        int
	Quota        int       // max_visits_per_year; 0: no limit
	LastAsk      time.Time // latest entry up to the date (also before the window); zero: never
	Won          int
	Lost         int
	Pending      int
	WinRate      *float64
	Influenced   map[string]int64 // value of won entries per currency
	Obligations  []Obligation     // undelivered bonuses, oldest first
	Health       Health
	Consent      *Consent // nil: no consent data
	Willing      bool
}

// Obligation is a bonus promised to a reference customer and not delivered.
type Obligation struct {
	N            int // the entry's number, as visit list and visit set count
	Case         string
	Prospect     string
	CaseName     string // the client's name
	ProspectName string
	Bonus        string
	Date         time.Time
	DaysOpen     int // days from the entry's date to the report's
}

// FollowUp is a pending entry whose follow-up date has come.
type FollowUp struct {
	N            int
	Case         string
	Prospect     string
	CaseName     string
	ProspectName string
	Date         time.Time
	Due          time.Time
	DaysOverdue  int
}

// Demand weighs coverage by the prospects in each industry × project type.
type Demand struct {
	Industries   []string
	ProjectTypes []string
	Cells        map[string]map[string]Cell // industry -> project type
	Gaps         []Gap                      // cells with prospects and no reference, most wanted first
	Weak         []match.WeakProspect       // best score under match.WeakScore, worst first
}

// Cell is one industry × project type: live, visit-willing references and
// prospects that want it.
type Cell struct {
	References int
	Prospects  int
}

// Gap is a cell to fill first.
type Gap struct {
	Industry    string
	ProjectType string
	Prospects   int
}

// Alert kinds, most urgent first.
var AlertKinds = []string{"obligation", "follow_up", "health", "consent", "weak_match", "quota"}

// Alert is something to do this week.
type Alert struct {
	Kind     string // one of AlertKinds
	Case     string // "" when about a prospect only
	Prospect string // "" when about a reference only
	Message  string // in the site's language
	days     int    // urgency within the kind: larger first
}

// Window returns the first day of the 12 months up to and including date:
// the day after the same day a year earlier (Go's normalisation: a year
// before 29 February is 1 March).
func Window(date time.Time) time.Time {
	return date.AddDate(-1, 0, 0).AddDate(0, 0, 1)
}

// InWindow reports whether d lies in the window ending at date.
func InWindow(d, date time.Time) bool {
	return !d.Before(Window(date)) && !d.After(date)
}

// WinRate is won / (won + lost), nil when there is neither.
func WinRate(won, lost int) *float64 {
	if won+lost == 0 {
		return nil
	}
	r := float64(won) / float64(won+lost)
	return &r
}

// Days counts the days from a to b (both at midnight UTC).
func Days(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}

// Build computes the report.
func Build(in Input) *Report {
	lib, date := in.Library, in.Date
	t := textIn(lib.Site.Language)
	r := &Report{Date: date, From: Window(date), Language: t.lang}
	health := in.Health
	if health == nil {
		health = func(c *content.Case) Health { return Health{Level: c.Reference.Health} }
	}

	// One Reference per translation group, led by its original.
	group := content.TranslationGroups(lib.Cases)
	refOf := make(map[int]int, len(lib.Cases)) // group -> index in r.References
	caseRef := make(map[string]int, len(lib.Cases))
	lead := make(map[int]int) // group -> index in lib.Cases of its original
	for i, c := range lib.Cases {
		if j, ok := lead[group[i]]; !ok || leads(c, lib.Cases[j]) {
			lead[group[i]] = i
		}
	}
	for i, c := range lib.Cases {
		g := group[i]
		k, ok := refOf[g]
		if !ok {
			k = len(r.References)
			refOf[g] = k
			r.References = append(r.References, Reference{})
		}
		caseRef[c.Slug] = k
		ref := &r.References[k]
		if lead[g] == i {
			ref.Case = c
		} else {
			ref.Translations = append(ref.Translations, c.Slug)
		}
		ref.Willing = ref.Willing || match.Willing(c, health(c).Level)
	}
	for k := range r.References {
		ref := &r.References[k]
		slices.Sort(ref.Translations)
		ref.Name = ref.Case.Client
		ref.Quota = ref.Case.Reference.MaxVisitsPerYear
		ref.Health = health(ref.Case)
		if in.Consent != nil {
			ref.Consent = in.Consent(ref.Case)
		}
		ref.Influenced = map[string]int64{}
		if !ref.Case.Draft {
			r.Programme.References++
		}
		if ref.Willing {
			r.Programme.Willing++
		}
	}

	// The ledger: per reference, per month, per prospect's latest entry.
	for m := firstOfMonth(r.From); !m.After(date); m = m.AddDate(0, 1, 0) {
		r.Months = append(r.Months, Month{Start: m, Partial: m.Before(r.From) || m.AddDate(0, 1, -1).After(date)})
	}
	caseName := make(map[string]string, len(lib.Cases))
	for _, c := range lib.Cases {
		caseName[c.Slug] = c.Client
	}
	prospectName := make(map[string]string, len(lib.Prospects))
	for _, pr := range lib.Prospects {
		prospectName[pr.Slug] = pr.Name
	}
	latest := map[string]int{} // prospect -> index in lib.Visits
	p := &r.Programme
	p.Influenced = map[string]int64{}
	for i, v := range lib.Visits {
		if v.Date.After(date) {
			continue
		}
		k, known := caseRef[v.Case]
		var ref *Reference
		if known {
			ref = &r.References[k]
			if v.Date.After(ref.LastAsk) {
				ref.LastAsk = v.Date
			}
		}
		if v.Bonus != "" && !v.BonusDelivered {
			o := Obligation{N: i + 1, Case: v.Case, Prospect: v.Prospect, CaseName: caseName[v.Case], ProspectName: prospectName[v.Prospect],
				Bonus: v.Bonus, Date: v.Date, DaysOpen: Days(v.Date, date)}
			if ref != nil {
				ref.Obligations = append(ref.Obligations, o)
			}
			if o.DaysOpen > ObligationAlertDays {
				p.OldObligations = append(p.OldObligations, o)
			}
		}
		if v.Outcome == "pending" && in.FollowUp != nil {
			if due := in.FollowUp(v.Date); !due.After(date) {
				p.FollowUps = append(p.FollowUps, FollowUp{N: i + 1, Case: v.Case, Prospect: v.Prospect, CaseName: caseName[v.Case],
					ProspectName: prospectName[v.Prospect], Date: v.Date, Due: due, DaysOverdue: Days(due, date)})
			}
		}
		if !InWindow(v.Date, date) {
			continue
		}
		p.Entries++
		if v.Kind == "call" {
			p.Calls++
		} else {
			p.Visits++
		}
		month := &r.Months[monthsBetween(r.Months[0].Start, v.Date)]
		count(v.Outcome, &month.Won, &month.Lost, &month.Pending)
		if j, ok := latest[v.Prospect]; !ok || !v.Date.Before(lib.Visits[j].Date) {
			latest[v.Prospect] = i
		}
		if ref == nil {
			continue
		}
		ref.Asks++
		if v.Kind == "call" {
			ref.Calls++
		} else {
			ref.Visits++
		}
		count(v.Outcome, &ref.Won, &ref.Lost, &ref.Pending)
		if v.Outcome == "won" && v.Value > 0 {
			ref.Influenced[v.Currency] += v.Value
		}
	}
	p.Prospects = len(latest)
	for _, i := range latest {
		v := lib.Visits[i]
		count(v.Outcome, &p.Won, &p.Lost, &p.Pending)
		if v.Outcome == "won" && v.Value > 0 {
			p.Influenced[v.Currency] += v.Value
		}
	}
	p.WinRate = WinRate(p.Won, p.Lost)
	byAge := func(a, b Obligation) int { return cmp.Compare(b.DaysOpen, a.DaysOpen) }
	for k := range r.References {
		ref := &r.References[k]
		ref.WinRate = WinRate(ref.Won, ref.Lost)
		slices.SortStableFunc(ref.Obligations, byAge)
	}
	slices.SortStableFunc(p.OldObligations, byAge)
	slices.SortStableFunc(p.FollowUps, func(a, b FollowUp) int { return cmp.Compare(b.DaysOverdue, a.DaysOverdue) })
	slices.SortFunc(r.References, func(a, b Reference) int {
		return cmp.Or(cmp.Compare(b.Asks, a.Asks), cmp.Compare(len(b.Obligations), len(a.Obligations)), strings.Compare(a.Case.Slug, b.Case.Slug))
	})
	// Drafts nobody asked and nobody owes are not reference customers yet.
	r.References = slices.DeleteFunc(r.References, func(ref Reference) bool {
		return ref.Case.Draft && ref.Asks == 0 && len(ref.Obligations) == 0 && ref.LastAsk.IsZero()
	})

	r.Demand = demand(lib, date)
	r.consentWarningDays = in.Library.Site.ConsentWarningDays
	r.Alerts = alerts(r, t)
	return r
}

// leads reports whether a rather than b stands for their translation
// group: the original (no translation_of) first, then the smaller slug.
func leads(a, b *content.Case) bool {
	if (a.TranslationOf == "") != (b.TranslationOf == "") {
		return a.TranslationOf == ""
	}
	return a.Slug < b.Slug
}

func count(outcome string, won, lost, pending *int) {
	switch outcome {
	case "won":
		*won++
	case "lost":
		*lost++
	default:
		*pending++
	}
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// demand counts, per industry × project type, the live, visit-willing
// references (as coverage does) and the prospects that want that cell.
func demand(lib *content.Library, date time.Time) Demand {
	cv := match.Cover(lib, date)
	d := Demand{Industries: cv.Industries, ProjectTypes: cv.ProjectTypes, Cells: map[string]map[string]Cell{}, Weak: cv.Weak}
	for _, ind := range cv.Industries {
		row := map[string]Cell{}
		for _, pt := range cv.ProjectTypes {
			row[pt] = Cell{References: cv.ByType[ind][pt]}
		}
		d.Cells[ind] = row
	}
	for _, pr := range lib.Prospects {
		row, ok := d.Cells[pr.Industry]
		if !ok {
			continue
		}
		for i, pt := range pr.ProjectTypes {
			if c, ok := row[pt]; ok && !slices.Contains(pr.ProjectTypes[:i], pt) {
				c.Prospects++
				row[pt] = c
			}
		}
	}
	for _, ind := range d.Industries {
		for _, pt := range d.ProjectTypes {
			if c := d.Cells[ind][pt]; c.Prospects > 0 && c.References == 0 {
				d.Gaps = append(d.Gaps, Gap{Industry: ind, ProjectType: pt, Prospects: c.Prospects})
			}
		}
	}
	slices.SortStableFunc(d.Gaps, func(a, b Gap) int { return cmp.Compare(b.Prospects, a.Prospects) })
	return d
}
