package corpus

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
)

type metric struct{ label, value string }

type quoteSpec struct{ text, author string }

// renderCase appends the whole case file (front matter and body) to buf.
// Its text comes from the case's own random stream, so cases can be
// rendered in any order, in parallel, and still give the same bytes.
func renderCase(buf []byte, lib *library, c *caseSpec) []byte {
	g := &gen{r: newRand(lib.seed, uint64(c.idx)), c: c, p: packs[c.l], l: c.l, forms: c.forms, gender: c.gender, buf: buf}
	var title, summary string
	g.asPublicName(func() {
		title = g.text(g.clientTemplate(g.p.titles))
		summary = g.text(g.clientTemplate(g.p.summaries))
	})
	tags := g.distinct(g.p.tags, 2+g.r.IntN(4))
	metrics := g.metrics()
	quotes := g.quotes()
	g.frontMatter(title, summary, tags, metrics, quotes)
	g.body(quotes)
	return g.buf
}

// asPublicName runs fn with the client called by its public name: the alias
// of an anonymous case, so that titles and summaries read naturally.
func (g *gen) asPublicName(fn func()) {
	c := g.c
	if !c.anonymous {
		fn()
		return
	}
	alias := lowerFirst(c.alias)
	g.forms = [6]string{alias, alias, alias, alias, alias, alias}
	g.gender = industries[c.ind].ruNoun.gender
	fn()
	g.forms, g.gender = c.forms, c.gender
}

// clientTemplate picks a template; Russian aliases are not declined, so an
// anonymous Russian case only takes templates that name it in the
// nominative.
func (g *gen) clientTemplate(list []string) string {
	for {
		t := pick(g.r, list)
		if !(g.c.anonymous && g.l == ru && strings.Contains(t, "{C_")) {
			return t
		}
	}
}

// distinct picks n different entries of list.
func (g *gen) distinct(list []string, n int) []string {
	n = min(n, len(list))
	idx := g.r.Perm(len(list))[:n]
	out := make([]string, n)
	for i, k := range idx {
		out[i] = list[k]
	}
	return out
}

func (g *gen) metrics() []metric {
	tpls := metricTpls[g.l]
	n := 2 + g.r.IntN(3)
	var out []metric
	for _, k := range g.r.Perm(len(tpls))[:n] {
		t := tpls[k]
		out = append(out, metric{label: g.text(pick(g.r, t.labels)), value: g.raw(t.value)})
	}
	return out
}

func (g *gen) quotes() []quoteSpec {
	n := weighted(g.r, []int{10, 65, 25})
	var out []quoteSpec
	for _, k := range g.r.Perm(len(g.p.quotes))[:n] {
		role := pick(g.r, g.p.roles)
		author := role
		if !g.c.anonymous {
			switch g.l {
			case ja:
				author = g.c.client + " " + role
			case ru:
				author = role + " " + g.forms[1]
			default:
				author = role + ", " + g.c.client
			}
		}
		out = append(out, quoteSpec{text: g.text(g.p.quotes[k]), author: author})
	}
	return out
}

