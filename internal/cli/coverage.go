package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/match"
)

func runCoverage(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("coverage", "coverage [-s SITE] [--json] [--html FILE] [--date YYYY-MM-DD]",
		"Show where the library is thin: per industry, how many live, visit-willing references\n"+
			"(live, not a draft, reference.visit = true, health not red) there are for each project\n"+
			"type and each employee size band; the empty cells; and every prospect whose best match\n"+
			"scores under 0.50. --html writes a self-contained heatmap page; it holds private data\n"+
			"(prospects), so it is refused inside the site's public/ or any built site.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	asJSON := fs.Bool("json", false, "print JSON instead of tables")
	htmlFile := fs.String("html", "", "also write a heatmap page to `FILE` (never under public/)")
	date := fs.String("date", "", "today's date `YYYY-MM-DD` for visit quotas of prospects without a visit_date")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack coverage: unexpected argument %q (use -s SITE)\n", rest[0])
		return ExitUsage
	}
	today, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack coverage: %v\n", err)
		return ExitUsage
	}
	if *htmlFile != "" {
		if err := checkPrivateDest(*siteDir, *htmlFile, privateOutput{why: "the report holds private data (prospects)", hint: "write it elsewhere, e.g. " + filepath.Join(*siteDir, "coverage.html")}); err != nil {
			fmt.Fprintf(stderr, "refpack coverage: %v\n", err)
			return ExitUsage
		}
	}
	lib, code := loadLibrary(*siteDir, "coverage", stderr)
	if lib == nil {
		return code
	}
	cv := match.Cover(lib, today)
	if *htmlFile != "" {
		page, err := coverageHTML(lib.Site, cv, today)
		if err == nil {
			err = writeFileAtomic(*htmlFile, page)
		}
		if err != nil {
			fmt.Fprintf(stderr, "refpack coverage: %v\n", err)
			return ExitProblem
		}
	}
	if *asJSON {
		if err := writeCoverageJSON(stdout, lib.Site, cv); err != nil {
			fmt.Fprintf(stderr, "refpack coverage: %v\n", err)
			return ExitProblem
		}
		return ExitOK
	}
	printCoverage(stdout, lib.Site, cv)
	if *htmlFile != "" {
		fmt.Fprintf(stdout, "\nwrote %s (internal: it names prospects)\n", *htmlFile)
	}
	return ExitOK
}

// bandLabels are short headings of the employee size bands.
var bandLabels = map[string]string{"lt1k": "<1k", "1k-10k": "1k-10k", "10k-100k": "10k-100k", "gt100k": ">100k"}

