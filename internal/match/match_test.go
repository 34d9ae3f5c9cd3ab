package match

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
)

func testSite() *config.Site {
	s := &config.Site{
		Language: "en",
		Industries: config.NewVocabulary([]config.Term{
			{Key: "banking", Label: "Banking", Labels: map[string]string{"ja": "銀行", "ru": "Банки", "de": "Banken"}, Related: []string{"leasing"}},
			{Key: "leasing", Label: "Leasing", Labels: map[string]string{"ja": "リース", "ru": "Лизинг", "de": "Leasing"}},
			{Key: "retail", Label: "Retail", Labels: map[string]string{"ja": "小売", "ru": "Розница", "de": "Handel"}},
			{Key: "energy", Label: "Energy"},
		}),
		ProjectTypes: config.NewVocabulary([]config.Term{
			{Key: "contract-archive", Label: "Contract archive", Labels: map[string]string{"ja": "契約書アーカイブ", "ru": "Архив договоров", "de": "Vertragsarchiv"}, CrossIndustry: true},
			{Key: "hr-records", Label: "HR records"},
			{Key: "capture", Label: "Scanning and capture"},
		}),
		Regions: config.NewVocabulary([]config.Term{
			{Key: "europe", Label: "Europe", Labels: map[string]string{"ja": "ヨーロッパ", "ru": "Европа", "de": "Europa"}},
			{Key: "japan", Label: "Japan"},
		}),
		Weights: config.DefaultWeights,
		Brief:   config.DefaultBrief,
	}
	return s
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// ref is a live case willing to host visits, with no quota.
func ref(slug, industry string, types ...string) *content.Case {
	return &content.Case{
		Slug: slug, Client: strings.ToUpper(slug), Industry: industry, ProjectTypes: types,
		Status: "live", Language: "en", Date: day("2024-01-01"),
		Reference: content.Reference{Visit: true, Health: "green"},
	}
}

var today = day("2026-12-01")

func prospect() Prospect {
	return Prospect{Slug: "acme", Industry: "leasing", ProjectTypes: []string{"contract-archive"}, Region: "europe",
		Scale: content.Scale{Employees: 5000}, VisitDate: day("2026-12-10"), Language: "en"}
}

func rankOne(t *testing.T, p Prospect, c *content.Case, visits ...content.Visit) Match {
	t.Helper()
	res := Rank(p, []*content.Case{c}, visits, testSite(), today, Options{})
	if len(res.Matches) != 1 {
		t.Fatalf("%s: want one match, got %+v", c.Slug, res)
	}
	return res.Matches[0]
}

func TestIndustry(t *testing.T) {
	for _, tc := range []struct {
		name     string
		prospect string
		types    []string // the prospect's
		industry string
		refTypes []string
		want     float64
		reason   string
	}{
		{"same", "leasing", []string{"hr-records"}, "leasing", []string{"capture"}, 1, "Same industry: Leasing"},
		{"related declared on the other side", "leasing", []string{"hr-records"}, "banking", []string{"capture"}, 0.6, "Related industry: Leasing ↔ Banking"},
		{"related declared on this side", "banking", []string{"hr-records"}, "leasing", []string{"capture"}, 0.6, "Related industry: Banking ↔ Leasing"},
		{"cross-industry type shared", "retail", []string{"contract-archive"}, "energy", []string{"contract-archive"}, 0.3, "Cross-industry project type: Contract archive"},
		{"cross-industry type of the reference only", "retail", []string{"hr-records"}, "energy", []string{"contract-archive"}, 0, ""},
		{"shared type that is not cross-industry", "retail", []string{"hr-records"}, "energy", []string{"hr-records"}, 0, ""},
		{"unrelated", "retail", []string{"capture"}, "energy", []string{"hr-records"}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := prospect()
			p.Industry, p.ProjectTypes = tc.prospect, tc.types
			m := rankOne(t, p, ref("r", tc.industry, tc.refTypes...))
			if m.Components.Industry != tc.want {
				t.Errorf("industry = %v, want %v", m.Components.Industry, tc.want)
			}
			if tc.reason != "" && m.Reasons[0] != tc.reason {
				t.Errorf("first reason = %q, want %q", m.Reasons[0], tc.reason)
			}
		})
	}
}

