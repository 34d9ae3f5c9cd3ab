package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/refpack/refpack/internal/config"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPublicationAtBoundaryDates(t *testing.T) {
	expiring := &Consent{Public: true, ApprovedOn: date("2025-03-01"), Expires: date("2027-03-01")}
	tests := []struct {
		name    string
		consent *Consent
		draft   bool
		require bool
		at      string
		want    Unpublished
	}{
		{"no consent, not required", nil, false, false, "2026-12-07", Published},
		{"no consent, required", nil, false, true, "2026-12-07", NoConsent},
		{"draft without consent", nil, true, false, "2026-12-07", IsDraft},
		{"day before expiry", expiring, false, true, "2027-02-28", Published},
		{"expires on the build date", expiring, false, false, "2027-03-01", Expired},
		{"day after expiry", expiring, false, false, "2027-03-02", Expired},
		{"no expiry", &Consent{Public: true}, false, true, "2099-01-01", Published},
		{"withdrawn", &Consent{Public: false, Expires: date("2030-01-01")}, false, false, "2026-12-07", Withdrawn},
		{"withdrawn draft: consent first", &Consent{}, true, false, "2026-12-07", Withdrawn},
		{"expired draft: consent first", expiring, true, false, "2027-03-01", Expired},
		{"consented draft", expiring, true, true, "2026-12-07", IsDraft},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{Consent: tt.consent, Draft: tt.draft}
			site := &config.Site{RequireConsent: tt.require}
			if got := c.Publication(date(tt.at), site); got != tt.want {
				t.Errorf("Publication(%s) = %d, want %d", tt.at, got, tt.want)
			}
		})
	}
}

func TestPublicCases(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Cases: []*Case{
		{Slug: "open"},
		{Slug: "draft", Draft: true},
		{Slug: "expired", Consent: &Consent{Public: true, Expires: date("2026-12-07")}},
		{Slug: "withdrawn", Consent: &Consent{}},
	}}
	slugs := func(cs []*Case) (out []string) {
		for _, c := range cs {
			out = append(out, c.Slug)
		}
		return out
	}
	if got := slugs(lib.PublicCases(date("2026-12-07"), false)); len(got) != 1 || got[0] != "open" {
		t.Errorf("public = %v, want [open]", got)
	}
	if got := slugs(lib.PublicCases(date("2026-12-06"), true)); len(got) != 3 || got[2] != "expired" {
		t.Errorf("public with drafts the day before expiry = %v, want [open draft expired]", got)
	}
}

func TestConsentProblems(t *testing.T) {
	src := `+++
title = "T"
summary = "S"
client = "Quillfeather Holdings"
industry = "banking"
project_types = ["contract-archive"]
date = 2024-01-01
[scale]
employees = 10
[[metrics]]
label = "l"
value = "v"
[consent]
public = true
approved_by = "Maria Lopez"
approved_on = 2025-03-01
expires = 2027-01-15
+++
body
`
	lib, problems := Load(mapFS(map[string]string{"content/site.toml": siteTOML, "content/cases/q.md": src}))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	lib.Site.ConsentWarningDays = 60
	for _, tt := range []struct{ at, want string }{
		{"2026-11-01", ""},
		{"2026-11-16", "content/cases/q.md:17:11: warning: consent expires on 2027-01-15, in 60 days: ask the customer to renew it, or the case leaves the site on that date"},
		{"2027-01-14", "content/cases/q.md:17:11: warning: consent expires on 2027-01-15, in 1 day: ask the customer to renew it, or the case leaves the site on that date"},
		{"2027-01-15", "content/cases/q.md:17:11: warning: consent expired on 2027-01-15: the case is no longer published (packs only) until the customer renews it"},
	} {
		var got string
		for _, p := range lib.ConsentProblems(date(tt.at)) {
			got += p.String()
		}
		if got != tt.want {
			t.Errorf("at %s:\n got %q\nwant %q", tt.at, got, tt.want)
		}
	}
}