func printCoverage(w io.Writer, site *config.Site, cv match.Coverage) {
	lang := site.Language
	fmt.Fprintf(w, "Live, visit-willing references: %d of %s\n", cv.References, caseStudies(cv.Cases))

	fmt.Fprintln(w, "\nIndustry × project type (columns numbered, see below):")
	var cols []string
	for i := range cv.ProjectTypes {
		cols = append(cols, fmt.Sprint(i+1))
	}
	printMatrix(w, site, cv.Industries, cols, cv.ProjectTypes, cv.ByType)
	for i, pt := range cv.ProjectTypes {
		fmt.Fprintf(w, "  %d = %s\n", i+1, site.ProjectTypes.Label(pt, lang))
	}

	fmt.Fprintln(w, "\nIndustry × employees:")
	cols = nil
	for _, b := range cv.Bands {
		cols = append(cols, bandLabels[b])
	}
	printMatrix(w, site, cv.Industries, cols, cv.Bands, cv.ByBand)

	if len(cv.Quota) > 0 {
		fmt.Fprintln(w, "\nYearly visit quota used (ledger, last 365 days):")
		width := 0
		for _, q := range cv.Quota {
			width = max(width, len(q.Case.Slug))
		}
		for _, q := range cv.Quota {
			note := ""
			if q.Used >= q.Max {
				note = "  used up: excluded from matching"
			}
			fmt.Fprintf(w, "  %-*s  %d of %d%s\n", width, q.Case.Slug, q.Used, q.Max, note)
		}
	}

	if len(cv.Health) > 0 {
		fmt.Fprintln(w, "\nHealth ([reference] and the helpdesk export; red is excluded from matching):")
		for _, h := range cv.Health {
			fmt.Fprintf(w, "  %s  %s\n", h.Case.Slug, h.Health.Health)
			for _, r := range h.HealthReasons {
				fmt.Fprintf(w, "       - %s\n", r)
			}
		}
	}

	fmt.Fprintln(w, "\nEmpty cells (no live, visit-willing reference):")
	printEmpty(w, cv.Industries, cv.EmptyTypes(), func(k string) string { return site.ProjectTypes.Label(k, lang) }, func(ind string) string { return site.Industries.Label(ind, lang) })
	fmt.Fprintln(w, "\nEmpty size bands:")
	printEmpty(w, cv.Industries, cv.EmptyBands(), func(k string) string { return bandLabels[k] }, func(ind string) string { return site.Industries.Label(ind, lang) })

	fmt.Fprintf(w, "\nProspects whose best match scores under %.2f:\n", match.WeakScore)
	if len(cv.Weak) == 0 {
		fmt.Fprintln(w, "  none: every prospect has a good match")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, wp := range cv.Weak {
		best := "no case can be recommended"
		if wp.Best != nil {
			best = "best: " + wp.Best.Slug
		}
		fmt.Fprintf(tw, "  %s\t%.2f\t%s\t%s\n", wp.Prospect.Slug, match.Round(wp.Score), best, wp.Prospect.Name)
	}
	tw.Flush()
}

// printMatrix prints rows of counts under column headings, the industry
// labels padded to their display width (CJK characters take two columns).
func printMatrix(w io.Writer, site *config.Site, industries, headings, keys []string, m map[string]map[string]int) {
	labels := make([]string, len(industries))
	labelWidth := 0
	for i, ind := range industries {
		labels[i] = site.Industries.Label(ind, site.Language)
		labelWidth = max(labelWidth, diag.Width(labels[i]))
	}
	// A column is as wide as its heading or its widest count: a large
	// library has four-digit counts under one-digit headings.
	widths := make([]int, len(headings))
	for i, h := range headings {
		widths[i] = max(2, diag.Width(h))
		for _, ind := range industries {
			widths[i] = max(widths[i], diag.Width(cell(m[ind][keys[i]])))
		}
	}
	var b strings.Builder
	b.WriteString("  " + strings.Repeat(" ", labelWidth))
	for i, h := range headings {
		b.WriteString("  " + strings.Repeat(" ", widths[i]-diag.Width(h)) + h)
	}
	fmt.Fprintln(w, b.String())
	for r, ind := range industries {
		b.Reset()
		b.WriteString("  " + labels[r] + strings.Repeat(" ", labelWidth-diag.Width(labels[r])))
		for i, k := range keys {
			c := cell(m[ind][k])
			b.WriteString("  " + strings.Repeat(" ", widths[i]-diag.Width(c)) + c)
		}
		fmt.Fprintln(w, b.String())
	}
}

func cell(n int) string {
	if n == 0 {
		return "·"
	}
	return fmt.Sprint(n)
}

func printEmpty(w io.Writer, industries []string, cells []match.Cell, label, industry func(string) string) {
	if len(cells) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	for _, ind := range industries {
		var keys []string
		for _, c := range cells {
			if c.Industry == ind {
				keys = append(keys, label(c.Key))
			}
		}
		if len(keys) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", industry(ind), strings.Join(keys, ", "))
		}
	}
}

type coverageJSON struct {
	References    int                       `json:"references"`
	Cases         int                       `json:"cases"`
	Industries    []termJSON                `json:"industries"`
	ProjectTypes  []termJSON                `json:"project_types"`
	Bands         []string                  `json:"bands"`
	ByProjectType map[string]map[string]int `json:"project_type_matrix"`
	ByBand        map[string]map[string]int `json:"band_matrix"`
	EmptyTypes    []emptyTypeJSON           `json:"empty_cells"`
	EmptyBands    []emptyBandJSON           `json:"empty_band_cells"`
	WeakProspects []weakJSON                `json:"weak_prospects"`
	WeakThreshold float64                   `json:"weak_threshold"`
	Quota         []quotaJSON               `json:"quota"`
	Health        []caseHealthJSON          `json:"health"`
}

