package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/brief"
	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/report"
)

func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", "report [-s SITE] [--json] [--html FILE] [--date YYYY-MM-DD]",
		"The reference programme at a glance, for the 12 months up to the date: alerts to act on\n"+
			"this week, asks per reference against its quota, outcomes, win rate, influenced revenue,\n"+
			"open promises to reference customers, follow-ups due, and demand against coverage.\n"+
			"--html writes one self-contained page; it is private (customers, prospects, deal\n"+
			"values), so it is refused inside the site's public/ or any built site.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	asJSON := fs.Bool("json", false, "print JSON instead of tables")
	htmlFile := fs.String("html", "", "also write the report as a page to `FILE` (never under public/)")
	date := fs.String("date", "", "the report's day `YYYY-MM-DD` (default SOURCE_DATE_EPOCH, else today)")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack report: unexpected argument %q (use -s SITE)\n", rest[0])
		return ExitUsage
	}
	today, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack report: %v\n", err)
		return ExitUsage
	}
	if *htmlFile != "" {
		if err := checkPrivateDest(*siteDir, *htmlFile, privateOutput{why: "the report holds private data (customers, prospects, deal values)", hint: "write it elsewhere, e.g. " + filepath.Join(*siteDir, "report.html")}); err != nil {
			fmt.Fprintf(stderr, "refpack report: %v\n", err)
			return ExitUsage
		}
	}
	lib, code := loadLibrary(*siteDir, "report", stderr)
	if lib == nil {
		return code
	}
	r := buildReport(lib, today)
	if *htmlFile != "" {
		if err := writeFileAtomic(*htmlFile, report.HTML(r, lib.Site)); err != nil {
			fmt.Fprintf(stderr, "refpack report: %v\n", err)
			return ExitProblem
		}
	}
	if *asJSON {
		if err := writeReportJSON(stdout, r); err != nil {
			fmt.Fprintf(stderr, "refpack report: %v\n", err)
			return ExitProblem
		}
		return ExitOK
	}
	printReport(stdout, r, lib.Site)
	if *htmlFile != "" {
		fmt.Fprintf(stdout, "\nwrote %s (private: it names customers, prospects and deal values)\n", *htmlFile)
	}
	return ExitOK
}

// buildReport computes the report with the ledger's follow-up rule. Health
// and consent come from the case studies' own fields until a helpdesk export
// or [consent] derive them: pass report.Input.Health / Consent then.
func buildReport(lib *content.Library, today time.Time) *report.Report {
	days := lib.Site.Brief.FollowUpDays
	sup := lib.Support.At(today)
	return report.Build(report.Input{
		Library:  lib,
		Date:     today,
		FollowUp: func(d time.Time) time.Time { return brief.AddWorkingDays(d, days) },
		// The health matching uses: the worse of [reference] health and
		// the one the helpdesk export gives at the date.
		Health: func(c *content.Case) report.Health {
			h := match.HealthAt(c, sup, lib.Site.Language)
			return report.Health{Level: h.Health, Reasons: h.HealthReasons}
		},
		Consent: func(c *content.Case) *report.Consent {
			if c.Consent == nil {
				return nil
			}
			return &report.Consent{Public: c.Consent.Public, Expires: c.Consent.Expires}
		},
	})
}

