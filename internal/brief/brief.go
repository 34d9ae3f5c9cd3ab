// Package brief writes the private briefing pack of a reference visit (SPEC
// §7): a PDF in the prospect's language with the prospect's profile and the
// seed's warnings, the recommended references with their private details
// and promises, a timed visit plan, the prepared questions and what to do
// after the visit. It is pure apart from the fonts, which are loaded once by
// LoadFonts: the clock, the ranking and the questions are passed in.
package brief

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/questions"
)

// Input is everything a pack is made from.
type Input struct {
	Site      *config.Site
	Prospect  *content.Prospect
	Matches   []match.Match     // the recommended references, best first
	Questions []questions.Group // the prepared question list
	Cases     []*content.Case   // the whole library, to join translations in the ledger
	Visits    []content.Visit   // the whole ledger
	// ProspectNames names the ledger's prospects by slug.
	ProspectNames map[string]string
	Today         time.Time // the date generated
	// SupportExport tells that a helpdesk export was read, so a reference
	// without health reasons has a clean support record.
	SupportExport bool
	Fonts         *Fonts
}

// pageCountAlias stands for the number of pages until the PDF is written;
// unlikely in any content, where it would be replaced too.
const pageCountAlias = "{refpack:pages}"

// pack is the state of one pack being written.
type pack struct {
	*doc
	in    Input
	lang  string
	links map[string]int // section -> internal link
	refs  []int          // internal link of each reference's section
	// history holds each reference's ledger entries, newest first.
	history [][]content.Visit
}

// Render lays out the pack and returns the PDF. Any character that no font
// can draw fails the whole pack: there is never a partial PDF.
func Render(in Input) (out []byte, err error) {
	defer func() {
		// The PDF library panics on some malformed input; a pack is never
		// worth crashing a run of a thousand.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("brief %s: internal error while laying out: %v", in.Prospect.Slug, r)
		}
	}()
	p := &pack{doc: newDoc(in.Fonts), in: in, lang: cmp.Or(in.Prospect.Language, in.Site.Language, "en"), links: map[string]int{}}
	p.cjkFirst = p.lang == "ja"
	p.metadata()
	for _, s := range []string{"profile", "refs", "plan", "questions", "after"} {
		p.links[s] = p.pdf.AddLink()
	}
	for _, m := range in.Matches {
		p.refs = append(p.refs, p.pdf.AddLink())
		p.history = append(p.history, p.ledger(m.Case))
	}
	p.pdf.SetFooterFunc(p.footer)
	p.pdf.AliasNbPages(pageCountAlias)

	p.cover()
	p.onNewPage = p.runningHeader
	p.profile()
	p.references()
	for i, m := range in.Matches {
		p.reference(i, m)
	}
	p.plan()
	p.questionList()
	p.after()

	if p.err != nil {
		return nil, p.err
	}
	if p.pdf.Err() {
		return nil, p.pdf.Error()
	}
	var b bytes.Buffer
	if err := p.pdf.Output(&b); err != nil {
		return nil, err
	}
	return tagSubsets(b.Bytes()), nil
}

func (p *pack) t(key string, pairs ...string) string { return tr(p.lang, key, pairs...) }
func (p *pack) date(t time.Time) string              { return FormatDate(t, p.lang) }

func (p *pack) metadata() {
	pr := p.in.Prospect
	f := p.pdf
	f.SetTitle(p.clean(p.t("doc_title")+": "+pr.Name), true)
	f.SetSubject(p.clean(p.t("subject", "name", pr.Name)), true)
	f.SetAuthor(p.clean(cmp.Or(p.in.Site.Title, "refpack")), true)
	f.SetCreator("refpack", true)
	f.SetProducer("refpack (go-pdf/fpdf)", true)
	kw := []string{p.t("keywords"), pr.Slug}
	for _, m := range p.in.Matches {
		kw = append(kw, m.Case.Slug)
	}
	f.SetKeywords(p.clean(strings.Join(kw, ", ")), true)
	f.SetLang(p.lang)
	f.SetCreationDate(p.in.Today)
	f.SetModificationDate(p.in.Today)
	f.SetCatalogSort(true)
}

