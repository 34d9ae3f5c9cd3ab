package content

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/tomldoc"
)

// Visit kinds and outcomes of the ledger.
var (
	VisitKinds    = []string{"visit", "call"}
	VisitOutcomes = []string{"pending", "won", "lost"}
)

// readTOML reads a whole-file TOML document, reporting encoding problems.
func readTOML(fsys fs.FS, p string, problems *diag.List) *tomldoc.Table {
	src, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		problems.Errorf(p, 0, 0, "cannot read: %v", err)
		return nil
	}
	if !utf8.Valid(src) {
		line, col := diag.InvalidUTF8At(src)
		problems.Errorf(p, line, col, "invalid UTF-8: save the file as UTF-8")
		return nil
	}
	_, root := tomldoc.Parse(p, bytes.TrimPrefix(src, []byte("\uFEFF")), 0, problems)
	return root
}

func loadProspect(fsys fs.FS, site *config.Site, p string, problems *diag.List) *Prospect {
	root := readTOML(fsys, p, problems)
	if root == nil {
		return nil
	}
	pr := &Prospect{Path: p, Slug: strings.TrimSuffix(path.Base(p), ".toml")}
	if msg := SlugProblem(pr.Slug); msg != "" {
		problems.Errorf(p, 0, 0, "%s (taken from the file name; rename the file)", msg)
	}
	pr.Name = root.String("name", true)
	pr.Industry, pr.ProjectTypes, pr.Region = classification(root, site)
	pr.Language = language(root, site)
	pr.Stage = enum(root, "stage", "evaluation", Stages)
	pr.VisitDate = root.Date("visit_date", false)
	pr.CompetitorVisits = root.Dates("competitor_visits")
	pr.MustSee = root.Strings("must_see", false)
	pr.Notes = root.String("notes", false)
	if s := root.Table("scale"); s != nil {
		pr.Scale = decodeScale(s)
		s.Finish()
	}
	for _, t := range root.Tables("participants") {
		pr.Participants = append(pr.Participants, Participant{
			Name:      t.String("name", true),
			Role:      t.String("role", false),
			Side:      enum(t, "side", "business", Sides),
			Interests: t.Strings("interests", false),
		})
		t.Finish()
	}
	root.Finish()
	return pr
}

func loadQuestions(fsys fs.FS, site *config.Site, problems *diag.List) []Question {
	root := readTOML(fsys, QuestionsPath, problems)
	if root == nil {
		return nil
	}
	var out []Question
	for _, t := range root.Tables("question") {
		q := Question{
			Text:         t.String("text", true),
			Topic:        t.String("topic", false),
			ProjectTypes: t.Strings("project_types", false),
			Industries:   t.Strings("industries", false),
			Sides:        t.Strings("sides", false),
			Line:         t.Line(),
		}
		if t.Has("language") {
			q.Language = language(t, site)
		}
		for i, pt := range q.ProjectTypes {
			checkTerm(t, "project_types", i, pt, "project type", site.ProjectTypes)
		}
		for i, ind := range q.Industries {
			checkTerm(t, "industries", i, ind, "industry", site.Industries)
		}
		for i, side := range q.Sides {
			if !slices.Contains(Sides, side) {
				t.Errorf("sides", i, "unknown side %q: use one of %s%s", side, strings.Join(Sides, ", "), config.DidYouMean(side, Sides))
			}
		}
		if q.Topic == "" {
			q.Topic = "general"
		}
		t.Finish()
		out = append(out, q)
	}
	root.Finish()
	return out
}

// MaxValue is the largest deal value a ledger entry may hold: sums over
// tens of thousands of entries stay exact in an int64 and in a JSON number
// (2^53).
const MaxValue = 1_000_000_000_000

// checkValue validates an entry's value and currency and fills in the
// site's default currency.
func checkValue(t *tomldoc.Table, v *Visit, site *config.Site) {
	if v.Value > MaxValue {
		t.Errorf("value", -1, "value must be at most %d (the deal size in whole units of its currency), not %d", int64(MaxValue), v.Value)
		v.Value = 0
	}
	switch {
	case v.Currency != "" && !config.ValidCurrency(v.Currency):
		t.Errorf("currency", -1, "currency must be an ISO 4217 code of three upper-case letters, such as \"EUR\", not %q", v.Currency)
		v.Currency = ""
	case v.Value > 0 && v.Currency == "":
		v.Currency = site.Report.Currency
		if v.Currency == "" {
			t.Errorf("value", -1, "value needs a currency: add currency = \"EUR\" (or another ISO 4217 code) to the entry, or set [report] currency in content/site.toml")
		}
	}
}

func loadVisits(fsys fs.FS, lib *Library, problems *diag.List) []Visit {
	root := readTOML(fsys, VisitsPath, problems)
	if root == nil {
		return nil
	}
	// The list (in library order) is for suggestions, the set for lookups:
	// a ledger names thousands of cases.
	caseSlugs := make([]string, 0, len(lib.Cases))
	isCase := make(map[string]bool, len(lib.Cases))
	for _, c := range lib.Cases {
		caseSlugs = append(caseSlugs, c.Slug)
		isCase[c.Slug] = true
	}
	prospectSlugs := make([]string, 0, len(lib.Prospects))
	for _, p := range lib.Prospects {
		prospectSlugs = append(prospectSlugs, p.Slug)
	}
	var out []Visit
	for _, t := range root.Tables("visit") {
		v := Visit{
			Case:           t.String("case", true),
			Prospect:       t.String("prospect", true),
			Date:           t.Date("date", true),
			Kind:           enum(t, "kind", "visit", VisitKinds),
			Outcome:        enum(t, "outcome", "pending", VisitOutcomes),
			Bonus:          t.String("bonus", false),
			BonusDelivered: t.Bool("bonus_delivered", false),
			Value:          t.Int("value", 0),
			Currency:       t.String("currency", false),
			Line:           t.Line(),
		}
		checkValue(t, &v, lib.Site)
		if v.Case != "" && !isCase[v.Case] {
			t.Errorf("case", -1, "unknown case %q%s", v.Case, config.DidYouMean(v.Case, caseSlugs))
		}
		if v.Prospect != "" && !slices.Contains(prospectSlugs, v.Prospect) {
			t.Errorf("prospect", -1, "unknown prospect %q%s", v.Prospect, config.DidYouMean(v.Prospect, prospectSlugs))
		}
		t.Finish()
		out = append(out, v)
	}
	root.Finish()
	return out
}