// printReport writes the terminal summary: alerts first, then short tables,
// in the site's language.
func printReport(w io.Writer, r *report.Report, site *config.Site) {
	t := report.TextIn(r.Language)
	g := r.Programme
	fmt.Fprintf(w, "%s — %s\n", t.T("title"), t.T("period", "site", site.Title, "from", t.Date(r.From), "to", t.Date(r.Date)))

	fmt.Fprintf(w, "\n%s\n", t.T("s_alerts"))
	if len(r.Alerts) == 0 {
		fmt.Fprintf(w, "  %s\n", t.T("no_alerts"))
	}
	for i, a := range r.Alerts[:min(len(r.Alerts), report.MaxAlerts)] {
		fmt.Fprintf(w, "  %2d. [%s] %s\n", i+1, t.T("kind_"+a.Kind), oneLine(a.Message))
	}
	if n := len(r.Alerts) - report.MaxAlerts; n > 0 {
		fmt.Fprintf(w, "  %s\n", t.N("rows_more", n))
	}

	fmt.Fprintf(w, "\n%s\n", t.T("s_programme"))
	win := t.T("k_win_detail", "won", t.Int(g.Won), "lost", t.Int(g.Lost), "pending", t.Int(g.Pending))
	rows := [][]string{
		{t.T("k_asks"), t.Int(g.Prospects), t.T("k_asks_detail", "asks", t.N("asks", g.Entries), "visits", t.N("visits", g.Visits), "calls", t.N("calls", g.Calls))},
		{t.T("k_win_rate"), t.Percent(g.WinRate), win},
	}
	if len(g.Influenced) == 0 {
		rows = append(rows, []string{t.T("k_influenced"), t.T("k_influenced_none"), ""})
	}
	// One currency per line keeps the column narrow.
	for i, cur := range report.Currencies(g.Influenced) {
		label := ""
		if i == 0 {
			label = t.T("k_influenced")
		}
		rows = append(rows, []string{label, t.Money(map[string]int64{cur: g.Influenced[cur]}), ""})
	}
	printTable(w, nil, append(rows, [][]string{
		{t.T("k_willing"), t.Int(g.Willing), t.N("k_willing_detail", g.References)},
		{t.T("k_follow_ups"), t.Int(len(g.FollowUps)), ""},
		{t.N("k_obligations", report.ObligationAlertDays), t.Int(len(g.OldObligations)), ""},
	}...), "---")

	fmt.Fprintf(w, "\n%s\n", t.T("s_months"))
	rows = nil
	for _, m := range r.Months {
		label := t.Month(m.Start)
		if m.Partial {
			label += "*"
		}
		rows = append(rows, []string{label, t.Int(m.Won), t.Int(m.Lost), t.Int(m.Pending), strings.Repeat("█", m.Won) + strings.Repeat("▓", m.Lost) + strings.Repeat("░", m.Pending)})
	}
	printTable(w, []string{t.T("month"), t.T("won"), t.T("lost"), t.T("pending"), ""}, rows, "-rrr-")

	fmt.Fprintf(w, "\n%s\n", t.T("s_refs"))
	rows = nil
	refs, more, quiet := r.Listed()
	for _, ref := range refs {
		quota := t.T("no_limit")
		if ref.Quota > 0 {
			quota = t.Int(ref.Quota)
		}
		last := t.T("never")
		if !ref.LastAsk.IsZero() {
			last = ref.LastAsk.Format(time.DateOnly)
		}
		promises := t.T("na")
		if n := len(ref.Obligations); n > 0 {
			promises = t.T("oldest_days", "n", t.Int(n), "days", t.N("days", ref.Obligations[0].DaysOpen))
		}
		rows = append(rows, []string{ref.Case.Slug, t.Int(ref.Asks), quota, last,
			t.Int(ref.Won) + "/" + t.Int(ref.Lost) + "/" + t.Int(ref.Pending), t.Percent(ref.WinRate),
			t.Money(ref.Influenced), promises, t.Outcome(ref.Health.Level)})
	}
	printTable(w, []string{t.T("reference"), t.T("asks_heading"), t.T("quota"), t.T("last_ask"), t.T("outcomes"), t.T("win_rate"), t.T("influenced"), t.T("open_promises"), t.T("health")}, rows, "-rr--rr--")
	if more > 0 {
		fmt.Fprintf(w, "  %s\n", t.N("rows_more", more))
	}
	if quiet > 0 {
		fmt.Fprintf(w, "  %s\n", t.N("refs_more", quiet))
	}

	fmt.Fprintf(w, "\n%s\n", t.T("s_gaps"))
	if len(r.Demand.Gaps) == 0 {
		fmt.Fprintf(w, "  %s\n", t.T("no_gaps"))
	} else {
		rows = nil
		for _, gap := range r.Demand.Gaps {
			rows = append(rows, []string{site.Industries.Label(gap.Industry, r.Language), site.ProjectTypes.Label(gap.ProjectType, r.Language), t.Int(gap.Prospects)})
		}
		printTable(w, []string{t.T("industry"), t.T("project_type"), t.T("prospect")}, rows, "--r")
	}

	fmt.Fprintf(w, "\n%s\n  %s\n", t.T("s_weak"), t.T("weak_intro", "n", t.Decimal(match.WeakScore)))
	if len(r.Demand.Weak) == 0 {
		fmt.Fprintf(w, "  %s\n", t.T("no_weak"))
		return
	}
	rows = nil
	for _, wp := range r.Demand.Weak {
		best := t.T("no_match")
		if wp.Best != nil {
			best = wp.Best.Slug
		}
		rows = append(rows, []string{wp.Prospect.Slug, t.Decimal(match.Round(wp.Score)), best})
	}
	printTable(w, []string{t.T("prospect"), t.T("score"), t.T("best")}, rows, "-r-")
}

