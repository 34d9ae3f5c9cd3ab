package site

import (
	"strings"
	"testing"

	"github.com/refpack/refpack/templates"
)

// Related cases render as cards in the page's language, best first; unknown
// slugs and the case itself are ignored; no section without related cases.
func TestRelatedCases(t *testing.T) {
	lib, bodies := testLibrary(t)
	out, err := renderIn(Input{
		Lib: lib, Bodies: bodies, Theme: templates.FS, CodeCSS: []byte(codeCSS),
		Related: map[string][]string{
			"northwind-bank": {"volga-retail", "no-such-case", "northwind-bank", "kansai-life"},
			"kansai-life":    {"northwind-bank"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	page := string(out.Files["cases/northwind-bank/index.html"])
	section := page[strings.Index(page, `class="container listing related"`):]
	if !strings.Contains(section, "<h2>Related case studies</h2>") {
		t.Errorf("no English heading in:\n%s", section)
	}
	volga := strings.Index(section, `href="/refs/cases/volga-retail/"`)
	kansai := strings.Index(section, `href="/refs/cases/kansai-life/"`)
	if volga < 0 || kansai < 0 || volga > kansai {
		t.Errorf("want volga-retail then kansai-life in:\n%s", section)
	}
	if n := strings.Count(section, `<article class="card">`); n != 2 {
		t.Errorf("%d cards, want 2", n)
	}
	ja := string(out.Files["cases/kansai-life/index.html"])
	if !strings.Contains(ja, "<h2>関連する導入事例</h2>") || !strings.Contains(ja, `href="/refs/cases/northwind-bank/"`) {
		t.Errorf("Japanese page lacks its related section")
	}
	if other := string(out.Files["cases/volga-retail/index.html"]); strings.Contains(other, "listing related") {
		t.Errorf("a case without related cases has the section")
	}
}
