package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Everything in this file is PRIVATE (README, "What is private"): it is
// written only to [reference], prospects, questions.toml and visits.toml,
// and its word lists are never used by the public templates, so the leak
// guard stays quiet.

// privateRole is a job title with the participant side it belongs to.
type privateRole struct{ title, side string }

var privateRoles = [3][]privateRole{
	en: {
		{"CIO", "it"}, {"IT Director", "it"}, {"Enterprise Architect", "it"}, {"Head of Information Security", "it"},
		{"Head of Records Management", "business"}, {"Head of Back Office", "business"}, {"Chief Accountant", "business"}, {"Head of Operations", "business"},
		{"Head of Legal", "legal"}, {"General Counsel", "legal"},
		{"Head of Procurement", "procurement"}, {"IT Category Manager", "procurement"},
		{"CFO", "executive"}, {"COO", "executive"}, {"Deputy CEO", "executive"},
	},
	ja: {
		{"情報システム部長", "it"}, {"IT企画課長", "it"}, {"情報セキュリティ室長", "it"},
		{"総務部長", "business"}, {"事務部長", "business"}, {"経理部長", "business"}, {"業務企画部 次長", "business"},
		{"法務部長", "legal"}, {"法務課 主任", "legal"},
		{"購買部長", "procurement"}, {"調達課長", "procurement"},
		{"常務取締役", "executive"}, {"CFO", "executive"},
	},
	ru: {
		{"ИТ-директор", "it"}, {"Руководитель отдела инфраструктуры", "it"}, {"Руководитель службы информационной безопасности", "it"},
		{"Начальник отдела делопроизводства", "business"}, {"Главный бухгалтер", "business"}, {"Руководитель операционного блока", "business"},
		{"Начальник юридического управления", "legal"}, {"Ведущий юрисконсульт", "legal"},
		{"Руководитель службы закупок", "procurement"}, {"Категорийный менеджер по ИТ", "procurement"},
		{"Финансовый директор", "executive"}, {"Заместитель председателя правления", "executive"},
	},
}

func phone(r *rand.Rand, l lang, region int) string {
	if l == ja || regions[region].key == "japan" {
		return fmt.Sprintf("03-5%03d-%04d", r.IntN(1000), r.IntN(10000))
	}
	switch regions[region].key {
	case "russia-cis":
		return fmt.Sprintf("+7 495 %03d-%02d-%02d", r.IntN(1000), r.IntN(100), r.IntN(100))
	case "north-america":
		return fmt.Sprintf("+1 312 555 %04d", r.IntN(10000))
	case "asia-pacific":
		return fmt.Sprintf("+65 6555 %04d", r.IntN(10000))
	case "middle-east":
		return fmt.Sprintf("+971 4 555 %04d", r.IntN(10000))
	}
	return fmt.Sprintf("+44 20 7946 %04d", r.IntN(10000))
}