func TestRelatedIsSymmetric(t *testing.T) {
	site := testSite()
	for _, pair := range [][2]string{{"banking", "leasing"}, {"leasing", "banking"}} {
		p := Prospect{Industry: pair[0], ProjectTypes: []string{"hr-records"}}
		if got := industry(p, ref("r", pair[1], "capture"), site); got != industryRelated {
			t.Errorf("industry(%s, %s) = %v, want %v", pair[0], pair[1], got, industryRelated)
		}
	}
}

func TestProjectType(t *testing.T) {
	for _, tc := range []struct {
		prospect, ref []string
		want          float64
		reason        string
	}{
		{[]string{"contract-archive"}, []string{"contract-archive", "capture"}, 1, "Project types: 1 of 1 (Contract archive)"},
		{[]string{"contract-archive", "capture"}, []string{"capture"}, 0.5, "Project types: 1 of 2 (Scanning and capture)"},
		{[]string{"contract-archive", "capture"}, []string{"capture", "contract-archive"}, 1, "Project types: 2 of 2 (Contract archive, Scanning and capture)"},
		{[]string{"contract-archive", "capture"}, []string{"hr-records"}, 0, ""},
	} {
		p := prospect()
		p.Industry = "leasing"
		p.ProjectTypes = tc.prospect
		m := rankOne(t, p, ref("r", "leasing", tc.ref...))
		if m.Components.ProjectType != tc.want {
			t.Errorf("%v vs %v: project_type = %v, want %v", tc.prospect, tc.ref, m.Components.ProjectType, tc.want)
		}
		if tc.reason != "" && !slices.Contains(m.Reasons, tc.reason) {
			t.Errorf("%v vs %v: reasons %q lack %q", tc.prospect, tc.ref, m.Reasons, tc.reason)
		}
		if tc.reason == "" && slices.ContainsFunc(m.Reasons, func(r string) bool { return strings.HasPrefix(r, "Project types") }) {
			t.Errorf("%v vs %v: no project type contributed, yet reasons %q", tc.prospect, tc.ref, m.Reasons)
		}
	}
}

func TestScale(t *testing.T) {
	const eps = 1e-12
	for _, tc := range []struct {
		name          string
		prospect, ref content.Scale
		want          float64
		reason        string
	}{
		{"equal", content.Scale{Employees: 5000}, content.Scale{Employees: 5000}, 1, "Similar size: 5,000 vs 5,000 employees"},
		{"10x larger loses a third", content.Scale{Employees: 1000}, content.Scale{Employees: 10000}, 1 - 1.0/3, "Much larger: 10,000 vs 1,000 employees"},
		{"10x smaller loses half", content.Scale{Employees: 10000}, content.Scale{Employees: 1000}, 0.5, "Much smaller: 1,000 vs 10,000 employees"},
		{"larger, same order", content.Scale{Employees: 5000}, content.Scale{Employees: 12000}, 1 - math.Log10(12000.0/5000)/3, "Larger, same order of magnitude: 12,000 vs 5,000 employees"},
		{"smaller, same order", content.Scale{Employees: 5000}, content.Scale{Employees: 2000}, 1 - math.Log10(5000.0/2000)/2, "Smaller, same order of magnitude: 2,000 vs 5,000 employees"},
		{"1000x larger is 0", content.Scale{Employees: 10}, content.Scale{Employees: 10000}, 0, ""},
		{"100x smaller is 0", content.Scale{Employees: 10000}, content.Scale{Employees: 100}, 0, ""},
		{"mean of shared fields only", content.Scale{Employees: 1000, Users: 100, Sites: 3}, content.Scale{Employees: 1000, Users: 10, Documents: 7}, 0.75, "Similar size: 1,000 vs 1,000 employees"},
		{"nothing shared", content.Scale{Employees: 1000}, content.Scale{Documents: 10}, 0.5, "Size: no common figures to compare"},
		{"reason falls back to the first shared field", content.Scale{Employees: 1000, Users: 200}, content.Scale{Users: 200}, 1, "Similar size: 200 vs 200 users"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := prospect()
			p.Scale = tc.prospect
			c := ref("r", "leasing", "contract-archive")
			c.Scale = tc.ref
			m := rankOne(t, p, c)
			if math.Abs(m.Components.Scale-tc.want) > eps {
				t.Errorf("scale = %v, want %v", m.Components.Scale, tc.want)
			}
			if tc.reason != "" && !slices.Contains(m.Reasons, tc.reason) {
				t.Errorf("reasons %q lack %q", m.Reasons, tc.reason)
			}
		})
	}
}

