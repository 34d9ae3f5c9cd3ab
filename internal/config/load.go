package config

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/tomldoc"
)

// Path is where the site settings live, relative to the site root.
const Path = "content/site.toml"

// Load reads content/site.toml from the site root fsys. Problems go to
// problems; the returned Site is usable (with defaults filled in) whenever it
// is not nil, so that later stages can still report their own problems.
func Load(fsys fs.FS, problems *diag.List) *Site {
	src, err := fs.ReadFile(fsys, Path)
	if errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(Path, 0, 0, "missing: every site needs content/site.toml with at least title and base_url (is -s pointing at the site root?)")
		return nil
	}
	if err != nil {
		problems.Errorf(Path, 0, 0, "%v", err)
		return nil
	}
	if !utf8.Valid(src) {
		problems.Errorf(Path, 0, 0, "not valid UTF-8: save the file as UTF-8")
		return nil
	}
	_, root := tomldoc.Parse(Path, bytes.TrimPrefix(src, []byte("\uFEFF")), 0, problems)
	if root == nil {
		return nil
	}
	return decode(root)
}

func decode(root *tomldoc.Table) *Site {
	s := &Site{
		Title:       root.String("title", true),
		Description: root.String("description", false),
		Language:    root.String("language", false),
		PageSize:    inRange(root, "page_size", 24, PageSizeRange),
		Weights:     DefaultWeights,
		Brief:       DefaultBrief,

		RequireConsent:     root.Bool("require_consent", false),
		ConsentWarningDays: inRange(root, "consent_warning_days", DefaultConsentWarningDays, ConsentWarningDaysRange),
		Support:            DefaultSupport,
	}
	if s.Language == "" {
		s.Language = "en"
	} else if !slices.Contains(Languages(), s.Language) {
		root.Errorf("language", -1, "unknown language %q: use one of %s", s.Language, strings.Join(Languages(), ", "))
		s.Language = "en"
	}
	s.BaseURL = baseURL(root)

	s.Industries = vocabulary(root, "industries", true, false)
	s.ProjectTypes = vocabulary(root, "project_types", false, true)
	s.Regions = vocabulary(root, "regions", false, false)
	symmetricRelated(&s.Industries)

	if m := root.Table("matching"); m != nil {
		if w := m.Table("weights"); w != nil {
			s.Weights = Weights{
				Industry:    weight(w, "industry", DefaultWeights.Industry),
				ProjectType: weight(w, "project_type", DefaultWeights.ProjectType),
				Scale:       weight(w, "scale", DefaultWeights.Scale),
				Region:      weight(w, "region", DefaultWeights.Region),
				Freshness:   weight(w, "freshness", DefaultWeights.Freshness),
			}
			sum := s.Weights.Industry + s.Weights.ProjectType + s.Weights.Scale + s.Weights.Region + s.Weights.Freshness
			switch {
			case sum <= 0:
				w.TableErrorf("matching weights must not all be zero")
				s.Weights = DefaultWeights
			case math.IsInf(sum, 0):
				// Each weight is finite, but a score divides by their sum.
				w.TableErrorf("matching weights are too large to add up: they are relative, use numbers such as 0.4")
				s.Weights = DefaultWeights
			}
			w.Finish()
		}
		m.Finish()
	}
	if b := root.Table("brief"); b != nil {
		s.Brief = Brief{
			Top:             inRange(b, "top", DefaultBrief.Top, TopRange),
			MaxQuestions:    inRange(b, "max_questions", DefaultBrief.MaxQuestions, MaxQuestionsRange),
			FollowUpDays:    inRange(b, "follow_up_days", DefaultBrief.FollowUpDays, FollowUpDaysRange),
			MaxVisitMinutes: inRange(b, "max_visit_minutes", DefaultBrief.MaxVisitMinutes, MaxVisitMinutesRange),
			MaxDelegates:    inRange(b, "max_delegates", DefaultBrief.MaxDelegates, MaxDelegatesRange),
			Fonts:           b.Strings("fonts", false),
		}
		s.Brief.FontPos = make([]Pos, len(s.Brief.Fonts))
		for i := range s.Brief.Fonts {
			s.Brief.FontPos[i].Line, s.Brief.FontPos[i].Col = b.ValuePos("fonts", i)
		}
		b.Finish()
	}
	if r := root.Table("report"); r != nil {
		s.Report.Currency = r.String("currency", false)
		if s.Report.Currency != "" && !ValidCurrency(s.Report.Currency) {
			r.Errorf("currency", -1, "currency must be an ISO 4217 code of three upper-case letters, such as \"EUR\", not %q", s.Report.Currency)
			s.Report.Currency = ""
		}
		r.Finish()
	}
	if t := root.Table("support"); t != nil {
		s.Support = support(t)
	}
	root.Finish()
	return s
}

