package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func testSite(lang string) *config.Site {
	return &config.Site{
		Title: "Refs",
		// The default of consent_warning_days.
		ConsentWarningDays: 60,
		Language:           lang,
		Industries: config.NewVocabulary([]config.Term{
			{Key: "banking", Label: "Banking", Labels: map[string]string{"ja": "銀行", "ru": "Банки"}},
			{Key: "leasing", Label: "Leasing", Labels: map[string]string{"ja": "リース", "ru": "Лизинг"}},
		}),
		ProjectTypes: config.NewVocabulary([]config.Term{
			{Key: "archive", Label: "Archive", Labels: map[string]string{"ja": "アーカイブ", "ru": "Архив"}},
			{Key: "capture", Label: "Capture", Labels: map[string]string{"ja": "入力", "ru": "Ввод"}},
		}),
		Weights: config.DefaultWeights,
		Brief:   config.DefaultBrief,
	}
}

func ref(slug, industry string, quota int) *content.Case {
	return &content.Case{Slug: slug, Client: strings.ToUpper(slug[:1]) + slug[1:] + " Ltd", Industry: industry,
		ProjectTypes: []string{"archive"}, Status: "live", Language: "en", Scale: content.Scale{Employees: 5000},
		Reference: content.Reference{Visit: true, Call: true, Health: "green", MaxVisitsPerYear: quota}}
}

// testLibrary: north (with its translation north-ja) and south, three
// prospects, and a ledger around the window of 2026-12-07.
func testLibrary(lang string, visits ...content.Visit) *content.Library {
	northJa := ref("north-ja", "banking", 0)
	northJa.TranslationOf = "north"
	northJa.Language = "ja"
	return &content.Library{
		Site:  testSite(lang),
		Cases: []*content.Case{ref("north", "banking", 2), northJa, ref("south", "leasing", 0)},
		Prospects: []*content.Prospect{
			{Slug: "acme", Name: "Acme", Industry: "banking", ProjectTypes: []string{"archive"}, Scale: content.Scale{Employees: 4000}},
			{Slug: "bolt", Name: "Bolt", Industry: "leasing", ProjectTypes: []string{"capture", "capture"}, Scale: content.Scale{Employees: 4000}},
			{Slug: "core", Name: "Core", Industry: "leasing", ProjectTypes: []string{"capture"}, Scale: content.Scale{Employees: 4000}},
		},
		Visits: visits,
	}
}

func v(c, p, date, outcome string, value int64, currency string) content.Visit {
	return content.Visit{Case: c, Prospect: p, Date: day(date), Kind: "visit", Outcome: outcome, Value: value, Currency: currency}
}

var date = day("2026-12-07")

func build(lib *content.Library) *Report {
	return Build(Input{Library: lib, Date: date, FollowUp: func(d time.Time) time.Time { return d.AddDate(0, 0, 3) }})
}

func rate(r *float64) string {
	if r == nil {
		return "null"
	}
	return fmt.Sprintf("%.2f", *r)
}

func TestWindowEdges(t *testing.T) {
	tests := []struct {
		date, from string
	}{
		{"2026-12-07", "2025-12-08"},
		{"2026-01-01", "2025-01-02"},
		{"2026-12-31", "2026-01-01"},
		{"2028-02-29", "2027-03-02"}, // a year before 29 February is 1 March
		{"2027-03-01", "2026-03-02"},
	}
	for _, tt := range tests {
		if got := Window(day(tt.date)).Format(time.DateOnly); got != tt.from {
			t.Errorf("Window(%s) = %s, want %s", tt.date, got, tt.from)
		}
	}
	in := []struct {
		d    string
		want bool
	}{
		{"2025-12-07", false}, // a year before: out
		{"2025-12-08", true},  // first day in
		{"2026-12-07", true},  // the date itself: in
		{"2026-12-08", false}, // after the date: out
	}
	for _, tt := range in {
		if got := InWindow(day(tt.d), date); got != tt.want {
			t.Errorf("InWindow(%s, %s) = %v, want %v", tt.d, date.Format(time.DateOnly), got, tt.want)
		}
	}
	r := build(testLibrary("en",
		v("north", "acme", "2025-12-07", "won", 100, "EUR"),
		v("north", "bolt", "2025-12-08", "lost", 0, ""),
		v("north", "core", "2026-12-07", "pending", 0, ""),
		v("north", "acme", "2026-12-08", "won", 900, "EUR"),
	))
	p := r.Programme
	if p.Entries != 2 || p.Prospects != 2 || p.Won != 0 || p.Lost != 1 || p.Pending != 1 || len(p.Influenced) != 0 {
		t.Errorf("programme %+v: want the entries of 2025-12-08 and 2026-12-07 only", p)
	}
	if len(r.Months) != 13 || !r.Months[0].Partial || !r.Months[12].Partial || r.Months[1].Partial ||
		r.Months[0].Lost != 1 || r.Months[12].Pending != 1 {
		t.Errorf("months %+v: want Dec 2025 to Dec 2026, the ends partial", r.Months)
	}
	if got := r.References[0].LastAsk.Format(time.DateOnly); got != "2026-12-07" {
		t.Errorf("last ask %s, want 2026-12-07 (entries after the date left out)", got)
	}
}

