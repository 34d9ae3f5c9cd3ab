package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/tomldoc"
)

// Healths are the states of a reference customer's relationship.
var Healths = []string{"green", "amber", "red"}

func loadCase(fsys fs.FS, site *config.Site, p string, bundleFiles []string, problems *diag.List) *Case {
	src, size, err := readLimited(fsys, p, MaxCaseSize)
	if err != nil {
		problems.Errorf(p, 0, 0, "cannot read: %v", err)
		return nil
	}
	if size > MaxCaseSize {
		problems.Errorf(p, 0, 0, "file too large to be a case study: %d bytes (the limit is %d bytes, 1 MiB); move large data into bundle files", size, MaxCaseSize)
		return nil
	}
	checkBundleFiles(fsys, p, bundleFiles, problems)
	return ParseCase(site, p, src, bundleFiles, problems)
}

// ParseCase parses and validates one case file's bytes.
func ParseCase(site *config.Site, p string, src []byte, bundleFiles []string, problems *diag.List) *Case {
	fm, err := Split(src)
	if err != nil {
		se := err.(*SplitError)
		problems.Errorf(p, se.Line, se.Col, "%s", se.Message)
		return nil
	}
	doc, root := tomldoc.Parse(p, fm.TOML, fm.TOMLLine, problems)
	if root == nil {
		return nil
	}
	errorsBefore := len(problems.Problems)
	c := &Case{Path: p, Body: fm.Body, BodyLine: fm.BodyLine, BundleFiles: bundleFiles}
	c.Bundle = path.Base(p) == "index.md"
	c.Title = root.String("title", true)
	c.Summary = root.String("summary", true)
	c.Client = root.String("client", true)
	c.Anonymous = root.Bool("anonymous", false)
	c.Alias = root.String("alias", false)
	if c.Anonymous && strings.TrimSpace(c.Alias) == "" {
		line, col := root.KeyPos("anonymous")
		problems.Errorf(p, line, col, "an anonymous case study needs an alias, the name shown instead of the client (e.g. alias = \"A top-20 European bank\")")
	}
	c.Industry, c.ProjectTypes, c.Region = classification(root, site)
	c.Language = language(root, site)
	c.Date = root.Date("date", true)
	c.GoLive = root.Date("go_live", false)
	c.Status = enum(root, "status", "live", Statuses)
	c.Products = root.Strings("products", false)
	c.Tags = root.Strings("tags", false)
	c.TranslationOf = root.String("translation_of", false)
	if c.TranslationOf != "" {
		c.front = doc
	}
	c.Draft = root.Bool("draft", false)
	c.UncheckedFiles = root.Strings("unchecked_files", false)
	checkUnchecked(root, c)

	c.Slug = slugFromPath(p)
	if root.Has("slug") {
		c.front = doc
		c.Slug = root.String("slug", false)
		if msg := SlugProblem(c.Slug); msg != "" {
			root.Errorf("slug", -1, "%s", msg)
		}
	} else if msg := SlugProblem(c.Slug); msg != "" {
		problems.Errorf(p, 0, 0, "%s (taken from the file name; rename the file or set slug)", msg)
	}

	if s := root.Table("scale"); s != nil {
		c.Scale = decodeScale(s)
		s.Finish()
		if c.Scale == (Scale{}) {
			s.TableErrorf("[scale] needs at least one of employees, users, documents, sites")
		}
	} else {
		root.TableErrorf("missing [scale]: give at least one of employees, users, documents, sites")
	}
	for _, m := range root.Tables("metrics") {
		c.Metrics = append(c.Metrics, Metric{Label: m.String("label", true), Value: m.String("value", true)})
		m.Finish()
	}
	for _, q := range root.Tables("quotes") {
		c.Quotes = append(c.Quotes, Quote{Text: q.String("text", true), Author: q.String("author", false)})
		q.Finish()
	}
	if r := root.Table("reference"); r != nil {
		c.Reference = Reference{
			Visit:              r.Bool("visit", false),
			Call:               r.Bool("call", false),
			Contact:            r.String("contact", false),
			Health:             enum(r, "health", "green", Healths),
			Support:            r.String("support", false),
			MaxVisitsPerYear:   int(r.Int("max_visits_per_year", 0)),
			Notes:              r.String("notes", false),
			RefusesCompetitors: !r.Bool("competitors", true),
			SupportID:          r.String("support_id", false),
		}
		if c.Reference.SupportID != "" {
			c.supportIDLine, c.supportIDCol = r.ValuePos("support_id", -1)
		}
		r.Finish()
	} else {
		c.Reference.Health = "green"
	}
	if t := root.Table("consent"); t != nil {
		c.Consent = decodeConsent(t)
	}
	root.Finish()
	if len(problems.Problems) == errorsBefore {
		// Only a case without errors gets advice, so errors stand out.
		warnAuthor(c, root, problems)
	}
	return c
}

