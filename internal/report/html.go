package report

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/match"
)

// maxQuotaBars is how many references the quota chart shows; the
// references table lists them too.
const maxQuotaBars = 20

// The page and the terminal show at most MaxAlerts alerts and MaxRows rows
// per table, so that a large programme stays readable at a glance; --json
// holds everything.
const (
	MaxAlerts = 30
	MaxRows   = 50
)

// page writes the HTML; every text from the library goes through text (or
// el), which escapes it.
type page struct {
	b strings.Builder
	t Text
}

func (p *page) raw(s string)               { p.b.WriteString(s) }
func (p *page) rawf(f string, args ...any) { fmt.Fprintf(&p.b, f, args...) }
func (p *page) text(s string)              { p.b.WriteString(html.EscapeString(s)) }
func (p *page) el(tag, class, content string) {
	p.open(tag, class)
	p.text(content)
	p.raw("</" + tag + ">")
}
func (p *page) open(tag, class string) {
	if class == "" {
		p.raw("<" + tag + ">")
		return
	}
	p.raw("<" + tag + ` class="` + html.EscapeString(class) + `">`)
}

// HTML renders the report as one self-contained private page in the site's
// language: inline CSS and SVG, no script, no font or image to fetch, so it
// opens the same from a file, an e-mail or a printer.
func HTML(r *Report, site *config.Site) []byte {
	p := &page{t: textIn(r.Language)}
	t := p.t
	p.rawf(`<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>`, t.Lang())
	p.text(t.T("title") + " · " + site.Title + " · " + t.Date(r.Date))
	p.raw("</title>\n<style>\n" + reportCSS + "</style>\n</head>\n<body>\n<header class=\"top\">\n")
	p.el("p", "private", t.T("private"))
	p.raw("\n")
	p.el("h1", "", t.T("title"))
	p.raw("\n")
	p.el("p", "meta", t.T("period", "site", site.Title, "from", t.Date(r.From), "to", t.Date(r.Date)))
	p.raw("\n</header>\n<main>\n")
	p.alerts(r)
	p.kpis(r)
	p.months(r)
	p.quota(r)
	p.demand(r, site)
	p.references(r)
	p.followUps(r)
	p.obligations(r)
	p.raw("</main>\n<footer>")
	p.text(t.T("footer", "date", t.Date(r.Date)))
	p.raw("</footer>\n</body>\n</html>\n")
	return []byte(p.b.String())
}

func (p *page) section(id, title string) {
	p.rawf("<section aria-labelledby=\"%s\">\n<h2 id=\"%s\">", id, id)
	p.text(title)
	p.raw("</h2>\n")
}

func (p *page) alerts(r *Report) {
	t := p.t
	p.section("alerts", t.T("s_alerts"))
	if len(r.Alerts) == 0 {
		p.el("p", "ok", t.T("no_alerts"))
		p.raw("\n</section>\n")
		return
	}
	p.raw("<ol class=\"alerts\">\n")
	for _, a := range r.Alerts[:min(len(r.Alerts), MaxAlerts)] {
		p.open("li", "alert "+a.Kind)
		p.el("span", "tag", t.T("kind_"+a.Kind))
		p.el("span", "msg", a.Message)
		p.raw("</li>\n")
	}
	p.raw("</ol>\n")
	p.more(len(r.Alerts) - MaxAlerts)
	p.raw("</section>\n")
}

func (p *page) kpi(label, value, detail, class string) {
	p.kpiLines(label, []string{value}, detail, class)
}

// kpiLines is a tile whose value takes several lines (amounts per currency).
func (p *page) kpiLines(label string, values []string, detail, class string) {
	p.open("div", strings.TrimSpace("kpi "+class))
	p.el("p", "label", label)
	for _, v := range values {
		p.el("p", "value", v)
	}
	p.el("p", "detail", detail)
	p.raw("</div>\n")
}

