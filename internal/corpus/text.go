package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// section is a part of a case study body.
type section int

const (
	secIntro section = iota
	secBackground
	secChallenge
	secSolution
	secImpl
	secIntegration
	secResults
	secLessons
	// Optional sections, added until a case reaches its target length.
	secSecurity
	secSearch
	secScanning
	secTraining
	secOperations
	secMigration
	secCompliance
	secCosts
	nSections
)

const firstExtra = secSecurity

// pack holds the templates and word lists of one language. In templates,
// {name} is a slot filled by gen.slot; Russian entries of the form "a|b" hold
// the nominative and the genitive (or prepositional, for cities).
type pack struct {
	heads [nSections][]string
	sents [nSections][]string

	titles, summaries, quotes, roles, tags []string
	anonIntro                              []string // introduces an anonymous case's alias
	listIntro, challengeItems              []string
	phaseIntro, phaseItems                 []string
	nextIntro, nextItems                   []string
	codeIntro, tableIntro, footnotes       []string
	tableHead                              string

	docs, systems, legacy, techs, ocr, depts, regs, formats []string
	infra, idp, bus, delays                                 []string
	cities                                                  [6][]string // by region index
	and                                                     string      // joins the last two items of a list
	sentSep                                                 string      // between sentences of a paragraph
}

// each calls add with every string of the pack.
func (p *pack) each(add func(...string)) {
	for s := range nSections {
		add(p.heads[s]...)
		add(p.sents[s]...)
	}
	for _, l := range [][]string{p.titles, p.summaries, p.quotes, p.roles, p.tags, p.anonIntro, p.listIntro,
		p.challengeItems, p.phaseIntro, p.phaseItems, p.nextIntro, p.nextItems, p.codeIntro, p.tableIntro,
		p.footnotes, p.docs, p.systems, p.legacy, p.techs, p.ocr, p.depts, p.regs, p.formats, p.infra, p.idp, p.bus, p.delays} {
		add(l...)
	}
	for _, c := range p.cities {
		add(c...)
	}
	add(p.tableHead)
}

var packs = [3]*pack{en: &enPack, ja: &jaPack, ru: &ruPack}

// gen renders the text of one case from its own random stream.
type gen struct {
	r      *rand.Rand
	c      *caseSpec
	p      *pack
	l      lang
	forms  [6]string // how the text names the client, by Russian case
	gender int       // of the client, for {g:...}
	lastN  int       // the last number written, for {pl:...}
	t2     string    // the "after" half of the last {t1}
	buf    []byte
}

// fill appends tpl with its slots filled.
func (g *gen) fill(tpl string) {
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			g.buf = append(g.buf, tpl...)
			return
		}
		g.buf = append(g.buf, tpl[:i]...)
		j := strings.IndexByte(tpl[i:], '}')
		g.slot(tpl[i+1 : i+j])
		tpl = tpl[i+j+1:]
	}
}

// sentence appends a filled template with its first letter in upper case.
func (g *gen) sentence(tpl string) {
	start := len(g.buf)
	g.fill(tpl)
	for k := start; k < len(g.buf); {
		r, n := utf8.DecodeRune(g.buf[k:])
		if r == '*' || r == '«' || r == '"' {
			k += n
			continue
		}
		if unicode.IsLower(r) {
			up := string(unicode.ToUpper(r))
			if len(up) == n {
				copy(g.buf[k:], up)
			}
		}
		break
	}
}

// text returns a filled template as a string with its first letter in
// upper case (titles, summaries, labels).
func (g *gen) text(tpl string) string {
	start := len(g.buf)
	g.sentence(tpl)
	s := string(g.buf[start:])
	g.buf = g.buf[:start]
	return s
}

// raw returns a filled template as a string, as is (metric values).
func (g *gen) raw(tpl string) string {
	start := len(g.buf)
	g.fill(tpl)
	s := string(g.buf[start:])
	g.buf = g.buf[:start]
	return s
}