func TestWinRate(t *testing.T) {
	tests := []struct {
		name   string
		visits []content.Visit
		north  string // north's win rate and outcomes
		prog   string // the programme's
	}{
		{"none", nil, "null 0/0/0", "null 0/0/0"},
		{"only pending", []content.Visit{v("north", "acme", "2026-05-01", "pending", 0, "")}, "null 0/0/1", "null 0/0/1"},
		{"pending left out", []content.Visit{
			v("north", "acme", "2026-05-01", "won", 0, ""),
			v("north", "bolt", "2026-05-02", "lost", 0, ""),
			v("north", "core", "2026-05-03", "pending", 0, ""),
			v("north-ja", "core", "2026-04-03", "lost", 0, ""),
		}, "0.33 1/2/1", "0.50 1/1/1"},
		{"a prospect counts once, by its latest entry", []content.Visit{
			v("north", "acme", "2026-03-01", "lost", 0, ""),
			v("south", "acme", "2026-06-01", "won", 0, ""),
			v("south", "bolt", "2026-06-01", "lost", 0, ""),
			v("north", "bolt", "2026-06-01", "won", 0, ""), // same day: the later line wins
		}, "0.50 1/1/0", "1.00 2/0/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := build(testLibrary("en", tt.visits...))
			var north Reference
			for _, ref := range r.References {
				if ref.Case.Slug == "north" {
					north = ref
				}
			}
			if got := fmt.Sprintf("%s %d/%d/%d", rate(north.WinRate), north.Won, north.Lost, north.Pending); got != tt.north {
				t.Errorf("north: %s, want %s", got, tt.north)
			}
			p := r.Programme
			if got := fmt.Sprintf("%s %d/%d/%d", rate(p.WinRate), p.Won, p.Lost, p.Pending); got != tt.prog {
				t.Errorf("programme: %s, want %s", got, tt.prog)
			}
		})
	}
}

func TestInfluenced(t *testing.T) {
	tests := []struct {
		name        string
		visits      []content.Visit
		north, prog string
	}{
		{"won only, per currency", []content.Visit{
			v("north", "acme", "2026-02-01", "won", 250000, "EUR"),
			v("north", "bolt", "2026-02-01", "won", 30000000, "JPY"),
			v("north", "core", "2026-02-01", "lost", 999, "EUR"),
		}, "EUR 250000, JPY 30000000", "EUR 250000, JPY 30000000"},
		{"one deal, two references: counted once by the programme", []content.Visit{
			v("north", "acme", "2026-02-01", "won", 100000, "EUR"),
			v("south", "acme", "2026-03-01", "won", 120000, "EUR"),
		}, "EUR 100000", "EUR 120000"},
		{"translations together", []content.Visit{
			v("north", "acme", "2026-02-01", "won", 1, "RUB"),
			v("north-ja", "bolt", "2026-02-01", "won", 2, "RUB"),
		}, "RUB 3", "RUB 3"},
		{"a later pending entry takes the prospect out", []content.Visit{
			v("north", "acme", "2026-02-01", "won", 500, "EUR"),
			v("south", "acme", "2026-03-01", "pending", 0, ""),
		}, "EUR 500", ""},
	}
	show := func(m map[string]int64) string {
		var parts []string
		for _, c := range Currencies(m) {
			parts = append(parts, fmt.Sprintf("%s %d", c, m[c]))
		}
		return strings.Join(parts, ", ")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := build(testLibrary("en", tt.visits...))
			for _, ref := range r.References {
				if ref.Case.Slug == "north" {
					if got := show(ref.Influenced); got != tt.north {
						t.Errorf("north: %q, want %q", got, tt.north)
					}
				}
			}
			if got := show(r.Programme.Influenced); got != tt.prog {
				t.Errorf("programme: %q, want %q", got, tt.prog)
			}
		})
	}
}

