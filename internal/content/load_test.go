package content

import (
	"fmt"
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
	lib := &Library{
		Site: &config.Site{},
		Cases: []*Case{
			{Path: "a.md", Client: "Acme Leasing", Reference: Reference{Contact: "Ivan Petrov", Notes: "n/a"}},
			{Path: "b.md", Client: "Hidden Co", Anonymous: true},
		},
		Prospects: []*Prospect{{Path: "p.toml", Name: "acme leasing", Participants: []Participant{{Name: "Olga Ivanova", Interests: []string{"How long?"}}}}},
	}
	var got []string
	for _, s := range lib.Secrets(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), false) {
		got = append(got, s.Path+" "+s.Field+" "+s.Value)
	}
	want := []string{
		"b.md client (anonymous case) Hidden Co",
		"p.toml participants[0].interests[0] How long?",
		"a.md reference.contact Ivan Petrov",
		"p.toml participants[0].name Olga Ivanova",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
