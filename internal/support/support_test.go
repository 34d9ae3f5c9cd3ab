package support

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
)

const path = "content/support.csv"

var at = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

func zendesk() config.Support {
	cfg := config.DefaultSupport
	cfg.Satisfaction = "Satisfaction Score"
	return cfg
}

func parse(t *testing.T, src string, cfg config.Support) (*Export, []string) {
	t.Helper()
	var problems diag.List
	e := Parse(path, []byte(src), cfg, &problems)
	var out []string
	for _, p := range problems.Problems {
		out = append(out, p.String())
	}
	return e, out
}

const header = `"Id","Subject","Status","Priority","Organization","Created at","Updated at","Solved at","Satisfaction Score"` + "\n"

// row is one ticket of Acme; opened and solved are dates or date-times.
func row(priority, opened, solved, rating string) string {
	return `"1","s","open","` + priority + `","Acme","` + opened + `","","` + solved + `","` + rating + "\"\n"
}

func TestHealthRules(t *testing.T) {
	tests := []struct {
		name    string
		rows    string
		health  string
		reasons []string
	}{
		{"no tickets", "", Green, nil},
		{"solved severe ticket", row("Urgent", "2026-11-01", "2026-11-03", ""), Green, nil},
		{"severe open 14 days: amber", row("High", "2026-11-23 09:00:00 +0000", "", ""), Amber,
			[]string{"1 severe ticket open for 14 days"}},
		{"severe open 15 days: red", row("urgent", "2026-11-22T23:59:00Z", "", ""), Red,
			[]string{"1 severe ticket open for 15 days (red after 14 days)"}},
		{"two severe, the oldest counts", row("High", "2026-11-16", "", "") + row("Urgent", "2026-12-01", "", ""), Red,
			[]string{"2 severe tickets open, the oldest for 21 days (red after 14 days)"}},
		{"severe solved after the date is open at it", row("High", "2026-11-30", "2026-12-08", ""), Amber,
			[]string{"1 severe ticket open for 7 days"}},
		{"ticket opened after the date is ignored", row("Urgent", "2026-12-08", "", ""), Green, nil},
		{"normal open 30 days: green", row("Normal", "2026-11-07", "", ""), Green, nil},
		{"normal open 31 days: amber", row("Normal", "2026-11-06", "", "") + row("Low", "2026-10-01", "", ""), Amber,
			[]string{"2 tickets open longer than 30 days, the oldest for 67 days"}},
		{"two bad ratings of three: amber", row("Low", "2026-10-01", "2026-10-02", "Bad") + row("Low", "2026-11-01", "2026-11-02", "2") +
			row("Low", "2026-11-10", "2026-11-11", "Good"), Amber,
			[]string{"satisfaction 33% good (1 of 3 ratings in the last 90 days), under 80%"}},
		{"Zendesk and Freshdesk words", row("Low", "2026-11-01", "2026-11-02", "Good with comment") + row("Low", "2026-11-01", "2026-11-02", "Happy") +
			row("Low", "2026-11-01", "2026-11-02", "Neutral") + row("Low", "2026-11-01", "2026-11-02", "Extremely unhappy"), Amber,
			[]string{"satisfaction 50% good (2 of 4 ratings in the last 90 days), under 80%"}},
		{"4 of 5 good meets 0.8", strings.Repeat(row("Low", "2026-11-01", "2026-11-02", "5"), 4) + row("Low", "2026-11-01", "2026-11-02", "bad"), Green, nil},
		{"two ratings are too few", row("Low", "2026-11-01", "2026-11-02", "Bad") + row("Low", "2026-11-01", "2026-11-02", "Bad"), Green, nil},
		{"ratings older than 90 days do not count", strings.Repeat(row("Low", "2026-08-01", "2026-09-07", "Bad"), 3), Green, nil},
		{"ratings of day 89 count", strings.Repeat(row("Low", "2026-08-01", "2026-09-09", "Bad"), 3), Amber,
			[]string{"satisfaction 0% good (0 of 3 ratings in the last 90 days), under 80%"}},
		{"all rules at once: red wins, every reason kept",
			row("Urgent", "2026-11-01", "", "") + row("Normal", "2026-10-01", "", "") + strings.Repeat(row("Low", "2026-11-01", "2026-11-02", "Bad"), 3), Red,
			[]string{
				"1 severe ticket open for 36 days (red after 14 days)",
				"1 ticket open for 67 days, longer than 30 days",
				"satisfaction 0% good (0 of 3 ratings in the last 90 days), under 80%",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, problems := parse(t, header+tt.rows, zendesk())
			if problems != nil {
				t.Fatal(problems)
			}
			h := e.At(at).Health(" ACME ")
			if h.Health != tt.health {
				t.Errorf("health = %s, want %s", h.Health, tt.health)
			}
			if got := h.Texts("en", nil); !reflect.DeepEqual(got, nonNil(tt.reasons)) {
				t.Errorf("reasons = %q, want %q", got, tt.reasons)
			}
		})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestReasonsInEveryLanguage(t *testing.T) {
	severe := Reason{Kind: SevereOpen, Health: Red, Count: 2, Days: 21, Limit: 14}
	long := Reason{Kind: LongOpen, Health: Amber, Count: 5, Days: 42, Limit: 30}
	low := Reason{Kind: LowSatisfaction, Health: Amber, Count: 5, Good: 3, Share: 0.6, Min: 0.8}
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"2 severe tickets open, the oldest for 21 days (red after 14 days)",
			"5 tickets open longer than 30 days, the oldest for 42 days",
			"satisfaction 60% good (3 of 5 ratings in the last 90 days), under 80%",
		}},
		{"ja", []string{
			"重大チケット2件が未解決(最も古いもので21日経過)、14日超で赤",
			"30日を超えて未解決のチケット5件(最も古いもので42日経過)",
			"満足度60%(直近90日間の評価5件中3件が良い)、基準の80%を下回る",
		}},
		{"ru", []string{
			"открыто 2 критичных обращения, самое старое — 21 день (красный уровень через 14 дней)",
			"5 обращений открыто дольше предела (30 дней), самое старое — 42 дня",
			"удовлетворённость 60\u00a0% (хороших оценок 3 из 5 за 90 дн.), ниже порога 80\u00a0%",
		}},
		{"de", []string{
			"2 kritische Tickets offen, das älteste seit 21 Tagen (rot nach 14 Tagen)",
			"5 Tickets über der Grenze von 30 Tagen offen, das älteste seit 42 Tagen",
			"Zufriedenheit 60\u00a0% gut (3 von 5 Bewertungen der letzten 90 Tage), unter 80\u00a0%",
		}},
	}
	for _, tt := range tests {
		h := Health{Reasons: []Reason{severe, long, low}}
		if got := h.Texts(tt.lang, map[Reason]string{}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.lang, got, tt.want)
		}
	}
}