func TestObligationsAndFollowUps(t *testing.T) {
	owe := func(d, bonus string, delivered bool) content.Visit {
		x := v("north", "acme", d, "won", 0, "")
		x.Bonus, x.BonusDelivered = bonus, delivered
		return x
	}
	pend := v("south", "bolt", "2026-12-01", "pending", 0, "")  // due 12-04
	today := v("south", "core", "2026-12-04", "pending", 0, "") // due 12-07: today
	r := build(testLibrary("en",
		owe("2026-11-07", "thirty", false), // 30 days: open, not old
		owe("2026-11-06", "thirty-one", false),
		owe("2024-01-10", "ancient", false), // before the window: still owed
		owe("2026-10-01", "kept", true),
		owe("2026-12-10", "future", false), // after the date: left out
		pend, today,
		v("south", "bolt", "2026-12-05", "pending", 0, ""), // due 12-08: not yet
	))
	var north *Reference
	for i := range r.References {
		if r.References[i].Case.Slug == "north" {
			north = &r.References[i]
		}
	}
	var got []string
	for _, o := range north.Obligations {
		got = append(got, fmt.Sprintf("%d:%s:%d", o.N, o.Bonus, o.DaysOpen))
	}
	if want := "3:ancient:1062 2:thirty-one:31 1:thirty:30"; strings.Join(got, " ") != want {
		t.Errorf("obligations %s, want %s", strings.Join(got, " "), want)
	}
	got = nil
	for _, o := range r.Programme.OldObligations {
		got = append(got, fmt.Sprintf("%s:%d", o.Bonus, o.DaysOpen))
	}
	if want := "ancient:1062 thirty-one:31"; strings.Join(got, " ") != want {
		t.Errorf("old obligations %s, want %s", strings.Join(got, " "), want)
	}
	got = nil
	for _, f := range r.Programme.FollowUps {
		got = append(got, fmt.Sprintf("%d:%s:%d", f.N, f.Prospect, f.DaysOverdue))
	}
	if want := "6:bolt:3 7:core:0"; strings.Join(got, " ") != want {
		t.Errorf("follow-ups %s, want %s", strings.Join(got, " "), want)
	}
	var kinds []string
	for _, a := range r.Alerts {
		kinds = append(kinds, a.Kind+":"+a.Prospect)
	}
	if want := "obligation:acme obligation:acme follow_up:bolt follow_up:core quota:"; strings.Join(kinds, " ") != want {
		t.Errorf("alerts %s, want %s", strings.Join(kinds, " "), want)
	}
	if want := "Deliver to North Ltd what was promised 1,062 days ago for Acme: ancient (visit set 3 --bonus-delivered)"; r.Alerts[0].Message != want {
		t.Errorf("alert %q, want %q", r.Alerts[0].Message, want)
	}
}