func (p *pack) footer() {
	y := pageH - 11
	p.rule(y-4.5, colRule, 0.2)
	s := p.t("page_of", "n", itoa(p.pdf.PageNo()), "N", pageCountAlias)
	// The page count is only known at the end: leave room for as many
	// digits as this page's number has, so the longest case still fits.
	w := p.width(strings.ReplaceAll(s, pageCountAlias, strings.Repeat("0", max(2, len(itoa(p.pdf.PageNo()))))), stRunning)
	p.draw(pageW-marginR-w, y, s, stRunning)
	p.draw(marginL, y, p.clean(p.t("confidential")), stRunning)
}

func (p *pack) runningHeader() {
	y := 13.0
	name := p.clean(p.in.Prospect.Name)
	title := p.clean(p.t("doc_title"))
	p.draw(marginL, y, title, style{size: stRunning.size, bold: true, color: colHeading})
	if w := p.width(name, stRunning); w < contentW-p.width(title, stRunning)-10 {
		p.draw(pageW-marginR-w, y, name, stRunning)
	}
	p.rule(y+2.5, colRule, 0.2)
}

// section starts a top-level section on a new page, with its bookmark and
// the target of its internal link.
func (p *pack) section(key string, num int) {
	p.newPage()
	title := p.clean(itoa(num) + ". " + p.t("s_"+key))
	p.pdf.Bookmark(title, 0, p.y)
	p.pdf.SetLink(p.links[key], p.y, -1)
	p.heading(title, stH1, 10)
	p.rule(p.y+0.5, colHeading, 0.5)
	p.y += 5
}

func (p *pack) sub(title string) {
	p.y += 1.5
	p.heading(title, stH2, 22)
	p.y += 1.5
}

func (p *pack) cover() {
	pr := p.in.Prospect
	f := p.pdf
	f.AddPage()
	p.fill(colHeading)
	f.Rect(0, 0, pageW, 92, "F")
	p.y = 30
	p.draw(marginL, p.y, p.clean(strings.ToUpper(p.t("doc_title"))), style{size: 10, bold: true, color: rgb{180, 200, 230}})
	p.y += 10
	f.Bookmark(p.clean(pr.Name), 0, 0)
	title := style{size: 26, bold: true, color: colWhite}
	lines := p.wrap(p.clean(pr.Name), title, contentW)
	if len(lines) > 2 {
		title.size = 20
		lines = p.wrap(p.clean(pr.Name), title, contentW)
	}
	for _, l := range lines {
		p.y += title.lineH()
		p.draw(marginL, p.y-title.lineH()*0.22, l, title)
	}
	p.y += 6
	sub := style{size: 11, color: rgb{214, 226, 242}}
	p.para(p.t("prepared_for", "name", pr.Name), sub, marginL, contentW)

	// The confidentiality notice, impossible to miss.
	p.y = 104
	conf := style{size: 12, bold: true, color: colDanger}
	cl := p.wrap(p.clean(p.t("confidential")), conf, contentW-12)
	h := float64(len(cl))*conf.lineH() + 7
	p.drawC(colDanger)
	f.SetLineWidth(0.6)
	f.Rect(marginL, p.y, contentW, h, "D")
	p.y += 3.5
	for _, l := range cl {
		p.draw(marginL+(contentW-p.width(l, conf))/2, p.y+conf.lineH()*0.78, l, conf)
		p.y += conf.lineH()
	}
	p.y += 12

	visit := p.t("not_planned")
	if !pr.VisitDate.IsZero() {
		visit = p.date(pr.VisitDate)
	}
	var refs []string
	for i, m := range p.in.Matches {
		refs = append(refs, itoa(i+1)+". "+m.Case.Client)
	}
	p.pairs([][2]string{
		{p.t("visit_date"), visit},
		{p.t("generated"), p.date(p.in.Today)},
		{p.t("stage"), trOr(p.lang, "stage_", pr.Stage)},
		{p.t("references_n"), cmp.Or(strings.Join(refs, "\n"), "—")},
	})
	p.y += 6
	p.heading(p.t("contents"), stH2, 30)
	p.y += 1
	n := 2
	p.tocLine(itoa(1)+". "+p.t("s_profile"), p.links["profile"], 0)
	p.tocLine(itoa(2)+". "+p.t("s_refs"), p.links["refs"], 0)
	for i, m := range p.in.Matches {
		p.tocLine(itoa(2)+"."+itoa(i+1)+" "+m.Case.Client, p.refs[i], 6)
	}
	for _, k := range []string{"plan", "questions", "after"} {
		n++
		p.tocLine(itoa(n)+". "+p.t("s_"+k), p.links[k], 0)
	}
}

