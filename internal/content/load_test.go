package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/refpack/refpack/internal/config"
)

const siteTOML = `title = "Refs"
base_url = "https://refs.example.com/"
[industries.banking]
label = "Banking"
related = ["leasing"]
[industries.leasing]
label = "Leasing"
[project_types.contract-archive]
label = "Contract archive"
`

const validCase = `+++
title = "Alpha"
summary = "s"
client = "Alpha Bank"
industry = "banking"
project_types = ["contract-archive"]
date = 2024-05-10
[scale]
employees = 1
[[metrics]]
label = "Search"
value = "2 days to 5 minutes"
+++
`

func TestTooLarge(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.toml":       {Data: []byte(siteTOML)},
		"content/cases/big.md":    {Data: []byte(validCase + strings.Repeat("x", MaxCaseSize))},
		"content/cases/alpha.md":  {Data: []byte(validCase)},
		"content/cases/notes.txt": {Data: []byte("stray")},
	}
	lib, problems := Load(fsys)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		fmt.Sprintf("content/cases/big.md: file too large to be a case study: %d bytes (the limit is 1048576 bytes, 1 MiB); move large data into bundle files", len(validCase)+MaxCaseSize),
		"content/cases/notes.txt: warning: ignored: refpack reads content/site.toml, questions.toml, visits.toml, cases/*.md, cases/<slug>/index.md and prospects/*.toml",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(lib.Cases) != 1 {
		t.Errorf("want the valid case loaded, got %d", len(lib.Cases))
	}
}

func TestRelatedIsSymmetric(t *testing.T) {
	lib, problems := Load(fstest.MapFS{"content/site.toml": {Data: []byte(siteTOML)}})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if !lib.Site.Related("leasing", "banking") || !lib.Site.Related("banking", "leasing") {
		t.Error("related must be symmetric")
	}
}

func TestSecretsSkipPublicValues(t *testing.T) {
	published := []*Case{
		{Path: "a.md", Client: "Acme Leasing", Title: "An archive for leasing contracts", Summary: "Our archive systems hold everything.", Reference: Reference{Contact: "Ivan Petrov", Notes: "n/a"}},
		{Path: "b.md", Slug: "b", Client: "Hidden Co", Anonymous: true, Summary: "New archive systems."},
		{Path: "c.md", Slug: "c", Client: "Hidden Co", TranslationOf: "b", Title: "Faster archive systems"},
	}
	draft := &Case{Path: "d.md", Client: "Drafted Corp", Draft: true}
	lib := &Library{
		Site:  &config.Site{Title: "Reference Library"},
		Cases: append(slices.Clone(published), draft),
		Prospects: []*Prospect{{Path: "p.toml", Name: "acme leasing", Notes: "archive systems", MustSee: []string{"Archive Systems"},
			Participants: []Participant{{Name: "Olga Ivanova", Interests: []string{"How long?"}}, {Name: "Drafted Corp"}, {Name: "Al"}}}},
	}
	var got []string
	for _, s := range lib.Secrets(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)) {
		got = append(got, fmt.Sprintf("%s %s %s %v", s.Path, s.Field, s.Value, s.Capitals))
	}
	want := []string{
		// A short name is a secret; a short note ("n/a") is not.
		"p.toml participants[2].name Al false",
		// Ordinary words (three cases write them in lower case): a secret
		// only with its capitals, and none without them.
		"p.toml must_see[0] Archive Systems true",
		// A draft publishes nothing, so its client is no public name.
		"p.toml participants[1].name Drafted Corp false",
		// A translation of an anonymous case keeps the client private,
		// also without its legal form.
		"b.md client (anonymous case), without its legal form Hidden false",
		"c.md client (anonymous case), without its legal form Hidden false",
		"b.md client (anonymous case) Hidden Co false",
		"c.md client (anonymous case) Hidden Co false",
		"p.toml participants[0].interests[0] How long? false",
		"a.md reference.contact Ivan Petrov false",
		"p.toml participants[0].name Olga Ivanova false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVisitValueAndCurrency(t *testing.T) {
	ledger := `[[visit]]
case = "alpha"
prospect = "acme"
date = 2026-01-05
value = 1000
[[visit]]
case = "alpha"
prospect = "acme"
date = 2026-01-06
value = 2000
currency = "JPY"
[[visit]]
case = "alpha"
prospect = "acme"
date = 2026-01-07
value = 1_000_000_000_001
currency = "eur"
[[visit]]
case = "alpha"
prospect = "acme"
date = 2026-01-08
value = -5
`
	prospect := "name = \"Acme\"\nindustry = \"banking\"\nproject_types = [\"contract-archive\"]\n"
	for _, tt := range []struct {
		name, site string
		want       []string
		currencies []string
	}{
		{"no default", siteTOML, []string{
			`content/visits.toml:5:9: value needs a currency: add currency = "EUR" (or another ISO 4217 code) to the entry, or set [report] currency in content/site.toml`,
			"content/visits.toml:16:9: value must be at most 1000000000000 (the deal size in whole units of its currency), not 1000000000001",
			`content/visits.toml:17:12: currency must be an ISO 4217 code of three upper-case letters, such as "EUR", not "eur"`,
			"content/visits.toml:22:9: visit[3].value must not be negative (got -5)",
		}, []string{"", "JPY", "", ""}},
		{"default EUR", siteTOML + "[report]\ncurrency = \"EUR\"\n", []string{
			"content/visits.toml:16:9: value must be at most 1000000000000 (the deal size in whole units of its currency), not 1000000000001",
			`content/visits.toml:17:12: currency must be an ISO 4217 code of three upper-case letters, such as "EUR", not "eur"`,
			"content/visits.toml:22:9: visit[3].value must not be negative (got -5)",
		}, []string{"EUR", "JPY", "", ""}},
		{"bad default", siteTOML + "[report]\ncurrency = \"Euro\"\n", []string{
			`content/site.toml:11:12: currency must be an ISO 4217 code of three upper-case letters, such as "EUR", not "Euro"`,
			`content/visits.toml:5:9: value needs a currency: add currency = "EUR" (or another ISO 4217 code) to the entry, or set [report] currency in content/site.toml`,
			"content/visits.toml:16:9: value must be at most 1000000000000 (the deal size in whole units of its currency), not 1000000000001",
			`content/visits.toml:17:12: currency must be an ISO 4217 code of three upper-case letters, such as "EUR", not "eur"`,
			"content/visits.toml:22:9: visit[3].value must not be negative (got -5)",
		}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lib, problems := Load(fstest.MapFS{
				"content/site.toml":           {Data: []byte(tt.site)},
				"content/cases/alpha.md":      {Data: []byte(validCase)},
				"content/prospects/acme.toml": {Data: []byte(prospect)},
				"content/visits.toml":         {Data: []byte(ledger)},
			})
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.currencies == nil {
				return
			}
			var cur []string
			for _, v := range lib.Visits {
				cur = append(cur, v.Currency)
			}
			if fmt.Sprint(cur) != fmt.Sprint(tt.currencies) {
				t.Errorf("currencies %q, want %q", cur, tt.currencies)
			}
			if lib.Visits[1].Value != 2000 {
				t.Errorf("value %d, want 2000", lib.Visits[1].Value)
			}
		})
	}
}
