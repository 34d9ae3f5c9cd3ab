// Package brief writes the private briefing pack of a reference visit
// (README, "`refpack brief`"): a PDF in the prospect's language with the
// prospect's profile and warnings, the recommended references with their
// private details and promises, a timed visit plan, the prepared questions
// and what to do after the visit. It is pure apart from the fonts, which
// are loaded once by LoadFonts: the clock, the ranking and the questions
// are passed in.
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
	"github.com/refpack/refpack/internal/locale"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/publish"
	"github.com/refpack/refpack/internal/questions"
)

// Input is everything a pack is made from.
type Input struct {
	Site      *config.Site
	Prospect  *content.Prospect
	Matches   []match.Match     // the recommended references, best first
	Calls     []match.Match     // the call references, best first
	Pages     []match.Match     // the published case studies closest to the prospect
	Questions []questions.Group // the prepared question list
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
	cat   *locale.Catalogue // the strings of lang, from its [pack] section
	links map[string]int    // section -> internal link
	refs  []int             // internal link of each reference's section
	// history holds each reference's ledger entries, newest first.
	history [][]content.Visit
	// pages is the page of every link target, for the contents: learnt
	// by a first layout that draws nothing (nil during it).
	pages map[int]int
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
	// The contents give page numbers, known only once the pack is laid
	// out: a first layout learns them. The contents take the same room
	// whatever the numbers, so the second layout breaks pages alike.
	first := newPack(in, nil)
	first.write()
	if first.err != nil {
		return nil, first.err
	}
	p := newPack(in, first.pageOf)
	p.wraps = first.wraps
	p.write()
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
	return compactFonts(tagSubsets(b.Bytes())), nil
}

func newPack(in Input, pages map[int]int) *pack {
	p := &pack{doc: newDoc(in.Fonts), in: in, lang: cmp.Or(in.Prospect.Language, in.Site.Language, "en"), links: map[string]int{}, pages: pages}
	p.cat = locale.For(p.lang)
	p.cjkFirst = p.lang == "ja"
	p.dry = pages == nil
	return p
}

// write lays out the whole pack.
func (p *pack) write() {
	p.metadata()
	for _, s := range []string{"profile", "refs", "lighter", "plan", "questions", "after"} {
		p.links[s] = p.pdf.AddLink()
	}
	for _, m := range p.in.Matches {
		p.refs = append(p.refs, p.pdf.AddLink())
		p.history = append(p.history, p.ledger(m))
	}
	p.pdf.SetFooterFunc(p.footer)
	p.pdf.AliasNbPages(pageCountAlias)

	p.cover()
	p.onNewPage = p.runningHeader
	p.newPage()
	p.contents()
	p.profile()
	p.references()
	for i, m := range p.in.Matches {
		p.reference(i, m)
	}
	p.plan()
	p.questionList()
	p.after()
}

// t returns the pack's string key with its {name} placeholders filled from
// pairs of name and value.
func (p *pack) t(key string, pairs ...string) string { return p.cat.T("pack."+key, pairs...) }

// n returns the counted phrase key in the plural form for n.
func (p *pack) n(key string, n int, pairs ...string) string {
	return p.cat.N("pack."+key, n, pairs...)
}

// enum translates the enumeration value v with prefix ("stage_", "side_"),
// or returns v when the pack has no word for it.
func (p *pack) enum(prefix, v string) string {
	if p.cat.Has("pack." + prefix + v) {
		return p.t(prefix + v)
	}
	return v
}

func (p *pack) date(t time.Time) string { return p.cat.Date(t) }

// score writes a match score rounded as match rounds it, with the
// language's decimal mark.
func (p *pack) score(s float64) string { return p.cat.Decimal(match.Round(s), 2) }