// A reference 10 times larger than the prospect beats one 10 times smaller.
func TestLargerBeatsSmaller(t *testing.T) {
	p := prospect()
	p.Scale = content.Scale{Employees: 5000, Users: 1000}
	big := ref("big", "leasing", "contract-archive")
	big.Scale = content.Scale{Employees: 50000, Users: 10000}
	small := ref("small", "leasing", "contract-archive")
	small.Scale = content.Scale{Employees: 500, Users: 100}
	res := Rank(p, []*content.Case{small, big}, nil, testSite(), today, Options{})
	if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"big", "small"}) {
		t.Errorf("order = %v, want [big small]", got)
	}
}

func TestRegion(t *testing.T) {
	for _, tc := range []struct {
		p, r   string
		want   float64
		reason string
	}{
		{"europe", "europe", 1, "Same region: Europe"},
		{"europe", "japan", 0, ""},
		{"", "japan", 0.5, "Region not given"},
		{"europe", "", 0.5, "Region not given"},
	} {
		p := prospect()
		p.Region = tc.p
		c := ref("r", "leasing", "contract-archive")
		c.Region = tc.r
		m := rankOne(t, p, c)
		if m.Components.Region != tc.want {
			t.Errorf("%q vs %q: region = %v, want %v", tc.p, tc.r, m.Components.Region, tc.want)
		}
		if tc.reason != "" && !slices.Contains(m.Reasons, tc.reason) {
			t.Errorf("%q vs %q: reasons %q lack %q", tc.p, tc.r, m.Reasons, tc.reason)
		}
	}
}

func visit(slug, date string) content.Visit {
	return content.Visit{Case: slug, Prospect: "other", Date: day(date), Kind: "visit"}
}

func TestFreshness(t *testing.T) {
	c := ref("r", "leasing", "contract-archive")
	c.Reference.MaxVisitsPerYear = 4
	// The prospect visits on 2026-12-10: the window is 2025-12-10..2026-12-10.
	m := rankOne(t, prospect(), c, visit("r", "2026-03-01"), visit("r", "2025-12-09"), visit("r", "2026-12-11"), visit("other", "2026-05-05"))
	if m.Components.Freshness != 0.75 {
		t.Errorf("freshness = %v, want 0.75", m.Components.Freshness)
	}
	if want := "Fresh reference: 1 of 4 visits used this year"; !slices.Contains(m.Reasons, want) {
		t.Errorf("reasons %q lack %q", m.Reasons, want)
	}
	c.Reference.MaxVisitsPerYear = 0
	m = rankOne(t, prospect(), c, visit("r", "2026-03-01"))
	if m.Components.Freshness != 1 {
		t.Errorf("without a quota: freshness = %v, want 1", m.Components.Freshness)
	}
}

func TestExclusions(t *testing.T) {
	quota := func(c *content.Case) { c.Reference.MaxVisitsPerYear = 2 }
	for _, tc := range []struct {
		name   string
		change func(*content.Case)
		visits []content.Visit
		date   time.Time // the prospect's visit date; zero: today
		want   []string  // nil: not excluded
	}{
		{"live and willing", func(*content.Case) {}, nil, time.Time{}, nil},
		{"retired", func(c *content.Case) { c.Status = "retired" }, nil, time.Time{}, []string{"status is retired"}},
		{"pilot", func(c *content.Case) { c.Status = "pilot" }, nil, time.Time{}, []string{"status is pilot"}},
		{"implementing", func(c *content.Case) { c.Status = "implementing" }, nil, time.Time{}, []string{"status is implementing"}},
		{"unwilling", func(c *content.Case) { c.Reference.Visit = false }, nil, time.Time{}, []string{"not willing to host visits"}},
		{"red", func(c *content.Case) { c.Reference.Health = "red" }, nil, time.Time{}, []string{"relationship health is red"}},
		{"amber is fine", func(c *content.Case) { c.Reference.Health = "amber" }, nil, time.Time{}, nil},
		{"draft", func(c *content.Case) { c.Draft = true }, nil, time.Time{}, []string{"draft"}},
		{"quota reached before the visit date", quota,
			[]content.Visit{visit("r", "2026-01-01"), {Case: "r", Date: day("2026-12-10"), Kind: "call"}}, day("2026-12-10"),
			[]string{"visit quota used: 2 of 2 in the last 365 days"}},
		{"quota counted before today without a visit date", quota,
			[]content.Visit{visit("r", "2026-01-01"), visit("r", "2026-11-30")}, time.Time{},
			[]string{"visit quota used: 2 of 2 in the last 365 days"}},
		{"old visits do not count", quota,
			[]content.Visit{visit("r", "2025-12-01"), visit("r", "2026-11-30")}, day("2026-12-10"), nil},
		{"no quota, no limit", func(*content.Case) {},
			[]content.Visit{visit("r", "2026-01-01"), visit("r", "2026-11-30")}, time.Time{}, nil},
		{"every reason", func(c *content.Case) {
			c.Draft, c.Status, c.Reference.Visit, c.Reference.Health = true, "retired", false, "red"
		}, nil, time.Time{}, []string{"draft", "status is retired", "not willing to host visits", "relationship health is red"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ref("r", "leasing", "contract-archive")
			tc.change(c)
			p := prospect()
			p.VisitDate = tc.date
			res := Rank(p, []*content.Case{c}, tc.visits, testSite(), today, Options{})
			var got []string
			if len(res.Excluded) > 0 {
				got = res.Excluded[0].Texts()
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("excluded for %q, want %q", got, tc.want)
			}
			if (len(res.Matches) == 1) != (tc.want == nil) {
				t.Errorf("matches = %d, excluded = %d", len(res.Matches), len(res.Excluded))
			}
		})
	}
}

