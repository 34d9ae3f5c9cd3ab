package brief

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/questions"
)

var (
	sampleOnce sync.Once
	sample     *content.Library
	fontsOnce  sync.Once
	sysFonts   *Fonts
)

// library is the project's own sample library (content/ at the root).
func library(t testing.TB) *content.Library {
	sampleOnce.Do(func() {
		lib, problems := content.Load(os.DirFS("../.."))
		for _, p := range problems {
			if p.Severity == diag.Error {
				t.Fatalf("sample library: %v", p)
			}
		}
		sample = lib
	})
	if sample == nil {
		t.Fatal("sample library did not load")
	}
	return sample
}

// fonts are the system fonts; a Japanese pack needs a CJK font, which CI
// installs (fonts-ipaexfont-gothic).
func fonts(t testing.TB) *Fonts {
	fontsOnce.Do(func() {
		f, err := LoadFonts(FontOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sysFonts = f
	})
	if len(sysFonts.cjkFaces()) == 0 {
		need(t, "a CJK TrueType font ("+CJKPackage+")")
	}
	return sysFonts
}

func (fs *Fonts) cjkFaces() []int {
	var out []int
	for i, f := range fs.faces {
		if f.has('あ') {
			out = append(out, i)
		}
	}
	return out
}

// need skips a test when a tool is missing locally, and fails it in CI.
func need(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing: run .ci/setup", what)
	}
	t.Skipf("%s is missing (install poppler-utils and %s; required when CI is set)", what, CJKPackage)
}

var today = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func input(t testing.TB, lib *content.Library, slug string, f *Fonts) Input {
	return inputWith(t, lib, lib.Site, slug, f)
}

// inputWith is the input of a sample pack with other site settings.
func inputWith(t testing.TB, lib *content.Library, site *config.Site, slug string, f *Fonts) Input {
	p := lib.ProspectBySlug(slug)
	if p == nil {
		t.Fatalf("no prospect %s", slug)
	}
	mp := match.FromProspect(p, site)
	res := match.Rank(mp, lib.Cases, lib.Visits, site, today, match.Options{Support: lib.Support})
	top := res.Top(site.Brief.Top)
	var refs []*content.Case
	for _, m := range top {
		refs = append(refs, m.Case)
	}
	names := map[string]string{}
	for _, x := range lib.Prospects {
		names[x.Slug] = x.Name
	}
	return Input{
		Site: site, Prospect: p, Matches: top, Calls: res.Calls, Pages: match.Closest(mp, lib.PublicCases(today, false), site, 5),
		Visits: lib.Visits, ProspectNames: names, Today: today, Fonts: f, SupportExport: lib.Support != nil,
		Questions: questions.Build(questions.Input{Prospect: p, References: refs, Bank: lib.Questions,
			Language: mp.Language, SiteLang: site.Language, Max: site.Brief.MaxQuestions}),
	}
}

