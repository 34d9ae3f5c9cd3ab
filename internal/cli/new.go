package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/locale"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", "new case|prospect NAME [-s SITE]",
		"Write a new case study (content/cases/NAME.md, a draft) or prospect\n(content/prospects/NAME.toml) with every key, commented, in the site's language.\nNAME is the slug: lower-case letters a-z, digits and dashes.", stderr)
	siteDir := flags.String("s", ".", "site root (the directory holding content/)")
	rest, code, ok := parse(flags, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 2 || (rest[0] != "case" && rest[0] != "prospect") {
		fmt.Fprintln(stderr, "usage: refpack new case|prospect NAME [-s SITE]")
		return ExitUsage
	}
	kind, name := rest[0], rest[1]
	if msg := content.SlugProblem(name); msg != "" {
		fmt.Fprintf(stderr, "refpack new: %s\n", msg)
		return ExitUsage
	}
	date, err := today()
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitUsage
	}
	var problems diag.List
	site := config.Load(os.DirFS(*siteDir), &problems)
	if site == nil || problems.HasErrors() {
		printProblems(stderr, problems.Problems)
		fmt.Fprintln(stderr, "refpack new: fix content/site.toml first: the new file takes its language and vocabulary from it")
		return ExitProblem
	}
	rel := filepath.Join("content", "cases", name+".md")
	if kind == "prospect" {
		rel = filepath.Join("content", "prospects", name+".toml")
	}
	if kind == "case" {
		// A bundle with the same slug is the same case study.
		bundle := filepath.Join(*siteDir, "content", "cases", name)
		if _, err := os.Lstat(bundle); err == nil {
			fmt.Fprintf(stderr, "refpack new: %s already exists; not overwriting it\n", bundle)
			return ExitProblem
		}
	}
	text, err := scaffold(kind, name, site, date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	target := filepath.Join(*siteDir, rel)
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	// O_EXCL: never overwrite, not even a file created a moment ago.
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "refpack new: %s already exists; not overwriting it\n", target)
		return ExitProblem
	}
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(target)
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	if err := f.Close(); err != nil {
		os.Remove(target)
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	fmt.Fprintf(stdout, "created %s\n", target)
	return ExitOK
}

// today is the current local date, or the date of SOURCE_DATE_EPOCH (UTC)
// when it is set, for reproducible output.
func today() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

// scaffoldData fills the scaffold templates.
type scaffoldData struct {
	T           map[string]string // the [new] strings of the site's language's catalogue
	Name        string            // the slug
	Title       string            // the slug in words, a starting point for names
	Lang        string
	Languages   string // every language refpack writes, "en | ja | …"
	Date        string
	VisitDate   string
	Expires     string // a consent's usual five years
	Industry    string
	ProjectType string
	Region      string // "" when the site has no regions
}

func scaffold(kind, name string, site *config.Site, date time.Time) (string, error) {
	d := scaffoldData{
		T:         locale.For(site.Language).Section("new").Text,
		Name:      name,
		Title:     words(name),
		Lang:      site.Language,
		Languages: strings.Join(locale.Languages(), " | "),
		Date:      date.Format(time.DateOnly),
		VisitDate: date.AddDate(0, 0, 30).Format(time.DateOnly),
		Expires:   date.AddDate(5, 0, 0).Format(time.DateOnly),
	}
	first := func(v config.Vocabulary, what string) (string, error) {
		if len(v.Terms) == 0 {
			return "", fmt.Errorf("content/site.toml defines no %s: add one first (see [%s.KEY] in the documentation)", what, what)
		}
		return v.Terms[0].Key, nil
	}
	var err error
	if d.Industry, err = first(site.Industries, "industries"); err != nil {
		return "", err
	}
	if d.ProjectType, err = first(site.ProjectTypes, "project_types"); err != nil {
		return "", err
	}
	if len(site.Regions.Terms) > 0 {
		d.Region = site.Regions.Terms[0].Key
	}
	tmpl := caseTemplate
	if kind == "prospect" {
		tmpl = prospectTemplate
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, d); err != nil {
		return "", err
	}
	return b.String(), nil
}

