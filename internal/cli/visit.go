package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/refpack/refpack/internal/brief"
	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/ledger"
)

const visitUsage = "Usage:\n" +
	"  refpack visit add CASE PROSPECT --date YYYY-MM-DD [--kind visit|call] [--outcome pending|won|lost] [--bonus TEXT] [--value N] [--currency CODE]\n" +
	"  refpack visit set N [--outcome pending|won|lost] [--bonus-delivered] [--value N] [--currency CODE]\n" +
	"  refpack visit list [--open] [--due] [--json] [--date YYYY-MM-DD]"

func runVisit(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "refpack visit: want add, set or list\n%s\n", visitUsage)
		return ExitUsage
	}
	switch args[0] {
	case "add":
		return runVisitAdd(args[1:], stdout, stderr)
	case "set":
		return runVisitSet(args[1:], stdout, stderr)
	case "list":
		return runVisitList(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(stdout, "%s\n\nRecord reference visits in content/visits.toml and list them.\nRun 'refpack visit add|set|list --help' for their flags.\n", visitUsage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "refpack visit: unknown subcommand %q%s\n%s\n", args[0],
		config.DidYouMean(args[0], []string{"add", "set", "list"}), visitUsage)
	return ExitUsage
}

func checkEnum(name, v string, values []string) error {
	if slices.Contains(values, v) {
		return nil
	}
	return fmt.Errorf("--%s must be one of %s, not %q%s", name, strings.Join(values, ", "), v, config.DidYouMean(v, values))
}

// checkDeal validates --value (when given) and --currency.
func checkDeal(fs *flag.FlagSet, value int64, currency string) error {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "value" })
	if given && (value < 1 || value > content.MaxValue) {
		return fmt.Errorf("--value must be a whole number from 1 to %d (the deal size in units of its currency)", int64(content.MaxValue))
	}
	if currency != "" && !config.ValidCurrency(currency) {
		return fmt.Errorf("--currency must be an ISO 4217 code of three upper-case letters, such as EUR, not %q", currency)
	}
	return nil
}

// needCurrency refuses a value that would have no currency: the entry names
// none and site.toml has no [report] currency.
func needCurrency(value int64, currency, entry string, site *config.Site) error {
	if value > 0 && currency == "" && entry == "" && site.Report.Currency == "" {
		return fmt.Errorf("--value needs a currency: add --currency EUR (or another ISO 4217 code), or set [report] currency in %s", config.Path)
	}
	return nil
}

func runVisitAdd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("visit add", "visit add CASE PROSPECT --date YYYY-MM-DD [--kind visit|call] [--outcome pending|won|lost] [--bonus TEXT] [--value N] [--currency CODE] [-s SITE]",
		"Record a reference visit or call in content/visits.toml: CASE hosted it for PROSPECT.\n"+
			"The entry is appended; every existing byte of the file is kept. --bonus is what was\n"+
			"promised to the reference customer (list open promises with refpack visit list --open).\n"+
			"--value is the prospect's deal size, counted as influenced revenue once it is won.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	date := fs.String("date", "", "the `YYYY-MM-DD` date of the visit (required)")
	kind := fs.String("kind", "visit", "visit or call")
	outcome := fs.String("outcome", "pending", "pending, won or lost")
	bonus := fs.String("bonus", "", "what was promised to the reference customer")
	value := fs.Int64("value", 0, "the prospect's deal size `N`, in whole units of the currency")
	currency := fs.String("currency", "", "ISO 4217 `CODE` of the value (default: [report] currency of site.toml)")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 2 {
		if len(rest) < 2 {
			fmt.Fprintln(stderr, "refpack visit add: want CASE and PROSPECT, e.g. refpack visit add northwind-bank acme-leasing --date 2026-10-02")
		} else {
			fmt.Fprintf(stderr, "refpack visit add: unexpected argument %q\n", rest[2])
		}
		return ExitUsage
	}
	if *date == "" {
		fmt.Fprintln(stderr, "refpack visit add: --date is required, e.g. --date 2026-10-02")
		return ExitUsage
	}
	d, err := time.Parse(time.DateOnly, *date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack visit add: --date %q is not a real date: want YYYY-MM-DD such as 2026-10-02\n", *date)
		return ExitUsage
	}
	for _, e := range []error{checkEnum("kind", *kind, content.VisitKinds), checkEnum("outcome", *outcome, content.VisitOutcomes)} {
		if e != nil {
			fmt.Fprintf(stderr, "refpack visit add: %v\n", e)
			return ExitUsage
		}
	}
	if *bonus != "" && strings.TrimSpace(*bonus) == "" {
		fmt.Fprintln(stderr, "refpack visit add: --bonus is blank: say what was promised, or leave it out")
		return ExitUsage
	}
	if err := checkDeal(fs, *value, *currency); err != nil {
		fmt.Fprintf(stderr, "refpack visit add: %v\n", err)
		return ExitUsage
	}
	lib, code := loadLibrary(*siteDir, "visit add", stderr)
	if lib == nil {
		return code
	}
	if err := needCurrency(*value, *currency, "", lib.Site); err != nil {
		fmt.Fprintf(stderr, "refpack visit add: %v\n", err)
		return ExitUsage
	}
	caseSlug := rest[0]
	if lib.CaseBySlug(caseSlug) == nil {
		known := make([]string, len(lib.Cases))
		for i, c := range lib.Cases {
			known[i] = c.Slug
		}
		fmt.Fprintf(stderr, "refpack visit add: unknown case %q%s\n", caseSlug, config.DidYouMean(caseSlug, known))
		return ExitProblem
	}
	p, err := findProspect(lib, rest[1])
	if err != nil {
		fmt.Fprintf(stderr, "refpack visit add: %v\n", err)
		return ExitProblem
	}
	entry := ledger.Entry{Case: caseSlug, Prospect: p.Slug, Date: d, Kind: *kind, Outcome: *outcome, Bonus: *bonus, Value: *value, Currency: *currency}
	n := 0
	err = ledger.Update(filepath.Join(*siteDir, filepath.FromSlash(content.VisitsPath)), func(old []byte) ([]byte, error) {
		out, err := ledger.Append(old, entry)
		if err == nil {
			n, err = ledger.Count(out)
		}
		return out, err
	})
	if err != nil {
		fmt.Fprintf(stderr, "refpack visit add: %s: %v (nothing was changed)\n", content.VisitsPath, err)
		return ExitProblem
	}
	fmt.Fprintf(stdout, "recorded visit %d: %s hosted %s on %s (%s, %s)\n", n, caseSlug, p.Slug, *date, *kind, *outcome)
	if *bonus != "" {
		fmt.Fprintf(stdout, "open promise to %s: %s (mark it delivered with refpack visit set %d --bonus-delivered)\n", caseSlug, *bonus, n)
	}
	return ExitOK
}

