package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// lib300 is a 300-case corpus shared by the read-only tests.
var lib300 string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "corpus-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lib300 = dir
	if err := Write(dir, Options{Cases: 300, Seed: 3}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// treeHash hashes every file's path and bytes in a stable order.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir  string
		seed int64
	}{{a, 42}, {b, 42}, {c, 43}} {
		if err := Write(w.dir, Options{Cases: 200, Seed: w.seed}); err != nil {
			t.Fatal(err)
		}
	}
	ha, hb, hc := treeHash(t, a), treeHash(t, b), treeHash(t, c)
	if ha != hb {
		t.Errorf("same seed gave different trees: %s vs %s", ha, hb)
	}
	if ha == hc {
		t.Errorf("seeds 42 and 43 gave the same tree %s", ha)
	}
}

// schema lists the allowed keys of a TOML table; nil marks a leaf and "*"
// stands for any key (vocabulary tables).
type schema map[string]schema

var (
	leaf        schema
	labelSchema = schema{"en": leaf, "ja": leaf, "ru": leaf}
	siteSchema  = schema{
		"title": leaf, "description": leaf, "base_url": leaf, "language": leaf, "page_size": leaf,
		"industries":    {"*": {"label": leaf, "labels": labelSchema, "related": leaf}},
		"project_types": {"*": {"label": leaf, "labels": labelSchema, "cross_industry": leaf}},
		"regions":       {"*": {"label": leaf, "labels": labelSchema}},
		"matching":      {"weights": {"industry": leaf, "project_type": leaf, "scale": leaf, "region": leaf, "freshness": leaf}},
		"brief":         {"top": leaf, "max_questions": leaf, "follow_up_days": leaf, "max_visit_minutes": leaf, "max_delegates": leaf, "fonts": leaf},
	}
	scaleSchema = schema{"employees": leaf, "users": leaf, "documents": leaf, "sites": leaf}
	caseSchema  = schema{
		"title": leaf, "summary": leaf, "client": leaf, "anonymous": leaf, "alias": leaf, "industry": leaf,
		"project_types": leaf, "region": leaf, "language": leaf, "date": leaf, "go_live": leaf, "status": leaf,
		"products": leaf, "tags": leaf, "slug": leaf, "translation_of": leaf, "draft": leaf,
		"scale":     scaleSchema,
		"metrics":   {"label": leaf, "value": leaf},
		"quotes":    {"text": leaf, "author": leaf},
		"reference": {"visit": leaf, "call": leaf, "contact": leaf, "health": leaf, "support": leaf, "max_visits_per_year": leaf, "notes": leaf},
	}
	prospectSchema = schema{
		"name": leaf, "industry": leaf, "project_types": leaf, "region": leaf, "language": leaf, "stage": leaf,
		"visit_date": leaf, "competitor_visits": leaf, "must_see": leaf, "notes": leaf,
		"scale":        scaleSchema,
		"participants": {"name": leaf, "role": leaf, "side": leaf, "interests": leaf},
	}
	questionsSchema = schema{"question": {"text": leaf, "topic": leaf, "language": leaf, "project_types": leaf, "industries": leaf, "sides": leaf}}
	visitsSchema    = schema{"visit": {"case": leaf, "prospect": leaf, "date": leaf, "kind": leaf, "outcome": leaf, "bonus": leaf, "bonus_delivered": leaf, "value": leaf, "currency": leaf}}
)

func checkKeys(t *testing.T, where string, v any, s schema) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			sub, ok := s[k]
			if !ok {
				sub, ok = s["*"]
			}
			if !ok {
				t.Errorf("%s: unknown key %q", where, k)
				continue
			}
			if sub != nil {
				checkKeys(t, where+"."+k, x, sub)
			}
		}
	case []map[string]any:
		for i, e := range v {
			checkKeys(t, fmt.Sprintf("%s[%d]", where, i), e, s)
		}
	default:
		t.Errorf("%s: a table was expected, not %T", where, v)
	}
}

func decodeFile(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// splitCase returns the front matter and the body of a case file.
func splitCase(t *testing.T, path string) (string, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(data) {
		t.Fatalf("%s: invalid UTF-8", path)
	}
	s := string(data)
	if !strings.HasPrefix(s, "+++\n") {
		t.Fatalf("%s: no opening +++", path)
	}
	fm, body, ok := strings.Cut(s[4:], "\n+++\n")
	if !ok {
		t.Fatalf("%s: no closing +++", path)
	}
	return fm, body
}

type loadedCase struct {
	slug, path, body string
	fm               map[string]any
}

func loadCases(t *testing.T, root string) []loadedCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, "content", "cases", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases under %s (%v)", root, err)
	}
	var out []loadedCase
	for _, p := range paths {
		fm, body := splitCase(t, p)
		m := map[string]any{}
		if _, err := toml.Decode(fm, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, loadedCase{slug: strings.TrimSuffix(filepath.Base(p), ".md"), path: p, body: body, fm: m})
	}
	return out
}