func TestOwnColumnsSemicolonAndBOM(t *testing.T) {
	cfg := config.Support{
		Delimiter: ';', Customer: "Kunde", Opened: "Erstellt", Closed: "Gelöst", Priority: "Prio",
		Severe: []string{"P1"}, RedAfterDays: 14, AmberAfterDays: 30, MinSatisfaction: 0.8,
	}
	src := "\uFEFFKunde;Erstellt;Gelöst;Prio\n" +
		"Müller GmbH;2026-11-01T08:00:00+01:00;;P1\n" +
		"  müller  gmbh ;2026-11-20;2026-11-21;P2\n"
	e, problems := parse(t, src, cfg)
	if problems != nil {
		t.Fatal(problems)
	}
	if h := e.At(at).Health("Müller GmbH"); h.Health != Red {
		t.Errorf("health = %+v, want red", h)
	}
	if got := e.Customers(); len(got) != 1 || got[0] != (Customer{"Müller GmbH", 2}) {
		t.Errorf("customers = %+v", got)
	}
}

func TestBadExports(t *testing.T) {
	tests := []struct {
		name string
		src  string
		cfg  func(*config.Support)
		want []string
	}{
		{"missing column", `"Id","Organisation","Created at","Solved at","Priority","Satisfaction Score"` + "\n", nil, []string{
			`content/support.csv:1: no column "Organization", which [support] customer names in content/site.toml (did you mean "Organisation"?); the columns are: "Id", "Organisation", "Created at", "Solved at", "Priority", "Satisfaction Score"`,
		}},
		{"wrong width", header + `"1","s","open","High","Acme","2026-11-01"` + "\n", nil, []string{
			`content/support.csv:2: row has 6 fields, the header has 9 (is the delimiter "," right?)`,
		}},
		{"bad dates and rating", header +
			`"1","s","open","High","Ääkkönen Oy","01/11/2026","","","Good"` + "\n" +
			`"2","s","solved","High","Acme","2026-11-05","2026-11-04","maybe"` + "\n", nil, []string{
			`content/support.csv:2:37: "01/11/2026" (Created at): not an ISO 8601 date or date-time such as 2026-11-16 or 2026-11-16 09:14:03 +0000`,
			`content/support.csv:3: row has 8 fields, the header has 9 (is the delimiter "," right?)`,
		}},
		{"solved before opened, bad rating", header +
			`"2","s","solved","High","Acme","2026-11-05","","2026-11-04","meh"` + "\n", nil, []string{
			`content/support.csv:2:48: Solved at 2026-11-04 is before Created at 2026-11-05`,
			`content/support.csv:2:61: "meh" (Satisfaction Score): satisfaction must be "good", "bad", a score from 1 to 5, or "happy", "neutral", "unhappy"`,
		}},
		{"bare quote", header + `"3","a "quoted" word","open","Low","Acme","2026-11-05","","",""` + "\n", nil, []string{
			`content/support.csv:2:8: extraneous or missing " in quoted-field`,
		}},
		{"Latin-1", "Organization,Created at,Solved at,Priority\nM\xfcller,2026-11-01,,High\n", nil, []string{
			`content/support.csv:2:2: not UTF-8 (perhaps Windows-1252, Latin-1 or Shift_JIS): export it again as UTF-8, or convert it (e.g. iconv -t UTF-8)`,
		}},
		{"UTF-16", "\xff\xfeO\x00r\x00", nil, []string{
			`content/support.csv:1:1: not UTF-8 (it is UTF-16 little-endian): export it again as UTF-8, or convert it (e.g. iconv -t UTF-8)`,
		}},
		{"semicolon file read with commas", "Organization;Created at;Solved at;Priority\n", func(c *config.Support) { c.Satisfaction = "" }, []string{
			`content/support.csv:1: no column "Organization", which [support] customer names in content/site.toml; the columns are: "Organization;Created at;Solved at;Priority"`,
			`content/support.csv:1: no column "Created at", which [support] opened names in content/site.toml; the columns are: "Organization;Created at;Solved at;Priority"`,
			`content/support.csv:1: no column "Solved at", which [support] closed names in content/site.toml; the columns are: "Organization;Created at;Solved at;Priority"`,
			`content/support.csv:1: no column "Priority", which [support] priority names in content/site.toml; the columns are: "Organization;Created at;Solved at;Priority"`,
		}},
		{"empty", "", nil, []string{`content/support.csv:1: empty export: the first line must name the columns`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := zendesk()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			_, got := parse(t, tt.src, cfg)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWorse(t *testing.T) {
	for _, tt := range [][3]string{{"", "", Green}, {Green, Amber, Amber}, {Red, Amber, Red}, {Amber, Green, Amber}, {"", Red, Red}} {
		if got := Worse(tt[0], tt[1]); got != tt[2] {
			t.Errorf("Worse(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
}

// TestRussianCounts checks that counted words take the form CLDR's rule
// gives each number, not one rewording for all.
func TestRussianCounts(t *testing.T) {
	for _, tt := range []struct {
		r    Reason
		want string
	}{
		{Reason{Kind: SevereOpen, Health: Amber, Count: 1, Days: 1}, "открыто 1 критичное обращение, 1 день"},
		{Reason{Kind: SevereOpen, Health: Red, Count: 21, Days: 22, Limit: 21}, "открыто 21 критичное обращение, самое старое — 22 дня (красный уровень через 21 день)"},
		{Reason{Kind: SevereOpen, Health: Amber, Count: 11, Days: 5}, "открыто 11 критичных обращений, самое старое — 5 дней"},
		{Reason{Kind: LongOpen, Health: Amber, Count: 1, Days: 31, Limit: 30}, "1 обращение открыто 31 день, а предел — 30 дней"},
		{Reason{Kind: LongOpen, Health: Amber, Count: 3, Days: 44, Limit: 2}, "3 обращения открыты дольше предела (2 дня), самое старое — 44 дня"},
	} {
		if got := tt.r.Text("ru"); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}

func TestTextsAreTheFreeTextColumnsOnce(t *testing.T) {
	src := `"Id","Subject","Status","Priority","Requester","Organization","Assignee","Created at","Solved at"
"1","Scanner drops page two","open","High","Tom Aldridge","Acme","Ewa Nowak","2026-11-01",""
"2","Login fails","open","Normal","Tom Aldridge","","Ewa Nowak","2026-11-02",""
"3","Login fails","solved","Normal","  Priya Ramaswamy ","Acme","Ewa Nowak","2026-11-03","2026-11-04"
`
	e, problems := parse(t, src, config.DefaultSupport)
	if problems != nil {
		t.Fatal(problems)
	}
	want := []Text{
		{"Scanner drops page two", "Subject", 2, false},
		{"Tom Aldridge", "Requester", 2, true},
		{"Login fails", "Subject", 3, false},
		{"Priya Ramaswamy", "Requester", 4, true},
	}
	if got := e.Texts(); !reflect.DeepEqual(got, want) {
		t.Errorf("texts =\n%+v\nwant\n%+v", got, want)
	}
}
