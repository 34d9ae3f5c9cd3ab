package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/questions"
)

// defaultTableTop is how many matches the terminal table shows unless --top
// says otherwise; --json shows all of them.
const defaultTableTop = 10

func runMatch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("match", "match PROSPECT [-s SITE] [--top N] [--json] [--date YYYY-MM-DD] [--questions]",
		"Rank the case studies as references for the prospect content/prospects/PROSPECT.toml:\n"+
			"the matches with their score and reasons (translations of a case study are one row, in\n"+
			"the prospect's language), the call references, the published case pages to send, then\n"+
			"the excluded cases and why.\n"+
			"The terminal table shows the best 10 matches and --json all of them, unless --top is given.\n"+
			"The yearly visit quota is counted in the 365 days before the prospect's visit_date, or\n"+
			"before --date (default: SOURCE_DATE_EPOCH when set, else today) when it has none.\n"+
			"--questions prints the prepared question list for the best [brief] top references instead.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	top := fs.Int("top", 0, "show only the best N matches (default: 10 in the table, all with --json)")
	asJSON := fs.Bool("json", false, "print JSON: {\"prospect\", \"matches\", \"calls\", \"pages\", \"excluded\"}")
	date := fs.String("date", "", "today's date `YYYY-MM-DD` for the quota window when the prospect has no visit_date")
	withQuestions := fs.Bool("questions", false, "print the prepared question list (with --json: add \"questions\")")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		if len(rest) == 0 {
			fmt.Fprintln(stderr, "refpack match: which prospect? give its slug, e.g. refpack match acme-leasing")
		} else {
			fmt.Fprintf(stderr, "refpack match: unexpected argument %q (one prospect at a time)\n", rest[1])
		}
		return ExitUsage
	}
	if *top < 0 {
		fmt.Fprintln(stderr, "refpack match: --top must not be negative")
		return ExitUsage
	}
	today, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack match: %v\n", err)
		return ExitUsage
	}
	lib, code := loadLibrary(*siteDir, "match", stderr)
	if lib == nil {
		return code
	}
	p, err := findProspect(lib, rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "refpack match: %v\n", err)
		return ExitProblem
	}
	mp := match.FromProspect(p, lib.Site)
	// Only the matches shown need reasons: --top of them, all in JSON
	// without --top, the table's first rows.
	explain := *top
	if !*asJSON {
		explain = cmp.Or(*top, defaultTableTop)
	}
	res := match.Rank(mp, lib.Cases, lib.Visits, lib.Site, today, match.Options{Support: lib.Support, Explain: explain})
	pages := match.Closest(mp, lib.PublicCases(today, false), lib.Site, closestPages)
	var qs []questions.Group
	if *withQuestions {
		qs = questions.Build(questions.Input{
			Prospect:   p,
			References: topCases(res, lib.Site.Brief.Top),
			Bank:       lib.Questions,
			Language:   mp.Language,
			SiteLang:   lib.Site.Language,
			Max:        lib.Site.Brief.MaxQuestions,
		})
	}
	if *asJSON {
		if *top > 0 && len(res.Matches) > *top {
			res.Matches = res.Matches[:*top]
		}
		if err := writeMatchJSON(stdout, p, res, pages, lib.Site, qs, *withQuestions); err != nil {
			fmt.Fprintf(stderr, "refpack match: %v\n", err)
			return ExitProblem
		}
		return ExitOK
	}
	if *withQuestions {
		printQuestions(stdout, p, qs)
		return ExitOK
	}
	printMatches(stdout, lib.Site, p, res, pages, cmp.Or(*top, defaultTableTop), today)
	return ExitOK
}

// todayFrom is the date that ends the quota window when a prospect has no
// visit date: --date, else SOURCE_DATE_EPOCH, else the real date (UTC).
// Only the command line reads the clock; the stages get the date.
func todayFrom(flagValue string) (time.Time, error) {
	if flagValue != "" {
		t, err := time.Parse(time.DateOnly, flagValue)
		if err != nil {
			return time.Time{}, fmt.Errorf("--date %q: want a date such as 2026-12-10", flagValue)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want seconds since 1970", s)
		}
		return day(time.Unix(sec, 0)), nil
	}
	return day(time.Now()), nil
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// loadLibrary loads and validates the site; on content errors it prints
// every problem and returns nil with the exit code.
func loadLibrary(siteDir, cmdName string, stderr io.Writer) (*content.Library, int) {
	if info, err := os.Stat(siteDir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "refpack %s: site directory %s does not exist (use -s SITE)\n", cmdName, siteDir)
		return nil, ExitUsage
	}
	lib, problems := content.Load(os.DirFS(siteDir))
	if lib == nil || hasErrors(problems) {
		printProblems(stderr, problems)
		errs, _ := count(problems)
		fmt.Fprintf(stderr, "refpack %s: %s in the content; run refpack check\n", cmdName, plural(errs, "error"))
		return nil, ExitProblem
	}
	return lib, ExitOK
}