func (g *gen) num(lo, hi int) int {
	g.lastN = lo + g.r.IntN(hi-lo+1)
	return g.lastN
}

// ruForm picks "nom|gen" halves of Russian entries; other languages have
// no "|".
func ruForm(s string, gen bool) string {
	a, b, ok := strings.Cut(s, "|")
	if !ok || !gen {
		return a
	}
	return b
}

func (g *gen) doc() string {
	if docs := industries[g.c.ind].docs[g.l]; g.r.IntN(5) < 3 {
		return tail(g.r, docs)
	}
	return tail(g.r, g.p.docs)
}

func (g *gen) city() string {
	if list := g.p.cities[g.c.region]; len(list) > 0 {
		return tail(g.r, list)
	}
	return tail(g.r, g.p.cities[0])
}

func (g *gen) put(s string) { g.buf = append(g.buf, s...) }

func (g *gen) slot(name string) {
	c, ind := g.c, &industries[g.c.ind]
	switch name {
	case "C":
		g.put(g.forms[0])
	case "C_gen":
		g.put(g.forms[1])
	case "C_dat":
		g.put(g.forms[2])
	case "C_acc":
		g.put(g.forms[3])
	case "C_ins":
		g.put(g.forms[4])
	case "C_prep":
		g.put(g.forms[5])
	case "alias":
		g.put(lowerFirst(c.alias))
	case "ind":
		g.put(ind.noun[g.l])
	case "inds":
		switch g.l {
		case ja:
			g.put(ind.noun[ja]) // Japanese nouns have no plural
		case ru:
			g.put(ind.nounPl[1])
		default:
			g.put(ind.nounPl[0])
		}
	case "ind_gen":
		g.put(ind.ruGen)
	case "doc":
		g.put(ruForm(g.doc(), false))
	case "doc_gen":
		g.put(ruForm(g.doc(), true))
	case "docs_n":
		g.put(countDocs(g.l, c.text.docs))
	case "pages_n":
		g.put(countPages(g.l, c.text.docs*int64(2+g.r.IntN(4))))
	case "users_n":
		g.put(countPeople(g.l, c.text.users, "users"))
	case "emp_n":
		g.put(countPeople(g.l, c.text.employees, "employees"))
	case "sites_n":
		g.put(countSites(g.l, c.text.sites))
	case "sys":
		g.put(tail(g.r, g.p.systems))
	case "legacy":
		g.put(ruForm(tail(g.r, g.p.legacy), false))
	case "legacy_gen":
		g.put(ruForm(tail(g.r, g.p.legacy), true))
	case "tech":
		g.put(ruForm(tail(g.r, g.p.techs), false))
	case "tech_gen":
		g.put(ruForm(tail(g.r, g.p.techs), true))
	case "ocr":
		g.put(ruForm(pick(g.r, g.p.ocr), false))
	case "ocr_gen":
		g.put(ruForm(pick(g.r, g.p.ocr), true))
	case "dept":
		g.put(ruForm(pick(g.r, g.p.depts), false))
	case "dept_gen":
		g.put(ruForm(pick(g.r, g.p.depts), true))
	case "city":
		g.put(ruForm(g.city(), false))
	case "city_prep":
		g.put(ruForm(g.city(), true))
	case "reg":
		g.put(tail(g.r, g.p.regs))
	case "fmt":
		g.put(tail(g.r, g.p.formats))
	case "infra":
		g.put(pick(g.r, g.p.infra))
	case "idp":
		g.put(pick(g.r, g.p.idp))
	case "bus":
		g.put(pick(g.r, g.p.bus))
	case "delay":
		g.put(pick(g.r, g.p.delays))
	case "year":
		g.put(strconv.Itoa(c.date.Year()))
	case "go_year":
		g.put(strconv.Itoa(c.goYear()))
	case "old_year":
		g.put(strconv.Itoa(c.goYear() - 3 - g.r.IntN(10)))
	case "dur":
		g.put(months(g.l, g.num(4, 24)))
	case "payback":
		g.put(months(g.l, g.num(8, 36)))
	case "weeks":
		g.put(weeks(g.l, g.num(2, 12)))
	case "n":
		g.put(strconv.Itoa(g.num(2, 9)))
	case "km":
		g.put(strconv.Itoa(g.num(2, 40)))
	case "team":
		g.put(strconv.Itoa(g.num(5, 40)))
	case "pct":
		g.put(strconv.Itoa(g.num(15, 90)) + "%")
	case "prod":
		g.put(pick(g.r, c.products))
	case "prods":
		g.put(joinAnd(c.products, g.p.and))
	case "PT":
		g.put(projectTypes[c.pts[0]].label[g.l])
	case "pt":
		g.put(lowerFirst(projectTypes[c.pts[0]].label[g.l]))
	case "t1":
		var t1 string
		t1, g.t2 = timePair(g.r, g.l)
		g.put(t1)
	case "t2":
		g.put(g.t2)
	default:
		switch {
		case strings.HasPrefix(name, "g:"):
			forms := strings.Split(name[2:], "|")
			g.put(forms[g.gender])
		case strings.HasPrefix(name, "pl:"):
			forms := strings.Split(name[3:], "|")
			g.put(forms[pluralIndex(g.l, g.lastN)])
		case g.tailSlot(name):
		case !g.metricSlot(name):
			panic("corpus: unknown slot {" + name + "}")
		}
	}
}

