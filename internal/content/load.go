package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/parallel"
	"github.com/refpack/refpack/internal/support"
)

// Source locations inside a site root.
const (
	CasesDir      = "content/cases"
	ProspectsDir  = "content/prospects"
	QuestionsPath = "content/questions.toml"
	VisitsPath    = "content/visits.toml"
)

// Load reads and validates a whole site rooted at fsys. It returns the
// library and every problem found (errors and warnings, sorted); the library
// is nil only when site.toml itself is unusable.
func Load(fsys fs.FS) (*Library, []diag.Problem) {
	var problems diag.List
	site := config.Load(fsys, &problems)
	supportPath := ""
	if site != nil && site.Support.File != "" {
		supportPath = path.Join("content", site.Support.File)
	}
	files := scan(fsys, supportPath, &problems)
	if site == nil {
		problems.Sort()
		return nil, problems.Problems
	}
	lib := &Library{Site: site}
	lib.Cases = loadCases(fsys, site, files, &problems)
	for _, p := range files.prospects {
		if pr := loadProspect(fsys, site, p, &problems); pr != nil {
			lib.Prospects = append(lib.Prospects, pr)
		}
	}
	if files.questions {
		lib.Questions = loadQuestions(fsys, site, &problems)
	}
	if files.visits {
		lib.Visits = loadVisits(fsys, lib, &problems)
	}
	if supportPath != "" {
		lib.Support = support.Load(fsys, supportPath, site.Support, &problems)
	}
	crossCheck(lib, &problems)
	problems.Sort()
	return lib, problems.Problems
}

// sourceFiles are the files of a site that refpack reads.
type sourceFiles struct {
	cases     []string            // case files (single files and bundle index.md)
	bundles   map[string][]string // bundle index.md -> other files in its directory
	prospects []string
	questions bool
	visits    bool
}

// ignored reports editor leftovers and system files that never count as
// content.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || name == "Thumbs.db"
}

func scan(fsys fs.FS, supportPath string, problems *diag.List) sourceFiles {
	files := sourceFiles{bundles: map[string][]string{}}
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "content" {
				return nil
			}
			problems.Errorf(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		if p != "content" && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			problems.Errorf(p, 0, 0, "symbolic links are not allowed under content/: copy the file in instead")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			problems.Errorf(p, 0, 0, "not a regular file")
			return nil
		}
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		switch {
		case p == config.Path, p == supportPath:
		case p == QuestionsPath:
			files.questions = true
		case p == VisitsPath:
			files.visits = true
		case dir == CasesDir && strings.HasSuffix(name, ".md"):
			files.cases = append(files.cases, p)
		case dir == ProspectsDir && strings.HasSuffix(name, ".toml"):
			files.prospects = append(files.prospects, p)
		case strings.HasPrefix(p, CasesDir+"/") && strings.Count(strings.TrimPrefix(p, CasesDir+"/"), "/") >= 1:
			bundle := strings.SplitN(strings.TrimPrefix(p, CasesDir+"/"), "/", 2)
			index := CasesDir + "/" + bundle[0] + "/index.md"
			if p == index {
				files.cases = append(files.cases, p)
			} else {
				files.bundles[index] = append(files.bundles[index], bundle[1])
			}
		default:
			problems.Warnf(p, 0, 0, "ignored: refpack reads content/site.toml, questions.toml, visits.toml, cases/*.md, cases/<slug>/index.md and prospects/*.toml")
		}
		return nil
	})
	if err != nil {
		problems.Errorf("content", 0, 0, "cannot read: %v", err)
	}
	if _, err := fs.Stat(fsys, "content"); errors.Is(err, fs.ErrNotExist) {
		problems.Errorf("content", 0, 0, "missing: a site keeps its sources in content/")
	}
	for index, others := range files.bundles {
		if !slices.Contains(files.cases, index) {
			problems.Errorf(path.Dir(index), 0, 0, "bundle directory without index.md: a case-study bundle is content/cases/<slug>/index.md plus its files (%s)", strings.Join(others, ", "))
		}
		slices.Sort(others)
	}
	slices.Sort(files.cases)
	slices.Sort(files.prospects)
	return files
}