func runVisitSet(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("visit set", "visit set N [--outcome pending|won|lost] [--bonus-delivered] [--value N] [--currency CODE] [-s SITE]",
		"Record what happened after visit N (its number in refpack visit list): the outcome,\n"+
			"that the bonus promised to the reference customer was delivered, and the deal's\n"+
			"value and currency. Only that entry's lines change.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	outcome := fs.String("outcome", "", "pending, won or lost")
	delivered := fs.Bool("bonus-delivered", false, "the promised bonus was delivered")
	value := fs.Int64("value", 0, "the prospect's deal size `N`, in whole units of the currency")
	currency := fs.String("currency", "", "ISO 4217 `CODE` of the value (default: [report] currency of site.toml)")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		if len(rest) == 0 {
			fmt.Fprintln(stderr, "refpack visit set: which visit? give its number N from refpack visit list")
		} else {
			fmt.Fprintf(stderr, "refpack visit set: unexpected argument %q\n", rest[1])
		}
		return ExitUsage
	}
	n, err := strconv.Atoi(rest[0])
	if err != nil || n < 1 {
		fmt.Fprintf(stderr, "refpack visit set: %q is not a visit number: give N (1, 2, ...) as shown by refpack visit list\n", rest[0])
		return ExitUsage
	}
	if err := checkDeal(fs, *value, *currency); err != nil {
		fmt.Fprintf(stderr, "refpack visit set: %v\n", err)
		return ExitUsage
	}
	if *outcome == "" && !*delivered && *value == 0 && *currency == "" {
		fmt.Fprintln(stderr, "refpack visit set: nothing to set: give --outcome, --bonus-delivered, --value or --currency")
		return ExitUsage
	}
	if *outcome != "" {
		if err := checkEnum("outcome", *outcome, content.VisitOutcomes); err != nil {
			fmt.Fprintf(stderr, "refpack visit set: %v\n", err)
			return ExitUsage
		}
	}
	lib, code := loadLibrary(*siteDir, "visit set", stderr)
	if lib == nil {
		return code
	}
	if n > len(lib.Visits) {
		fmt.Fprintf(stderr, "refpack visit set: there is no visit %d: %s has %s\n", n, content.VisitsPath, entries(len(lib.Visits)))
		return ExitProblem
	}
	if *delivered && lib.Visits[n-1].Bonus == "" {
		fmt.Fprintf(stderr, "refpack visit set: visit %d promised no bonus; nothing to deliver\n", n)
		return ExitProblem
	}
	if err := needCurrency(*value, *currency, lib.Visits[n-1].Currency, lib.Site); err != nil {
		fmt.Fprintf(stderr, "refpack visit set: %v\n", err)
		return ExitUsage
	}
	err = ledger.Update(filepath.Join(*siteDir, filepath.FromSlash(content.VisitsPath)), func(old []byte) ([]byte, error) {
		return ledger.Set(old, n, ledger.Change{Outcome: *outcome, BonusDelivered: *delivered, Value: *value, Currency: *currency})
	})
	if err != nil {
		fmt.Fprintf(stderr, "refpack visit set: %s: %v (nothing was changed)\n", content.VisitsPath, err)
		return ExitProblem
	}
	v := lib.Visits[n-1]
	var what []string
	if *outcome != "" {
		what = append(what, "outcome "+*outcome)
	}
	if *delivered {
		what = append(what, "bonus delivered")
	}
	if *value > 0 {
		what = append(what, fmt.Sprintf("value %d", *value))
	}
	if *currency != "" {
		what = append(what, "currency "+*currency)
	}
	fmt.Fprintf(stdout, "visit %d (%s hosted %s on %s): %s\n", n, v.Case, v.Prospect, v.Date.Format(time.DateOnly), strings.Join(what, ", "))
	return ExitOK
}

