package corpus

import (
	"math/rand/v2"
	"strconv"
)

// metricTpl is one kind of [[metrics]] entry: alternative labels and a value.
type metricTpl struct {
	labels []string
	value  string
}

// metricTpls are aligned across languages: index k is the same kind.
var metricTpls = [3][]metricTpl{
	en: {
		{[]string{"Time to find a document", "Time to retrieve a signed contract", "Search time for {doc}"}, "from {t1} to {t2}"},
		{[]string{"Paper storage costs", "Offsite storage costs"}, "down {pct}"},
		{[]string{"Documents in the archive"}, "{docs_num}"},
		{[]string{"Pages scanned per day"}, "{pages_day}"},
		{[]string{"Audit preparation", "Time to answer a regulator's request"}, "from {t1} to {t2}"},
		{[]string{"Approval cycle", "Invoice approval cycle"}, "{cycle}"},
		{[]string{"Active users"}, "{users_n} at {sites_n}"},
		{[]string{"Payback period"}, "{payback}"},
		{[]string{"Courier costs between offices"}, "down {pct}"},
		{[]string{"Storage space released"}, "{area}"},
		{[]string{"Documents signed electronically"}, "{pct}"},
	},
	ja: {
		{[]string{"文書の検索時間", "署名済み契約書の取り出し時間", "{doc}の検索時間"}, "{t1}から{t2}に短縮"},
		{[]string{"紙の保管コスト", "外部倉庫の保管費"}, "{pct}削減"},
		{[]string{"アーカイブの文書数"}, "{docs_num}"},
		{[]string{"1日あたりのスキャン枚数"}, "{pages_day}"},
		{[]string{"監査準備の期間", "当局照会への回答時間"}, "{t1}から{t2}に短縮"},
		{[]string{"承認サイクル", "請求書の承認期間"}, "{cycle}"},
		{[]string{"利用者数"}, "{sites_n}で{users_n}"},
		{[]string{"投資回収期間"}, "{payback}"},
		{[]string{"拠点間の配送コスト"}, "{pct}削減"},
		{[]string{"削減した書庫スペース"}, "{area}"},
		{[]string{"電子署名された文書の比率"}, "{pct}"},
	},
	ru: {
		{[]string{"Время поиска документа", "Время получения подписанного договора", "Время поиска {doc_gen}"}, "с {t1} до {t2}"},
		{[]string{"Затраты на хранение бумаги", "Расходы на внешний склад"}, "−{pct}"},
		{[]string{"Документов в архиве"}, "{docs_num}"},
		{[]string{"Страниц сканируется в день"}, "{pages_day}"},
		{[]string{"Подготовка к аудиту", "Ответ на запрос регулятора"}, "с {t1} до {t2}"},
		{[]string{"Цикл согласования", "Согласование счетов"}, "{cycle}"},
		{[]string{"Пользователей"}, "{users_num}"},
		{[]string{"Срок окупаемости"}, "{payback}"},
		{[]string{"Курьерские расходы между офисами"}, "−{pct}"},
		{[]string{"Освобождено площадей"}, "{area}"},
		{[]string{"Доля документов с электронной подписью"}, "{pct}"},
	},
}

// tableRows are before/after rows for the results table.
var tableRows = [3][][3]string{
	en: {
		{"Time to find a document", "{T1}", "{T2}"},
		{"Audit preparation", "{T1}", "{T2}"},
		{"Paper storage costs", "100%", "{pct_left}"},
		{"Lost documents per year", "{many}", "{few}"},
		{"Scanned pages per day", "{few}", "{pages_day}"},
	},
	ja: {
		{"文書の検索時間", "{T1}", "{T2}"},
		{"監査準備の期間", "{T1}", "{T2}"},
		{"紙の保管コスト", "100%", "{pct_left}"},
		{"年間の紛失文書数", "{many}件", "{few}件"},
		{"1日あたりのスキャン枚数", "{few}", "{pages_day}"},
	},
	ru: {
		{"Время поиска документа", "{T1}", "{T2}"},
		{"Подготовка к аудиту", "{T1}", "{T2}"},
		{"Затраты на хранение бумаги", "100%", "{pct_left}"},
		{"Потерянных документов в год", "{many}", "{few}"},
		{"Страниц сканируется в день", "{few}", "{pages_day}"},
	},
}

// metricSlot fills the slots used only by metrics and tables; it reports
// whether name was one of them.
func (g *gen) metricSlot(name string) bool {
	l := g.l
	switch name {
	case "docs_num":
		if l == ja {
			g.put(jaNum(g.c.text.docs) + "件")
		} else {
			g.put(millions(l, g.c.text.docs))
		}
	case "users_num":
		g.put(fmtInt(l, g.c.text.users))
	case "pages_day":
		n := round2(int64(500 + g.r.IntN(200_000)))
		switch l {
		case ja:
			g.put(jaNum(n) + "ページ")
		case ru:
			g.put(fmtInt(l, n) + " " + ruPlural(n, "страница", "страницы", "страниц"))
		default:
			g.put(fmtInt(l, n) + " pages")
		}
	case "area":
		n := round2(int64(100 + g.r.IntN(9000)))
		switch l {
		case ja:
			g.put(fmtInt(en, n) + "㎡")
		case ru:
			g.put(fmtInt(l, n) + " м²")
		default:
			g.put(fmtInt(l, n) + " m²")
		}
	case "cycle":
		a := 5 + g.r.IntN(20)
		b := 1 + g.r.IntN(4)
		switch l {
		case ja:
			g.put(strconv.Itoa(a) + "日から" + strconv.Itoa(b) + "日に短縮")
		case ru:
			g.put("с " + strconv.Itoa(a) + " до " + strconv.Itoa(b) + " " + ruGenPlural(b, "дня", "дней"))
		default:
			g.put("from " + strconv.Itoa(a) + " days to " + unitDay.format(en, b))
		}
	case "T1":
		var t1 string
		t1, g.t2 = timePairNom(g.r, l)
		g.put(t1)
	case "T2":
		g.put(g.t2)
	case "pct_left":
		g.put(strconv.Itoa(10+g.r.IntN(60)) + "%")
	case "few":
		g.put(strconv.Itoa(g.num(2, 60)))
	case "many":
		g.put(fmtInt(l, round2(int64(g.num(150, 5000)))))
	default:
		return false
	}
	return true
}

// ruNom are the Russian nominative counting forms (1 день, 2 дня, 5 дней)
// of the time units, for table cells.
var ruNom = map[string][3]string{
	"week": {"неделя", "недели", "недель"}, "day": {"день", "дня", "дней"}, "hour": {"час", "часа", "часов"},
	"minute": {"минута", "минуты", "минут"}, "second": {"секунда", "секунды", "секунд"},
}

// timePairNom is timePair with the Russian units in the nominative.
func timePairNom(r *rand.Rand, l lang) (string, string) {
	if l != ru {
		return timePair(r, l)
	}
	f := func(u timeUnit, n int) string {
		forms := ruNom[u.en1]
		return strconv.Itoa(n) + " " + forms[pluralIndex(ru, n)]
	}
	switch r.IntN(4) {
	case 0:
		return f(unitWeek, 1+r.IntN(4)), f(unitDay, 1+r.IntN(3))
	case 1:
		return f(unitDay, 2+r.IntN(9)), f(unitMinute, 2+r.IntN(29))
	case 2:
		return f(unitHour, 2+r.IntN(7)), f(unitMinute, 1+r.IntN(10))
	}
	return f(unitMinute, 10+r.IntN(50)), f(unitSecond, 5+r.IntN(40))
}