func (p *pack) metadata() {
	pr := p.in.Prospect
	f := p.pdf
	f.SetTitle(p.clean(p.t("doc_title")+": "+pr.Name), true)
	f.SetSubject(p.clean(p.t("subject", "name", pr.Name)), true)
	f.SetAuthor(p.clean(cmp.Or(p.in.Site.Title, "refpack")), true)
	f.SetCreator("refpack", true)
	f.SetProducer("refpack (go-pdf/fpdf)", true)
	// The marker lets a build recognise a pack copied into a bundle.
	kw := []string{p.t("keywords"), pr.Slug, publish.PackMarker}
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

// gap adds space between blocks, except at the top of a page.
func (p *pack) gap(h float64) {
	if p.y > marginT+0.01 {
		p.y += h
	}
}

// head sets a heading kept with keep mm of what follows, with an outline
// entry at level (-1: none) and as the target of link (0: none).
func (p *pack) head(title string, st style, keep float64, level, link int) {
	title = p.clean(title)
	lines := p.wrap(title, st, contentW)
	lh := st.lineH()
	p.ensure(lh*float64(len(lines)) + keep)
	if level >= 0 {
		p.bookmark(title, level)
	}
	if link != 0 {
		p.anchor(link)
	}
	for _, l := range lines {
		p.draw(marginL, p.y+lh*0.8, l, st)
		p.y += lh
	}
}

// section starts a top-level section where the previous one ends, its
// heading kept with first (the section's opening block, nil for none).
func (p *pack) section(key string, num int, first func()) {
	p.gap(9)
	p.keep(func() {
		p.head(itoa(num)+". "+p.t("s_"+key), stH1, 30, 0, p.links[key])
		p.rule(p.y+0.5, colHeading, 0.5)
		p.y += 5
		if first != nil {
			first()
		}
	})
}

func (p *pack) sub(title string) {
	p.gap(1.5)
	p.heading(title, stH2, 22)
	p.y += 1.5
}

// cover is the one-page summary carried into the meeting: the
// dates, the confidentiality notice, the warnings and the references one
// line each, and the must-see items. Lists longer than the page point to
// their section.
func (p *pack) cover() {
	pr := p.in.Prospect
	p.newPage()
	p.pdf.Bookmark(p.clean(pr.Name), 0, 0)

	title := style{size: 22, bold: true, color: colWhite}
	name := p.clean(pr.Name)
	lines := p.wrap(name, title, contentW)
	if len(lines) > 2 {
		title.size = 16
		lines = p.wrap(name, title, contentW)
		if len(lines) > 3 {
			lines = []string{lines[0], lines[1], p.fit(strings.Join(lines[2:], " "), title, contentW)}
		}
	}
	sub := style{size: 10, color: rgb{214, 226, 242}}
	banner := 22 + float64(len(lines))*title.lineH() + 3 + sub.lineH() + 7
	p.fill(colHeading)
	p.rect(0, 0, pageW, banner, "F")
	p.draw(marginL, 16, p.clean(strings.ToUpper(p.t("doc_title"))), style{size: 9, bold: true, color: rgb{180, 200, 230}})
	p.y = 20
	for _, l := range lines {
		p.y += title.lineH()
		p.draw(marginL, p.y-title.lineH()*0.22, l, title)
	}
	p.y += 3
	p.draw(marginL, p.y+sub.lineH()*0.75, p.fit(p.clean(p.t("prepared_for", "name", pr.Name)), sub, contentW), sub)

	// The confidentiality notice, impossible to miss.
	p.y = banner + 6
	conf := style{size: 11, bold: true, color: colDanger}
	cl := p.fit(p.clean(p.t("confidential")), conf, contentW-8)
	h := conf.lineH() + 5
	p.drawC(colDanger)
	p.pdf.SetLineWidth(0.6)
	p.rect(marginL, p.y, contentW, h, "D")
	p.draw(marginL+(contentW-p.width(cl, conf))/2, p.y+2.5+conf.lineH()*0.78, cl, conf)
	p.y += h + 5

	visit, follow := p.t("not_planned"), p.t("not_planned")
	if !pr.VisitDate.IsZero() {
		visit = p.date(pr.VisitDate)
		follow = p.date(AddWorkingDays(pr.VisitDate, p.in.Site.Brief.FollowUpDays))
	}
	p.pairs([][2]string{
		{p.t("visit_date"), visit},
		{p.t("generated"), p.date(p.in.Today)},
		{p.t("follow_up"), follow},
		{p.t("stage"), p.enum("stage_", pr.Stage)},
	})

	const boxTextW = contentW - 2*3 - 1.5 - 4 // the text width of a box
	var warn []string
	for _, w := range p.coverWarnings() {
		warn = append(warn, p.fit(p.clean(w), stBody, boxTextW))
	}
	if len(warn) == 0 {
		p.box(p.t("warnings"), []string{p.t("w_none")}, rgb{232, 245, 236}, colGreen, stBody)
	} else {
		p.box(p.t("warnings"), warn, colWarnBg, colWarn, stBody)
	}

	// The must-see items keep room for their heading and first lines.
	mustNeed := stH2.lineH() + 6 + float64(min(len(pr.MustSee), 3)+1)*stBody.lineH()
	p.heading(p.t("s_refs"), stH2, 0)
	p.y += 1
	if len(p.in.Matches) == 0 {
		p.text(p.fit(p.clean(p.t("no_refs")), stBody, contentW), stBody)
	}
	nameW := contentW * 0.58
	for i, m := range p.in.Matches {
		r := m.Case.Reference
		contact := p.wrap(p.clean(cmp.Or(r.Contact, "—")), stSmallText, contentW-nameW-4)
		if len(contact) > 2 {
			contact = []string{contact[0], p.fit(strings.Join(contact[1:], " "), stSmallText, contentW-nameW-4)}
		}
		rowH := max(stBold.lineH()+stSmall.lineH(), float64(len(contact))*stSmallText.lineH()) + 2.4
		if rowH+stSmall.lineH()+mustNeed > p.room() {
			p.more(len(p.in.Matches)-i, 2)
			break
		}
		top := p.y
		p.draw(marginL+1, p.y+1.2+stBold.lineH()*0.78, itoa(i+1)+".", style{size: stBold.size, bold: true, color: colAccent})
		p.draw(marginL+7, p.y+1.2+stBold.lineH()*0.78, p.fit(p.clean(m.Case.Client), stBold, nameW-8), stBold)
		why := p.fit(p.clean(strings.Join(m.Reasons[:min(2, len(m.Reasons))], " · ")), stSmall, nameW-8)
		p.draw(marginL+7, p.y+1.2+stBold.lineH()+stSmall.lineH()*0.78, why, stSmall)
		for j, l := range contact {
			p.draw(marginL+nameW, p.y+1.2+float64(j)*stSmallText.lineH()+stSmallText.lineH()*0.78, l, stSmallText)
		}
		p.y += rowH
		p.linkArea(marginL, top, contentW, rowH, p.refs[i])
		p.rule(p.y, colRule, 0.15)
	}
	p.y += 4

	p.heading(p.t("must_see"), stH2, 0)
	p.y += 1
	if len(pr.MustSee) == 0 {
		p.text(p.fit(p.clean(p.t("no_must_see")), stBody, contentW), stBody)
	}
	lh := stBody.lineH()
	for i, item := range pr.MustSee {
		if 2*lh > p.room() && i < len(pr.MustSee)-1 || lh > p.room() {
			p.more(len(pr.MustSee)-i, 1)
			break
		}
		p.draw(marginL+1, p.y+lh*0.78, "•", style{size: stBody.size, bold: true, color: colAccent})
		p.draw(marginL+6, p.y+lh*0.78, p.fit(p.clean(item), stBody, contentW-6), stBody)
		p.y += lh
	}
}

// more says that n more entries are in the given section.
func (p *pack) more(n, section int) {
	p.draw(marginL+7, p.y+stSmall.lineH()*0.9, p.clean(p.t("more_n", "n", itoa(n), "s", itoa(section))), stSmall)
	p.y += stSmall.lineH() + 1
}

// contents lists the sections and references with their pages, each line
// linked to its target.
func (p *pack) contents() {
	p.heading(p.t("contents"), stH2, 30)
	p.y += 1
	p.tocLine(itoa(1)+". "+p.t("s_profile"), p.links["profile"], 0)
	p.tocLine(itoa(2)+". "+p.t("s_refs"), p.links["refs"], 0)
	p.tocLine(p.t("lighter"), p.links["lighter"], 6)
	for i, m := range p.in.Matches {
		p.tocLine(itoa(2)+"."+itoa(i+1)+" "+m.Case.Client, p.refs[i], 6)
	}
	for n, k := range []string{"plan", "questions", "after"} {
		p.tocLine(itoa(n+3)+". "+p.t("s_"+k), p.links[k], 0)
	}
	p.y += 2
}

// tocNumW is the room kept for a page number: the title wraps the same
// whatever the number, so both layouts break alike.
const tocNumW = 14.0

func (p *pack) tocLine(s string, link int, indent float64) {
	s = p.clean(s)
	st := stBody
	if indent == 0 {
		st = stBold
	}
	lines := p.wrap(s, st, contentW-indent-tocNumW)
	lh := st.lineH() + 0.6
	p.ensure(lh * float64(len(lines)))
	top := p.y
	for _, l := range lines {
		p.draw(marginL+indent, p.y+lh*0.75, l, st)
		p.y += lh
	}
	if n := p.pages[link]; n > 0 {
		num := itoa(n)
		nw := p.width(num, st)
		p.draw(pageW-marginR-nw, p.y-lh*0.25, num, st)
		// A dotted leader from the title's end to the number.
		dot := style{size: st.size, color: colRule}
		from := marginL + indent + p.width(lines[len(lines)-1], st) + 2
		dw := p.width(" .", dot)
		if k := int((pageW - marginR - nw - 2 - from) / dw); k > 0 {
			p.draw(pageW-marginR-nw-2-float64(k)*dw, p.y-lh*0.25, strings.Repeat(" .", k), dot)
		}
	}
	p.linkArea(marginL+indent, top, contentW-indent, p.y-top, link)
}

func (p *pack) profile() {
	pr := p.in.Prospect
	site := p.in.Site
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
	facts := [][2]string{
		{p.t("industry"), site.Industries.Label(pr.Industry, p.lang)},
		{p.t("project_types"), p.cat.List(pts)},
		{p.t("scale"), p.scale(pr.Scale)},
		{p.t("region"), region},
		{p.t("stage"), p.enum("stage_", pr.Stage)},
		{p.t("visit_date"), visit},
		{p.t("competitors"), p.cat.List(comp)},
		{p.t("notes"), pr.Notes},
	}
	p.section("profile", 1, func() {
		p.heading(p.clean(pr.Name), stH2, 10)
		p.y += 1
		p.pairs(facts)
	})

	warnings := p.warnings("w_")
	if len(warnings) == 0 {
		p.box(p.t("warnings"), []string{p.t("w_none")}, rgb{232, 245, 236}, colGreen, stBody)
	} else {
		p.box(p.t("warnings"), warnings, colWarnBg, colWarn, stBody)
	}

	p.keep(func() {
		p.sub(p.t("must_see"))
		if len(pr.MustSee) == 0 {
			p.text(p.t("no_must_see"), stBody)
		} else {
			p.bullets(pr.MustSee, stBody, "•")
		}
	})

	t := table{widths: []float64{0.34, 0.46, 0.20}, header: []string{p.t("name"), p.t("role"), p.t("side")}}
	for _, x := range pr.Participants {
		side := p.enum("side_", x.Side)
		st := stBody
		if x.Side == "business" {
			st = style{size: stBody.size, bold: true, color: colWarn}
		}
		t.rows = append(t.rows, []cell{{text: x.Name, style: stBold}, {text: x.Role, style: stBody}, {text: side, style: st}})
	}
	p.keep(func() {
		p.sub(p.t("participants"))
		p.table(t)
	})
}

// coverWarnings are the warnings in one line each, for the cover.
func (p *pack) coverWarnings() []string { return p.warnings("c_") }

// warnings are the pack's warnings that apply to the prospect, in the
// texts whose keys start with prefix: w_ in full, c_ in short.
func (p *pack) warnings(prefix string) []string {
	pr := p.in.Prospect
	var out []string
	if i := slices.Index(content.Stages, pr.Stage); i >= 0 && i < slices.Index(content.Stages, "shortlist") {
		out = append(out, p.t(prefix+"stage", "stage", p.enum("stage_", pr.Stage)))
	}
	if limit := p.in.Site.Brief.MaxDelegates; limit > 0 && len(pr.Participants) > limit {
		out = append(out, p.n(prefix+"delegates", len(pr.Participants), "max", itoa(limit)))
	}
	if !pr.VisitDate.IsZero() {
		var later []string
		for _, d := range pr.CompetitorVisits {
			if d.After(pr.VisitDate) {
				later = append(later, p.date(d))
			}
		}
		if len(later) > 0 {
			out = append(out, p.t(prefix+"competitor", "dates", p.cat.List(later)))
		}
	}
	var business []string
	for _, x := range pr.Participants {
		if x.Side == "business" {
			business = append(business, x.Name)
		}
	}
	if len(business) > 0 {
		out = append(out, p.t(prefix+"business", "names", p.cat.List(business)))
	}
	return out
}

func (p *pack) scale(s content.Scale) string {
	var parts []string
	for _, f := range s.Fields() {
		if f.Value > 0 {
			parts = append(parts, p.cat.Number(f.Value)+" "+p.t(f.Name))
		}
	}
	return strings.Join(parts, " · ")
}

func (p *pack) references() {
	if len(p.in.Matches) == 0 {
		p.section("refs", 2, func() {
			p.box(p.t("warnings"), []string{p.t("no_refs")}, colWarnBg, colWarn, stBody)
		})
	} else {
		t := table{widths: []float64{0.07, 0.30, 0.11, 0.52}, header: []string{p.t("rank"), p.t("reference"), p.t("score"), p.t("reasons")}}
		for i, m := range p.in.Matches {
			t.rows = append(t.rows, []cell{
				{text: itoa(i + 1), style: stBold, link: p.refs[i]},
				{text: m.Case.Client, style: style{size: stBody.size, bold: true, color: colAccent}, sub: m.Case.Title, subStyle: stSmall},
				{text: p.score(m.Score), style: stBold},
				{text: "• " + strings.Join(m.Reasons, "\n• "), style: stSmallText},
			})
		}
		p.section("refs", 2, func() { p.table(t) })
	}
	p.lighter()
}

// lighter is the evidence to offer before asking a customer to host a
// visit: call references and published case studies.
func (p *pack) lighter() {
	p.gap(2)
	p.keep(func() {
		p.head(p.t("lighter"), stH2, 30, 1, p.links["lighter"])
		p.y += 1.5
		p.text(p.t("lighter_intro"), stBody)
	})
	calls := table{widths: []float64{0.06, 0.27, 0.09, 0.34, 0.24},
		header: []string{p.t("rank"), p.t("reference"), p.t("score"), p.t("reasons"), p.t("contact")}}
	for i, m := range p.in.Calls {
		calls.rows = append(calls.rows, []cell{
			{text: itoa(i + 1), style: stBold},
			{text: m.Case.Client, style: stBold, sub: m.Case.Title, subStyle: stSmall},
			{text: p.score(m.Score), style: stBold},
			{text: "• " + strings.Join(m.Reasons, "\n• "), style: stSmallText},
			{text: cmp.Or(m.Case.Reference.Contact, "—"), style: stSmallText},
		})
	}
	p.listing("calls", calls)
	pages := table{widths: []float64{0.06, 0.58, 0.25, 0.11},
		header: []string{p.t("rank"), p.t("case_study"), p.t("customer"), p.t("score")}}
	for i, m := range p.in.Pages {
		pages.rows = append(pages.rows, []cell{
			{text: itoa(i + 1), style: stBold},
			{text: m.Case.Title, style: stBold, sub: p.in.Site.AbsURL("cases/" + m.Case.Slug + "/"), subStyle: stLink, url: p.in.Site.AbsURL("cases/" + m.Case.Slug + "/")},
			{text: m.Case.PublicName(), style: stSmallText},
			{text: p.score(m.Score), style: stBold},
		})
	}
	p.listing("pages", pages)
}

// listing writes one of the pack's lists, kept on one page: the
// heading of key, then the table, or the "no_"+key line when it is empty.
func (p *pack) listing(key string, t table) {
	p.keep(func() {
		p.heading(p.t(key), stH3, 20)
		p.y += 1
		if len(t.rows) == 0 {
			p.text(p.t("no_"+key), stSmall)
			return
		}
		p.table(t)
	})
}

var (
	stSmallText = style{size: 8.3, color: colText}
	stRef       = style{size: 14, bold: true, color: colHeading}
)

// ledger returns the ledger entries of c's customer, newest first: those of
// c and of its translations (the same customer).
func (p *pack) ledger(m match.Match) []content.Visit {
	var hist []content.Visit
	for _, v := range p.in.Visits {
		if v.Case == m.Case.Slug || slices.ContainsFunc(m.Translations, func(c *content.Case) bool { return c.Slug == v.Case }) {
			hist = append(hist, v)
		}
	}
	slices.SortStableFunc(hist, func(a, b content.Visit) int { return b.Date.Compare(a.Date) })
	return hist
}

func (p *pack) reference(i int, m match.Match) {
	c := m.Case
	site := p.in.Site
	p.gap(10)
	p.keep(func() {
		p.head(itoa(2)+"."+itoa(i+1)+" "+c.Client, stRef, 35, 1, p.refs[i])
		p.para(c.Title, style{size: 10.5, color: colMuted}, marginL, contentW)
		p.rule(p.y+1.5, colHeading, 0.5)
		p.y += 6
		p.text(c.Summary, stBody)
	})
	var versions []string
	if m.PacksOnly {
		// Not on the site for want of consent: no page to link to.
		p.text(p.t("packs_only_note"), stBody)
	} else {
		p.link(p.t("public_page")+":", site.AbsURL("cases/"+c.Slug+"/"))
		for _, x := range m.Translations {
			versions = append(versions, site.AbsURL("cases/"+x.Slug+"/"))
		}
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
		{p.t("score"), p.score(m.Score)},
		{p.t("industry"), site.Industries.Label(c.Industry, p.lang)},
		{p.t("project_types"), p.cat.List(pts)},
		{p.t("region"), region},
		{p.t("status"), p.enum("status_", cmp.Or(c.Status, "live"))},
		{p.t("go_live"), golive},
		{p.t("products"), p.cat.List(c.Products)},
		{p.t("scale"), p.scale(c.Scale)},
		{p.t("translations"), strings.Join(versions, "\n")},
	})

	if len(c.Metrics) > 0 {
		t := table{widths: []float64{0.45, 0.55}}
		for _, x := range c.Metrics {
			t.rows = append(t.rows, []cell{{text: x.Label, style: stBody}, {text: x.Value, style: stBold}})
		}
		p.keep(func() {
			p.sub(p.t("metrics"))
			p.pairsTable(t)
		})
	}
	for k, q := range c.Quotes {
		p.keep(func() {
			if k == 0 {
				p.sub(p.t("quotes"))
			}
			p.quote(q)
		})
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
		p.t("health") + ": " + p.enum("health_", cmp.Or(m.Health.Health, r.Health, "green")),
		p.t("support") + ": " + cmp.Or(r.Support, "—"),
		p.t("willing") + ": " + cmp.Or(p.cat.List(willing), "—"),
		p.t("visits_per_year") + ": " + perYear,
	}
	if r.Notes != "" {
		lines = append(lines, p.t("notes")+": "+r.Notes)
	}
	p.y += 2
	p.box(p.t("private"), lines, colPrivBg, colPriv, stBody)
	p.supportAndConsent(m)

	hist := p.history[i]
	var open []string
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
			{text: p.enum("kind_", v.Kind), style: stSmallText},
			{text: p.enum("outcome_", v.Outcome), style: stSmallText},
			{text: bonus, style: bst},
		})
	}
	// The history and the open obligations are one small block: they move
	// to the next page together rather than leave a few lines behind.
	p.keep(func() {
		p.sub(p.t("history"))
		if len(hist) == 0 {
			p.text(p.t("no_history"), stBody)
		} else {
			p.table(t)
		}
		if len(open) > 0 {
			p.box(p.t("obligations"), open, rgb{253, 236, 236}, colDanger, stBody)
		} else {
			p.text(p.t("obligations")+": "+p.t("no_obligations"), stSmall)
		}
	})
}