// words turns a slug into capitalised words: "acme-leasing" -> "Acme Leasing".
func words(slug string) string {
	parts := strings.Split(slug, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, " ")
}

var caseTemplate = template.Must(template.New("case").Parse(`+++
# {{.T.case_intro}}
title = "{{.T.title}}"   # {{.T.required}}
summary = "{{.T.summary}}"   # {{.T.summary_note}}
client = "{{.Title}}"   # {{.T.client_note}}
anonymous = false   # {{.T.anonymous_note}}
alias = ""   # {{.T.alias_note}}
industry = "{{.Industry}}"   # {{.T.industry_note}}
project_types = ["{{.ProjectType}}"]   # {{.T.project_types_note}}
{{if .Region}}region = "{{.Region}}"   # {{.T.region_note}}{{else}}# region = ""   # {{.T.region_note}}{{end}}
language = "{{.Lang}}"   # {{.Languages}}
date = {{.Date}}   # {{.T.date_note}}
# go_live = {{.Date}}   # {{.T.go_live_note}}
status = "live"   # {{.T.status_note}}
products = []   # {{.T.products_note}}
tags = []   # {{.T.tags_note}}
# slug = "{{.Name}}"   # {{.T.slug_note}}
translation_of = ""   # {{.T.translation_note}}
draft = true   # {{.T.draft_note}}

[scale]   # {{.T.scale_note}}
employees = 1000
# users = 0
# documents = 0
# sites = 0

[[metrics]]   # {{.T.metrics_note}}
label = "{{.T.metric_label}}"
value = "{{.T.metric_value}}"

[[quotes]]   # {{.T.quotes_note}}
text = "{{.T.quote_text}}"
author = "{{.T.quote_author}}"

[reference]   # {{.T.reference_note}}
visit = false   # {{.T.visit_note}}
call = false   # {{.T.call_note}}
contact = "{{.T.contact}}"   # {{.T.contact_note}}
health = "green"   # {{.T.health_note}}
support = "{{.T.support}}"   # {{.T.support_note}}
max_visits_per_year = 2   # {{.T.max_visits_note}}
notes = "{{.T.notes}}"   # {{.T.notes_note}}
# competitors = false   # {{.T.competitors_note}}
# support_id = ""   # {{.T.support_id_note}}

# [consent]   # {{.T.consent_note}}
# public = true   # {{.T.consent_public_note}}
# approved_by = ""   # {{.T.approved_by_note}}
# approved_on = {{.Date}}
# expires = {{.Expires}}   # {{.T.expires_note}}
+++

## {{.T.h_challenge}}

{{.T.p_challenge}}

## {{.T.h_solution}}

{{.T.p_solution}}

## {{.T.h_results}}

{{.T.p_results}}
`))

var prospectTemplate = template.Must(template.New("prospect").Parse(`# {{.T.prospect_intro}}
name = "{{.Title}}"   # {{.T.required}}
industry = "{{.Industry}}"   # {{.T.industry_note}}
project_types = ["{{.ProjectType}}"]   # {{.T.project_types_note}}
{{if .Region}}region = "{{.Region}}"   # {{.T.region_note}}{{else}}# region = ""   # {{.T.region_note}}{{end}}
language = "{{.Lang}}"   # {{.T.pack_language_note}}: {{.Languages}}
stage = "evaluation"   # {{.T.stage_note}}
visit_date = {{.VisitDate}}   # {{.T.visit_date_note}}
competitor_visits = []   # {{.T.competitor_note}}
must_see = ["{{.T.must_see}}"]   # {{.T.must_see_note}}
notes = "{{.T.prospect_notes}}"

[scale]   # {{.T.prospect_scale_note}}
employees = 1000
# users = 0
# documents = 0
# sites = 0

[[participants]]   # {{.T.participants_note}}
name = "{{.T.participant_name}}"
role = "{{.T.participant_role}}"
side = "it"   # {{.T.side_note}}
interests = ["{{.T.interest}}"]
`))
