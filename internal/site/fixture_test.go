package site

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
	"github.com/refpack/refpack/templates"
)

// Markers planted in private fields; none may appear in any output.
var secrets = []string{
	"SECRET-ANON-CLIENT-Volga",
	"SECRET-CONTACT-ivan@northwind",
	"SECRET-SUPPORT-247",
	"SECRET-NOTES-tuesday",
	"SECRET-CONTACT-kansai",
	"SECRET-NOTES-anon",
}

const codeCSS = ".chroma { background-color: #f8f8f8; }\n"

func testSite(t testing.TB, pageSize int) *config.Site {
	t.Helper()
	u, err := url.Parse("https://refs.example.com/refs/")
	if err != nil {
		t.Fatal(err)
	}
	return &config.Site{
		Title:       "Acme Reference Library",
		Description: "How our customers run their archives",
		BaseURL:     u,
		Language:    "en",
		PageSize:    pageSize,
		Industries: config.NewVocabulary([]config.Term{
			{Key: "banking", Label: "Banking", Labels: map[string]string{"ja": "銀行", "ru": "Банки", "de": "Banken"}},
			{Key: "insurance", Label: "Insurance", Labels: map[string]string{"ja": "保険", "ru": "Страхование", "de": "Versicherungen"}},
			{Key: "retail", Label: "Retail", Labels: map[string]string{"ja": "小売", "ru": "Розничная торговля", "de": "Einzelhandel"}},
			{Key: "energy", Label: "Energy", Labels: map[string]string{"de": "Energieversorgung"}},
		}),
		ProjectTypes: config.NewVocabulary([]config.Term{
			{Key: "contract-archive", Label: "Contract archive", Labels: map[string]string{"ja": "契約書アーカイブ", "ru": "Архив договоров", "de": "Vertragsarchiv"}, CrossIndustry: true},
			{Key: "hr-records", Label: "HR records", Labels: map[string]string{"ja": "人事記録", "ru": "Кадровые документы", "de": "Personalakten"}},
		}),
		Regions: config.NewVocabulary([]config.Term{
			{Key: "europe", Label: "Europe", Labels: map[string]string{"ja": "ヨーロッパ", "ru": "Европа", "de": "Europa"}},
			{Key: "japan", Label: "Japan", Labels: map[string]string{"ja": "日本", "ru": "Япония", "de": "Japan"}},
			{Key: "russia", Label: "Russia", Labels: map[string]string{"ja": "ロシア", "ru": "Россия", "de": "Russland"}},
		}),
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// testLibrary has en, ja, ru and de cases, an anonymous case, a translation pair
// and a bundle with a file.
func testLibrary(t testing.TB) (*content.Library, map[string]markdown.Result) {
	t.Helper()
	cases := []*content.Case{
		{
			Slug: "northwind-bank", Path: "content/cases/northwind-bank.md",
			Title:   "Contract archive for 40 million documents",
			Summary: "Northwind moved 40 million paper contracts into one searchable archive.",
			Client:  "Northwind Bank", Industry: "banking", ProjectTypes: []string{"contract-archive"},
			Region: "europe", Language: "en", Date: day("2024-05-10"), GoLive: day("2021-06-01"),
			Status: "live", Products: []string{"Archive", "Library"}, Tags: []string{"migration", "OCR"},
			Scale:   content.Scale{Employees: 12000, Users: 3500, Documents: 40000000, Sites: 120},
			Metrics: []content.Metric{{Label: "Time to find a contract", Value: "from 2 days to 5 minutes"}, {Label: "Paper storage cost", Value: "−70 %"}},
			Quotes:  []content.Quote{{Text: "We found every contract in minutes, not days.", Author: "CIO, Northwind Bank"}},
			Reference: content.Reference{Visit: true, Call: true, Contact: "SECRET-CONTACT-ivan@northwind", Health: "green",
				Support: "SECRET-SUPPORT-247", MaxVisitsPerYear: 4, Notes: "SECRET-NOTES-tuesday"},
		},
		{
			Slug: "kansai-life", Path: "content/cases/kansai-life/index.md", Bundle: true, BundleFiles: []string{"diagram.png"},
			Title:   "関西生命、保険契約書 800 万件を電子化",
			Summary: "紙の保険契約書を電子化し、支店からの照会を即時に。",
			Client:  "関西生命保険", Industry: "insurance", ProjectTypes: []string{"contract-archive", "hr-records"},
			Region: "japan", Language: "ja", Date: day("2024-03-01"), GoLive: day("2022-10-03"), Status: "live",
			Scale:     content.Scale{Employees: 8000, Documents: 8000000},
			Metrics:   []content.Metric{{Label: "照会時間", Value: "3 日から 10 分に"}},
			Reference: content.Reference{Contact: "SECRET-CONTACT-kansai", Health: "amber"},
		},
		{
			Slug: "kansai-life-en", Path: "content/cases/kansai-life-en.md", TranslationOf: "kansai-life",
			Title:   "Kansai Life digitises 8 million insurance contracts",
			Summary: "Paper policies became searchable; branches get answers at once.",
			Client:  "Kansai Life", Industry: "insurance", ProjectTypes: []string{"contract-archive", "hr-records"},
			Region: "japan", Language: "en", Date: day("2024-03-01"), Status: "live",
			Scale: content.Scale{Employees: 8000, Documents: 8000000},
		},
		{
			Slug: "volga-retail", Path: "content/cases/volga-retail.md",
			Title:   "Кадровый архив для 60 000 сотрудников",
			Summary: "Крупный ритейлер перевёл кадровые документы в электронный архив.",
			Client:  "SECRET-ANON-CLIENT-Volga", Anonymous: true, Alias: "Крупный российский ритейлер",
			Industry: "retail", ProjectTypes: []string{"hr-records"}, Region: "russia", Language: "ru",
			Date: day("2023-11-20"), Status: "pilot",
			Scale:     content.Scale{Employees: 60000, Documents: 1500000},
			Quotes:    []content.Quote{{Text: "Кадровики наконец-то занимаются людьми, а не бумагами.", Author: "Директор по персоналу"}},
			Reference: content.Reference{Notes: "SECRET-NOTES-anon"},
		},
		{
			Slug: "stadtwerke-lindenau", Path: "content/cases/stadtwerke-lindenau.md",
			Title:   "Digitales Vertragsarchiv für 1,2 Millionen Kundenverträge",
			Summary: "Die Stadtwerke Lindenau finden jeden Versorgungsvertrag in Sekunden statt in Tagen.",
			Client:  "Stadtwerke Lindenau", Industry: "energy", ProjectTypes: []string{"contract-archive"},
			Region: "europe", Language: "de", Date: day("2024-05-10"), GoLive: day("2023-03-01"), Status: "implementing",
			Scale:     content.Scale{Employees: 1200, Documents: 1200000, Sites: 4},
			Metrics:   []content.Metric{{Label: "Suchzeit pro Vertrag", Value: "von 2 Tagen auf 30 Sekunden"}},
			Quotes:    []content.Quote{{Text: "Unsere Kundenberater sehen den Vertrag, während der Kunde noch am Telefon ist.", Author: "Leiterin Kundenservice"}},
			Reference: content.Reference{Contact: "SECRET-CONTACT-lindenau"},
		},
	}
	bodies := map[string]markdown.Result{
		"northwind-bank": {
			HTML: `<h2 id="the-challenge">The challenge</h2>
<p>Contracts lived in <a href="https://example.com/">three warehouses</a> and two legacy systems.</p>
<h2 id="the-solution">The solution</h2>
<table>
<thead><tr><th class="align-left">Phase</th><th class="align-right">Documents</th></tr></thead>
<tbody><tr><td class="align-left">Scanning</td><td class="align-right">40,000,000</td></tr></tbody>
</table>
<h3 id="migration">Migration</h3>
<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">archive</span> <span class="nx">import</span></span></span></code></pre>
<h2 id="results">Results</h2>
<p>Search takes minutes.</p>
`,
			Headings: []markdown.Heading{{Level: 2, ID: "the-challenge", Text: "The challenge"}, {Level: 2, ID: "the-solution", Text: "The solution"},
				{Level: 3, ID: "migration", Text: "Migration"}, {Level: 2, ID: "results", Text: "Results"}},
		},
		"kansai-life":         {HTML: "<p>本文。<img src=\"diagram.png\" alt=\"システム構成図\"></p>\n"},
		"kansai-life-en":      {HTML: "<p>Body.</p>\n"},
		"volga-retail":        {HTML: "<p>Текст кейса.</p>\n"},
		"stadtwerke-lindenau": {HTML: "<p>Über 1.200 Mitarbeitende versorgen die Region mit Strom, Gas und Wärme.</p>\n"},
	}
	return &content.Library{Site: testSite(t, 24), Cases: cases}, bodies
}

func render(t testing.TB, lib *content.Library, bodies map[string]markdown.Result, drafts bool) *rendered {
	t.Helper()
	out, err := renderIn(Input{Lib: lib, Bodies: bodies, Theme: templates.FS, CodeCSS: []byte(codeCSS), Drafts: drafts})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rendered is a site rendered into memory by renderIn.
type rendered struct {
	mu     sync.Mutex
	Files  map[string][]byte
	Copies map[string]string
}

func (r *rendered) File(p string, data []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.Files[p]; dup {
		return fmt.Errorf("%s rendered twice", p)
	}
	r.Files[p] = bytes.Clone(data)
	return nil
}

// renderIn renders in into memory.
func renderIn(in Input) (*rendered, error) {
	out := &rendered{Files: map[string][]byte{}}
	copies, err := Render(in, out)
	out.Copies = copies
	return out, err
}

// generated is a library of n cases across languages, industries and
// sizes, with bodies of a realistic length (~9 KB of HTML).
func generated(t testing.TB, n int) (*content.Library, map[string]markdown.Result) {
	t.Helper()
	site := testSite(t, 24)
	langs := []string{"en", "ja", "ru"}
	inds := site.Industries.Keys()
	pts := site.ProjectTypes.Keys()
	para := "<p>" + strings.Repeat("The archive replaced paper files and two legacy systems; search now takes minutes. ", 10) + "</p>\n"
	var body strings.Builder
	var heads []markdown.Heading
	for i := range 8 {
		id := fmt.Sprintf("section-%d", i)
		fmt.Fprintf(&body, "<h2 id=%q>Section %d</h2>\n%s", id, i, para)
		heads = append(heads, markdown.Heading{Level: 2, ID: id, Text: fmt.Sprintf("Section %d", i)})
	}
	res := markdown.Result{HTML: body.String(), Headings: heads}
	lib := &content.Library{Site: site}
	bodies := make(map[string]markdown.Result, n)
	base := day("2020-01-01")
	for i := range n {
		slug := fmt.Sprintf("case-%05d", i)
		c := &content.Case{
			Slug: slug, Path: "content/cases/" + slug + ".md",
			Title:        fmt.Sprintf("Contract archive number %d for a large customer", i),
			Summary:      "A customer moved its contracts into one searchable archive and cut search time from days to minutes.",
			Client:       fmt.Sprintf("Customer %d", i),
			Anonymous:    i%5 == 0,
			Alias:        "A large company",
			Industry:     inds[i%len(inds)],
			ProjectTypes: []string{pts[i%len(pts)]},
			Region:       "europe",
			Language:     langs[i%len(langs)],
			Date:         base.AddDate(0, 0, i%2000),
			Status:       "live",
			Scale:        content.Scale{Employees: int64(500 + i*37%200000), Documents: int64(i) * 1000},
			Metrics:      []content.Metric{{Label: "Search time", Value: "from 2 days to 5 minutes"}},
			Quotes:       []content.Quote{{Text: "It just works.", Author: "CIO"}},
		}
		lib.Cases = append(lib.Cases, c)
		bodies[slug] = res
	}
	return lib, bodies
}
