package corpus

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Stream numbers of the PCG generators: the plan, the private texts and each
// case's public text draw from separate streams of the same seed.
const (
	streamPlan    = 1 << 62
	streamPrivate = 1<<62 + 1
)

// scale is a case's size; a zero field is unknown.
type scale struct {
	employees, users, docs, sites int64
}

// caseSpec is everything decided about a case before its text is written.
type caseSpec struct {
	idx       int
	slug      string
	l         lang
	ind       int
	pts       []int
	region    int  // index into regions
	hasRegion bool // region written to the front matter
	anonymous bool
	client    string    // front matter client
	alias     string    // public name of an anonymous client
	forms     [6]string // how the text names the client, by Russian case
	gender    int
	date      time.Time
	goLive    time.Time // zero when not given
	status    string
	draft     bool
	text      scale // figures the text uses
	scale     scale // figures written to [scale]; 0 = left out
	products  []string
	transOf   string
	// PRIVATE [reference]
	visit, call bool
	contact     string
	health      string
	support     string
	maxVisits   int
	notes       string
}

func (c *caseSpec) goYear() int {
	if !c.goLive.IsZero() {
		return c.goLive.Year()
	}
	return c.date.Year() - 1
}

type prospectSpec struct {
	slug, name       string
	l                lang
	ind              int
	pts              []int
	region           int
	stage            string
	visitDate        time.Time
	competitorVisits []time.Time
	mustSee          []string
	notes            string
	employees, docs  int64
	participants     []participant
}

type participant struct {
	name, role, side string
	interests        []string
}

type visitSpec struct {
	caseSlug, prospect string
	date               time.Time
	kind, outcome      string
	bonus              string
	delivered          bool
	value              int64 // 0: none
	currency           string
}

type library struct {
	seed      int64
	cases     []*caseSpec
	prospects []*prospectSpec
	visits    []visitSpec
}

func newRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), stream))
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// randDate is uniform in [from, to].
func randDate(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours()/24) + 1
	return from.AddDate(0, 0, r.IntN(days))
}