func decodeConsent(t *tomldoc.Table) *Consent {
	cs := &Consent{
		Public:     t.Bool("public", false),
		ApprovedBy: t.String("approved_by", false),
		ApprovedOn: t.Date("approved_on", false),
		Expires:    t.Date("expires", false),
		Line:       t.Line(),
	}
	if !cs.Expires.IsZero() {
		cs.ExpiresLine, cs.ExpiresCol = t.ValuePos("expires", -1)
		if !cs.ApprovedOn.IsZero() && !cs.ApprovedOn.Before(cs.Expires) {
			t.Errorf("approved_on", -1, "consent approved on %s, on or after it expires (%s): check both dates",
				cs.ApprovedOn.Format(time.DateOnly), cs.Expires.Format(time.DateOnly))
		}
	}
	t.Finish()
	return cs
}

func decodeScale(s *tomldoc.Table) Scale {
	return Scale{
		Employees: s.Int("employees", 0),
		Users:     s.Int("users", 0),
		Documents: s.Int("documents", 0),
		Sites:     s.Int("sites", 0),
	}
}

// slugFromPath is the file name without .md, or a bundle's directory name.
func slugFromPath(p string) string {
	if path.Base(p) == "index.md" {
		return path.Base(path.Dir(p))
	}
	return strings.TrimSuffix(path.Base(p), ".md")
}

// classification reads the industry, project types and region that cases
// and prospects share, checking each against the site's vocabularies.
func classification(root *tomldoc.Table, site *config.Site) (industry string, projectTypes []string, region string) {
	industry = root.String("industry", true)
	checkTerm(root, "industry", -1, industry, "industry", site.Industries)
	projectTypes = root.Strings("project_types", true)
	for i, pt := range projectTypes {
		checkTerm(root, "project_types", i, pt, "project type", site.ProjectTypes)
	}
	region = root.String("region", false)
	if region != "" {
		checkTerm(root, "region", -1, region, "region", site.Regions)
	}
	return industry, projectTypes, region
}

// checkTerm reports a vocabulary key that the site does not define.
func checkTerm(t *tomldoc.Table, key string, elem int, value, what string, v config.Vocabulary) {
	if value == "" || v.Has(value) {
		return
	}
	hint := config.DidYouMean(value, v.Keys())
	if hint == "" {
		hint = fmt.Sprintf(" (known: %s)", strings.Join(v.Keys(), ", "))
		if len(v.Terms) > 12 {
			hint = " (define it in content/site.toml)"
		}
	}
	t.Errorf(key, elem, "unknown %s %q%s", what, value, hint)
}

func language(t *tomldoc.Table, site *config.Site) string {
	lang := t.String("language", false)
	if lang == "" {
		return site.Language
	}
	if !slices.Contains(config.Languages(), lang) {
		t.Errorf("language", -1, "unknown language %q: use one of %s", lang, strings.Join(config.Languages(), ", "))
		return site.Language
	}
	return lang
}

// enum reads a string that must be one of values; def when absent.
func enum(t *tomldoc.Table, key, def string, values []string) string {
	if !t.Has(key) {
		t.String(key, false)
		return def
	}
	v := t.String(key, false)
	if !slices.Contains(values, v) {
		t.Errorf(key, -1, "%s must be one of %s, not %q%s", t.Name(key), strings.Join(values, ", "), v, config.DidYouMean(v, values))
		return def
	}
	return v
}