// findProspect accepts a prospect's slug or the path of its file.
func findProspect(lib *content.Library, arg string) (*content.Prospect, error) {
	slug := strings.TrimSuffix(path.Base(strings.ReplaceAll(arg, "\\", "/")), ".toml")
	if p := lib.ProspectBySlug(slug); p != nil {
		return p, nil
	}
	known := make([]string, len(lib.Prospects))
	for i, p := range lib.Prospects {
		known[i] = p.Slug
	}
	if len(known) == 0 {
		return nil, fmt.Errorf("unknown prospect %q: there are no prospects in content/prospects/ (create one with refpack new prospect NAME)", arg)
	}
	return nil, fmt.Errorf("unknown prospect %q%s; known: %s", arg, config.DidYouMean(slug, known), strings.Join(known, ", "))
}

func topCases(res match.Result, n int) []*content.Case {
	var out []*content.Case
	for _, m := range res.Top(n) {
		out = append(out, m.Case)
	}
	return out
}

type matchJSON struct {
	Prospect  string            `json:"prospect"`
	Matches   []matchItem       `json:"matches"`
	Calls     []matchItem       `json:"calls"`
	Pages     []pageItem        `json:"pages"`
	Excluded  []excludedItem    `json:"excluded"`
	Questions []questions.Group `json:"questions,omitempty"`
}

type matchItem struct {
	Case         string           `json:"case"`
	Score        float64          `json:"score"`
	Reasons      []string         `json:"reasons"`
	Translations []string         `json:"translations"`
	Components   match.Components `json:"components"`
	healthItem
}

// pageItem is a published case page close to the prospect.
type pageItem struct {
	Case  string  `json:"case"`
	Score float64 `json:"score"`
	URL   string  `json:"url"`
}

type excludedItem struct {
	Case         string   `json:"case"`
	Reasons      []string `json:"reasons"`
	Translations []string `json:"translations"`
	healthItem
}

// healthItem is the health matching used (the worse of [reference] health
// and the helpdesk's), the helpdesk's reasons, and whether the case is on
// the public site.
type healthItem struct {
	Health        string   `json:"health"`
	HealthReasons []string `json:"health_reasons"`
	PacksOnly     bool     `json:"packs_only,omitempty"`
}

func healthJSON(h match.Health, packsOnly bool) healthItem {
	return healthItem{Health: h.Health, HealthReasons: nonNil(h.HealthReasons), PacksOnly: packsOnly}
}

// closestPages is how many published case pages match and the packs offer.
const closestPages = 5