func (p *page) kpis(r *Report) {
	t, g := p.t, r.Programme
	p.section("programme", t.T("s_programme"))
	p.raw("<div class=\"kpis\">\n")
	p.kpi(t.T("k_asks"), t.Int(g.Prospects), t.T("k_asks_detail", "asks", t.N("asks", g.Entries), "visits", t.N("visits", g.Visits), "calls", t.N("calls", g.Calls)), "")
	detail := t.T("k_win_detail", "won", t.Int(g.Won), "lost", t.Int(g.Lost), "pending", t.Int(g.Pending))
	if g.WinRate == nil {
		detail = t.T("k_no_win_rate") + " · " + detail
	}
	p.kpi(t.T("k_win_rate"), t.Percent(g.WinRate), detail, "")
	money := []string{t.T("k_influenced_none")}
	if len(g.Influenced) > 0 {
		money = nil
		for _, cur := range Currencies(g.Influenced) {
			money = append(money, t.Money(map[string]int64{cur: g.Influenced[cur]}))
		}
	}
	p.kpiLines(t.T("k_influenced"), money, t.T("k_influenced_note"), "money")
	p.kpi(t.T("k_willing"), t.Int(g.Willing), t.N("k_willing_detail", g.References), "")
	p.kpi(t.T("k_follow_ups"), t.Int(len(g.FollowUps)), "", warnIf(len(g.FollowUps) > 0))
	p.kpi(t.N("k_obligations", ObligationAlertDays), t.Int(len(g.OldObligations)), "", warnIf(len(g.OldObligations) > 0))
	p.raw("</div>\n</section>\n")
}

func warnIf(b bool) string {
	if b {
		return "warn"
	}
	return ""
}

// Chart colours: outcome colours keep their meaning across charts.
const (
	colWon     = "#2f855a"
	colLost    = "#c53030"
	colPending = "#a0aec0"
	colAxis    = "#718096"
	colInk     = "#1a202c"
)

