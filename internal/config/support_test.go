package config

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/refpack/refpack/internal/diag"
)

const baseTOML = `title = "Refs"
base_url = "https://refs.example.com/"
[industries.banking]
label = "Banking"
[project_types.contract-archive]
label = "Contract archive"
`

// load loads a site.toml of top-level keys, the base, then tables.
func load(t *testing.T, top, tables string) (*Site, []string) {
	t.Helper()
	var problems diag.List
	s := Load(fstest.MapFS{Path: {Data: []byte(top + baseTOML + tables)}}, &problems)
	problems.Sort()
	var out []string
	for _, p := range problems.Problems {
		out = append(out, p.String())
	}
	return s, out
}

func TestConsentSettings(t *testing.T) {
	s, problems := load(t, "require_consent = true\nconsent_warning_days = 30\n", "")
	if problems != nil || !s.RequireConsent || s.ConsentWarningDays != 30 {
		t.Errorf("got %v %d %v", s.RequireConsent, s.ConsentWarningDays, problems)
	}
	s, _ = load(t, "", "")
	if s.RequireConsent || s.ConsentWarningDays != DefaultConsentWarningDays || s.Support.File != "" {
		t.Errorf("defaults: %+v", s)
	}
	_, problems = load(t, "consent_warning_days = 400\n", "")
	if want := []string{"content/site.toml:1:24: consent_warning_days must be from 0 to 365, not 400"}; !reflect.DeepEqual(problems, want) {
		t.Errorf("problems = %q, want %q", problems, want)
	}
}

func TestSupportSettings(t *testing.T) {
	s, problems := load(t, "", `[support]
file = "helpdesk/tickets.csv"
delimiter = "\t"
customer = "Kunde"
severe = ["P1"]
satisfaction = "CSAT"
red_after_days = 7
`)
	if problems != nil {
		t.Fatal(problems)
	}
	sp := s.Support
	if sp.File != "helpdesk/tickets.csv" || sp.Delimiter != '\t' || sp.Customer != "Kunde" || sp.Opened != "Created at" ||
		!slices.Equal(sp.Severe, []string{"P1"}) || sp.Satisfaction != "CSAT" || sp.RedAfterDays != 7 || sp.AmberAfterDays != 30 || sp.Line != 7 {
		t.Errorf("support = %+v", sp)
	}
	_, problems = load(t, "", `[support]
file = "../support.csv"
delimiter = ":"
customer = ""
amber_after_days = -1
min_satisfaction = 80
colour = "red"
`)
	want := []string{
		`content/site.toml:8:8: file must be a path under content/ such as "support.csv", not "../support.csv"`,
		`content/site.toml:9:13: delimiter must be one of ",", ";", "\t" or "|", not ":"`,
		`content/site.toml:10:12: customer must name a column of the export (default "Organization")`,
		`content/site.toml:11:20: support.amber_after_days must be from 0 to 365, not -1`,
		`content/site.toml:12:20: min_satisfaction must be a share from 0 to 1 (e.g. 0.8), not 80`,
		`content/site.toml:13:1: unknown key "support.colour"`,
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems:\n got %q\nwant %q", problems, want)
	}
}