func TestReferencesQuotaHealthConsentAlerts(t *testing.T) {
	lib := testLibrary("ru",
		v("north", "acme", "2026-02-01", "won", 0, ""),
		v("north-ja", "bolt", "2026-03-01", "lost", 0, ""),
		v("south", "core", "2026-03-01", "pending", 0, ""),
	)
	lib.Cases[2].Reference.Health = "amber"
	lib.Prospects[2].VisitDate = day("2026-12-20")
	lib.Prospects[2].Industry = "leasing"
	lib.Cases[1].Reference.Visit = false
	r := Build(Input{Library: lib, Date: date,
		Health: func(c *content.Case) Health {
			if c.Slug == "south" {
				return Health{Level: "amber", Reasons: []string{"2 тикета"}}
			}
			return Health{Level: c.Reference.Health}
		},
		Consent: func(c *content.Case) *Consent {
			if c.Slug == "north" {
				return &Consent{Public: true, Expires: day("2027-01-10")}
			}
			return nil
		},
	})
	if len(r.References) != 2 {
		t.Fatalf("want 2 references (a translation is the same customer), got %d", len(r.References))
	}
	n := r.References[0]
	if n.Case.Slug != "north" || n.Asks != 2 || n.Quota != 2 || fmt.Sprint(n.Translations) != "[north-ja]" || n.Consent == nil {
		t.Errorf("north: %+v", n)
	}
	if r.Programme.References != 2 || r.Programme.Willing != 2 {
		t.Errorf("programme references %d, willing %d; want 2, 2", r.Programme.References, r.Programme.Willing)
	}
	var got []string
	for _, a := range r.Alerts {
		got = append(got, a.Kind+": "+a.Message)
	}
	want := []string{
		"health: Отношения с South Ltd в жёлтой зоне, а за год к нему обращались 1 раз: проверьте отношения перед следующим: 2 тикета",
		"consent: North Ltd: согласие на публикацию истекает 10 января 2027\u00a0г.; попросите продление сейчас",
		"quota: North Ltd: 2 обращения при годовом лимите 2; дайте клиенту отдохнуть или заранее спросите согласия",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("alerts\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDemand(t *testing.T) {
	r := build(testLibrary("en"))
	d := r.Demand
	cells := fmt.Sprint(d.Cells["banking"]["archive"], d.Cells["leasing"]["archive"], d.Cells["leasing"]["capture"])
	if cells != "{1 1} {1 0} {0 2}" {
		t.Errorf("cells %s: want banking×archive 1 ref 1 prospect, leasing×archive 1 ref, leasing×capture 2 prospects (bolt once)", cells)
	}
	if fmt.Sprint(d.Gaps) != "[{leasing capture 2}]" {
		t.Errorf("gaps %v", d.Gaps)
	}
}

func TestMoney(t *testing.T) {
	for lang, want := range map[string]string{"en": "1,250,000\u00a0EUR · 3\u00a0JPY", "ja": "1,250,000\u00a0EUR · 3\u00a0JPY", "ru": "1\u00a0250\u00a0000\u00a0EUR · 3\u00a0JPY", "de": "1.250.000\u00a0EUR · 3\u00a0JPY"} {
		if got := textIn(lang).Money(map[string]int64{"JPY": 3, "EUR": 1250000}); got != want {
			t.Errorf("%s: Money = %q, want %q", lang, got, want)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 day"}, {"en", 0, "0 days"}, {"en", 21, "21 days"},
		{"ru", 1, "1 день"}, {"ru", 2, "2 дня"}, {"ru", 5, "5 дней"}, {"ru", 11, "11 дней"}, {"ru", 12, "12 дней"},
		{"ru", 21, "21 день"}, {"ru", 24, "24 дня"}, {"ru", 1062, "1\u00a0062 дня"},
		{"ja", 1, "1日"}, {"ja", 30, "30日"},
		{"de", 1, "1 Tag"}, {"de", 2, "2 Tagen"}, {"de", 21, "21 Tagen"}, {"de", 1062, "1.062 Tagen"},
	}
	for _, tt := range tests {
		if got := textIn(tt.lang).N("days", tt.n); got != tt.want {
			t.Errorf("%s N(days, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	// Counted phrases are whole sentences in the plural form of their count,
	// not "label: n".
	ru := textIn("ru")
	for n, want := range map[int]string{
		1:  "Ещё 1 референс без обращений, обещаний и предупреждений в таблицу не включён.",
		3:  "Ещё 3 референса без обращений, обещаний и предупреждений в таблицу не включены.",
		11: "Ещё 11 референсов без обращений, обещаний и предупреждений в таблицу не включены.",
	} {
		if got := ru.N("refs_more", n); got != want {
			t.Errorf("ru N(refs_more, %d) = %q, want %q", n, got, want)
		}
	}
}

func TestListed(t *testing.T) {
	lib := testLibrary("en", v("south", "acme", "2026-05-01", "won", 0, ""))
	for i := range MaxRows + 3 {
		c := ref(fmt.Sprintf("r%02d", i), "banking", 0)
		lib.Cases = append(lib.Cases, c)
		if i < MaxRows+1 {
			lib.Visits = append(lib.Visits, v(c.Slug, "bolt", "2026-06-01", "lost", 0, ""))
		}
	}
	rows, more, quiet := build(lib).Listed()
	// Asked: south and r00..r50 (52); quiet: north and r51, r52.
	if len(rows) != MaxRows || more != 2 || quiet != 3 {
		t.Errorf("Listed: %d rows, %d more, %d quiet; want %d, 2, 3", len(rows), more, quiet, MaxRows)
	}
}

func TestTextFillsOnce(t *testing.T) {
	got := textIn("en").T("alert_obligation", "case", "A", "days", "2 days", "prospect", "{bonus}", "bonus", "{days} of {n}", "n", "7")
	want := "Deliver to A what was promised 2 days ago for {bonus}: {days} of {n} (visit set 7 --bonus-delivered)"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