// Translations are one customer: a visit to one uses the quota of both.
func TestTranslationsShareQuota(t *testing.T) {
	en := ref("nw", "leasing", "contract-archive")
	ru := ref("nw-ru", "leasing", "contract-archive")
	ru.TranslationOf = "nw"
	for _, c := range []*content.Case{en, ru} {
		c.Reference.MaxVisitsPerYear = 1
	}
	res := Rank(prospect(), []*content.Case{en, ru}, []content.Visit{visit("nw", "2026-06-01")}, testSite(), today, Options{})
	if len(res.Excluded) != 1 || len(res.Matches) != 0 || res.Excluded[0].Case != en || !reflect.DeepEqual(slugs2(res.Excluded[0].Translations), []string{"nw-ru"}) {
		t.Errorf("excluded %v, matches %v: want nw once, with nw-ru as its translation", res.Excluded, res.Matches)
	}
}

func slugs2(cs []*content.Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Slug)
	}
	return out
}

// Translations are one row, as the version in the prospect's language,
// else the original.
func TestTranslationsRankedOnce(t *testing.T) {
	en := ref("nw", "leasing", "contract-archive")
	en.Language = "en"
	ru := ref("nw-ru", "leasing", "contract-archive")
	ru.Language, ru.TranslationOf = "ru", "nw"
	ja := ref("nw-ja", "leasing", "contract-archive")
	ja.Language, ja.TranslationOf = "ja", "nw-ru" // a chain joins all three
	other := ref("other", "banking", "contract-archive")
	for _, tc := range []struct{ lang, want string }{{"ru", "nw-ru"}, {"ja", "nw-ja"}, {"en", "nw"}, {"de", "nw"}} {
		p := prospect()
		p.Language = tc.lang
		res := Rank(p, []*content.Case{ru, other, en, ja}, nil, testSite(), today, Options{})
		if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{tc.want, "other"}) {
			t.Errorf("%s: matches %v, want %s once then other", tc.lang, got, tc.want)
			continue
		}
		var want []string
		for _, s := range []string{"nw", "nw-ja", "nw-ru"} {
			if s != tc.want {
				want = append(want, s)
			}
		}
		if got := slugs2(res.Matches[0].Translations); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: translations %v, want %v", tc.lang, got, want)
		}
	}
}