// weighted returns an index with probability proportional to w[i].
func weighted(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// logUniform draws from [lo, hi] evenly on a log scale, rounded to two
// significant digits.
func logUniform(r *rand.Rand, lo, hi float64) int64 {
	return round2(int64(math.Exp(math.Log(lo) + r.Float64()*(math.Log(hi)-math.Log(lo)))))
}

// plan decides, in one sequential pass, everything that must be unique or
// consistent across files: slugs, names, translations, the ledger.
func plan(opt Options) *library {
	r := newRand(opt.Seed, streamPlan)
	pr := newRand(opt.Seed, streamPrivate)
	lib := &library{seed: opt.Seed}
	slugs := map[string]bool{}
	names := &coiner{used: map[string]bool{}}
	var sources []*caseSpec // English public cases that may get a translation
	indWeights := make([]int, len(industries))
	for i, ind := range industries {
		indWeights[i] = ind.weight
	}
	for i := range opt.Cases {
		// About 1% of the cases retell an earlier English case in ja or ru.
		if len(sources) > 0 && r.IntN(100) == 0 {
			k := r.IntN(len(sources))
			src := sources[k]
			sources = slices.Delete(sources, k, k+1)
			c := translate(r, src, i, slugs)
			lib.cases = append(lib.cases, c)
			continue
		}
		c := &caseSpec{idx: i}
		c.l = lang(weighted(r, []int{60, 20, 20}))
		c.ind = weighted(r, indWeights)
		c.pts = chooseTypes(r, c.ind)
		c.region = chooseRegion(r, c.l)
		c.hasRegion = r.IntN(30) != 0
		c.anonymous = r.IntN(20) == 0
		c.draft = r.IntN(100) == 0
		c.date = randDate(r, date(2015, 1, 1), date(2026, 6, 30))
		c.status = []string{"live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "live", "pilot", "implementing", "retired", "retired"}[r.IntN(20)]
		if c.status != "implementing" || r.IntN(2) == 0 {
			c.goLive = c.date.AddDate(0, -r.IntN(40), -r.IntN(28))
			if c.goLive.Before(date(2015, 1, 1)) {
				c.goLive = randDate(r, date(2015, 1, 1), c.date)
			}
		}
		if c.status == "implementing" && !c.goLive.IsZero() {
			// A planned go-live, still within the corpus's years.
			c.goLive = c.date.AddDate(0, 2+r.IntN(10), 0)
			if last := date(2026, 12, 31); c.goLive.After(last) {
				c.goLive = last
			}
		}
		chooseScale(r, c)
		c.products = chooseProducts(r)
		if c.anonymous {
			nameAnonymous(r, names, c)
		} else {
			namePublic(r, c)
		}
		c.slug = uniqueSlug(slugs, c.slug)
		privateReference(pr, c)
		if c.l == en && !c.anonymous && !c.draft {
			sources = append(sources, c)
		}
		lib.cases = append(lib.cases, c)
	}
	lib.prospects = planProspects(pr, names, opt.Prospects)
	lib.visits = planVisits(pr, lib, cmp.Or(opt.Visits, opt.Cases/10))
	return lib
}

func chooseTypes(r *rand.Rand, ind int) []int {
	pref := industries[ind].types
	n := 1 + weighted(r, []int{55, 35, 10})
	var out []int
	for len(out) < n {
		var k int
		if r.IntN(10) < 8 {
			k = projectTypeIndex(pref[r.IntN(len(pref))])
		} else {
			k = r.IntN(len(projectTypes))
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func chooseRegion(r *rand.Rand, l lang) int {
	var keys []string
	var w []int
	switch l {
	case ja:
		keys, w = []string{"japan", "asia-pacific", "north-america"}, []int{85, 10, 5}
	case ru:
		keys, w = []string{"russia-cis", "europe", "middle-east"}, []int{90, 5, 5}
	default:
		keys, w = []string{"europe", "north-america", "asia-pacific", "middle-east", "japan", "russia-cis"}, []int{40, 25, 15, 10, 5, 5}
	}
	return regionIndex(keys[weighted(r, w)])
}

func chooseScale(r *rand.Rand, c *caseSpec) {
	e := logUniform(r, 50, 500_000)
	t := scale{
		employees: e,
		users:     max(5, round2(int64(float64(e)*(0.05+0.75*r.Float64())))),
		docs:      round2(int64(float64(e) * math.Pow(10, 2+2*r.Float64()))),
		sites:     max(1, round2(int64(float64(e)/math.Pow(10, 1.8+1.8*r.Float64())))),
	}
	c.text = t
	c.scale = t
	// Authors leave out figures they do not know, but never all of them.
	if r.IntN(10) == 0 {
		c.scale.employees = 0
	}
	if r.IntN(5) == 0 {
		c.scale.users = 0
	}
	if r.IntN(6) == 0 {
		c.scale.docs = 0
	}
	if r.IntN(4) == 0 {
		c.scale.sites = 0
	}
	if c.scale == (scale{}) {
		c.scale.docs = t.docs
	}
}

func chooseProducts(r *rand.Rand) []string {
	out := []string{"Archive"}
	if r.IntN(8) == 0 {
		out[0] = products[1+r.IntN(len(products)-1)]
	}
	for range r.IntN(3) {
		p := products[r.IntN(len(products))]
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// namePublic names a client from public stems and sets the text forms.
func namePublic(r *rand.Rand, c *caseSpec) {
	ind := &industries[c.ind]
	switch c.l {
	case en:
		stem := pick(r, enStems)
		slug := strings.ToLower(stem)
		if r.IntN(4) == 0 {
			q := pick(r, enQualifiers)
			stem = q + " " + stem
			slug = strings.ToLower(q) + "-" + slug
		}
		c.client = fmt.Sprintf(pick(r, ind.orgs[0]), stem)
		c.slug = slug + "-" + ind.slug
		c.forms = [6]string{c.client, c.client, c.client, c.client, c.client, c.client}
	case ja:
		stem, rom := pair(pick(r, jaStems))
		if r.IntN(5) == 0 {
			q, qrom := pair(pick(r, jaQualifiers))
			stem, rom = q+stem, qrom+"-"+rom
		}
		c.client = fmt.Sprintf(pick(r, ind.orgs[1]), stem)
		c.slug = rom + "-" + ind.slug
		c.forms = [6]string{c.client, c.client, c.client, c.client, c.client, c.client}
	case ru:
		stem, rom := pair(pick(r, ruStems))
		org := ind.ruOrgs[r.IntN(len(ind.ruOrgs))]
		if org.suffix == "" && r.IntN(4) == 0 {
			q, qrom := pair(pick(r, ruQualifiers))
			stem, rom = stem+q, rom+"-"+qrom
		}
		name := "«" + stem + org.suffix + "»"
		for k, f := range org.noun.forms {
			c.forms[k] = f + " " + name
		}
		c.gender = org.noun.gender
		c.client = upperFirst(c.forms[0])
		c.slug = rom + "-" + org.slug
	}
	c.slug += "-" + shortType(c.pts[0])
}

// shortType is the first word of a project type key, for slugs.
func shortType(pt int) string {
	k, _, _ := strings.Cut(projectTypes[pt].key, "-")
	return k
}

// nameAnonymous gives an anonymous case a coined, never-public client name
// and a public alias; the text calls it by a generic noun.
func nameAnonymous(r *rand.Rand, names *coiner, c *caseSpec) {
	ind := &industries[c.ind]
	n := names.next(r)
	size := r.IntN(len(aliasSizes))
	switch c.l {
	case en:
		c.client = fmt.Sprintf(pick(r, ind.orgs[0]), n.latin)
		c.alias = "A " + aliasSizes[size][en] + " " + aliasGeo[c.region][en] + " " + ind.noun[en]
		the := "the " + ind.noun[en]
		c.forms = [6]string{the, the, the, the, the, the}
	case ja:
		c.client = fmt.Sprintf(pick(r, ind.orgs[1]), n.kana)
		c.alias = aliasGeo[c.region][ja] + aliasSizes[size][ja] + ind.noun[ja]
		same := jaSame[ind.key]
		if same == "" {
			same = "同社"
		}
		c.forms = [6]string{same, same, same, same, same, same}
	case ru:
		org := ind.ruOrgs[r.IntN(len(ind.ruOrgs))]
		c.client = upperFirst(org.noun.forms[0] + " «" + n.cyr + org.suffix + "»")
		g := ind.ruNoun.gender
		c.alias = upperFirst(ruAliasSizes[size][g] + " " + ruAliasGeo[c.region][g] + " " + ind.ruNoun.forms[0])
		c.forms = customer.forms
		c.gender = customer.gender
	}
	// The slug is public: it names the industry and project, never the client.
	c.slug = "anonymous-" + ind.slug + "-" + shortType(c.pts[0]) + "-" + strconv.Itoa(c.idx+1)
}

// jaSame is how Japanese text refers back to an unnamed client: 同行 for a
// bank, 同社 for most others.
var jaSame = map[string]string{"banking": "同行", "government": "同自治体", "healthcare": "同法人"}

var customer = ruPhrase("заказчик|заказчика|заказчику|заказчика|заказчиком|заказчике", masc)

// aliasSizes and aliasGeo are the en and ja words of an anonymous alias.
var aliasSizes = [][2]string{{"top-20", "大手"}, {"leading", "有力"}, {"large", "大手"}, {"mid-sized", "中堅"}, {"regional", "地方"}, {"fast-growing", "新興"}}

// aliasGeo is indexed like regions.
var aliasGeo = [][2]string{{"European", "欧州の"}, {"CIS", "CIS地域の"}, {"Japanese", "国内の"}, {"Asia-Pacific", "アジア太平洋地域の"}, {"Middle Eastern", "中東の"}, {"North American", "北米の"}}

// Russian alias adjectives by gender, aligned with aliasSizes and regions.
var ruAliasSizes = [][3]string{
	{"крупнейший", "крупнейшая", "крупнейшее"},
	{"ведущий", "ведущая", "ведущее"},
	{"крупный", "крупная", "крупное"},
	{"средний", "средняя", "среднее"},
	{"региональный", "региональная", "региональное"},
	{"быстрорастущий", "быстрорастущая", "быстрорастущее"},
}

var ruAliasGeo = [][3]string{
	{"европейский", "европейская", "европейское"},
	{"российский", "российская", "российское"},
	{"японский", "японская", "японское"},
	{"азиатский", "азиатская", "азиатское"},
	{"ближневосточный", "ближневосточная", "ближневосточное"},
	{"североамериканский", "североамериканская", "североамериканское"},
}

func uniqueSlug(used map[string]bool, s string) string {
	out := s
	for n := 2; used[out]; n++ {
		out = s + "-" + strconv.Itoa(n)
	}
	used[out] = true
	return out
}

// translate makes case i the same story as src in Japanese or Russian.
func translate(r *rand.Rand, src *caseSpec, i int, slugs map[string]bool) *caseSpec {
	c := *src
	c.idx = i
	c.l = ja + lang(r.IntN(2))
	c.transOf = src.slug
	c.slug = uniqueSlug(slugs, src.slug+"-"+langCodes[c.l])
	c.date = src.date.AddDate(0, 1+r.IntN(6), 0)
	c.forms = [6]string{c.client, c.client, c.client, c.client, c.client, c.client}
	c.gender = masc
	return &c
}