func render(t testing.TB, slug string) []byte {
	lib := library(t)
	pdf, err := Render(input(t, lib, slug, fonts(t)))
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// poppler runs one of poppler's tools on the PDF and returns its output.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		need(t, tool+" (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, path, "-")...).CombinedOutput()
	if tool != "pdftotext" {
		out, err = exec.Command(tool, append(args, path)...).CombinedOutput()
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// flat joins the text's lines: a phrase may be broken anywhere, and a
// Japanese line break leaves no space.
func flat(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func contains(t *testing.T, text string, want ...string) {
	t.Helper()
	joined := strings.ReplaceAll(flat(text), " ", "")
	for _, w := range want {
		if !strings.Contains(joined, strings.ReplaceAll(flat(w), " ", "")) {
			t.Errorf("the pack does not contain %q", w)
		}
	}
}

func TestPacksReadBack(t *testing.T) {
	tests := []struct {
		slug string
		want []string
	}{
		{"thamesgate-leasing", []string{
			"Confidential — internal use only",
			"Thamesgate Leasing plc", "10 December 2026", "20 November 2026",
			// the references, ranked, with the real client names
			"Harbourline Leasing", "Northwind Bank",
			// private contact and notes
			"Priya Ramaswamy, Operations Director, +44 161 496 0723",
			// participants and their own questions
			"Fiona Gallagher-Reid", "What would you do differently if you started the archive project again tomorrow?",
			// the warnings
			"6 delegates are announced, more than 5",
			"A competitor meets the prospect after our visit (15 December 2026)",
			"Business-side participants",
			// the visit plan covers the must-see items
			"searching inside scanned lease schedules by asset serial number",
			"Our presentation", "The customer shows the live system", "Questions and answers",
			// follow-up: Thursday 10 December + 3 working days
			"Fixed follow-up date: 15 December 2026 (3 working days after the visit)",
			"https://refs.example.com/cases/harbourline-leasing/",
			"Page 1 of ",
			// the support picture from the helpdesk export, and the consent
			"Support and consent",
			"1 ticket open for 46 days, longer than 30 days — settle this before the visit",
			"Consent: public until 1 March 2028",
			"Approved by: Margaret Ellison, Head of Records Management, 1 March 2025",
		}},
		{"setouchi-marine", []string{
			"社外秘 — 社内限定", "瀬戸内海上火災保険株式会社", "2027年1月20日",
			"関西ライフ生命保険株式会社",
			"紙の申込書をすべて電子化するまでに、実際には何年かかりましたか?",
			"選定段階が「評価」です",
			"フォローアップ日: 2027年1月25日",
			"保険金請求書類のOCR読み取りと自動仕分けの実運用",
		}},
		{"neva-capital-bank", []string{
			"Конфиденциально — только для внутреннего использования",
			"АО «Банк Нева Капитал»", "16 февраля 2027 г.",
			"Какой эффект проект дал банку в деньгах за первые два года?",
			"Дата следующего контакта: 19 февраля 2027 г.",
			"Страница 1 из",
			// Northwind Bank once, as its Russian version, with the
			// English one as another version
			"Публичная страница: https://refs.example.com/cases/northwind-bank-ru/",
			"Другие языковые версии https://refs.example.com/cases/northwind-bank/",
			// the lighter evidence: a call reference and pages to send
			"Референсы для звонка", "汐見市役所", "Опубликованные кейсы для отправки",
			// counted with the Russian plural form, not "Вопросов: 17"
			"17 вопросов.", "0,90",
		}},
		{"stadtwerke-rabenau", []string{
			"Vertraulich – nur für den internen Gebrauch",
			"Stadtwerke Rabenau-Vogelsberg GmbH", "19. Januar 2027", "20. November 2026",
			"Stadtwerke Hohenfurt GmbH", "Energie- und Versorgungswirtschaft",
			// private contact, with ß, and the participants with umlauts
			"Dr. Annegret Falkenhagen-Ruß, Leiterin Informationsmanagement",
			"Jörg Schäfer-Größl", "Kaufmännische Geschäftsführerin",
			"Nach wie vielen Monaten hat sich das Vertragsarchiv bei Ihnen wirtschaftlich gerechnet?",
			"Ein Wettbewerber trifft den Interessenten nach unserem Besuch (26. Januar 2027)",
			"nächtlicher Löschlauf mit Löschprotokoll für beendete Verträge nach DSGVO",
			"Unsere Präsentation", "Der Kunde zeigt das laufende System", "Fragen und Antworten",
			// follow-up: Tuesday 19 January + 3 working days
			"Fester Folgetermin: 22. Januar 2027, der 3. Arbeitstag nach dem Besuch.",
			"980 Mitarbeitende · 240 Anwender · 4.500.000 Dokumente",
			"Seite 1 von",
			"16 Fragen.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			pdf := render(t, tt.slug)
			text := poppler(t, pdf, "pdftotext", "-enc", "UTF-8")
			contains(t, text, tt.want...)
			if strings.Contains(text, "\uFFFD") || strings.Contains(text, "□") {
				t.Error("the text holds replacement characters")
			}
			if key := regexp.MustCompile(`pack\.[a-z_]+`).FindString(text); key != "" {
				t.Errorf("the catalogue lacks %s", key)
			}

			fontsOut := poppler(t, pdf, "pdffonts")
			lines := strings.Split(strings.TrimSpace(fontsOut), "\n")
			if len(lines) < 3 {
				t.Fatalf("pdffonts lists no font:\n%s", fontsOut)
			}
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				// name type... encoding emb sub uni id gen
				if n := len(f); n < 6 || f[n-5] != "yes" || f[n-4] != "yes" {
					t.Errorf("font not embedded as a subset: %s", l)
				}
			}

			info := poppler(t, pdf, "pdfinfo")
			for _, w := range []string{"Title:", "Subject:", "Author:", "Creator:         refpack", "Keywords:", tt.slug} {
				if !strings.Contains(info, w) {
					t.Errorf("pdfinfo lacks %q:\n%s", w, info)
				}
			}
			// Links: the contents and every row of the references table
			// jump inside the pack; each reference links to its public page.
			refs := len(input(t, library(t), tt.slug, fonts(t)).Matches)
			if n := bytes.Count(pdf, []byte("/Subtype /Link")); n < 5+2*refs+refs {
				t.Errorf("%d links, want the contents, the table rows and the public pages", n)
			}
			// Each reference links to its public page, and the published
			// case studies to send link to theirs (a link per line).
			pages := len(input(t, library(t), tt.slug, fonts(t)).Pages)
			if n := bytes.Count(pdf, []byte("/S /URI /URI (https://refs.example.com/cases/")); n < refs+pages {
				t.Errorf("%d links to public pages, want at least %d", n, refs+pages)
			}
			// Bookmarks: the cover, five sections and one per reference.
			if n := bytes.Count(pdf, []byte("/Parent ")); n < 6+len(input(t, library(t), tt.slug, fonts(t)).Matches) {
				t.Errorf("only %d outline entries", n)
			}
		})
	}
}

func TestJapanesePackIsSmall(t *testing.T) {
	pdf := render(t, "setouchi-marine")
	if len(pdf) >= 200_000 {
		t.Errorf("the Japanese pack is %d bytes, want < 200 KB", len(pdf))
	}
	t.Logf("setouchi-marine.pdf: %d bytes", len(pdf))
}

func TestDeterministic(t *testing.T) {
	for _, slug := range []string{"thamesgate-leasing", "setouchi-marine", "neva-capital-bank"} {
		a, b := render(t, slug), render(t, slug)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", slug)
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20261120000000")) {
			t.Errorf("%s: creation date is not the given date", slug)
		}
	}
}

func TestMissingCJKFont(t *testing.T) {
	latin, err := LoadFonts(FontOptions{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	_, err = Render(input(t, lib, "setouchi-marine", latin))
	var missing *MissingGlyphError
	if !errors.As(err, &missing) {
		t.Fatalf("err = %v, want a MissingGlyphError", err)
	}
	for _, w := range []string{CJKPackage, "[brief] fonts"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not name %s", err, w)
		}
	}
	// An English pack of Latin-named references needs only the built-in
	// fonts (the sample's third reference for Thamesgate is Japanese, and
	// so is its call reference: both left out here).
	in := input(t, lib, "thamesgate-leasing", latin)
	in.Matches = in.Matches[:2]
	in.Calls = nil
	in.Questions = questions.Build(questions.Input{Prospect: in.Prospect, References: []*content.Case{in.Matches[0].Case, in.Matches[1].Case},
		Bank: lib.Questions, Language: "en", SiteLang: lib.Site.Language, Max: lib.Site.Brief.MaxQuestions})
	if _, err := Render(in); err != nil {
		t.Errorf("English pack without system fonts: %v", err)
	}
}

func TestBadFontSetting(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.ttf")
	os.WriteFile(junk, []byte("not a font at all"), 0o644)
	for _, p := range []string{filepath.Join(dir, "none.ttf"), junk} {
		if _, err := LoadFonts(FontOptions{Extra: []string{p}}); err == nil || !strings.Contains(err.Error(), "[brief] fonts") {
			t.Errorf("LoadFonts(%s) = %v, want an error naming [brief] fonts", p, err)
		}
	}
}

func TestOutsideBMP(t *testing.T) {
	lib := library(t)
	in := input(t, lib, "thamesgate-leasing", fonts(t))
	p := *in.Prospect
	p.Notes = "Great news 🎉 and a rare kanji 𠮷"
	in.Prospect = &p
	_, err := Render(in)
	var missing *MissingGlyphError
	if !errors.As(err, &missing) || missing.Char != '🎉' {
		t.Fatalf("err = %v, want a MissingGlyphError for U+1F389", err)
	}
}

func TestWrap(t *testing.T) {
	d := newDoc(fonts(t))
	d.cjkFirst = true
	d.cjk = fonts(t).cjkFaces()
	text := "お客様からのお問い合わせに、電話を切らずにその場で契約書を確認してお答えできるようになりました。「コールセンター」の評価が一番変わったのはそこです。Capture と Library を 2021年に導入しました。"
	for _, w := range []float64{20, 33, 47, 80} {
		lines := d.wrap(text, stBody, w)
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Errorf("width %v: characters lost:\n%q", w, lines)
		}
		for i, l := range lines {
			if d.width(l, stBody) > w+0.01 && len([]rune(l)) > 1 {
				t.Errorf("width %v: line %q is %.1f mm wide", w, l, d.width(l, stBody))
			}
			r := []rune(l)
			if i > 0 && strings.ContainsRune("、。」）ー", r[0]) {
				t.Errorf("width %v: line %d starts with %q", w, i, r[0])
			}
			if i < len(lines)-1 && strings.ContainsRune("「（", r[len(r)-1]) {
				t.Errorf("width %v: line %d ends with %q", w, i, r[len(r)-1])
			}
		}
	}
	latin := "Lost to a competitor on the 2025 pilot tender; re-tendered after that pilot stalled."
	for _, l := range d.wrap(latin, stBody, 40) {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q keeps a space at a break", l)
		}
	}
	if got := strings.Join(d.wrap(latin, stBody, 40), " "); got != latin {
		t.Errorf("Latin text changed by wrapping:\n%q", got)
	}
}