// A case excluded only because it hosts no visits, that takes calls, is a
// call reference, scored like a match; any other reason rules the call out
// too.
func TestCalls(t *testing.T) {
	caller := ref("caller", "leasing", "contract-archive")
	caller.Reference.Visit, caller.Reference.Call = false, true
	silent := ref("silent", "leasing", "contract-archive")
	silent.Reference.Visit = false
	redCaller := ref("red-caller", "leasing", "contract-archive")
	redCaller.Reference.Visit, redCaller.Reference.Call, redCaller.Reference.Health = false, true, "red"
	host := ref("host", "leasing", "contract-archive")
	host.Reference.Call = true
	res := Rank(prospect(), []*content.Case{silent, caller, redCaller, host}, nil, testSite(), today, Options{})
	if got := slugs(res.Calls); !reflect.DeepEqual(got, []string{"caller"}) {
		t.Fatalf("calls %v, want [caller]", got)
	}
	if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"host"}) {
		t.Errorf("matches %v, want [host]", got)
	}
	c := res.Calls[0]
	if c.Score != res.Matches[0].Score || !reflect.DeepEqual(c.Reasons, res.Matches[0].Reasons) {
		t.Errorf("call scored %v %q, want as the equal match %v %q", c.Score, c.Reasons, res.Matches[0].Score, res.Matches[0].Reasons)
	}
	if len(res.Excluded) != 3 {
		t.Errorf("excluded %d, want 3 (a call reference is still excluded from visits)", len(res.Excluded))
	}
}

func TestTiesBySlug(t *testing.T) {
	var cases []*content.Case
	for _, s := range []string{"delta", "alpha", "charlie", "bravo"} {
		cases = append(cases, ref(s, "leasing", "contract-archive"))
	}
	res := Rank(prospect(), cases, nil, testSite(), today, Options{})
	if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"alpha", "bravo", "charlie", "delta"}) {
		t.Errorf("order = %v", got)
	}
}

func slugs(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Case.Slug)
	}
	return out
}

func TestWeightsNormalised(t *testing.T) {
	site := testSite()
	site.Weights = config.Weights{Industry: 4, ProjectType: 3, Scale: 2, Region: 0.5, Freshness: 0.5}
	c := ref("r", "leasing", "contract-archive")
	c.Region = "europe"
	c.Scale = content.Scale{Employees: 5000}
	res := Rank(prospect(), []*content.Case{c}, nil, site, today, Options{})
	if s := res.Matches[0].Score; s != 1 {
		t.Errorf("perfect match scored %v with weights summing to 10, want 1", s)
	}
}