// caseHealthJSON is a case whose health is not green.
type caseHealthJSON struct {
	Case string `json:"case"`
	healthItem
}

type termJSON struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

type emptyTypeJSON struct {
	Industry    string `json:"industry"`
	ProjectType string `json:"project_type"`
}

type emptyBandJSON struct {
	Industry string `json:"industry"`
	Band     string `json:"band"`
}

type weakJSON struct {
	Prospect string  `json:"prospect"`
	BestCase string  `json:"best_case"` // "" when every case is excluded
	Score    float64 `json:"score"`
}

type quotaJSON struct {
	Case string `json:"case"`
	Used int    `json:"used"`
	Max  int    `json:"max"`
}

func writeCoverageJSON(w io.Writer, site *config.Site, cv match.Coverage) error {
	out := coverageJSON{
		References: cv.References, Cases: cv.Cases, Bands: cv.Bands,
		ByProjectType: cv.ByType, ByBand: cv.ByBand, WeakThreshold: match.WeakScore,
		Industries: []termJSON{}, ProjectTypes: []termJSON{},
		EmptyTypes: []emptyTypeJSON{}, EmptyBands: []emptyBandJSON{}, WeakProspects: []weakJSON{},
		Quota: []quotaJSON{}, Health: []caseHealthJSON{},
	}
	for _, h := range cv.Health {
		out.Health = append(out.Health, caseHealthJSON{Case: h.Case.Slug, healthItem: healthJSON(h.Health, false)})
	}
	for _, q := range cv.Quota {
		out.Quota = append(out.Quota, quotaJSON{q.Case.Slug, q.Used, q.Max})
	}
	for _, k := range cv.Industries {
		out.Industries = append(out.Industries, termJSON{k, site.Industries.Label(k, site.Language)})
	}
	for _, k := range cv.ProjectTypes {
		out.ProjectTypes = append(out.ProjectTypes, termJSON{k, site.ProjectTypes.Label(k, site.Language)})
	}
	for _, c := range cv.EmptyTypes() {
		out.EmptyTypes = append(out.EmptyTypes, emptyTypeJSON{c.Industry, c.Key})
	}
	for _, c := range cv.EmptyBands() {
		out.EmptyBands = append(out.EmptyBands, emptyBandJSON{c.Industry, c.Key})
	}
	for _, wp := range cv.Weak {
		j := weakJSON{Prospect: wp.Prospect.Slug, Score: match.Round(wp.Score)}
		if wp.Best != nil {
			j.BestCase = wp.Best.Slug
		}
		out.WeakProspects = append(out.WeakProspects, j)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// coverageTemplate is the heatmap page: self-contained, with its CSS
// inline, as it is opened from a file or an e-mail, never from the site.
const coverageTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Reference coverage | {{.SiteTitle}}</title>
<style>
  body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif; color: #1d2430; }
  h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
  h2 { margin: 2rem 0 .75rem; font-size: 1.2rem; }
  .private { display: inline-block; margin: .25rem 0 1rem; padding: .2rem .6rem; border-radius: 4px; background: #fde8e8; color: #8a1c1c; font-weight: 600; }
  .meta { color: #5b6472; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; }
  th, td { padding: .4rem .6rem; border: 1px solid #d9dee6; }
  thead th { font-size: .8rem; font-weight: 600; vertical-align: bottom; max-width: 8rem; }
  tbody th { text-align: left; font-weight: 600; white-space: nowrap; }
  td { min-width: 2.5rem; text-align: center; font-variant-numeric: tabular-nums; font-weight: 600; }
  .h0 { background: #fbe3e1; color: #a33a32; }
  .h1 { background: #e3f1e6; }
  .h2 { background: #b8dfc1; }
  .h3 { background: #6dbb80; color: #fff; }
  .legend span { display: inline-block; margin-right: .75rem; padding: .1rem .5rem; border-radius: 3px; }
  .weak td { text-align: left; font-weight: 400; }
  .weak td.score { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<main>
<h1>Reference coverage</h1>
<p class="private">Internal — names prospects; never publish this page</p>
<p class="meta">{{.SiteTitle}} · {{.Date}} · {{.References}} live, visit-willing references of {{.Cases}} case studies (live, not a draft, willing to host visits, health not red)</p>
<p class="legend"><span class="h0">0</span><span class="h1">1</span><span class="h2">2</span><span class="h3">3 or more</span></p>
{{- range .Maps}}
<section>
<h2>{{.Title}}</h2>
<div class="scroll">
<table>
<thead>
<tr><th scope="col"></th>{{range .Columns}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="{{.Class}}" title="{{.Title}}">{{.N}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
</section>
{{- end}}
<section>
<h2>Prospects whose best match scores under {{.Threshold}}</h2>
{{- if .Weak}}
<table class="weak">
<thead><tr><th scope="col">Prospect</th><th scope="col">Slug</th><th scope="col">Best score</th><th scope="col">Best match</th></tr></thead>
<tbody>
{{- range .Weak}}
<tr><td>{{.Name}}</td><td>{{.Slug}}</td><td class="score">{{.Score}}</td><td>{{if .Best}}{{.Best}}{{else}}none: every case is excluded{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>None: every prospect has a good match.</p>
{{- end}}
</section>
</main>
</body>
</html>
`

var coverageTmpl = template.Must(template.New("coverage").Parse(coverageTemplate))

// heatRow is one industry's row of a heatmap.
type heatRow struct {
	Label string
	Cells []heatCell
}

type heatCell struct {
	N     int
	Class string // h0 (empty) .. h3 (three or more)
	Title string // "Banking × Contract archive: 2 references"
}

type heatmap struct {
	Title   string
	Columns []string
	Rows    []heatRow
}

func coverageHTML(site *config.Site, cv match.Coverage, today time.Time) ([]byte, error) {
	lang := site.Language
	build := func(title string, cols []string, colLabel func(string) string, m map[string]map[string]int) heatmap {
		h := heatmap{Title: title}
		for _, c := range cols {
			h.Columns = append(h.Columns, colLabel(c))
		}
		for _, ind := range cv.Industries {
			row := heatRow{Label: site.Industries.Label(ind, lang)}
			for _, c := range cols {
				n := m[ind][c]
				row.Cells = append(row.Cells, heatCell{
					N:     n,
					Class: fmt.Sprintf("h%d", min(n, 3)),
					Title: fmt.Sprintf("%s × %s: %s", row.Label, colLabel(c), plural(n, "reference")),
				})
			}
			h.Rows = append(h.Rows, row)
		}
		return h
	}
	type weakRow struct {
		Name, Slug, Best string
		Score            string
	}
	data := struct {
		Lang, SiteTitle, Date string
		References, Cases     int
		Maps                  []heatmap
		Weak                  []weakRow
		Threshold             string
	}{
		Lang: lang, SiteTitle: site.Title, Date: today.Format(time.DateOnly),
		References: cv.References, Cases: cv.Cases, Threshold: fmt.Sprintf("%.2f", match.WeakScore),
		Maps: []heatmap{
			build("Industry × project type", cv.ProjectTypes, func(k string) string { return site.ProjectTypes.Label(k, lang) }, cv.ByType),
			build("Industry × employees", cv.Bands, func(k string) string { return bandLabels[k] }, cv.ByBand),
		},
	}
	for _, wp := range cv.Weak {
		r := weakRow{Name: wp.Prospect.Name, Slug: wp.Prospect.Slug, Score: fmt.Sprintf("%.2f", match.Round(wp.Score))}
		if wp.Best != nil {
			r.Best = wp.Best.Slug
		}
		data.Weak = append(data.Weak, r)
	}
	var b bytes.Buffer
	if err := coverageTmpl.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