// pluralIndex chooses among "one|few|many" (Russian) or "one|many".
func pluralIndex(l lang, n int) int {
	if l != ru {
		if n == 1 {
			return 0
		}
		return 1
	}
	switch {
	case n%10 == 1 && n%100 != 11:
		return 0
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return 1
	}
	return 2
}

func ruPlural(n int64, one, few, many string) string {
	return [3]string{one, few, many}[pluralIndex(ru, int(n%1000))]
}

// ruGenPlural is the genitive after "с"/"до": с 1 дня, с 5 дней.
func ruGenPlural(n int, one, many string) string {
	if n%10 == 1 && n%100 != 11 {
		return one
	}
	return many
}

// fmtInt writes n with the language's digit grouping.
func fmtInt(l lang, n int64) string {
	if l == ja {
		return jaNum(n)
	}
	sep := ","
	if l == ru {
		sep = " "
	}
	return group(n, sep)
}

func group(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 4 && sep == " " {
		return s // Russian style leaves four-digit numbers ungrouped
	}
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return b.String()
}

// jaNum writes n with 億 and 万: 1億2,000万, 1万2,000.
func jaNum(n int64) string {
	oku, man, rest := n/100_000_000, n/10_000%10_000, n%10_000
	var b strings.Builder
	if oku > 0 {
		b.WriteString(group(oku, ",") + "億")
	}
	if man > 0 {
		b.WriteString(group(man, ",") + "万")
	}
	if rest > 0 || b.Len() == 0 {
		b.WriteString(group(rest, ","))
	}
	return b.String()
}

// millions writes a large count as "40 million", "4,000万", "40 млн".
func millions(l lang, n int64) string {
	if l == ja {
		return jaNum(n)
	}
	type unit struct {
		v      float64
		en, ru string
	}
	for _, u := range []unit{{1e9, "billion", "млрд"}, {1e6, "million", "млн"}} {
		if float64(n) >= u.v {
			x := strconv.FormatFloat(float64(n)/u.v, 'f', -1, 64)
			if i := strings.IndexByte(x, '.'); i >= 0 && len(x) > i+2 {
				x = x[:i+2]
			}
			if l == ru {
				return strings.Replace(x, ".", ",", 1) + " " + u.ru
			}
			return x + " " + u.en
		}
	}
	return fmtInt(l, n)
}