func TestReasonsInLanguages(t *testing.T) {
	c := ref("r", "banking", "contract-archive")
	c.Region = "europe"
	c.Scale = content.Scale{Employees: 12000}
	c.Reference.MaxVisitsPerYear = 4
	want := map[string][]string{
		"en": {"Related industry: Leasing ↔ Banking", "Project types: 1 of 1 (Contract archive)", "Larger, same order of magnitude: 12,000 vs 5,000 employees", "Same region: Europe", "Fresh reference: 1 of 4 visits used this year"},
		"ja": {"関連業種: リース ↔ 銀行", "プロジェクト種別: 1件中1件が一致(契約書アーカイブ)", "やや大きい(同じ桁): 従業員数 12,000 対 5,000", "同じ地域: ヨーロッパ", "訪問枠に余裕あり: 直近1年で4回中1回使用"},
		"ru": {"Смежная отрасль: Лизинг ↔ Банки", "Типы проектов: 1 из 1 (Архив договоров)", "Крупнее, тот же порядок: 12\u00a0000 против 5\u00a0000 (сотрудники)", "Тот же регион: Европа", "Свежий референс: использовано 1 из 4 визитов за год"},
		"de": {"Verwandte Branche: Leasing ↔ Banken", "Projekttypen: 1 von 1 (Vertragsarchiv)", "Größer, gleiche Größenordnung: 12.000 zu 5.000 (Mitarbeitende)", "Gleiche Region: Europa", "Unverbrauchte Referenz: 1 von 4 Besuchen in diesem Jahr genutzt"},
	}
	for lang, w := range want {
		p := prospect()
		p.Language = lang
		m := rankOne(t, p, c, visit("r", "2026-06-01"))
		if !reflect.DeepEqual(m.Reasons, w) {
			t.Errorf("%s reasons:\n got %q\nwant %q", lang, m.Reasons, w)
		}
	}
	// The yearly limit is counted: one visit allowed, or twenty-one.
	c.Reference.MaxVisitsPerYear = 1
	for lang, w := range map[string]string{"en": "Fresh reference: 0 of 1 visit used this year", "ru": "Свежий референс: использовано 0 из 1 визита за год", "de": "Unverbrauchte Referenz: 0 von 1 Besuch in diesem Jahr genutzt"} {
		p := prospect()
		p.Language = lang
		if m := rankOne(t, p, c); !slices.Contains(m.Reasons, w) {
			t.Errorf("%s: reasons %q lack %q", lang, m.Reasons, w)
		}
	}
	retired := ref("old", "leasing", "contract-archive")
	retired.Status = "retired"
	for lang, w := range map[string]string{"en": "status is retired", "ja": "ステータスが運用終了(retired)", "ru": "статус: выведен из эксплуатации (retired)", "de": "Status: außer Betrieb (retired)"} {
		p := prospect()
		p.Language = lang
		res := Rank(p, []*content.Case{retired}, nil, testSite(), today, Options{})
		if got := res.Excluded[0].Reasons[0].Text; got != w {
			t.Errorf("%s: exclusion %q, want %q", lang, got, w)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		lang string
		want string
	}{
		{12000, "en", "12,000"}, {12000, "ja", "12,000"}, {12000, "ru", "12\u00a0000"}, {12000, "de", "12.000"},
		{999, "en", "999"}, {40000000, "en", "40,000,000"}, {0, "ru", "0"},
	} {
		if got := Number(tc.n, tc.lang); got != tc.want {
			t.Errorf("Number(%d, %s) = %q, want %q", tc.n, tc.lang, got, tc.want)
		}
	}
}

// randomCase draws a case from a small vocabulary so that every component
// value occurs.
func randomCase(r *rand.Rand, slug string) *content.Case {
	inds := []string{"banking", "leasing", "retail", "energy"}
	types := []string{"contract-archive", "hr-records", "capture"}
	regions := []string{"", "europe", "japan"}
	c := ref(slug, inds[r.IntN(len(inds))], types[r.IntN(len(types))])
	if r.IntN(2) == 0 {
		c.ProjectTypes = append(c.ProjectTypes, types[r.IntN(len(types))])
	}
	c.Region = regions[r.IntN(len(regions))]
	c.Scale = randomScale(r)
	c.Reference.MaxVisitsPerYear = r.IntN(4)
	return c
}

func randomScale(r *rand.Rand) content.Scale {
	v := func() int64 {
		if r.IntN(3) == 0 {
			return 0
		}
		return int64(math.Pow(10, r.Float64()*7))
	}
	return content.Scale{Employees: v(), Users: v(), Documents: v(), Sites: v()}
}

func randomProspect(r *rand.Rand) Prospect {
	c := randomCase(r, "p")
	return Prospect{Industry: c.Industry, ProjectTypes: c.ProjectTypes, Region: c.Region, Scale: c.Scale, VisitDate: today}
}

// Property: every score is in [0, 1] whatever the weights, and the order
// is by score, then slug.
func TestScoreInRange(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		site := testSite()
		site.Weights = config.Weights{Industry: r.Float64() * 3, ProjectType: r.Float64(), Scale: r.Float64() * 5, Region: r.Float64(), Freshness: r.Float64()}
		var cases []*content.Case
		for j := range 30 {
			cases = append(cases, randomCase(r, string(rune('a'+j%26))+strings.Repeat("x", j/26)))
		}
		var visits []content.Visit
		for range 20 {
			visits = append(visits, visit(cases[r.IntN(len(cases))].Slug, "2026-06-01"))
		}
		for _, public := range []bool{false, true} {
			res := Rank(randomProspect(r), cases, visits, site, today, Options{Public: public})
			for k, m := range res.Matches {
				if m.Score < 0 || m.Score > 1 || math.IsNaN(m.Score) {
					t.Fatalf("run %d: score %v out of [0,1]", i, m.Score)
				}
				if k > 0 {
					prev := res.Matches[k-1]
					if prev.Score < m.Score || prev.Score == m.Score && prev.Case.Slug > m.Case.Slug {
						t.Fatalf("run %d: %s (%v) before %s (%v)", i, prev.Case.Slug, prev.Score, m.Case.Slug, m.Score)
					}
				}
			}
		}
	}
}