func TestAddWorkingDays(t *testing.T) {
	tests := []struct{ from, want string }{
		{"2026-12-10", "2026-12-15"}, // Thursday: Fri, Mon, Tue
		{"2026-12-11", "2026-12-16"}, // Friday
		{"2026-12-12", "2026-12-16"}, // Saturday
		{"2026-12-14", "2026-12-17"}, // Monday
	}
	for _, tt := range tests {
		from, _ := time.Parse(time.DateOnly, tt.from)
		if got := AddWorkingDays(from, 3).Format(time.DateOnly); got != tt.want {
			t.Errorf("AddWorkingDays(%s, 3) = %s, want %s", tt.from, got, tt.want)
		}
	}
}

func TestSubsetTags(t *testing.T) {
	in := []byte("/BaseFont /utf8zzzf0B\n/FontName /utf8zzzf12")
	got := string(tagSubsets(in))
	if len(got) != len(in) || !regexp.MustCompile(`^/BaseFont /RPKAAB\+f0B\n/FontName /RPKAMR\+f12$`).MatchString(got) {
		t.Errorf("tagSubsets = %q", got)
	}
}

// BenchmarkPack is one English pack: 3 references, 20 questions.
func BenchmarkPack(b *testing.B) {
	lib := library(b)
	in := input(b, lib, "thamesgate-leasing", fonts(b))
	n := 0
	for _, g := range in.Questions {
		n += len(g.Questions)
	}
	for b.Loop() {
		if _, err := Render(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "questions")
	b.ReportMetric(float64(len(in.Matches)), "references")
}

// BenchmarkPackJapanese is the Japanese sample pack.
func BenchmarkPackJapanese(b *testing.B) {
	in := input(b, library(b), "setouchi-marine", fonts(b))
	var size int
	for b.Loop() {
		pdf, err := Render(in)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size), "bytes")
}