func (p *pack) tocLine(s string, link int, indent float64) {
	s = p.clean(s)
	st := stBody
	if indent == 0 {
		st = stBold
	}
	lines := p.wrap(s, st, contentW-indent)
	lh := st.lineH() + 0.6
	top := p.y
	for _, l := range lines {
		p.ensure(lh)
		p.draw(marginL+indent, p.y+lh*0.75, l, st)
		p.y += lh
	}
	p.pdf.Link(marginL+indent, top, contentW-indent, p.y-top, link)
}

func (p *pack) profile() {
	pr := p.in.Prospect
	site := p.in.Site
	p.section("profile", 1)
	p.heading(p.clean(pr.Name), stH2, 10)
	p.y += 1
	var pts []string
	for _, k := range pr.ProjectTypes {
		pts = append(pts, site.ProjectTypes.Label(k, p.lang))
	}
	var comp []string
	for _, d := range pr.CompetitorVisits {
		comp = append(comp, p.date(d))
	}
	visit := p.t("not_planned")
	if !pr.VisitDate.IsZero() {
		visit = p.date(pr.VisitDate)
	}
	region := ""
	if pr.Region != "" {
		region = site.Regions.Label(pr.Region, p.lang)
	}
	p.pairs([][2]string{
		{p.t("industry"), site.Industries.Label(pr.Industry, p.lang)},
		{p.t("project_types"), strings.Join(pts, p.t("list_sep"))},
		{p.t("scale"), p.scale(pr.Scale)},
		{p.t("region"), region},
		{p.t("stage"), trOr(p.lang, "stage_", pr.Stage)},
		{p.t("visit_date"), visit},
		{p.t("competitors"), strings.Join(comp, p.t("list_sep"))},
		{p.t("notes"), pr.Notes},
	})

	warnings := p.warnings()
	if len(warnings) == 0 {
		p.box(p.t("warnings"), []string{p.t("w_none")}, rgb{232, 245, 236}, colGreen, stBody)
	} else {
		p.box(p.t("warnings"), warnings, colWarnBg, colWarn, stBody)
	}

	p.sub(p.t("must_see"))
	if len(pr.MustSee) == 0 {
		p.text(p.t("no_must_see"), stBody)
	} else {
		p.bullets(pr.MustSee, stBody, "•")
	}

	p.sub(p.t("participants"))
	t := table{widths: []float64{0.34, 0.46, 0.20}, header: []string{p.t("name"), p.t("role"), p.t("side")}}
	for _, x := range pr.Participants {
		side := trOr(p.lang, "side_", x.Side)
		st := stBody
		if x.Side == "business" {
			st = style{size: stBody.size, bold: true, color: colWarn}
		}
		t.rows = append(t.rows, []cell{{text: x.Name, style: stBold}, {text: x.Role, style: stBody}, {text: side, style: st}})
	}
	p.table(t)
}

// warnings are the seed's warnings that apply to the prospect.
func (p *pack) warnings() []string {
	pr := p.in.Prospect
	var out []string
	if i := slices.Index(content.Stages, pr.Stage); i >= 0 && i < slices.Index(content.Stages, "shortlist") {
		out = append(out, p.t("w_stage", "stage", trOr(p.lang, "stage_", pr.Stage)))
	}
	if limit := p.in.Site.Brief.MaxDelegates; limit > 0 && len(pr.Participants) > limit {
		out = append(out, p.t("w_delegates", "n", itoa(len(pr.Participants)), "max", itoa(limit)))
	}
	if !pr.VisitDate.IsZero() {
		var later []string
		for _, d := range pr.CompetitorVisits {
			if d.After(pr.VisitDate) {
				later = append(later, p.date(d))
			}
		}
		if len(later) > 0 {
			out = append(out, p.t("w_competitor", "dates", strings.Join(later, p.t("list_sep"))))
		}
	}
	var business []string
	for _, x := range pr.Participants {
		if x.Side == "business" {
			business = append(business, x.Name)
		}
	}
	if len(business) > 0 {
		out = append(out, p.t("w_business", "names", strings.Join(business, p.t("list_sep"))))
	}
	return out
}