type visitJSON struct {
	N              int    `json:"n"`
	Date           string `json:"date"`
	Case           string `json:"case"`
	Prospect       string `json:"prospect"`
	Kind           string `json:"kind"`
	Outcome        string `json:"outcome"`
	Bonus          string `json:"bonus"`
	BonusDelivered bool   `json:"bonus_delivered"`
	FollowUp       string `json:"follow_up"`
	Value          int64  `json:"value,omitempty"`
	Currency       string `json:"currency,omitempty"`
}

func runVisitList(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("visit list", "visit list [-s SITE] [--open] [--due] [--json] [--date YYYY-MM-DD]",
		"List the reference-usage ledger, numbered as refpack visit set expects.\n"+
			"--open: promises to reference customers not yet delivered.\n"+
			"--due: pending visits whose follow-up date (visit date + [brief] follow_up_days working\n"+
			"days) is today or earlier; today is --date, else SOURCE_DATE_EPOCH, else the real date.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	open := fs.Bool("open", false, "only bonuses promised and not yet delivered")
	due := fs.Bool("due", false, "only pending visits whose follow-up date has come")
	asJSON := fs.Bool("json", false, "print JSON: {\"visits\": [...]}")
	date := fs.String("date", "", "today's date `YYYY-MM-DD` for --due")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack visit list: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	today, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack visit list: %v\n", err)
		return ExitUsage
	}
	lib, code := loadLibrary(*siteDir, "visit list", stderr)
	if lib == nil {
		return code
	}
	days := lib.Site.Brief.FollowUpDays
	var rows []visitJSON
	for i, v := range lib.Visits {
		fu := brief.AddWorkingDays(v.Date, days)
		if *open && (v.Bonus == "" || v.BonusDelivered) {
			continue
		}
		if *due && (v.Outcome != "pending" || fu.After(today)) {
			continue
		}
		rows = append(rows, visitJSON{N: i + 1, Date: v.Date.Format(time.DateOnly), Case: v.Case, Prospect: v.Prospect,
			Kind: v.Kind, Outcome: v.Outcome, Bonus: v.Bonus, BonusDelivered: v.BonusDelivered, FollowUp: fu.Format(time.DateOnly),
			Value: v.Value, Currency: v.Currency})
	}
	if *asJSON {
		if rows == nil {
			rows = []visitJSON{}
		}
		b, err := json.MarshalIndent(struct {
			Visits []visitJSON `json:"visits"`
		}{rows}, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "refpack visit list: %v\n", err)
			return ExitProblem
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return ExitOK
	}
	if len(rows) == 0 {
		switch {
		case len(lib.Visits) == 0:
			fmt.Fprintln(stdout, "no visits recorded yet (record one with refpack visit add)")
		case *open && *due:
			fmt.Fprintln(stdout, "no open promises on visits due for follow-up")
		case *open:
			fmt.Fprintln(stdout, "no open promises: every bonus promised to a reference customer was delivered")
		default:
			fmt.Fprintf(stdout, "no follow-ups due on %s\n", today.Format(time.DateOnly))
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	if *due {
		fmt.Fprintln(tw, "N\tDATE\tFOLLOW-UP\tCASE\tPROSPECT\tKIND\tOUTCOME\tDELIVERED\tBONUS")
	} else {
		fmt.Fprintln(tw, "N\tDATE\tCASE\tPROSPECT\tKIND\tOUTCOME\tDELIVERED\tBONUS")
	}
	for _, r := range rows {
		bonus, del := "-", "-"
		if r.Bonus != "" {
			bonus = oneLine(r.Bonus)
			del = "no"
			if r.BonusDelivered {
				del = "yes"
			}
		}
		if *due {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.N, r.Date, r.FollowUp, r.Case, r.Prospect, r.Kind, r.Outcome, del, bonus)
		} else {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.N, r.Date, r.Case, r.Prospect, r.Kind, r.Outcome, del, bonus)
		}
	}
	tw.Flush()
	return ExitOK
}

// oneLine keeps a table row on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}

func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}