// Property: making a case better on one component never lowers its score.
func TestImprovingNeverLowers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	site := testSite()
	scoreOf := func(p Prospect, c *content.Case, visits []content.Visit) float64 {
		res := Rank(p, []*content.Case{c}, visits, site, today, Options{})
		if len(res.Matches) != 1 {
			t.Fatalf("excluded: %v", res.Excluded)
		}
		return res.Matches[0].Score
	}
	improvements := []struct {
		name  string
		apply func(p Prospect, c *content.Case, visits *[]content.Visit)
	}{
		{"same industry", func(p Prospect, c *content.Case, _ *[]content.Visit) { c.Industry = p.Industry }},
		{"related industry", func(p Prospect, c *content.Case, _ *[]content.Visit) {
			if industry(p, c, site) < industryRelated && p.Industry == "banking" {
				c.Industry = "leasing"
			}
		}},
		{"add the prospect's project types", func(p Prospect, c *content.Case, _ *[]content.Visit) {
			c.ProjectTypes = append(slices.Clone(c.ProjectTypes), p.ProjectTypes...)
		}},
		{"same region", func(p Prospect, c *content.Case, _ *[]content.Visit) {
			if p.Region != "" {
				c.Region = p.Region
			}
		}},
		{"same scale", func(p Prospect, c *content.Case, _ *[]content.Visit) { c.Scale = p.Scale }},
		{"scale closer", func(p Prospect, c *content.Case, _ *[]content.Visit) {
			pf, cf := p.Scale.Fields(), c.Scale.Fields()
			vals := make([]int64, 4)
			for i := range pf {
				vals[i] = cf[i].Value
				if pf[i].Value > 0 && cf[i].Value > 0 {
					vals[i] = (pf[i].Value + cf[i].Value) / 2
				}
			}
			c.Scale = content.Scale{Employees: vals[0], Users: vals[1], Documents: vals[2], Sites: vals[3]}
		}},
		{"fewer visits", func(_ Prospect, _ *content.Case, v *[]content.Visit) {
			if len(*v) > 0 {
				*v = (*v)[1:]
			}
		}},
	}
	for i := range 500 {
		p := randomProspect(r)
		base := randomCase(r, "r")
		var visits []content.Visit
		if base.Reference.MaxVisitsPerYear > 0 {
			for range r.IntN(base.Reference.MaxVisitsPerYear) {
				visits = append(visits, visit("r", "2026-06-01"))
			}
		}
		before := scoreOf(p, base, visits)
		for _, imp := range improvements {
			c := *base
			c.ProjectTypes = slices.Clone(base.ProjectTypes)
			v := slices.Clone(visits)
			imp.apply(p, &c, &v)
			if after := scoreOf(p, &c, v); after < before-1e-12 {
				t.Fatalf("run %d, %s: score fell from %v to %v", i, imp.name, before, after)
			}
		}
	}
}

func TestPublicMode(t *testing.T) {
	self := ref("self", "leasing", "contract-archive")
	self.Reference = content.Reference{} // private fields must not matter
	unwilling := ref("unwilling", "leasing", "contract-archive")
	unwilling.Reference = content.Reference{Visit: false, Health: "red", MaxVisitsPerYear: 1}
	retired := ref("retired", "leasing", "contract-archive")
	retired.Status = "retired"
	draft := ref("draft", "leasing", "contract-archive")
	draft.Draft = true
	p := FromCase(self, testSite())
	res := Rank(p, []*content.Case{self, unwilling, retired, draft}, []content.Visit{visit("unwilling", "2026-06-01")}, testSite(), today, Options{Public: true})
	if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"unwilling"}) || len(res.Excluded) != 0 {
		t.Fatalf("matches %v, excluded %v", got, res.Excluded)
	}
	m := res.Matches[0]
	if m.Components.Freshness != 1 || slices.ContainsFunc(m.Reasons, func(r string) bool { return strings.Contains(r, "visit") }) {
		t.Errorf("public match used private fields: %+v", m)
	}
}

func TestTopSkipsTranslations(t *testing.T) {
	en := ref("nw", "leasing", "contract-archive")
	ru := ref("nw-ru", "leasing", "contract-archive")
	ru.TranslationOf = "nw"
	other := ref("other", "banking", "contract-archive")
	res := Rank(prospect(), []*content.Case{ru, other, en}, nil, testSite(), today, Options{})
	if got := slugs(res.Top(2)); !reflect.DeepEqual(got, []string{"nw", "other"}) {
		t.Errorf("Top(2) = %v, want [nw other]", got)
	}
	p := prospect()
	p.Language = "ru"
	ru.Language = "ru"
	res = Rank(p, []*content.Case{ru, other, en}, nil, testSite(), today, Options{})
	if got := slugs(res.Top(3)); !reflect.DeepEqual(got, []string{"nw-ru", "other"}) {
		t.Errorf("Top(3) for a Russian prospect = %v, want [nw-ru other]", got)
	}
}