func str(m map[string]any, k string) string { s, _ := m[k].(string); return s }

func strs(m map[string]any, k string) []string {
	var out []string
	if list, ok := m[k].([]any); ok {
		for _, x := range list {
			s, _ := x.(string)
			out = append(out, s)
		}
	}
	return out
}

func tables(m map[string]any, k string) []map[string]any {
	list, _ := m[k].([]map[string]any)
	return list
}

func isDate(v any) bool {
	d, ok := v.(time.Time)
	return ok && d.Hour() == 0 && d.Minute() == 0 && d.Second() == 0
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestFilesAreValid(t *testing.T) {
	content := filepath.Join(lib300, "content")
	site := decodeFile(t, filepath.Join(content, "site.toml"))
	checkKeys(t, "site.toml", site, siteSchema)
	vocab := func(name string) []string {
		var keys []string
		for k := range site[name].(map[string]any) {
			keys = append(keys, k)
		}
		return keys
	}
	inds, pts, regs := vocab("industries"), vocab("project_types"), vocab("regions")
	if len(inds) < 10 || len(pts) < 8 || len(regs) < 5 {
		t.Errorf("vocabularies too small: %d industries, %d project types, %d regions", len(inds), len(pts), len(regs))
	}
	for _, k := range []string{"contract-archive", "financial-documents-archive"} {
		if pt, _ := site["project_types"].(map[string]any)[k].(map[string]any); pt["cross_industry"] != true {
			t.Errorf("project type %s is not cross_industry", k)
		}
	}
	for k, v := range site["industries"].(map[string]any) {
		for _, r := range strs(v.(map[string]any), "related") {
			if !slices.Contains(inds, r) {
				t.Errorf("industry %s: related %q is not an industry", k, r)
			}
		}
	}

	cases := loadCases(t, lib300)
	slugs := map[string]bool{}
	for _, c := range cases {
		slugs[c.slug] = true
	}
	anonClients := map[string]bool{}
	translations := 0
	for _, c := range cases {
		where := filepath.Base(c.path)
		checkKeys(t, where, c.fm, caseSchema)
		if !slugRE.MatchString(c.slug) {
			t.Errorf("%s: slug %q is not [a-z0-9-]+", where, c.slug)
		}
		for _, k := range []string{"title", "summary", "client"} {
			if str(c.fm, k) == "" {
				t.Errorf("%s: %s missing", where, k)
			}
		}
		if !slices.Contains(inds, str(c.fm, "industry")) {
			t.Errorf("%s: unknown industry %q", where, str(c.fm, "industry"))
		}
		if len(strs(c.fm, "project_types")) == 0 {
			t.Errorf("%s: no project_types", where)
		}
		for _, pt := range strs(c.fm, "project_types") {
			if !slices.Contains(pts, pt) {
				t.Errorf("%s: unknown project type %q", where, pt)
			}
		}
		if r, ok := c.fm["region"]; ok && !slices.Contains(regs, r.(string)) {
			t.Errorf("%s: unknown region %q", where, r)
		}
		if l, ok := c.fm["language"]; ok && !slices.Contains([]string{"en", "ja", "ru"}, l.(string)) {
			t.Errorf("%s: unknown language %q", where, l)
		}
		if !slices.Contains([]string{"live", "pilot", "implementing", "retired"}, str(c.fm, "status")) {
			t.Errorf("%s: bad status %q", where, str(c.fm, "status"))
		}
		for _, k := range []string{"date", "go_live"} {
			if v, ok := c.fm[k]; (ok || k == "date") && !isDate(v) {
				t.Errorf("%s: %s is %T %v, not a TOML local date", where, k, v, v)
			}
		}
		if d, ok := c.fm["date"].(time.Time); ok && (d.Year() < 2015 || d.Year() > 2026) {
			t.Errorf("%s: date %v outside 2015-2026", where, d)
		}
		if c.fm["anonymous"] == true {
			if str(c.fm, "alias") == "" {
				t.Errorf("%s: anonymous without alias", where)
			}
			if anonClients[str(c.fm, "client")] {
				t.Errorf("%s: anonymous client %q used twice", where, str(c.fm, "client"))
			}
			anonClients[str(c.fm, "client")] = true
		}
		if tr := str(c.fm, "translation_of"); tr != "" {
			translations++
			if !slugs[tr] || tr == c.slug {
				t.Errorf("%s: translation_of %q is not another case", where, tr)
			}
		}
		sc, _ := c.fm["scale"].(map[string]any)
		if len(sc) == 0 {
			t.Errorf("%s: empty [scale]", where)
		}
		for k, v := range sc {
			if n, ok := v.(int64); !ok || n < 0 {
				t.Errorf("%s: scale.%s = %v", where, k, v)
			}
		}
		ref, _ := c.fm["reference"].(map[string]any)
		if !slices.Contains([]string{"green", "amber", "red"}, str(ref, "health")) {
			t.Errorf("%s: bad health %q", where, str(ref, "health"))
		}
		if !strings.Contains(c.body, "\n## ") {
			t.Errorf("%s: body has no ## sections", where)
		}
	}
	if len(anonClients) == 0 || translations == 0 {
		t.Errorf("want anonymous cases and translations, got %d and %d", len(anonClients), translations)
	}

	prospectSlugs := map[string]bool{}
	paths, _ := filepath.Glob(filepath.Join(content, "prospects", "*.toml"))
	if len(paths) != 20 {
		t.Errorf("want 20 prospects by default, got %d", len(paths))
	}
	sides := []string{"business", "it", "executive", "procurement", "legal"}
	for _, p := range paths {
		where := filepath.Base(p)
		m := decodeFile(t, p)
		checkKeys(t, where, m, prospectSchema)
		prospectSlugs[strings.TrimSuffix(where, ".toml")] = true
		if !slices.Contains(inds, str(m, "industry")) || str(m, "name") == "" {
			t.Errorf("%s: bad name or industry", where)
		}
		for _, pt := range strs(m, "project_types") {
			if !slices.Contains(pts, pt) {
				t.Errorf("%s: unknown project type %q", where, pt)
			}
		}
		if !isDate(m["visit_date"]) {
			t.Errorf("%s: visit_date is not a date", where)
		}
		if list, ok := m["competitor_visits"].([]any); ok {
			for _, d := range list {
				if !isDate(d) {
					t.Errorf("%s: competitor visit %v is not a date", where, d)
				}
			}
		}
		for _, pt := range tables(m, "participants") {
			if !slices.Contains(sides, str(pt, "side")) {
				t.Errorf("%s: bad side %q", where, str(pt, "side"))
			}
		}
	}

	q := decodeFile(t, filepath.Join(content, "questions.toml"))
	checkKeys(t, "questions.toml", q, questionsSchema)
	langs := map[string]int{}
	for _, e := range tables(q, "question") {
		langs[str(e, "language")]++
		for _, k := range strs(e, "industries") {
			if !slices.Contains(inds, k) {
				t.Errorf("questions.toml: unknown industry %q", k)
			}
		}
		for _, k := range strs(e, "project_types") {
			if !slices.Contains(pts, k) {
				t.Errorf("questions.toml: unknown project type %q", k)
			}
		}
	}
	if langs["en"] < 10 || langs["ja"] < 10 || langs["ru"] < 10 {
		t.Errorf("question bank languages: %v", langs)
	}

	v := decodeFile(t, filepath.Join(content, "visits.toml"))
	checkKeys(t, "visits.toml", v, visitsSchema)
	visits := tables(v, "visit")
	if len(visits) != 30 {
		t.Errorf("want 30 visits for 300 cases, got %d", len(visits))
	}
	for i, e := range visits {
		d, _ := e["date"].(time.Time)
		if !isDate(e["date"]) || d.Year() < 2025 || d.Year() > 2026 {
			t.Errorf("visit %d: date %v", i, e["date"])
		}
		if !slugs[str(e, "case")] || !prospectSlugs[str(e, "prospect")] {
			t.Errorf("visit %d: unknown case %q or prospect %q", i, str(e, "case"), str(e, "prospect"))
		}
	}
}

// secrets collects the PRIVATE free-text values the build's leak guard
// scans for (README, "What is private"), with where they come from.
func secrets(t *testing.T, root string, cases []loadedCase) map[string]string {
	out := map[string]string{}
	add := func(v, where string) {
		if v = strings.TrimSpace(v); utf8.RuneCountInString(v) >= 4 {
			out[strings.ToLower(v)] = where
		}
	}
	for _, c := range cases {
		if c.fm["anonymous"] == true {
			add(str(c.fm, "client"), c.slug+": client")
		}
		ref, _ := c.fm["reference"].(map[string]any)
		for _, k := range []string{"contact", "support", "notes"} {
			add(str(ref, k), c.slug+": reference."+k)
		}
	}
	paths, _ := filepath.Glob(filepath.Join(root, "content", "prospects", "*.toml"))
	for _, p := range paths {
		m := decodeFile(t, p)
		add(str(m, "name"), p+": name")
		add(str(m, "notes"), p+": notes")
		for _, s := range strs(m, "must_see") {
			add(s, p+": must_see")
		}
		for _, pt := range tables(m, "participants") {
			add(str(pt, "name"), p+": participant")
			for _, s := range strs(pt, "interests") {
				add(s, p+": interest")
			}
		}
	}
	for _, q := range tables(decodeFile(t, filepath.Join(root, "content", "questions.toml")), "question") {
		add(str(q, "text"), "questions.toml")
	}
	for _, v := range tables(decodeFile(t, filepath.Join(root, "content", "visits.toml")), "visit") {
		add(str(v, "bonus"), "visits.toml: bonus")
	}
	return out
}

// publicText is everything of the corpus that the site may publish.
func publicText(t *testing.T, root string, cases []loadedCase) string {
	var b strings.Builder
	site, err := os.ReadFile(filepath.Join(root, "content", "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	b.Write(site)
	for _, c := range cases {
		w := func(s string) { b.WriteString(s); b.WriteByte('\n') }
		w(c.slug)
		for _, k := range []string{"title", "summary", "alias", "industry", "region", "language", "status"} {
			w(str(c.fm, k))
		}
		if c.fm["anonymous"] != true {
			w(str(c.fm, "client"))
		}
		for _, k := range []string{"project_types", "products", "tags"} {
			w(strings.Join(strs(c.fm, k), "\n"))
		}
		for _, m := range tables(c.fm, "metrics") {
			w(str(m, "label"))
			w(str(m, "value"))
		}
		for _, q := range tables(c.fm, "quotes") {
			w(str(q, "text"))
			w(str(q, "author"))
		}
		w(c.body)
	}
	return strings.ToLower(b.String())
}

func TestPrivateValuesStayPrivate(t *testing.T) {
	cases := loadCases(t, lib300)
	public := publicText(t, lib300, cases)
	private := secrets(t, lib300, cases)
	if len(private) < 600 {
		t.Fatalf("only %d private values found", len(private))
	}
	for v, where := range private {
		if i := strings.Index(public, v); i >= 0 {
			t.Errorf("private value %q (%s) occurs in public text: …%s…", v, where, public[max(0, i-60):min(len(public), i+len(v)+60)])
		}
	}
}

func TestSizeAndLanguages(t *testing.T) {
	cases := loadCases(t, lib300)
	total := 0
	langs := map[string]int{}
	drafts := 0
	for _, c := range cases {
		info, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		total += int(info.Size())
		l := str(c.fm, "language")
		if l == "" {
			l = "en" // the site language
		}
		langs[l]++
		if c.fm["draft"] == true {
			drafts++
		}
	}
	avg := total / len(cases)
	if avg < 6000 || avg > 12000 {
		t.Errorf("average case size %d bytes, want 6-12 KB", avg)
	}
	share := func(l string) float64 { return float64(langs[l]) / float64(len(cases)) }
	if s := share("en"); s < 0.5 || s > 0.7 {
		t.Errorf("English share %.2f, want about 0.6", s)
	}
	for _, l := range []string{"ja", "ru"} {
		if s := share(l); s < 0.12 || s > 0.28 {
			t.Errorf("%s share %.2f, want about 0.2", l, s)
		}
	}
	if drafts > 15 {
		t.Errorf("%d drafts in 300 cases, want about 1%%", drafts)
	}
	t.Logf("average %d bytes; languages %v; drafts %d", avg, langs, drafts)
}

func TestWriteRejectsNegative(t *testing.T) {
	if err := Write(t.TempDir(), Options{Cases: -1}); err == nil {
		t.Error("Write accepted a negative case count")
	}
}

func TestEmptyCorpusIsValid(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Cases: 0, Prospects: 2, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "content", "visits.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("[[visit]]")) {
		t.Error("visits without cases")
	}
}

func BenchmarkWrite(b *testing.B) {
	for b.Loop() {
		if err := Write(b.TempDir(), Options{Cases: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