func (g *gen) line(key, value string) {
	g.buf = append(g.buf, key...)
	g.buf = append(g.buf, " = "...)
	g.buf = append(g.buf, value...)
	g.buf = append(g.buf, '\n')
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func (g *gen) frontMatter(title, summary string, tags []string, metrics []metric, quotes []quoteSpec) {
	c := g.c
	g.put("+++\n")
	g.line("title", quote(title))
	g.line("summary", quote(summary))
	g.line("client", quote(c.client))
	g.line("anonymous", strconv.FormatBool(c.anonymous))
	if c.anonymous {
		g.line("alias", quote(c.alias))
	}
	g.line("industry", quote(industries[c.ind].key))
	keys := make([]string, len(c.pts))
	for i, pt := range c.pts {
		keys[i] = projectTypes[pt].key
	}
	g.line("project_types", quoteList(keys))
	if c.hasRegion {
		g.line("region", quote(regions[c.region].key))
	}
	// English is the site language, so authors often leave it out.
	if c.l != en || c.idx%5 != 0 {
		g.line("language", quote(langCodes[c.l]))
	}
	g.line("date", day(c.date))
	if !c.goLive.IsZero() {
		g.line("go_live", day(c.goLive))
	}
	g.line("status", quote(c.status))
	g.line("products", quoteList(c.products))
	g.line("tags", quoteList(tags))
	if c.transOf != "" {
		g.line("translation_of", quote(c.transOf))
	}
	g.line("draft", strconv.FormatBool(c.draft))

	g.put("\n[scale]\n")
	for _, f := range []struct {
		key string
		v   int64
	}{{"employees", c.scale.employees}, {"users", c.scale.users}, {"documents", c.scale.docs}, {"sites", c.scale.sites}} {
		if f.v > 0 {
			g.line(f.key, strconv.FormatInt(f.v, 10))
		}
	}
	for _, m := range metrics {
		g.put("\n[[metrics]]\n")
		g.line("label", quote(m.label))
		g.line("value", quote(m.value))
	}
	for _, q := range quotes {
		g.put("\n[[quotes]]\n")
		g.line("text", quote(q.text))
		g.line("author", quote(q.author))
	}
	g.put("\n[reference]\n")
	g.line("visit", strconv.FormatBool(c.visit))
	g.line("call", strconv.FormatBool(c.call))
	g.line("contact", quote(c.contact))
	g.line("health", quote(c.health))
	g.line("support", quote(c.support))
	g.line("max_visits_per_year", strconv.Itoa(c.maxVisits))
	g.line("notes", quote(c.notes))
	g.put("+++\n\n")
}

// bodyState tracks which sentence templates a case has used, so that a
// case does not repeat itself until every pool it draws from runs out.
type bodyState struct {
	used [nSections]uint64
}

func (st *bodyState) unused(p *pack, sec section) int {
	return len(p.sents[sec]) - bits.OnesCount64(st.used[sec])
}

// paragraph writes up to n sentences of sec that the case has not used yet.
func (g *gen) paragraph(st *bodyState, sec section, n int) {
	pool := g.p.sents[sec]
	if st.unused(g.p, sec) == 0 {
		st.used[sec] = 0 // only very long cases get here
	}
	n = min(n, st.unused(g.p, sec))
	for i := range n {
		k := g.r.IntN(len(pool))
		for st.used[sec]&(1<<k) != 0 {
			k = (k + 1) % len(pool)
		}
		st.used[sec] |= 1 << k
		if i > 0 {
			g.put(g.p.sentSep)
		}
		g.sentence(pool[k])
	}
	g.put("\n\n")
}

func (g *gen) heading(sec section) {
	g.put("## ")
	g.put(pick(g.r, g.p.heads[sec]))
	g.put("\n\n")
}

// list writes n items of pool as a bullet list, or a numbered one keeping the
// pool's order.
func (g *gen) list(pool []string, n int, numbered bool) {
	n = min(n, len(pool))
	idx := g.r.Perm(len(pool))[:n]
	if numbered {
		slices.Sort(idx)
	}
	for i, k := range idx {
		if numbered {
			g.put(strconv.Itoa(i+1) + ". ")
		} else {
			g.put("- ")
		}
		g.fill(strings.TrimRight(pool[k], ";."))
		if g.l != ja {
			if i == n-1 {
				g.put(".")
			} else {
				g.put(";")
			}
		}
		g.put("\n")
	}
	g.put("\n")
}

// part is one section of a body, written into its own buffer so that later
// paragraphs can still be added to it.
type part struct {
	sec  section
	text []byte
}

// body writes the Markdown body. A skeleton of the usual sections comes
// first; then paragraphs are added to random sections, and optional sections
// are opened, until the case reaches its target length.
func (g *gen) body(quotes []quoteSpec) {
	r := g.r
	target := 3600 + r.IntN(7000)
	if r.IntN(20) == 0 {
		target = target * 5 / 2 // a few long stories
	}
	var st bodyState
	var parts []*part
	total := 0
	// into runs write on g.buf and moves what it wrote into part p.
	into := func(p *part, write func()) {
		mark := len(g.buf)
		write()
		p.text = append(p.text, g.buf[mark:]...)
		total += len(g.buf) - mark
		g.buf = g.buf[:mark]
	}
	open := func(sec section, write func()) *part {
		p := &part{sec: sec}
		parts = append(parts, p)
		into(p, write)
		return p
	}

	open(secIntro, func() {
		if g.c.anonymous {
			g.sentence(pick(r, g.p.anonIntro))
			g.put(g.p.sentSep)
		}
		// The first sentence introduces the company; the rest follow in any order.
		k := r.IntN(2)
		st.used[secIntro] |= 1 << k
		g.sentence(g.p.sents[secIntro][k])
		g.put(g.p.sentSep)
		g.paragraph(&st, secIntro, 1+r.IntN(3))
	})
	open(secBackground, func() {
		g.heading(secBackground)
		g.paragraph(&st, secBackground, 2+r.IntN(3))
	})
	open(secChallenge, func() {
		g.heading(secChallenge)
		g.paragraph(&st, secChallenge, 2+r.IntN(2))
		g.sentence(pick(r, g.p.listIntro))
		g.put("\n\n")
		g.list(g.p.challengeItems, 3+r.IntN(4), false)
	})
	open(secSolution, func() {
		g.heading(secSolution)
		g.paragraph(&st, secSolution, 2+r.IntN(3))
	})
	open(secImpl, func() {
		g.heading(secImpl)
		g.paragraph(&st, secImpl, 2+r.IntN(2))
		g.sentence(pick(r, g.p.phaseIntro))
		g.put("\n\n")
		g.list(g.p.phaseItems, 3+r.IntN(4), true)
		if r.IntN(7) == 0 {
			g.sentence(pick(r, g.p.codeIntro))
			g.put("\n\n")
			g.code()
		}
	})
	if r.IntN(4) != 0 {
		open(secIntegration, func() {
			g.heading(secIntegration)
			g.paragraph(&st, secIntegration, 2+r.IntN(2))
		})
	}
	footnote := r.IntN(10) == 0
	results := &part{sec: secResults}
	into(results, func() {
		g.heading(secResults)
		g.paragraph(&st, secResults, 2+r.IntN(3))
		if footnote {
			g.buf = append(g.buf[:len(g.buf)-2], "[^1]\n\n"...)
		}
		if r.IntN(3) == 0 {
			g.sentence(pick(r, g.p.tableIntro))
			g.put("\n\n")
			g.table(3 + r.IntN(2))
		}
		if len(quotes) > 0 && r.IntN(3) == 0 {
			g.put("> ")
			g.put(quotes[0].text)
			g.put("\n\n")
		}
	})
	lessons := &part{sec: secLessons}
	into(lessons, func() {
		g.heading(secLessons)
		g.paragraph(&st, secLessons, 2+r.IntN(2))
		if r.IntN(4) == 0 {
			g.sentence(pick(r, g.p.nextIntro))
			g.put("\n\n")
			for i, k := range r.Perm(len(g.p.nextItems))[:3+r.IntN(3)] {
				if i == 0 || r.IntN(3) == 0 {
					g.put("- [x] ")
				} else {
					g.put("- [ ] ")
				}
				g.fill(g.p.nextItems[k])
				g.put("\n")
			}
			g.put("\n")
		}
	})
	grow := append(slices.Clone(parts), results, lessons)

	extras := r.Perm(int(nSections - firstExtra))
	for total < target {
		var candidates []*part
		for _, p := range grow {
			if st.unused(g.p, p.sec) >= 2 {
				candidates = append(candidates, p)
			}
		}
		if len(extras) > 0 && (len(candidates) == 0 || r.IntN(3) == 0) {
			sec := firstExtra + section(extras[0])
			extras = extras[1:]
			p := open(sec, func() {
				g.heading(sec)
				g.paragraph(&st, sec, 3+r.IntN(3))
			})
			grow = append(grow, p)
			continue
		}
		if len(candidates) == 0 {
			candidates = grow // everything is used: repeat rather than stop
		}
		p := candidates[r.IntN(len(candidates))]
		into(p, func() { g.paragraph(&st, p.sec, 2+r.IntN(3)) })
	}

	for _, p := range append(parts, results, lessons) {
		g.buf = append(g.buf, p.text...)
	}
	if footnote {
		g.put("[^1]: ")
		g.sentence(pick(r, g.p.footnotes))
		g.put("\n")
	}
	// End with exactly one newline.
	for len(g.buf) > 0 && g.buf[len(g.buf)-1] == '\n' {
		g.buf = g.buf[:len(g.buf)-1]
	}
	g.put("\n")
}

func (g *gen) table(n int) {
	rows := tableRows[g.l]
	g.put(g.p.tableHead)
	g.put("\n|---|---|---|\n")
	for _, k := range g.r.Perm(len(rows))[:min(n, len(rows))] {
		row := rows[k]
		g.put("| ")
		g.fill(row[0])
		g.put(" | ")
		g.fill(row[1])
		g.put(" | ")
		g.fill(row[2])
		g.put(" |\n")
	}
	g.put("\n")
}