func (p *pack) scale(s content.Scale) string {
	var parts []string
	for _, f := range s.Fields() {
		if f.Value > 0 {
			parts = append(parts, match.Number(f.Value, p.lang)+" "+p.t(f.Name))
		}
	}
	return strings.Join(parts, " · ")
}

func (p *pack) references() {
	p.section("refs", 2)
	if len(p.in.Matches) == 0 {
		p.box(p.t("warnings"), []string{p.t("no_refs")}, colWarnBg, colWarn, stBody)
		return
	}
	t := table{widths: []float64{0.07, 0.30, 0.11, 0.52}, header: []string{p.t("rank"), p.t("reference"), p.t("score"), p.t("reasons")}}
	for i, m := range p.in.Matches {
		name := m.Case.Client
		t.rows = append(t.rows, []cell{
			{text: itoa(i + 1), style: stBold, link: p.refs[i]},
			{text: name, style: style{size: stBody.size, bold: true, color: colAccent}, sub: m.Case.Title, subStyle: stSmall},
			{text: fmt.Sprintf("%.2f", match.Round(m.Score)), style: stBold},
			{text: "• " + strings.Join(m.Reasons, "\n• "), style: stSmallText},
		})
	}
	p.table(t)
}

var stSmallText = style{size: 8.3, color: colText}

// ledger returns the ledger entries of c's customer, newest first: those of
// c and of the cases joined to it by translation_of (the same customer).
func (p *pack) ledger(c *content.Case) []content.Visit {
	group := []string{c.Slug}
	if c.TranslationOf != "" {
		group = append(group, c.TranslationOf)
	}
	for _, x := range p.in.Cases {
		if x.TranslationOf != "" && slices.Contains(group, x.TranslationOf) && !slices.Contains(group, x.Slug) {
			group = append(group, x.Slug)
		}
	}
	var hist []content.Visit
	for _, v := range p.in.Visits {
		if slices.Contains(group, v.Case) {
			hist = append(hist, v)
		}
	}
	slices.SortStableFunc(hist, func(a, b content.Visit) int { return b.Date.Compare(a.Date) })
	return hist
}