// printTable prints rows in columns padded to their display width (CJK
// characters take two columns); align has '-' (left) or 'r' (right) per
// column. A nil header prints no heading line.
func printTable(w io.Writer, header []string, rows [][]string, align string) {
	all := rows
	if header != nil {
		all = append([][]string{header}, rows...)
	}
	widths := make([]int, len(align))
	for _, row := range all {
		for i, c := range row {
			widths[i] = max(widths[i], diag.Width(c))
		}
	}
	for _, row := range all {
		var b strings.Builder
		b.WriteString(" ")
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-diag.Width(c))
			b.WriteString(" ")
			if align[i] == 'r' {
				b.WriteString(pad + c)
			} else if i < len(row)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
			if i < len(row)-1 {
				b.WriteString(" ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// The JSON shapes of refpack report --json; the README documents them.
type reportJSON struct {
	Date       string          `json:"date"`
	From       string          `json:"from"`
	Language   string          `json:"language"`
	Programme  programmeJSON   `json:"programme"`
	Months     []monthJSON     `json:"months"`
	References []referenceJSON `json:"references"`
	Demand     demandJSON      `json:"demand"`
	Alerts     []alertJSON     `json:"alerts"`
}

type programmeJSON struct {
	Asks           int              `json:"asks"`
	Won            int              `json:"won"`
	Lost           int              `json:"lost"`
	Pending        int              `json:"pending"`
	WinRate        *float64         `json:"win_rate"`
	Influenced     map[string]int64 `json:"influenced"`
	Entries        int              `json:"entries"`
	Visits         int              `json:"visits"`
	Calls          int              `json:"calls"`
	References     int              `json:"references"`
	Willing        int              `json:"willing"`
	FollowUpsDue   []followUpJSON   `json:"follow_ups_due"`
	OldObligations []obligationJSON `json:"old_obligations"`
}

type monthJSON struct {
	Month   string `json:"month"`
	Partial bool   `json:"partial"`
	Won     int    `json:"won"`
	Lost    int    `json:"lost"`
	Pending int    `json:"pending"`
}

type referenceJSON struct {
	Case            string           `json:"case"`
	Translations    []string         `json:"translations"`
	Name            string           `json:"name"`
	Asks            int              `json:"asks"`
	Visits          int              `json:"visits"`
	Calls           int              `json:"calls"`
	Quota           *int             `json:"quota"`
	LastAsk         *string          `json:"last_ask"`
	Won             int              `json:"won"`
	Lost            int              `json:"lost"`
	Pending         int              `json:"pending"`
	WinRate         *float64         `json:"win_rate"`
	Influenced      map[string]int64 `json:"influenced"`
	OpenObligations []obligationJSON `json:"open_obligations"`
	Health          *string          `json:"health"`
	HealthReasons   []string         `json:"health_reasons"`
	Consent         *consentJSON     `json:"consent,omitempty"`
	Willing         bool             `json:"willing"`
}

type obligationJSON struct {
	N        int    `json:"n"`
	Case     string `json:"case"`
	Prospect string `json:"prospect"`
	Bonus    string `json:"bonus"`
	Date     string `json:"date"`
	DaysOpen int    `json:"days_open"`
}

type followUpJSON struct {
	N           int    `json:"n"`
	Case        string `json:"case"`
	Prospect    string `json:"prospect"`
	Date        string `json:"date"`
	Due         string `json:"due"`
	DaysOverdue int    `json:"days_overdue"`
}

type consentJSON struct {
	Public  bool    `json:"public"`
	Expires *string `json:"expires"`
}

type demandJSON struct {
	Industries    []string         `json:"industries"`
	ProjectTypes  []string         `json:"project_types"`
	Cells         []demandCellJSON `json:"cells"`
	Gaps          []demandCellJSON `json:"gaps"`
	WeakThreshold float64          `json:"weak_threshold"`
	WeakProspects []weakJSON       `json:"weak_prospects"`
}

type demandCellJSON struct {
	Industry    string `json:"industry"`
	ProjectType string `json:"project_type"`
	References  int    `json:"references"`
	Prospects   int    `json:"prospects"`
}

type alertJSON struct {
	Kind     string `json:"kind"`
	Case     string `json:"case,omitempty"`
	Prospect string `json:"prospect,omitempty"`
	Message  string `json:"message"`
}

func dateJSON(d time.Time) *string {
	if d.IsZero() {
		return nil
	}
	s := d.Format(time.DateOnly)
	return &s
}

// rate rounds a share to 4 decimals so that 1/3 reads 0.3333.
func rate(r *float64) *float64 {
	if r == nil {
		return nil
	}
	v := float64(int64(*r*10000+0.5)) / 10000
	return &v
}

func obligationsJSON(os []report.Obligation) []obligationJSON {
	out := []obligationJSON{}
	for _, o := range os {
		out = append(out, obligationJSON{N: o.N, Case: o.Case, Prospect: o.Prospect, Bonus: o.Bonus, Date: o.Date.Format(time.DateOnly), DaysOpen: o.DaysOpen})
	}
	return out
}

func writeReportJSON(w io.Writer, r *report.Report) error {
	g := r.Programme
	out := reportJSON{
		Date: r.Date.Format(time.DateOnly), From: r.From.Format(time.DateOnly), Language: r.Language,
		Programme: programmeJSON{
			Asks: g.Prospects, Won: g.Won, Lost: g.Lost, Pending: g.Pending, WinRate: rate(g.WinRate), Influenced: g.Influenced,
			Entries: g.Entries, Visits: g.Visits, Calls: g.Calls, References: g.References, Willing: g.Willing,
			FollowUpsDue: []followUpJSON{}, OldObligations: obligationsJSON(g.OldObligations),
		},
		Months: []monthJSON{}, References: []referenceJSON{}, Alerts: []alertJSON{},
		Demand: demandJSON{Industries: r.Demand.Industries, ProjectTypes: r.Demand.ProjectTypes,
			Cells: []demandCellJSON{}, Gaps: []demandCellJSON{}, WeakThreshold: match.WeakScore, WeakProspects: []weakJSON{}},
	}
	for _, f := range g.FollowUps {
		out.Programme.FollowUpsDue = append(out.Programme.FollowUpsDue, followUpJSON{N: f.N, Case: f.Case, Prospect: f.Prospect,
			Date: f.Date.Format(time.DateOnly), Due: f.Due.Format(time.DateOnly), DaysOverdue: f.DaysOverdue})
	}
	for _, m := range r.Months {
		out.Months = append(out.Months, monthJSON{Month: m.Start.Format("2006-01"), Partial: m.Partial, Won: m.Won, Lost: m.Lost, Pending: m.Pending})
	}
	for _, ref := range r.References {
		j := referenceJSON{
			Case: ref.Case.Slug, Translations: ref.Translations, Name: ref.Name,
			Asks: ref.Asks, Visits: ref.Visits, Calls: ref.Calls, LastAsk: dateJSON(ref.LastAsk),
			Won: ref.Won, Lost: ref.Lost, Pending: ref.Pending, WinRate: rate(ref.WinRate), Influenced: ref.Influenced,
			OpenObligations: obligationsJSON(ref.Obligations), HealthReasons: ref.Health.Reasons, Willing: ref.Willing,
		}
		if j.Translations == nil {
			j.Translations = []string{}
		}
		if j.HealthReasons == nil {
			j.HealthReasons = []string{}
		}
		if ref.Quota > 0 {
			j.Quota = &ref.Quota
		}
		if ref.Health.Level != "" {
			j.Health = &ref.Health.Level
		}
		if ref.Consent != nil {
			j.Consent = &consentJSON{Public: ref.Consent.Public, Expires: dateJSON(ref.Consent.Expires)}
		}
		out.References = append(out.References, j)
	}
	for _, ind := range r.Demand.Industries {
		for _, pt := range r.Demand.ProjectTypes {
			c := r.Demand.Cells[ind][pt]
			out.Demand.Cells = append(out.Demand.Cells, demandCellJSON{ind, pt, c.References, c.Prospects})
		}
	}
	for _, gap := range r.Demand.Gaps {
		out.Demand.Gaps = append(out.Demand.Gaps, demandCellJSON{gap.Industry, gap.ProjectType, 0, gap.Prospects})
	}
	for _, wp := range r.Demand.Weak {
		j := weakJSON{Prospect: wp.Prospect.Slug, Score: match.Round(wp.Score)}
		if wp.Best != nil {
			j.BestCase = wp.Best.Slug
		}
		out.Demand.WeakProspects = append(out.Demand.WeakProspects, j)
	}
	for _, a := range r.Alerts {
		out.Alerts = append(out.Alerts, alertJSON{Kind: a.Kind, Case: a.Case, Prospect: a.Prospect, Message: a.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