// loadCases parses case files in parallel; each worker collects its own
// problems, merged afterwards so the result does not depend on scheduling.
func loadCases(fsys fs.FS, site *config.Site, files sourceFiles, problems *diag.List) []*Case {
	cases := make([]*Case, len(files.cases))
	lists := make([]diag.List, len(files.cases))
	parallel.Each(len(files.cases), func(i int) {
		p := files.cases[i]
		cases[i] = loadCase(fsys, site, p, files.bundles[p], &lists[i])
	})
	for _, l := range lists {
		problems.Add(l.Problems...)
	}
	out := slices.DeleteFunc(cases, func(c *Case) bool { return c == nil })
	SortCases(out)
	return out
}

// crossCheck finds problems that involve more than one file.
func crossCheck(lib *Library, problems *diag.List) {
	bySlug := make(map[string]*Case, len(lib.Cases))
	sorted := slices.Clone(lib.Cases)
	slices.SortFunc(sorted, func(a, b *Case) int { return strings.Compare(a.Path, b.Path) })
	for _, c := range sorted {
		if other, ok := bySlug[c.Slug]; ok {
			line, col := c.valuePos("slug")
			problems.Errorf(c.Path, line, col, "duplicate slug %q: %s has the same slug (rename one file or set slug)", c.Slug, other.Path)
			line, col = other.valuePos("slug")
			problems.Errorf(other.Path, line, col, "duplicate slug %q: %s has the same slug (rename one file or set slug)", c.Slug, c.Path)
			continue
		}
		bySlug[c.Slug] = c
	}
	// Positions and the sorted slugs are only needed for a message.
	var slugs []string
	for _, c := range lib.Cases {
		if c.TranslationOf == "" {
			continue
		}
		switch target, ok := bySlug[c.TranslationOf]; {
		case !ok:
			if slugs == nil {
				slugs = slices.Sorted(maps.Keys(bySlug))
			}
			line, col := c.valuePos("translation_of")
			problems.Errorf(c.Path, line, col, "translation_of names %q, but no case study has that slug%s", c.TranslationOf, config.DidYouMean(c.TranslationOf, slugs))
		case target == c:
			line, col := c.valuePos("translation_of")
			problems.Errorf(c.Path, line, col, "translation_of names the case study itself")
		default:
			if target.Anonymous && !c.Anonymous {
				// The client is private for the whole group (README, "What
				// is private").
				line, col := c.valuePos("translation_of")
				problems.Errorf(c.Path, line, col, "this translates the anonymous case study %s, so it must be anonymous too: set anonymous = true and an alias in this language", target.Path)
			}
			if c.Consent == nil && target.Consent != nil {
				// The customer agreed to (or withdrew) its story, in whatever
				// language it is told.
				c.Consent, c.ConsentOf = target.Consent, target.Path
			}
		}
	}
	anonymousClientNamedOpenly(lib, sorted, problems)
	unmatchedCustomers(lib, problems)
	seen := map[string]string{}
	for _, p := range lib.Prospects {
		if other, ok := seen[p.Slug]; ok {
			problems.Errorf(p.Path, 0, 0, "duplicate prospect slug %q: %s has the same", p.Slug, other)
		}
		seen[p.Slug] = p.Path
	}
}

// anonymousClientNamedOpenly warns on a case that names the client of an
// anonymous case openly: that would un-anonymise the other one, so its
// client stays private (Secrets) and the build refuses this case's pages.
func anonymousClientNamedOpenly(lib *Library, sorted []*Case, problems *diag.List) {
	anonymous := lib.anonymousGroups()
	byClient := map[string]*Case{}
	for _, c := range sorted {
		if k := key(c.Client); anonymous[lib.groupOf(c)] && byClient[k] == nil {
			byClient[k] = c
		}
	}
	for _, c := range sorted {
		if other := byClient[key(c.Client)]; other != nil && !anonymous[lib.groupOf(c)] {
			// The front matter is not kept for every case: no position.
			problems.Warnf(c.Path, 0, 0, "client %q is the client of the anonymous case study %s: naming it here would un-anonymise that one, so the build refuses to publish it; make this case anonymous too (anonymous = true and an alias)", c.Client, other.Path)
		}
	}
}