func (p *pack) reference(i int, m match.Match) {
	c := m.Case
	site := p.in.Site
	p.newPage()
	title := p.clean(itoa(2) + "." + itoa(i+1) + " " + c.Client)
	p.pdf.Bookmark(title, 1, p.y)
	p.pdf.SetLink(p.refs[i], p.y, -1)
	p.heading(title, stH1, 10)
	p.para(c.Title, style{size: 10.5, color: colMuted}, marginL, contentW)
	p.rule(p.y+1.5, colHeading, 0.5)
	p.y += 6

	p.text(c.Summary, stBody)
	if m.PacksOnly {
		p.text(p.t("packs_only_note"), stBody)
	} else {
		p.link(p.t("public_page")+":", site.AbsURL("cases/"+c.Slug+"/"))
	}
	var pts []string
	for _, k := range c.ProjectTypes {
		pts = append(pts, site.ProjectTypes.Label(k, p.lang))
	}
	published := ""
	if c.Anonymous {
		published = c.Alias + " (" + p.t("anonymous_note") + ")"
	}
	golive := ""
	if !c.GoLive.IsZero() {
		golive = p.date(c.GoLive)
	}
	region := ""
	if c.Region != "" {
		region = site.Regions.Label(c.Region, p.lang)
	}
	p.pairs([][2]string{
		{p.t("published_as"), published},
		{p.t("score"), fmt.Sprintf("%.2f", match.Round(m.Score))},
		{p.t("industry"), site.Industries.Label(c.Industry, p.lang)},
		{p.t("project_types"), strings.Join(pts, p.t("list_sep"))},
		{p.t("region"), region},
		{p.t("status"), trOr(p.lang, "status_", cmp.Or(c.Status, "live"))},
		{p.t("go_live"), golive},
		{p.t("products"), strings.Join(c.Products, p.t("list_sep"))},
		{p.t("scale"), p.scale(c.Scale)},
	})

	if len(c.Metrics) > 0 {
		p.sub(p.t("metrics"))
		t := table{widths: []float64{0.45, 0.55}}
		for _, x := range c.Metrics {
			t.rows = append(t.rows, []cell{{text: x.Label, style: stBody}, {text: x.Value, style: stBold}})
		}
		p.pairsTable(t)
	}
	if len(c.Quotes) > 0 {
		p.sub(p.t("quotes"))
		for _, q := range c.Quotes {
			p.quote(q)
		}
	}

	r := c.Reference
	var willing []string
	if r.Visit {
		willing = append(willing, p.t("host_visit"))
	}
	if r.Call {
		willing = append(willing, p.t("take_call"))
	}
	perYear := p.t("no_limit")
	if r.MaxVisitsPerYear > 0 {
		perYear = itoa(r.MaxVisitsPerYear)
	}
	lines := []string{
		p.t("contact") + ": " + cmp.Or(r.Contact, "—"),
		p.t("health") + ": " + trOr(p.lang, "health_", cmp.Or(m.Health.Health, r.Health, "green")),
		p.t("support") + ": " + cmp.Or(r.Support, "—"),
		p.t("willing") + ": " + cmp.Or(strings.Join(willing, p.t("list_sep")), "—"),
		p.t("visits_per_year") + ": " + perYear,
	}
	if r.Notes != "" {
		lines = append(lines, p.t("notes")+": "+r.Notes)
	}
	p.y += 2
	p.box(p.t("private"), lines, colPrivBg, colPriv, stBody)
	p.supportAndConsent(m)

	p.sub(p.t("history"))
	hist := p.history[i]
	var open []string
	if len(hist) == 0 {
		p.text(p.t("no_history"), stBody)
	} else {
		t := table{widths: []float64{0.17, 0.22, 0.10, 0.12, 0.39},
			header: []string{p.t("date"), p.t("prospect"), p.t("kind"), p.t("outcome"), p.t("bonus")}}
		for _, v := range hist {
			bonus := ""
			bst := stSmallText
			if v.Bonus != "" {
				if v.BonusDelivered {
					bonus = v.Bonus + " (" + p.t("delivered") + ")"
				} else {
					bonus = v.Bonus + " (" + p.t("not_delivered") + ")"
					bst = style{size: stSmallText.size, bold: true, color: colDanger}
					open = append(open, v.Bonus+" — "+p.date(v.Date)+", "+cmp.Or(p.in.ProspectNames[v.Prospect], v.Prospect))
				}
			}
			t.rows = append(t.rows, []cell{
				{text: p.date(v.Date), style: stSmallText},
				{text: cmp.Or(p.in.ProspectNames[v.Prospect], v.Prospect), style: stSmallText},
				{text: trOr(p.lang, "kind_", v.Kind), style: stSmallText},
				{text: trOr(p.lang, "outcome_", v.Outcome), style: stSmallText},
				{text: bonus, style: bst},
			})
		}
		p.table(t)
	}
	if len(open) > 0 {
		p.box(p.t("obligations"), open, rgb{253, 236, 236}, colDanger, stBody)
	} else {
		p.text(p.t("obligations")+": "+p.t("no_obligations"), stSmall)
	}
}