func writeMatchJSON(w io.Writer, p *content.Prospect, res match.Result, pages []match.Match, site *config.Site, qs []questions.Group, withQuestions bool) error {
	out := matchJSON{Prospect: p.Slug, Matches: []matchItem{}, Calls: []matchItem{}, Pages: []pageItem{}, Excluded: []excludedItem{}}
	item := func(m match.Match) matchItem {
		c := m.Components
		return matchItem{
			Case:         m.Case.Slug,
			Score:        match.Round(m.Score),
			Reasons:      nonNil(m.Reasons),
			Translations: caseSlugs(m.Translations),
			Components: match.Components{
				Industry: match.Round(c.Industry), ProjectType: match.Round(c.ProjectType),
				Scale: match.Round(c.Scale), Region: match.Round(c.Region), Freshness: match.Round(c.Freshness),
			},
			healthItem: healthJSON(m.Health, m.PacksOnly),
		}
	}
	for _, m := range res.Matches {
		out.Matches = append(out.Matches, item(m))
	}
	for _, m := range res.Calls {
		out.Calls = append(out.Calls, item(m))
	}
	for _, m := range pages {
		out.Pages = append(out.Pages, pageItem{Case: m.Case.Slug, Score: match.Round(m.Score), URL: site.AbsURL("cases/" + m.Case.Slug + "/")})
	}
	for _, e := range res.Excluded {
		out.Excluded = append(out.Excluded, excludedItem{Case: e.Case.Slug, Reasons: nonNil(e.Texts()), Translations: caseSlugs(e.Translations), healthItem: healthJSON(e.Health, e.PacksOnly)})
	}
	if withQuestions {
		out.Questions = qs
		if out.Questions == nil {
			out.Questions = []questions.Group{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func caseSlugs(cs []*content.Case) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Slug)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// printMatches writes the ranking as a table: one row per match with its
// reasons on the line below, then the excluded cases.
func printMatches(w io.Writer, site *config.Site, p *content.Prospect, res match.Result, pages []match.Match, top int, today time.Time) {
	var pts []string
	for _, k := range p.ProjectTypes {
		pts = append(pts, site.ProjectTypes.Label(k, "en"))
	}
	fmt.Fprintf(w, "Prospect: %s (%s)\n", p.Name, p.Slug)
	profile := []string{site.Industries.Label(p.Industry, "en"), strings.Join(pts, ", ")}
	if p.Region != "" {
		profile = append(profile, site.Regions.Label(p.Region, "en"))
	}
	for _, f := range p.Scale.Fields() {
		if f.Value > 0 {
			profile = append(profile, match.Number(f.Value, "en")+" "+f.Name)
		}
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(profile, " · "))
	if p.VisitDate.IsZero() {
		fmt.Fprintf(w, "  no visit date: visit quotas counted up to %s\n", today.Format(time.DateOnly))
	} else {
		fmt.Fprintf(w, "  visit on %s: visit quotas counted in the 365 days before\n", p.VisitDate.Format(time.DateOnly))
	}
	fmt.Fprintln(w)

	shown := res.Matches
	if len(shown) > top {
		shown = shown[:top]
	}
	if len(shown) == 0 {
		fmt.Fprintln(w, "No case study can be recommended.")
	} else {
		fmt.Fprintf(w, "Matches (%d of %d):\n", len(shown), len(res.Matches))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  #\tSCORE\tCASE\tCUSTOMER")
		for i, m := range shown {
			name := m.Case.PublicName()
			if m.PacksOnly {
				name += " (packs only)"
			}
			fmt.Fprintf(tw, "%3d\t%.2f\t%s\t%s\n", i+1, match.Round(m.Score), m.Case.Slug, name)
		}
		tw.Flush()
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Why:")
		printReasons(w, shown)
	}
	if len(res.Calls) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Call references (%d): excluded from visits, willing to take a call\n", len(res.Calls))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  #\tSCORE\tCASE\tCUSTOMER")
		for i, m := range res.Calls {
			fmt.Fprintf(tw, "%3d\t%.2f\t%s\t%s\n", i+1, match.Round(m.Score), m.Case.Slug, m.Case.PublicName())
		}
		tw.Flush()
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Why:")
		printReasons(w, res.Calls)
	}
	if len(pages) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Published case pages to send (%d):\n", len(pages))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, m := range pages {
			fmt.Fprintf(tw, "%3d\t%.2f\t%s\t%s\n", i+1, match.Round(m.Score), m.Case.Slug, site.AbsURL("cases/"+m.Case.Slug+"/"))
		}
		tw.Flush()
	}
	if len(res.Excluded) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Excluded (%d):\n", len(res.Excluded))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, e := range res.Excluded {
			fmt.Fprintf(tw, "  %s\t%s\n", e.Case.Slug, strings.Join(e.Texts(), "; "))
		}
		tw.Flush()
	}
}

// printReasons lists each match's reasons under its rank and slug, with
// the other versions of its story.
func printReasons(w io.Writer, ms []match.Match) {
	for i, m := range ms {
		fmt.Fprintf(w, "%3d  %s\n", i+1, m.Case.Slug)
		if len(m.Translations) > 0 {
			fmt.Fprintf(w, "       (also as %s)\n", strings.Join(caseSlugs(m.Translations), ", "))
		}
		for _, r := range m.Reasons {
			fmt.Fprintf(w, "       - %s\n", r)
		}
	}
}

// printQuestions writes the question list, numbered through all groups.
func printQuestions(w io.Writer, p *content.Prospect, groups []questions.Group) {
	fmt.Fprintf(w, "Prepared questions for %s (%s)\n", p.Name, p.Slug)
	n := 0
	for _, g := range groups {
		fmt.Fprintf(w, "\n%s\n", g.Label)
		for _, q := range g.Questions {
			n++
			fmt.Fprintf(w, "%3d. %s\n", n, q.Text)
			if len(q.Askers) > 0 {
				fmt.Fprintf(w, "     — %s\n", strings.Join(q.Askers, ", "))
			}
		}
	}
	if n == 0 {
		fmt.Fprintln(w, "\nNo questions: add participants' interests or entries to content/questions.toml.")
	}
}