func TestConsentApprovedAfterExpiry(t *testing.T) {
	src := `+++
title = "T"
summary = "S"
client = "C"
industry = "banking"
project_types = ["contract-archive"]
date = 2024-01-01
[scale]
employees = 10
[consent]
public = true
approved_on = 2027-03-01
expires = 2027-03-01
+++
`
	_, problems := Load(mapFS(map[string]string{"content/site.toml": siteTOML, "content/cases/q.md": src}))
	want := "content/cases/q.md:12:15: consent approved on 2027-03-01, on or after it expires (2027-03-01): check both dates"
	for _, p := range problems {
		if p.String() == want {
			return
		}
	}
	t.Errorf("problems = %v, want %q", problems, want)
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestSecretsOfConsent(t *testing.T) {
	at := date("2026-12-07")
	lib := &Library{
		Site: &config.Site{},
		Cases: []*Case{
			{Path: "expired.md", Client: "Quillfeather Holdings", Consent: &Consent{Public: true, ApprovedBy: "Maria Lopez, Head of Communications", Expires: at}},
			{Path: "withdrawn.md", Client: "Ostrava Steelworks", Consent: &Consent{Public: false}},
			// Published by another case: the name is public after all.
			{Path: "also.md", Client: "Ostrava Steelworks"},
			{Path: "valid.md", Client: "Open Co", Consent: &Consent{Public: true, ApprovedBy: "Jan Novak", Expires: date("2027-01-01")}},
			// A draft publishes nothing, so it does not make a name public.
			{Path: "draft.md", Client: "Quillfeather Holdings", Draft: true},
		},
	}
	var got []string
	for _, s := range lib.Secrets(at) {
		got = append(got, s.Path+" "+s.Field+" "+s.Value)
	}
	want := []string{
		"valid.md consent.approved_by Jan Novak",
		"expired.md consent.approved_by, the person alone Maria Lopez",
		"expired.md consent.approved_by Maria Lopez, Head of Communications",
		"expired.md client (not published for want of consent) Quillfeather Holdings",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The day before, the consent holds: the client is public.
	for _, s := range lib.Secrets(date("2026-12-06")) {
		if s.Value == "Quillfeather Holdings" {
			t.Errorf("the client of a published case is a secret: %+v", s)
		}
	}
}

func TestTranslationSharesConsent(t *testing.T) {
	original := `+++
title = "T"
summary = "S"
client = "Quillfeather Holdings"
industry = "banking"
project_types = ["contract-archive"]
date = 2024-01-01
[scale]
employees = 10
[[metrics]]
label = "l"
value = "v"
[consent]
public = true
expires = 2027-01-15
+++
`
	translation := strings.Replace(original, "[consent]\npublic = true\nexpires = 2027-01-15\n", `translation_of = "q"`+"\n", 1)
	translation = strings.Replace(translation, "date = 2024-01-01\n", "date = 2024-01-01\nlanguage = \"ja\"\ntranslation_of = \"q\"\n", 1)
	translation = strings.Replace(translation, `translation_of = "q"`+"\n+++", "+++", 1)
	lib, problems := Load(mapFS(map[string]string{"content/site.toml": siteTOML, "content/cases/q.md": original, "content/cases/q-ja.md": translation}))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if got := lib.PublicCases(date("2027-01-15"), false); len(got) != 0 {
		t.Errorf("published after the consent expired: %d cases", len(got))
	}
	var got []string
	for _, p := range lib.ConsentProblems(date("2027-01-15")) {
		got = append(got, p.String())
	}
	want := []string{
		"content/cases/q-ja.md: warning: the consent in content/cases/q.md does not let this translation be published either (packs only)",
		"content/cases/q.md:15:11: warning: consent expired on 2027-01-15: the case is no longer published (packs only) until the customer renews it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