var (
	supportTpls = [3][]string{
		en: {"24/7 premium support until {d}", "Standard support, renewed yearly; next renewal on {d}", "Business-hours support until {d}; upgrade to version {v} quoted", "Extended support for version {v} until {d}, migration not yet scheduled", "Managed service by our partner team until {d}"},
		ja: {"24時間365日のプレミアム保守（{d}まで）", "標準保守、年次更新（次回更新日 {d}）", "平日日中の保守契約（{d}まで）、バージョン{v}へのアップグレードを見積提示済み", "バージョン{v}の延長保守（{d}まで）、移行時期は未定"},
		ru: {"Премиальная поддержка 24/7 до {d}", "Стандартная поддержка, продлевается ежегодно; следующее продление {d}", "Поддержка в рабочее время до {d}; предложение по обновлению до версии {v} отправлено", "Расширенная поддержка версии {v} до {d}, переход не запланирован"},
	}
	lapsedTpls = [3][]string{
		en: {"Support contract lapsed on {d}; renewal under negotiation", "No support since {d}; customer runs version {v} on its own"},
		ja: {"保守契約は{d}に失効、更新を交渉中", "{d}以降は保守契約なし、バージョン{v}を自社で運用"},
		ru: {"Договор поддержки истёк {d}; идут переговоры о продлении", "Без поддержки с {d}; заказчик сам сопровождает версию {v}"},
	}
	noteTpls = [3][]string{
		en: {"Prefers {wd} visits.", "Live demos only on the test environment, never in production.", "Ask {pn} before any call; the sponsor changed recently.", "Do not bring up the {y} outage.", "Can host at most {n} guests at a time.", "Wants early access to the next release in return for visits.", "Security desk needs guest names {n} working days ahead.", "Sponsor {pn} retires in {y2}; introduce the successor early.", "Open ticket about slow exports; check its status before any visit.", "Talks openly about costs but not about the tender."},
		ja: {"{wd}の訪問を希望。", "デモは検証環境のみ。本番環境では実施しないこと。", "電話の前に{pn}氏へ連絡すること。", "{y}年の障害の件には触れないこと。", "一度に受け入れ可能な来訪者は{n}名まで。", "訪問協力の見返りとして次期バージョンの先行利用を希望。", "入館申請は{n}営業日前までに必要。", "{pn}氏は{y2}年に退任予定。後任者を早めに紹介すること。", "エクスポートが遅い件の問い合わせが未解決。訪問前に状況を確認。"},
		ru: {"Визиты только по {wd}.", "Живая демонстрация — только на тестовом контуре, не на продуктиве.", "Перед звонком согласовать с контактом: {pn}.", "Не упоминать сбой {y} года.", "Принимают не более {n} гостей одновременно.", "В ответ на визиты хотят ранний доступ к новой версии.", "Список гостей службе безопасности — за {n} рабочих дня.", "Спонсор проекта ({pn}) уходит на пенсию в {y2} году; заранее познакомиться с преемником.", "Открыто обращение о медленной выгрузке; проверить статус перед визитом."},
	}
	weekdays = [3][]string{
		en: {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"},
		ja: {"月曜日", "火曜日", "水曜日", "木曜日", "金曜日"},
		ru: {"понедельникам", "вторникам", "средам", "четвергам", "пятницам"},
	}
)

// privateText fills {d} {v} {wd} {pn} {y} {y2} {n} in a private template.
func privateText(r *rand.Rand, l lang, tpl string) string {
	return strings.NewReplacer(
		"{d}", day(randDate(r, date(2024, 1, 1), date(2028, 12, 31))),
		"{v}", strconv.Itoa(6+r.IntN(4))+"."+strconv.Itoa(r.IntN(4)),
		"{wd}", pick(r, weekdays[l]),
		"{pn}", personName(r, l),
		"{y2}", strconv.Itoa(2026+r.IntN(4)),
		"{y}", strconv.Itoa(2016+r.IntN(10)),
		"{n}", strconv.Itoa(2+r.IntN(3)),
	).Replace(tpl)
}

func privateReference(r *rand.Rand, c *caseSpec) {
	l := c.l
	c.visit = r.IntN(5) != 0
	c.call = r.IntN(10) != 0
	c.health = []string{"green", "amber", "red"}[weighted(r, []int{75, 18, 7})]
	c.maxVisits = 1 + r.IntN(6)
	role := pick(r, privateRoles[l]).title
	switch l {
	case ja:
		c.contact = personName(r, l) + "（" + role + "）、" + phone(r, l, c.region)
	default:
		c.contact = personName(r, l) + ", " + role + ", " + phone(r, l, c.region)
	}
	tpls := supportTpls[l]
	if c.health == "red" || (c.health == "amber" && r.IntN(3) == 0) {
		tpls = lapsedTpls[l]
	}
	c.support = privateText(r, l, pick(r, tpls))
	sep := " "
	if l == ja {
		sep = ""
	}
	k := r.Perm(len(noteTpls[l]))[:1+r.IntN(2)]
	notes := make([]string, len(k))
	for i, j := range k {
		notes[i] = privateText(r, l, noteTpls[l][j])
	}
	c.notes = strings.Join(notes, sep)
}

var (
	mustSee = [3][]string{
		en: {"live full-text search over scanned contracts", "retention rules applied to a real document class", "the branch scanning workstation in use", "an auditor's read-only session", "opening a document from an invoice in the ERP", "bulk export of a customer file as PDF/A", "legal hold on a disputed contract", "the administrator console for access rights", "migration reports from the legacy archive", "approving a document on a phone"},
		ja: {"スキャン済み契約書の全文検索デモ", "実際の文書分類に対する保存期間ルールの適用", "営業店でのスキャン作業の実演", "監査人向け閲覧専用画面", "ERPの請求書画面からの文書参照", "顧客ファイルのPDF/A一括出力", "係争中契約書のリーガルホールド", "アクセス権限の管理画面"},
		ru: {"полнотекстовый поиск по отсканированным договорам вживую", "применение сроков хранения к реальному классу документов", "работа станции сканирования в отделении", "сеанс аудитора с доступом только на чтение", "открытие документа из счёта в ERP", "выгрузка досье клиента в PDF/A", "юридическая блокировка спорного договора", "консоль администратора прав доступа"},
	}
	interests = [3][]string{
		en: {"How long did the migration of the paper archive take?", "Who at your company owns the retention rules?", "What would you do differently if you started again?", "How many people run the archive day to day?", "How did you get the branches to scan on the same day?", "What did the auditors say about the electronic originals?", "How fast is search with the full document volume?", "Which integration was the hardest?", "How responsive is the vendor's support in practice?", "What did the project cost compared to the plan?", "How did you handle documents with personal data?", "Did any users refuse to give up paper?"},
		ja: {"紙の書庫の移行にはどのくらいの期間がかかりましたか？", "保存期間のルールは社内のどの部署が管理していますか？", "もう一度始めるとしたら、何を変えますか？", "日々の運用は何名で行っていますか？", "営業店での当日スキャンをどのように定着させましたか？", "電子化した原本について、監査人の評価はいかがでしたか？", "全件を対象にした検索の速度はどの程度ですか？", "最も苦労したシステム連携はどれですか？", "ベンダーのサポートの対応は実際どうですか？", "計画と比べて、実際の費用はどうでしたか？"},
		ru: {"Сколько времени заняла миграция бумажного архива?", "Кто у вас отвечает за правила сроков хранения?", "Что бы вы сделали иначе, если бы начинали заново?", "Сколько человек сопровождает архив в повседневной работе?", "Как вы добились, чтобы отделения сканировали в тот же день?", "Что сказали аудиторы об электронных оригиналах?", "Насколько быстро работает поиск на полном объёме?", "Какая интеграция оказалась самой сложной?", "Как на практике работает поддержка поставщика?", "Сколько стоил проект по сравнению с планом?"},
	}
	prospectNotes = [3][]string{
		en: {"Decision expected in {m} 2026; budget approved.", "The CFO is sceptical after a failed ECM project in {y}.", "A competitor offered a large discount; lead with references.", "They want to see a company of similar size.", "The IT side is convinced; the business side still needs a reason.", "Tender documents mention retention rules six times."},
		ja: {"2026年{m}に決定予定、予算は承認済み。", "{y}年の文書管理プロジェクト失敗のため、CFOが慎重。", "競合が大幅値引きを提示。導入事例を前面に。", "同規模の企業の事例を見たいとの要望。", "IT部門は前向きだが、業務部門の納得が必要。"},
		ru: {"Решение ожидается в {m} 2026 года; бюджет утверждён.", "Финансовый директор настроен скептически после неудачного проекта СЭД в {y} году.", "Конкурент предложил большую скидку; делать упор на референсы.", "Хотят увидеть компанию сопоставимого размера.", "ИТ уже убеждены, бизнесу нужен аргумент."},
	}
	monthNames = [3][]string{
		en: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		ja: {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		ru: {"январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"},
	}
	bonuses = [3][]string{
		en: {"6 months of free premium support", "a free upgrade to the next major version", "two days of on-site consulting at no charge", "priority on their bulk export feature request", "a joint conference talk with travel paid", "free training for {n} new administrators"},
		ja: {"プレミアム保守6か月分を無償提供", "次期メジャーバージョンへの無償アップグレード", "オンサイトコンサルティング2日間を無償で実施", "一括エクスポート機能の要望を優先対応", "共同講演の実施と旅費負担", "管理者{n}名分の研修を無償提供"},
		ru: {"6 месяцев премиальной поддержки бесплатно", "бесплатное обновление до следующей мажорной версии", "два дня консультаций на площадке заказчика без оплаты", "приоритет их запросу на массовую выгрузку", "совместный доклад на конференции, дорога за наш счёт", "бесплатное обучение {n} администраторов"},
	}
)

// weekday moves t off a weekend: visits happen on working days.
func weekday(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return t.AddDate(0, 0, 2)
	case time.Sunday:
		return t.AddDate(0, 0, 1)
	}
	return t
}

func planProspects(r *rand.Rand, names *coiner, n int) []*prospectSpec {
	slugs := map[string]bool{}
	var out []*prospectSpec
	indWeights := make([]int, len(industries))
	for i, ind := range industries {
		indWeights[i] = ind.weight
	}
	for range n {
		p := &prospectSpec{l: lang(weighted(r, []int{60, 20, 20}))}
		p.ind = weighted(r, indWeights)
		p.pts = chooseTypes(r, p.ind)
		if len(p.pts) > 2 {
			p.pts = p.pts[:2]
		}
		p.region = chooseRegion(r, p.l)
		ind := &industries[p.ind]
		cn := names.next(r)
		switch p.l {
		case ja:
			p.name = fmt.Sprintf(pick(r, ind.orgs[1]), cn.kana)
		case ru:
			org := ind.ruOrgs[r.IntN(len(ind.ruOrgs))]
			p.name = upperFirst(org.noun.forms[0] + " «" + cn.cyr + org.suffix + "»")
		default:
			p.name = fmt.Sprintf(pick(r, ind.orgs[0]), cn.latin)
		}
		p.slug = uniqueSlug(slugs, strings.ToLower(cn.latin)+"-"+ind.slug)
		p.stage = []string{"lead", "evaluation", "shortlist", "final"}[weighted(r, []int{15, 30, 35, 20})]
		p.visitDate = weekday(randDate(r, date(2026, 1, 5), date(2026, 12, 18)))
		for range weighted(r, []int{50, 35, 15}) {
			p.competitorVisits = append(p.competitorVisits, weekday(p.visitDate.AddDate(0, 0, r.IntN(43)-21)))
		}
		slices.SortFunc(p.competitorVisits, func(a, b time.Time) int { return a.Compare(b) })
		for _, k := range r.Perm(len(mustSee[p.l]))[:1+r.IntN(3)] {
			p.mustSee = append(p.mustSee, mustSee[p.l][k])
		}
		p.notes = strings.NewReplacer(
			"{m}", pick(r, monthNames[p.l]),
			"{y}", strconv.Itoa(2016+r.IntN(9)),
		).Replace(pick(r, prospectNotes[p.l]))
		p.employees = logUniform(r, 50, 500_000)
		p.docs = round2(int64(float64(p.employees) * (100 + 9900*r.Float64())))
		for range 2 + weighted(r, []int{30, 30, 20, 10, 6, 4}) {
			role := pick(r, privateRoles[p.l])
			pt := participant{name: personName(r, p.l), role: role.title, side: role.side}
			for _, k := range r.Perm(len(interests[p.l]))[:weighted(r, []int{40, 40, 20})] {
				pt.interests = append(pt.interests, interests[p.l][k])
			}
			p.participants = append(p.participants, pt)
		}
		out = append(out, p)
	}
	return out
}

// dealSizes are the ranges of generated deal values per prospect language.
var dealSizes = [3]struct {
	currency       string
	min, max, step int64
}{
	en: {"EUR", 50_000, 2_000_000, 5_000},
	ja: {"JPY", 5_000_000, 300_000_000, 500_000},
	ru: {"RUB", 2_000_000, 200_000_000, 100_000},
}

func planVisits(r *rand.Rand, lib *library, n int) []visitSpec {
	var good, other []*caseSpec
	for _, c := range lib.cases {
		switch {
		case c.draft:
		case c.status == "live" && c.visit:
			good = append(good, c)
		default:
			other = append(other, c)
		}
	}
	if len(good)+len(other) == 0 || len(lib.prospects) == 0 {
		return nil
	}
	var out []visitSpec
	for range n {
		var c *caseSpec
		if len(other) == 0 || (len(good) > 0 && r.IntN(100) < 85) {
			c = good[r.IntN(len(good))]
		} else {
			c = other[r.IntN(len(other))]
		}
		p := lib.prospects[r.IntN(len(lib.prospects))]
		v := visitSpec{caseSlug: c.slug, prospect: p.slug, kind: "visit", outcome: "pending"}
		v.date = weekday(randDate(r, date(2025, 1, 1), date(2026, 12, 31)))
		if r.IntN(4) == 0 {
			v.kind = "call"
		}
		if v.date.Before(date(2026, 3, 1)) {
			v.outcome = []string{"won", "lost", "pending"}[weighted(r, []int{45, 35, 20})]
		}
		if r.IntN(5) != 0 {
			v.bonus = strings.ReplaceAll(pick(r, bonuses[p.l]), "{n}", strconv.Itoa(2+r.IntN(9)))
			v.delivered = v.outcome != "pending" && r.IntN(5) < 3
		}
		// Most deals have a size, in the prospect's currency.
		if r.IntN(4) != 0 {
			d := dealSizes[p.l]
			v.value = d.min + r.Int64N(d.max-d.min)/d.step*d.step
			v.currency = d.currency
		}
		out = append(out, v)
	}
	slices.SortStableFunc(out, func(a, b visitSpec) int { return a.date.Compare(b.date) })
	return out
}

func prospectTOML(p *prospectSpec) []byte {
	var b strings.Builder
	kv := func(k, v string) { b.WriteString(k + " = " + v + "\n") }
	kv("name", quote(p.name))
	kv("industry", quote(industries[p.ind].key))
	keys := make([]string, len(p.pts))
	for i, pt := range p.pts {
		keys[i] = projectTypes[pt].key
	}
	kv("project_types", quoteList(keys))
	kv("region", quote(regions[p.region].key))
	kv("language", quote(langCodes[p.l]))
	kv("stage", quote(p.stage))
	kv("visit_date", day(p.visitDate))
	if len(p.competitorVisits) > 0 {
		ds := make([]string, len(p.competitorVisits))
		for i, d := range p.competitorVisits {
			ds[i] = day(d)
		}
		kv("competitor_visits", "["+strings.Join(ds, ", ")+"]")
	}
	kv("must_see", quoteList(p.mustSee))
	kv("notes", quote(p.notes))
	b.WriteString("\n[scale]\n")
	kv("employees", strconv.FormatInt(p.employees, 10))
	kv("documents", strconv.FormatInt(p.docs, 10))
	for _, pt := range p.participants {
		b.WriteString("\n[[participants]]\n")
		kv("name", quote(pt.name))
		kv("role", quote(pt.role))
		kv("side", quote(pt.side))
		if len(pt.interests) > 0 {
			kv("interests", quoteList(pt.interests))
		}
	}
	return []byte(b.String())
}

func visitsTOML(lib *library) []byte {
	var b strings.Builder
	b.WriteString("# Reference-usage ledger (PRIVATE). Generated by internal/corpus.\n")
	for _, v := range lib.visits {
		b.WriteString("\n[[visit]]\n")
		b.WriteString("case = " + quote(v.caseSlug) + "\n")
		b.WriteString("prospect = " + quote(v.prospect) + "\n")
		b.WriteString("date = " + day(v.date) + "\n")
		b.WriteString("kind = " + quote(v.kind) + "\n")
		b.WriteString("outcome = " + quote(v.outcome) + "\n")
		if v.bonus != "" {
			b.WriteString("bonus = " + quote(v.bonus) + "\n")
			b.WriteString("bonus_delivered = " + strconv.FormatBool(v.delivered) + "\n")
		}
		if v.value > 0 {
			b.WriteString("value = " + strconv.FormatInt(v.value, 10) + "\n")
			b.WriteString("currency = " + quote(v.currency) + "\n")
		}
	}
	return []byte(b.String())
}

// question is an entry of the question bank.
type question struct {
	text, topic, lang string
	projectTypes      []string
	industries        []string
	sides             []string
}

var questionBank = []question{
	{"How long did the migration of the legacy archive take, and who did the work?", "migration", "en", nil, nil, []string{"it"}},
	{"How did you verify that nothing was lost when the old system was switched off?", "migration", "en", nil, nil, []string{"it"}},
	{"Which systems are integrated with the archive, and who maintains the connectors?", "integration", "en", nil, nil, []string{"it"}},
	{"How quickly can a branch employee find a signed contract today?", "search", "en", []string{"contract-archive"}, nil, []string{"business"}},
	{"How do auditors access the archive, and what do they think of it?", "compliance", "en", nil, nil, nil},
	{"Who decides on retention periods, and how are deletions approved?", "retention", "en", []string{"records-retention"}, nil, []string{"legal", "business"}},
	{"What did the project cost in total, and when did it pay back?", "costs", "en", nil, nil, []string{"executive", "procurement"}},
	{"How many people are needed to run the archive and the scanning?", "operations", "en", nil, nil, []string{"it", "business"}},
	{"How responsive is support when something breaks?", "support", "en", nil, nil, nil},
	{"How did you convince the branches to scan documents on the same day?", "adoption", "en", []string{"scanning-and-capture"}, nil, []string{"business"}},
	{"How are customer files protected from staff who should not see them?", "security", "en", []string{"customer-files"}, []string{"banking", "insurance", "healthcare"}, []string{"it", "legal"}},
	{"How were the licence terms negotiated for growth in document volume?", "costs", "en", nil, nil, []string{"procurement"}},
	{"What would you do differently if you started the project again?", "project", "en", nil, nil, nil},
	{"How are engineering drawings versioned and linked to equipment?", "engineering", "en", []string{"technical-documentation-library"}, []string{"oil-and-gas", "energy", "manufacturing", "construction"}, []string{"it", "business"}},
	{"旧システムからの移行にはどのくらいの期間がかかり、誰が作業しましたか？", "migration", "ja", nil, nil, []string{"it"}},
	{"旧システム停止時に、データの欠落がないことをどのように確認しましたか？", "migration", "ja", nil, nil, []string{"it"}},
	{"アーカイブと連携しているシステムと、その保守担当を教えてください。", "integration", "ja", nil, nil, []string{"it"}},
	{"現在、営業店の担当者は署名済みの契約書をどのくらいで見つけられますか？", "search", "ja", []string{"contract-archive"}, nil, []string{"business"}},
	{"監査人はどのようにアーカイブを利用し、どう評価していますか？", "compliance", "ja", nil, nil, nil},
	{"保存期間は誰が決め、廃棄はどのように承認していますか？", "retention", "ja", []string{"records-retention"}, nil, []string{"legal", "business"}},
	{"プロジェクトの総費用と投資回収の時期を教えてください。", "costs", "ja", nil, nil, []string{"executive", "procurement"}},
	{"アーカイブとスキャン業務の運用には何名が必要ですか？", "operations", "ja", nil, nil, []string{"it", "business"}},
	{"障害が起きたときのサポートの対応はいかがですか？", "support", "ja", nil, nil, nil},
	{"営業店に当日スキャンを定着させるために何をしましたか？", "adoption", "ja", []string{"scanning-and-capture"}, nil, []string{"business"}},
	{"顧客ファイルを権限のない社員から守る仕組みを教えてください。", "security", "ja", []string{"customer-files"}, []string{"banking", "insurance", "healthcare"}, []string{"it", "legal"}},
	{"文書量の増加に備えて、ライセンス条件をどのように交渉しましたか？", "costs", "ja", nil, nil, []string{"procurement"}},
	{"プロジェクトをやり直すとしたら、何を変えますか？", "project", "ja", nil, nil, nil},
	{"Сколько длилась миграция старого архива и кто её выполнял?", "migration", "ru", nil, nil, []string{"it"}},
	{"Как вы убедились, что при отключении старой системы ничего не потерялось?", "migration", "ru", nil, nil, []string{"it"}},
	{"Какие системы интегрированы с архивом и кто сопровождает коннекторы?", "integration", "ru", nil, nil, []string{"it"}},
	{"За сколько сотрудник отделения находит подписанный договор сегодня?", "search", "ru", []string{"contract-archive"}, nil, []string{"business"}},
	{"Как аудиторы работают с архивом и что они о нём думают?", "compliance", "ru", nil, nil, nil},
	{"Кто определяет сроки хранения и как согласуется уничтожение?", "retention", "ru", []string{"records-retention"}, nil, []string{"legal", "business"}},
	{"Сколько в итоге стоил проект и когда он окупился?", "costs", "ru", nil, nil, []string{"executive", "procurement"}},
	{"Сколько человек нужно для сопровождения архива и сканирования?", "operations", "ru", nil, nil, []string{"it", "business"}},
	{"Как быстро реагирует поддержка, когда что-то ломается?", "support", "ru", nil, nil, nil},
	{"Как вы приучили отделения сканировать документы в день поступления?", "adoption", "ru", []string{"scanning-and-capture"}, nil, []string{"business"}},
	{"Как досье клиентов защищены от сотрудников, которым их видеть не положено?", "security", "ru", []string{"customer-files"}, []string{"banking", "insurance", "healthcare"}, []string{"it", "legal"}},
	{"Как согласовывали условия лицензии с учётом роста объёма документов?", "costs", "ru", nil, nil, []string{"procurement"}},
	{"Что бы вы сделали по-другому, если бы начинали проект заново?", "project", "ru", nil, nil, nil},
}

func questionsTOML() []byte {
	var b strings.Builder
	b.WriteString("# Question bank (PRIVATE). Generated by internal/corpus.\n")
	list := func(items []string) string {
		if len(items) == 0 {
			return "[]"
		}
		return quoteList(items)
	}
	for _, q := range questionBank {
		b.WriteString("\n[[question]]\n")
		b.WriteString("text = " + quote(q.text) + "\n")
		b.WriteString("topic = " + quote(q.topic) + "\n")
		b.WriteString("language = " + quote(q.lang) + "\n")
		b.WriteString("project_types = " + list(q.projectTypes) + "\n")
		b.WriteString("industries = " + list(q.industries) + "\n")
		b.WriteString("sides = " + list(q.sides) + "\n")
	}
	return []byte(b.String())
}