// CrossFileKey is what Load's checks across files read of a case of lib:
// its slug, the story it translates, its language, whether it is
// anonymous, its client where it is an anonymous case's (a case that names
// it openly is warned about), its own consent (shared with its translations) and its
// customer in the helpdesk export, if there is one. An edit that keeps it
// can be applied by parsing the one file again (ParseCase); any other edit
// needs the whole library loaded again.
func (lib *Library) CrossFileKey(c *Case) string {
	consent := "none"
	if c.Consent != nil && c.ConsentOf == "" {
		// With its positions: translations show them in their warnings.
		consent = fmt.Sprintf("%+v", *c.Consent)
	}
	customer := ""
	if lib.Support != nil {
		customer = c.SupportName()
	}
	// A client counts where it is, or may be, an anonymous case's: a case
	// that names it openly is warned about.
	client := ""
	anonymous := lib.anonymousGroups()
	if anonymous[lib.groupOf(c)] || slices.ContainsFunc(lib.Cases, func(o *Case) bool { return anonymous[lib.groupOf(o)] && key(o.Client) == key(c.Client) }) {
		client = key(c.Client)
	}
	return fmt.Sprintf("%q %q %q %v %q %s %q", c.Slug, c.TranslationOf, c.Language, c.Anonymous, client, consent, customer)
}

// SupportName is the case's customer in the helpdesk export: its
// support_id, else its client.
func (c *Case) SupportName() string { return cmp.Or(c.Reference.SupportID, c.Client) }

// unmatchedCustomers warns about customers of the helpdesk export that no
// case study names: a typo in support_id or the export hides their tickets.
func unmatchedCustomers(lib *Library, problems *diag.List) {
	if lib.Support == nil {
		return
	}
	names := make(map[string]bool, len(lib.Cases))
	for _, c := range lib.Cases {
		names[support.Key(c.SupportName())] = true
	}
	known := make(map[string]bool, len(lib.Support.Customers()))
	var customers []string
	for _, cu := range lib.Support.Customers() {
		known[support.Key(cu.Name)] = true
		customers = append(customers, cu.Name)
		if !names[support.Key(cu.Name)] {
			problems.Warnf(lib.Support.Path, cu.Line, 0, "customer %q matches no case study (its client, or [reference] support_id)", cu.Name)
		}
	}
	// A support_id is given to match the export; one that matches nothing
	// is likely a typo, which would hide the customer's tickets.
	if !lib.Support.Complete() {
		return
	}
	for _, c := range lib.Cases {
		if id := c.Reference.SupportID; id != "" && !known[support.Key(id)] {
			problems.Warnf(c.Path, c.supportIDLine, c.supportIDCol, "support_id %q names no customer of %s%s", id, lib.Support.Path, config.DidYouMean(id, customers))
		}
	}
}

// CaseBySlug returns the case with the slug, or nil.
func (lib *Library) CaseBySlug(slug string) *Case {
	for _, c := range lib.Cases {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}

// ProspectBySlug returns the prospect with the slug, or nil.
func (lib *Library) ProspectBySlug(slug string) *Prospect {
	for _, p := range lib.Prospects {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// reservedSlugs are names that cannot be directories on every system or that
// would collide with the site's own paths.
var reservedSlugs = []string{"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"}

// SlugProblem explains why s is not a usable slug, or returns "".
func SlugProblem(s string) string {
	switch {
	case s == "":
		return "slug is empty"
	case !config.ValidKey(s):
		return fmt.Sprintf("slug %q must use only lower-case letters a-z, digits and dashes", s)
	case strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-"):
		return fmt.Sprintf("slug %q must not start or end with a dash", s)
	case slices.Contains(reservedSlugs, s):
		return fmt.Sprintf("slug %q is a reserved device name on Windows; choose another", s)
	case len(s) > 100:
		return fmt.Sprintf("slug %q is longer than 100 characters", s)
	}
	return ""
}