func countDocs(l lang, n int64) string {
	switch l {
	case ja:
		return jaNum(n) + "件"
	case ru:
		return millions(l, n) + " " + ruPlural(n, "документ", "документа", "документов")
	}
	return millions(l, n) + " documents"
}

func countPages(l lang, n int64) string {
	n = round2(n)
	switch l {
	case ja:
		return jaNum(n) + "ページ"
	case ru:
		return millions(l, n) + " " + ruPlural(n, "страница", "страницы", "страниц")
	}
	return millions(l, n) + " pages"
}

func countPeople(l lang, n int64, what string) string {
	switch l {
	case ja:
		return jaNum(n) + "人"
	case ru:
		return fmtInt(l, n) + " " + ruPlural(n, "сотрудник", "сотрудника", "сотрудников")
	}
	return fmtInt(l, n) + " " + what
}

func countSites(l lang, n int64) string {
	switch l {
	case ja:
		return strconv.FormatInt(n, 10) + "拠点"
	case ru:
		return fmtInt(l, n) + " " + ruPlural(n, "офис", "офиса", "офисов")
	}
	if n == 1 {
		return "one site"
	}
	return fmtInt(l, n) + " sites"
}

func months(l lang, n int) string {
	switch l {
	case ja:
		return strconv.Itoa(n) + "か月"
	case ru:
		return strconv.Itoa(n) + " " + ruPlural(int64(n), "месяц", "месяца", "месяцев")
	}
	return strconv.Itoa(n) + " months"
}

func weeks(l lang, n int) string {
	switch l {
	case ja:
		return strconv.Itoa(n) + "週間"
	case ru:
		return strconv.Itoa(n) + " " + ruPlural(int64(n), "неделю", "недели", "недель")
	}
	return strconv.Itoa(n) + " weeks"
}

// timeUnit names a unit as en singular/plural, ja, and Russian genitive
// singular/plural (the forms used after "с" and "до").
type timeUnit struct {
	en1, en, ja, ru1, ru string
}

var (
	unitWeek   = timeUnit{"week", "weeks", "週間", "недели", "недель"}
	unitDay    = timeUnit{"day", "days", "日", "дня", "дней"}
	unitHour   = timeUnit{"hour", "hours", "時間", "часа", "часов"}
	unitMinute = timeUnit{"minute", "minutes", "分", "минуты", "минут"}
	unitSecond = timeUnit{"second", "seconds", "秒", "секунды", "секунд"}
)

func (u timeUnit) format(l lang, n int) string {
	switch l {
	case ja:
		return strconv.Itoa(n) + u.ja
	case ru:
		return strconv.Itoa(n) + " " + ruGenPlural(n, u.ru1, u.ru)
	}
	if n == 1 {
		return "1 " + u.en1
	}
	return strconv.Itoa(n) + " " + u.en
}

// timePair is a before/after duration such as "2 days" and "5 minutes".
func timePair(r *rand.Rand, l lang) (string, string) {
	switch r.IntN(4) {
	case 0:
		return unitWeek.format(l, 1+r.IntN(4)), unitDay.format(l, 1+r.IntN(3))
	case 1:
		return unitDay.format(l, 2+r.IntN(9)), unitMinute.format(l, 2+r.IntN(29))
	case 2:
		return unitHour.format(l, 2+r.IntN(7)), unitMinute.format(l, 1+r.IntN(10))
	}
	return unitMinute.format(l, 10+r.IntN(50)), unitSecond.format(l, 5+r.IntN(40))
}

// round2 keeps two significant digits, as people write round numbers.
func round2(n int64) int64 {
	if n < 100 {
		return n
	}
	p := int64(1)
	for n/p >= 100 {
		p *= 10
	}
	return (n + p/2) / p * p
}

func joinAnd(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	sep := ", "
	if and == "と" {
		sep = "、"
	}
	return strings.Join(items[:len(items)-1], sep) + and + items[len(items)-1]
}