// words are the words of a PDF with their boxes, from pdftotext -bbox.
var wordBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// checkInside fails for any word outside the page's text area: nothing
// overflows the margins.
func checkInside(t *testing.T, pdf []byte) {
	t.Helper()
	out := poppler(t, pdf, "pdftotext", "-bbox")
	const pt = 72 / 25.4
	words := wordBox.FindAllStringSubmatch(out, -1)
	if len(words) == 0 {
		t.Fatal("pdftotext -bbox found no words")
	}
	for _, w := range words {
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(w[i+1], 64)
		}
		if box[0] < marginL*pt-1 || box[2] > (pageW-marginR)*pt+1 || box[1] < 8*pt || box[3] > (pageH-8)*pt {
			t.Errorf("word %q at %v is outside the text area", w[5], box)
		}
	}
}

func TestNoOverflow(t *testing.T) {
	for _, slug := range []string{"thamesgate-leasing", "setouchi-marine", "neva-capital-bank"} {
		t.Run(slug, func(t *testing.T) { checkInside(t, render(t, slug)) })
	}
}

// TestStress lays out what authors may write: very long notes, a URL-like
// word longer than a line, dozens of participants (a table over several
// pages), a cell taller than a page, and a prospect with no match, no
// visit date and no questions.
func TestStress(t *testing.T) {
	lib := library(t)
	in := input(t, lib, "thamesgate-leasing", fonts(t))
	p := *in.Prospect
	p.Notes = strings.Repeat("A long note about the prospect, its history and its people. ", 80) +
		"https://example.com/" + strings.Repeat("very-long-path-segment/", 12) + " 長い日本語のメモも入ります。" + strings.Repeat("契約書を確認してお答えできるようになりました。", 20)
	p.Participants = nil
	for i := range 40 {
		p.Participants = append(p.Participants, content.Participant{
			Name: "Participant " + strconv.Itoa(i), Role: strings.Repeat("Head of everything ", 1+i%3), Side: content.Sides[i%5],
		})
	}
	p.Participants[39].Role = strings.Repeat("An extremely long role description that never ends. ", 120)
	in.Prospect = &p
	pdf, err := Render(in)
	if err != nil {
		t.Fatal(err)
	}
	checkInside(t, pdf)
	contains(t, poppler(t, pdf, "pdftotext", "-enc", "UTF-8"), "Participant 39", "very-long-path-segment", "お答えできるようになりました。")

	empty := in
	q := content.Prospect{Slug: "nobody", Name: "Nobody Ltd", Industry: "leasing", Language: "ru"}
	empty.Prospect, empty.Matches, empty.Questions = &q, nil, nil
	pdf, err = Render(empty)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, poppler(t, pdf, "pdftotext", "-enc", "UTF-8"), "Nobody Ltd", "не назначена")
}

// TestCompactFontsKeepsTheCrossReferences: after the fonts are compressed
// again, every entry of the cross-reference table and startxref still
// point at their objects.
func TestCompactFontsKeepsTheCrossReferences(t *testing.T) {
	pdf := render(t, "setouchi-marine")
	table := bytes.LastIndex(pdf, []byte("\nxref"))
	entries := xrefEntry.FindAllSubmatch(pdf[table:], -1)
	if len(entries) < 10 {
		t.Fatalf("only %d entries", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("entry %d points at %q, want %q", i+1, pdf[off:min(off+12, len(pdf))], want)
		}
	}
	start, _ := strconv.Atoi(string(startXref.FindSubmatch(pdf)[1]))
	if !bytes.HasPrefix(pdf[start:], []byte("xref")) {
		t.Errorf("startxref points at %q", pdf[start:min(start+8, len(pdf))])
	}
	if bytes.Count(pdf, []byte("/FontFile2")) == 0 {
		t.Error("no embedded font")
	}
}