// support reads [support]: where the helpdesk export is, its columns and
// the thresholds of README, "Support health from the helpdesk".
func support(t *tomldoc.Table) Support {
	d := DefaultSupport
	sp := Support{
		File:           t.String("file", true),
		Delimiter:      d.Delimiter,
		Customer:       column(t, "customer", d.Customer),
		Opened:         column(t, "opened", d.Opened),
		Closed:         column(t, "closed", d.Closed),
		Priority:       column(t, "priority", d.Priority),
		Severe:         d.Severe,
		Satisfaction:   t.String("satisfaction", false),
		RedAfterDays:   inRange(t, "red_after_days", d.RedAfterDays, SupportDaysRange),
		AmberAfterDays: inRange(t, "amber_after_days", d.AmberAfterDays, SupportDaysRange),
		Line:           t.Line(),
	}
	if t.Has("file") && sp.File != "" && (path.IsAbs(sp.File) || !fs.ValidPath(sp.File) || strings.Contains(sp.File, "\\")) {
		t.Errorf("file", -1, "file must be a path under content/ such as \"support.csv\", not %q", sp.File)
		sp.File = ""
	}
	if t.Has("delimiter") {
		switch v := t.String("delimiter", false); v {
		case ",", ";", "\t", "|":
			sp.Delimiter = rune(v[0])
		default:
			t.Errorf("delimiter", -1, "delimiter must be one of \",\", \";\", \"\\t\" or \"|\", not %q", v)
		}
	}
	if t.Has("severe") {
		sp.Severe = t.Strings("severe", false)
	}
	sp.MinSatisfaction = t.Float("min_satisfaction", d.MinSatisfaction)
	if sp.MinSatisfaction < 0 || sp.MinSatisfaction > 1 {
		t.Errorf("min_satisfaction", -1, "min_satisfaction must be a share from 0 to 1 (e.g. 0.8), not %g", sp.MinSatisfaction)
		sp.MinSatisfaction = d.MinSatisfaction
	}
	if sp.RedAfterDays > sp.AmberAfterDays && t.Has("red_after_days") {
		// Not an error: a severe ticket is amber from its first day anyway.
		t.Warnf("red_after_days", "red_after_days (%d) is longer than amber_after_days (%d): an old severe ticket turns amber before red", sp.RedAfterDays, sp.AmberAfterDays)
	}
	t.Finish()
	return sp
}

// column reads the name of a column of the export; it may not be empty.
func column(t *tomldoc.Table, key, def string) string {
	if !t.Has(key) {
		return def
	}
	v := t.String(key, false)
	if strings.TrimSpace(v) == "" {
		t.Errorf(key, -1, "%s must name a column of the export (default %q)", key, def)
		return def
	}
	return v
}

func baseURL(root *tomldoc.Table) *url.URL {
	fallback := &url.URL{Scheme: "https", Host: "example.com", Path: "/"}
	raw := root.String("base_url", true)
	if raw == "" {
		return fallback
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		root.Errorf("base_url", -1, "base_url must be an absolute http(s) URL such as \"https://refs.example.com/\", not %q", raw)
		return fallback
	}
	if u.RawQuery != "" || u.Fragment != "" {
		root.Errorf("base_url", -1, "base_url must not have a query or fragment")
	}
	u.RawQuery, u.Fragment, u.RawPath = "", "", ""
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u
}