// supportAndConsent shows what the helpdesk export says of the customer
// and whether the customer agreed to a public case study (SPEC §7, 4).
func (p *pack) supportAndConsent(m match.Match) {
	p.sub(p.t("support_consent"))
	var lines []string
	for _, r := range m.HealthReasons {
		lines = append(lines, r+" — "+p.t("settle"))
	}
	if len(lines) == 0 && p.in.SupportExport {
		lines = append(lines, p.t("support_quiet"))
	}
	cs := m.Case.Consent
	switch {
	case m.PacksOnly:
		lines = append(lines, p.t("consent")+": "+p.t("packs_only"))
	case cs == nil:
		lines = append(lines, p.t("consent")+": "+p.t("consent_none"))
	case cs.Expires.IsZero():
		lines = append(lines, p.t("consent")+": "+p.t("consent_public"))
	default:
		lines = append(lines, p.t("consent")+": "+p.t("consent_until", "date", p.date(cs.Expires)))
	}
	if cs != nil && cs.ApprovedBy != "" {
		approved := cs.ApprovedBy
		if !cs.ApprovedOn.IsZero() {
			approved += ", " + p.date(cs.ApprovedOn)
		}
		lines = append(lines, p.t("approved_by")+": "+approved)
	}
	p.bullets(lines, stBody, "•")
}

// pairsTable is a borderless table without a header.
func (p *pack) pairsTable(t table) {
	for _, row := range t.rows {
		l := p.wrap(p.clean(row[0].text), row[0].style, t.widths[0]*contentW-2*cellPadX)
		v := p.wrap(p.clean(row[1].text), row[1].style, t.widths[1]*contentW-2*cellPadX)
		h := float64(max(len(l), len(v)))*stBody.lineH() + 2*cellPadY
		p.ensure(h)
		p.drawRow(row, [][]string{l, v}, []float64{t.widths[0] * contentW, t.widths[1] * contentW}, p.y)
		p.y += h
		p.rule(p.y, colRule, 0.15)
	}
	p.y += 4
}

func (p *pack) quote(q content.Quote) {
	st := style{size: 10, color: colText}
	text := p.clean(p.t("quote_open") + q.Text + p.t("quote_close"))
	lines := p.wrap(text, st, contentW-8)
	lh := st.lineH()
	p.ensure(lh*float64(min(len(lines), 3)) + 6)
	top := p.y
	for _, l := range lines {
		if p.y+lh > pageH-marginB {
			p.fill(colAccent)
			p.pdf.Rect(marginL, top, 1, p.y-top, "F")
			p.newPage()
			top = p.y
		}
		p.draw(marginL+6, p.y+lh*0.78, l, st)
		p.y += lh
	}
	if q.Author != "" {
		p.ensure(stSmall.lineH())
		p.draw(marginL+6, p.y+stSmall.lineH()*0.9, p.clean("— "+q.Author), stSmall)
		p.y += stSmall.lineH() + 0.5
	}
	p.fill(colAccent)
	p.pdf.Rect(marginL, top, 1, p.y-top, "F")
	p.y += 4
}

// plan is the three-part visit of the seed, timed to max_visit_minutes,
// with a time slot for every must-see item in the customer's part.
func (p *pack) plan() {
	pr := p.in.Prospect
	p.section("plan", 3)
	total := cmp.Or(p.in.Site.Brief.MaxVisitMinutes, config.DefaultBrief.MaxVisitMinutes)
	p1 := roundTo(total*25/100, 5, total)
	p3 := roundTo(total*30/100, 5, total)
	p2 := total - p1 - p3
	host := p.t("plan_host_none")
	if len(p.in.Matches) > 0 {
		host = p.in.Matches[0].Case.Client
	}
	p.text(p.t("plan_intro", "host", host, "total", itoa(total)), stBody)
	t := table{widths: []float64{0.15, 0.20, 0.65}, header: []string{p.t("time"), p.t("led_by"), p.t("part")}}
	span := func(a, b int) string { return clock(a) + "–" + clock(b) + "\n" + p.t("minutes", "n", itoa(b-a)) }
	bold := func(s string) cell { return cell{text: s, style: stBold} }
	part := func(n int, key string) cell {
		return cell{text: itoa(n) + ". " + p.t(key), style: stBold, sub: p.t(key + "_text"), subStyle: stBody}
	}
	t.rows = append(t.rows, []cell{bold(span(0, p1)), {text: p.t("by_us"), style: stBody}, part(1, "part1")})
	t.rows = append(t.rows, []cell{bold(span(p1, p1+p2)), {text: p.t("by_customer"), style: stBody}, part(2, "part2")})
	if n := len(pr.MustSee); n > 0 {
		for i, item := range pr.MustSee {
			a, b := p1+p2*i/n, p1+p2*(i+1)/n
			t.rows = append(t.rows, []cell{{text: span(a, b), style: stSmallText}, {text: "", style: stBody},
				{text: "2." + itoa(i+1) + "  " + item, style: stSmallText}})
		}
	} else {
		t.rows = append(t.rows, []cell{{text: "", style: stBody}, {text: "", style: stBody}, {text: p.t("no_must_see"), style: stSmallText}})
	}
	t.rows = append(t.rows, []cell{bold(span(p1+p2, total)), {text: p.t("by_all"), style: stBody}, part(3, "part3")})
	p.table(t)
}