func (p *page) months(r *Report) {
	t := p.t
	p.section("months", t.T("s_months"))
	maxTotal := 0
	for _, m := range r.Months {
		maxTotal = max(maxTotal, m.Total())
	}
	step := max(1, (maxTotal+3)/4)
	top := step * max(1, (maxTotal+step-1)/step)
	const w, h, left, right, topPad, bottom = 760, 250, 36, 8, 16, 44
	slot := float64(w-left-right) / float64(len(r.Months))
	bar := slot * 0.62
	y := func(n int) float64 { return float64(topPad) + float64(h-topPad-bottom)*(1-float64(n)/float64(top)) }
	var summary []string
	for _, m := range r.Months {
		summary = append(summary, fmt.Sprintf("%s %d", t.Month(m.Start), m.Total()))
	}
	p.raw("<figure>\n")
	p.rawf(`<svg viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="months-title">`, w, h)
	p.raw(`<title id="months-title">`)
	p.text(t.T("chart_months", "summary", t.List(summary)))
	p.raw("</title>\n")
	for n := 0; n <= top; n += step {
		p.rawf(`<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e2e8f0"/>`, left, w-right, y(n), y(n))
		p.rawf(`<text x="%d" y="%.1f" text-anchor="end" font-size="11" fill="%s">%d</text>`+"\n", left-6, y(n)+4, colAxis, n)
	}
	for i, m := range r.Months {
		x := float64(left) + slot*float64(i) + (slot-bar)/2
		base := 0
		for _, part := range []struct {
			n     int
			color string
			name  string
		}{{m.Won, colWon, "won"}, {m.Lost, colLost, "lost"}, {m.Pending, colPending, "pending"}} {
			if part.n == 0 {
				continue
			}
			p.rawf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>`, x, y(base+part.n), bar, y(base)-y(base+part.n), part.color)
			p.text(t.Month(m.Start) + ": " + t.Int(part.n) + " " + t.Outcome(part.name))
			p.raw("</title></rect>\n")
			base += part.n
		}
		cx := x + bar/2
		if m.Total() > 0 {
			p.rawf(`<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" font-weight="600" fill="%s">%d</text>`, cx, y(m.Total())-4, colInk, m.Total())
		}
		label := t.MonthName(m.Start)
		if m.Partial {
			label += "*"
		}
		p.rawf(`<text x="%.1f" y="%d" text-anchor="middle" font-size="11" fill="%s">`, cx, h-bottom+16, colInk)
		p.text(label)
		p.raw("</text>")
		if i == 0 || m.Start.Month() == time.January {
			p.rawf(`<text x="%.1f" y="%d" text-anchor="middle" font-size="11" fill="%s">%d</text>`, cx, h-bottom+31, colAxis, m.Start.Year())
		}
		p.raw("\n")
	}
	p.raw("</svg>\n<figcaption>")
	p.legend([][2]string{{colWon, t.T("won")}, {colLost, t.T("lost")}, {colPending, t.T("pending")}})
	p.text(t.T("months_caption"))
	p.raw("</figcaption>\n</figure>\n")
	// The figures behind the chart, for screen readers and for copying.
	p.raw("<table class=\"data months\">\n<thead><tr>")
	p.th(t.T("month"))
	for _, m := range r.Months {
		label := t.MonthName(m.Start)
		if m.Partial {
			label += "*"
		}
		p.raw(`<th scope="col">`)
		p.text(label)
		p.rawf(`<span class="slug">%d</span></th>`, m.Start.Year())
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, row := range []struct {
		name string
		get  func(Month) int
	}{{"won", func(m Month) int { return m.Won }}, {"lost", func(m Month) int { return m.Lost }},
		{"pending", func(m Month) int { return m.Pending }}, {"total", Month.Total}} {
		p.raw("<tr>")
		p.raw(`<th scope="row">`)
		p.text(t.Outcome(row.name))
		p.raw("</th>")
		for _, m := range r.Months {
			p.el("td", "num", t.Int(row.get(m)))
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

// more notes how many rows a list left out, if any.
func (p *page) more(n int) {
	if n > 0 {
		p.el("p", "note", p.t.N("rows_more", n))
		p.raw("\n")
	}
}

func (p *page) th(s string) {
	p.raw(`<th scope="col">`)
	p.text(s)
	p.raw("</th>")
}

func (p *page) legend(items [][2]string) {
	p.raw(`<span class="legend">`)
	for _, it := range items {
		p.rawf(`<span><i style="background:%s"></i>`, it[0])
		p.text(it[1])
		p.raw("</span>")
	}
	p.raw("</span> ")
}

func (p *page) quota(r *Report) {
	t := p.t
	p.section("quota", t.T("s_quota"))
	var rows []Reference
	for _, ref := range r.References {
		if ref.Quota > 0 && ref.Asks > 0 {
			rows = append(rows, ref)
		}
	}
	if len(rows) == 0 {
		p.el("p", "ok", t.T("no_quota"))
		p.raw("\n</section>\n")
		return
	}
	slices.SortStableFunc(rows, func(a, b Reference) int {
		// Highest share first: a/b > c/d when a*d > c*b.
		return b.Asks*a.Quota - a.Asks*b.Quota
	})
	rows = rows[:min(len(rows), maxQuotaBars)]
	scale := 0
	for _, ref := range rows {
		scale = max(scale, ref.Asks, ref.Quota)
	}
	const w, label, right, rowH = 760, 250, 70, 26
	track := float64(w - label - right)
	h := rowH*len(rows) + 8
	var summary []string
	for _, ref := range rows {
		summary = append(summary, fmt.Sprintf("%s %d/%d", ref.Name, ref.Asks, ref.Quota))
	}
	p.raw("<figure>\n")
	p.rawf(`<svg viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="quota-title">`, w, h)
	p.raw(`<title id="quota-title">`)
	p.text(t.T("chart_quota", "summary", t.List(summary)))
	p.raw("</title>\n")
	for i, ref := range rows {
		y := 4 + i*rowH
		color := "#3182ce"
		if ref.Asks >= ref.Quota {
			color = colLost
		}
		p.rawf(`<text x="%d" y="%d" text-anchor="end" font-size="12" fill="%s">`, label-10, y+15, colInk)
		p.text(short(ref.Name, 24))
		p.raw("</text>")
		p.rawf(`<rect x="%d" y="%d" width="%.1f" height="14" rx="3" fill="#edf2f7"/>`, label, y+4, track*float64(ref.Quota)/float64(scale))
		p.rawf(`<rect x="%d" y="%d" width="%.1f" height="14" rx="3" fill="%s"><title>`, label, y+4, track*float64(ref.Asks)/float64(scale), color)
		p.text(fmt.Sprintf("%s: %d / %d", ref.Name, ref.Asks, ref.Quota))
		p.raw("</title></rect>")
		p.rawf(`<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="%s" stroke-width="2"/>`, float64(label)+track*float64(ref.Quota)/float64(scale), float64(label)+track*float64(ref.Quota)/float64(scale), y+1, y+21, colInk)
		p.rawf(`<text x="%.1f" y="%d" font-size="12" fill="%s">%d / %d</text>`+"\n", float64(label)+track*float64(max(ref.Asks, ref.Quota))/float64(scale)+8, y+15, colInk, ref.Asks, ref.Quota)
	}
	p.raw("</svg>\n<figcaption>")
	p.text(t.T("quota_caption"))
	p.raw("</figcaption>\n</figure>\n</section>\n")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// short cuts a label for a chart; the chart's title and the tables keep it whole.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (p *page) demand(r *Report, site *config.Site) {
	t, d, lang := p.t, r.Demand, r.Language
	p.section("demand", t.T("s_demand"))
	const cellW, cellH, labelW, headH = 78, 34, 190, 120
	w := labelW + cellW*len(d.ProjectTypes) + 110 // room for the last slanted heading
	h := headH + cellH*len(d.Industries) + 6
	p.raw("<figure>\n<div class=\"scroll\">")
	p.rawf(`<svg viewBox="0 0 %d %d" width="%d" role="img" aria-labelledby="demand-title" class="heat">`, w, h, w)
	p.raw(`<title id="demand-title">`)
	p.text(t.N("chart_demand", len(d.Gaps)))
	p.raw("</title>\n")
	for j, pt := range d.ProjectTypes {
		x := labelW + cellW*j + cellW/2
		p.rawf(`<text transform="translate(%d %d) rotate(-40)" font-size="11" fill="%s">`, x, headH-8, colInk)
		p.text(short(site.ProjectTypes.Label(pt, lang), 24))
		p.raw("</text>\n")
	}
	for i, ind := range d.Industries {
		y := headH + cellH*i
		p.rawf(`<text x="%d" y="%d" text-anchor="end" font-size="12" fill="%s">`, labelW-8, y+cellH/2+4, colInk)
		p.text(short(site.Industries.Label(ind, lang), 26))
		p.raw("</text>\n")
		for j, pt := range d.ProjectTypes {
			c := d.Cells[ind][pt]
			fill, ink := heatColour(c)
			x := labelW + cellW*j
			p.rawf(`<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#fff" stroke-width="2"><title>`, x, y, cellW, cellH, fill)
			p.text(t.T("cell_title", "industry", site.Industries.Label(ind, lang), "type", site.ProjectTypes.Label(pt, lang), "r", t.Int(c.References), "p", t.Int(c.Prospects)))
			p.raw("</title></rect>")
			label := fmt.Sprintf("%d / %d", c.References, c.Prospects)
			if c == (Cell{}) {
				label = "·" // empty cells stay quiet so that the others stand out
			}
			p.rawf(`<text x="%d" y="%d" text-anchor="middle" font-size="12" fill="%s">%s</text>`+"\n", x+cellW/2, y+cellH/2+4, ink, label)
		}
	}
	p.raw("</svg></div>\n<figcaption>")
	p.legend([][2]string{{"#c53030", t.T("legend_gap")}, {"#c6f6d5", t.T("legend_covered")}, {"#e2e8f0", t.T("legend_supply")}, {"#f7fafc", t.T("legend_empty")}})
	p.text(t.T("cell_legend") + ". " + t.T("demand_caption"))
	p.raw("</figcaption>\n</figure>\n")

	p.el("h3", "", t.T("s_gaps"))
	if len(d.Gaps) == 0 {
		p.el("p", "ok", t.T("no_gaps"))
	} else {
		p.raw("<table class=\"data\">\n<thead><tr>")
		p.th(t.T("industry"))
		p.th(t.T("project_type"))
		p.th(t.T("prospect"))
		p.raw("</tr></thead>\n<tbody>\n")
		for _, g := range d.Gaps {
			p.raw("<tr>")
			p.el("td", "", site.Industries.Label(g.Industry, lang))
			p.el("td", "", site.ProjectTypes.Label(g.ProjectType, lang))
			p.el("td", "num", t.Int(g.Prospects))
			p.raw("</tr>\n")
		}
		p.raw("</tbody>\n</table>\n")
	}

	p.el("h3", "", t.T("s_weak"))
	if len(d.Weak) == 0 {
		p.el("p", "ok", t.T("no_weak"))
		p.raw("\n</section>\n")
		return
	}
	p.el("p", "note", t.T("weak_intro", "n", t.Decimal(match.WeakScore)))
	p.raw("<table class=\"data\">\n<thead><tr>")
	p.th(t.T("prospect"))
	p.th(t.T("visit_date"))
	p.th(t.T("score"))
	p.th(t.T("best"))
	p.raw("</tr></thead>\n<tbody>\n")
	for _, wp := range d.Weak {
		p.raw("<tr>")
		p.el("td", "", wp.Prospect.Name)
		visit := t.T("na")
		if !wp.Prospect.VisitDate.IsZero() {
			visit = t.Date(wp.Prospect.VisitDate)
		}
		p.el("td", "", visit)
		p.el("td", "num", t.Decimal(match.Round(wp.Score)))
		best := t.T("no_match")
		if wp.Best != nil {
			best = wp.Best.Client
		}
		p.el("td", "", best)
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

// heatColour colours a demand cell: red where prospects find no reference
// (darker the more prospects), green where both meet.
func heatColour(c Cell) (fill, ink string) {
	switch {
	case c.Prospects > 0 && c.References == 0:
		return []string{"#feb2b2", "#f56565", "#c53030"}[min(c.Prospects, 3)-1], []string{colInk, "#fff", "#fff"}[min(c.Prospects, 3)-1]
	case c.Prospects > 0:
		return "#c6f6d5", colInk
	case c.References > 0:
		return "#e2e8f0", colInk
	default:
		return "#f7fafc", colAxis
	}
}

// Listed returns the references that earn a row in a table (asked, owed or
// alerted about), at most MaxRows of them, how many more of those there
// are, and how many references were left out as quiet.
func (r *Report) Listed() (rows []Reference, more, quiet int) {
	alerted := map[string]bool{}
	for _, a := range r.Alerts {
		alerted[a.Case] = true
	}
	for _, ref := range r.References {
		switch {
		case ref.Asks == 0 && len(ref.Obligations) == 0 && !alerted[ref.Case.Slug]:
			quiet++
		case len(rows) == MaxRows:
			more++
		default:
			rows = append(rows, ref)
		}
	}
	return rows, more, quiet
}

func (p *page) references(r *Report) {
	t := p.t
	p.section("references", t.T("s_refs"))
	p.el("p", "note", t.T("refs_intro"))
	consent := slices.ContainsFunc(r.References, func(ref Reference) bool { return ref.Consent != nil })
	p.raw("<div class=\"scroll\"><table class=\"data refs\">\n<thead><tr>")
	for _, k := range []string{"reference", "asks_heading", "visits_calls", "quota", "last_ask", "outcomes", "win_rate", "influenced", "open_promises", "health"} {
		p.th(t.T(k))
	}
	if consent {
		p.th(t.T("consent"))
	}
	p.raw("</tr></thead>\n<tbody>\n")
	rows, more, quiet := r.Listed()
	for _, ref := range rows {
		p.raw("<tr>")
		p.raw(`<th scope="row">`)
		p.text(ref.Name)
		p.raw(`<span class="slug">`)
		p.text(strings.Join(append([]string{ref.Case.Slug}, ref.Translations...), ", "))
		p.raw("</span></th>")
		class := "num"
		if ref.Quota > 0 && ref.Asks >= ref.Quota {
			class = "num over"
		}
		p.el("td", class, t.Int(ref.Asks))
		p.el("td", "num", t.Int(ref.Visits)+" / "+t.Int(ref.Calls))
		quota := t.T("no_limit")
		if ref.Quota > 0 {
			quota = t.Int(ref.Quota)
		}
		p.el("td", "num", quota)
		last := t.T("never")
		if !ref.LastAsk.IsZero() {
			last = t.Date(ref.LastAsk)
		}
		p.el("td", "date", last)
		p.el("td", "num", t.Int(ref.Won)+" / "+t.Int(ref.Lost)+" / "+t.Int(ref.Pending))
		p.el("td", "num", t.Percent(ref.WinRate))
		p.el("td", "num", t.Money(ref.Influenced))
		promises := t.T("na")
		if n := len(ref.Obligations); n > 0 {
			promises = t.T("oldest_days", "n", t.Int(n), "days", t.N("days", ref.Obligations[0].DaysOpen))
		}
		p.el("td", "", promises)
		p.raw(`<td class="health">`)
		if ref.Health.Level != "" {
			p.rawf(`<span class="dot %s"></span>`, html.EscapeString(ref.Health.Level))
			p.text(t.Outcome(ref.Health.Level))
		}
		if len(ref.Health.Reasons) > 0 {
			p.raw(`<span class="slug">`)
			p.text(t.List(ref.Health.Reasons))
			p.raw("</span>")
		}
		p.raw("</td>")
		if consent {
			p.el("td", "", consentText(ref.Consent, t))
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table></div>\n")
	p.more(more)
	if quiet > 0 {
		p.el("p", "note", t.N("refs_more", quiet))
	}
	p.raw("</section>\n")
}

func consentText(c *Consent, t Text) string {
	if c == nil {
		return t.T("consent_none")
	}
	s := t.T("consent_private")
	if c.Public {
		s = t.T("consent_public")
	}
	if !c.Expires.IsZero() {
		s += ", " + t.T("consent_until", "date", t.Date(c.Expires))
	}
	return s
}

func (p *page) followUps(r *Report) {
	t := p.t
	p.section("follow-ups", t.T("s_follow_ups"))
	if len(r.Programme.FollowUps) == 0 {
		p.el("p", "ok", t.T("no_follow_ups"))
		p.raw("\n</section>\n")
		return
	}
	p.raw("<table class=\"data\">\n<thead><tr>")
	for _, k := range []string{"entry", "prospect", "reference", "date", "due", "overdue"} {
		p.th(t.T(k))
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, f := range r.Programme.FollowUps[:min(len(r.Programme.FollowUps), MaxRows)] {
		p.raw("<tr>")
		p.el("td", "num", fmt.Sprint(f.N))
		p.el("td", "", cmpOr(f.ProspectName, f.Prospect))
		p.el("td", "", cmpOr(f.CaseName, f.Case))
		p.el("td", "date", t.Date(f.Date))
		p.el("td", "date", t.Date(f.Due))
		p.el("td", "num", t.Int(f.DaysOverdue))
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n")
	p.more(len(r.Programme.FollowUps) - MaxRows)
	p.raw("</section>\n")
}

func (p *page) obligations(r *Report) {
	t := p.t
	p.section("obligations", t.T("s_obligations"))
	var all []Obligation
	for _, ref := range r.References {
		all = append(all, ref.Obligations...)
	}
	if len(all) == 0 {
		p.el("p", "ok", t.T("no_obligations"))
		p.raw("\n</section>\n")
		return
	}
	slices.SortStableFunc(all, func(a, b Obligation) int { return b.DaysOpen - a.DaysOpen })
	p.raw("<table class=\"data\">\n<thead><tr>")
	for _, k := range []string{"entry", "reference", "prospect", "bonus", "date", "days_open"} {
		p.th(t.T(k))
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, o := range all[:min(len(all), MaxRows)] {
		class := ""
		if o.DaysOpen > ObligationAlertDays {
			class = "late"
		}
		p.open("tr", class)
		p.el("td", "num", fmt.Sprint(o.N))
		p.el("td", "", cmpOr(o.CaseName, o.Case))
		p.el("td", "", cmpOr(o.ProspectName, o.Prospect))
		p.el("td", "", o.Bonus)
		p.el("td", "date", t.Date(o.Date))
		p.el("td", "num", t.Int(o.DaysOpen))
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n")
	p.more(len(all) - MaxRows)
	p.raw("</section>\n")
}

// reportCSS styles the page on screen and on paper; system fonts only.
const reportCSS = `  :root { --ink: #1a202c; --muted: #4a5568; --line: #e2e8f0; --accent: #2b6cb0; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Yu Gothic", "Noto Sans CJK JP", "Noto Sans", sans-serif; color: var(--ink); background: #f7f8fa; }
  header.top { background: #1f2a44; color: #fff; padding: 1.6rem max(1.25rem, calc((100% - 68rem) / 2)) 1.4rem; }
  header.top h1 { margin: .35rem 0 .2rem; font-size: 1.75rem; font-weight: 650; letter-spacing: -.01em; }
  header.top .meta { margin: 0; color: #cbd5e0; }
  .private { display: inline-block; margin: 0; padding: .15rem .6rem; border-radius: 999px; background: #fed7d7; color: #822727; font-size: .8rem; font-weight: 600; }
  main { max-width: 68rem; margin: 0 auto; padding: .5rem 1.25rem 2rem; }
  section { margin: 1.25rem 0; padding: 1.25rem 1.4rem; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
  h2 { margin: 0 0 .8rem; font-size: 1.2rem; }
  h3 { margin: 1.2rem 0 .5rem; font-size: 1rem; }
  .alerts { margin: 0; padding: 0; list-style: none; counter-reset: a; }
  .alert { display: grid; grid-template-columns: 1.6rem 8rem minmax(0, 1fr); align-items: baseline; margin: 0 0 .35rem; padding: .4rem .8rem .4rem .6rem; border-left: 4px solid #ecc94b; background: #fffbeb; border-radius: 4px; counter-increment: a; font-size: .9rem; }
  .alert::before { content: counter(a); font-weight: 700; color: var(--muted); }
  .alert.obligation, .alert.health { border-color: #c53030; background: #fff5f5; }
  .alert.follow_up { border-color: #dd6b20; background: #fffaf0; }
  .tag { font-size: .7rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
  .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .8rem; }
  .kpi { padding: .8rem 1rem; border: 1px solid var(--line); border-radius: 8px; }
  .kpi.money { grid-column: span 2; }
  .kpi.money .value { font-size: 1.35rem; }
  .kpi.warn { border-color: #feb2b2; background: #fff5f5; }
  .kpi p { margin: 0; }
  .kpi .label { font-size: .8rem; color: var(--muted); font-weight: 600; }
  .kpi .value { font-size: 1.7rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.25; }
  .kpi .detail { font-size: .8rem; color: var(--muted); }
  figure { margin: 0 0 .8rem; }
  figcaption { margin-top: .4rem; font-size: .85rem; color: var(--muted); }
  .legend span { display: inline-flex; align-items: center; margin-right: .8rem; white-space: nowrap; }
  .legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; border-radius: 2px; border: 1px solid #cbd5e0; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; font-size: .85rem; }
  table.data { width: 100%; }
  th, td { padding: .35rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
  thead th { font-size: .75rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
  tbody th { font-weight: 600; }
  td.date, td.health { white-space: nowrap; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .over { color: #c53030; font-weight: 700; }
  tr.late td { background: #fff5f5; }
  .slug { display: block; font-size: .75rem; font-weight: 400; color: var(--muted); }
  .dot { display: inline-block; width: .6rem; height: .6rem; margin-right: .3rem; border-radius: 50%; }
  .dot.green { background: #38a169; } .dot.amber { background: #d69e2e; } .dot.red { background: #e53e3e; }
  .ok { margin: 0; color: #276749; }
  .note { color: var(--muted); font-size: .85rem; }
  table.months td, table.months th { padding: .2rem .35rem; font-size: .75rem; }
  footer { max-width: 68rem; margin: 0 auto 2rem; padding: 0 1.25rem; color: var(--muted); font-size: .8rem; }
  @page { size: A4; margin: 12mm; }
  @media print {
    body { background: #fff; font-size: 11px; }
    header.top { padding: 0 0 .6rem; background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
    header.top .meta { color: var(--muted); }
    main { max-width: none; padding: 0; }
    section { padding: .6rem 0; border: 0; border-radius: 0; }
    figure, .kpi, .alert, tr { break-inside: avoid; }
    h2, h3 { break-after: avoid; }
    .scroll { overflow: visible; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`