func weight(t *tomldoc.Table, key string, def float64) float64 {
	w := t.Float(key, def)
	if w < 0 {
		t.Errorf(key, -1, "weight %s must not be negative", key)
		return def
	}
	return w
}

// Range is the inclusive range of a number in site.toml (README,
// "Front-matter reference"). The bounds keep every plan sensible and every
// loop over them short.
type Range struct{ Min, Max int }

// The ranges of site.toml's numbers.
var (
	PageSizeRange        = Range{1, 500}
	TopRange             = Range{1, 20}
	MaxQuestionsRange    = Range{1, 200}
	FollowUpDaysRange    = Range{0, 30}
	MaxVisitMinutesRange = Range{30, 480} // at least 30 to fit the three parts of a visit
	MaxDelegatesRange    = Range{1, 50}
	// A year: consents and support tickets are judged within one.
	ConsentWarningDaysRange = Range{0, 365}
	SupportDaysRange        = Range{0, 365}
)

// inRange reads an integer setting within r, def when absent or out of it.
func inRange(t *tomldoc.Table, key string, def int, r Range) int {
	return int(t.IntIn(key, int64(def), int64(r.Min), int64(r.Max)))
}

// vocabulary reads [name.<key>] tables. Only industries may declare related
// keys, only project types may be cross-industry.
func vocabulary(root *tomldoc.Table, name string, related, crossIndustry bool) Vocabulary {
	t := root.Table(name)
	if t == nil {
		if name != "regions" {
			root.TableErrorf("site.toml must define at least one entry of [%s]", name)
		}
		return NewVocabulary(nil)
	}
	var terms []Term
	tables := map[string]*tomldoc.Table{}
	for _, key := range t.Keys() {
		if !ValidKey(key) {
			t.Errorf(key, -1, "%s key %q must be lower-case letters, digits and dashes", name, key)
		}
		e := t.Table(key)
		if e == nil {
			continue
		}
		tables[key] = e
		term := Term{Key: key, Label: e.String("label", true)}
		if l := e.Table("labels"); l != nil {
			term.Labels = map[string]string{}
			for _, lang := range l.Keys() {
				if !slices.Contains(Languages(), lang) {
					l.Errorf(lang, -1, "unknown language %q: use one of %s", lang, strings.Join(Languages(), ", "))
				}
				term.Labels[lang] = l.String(lang, true)
			}
		}
		if related {
			term.Related = e.Strings("related", false)
		}
		if crossIndustry {
			term.CrossIndustry = e.Bool("cross_industry", false)
		}
		e.Finish()
		terms = append(terms, term)
	}
	t.Finish()
	v := NewVocabulary(terms)
	for _, term := range v.Terms {
		for i, r := range term.Related {
			if !v.Has(r) {
				tables[term.Key].Errorf("related", i, "unknown industry %q in related%s", r, DidYouMean(r, v.Keys()))
			}
		}
	}
	return v
}

// symmetricRelated makes `related` symmetric: declaring it once is enough.
func symmetricRelated(v *Vocabulary) {
	for _, t := range v.Terms {
		for _, r := range t.Related {
			if i, ok := v.index[r]; ok && !slices.Contains(v.Terms[i].Related, t.Key) {
				v.Terms[i].Related = append(v.Terms[i].Related, t.Key)
			}
		}
	}
	for i := range v.Terms {
		slices.Sort(v.Terms[i].Related)
		v.Terms[i].Related = slices.Compact(v.Terms[i].Related)
	}
}

// DidYouMean returns ` (did you mean "x"?)` for a likely typo of a known
// word, or "".
func DidYouMean(word string, known []string) string {
	if s := tomldoc.Suggest(word, known); s != "" {
		return " (did you mean \"" + s + "\"?)"
	}
	return ""
}

// ValidKey reports whether s is a slug or vocabulary key: [a-z0-9-]+.
func ValidKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