// roundTo rounds n to a multiple of step, at least 1 and less than total.
func roundTo(n, step, total int) int {
	if total >= 4*step {
		n = (n + step/2) / step * step
	}
	return max(1, min(n, total-2))
}

func clock(min int) string {
	m := min % 60
	s := itoa(min/60) + ":"
	if m < 10 {
		s += "0"
	}
	return s + itoa(m)
}

func (p *pack) questionList() {
	p.section("questions", 4)
	total := 0
	for _, g := range p.in.Questions {
		total += len(g.Questions)
	}
	if total == 0 {
		p.text(p.t("no_questions"), stBody)
		return
	}
	p.text(p.t("q_intro", "n", itoa(total)), stSmall)
	n := 0
	for _, g := range p.in.Questions {
		p.y += 1
		p.heading(g.Label, stH3, 10)
		p.y += 1.5
		for _, q := range g.Questions {
			n++
			p.item(itoa(n)+".", q.Text, stBody, 0, 8)
			if len(q.Askers) > 0 {
				p.para(p.t("asked_by", "names", strings.Join(q.Askers, p.t("list_sep"))), style{size: 8, color: colMuted}, marginL+8, contentW-8)
				p.y += 1
			}
		}
		p.y += 2
	}
}

func (p *pack) after() {
	pr := p.in.Prospect
	p.section("after", 5)
	days := p.in.Site.Brief.FollowUpDays
	follow := p.t("a_followup_none", "n", itoa(days))
	if !pr.VisitDate.IsZero() {
		follow = p.t("a_followup", "date", p.date(AddWorkingDays(pr.VisitDate, days)), "n", itoa(days))
	}
	p.check(p.t("a_debrief"), stBody)
	p.check(follow, stBold)
	p.check(p.t("a_send"), stBody)
	var open []string
	for i, m := range p.in.Matches {
		for _, v := range p.history[i] {
			if v.Bonus != "" && !v.BonusDelivered {
				open = append(open, p.t("open_bonus", "client", m.Case.Client, "bonus", v.Bonus, "date", p.date(v.Date)))
			}
		}
	}
	if len(open) == 0 {
		p.check(p.t("a_deliver_none"), stBody)
	} else {
		p.check(p.t("a_deliver"), stBody)
		for _, o := range open {
			p.item("–", o, stBody, 8, 12)
		}
		p.y += 2
	}
	// The command to run after the visit, ready to copy: the top reference,
	// this prospect and the planned date.
	cmd := "refpack visit add CASE " + pr.Slug + " --date YYYY-MM-DD"
	if len(p.in.Matches) > 0 {
		cmd = "refpack visit add " + p.in.Matches[0].Case.Slug + " " + pr.Slug
		if !pr.VisitDate.IsZero() {
			cmd += " --date " + pr.VisitDate.Format(time.DateOnly)
		} else {
			cmd += " --date YYYY-MM-DD"
		}
	}
	p.check(p.t("a_record", "cmd", cmd), stBody)
}

// check is an item of the after-the-visit checklist, with a box to tick.
func (p *pack) check(s string, st style) {
	s = p.clean(s)
	lines := p.wrap(s, st, contentW-8)
	lh := st.lineH()
	p.ensure(lh * float64(min(len(lines), 2)))
	p.drawC(colHeading)
	p.pdf.SetLineWidth(0.3)
	p.pdf.Rect(marginL+0.5, p.y+lh*0.18, 3.4, 3.4, "D")
	for _, l := range lines {
		p.ensure(lh)
		p.draw(marginL+8, p.y+lh*0.78, l, st)
		p.y += lh
	}
	p.y += 3
}