// supportAndConsent shows what the helpdesk export says of the customer
// and whether the customer agreed to a public case study.
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
		if h > maxKeep {
			p.tallRow(row, [][]string{l, v}, []float64{t.widths[0] * contentW, t.widths[1] * contentW}, func() {})
			continue
		}
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
		if lh > p.room() {
			p.fill(colAccent)
			p.rect(marginL, top, 1, p.y-top, "F")
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
	p.rect(marginL, top, 1, p.y-top, "F")
	p.y += 4
}

// plan is the three-part visit, timed to max_visit_minutes,
// with a time slot for every must-see item in the customer's part.
func (p *pack) plan() {
	pr := p.in.Prospect
	total := cmp.Or(p.in.Site.Brief.MaxVisitMinutes, config.DefaultBrief.MaxVisitMinutes)
	p1 := roundTo(total*25/100, 5, total)
	p3 := roundTo(total*30/100, 5, total)
	p2 := total - p1 - p3
	host := p.t("plan_host_none")
	if len(p.in.Matches) > 0 {
		host = p.in.Matches[0].Case.Client
	}
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
	p.section("plan", 3, func() {
		p.text(p.t("plan_intro", "host", host, "total", itoa(total)), stBody)
		p.table(t)
	})
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
	total := 0
	for _, g := range p.in.Questions {
		total += len(g.Questions)
	}
	if total == 0 {
		p.section("questions", 4, func() { p.text(p.t("no_questions"), stBody) })
		return
	}
	p.section("questions", 4, func() { p.text(p.n("q_intro", total), stSmall) })
	n := 0
	for _, g := range p.in.Questions {
		first := n
		// A group moves whole when it is small: its heading never ends a
		// page, and its last questions never stand alone.
		p.keep(func() {
			n = first
			p.y += 1
			p.heading(g.Label, stH3, 10)
			p.y += 1.5
			for _, q := range g.Questions {
				n++
				p.item(itoa(n)+".", q.Text, stBody, 0, 8)
				if len(q.Askers) > 0 {
					p.para(p.t("asked_by", "names", p.cat.List(q.Askers)), style{size: 8, color: colMuted}, marginL+8, contentW-8)
					p.y += 1
				}
			}
			p.y += 2
		})
	}
}

// after is the checklist for after the visit, in two small blocks that
// each move whole, so that its last lines never stand alone on the last
// page.
func (p *pack) after() {
	pr := p.in.Prospect
	days := p.in.Site.Brief.FollowUpDays
	follow := p.t("a_followup_none", "n", itoa(days))
	if !pr.VisitDate.IsZero() {
		follow = p.t("a_followup", "date", p.date(AddWorkingDays(pr.VisitDate, days)), "n", itoa(days))
	}
	p.section("after", 5, func() {
		p.check(p.t("a_debrief"), stBody)
		p.check(follow, stBold)
		p.check(p.t("a_send"), stBody)
	})
	p.keep(p.promises)
}

// promises are the last checks: deliver what was promised, record the
// visit.
func (p *pack) promises() {
	pr := p.in.Prospect
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
	p.rect(marginL+0.5, p.y+lh*0.18, 3.4, 3.4, "D")
	for _, l := range lines {
		p.ensure(lh)
		p.draw(marginL+8, p.y+lh*0.78, l, st)
		p.y += lh
	}
	p.y += 3
}

// AddWorkingDays returns the date n working days (Monday to Friday) after t.
func AddWorkingDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}
