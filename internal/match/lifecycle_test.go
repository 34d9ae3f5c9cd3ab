package match

import (
	"reflect"
	"testing"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/support"
)

func TestCompetitorRefusal(t *testing.T) {
	same := ref("same", "leasing", "contract-archive")
	same.Reference.RefusesCompetitors = true
	same.Reference.Call = true
	related := ref("related", "banking", "contract-archive")
	related.Reference.RefusesCompetitors = true
	shy := ref("shy", "leasing", "contract-archive")
	shy.Reference.RefusesCompetitors, shy.Reference.Visit, shy.Reference.Call = true, false, true
	silent := ref("silent", "leasing", "contract-archive")
	silent.Reference.RefusesCompetitors = true
	retired := ref("retired", "leasing", "contract-archive")
	retired.Reference.RefusesCompetitors, retired.Reference.Call, retired.Status = true, true, "retired"

	res := Rank(prospect(), []*content.Case{same, related, shy, silent, retired}, nil, testSite(), today, Options{})
	if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"related"}) {
		t.Errorf("matches = %v, want the related industry only", got)
	}
	want := map[string]struct {
		reasons []string
		calls   bool
	}{
		"retired": {[]string{"status is retired", "refuses prospects of its own industry (competitors = false)"}, false},
		"same":    {[]string{"refuses prospects of its own industry (competitors = false)"}, true},
		"shy":     {[]string{"not willing to host visits", "refuses prospects of its own industry (competitors = false)"}, true},
		"silent":  {[]string{"refuses prospects of its own industry (competitors = false)"}, false},
	}
	if len(res.Excluded) != len(want) {
		t.Fatalf("excluded %d, want %d", len(res.Excluded), len(want))
	}
	for _, e := range res.Excluded {
		w := want[e.Case.Slug]
		if !reflect.DeepEqual(e.Texts(), w.reasons) {
			t.Errorf("%s: reasons = %q, want %q", e.Case.Slug, e.Texts(), w.reasons)
		}
		if e.TakesCalls() != w.calls {
			t.Errorf("%s: TakesCalls = %v, want %v", e.Case.Slug, e.TakesCalls(), w.calls)
		}
	}
	// Refusing competitors still leaves a call.
	if got := slugs(res.Calls); !reflect.DeepEqual(got, []string{"same", "shy"}) && !reflect.DeepEqual(got, []string{"shy", "same"}) {
		t.Errorf("calls = %v, want same and shy", got)
	}
}

// export is a helpdesk export of two customers at the test's today
// (2026-12-01): Amber Co with a severe ticket open 5 days, Red Co with one
// open 20 days.
func export(t *testing.T) *support.Export {
	t.Helper()
	var problems diag.List
	src := "Organization,Created at,Solved at,Priority\n" +
		"Amber Co,2026-11-26,,High\n" +
		"Red Co,2026-11-11 10:00:00 +0000,,Urgent\n"
	e := support.Parse("content/support.csv", []byte(src), config.DefaultSupport, &problems)
	if problems.HasErrors() {
		t.Fatal(problems.Problems)
	}
	return e
}

func TestSupportHealth(t *testing.T) {
	amber := ref("amber", "leasing", "contract-archive")
	amber.Reference.SupportID = "Amber Co"
	red := ref("red", "leasing", "contract-archive")
	red.Client = "Red Co"
	green := ref("green", "leasing", "contract-archive")
	p := prospect()
	for _, lang := range []string{"en", "ja", "ru"} {
		p.Language = lang
		res := Rank(p, []*content.Case{amber, red, green}, nil, testSite(), today, Options{Support: export(t)})
		if got := slugs(res.Matches); !reflect.DeepEqual(got, []string{"green", "amber"}) {
			t.Fatalf("%s: matches = %v, want green then amber", lang, got)
		}
		g, a := res.Matches[0], res.Matches[1]
		if a.Score != g.Score*AmberFactor || a.Health.Health != support.Amber || g.Health.Health != support.Green {
			t.Errorf("%s: amber %v (%s) vs green %v (%s): want × %v", lang, a.Score, a.Health.Health, g.Score, g.Health.Health, AmberFactor)
		}
		wantAmber := map[string]string{
			"en": "Amber health, score × 0.8: 1 severe ticket open for 5 days",
			"ja": "健全性が黄のためスコア×0.8: 重大チケット1件が未解決(5日経過)",
			"ru": "Жёлтая зона, балл × 0,8: открыто 1 критичное обращение, 5 дней",
		}[lang]
		if last := a.Reasons[len(a.Reasons)-1]; last != wantAmber {
			t.Errorf("%s: amber reason %q, want %q", lang, last, wantAmber)
		}
		if len(res.Excluded) != 1 || res.Excluded[0].Case != red || res.Excluded[0].Health.Health != support.Red {
			t.Fatalf("%s: excluded = %+v, want red", lang, res.Excluded)
		}
		wantRed := map[string]string{
			"en": "support health is red: 1 severe ticket open for 20 days (red after 14 days)",
			"ja": "サポート状況が赤: 重大チケット1件が未解決(20日経過)、14日超で赤",
			"ru": "поддержка в красной зоне: открыто 1 критичное обращение, 20 дней (красный уровень через 14 дней)",
		}[lang]
		if got := res.Excluded[0].Texts(); !reflect.DeepEqual(got, []string{wantRed}) {
			t.Errorf("%s: red reasons %q, want %q", lang, got, wantRed)
		}
	}
	// Typed amber costs the same, with its own reason.
	typed := ref("typed", "leasing", "contract-archive")
	typed.Reference.Health = "amber"
	m := rankOne(t, prospect(), typed)
	if last := m.Reasons[len(m.Reasons)-1]; last != "Amber health, score × 0.8: set in [reference] health" {
		t.Errorf("typed amber reason %q", last)
	}
}

func TestPacksOnly(t *testing.T) {
	c := ref("gone", "leasing", "contract-archive")
	c.Consent = &content.Consent{Public: true, Expires: today}
	if m := rankOne(t, prospect(), c); !m.PacksOnly {
		t.Error("a case whose consent expired today is not marked packs only")
	}
	c.Consent.Expires = today.AddDate(0, 0, 1)
	if m := rankOne(t, prospect(), c); m.PacksOnly {
		t.Error("a case with a valid consent is marked packs only")
	}
}
