package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/refpack/refpack/internal/locale"
)

// messages holds the report's fixed strings in every language refpack
// writes; {name} placeholders are filled by text.format. A new language is
// one more entry here.
var messages = map[string]map[string]string{
	"en": {
		"kind_obligation":    "Promise",
		"kind_follow_up":     "Follow-up",
		"kind_health":        "Health",
		"kind_consent":       "Consent",
		"kind_weak_match":    "No good match",
		"kind_quota":         "Quota",
		"cell_legend":        "Each cell: references / prospects",
		"chart_months":       "Stacked bars of asks per month: {summary}",
		"chart_quota":        "Bars of asks against the yearly quota: {summary}",
		"chart_demand":       "Heatmap of industries × project types; {n} cells have prospects and no reference",
		"title":              "Reference programme at a glance",
		"private":            "Internal — names customers, prospects and deal values. Never publish or forward outside the company.",
		"period":             "{site} · the 12 months from {from} to {to}",
		"s_alerts":           "To do this week",
		"no_alerts":          "Nothing needs doing this week: every promise is kept and every follow-up made.",
		"s_programme":        "Programme",
		"k_asks":             "Prospects asked",
		"k_asks_detail":      "{asks}: {visits}, {calls}",
		"k_win_rate":         "Win rate",
		"k_win_detail":       "{won} won · {lost} lost · {pending} pending",
		"k_no_win_rate":      "no deal decided yet",
		"k_influenced":       "Influenced revenue",
		"k_influenced_none":  "none yet",
		"k_influenced_note":  "value of deals won after a reference ask",
		"k_willing":          "References live and willing",
		"k_willing_detail":   "of {n} reference customers",
		"k_follow_ups":       "Follow-ups due",
		"k_obligations":      "Promises open > {n} days",
		"s_months":           "Asks per month by outcome",
		"months_caption":     "Reference visits and calls per month, by the outcome recorded in the ledger. Months marked * are only partly in the window.",
		"s_quota":            "Quota use per reference",
		"quota_caption":      "Asks in the window against each reference's yearly quota (max_visits_per_year); red: used up, excluded from matching.",
		"no_quota":           "No reference with a yearly quota was asked in the window.",
		"s_demand":           "Demand against coverage",
		"demand_caption":     "Industry × project type: live, visit-willing references against the prospects that want that cell. Red cells have prospects and no reference: fill them first.",
		"legend_gap":         "prospects, no reference",
		"legend_covered":     "prospects and references",
		"legend_supply":      "references only",
		"legend_empty":       "neither",
		"cell_title":         "{industry} × {type}: {r} references, {p} prospects",
		"s_gaps":             "Cells to fill first",
		"no_gaps":            "Every industry × project type that prospects want has a reference.",
		"s_weak":             "Prospects without a good match",
		"weak_intro":         "Best match scores under {n}.",
		"no_weak":            "Every prospect has a good match.",
		"no_match":           "none: every reference is excluded",
		"s_refs":             "References",
		"refs_intro":         "Each customer once (translations together); asks count ledger entries in the window.",
		"refs_more":          "{n} more references without asks, promises or alerts are left out of this table.",
		"rows_more":          "{n} more not shown here; refpack report --json lists them all.",
		"s_follow_ups":       "Follow-ups due",
		"no_follow_ups":      "No follow-up is due.",
		"s_obligations":      "Open promises to reference customers",
		"no_obligations":     "Every promise to a reference customer has been delivered.",
		"reference":          "Reference",
		"prospect":           "Prospect",
		"industry":           "Industry",
		"project_type":       "Project type",
		"asks":               "Asks",
		"visits_calls":       "Visits / calls",
		"quota":              "Quota",
		"no_limit":           "no limit",
		"last_ask":           "Last ask",
		"never":              "never",
		"outcomes":           "Won / lost / pending",
		"win_rate":           "Win rate",
		"influenced":         "Influenced",
		"open_promises":      "Open promises",
		"oldest_days":        "{n}, oldest {days}",
		"health":             "Health",
		"consent":            "Consent",
		"consent_public":     "public",
		"consent_private":    "packs only",
		"consent_until":      "until {date}",
		"consent_none":       "—",
		"month":              "Month",
		"total":              "Total",
		"score":              "Best score",
		"best":               "Best match",
		"visit_date":         "Visit date",
		"date":               "Date",
		"due":                "Follow-up due",
		"overdue":            "Days overdue",
		"bonus":              "Promised",
		"days_open":          "Days open",
		"entry":              "No.",
		"won":                "won",
		"lost":               "lost",
		"pending":            "pending",
		"green":              "green",
		"amber":              "amber",
		"red":                "red",
		"na":                 "—",
		"footer":             "Made by refpack report on {date} from content/visits.toml, the case studies and the prospects. Entries dated after {date} are left out.",
		"alert_obligation":   "Deliver to {case} what was promised {days} ago for {prospect}: {bonus} (visit set {n} --bonus-delivered)",
		"alert_follow_up":    "Follow up with {prospect} after the ask to {case} on {date}: due {days} ago; record the outcome (visit set {n} --outcome)",
		"alert_follow_up_0":  "Follow up with {prospect} after the ask to {case} on {date}: due today; record the outcome (visit set {n} --outcome)",
		"alert_health_red":   "{case} is in red health: repair the relationship before asking it again{why}",
		"alert_health_amber": "{case} is in amber health and was asked {times} this year: check the relationship before the next ask{why}",
		"alert_consent_gone": "{case}: the consent to publish expired on {date}; renew it or the case stays off the site",
		"alert_consent_soon": "{case}: the consent to publish expires on {date}; ask for a renewal now",
		"alert_weak":         "{prospect} visits on {date} and its best match scores {score}: find a closer reference or offer a call",
		"alert_weak_none":    "{prospect} visits on {date} and no reference can be recommended: find one or offer a call",
		"alert_quota":        "{case} has hosted {asks} against a yearly quota of {m}: rest it, or ask its permission first",
		"why":                ": {reasons}",
		"list_sep":           ", ",
		"days_one":           "{n} day",
		"days_other":         "{n} days",
		"times_one":          "once",
		"times_other":        "{n} times",
		"asks_one":           "{n} ask",
		"asks_other":         "{n} asks",
		"visits_one":         "{n} visit",
		"visits_other":       "{n} visits",
		"calls_one":          "{n} call",
		"calls_other":        "{n} calls",
	},
	"ja": {
		"kind_obligation":    "約束",
		"kind_follow_up":     "フォローアップ",
		"kind_health":        "関係",
		"kind_consent":       "公開許諾",
		"kind_weak_match":    "適切なマッチなし",
		"kind_quota":         "訪問枠",
		"cell_legend":        "各セル: リファレンス / 見込み客",
		"chart_months":       "月別依頼件数の積み上げ棒グラフ: {summary}",
		"chart_quota":        "年間枠に対する依頼件数の棒グラフ: {summary}",
		"chart_demand":       "業種 × プロジェクト種別のヒートマップ。見込み客がいてリファレンスのないセルは{n}個",
		"title":              "リファレンスプログラムの概況",
		"private":            "社外秘 — 顧客名・見込み客・商談金額を含みます。公開・社外転送は厳禁です。",
		"period":             "{site} · {from}から{to}までの12か月",
		"s_alerts":           "今週やること",
		"no_alerts":          "今週対応すべき事項はありません。約束はすべて履行され、フォローアップも済んでいます。",
		"s_programme":        "プログラム全体",
		"k_asks":             "依頼した見込み客",
		"k_asks_detail":      "依頼{asks}: {visits}、{calls}",
		"k_win_rate":         "受注率",
		"k_win_detail":       "受注{won} · 失注{lost} · 未定{pending}",
		"k_no_win_rate":      "決着した商談はまだありません",
		"k_influenced":       "影響を与えた売上",
		"k_influenced_none":  "まだありません",
		"k_influenced_note":  "リファレンス依頼後に受注した商談の金額",
		"k_willing":          "協力可能なリファレンス",
		"k_willing_detail":   "リファレンス顧客{n}社中",
		"k_follow_ups":       "期限の来たフォローアップ",
		"k_obligations":      "{n}日超の未履行の約束",
		"s_months":           "月別の依頼件数(結果別)",
		"months_caption":     "月ごとのリファレンス訪問・電話の件数を、台帳に記録された結果別に示します。*の月は期間に一部のみ含まれます。",
		"s_quota":            "リファレンスごとの訪問枠の使用状況",
		"quota_caption":      "期間内の依頼件数と年間の訪問枠(max_visits_per_year)。赤は使い切り(マッチング対象外)。",
		"no_quota":           "年間の訪問枠を持つリファレンスへの依頼は期間内にありません。",
		"s_demand":           "需要とカバレッジ",
		"demand_caption":     "業種 × プロジェクト種別ごとの、訪問可能な稼働中リファレンスと、それを求める見込み客。赤のセルは見込み客がいるのにリファレンスがありません。優先して埋めてください。",
		"legend_gap":         "見込み客あり・リファレンスなし",
		"legend_covered":     "見込み客・リファレンスともにあり",
		"legend_supply":      "リファレンスのみ",
		"legend_empty":       "どちらもなし",
		"cell_title":         "{industry} × {type}: リファレンス{r}件、見込み客{p}件",
		"s_gaps":             "優先して埋めるべきセル",
		"no_gaps":            "見込み客が求める業種 × プロジェクト種別には、すべてリファレンスがあります。",
		"s_weak":             "適切なリファレンスがない見込み客",
		"weak_intro":         "最良のマッチのスコアが{n}未満。",
		"no_weak":            "すべての見込み客に適切なリファレンスがあります。",
		"no_match":           "なし(全リファレンスが対象外)",
		"s_refs":             "リファレンス",
		"refs_intro":         "顧客ごとに1行(翻訳版はまとめて集計)。依頼件数は期間内の台帳の件数です。",
		"refs_more":          "依頼・約束・アラートのないリファレンス{n}社はこの表から省いています。",
		"rows_more":          "ほか{n}件はここに表示していません。refpack report --json ですべて確認できます。",
		"s_follow_ups":       "期限の来たフォローアップ",
		"no_follow_ups":      "期限の来たフォローアップはありません。",
		"s_obligations":      "リファレンス顧客への未履行の約束",
		"no_obligations":     "リファレンス顧客への約束はすべて履行済みです。",
		"reference":          "リファレンス",
		"prospect":           "見込み客",
		"industry":           "業種",
		"project_type":       "プロジェクト種別",
		"asks":               "依頼",
		"visits_calls":       "訪問 / 電話",
		"quota":              "年間枠",
		"no_limit":           "上限なし",
		"last_ask":           "最終依頼日",
		"never":              "なし",
		"outcomes":           "受注 / 失注 / 未定",
		"win_rate":           "受注率",
		"influenced":         "影響売上",
		"open_promises":      "未履行の約束",
		"oldest_days":        "{n}件、最長{days}",
		"health":             "関係",
		"consent":            "公開許諾",
		"consent_public":     "公開可",
		"consent_private":    "資料のみ",
		"consent_until":      "{date}まで",
		"consent_none":       "—",
		"month":              "月",
		"total":              "合計",
		"score":              "最高スコア",
		"best":               "最良のマッチ",
		"visit_date":         "訪問日",
		"date":               "日付",
		"due":                "フォローアップ期日",
		"overdue":            "超過日数",
		"bonus":              "約束した内容",
		"days_open":          "経過日数",
		"entry":              "番号",
		"won":                "受注",
		"lost":               "失注",
		"pending":            "未定",
		"green":              "良好",
		"amber":              "注意",
		"red":                "要対応",
		"na":                 "—",
		"footer":             "refpack report により{date}に content/visits.toml、事例、見込み客から作成。{date}より後の記録は含みません。",
		"alert_obligation":   "{prospect}のために{days}前に{case}へ約束した内容を履行してください: {bonus}(visit set {n} --bonus-delivered)",
		"alert_follow_up":    "{date}の{case}への依頼後の{prospect}へのフォローアップが{days}超過しています。結果を記録してください(visit set {n} --outcome)",
		"alert_follow_up_0":  "{date}の{case}への依頼後の{prospect}へのフォローアップの期日は本日です。結果を記録してください(visit set {n} --outcome)",
		"alert_health_red":   "{case}との関係が要対応です。次の依頼の前に関係を修復してください{why}",
		"alert_health_amber": "{case}との関係に注意が必要で、今年{times}依頼しています。次の依頼の前に状況を確認してください{why}",
		"alert_consent_gone": "{case}: 公開許諾が{date}に失効しました。更新しない限り事例はサイトに掲載されません",
		"alert_consent_soon": "{case}: 公開許諾が{date}に失効します。今のうちに更新を依頼してください",
		"alert_weak":         "{prospect}の訪問は{date}ですが、最良のマッチのスコアは{score}です。より近いリファレンスを探すか、電話を提案してください",
		"alert_weak_none":    "{prospect}の訪問は{date}ですが、推薦できるリファレンスがありません。探すか、電話を提案してください",
		"alert_quota":        "{case}は年間枠{m}回に対して{asks}の依頼を受けています。休ませるか、事前に了承を得てください",
		"why":                "({reasons})",
		"list_sep":           "、",
		"days_other":         "{n}日",
		"times_other":        "{n}回",
		"asks_other":         "{n}件",
		"visits_other":       "訪問{n}件",
		"calls_other":        "電話{n}件",
	},
	"ru": {
		"kind_obligation":    "Обещание",
		"kind_follow_up":     "Follow-up",
		"kind_health":        "Отношения",
		"kind_consent":       "Согласие",
		"kind_weak_match":    "Нет совпадения",
		"kind_quota":         "Лимит",
		"cell_legend":        "В ячейке: референсы / потенциальные клиенты",
		"chart_months":       "Столбцы обращений по месяцам: {summary}",
		"chart_quota":        "Полосы обращений против годового лимита: {summary}",
		"chart_demand":       "Тепловая карта отраслей × типов проектов; ячеек со спросом и без референса: {n}",
		"title":              "Референс-программа: общая картина",
		"private":            "Для внутреннего пользования — содержит имена клиентов, потенциальных клиентов и суммы сделок. Не публиковать и не пересылать за пределы компании.",
		"period":             "{site} · 12 месяцев с {from} по {to}",
		"s_alerts":           "Что сделать на этой неделе",
		"no_alerts":          "На этой неделе ничего не требуется: все обещания выполнены, все follow-up проведены.",
		"s_programme":        "Программа",
		"k_asks":             "Потенциальных клиентов",
		"k_asks_detail":      "{asks}: {visits}, {calls}",
		"k_win_rate":         "Доля выигранных",
		"k_win_detail":       "выиграно {won} · проиграно {lost} · в работе {pending}",
		"k_no_win_rate":      "решённых сделок пока нет",
		"k_influenced":       "Выручка с участием референсов",
		"k_influenced_none":  "пока нет",
		"k_influenced_note":  "сумма сделок, выигранных после обращения к референсу",
		"k_willing":          "Активные референсы",
		"k_willing_detail":   "из {n} референс-клиентов",
		"k_follow_ups":       "Follow-up к сроку",
		"k_obligations":      "Обещания старше {n} дней",
		"s_months":           "Обращения по месяцам и результатам",
		"months_caption":     "Референс-визиты и звонки по месяцам, по результату в журнале. Месяцы со * входят в период не целиком.",
		"s_quota":            "Использование лимита по референсам",
		"quota_caption":      "Обращения за период против годового лимита (max_visits_per_year); красным — лимит исчерпан, референс исключён из подбора.",
		"no_quota":           "За период не было обращений к референсам с годовым лимитом.",
		"s_demand":           "Спрос и покрытие",
		"demand_caption":     "Отрасль × тип проекта: активные референсы, готовые принимать визиты, против потенциальных клиентов в этой ячейке. Красные ячейки — есть спрос, нет референса: их заполнять в первую очередь.",
		"legend_gap":         "есть спрос, нет референса",
		"legend_covered":     "есть спрос и референсы",
		"legend_supply":      "только референсы",
		"legend_empty":       "ни того, ни другого",
		"cell_title":         "{industry} × {type}: референсов {r}, потенциальных клиентов {p}",
		"s_gaps":             "Что заполнить в первую очередь",
		"no_gaps":            "Для каждой ячейки отрасль × тип проекта, нужной потенциальным клиентам, есть референс.",
		"s_weak":             "Потенциальные клиенты без хорошего референса",
		"weak_intro":         "Лучшее совпадение ниже {n}.",
		"no_weak":            "У каждого потенциального клиента есть хороший референс.",
		"no_match":           "нет: все референсы исключены",
		"s_refs":             "Референсы",
		"refs_intro":         "Каждый клиент один раз (переводы вместе); обращения — записи журнала за период.",
		"refs_more":          "Ещё референсов без обращений, обещаний и предупреждений: {n}; в таблицу не включены.",
		"rows_more":          "Ещё {n} здесь не показаны; полный список — в refpack report --json.",
		"s_follow_ups":       "Follow-up к сроку",
		"no_follow_ups":      "Сроков follow-up нет.",
		"s_obligations":      "Невыполненные обещания референс-клиентам",
		"no_obligations":     "Все обещания референс-клиентам выполнены.",
		"reference":          "Референс",
		"prospect":           "Потенциальный клиент",
		"industry":           "Отрасль",
		"project_type":       "Тип проекта",
		"asks":               "Обращения",
		"visits_calls":       "Визиты / звонки",
		"quota":              "Лимит",
		"no_limit":           "без лимита",
		"last_ask":           "Последнее",
		"never":              "не было",
		"outcomes":           "Выигр. / проигр. / в работе",
		"win_rate":           "Доля выигр.",
		"influenced":         "Выручка",
		"open_promises":      "Обещания",
		"oldest_days":        "{n}, старейшему {days}",
		"health":             "Отношения",
		"consent":            "Согласие",
		"consent_public":     "публично",
		"consent_private":    "только досье",
		"consent_until":      "до {date}",
		"consent_none":       "—",
		"month":              "Месяц",
		"total":              "Всего",
		"score":              "Лучший балл",
		"best":               "Лучшее совпадение",
		"visit_date":         "Дата визита",
		"date":               "Дата",
		"due":                "Срок follow-up",
		"overdue":            "Просрочено, дн.",
		"bonus":              "Обещано",
		"days_open":          "Открыто, дн.",
		"entry":              "№",
		"won":                "выиграно",
		"lost":               "проиграно",
		"pending":            "в работе",
		"green":              "зелёный",
		"amber":              "жёлтый",
		"red":                "красный",
		"na":                 "—",
		"footer":             "Подготовлено refpack report {date} по content/visits.toml, кейсам и потенциальным клиентам. Записи после {date} не учтены.",
		"alert_obligation":   "Выполнить обещание клиенту {case}, данное {days} назад ради {prospect}: {bonus} (visit set {n} --bonus-delivered)",
		"alert_follow_up":    "Связаться с {prospect} после обращения к {case} {date}: срок прошёл {days} назад; запишите результат (visit set {n} --outcome)",
		"alert_follow_up_0":  "Связаться с {prospect} после обращения к {case} {date}: срок сегодня; запишите результат (visit set {n} --outcome)",
		"alert_health_red":   "Отношения с {case} в красной зоне: восстановите их, прежде чем снова просить{why}",
		"alert_health_amber": "Отношения с {case} в жёлтой зоне, а за год к нему обращались {times}: проверьте отношения перед следующим{why}",
		"alert_consent_gone": "{case}: согласие на публикацию истекло {date}; продлите его, иначе кейс не вернётся на сайт",
		"alert_consent_soon": "{case}: согласие на публикацию истекает {date}; попросите продление сейчас",
		"alert_weak":         "{prospect}: визит {date}, а лучшее совпадение набирает {score}; найдите более близкий референс или предложите звонок",
		"alert_weak_none":    "{prospect}: визит {date}, а рекомендовать некого; найдите референс или предложите звонок",
		"alert_quota":        "{case}: {asks} при годовом лимите {m}; дайте клиенту отдохнуть или заранее спросите согласия",
		"why":                ": {reasons}",
		"list_sep":           ", ",
		"days_one":           "{n} день",
		"days_few":           "{n} дня",
		"days_many":          "{n} дней",
		"times_one":          "{n} раз",
		"times_few":          "{n} раза",
		"times_many":         "{n} раз",
		"asks_one":           "{n} обращение",
		"asks_few":           "{n} обращения",
		"asks_many":          "{n} обращений",
		"visits_one":         "{n} визит",
		"visits_few":         "{n} визита",
		"visits_many":        "{n} визитов",
		"calls_one":          "{n} звонок",
		"calls_few":          "{n} звонка",
		"calls_many":         "{n} звонков",
	},
	"de": {
		"kind_obligation":    "Zusage",
		"kind_follow_up":     "Nachfassen",
		"kind_health":        "Beziehung",
		"kind_consent":       "Freigabe",
		"kind_weak_match":    "Keine gute Übereinstimmung",
		"kind_quota":         "Kontingent",
		"cell_legend":        "Jede Zelle: Referenzen / Interessenten",
		"chart_months":       "Gestapelte Balken der Anfragen pro Monat: {summary}",
		"chart_quota":        "Balken der Anfragen im Vergleich zum Jahreskontingent: {summary}",
		"chart_demand":       "Heatmap Branchen × Projekttypen; Zellen mit Interessenten und ohne Referenz: {n}",
		"title":              "Referenzprogramm auf einen Blick",
		"private":            "Intern – nennt Kunden, Interessenten und Auftragswerte. Niemals veröffentlichen oder außerhalb des Unternehmens weitergeben.",
		"period":             "{site} · die 12 Monate vom {from} bis {to}",
		"s_alerts":           "Diese Woche zu erledigen",
		"no_alerts":          "Diese Woche ist nichts zu tun: Alle Zusagen sind erfüllt, alle Nachfassaktionen erledigt.",
		"s_programme":        "Programm",
		"k_asks":             "Angefragte Interessenten",
		"k_asks_detail":      "{asks}: {visits}, {calls}",
		"k_win_rate":         "Gewinnquote",
		"k_win_detail":       "{won} gewonnen · {lost} verloren · {pending} offen",
		"k_no_win_rate":      "noch kein Auftrag entschieden",
		"k_influenced":       "Beeinflusster Umsatz",
		"k_influenced_none":  "bisher keiner",
		"k_influenced_note":  "Wert der nach einer Referenzanfrage gewonnenen Aufträge",
		"k_willing":          "Produktive und bereite Referenzen",
		"k_willing_detail":   "von {n} Referenzkunden",
		"k_follow_ups":       "Fällige Nachfassaktionen",
		"k_obligations":      "Zusagen offen > {n} Tage",
		"s_months":           "Anfragen pro Monat nach Ergebnis",
		"months_caption":     "Referenzbesuche und -telefonate pro Monat, nach dem im Besuchsjournal erfassten Ergebnis. Mit * markierte Monate liegen nur teilweise im Zeitraum.",
		"s_quota":            "Kontingentnutzung je Referenz",
		"quota_caption":      "Anfragen im Zeitraum im Vergleich zum Jahreskontingent jeder Referenz (max_visits_per_year); rot: ausgeschöpft, vom Matching ausgeschlossen.",
		"no_quota":           "Keine Referenz mit Jahreskontingent wurde im Zeitraum angefragt.",
		"s_demand":           "Nachfrage und Abdeckung",
		"demand_caption":     "Branche × Projekttyp: produktive, besuchsbereite Referenzen im Vergleich zu den Interessenten, die diese Zelle suchen. Rote Zellen haben Interessenten, aber keine Referenz: Füllen Sie diese zuerst.",
		"legend_gap":         "Interessenten, keine Referenz",
		"legend_covered":     "Interessenten und Referenzen",
		"legend_supply":      "nur Referenzen",
		"legend_empty":       "keines von beiden",
		"cell_title":         "{industry} × {type}: Referenzen {r}, Interessenten {p}",
		"s_gaps":             "Zuerst zu füllende Zellen",
		"no_gaps":            "Für jede von Interessenten gesuchte Kombination aus Branche und Projekttyp gibt es eine Referenz.",
		"s_weak":             "Interessenten ohne gute Übereinstimmung",
		"weak_intro":         "Beste Übereinstimmung unter {n}.",
		"no_weak":            "Jeder Interessent hat eine gute Übereinstimmung.",
		"no_match":           "keine: Alle Referenzen sind ausgeschlossen",
		"s_refs":             "Referenzen",
		"refs_intro":         "Jeder Kunde einmal (Übersetzungen zusammen); Anfragen zählen die Einträge im Besuchsjournal innerhalb des Zeitraums.",
		"refs_more":          "Weitere Referenzen ohne Anfragen, Zusagen oder Hinweise fehlen in dieser Tabelle: {n}.",
		"rows_more":          "Hier nicht gezeigt: {n} weitere; refpack report --json listet alle.",
		"s_follow_ups":       "Fällige Nachfassaktionen",
		"no_follow_ups":      "Keine Nachfassaktion ist fällig.",
		"s_obligations":      "Offene Zusagen an Referenzkunden",
		"no_obligations":     "Alle Zusagen an Referenzkunden sind erfüllt.",
		"reference":          "Referenz",
		"prospect":           "Interessent",
		"industry":           "Branche",
		"project_type":       "Projekttyp",
		"asks":               "Anfragen",
		"visits_calls":       "Besuche / Telefonate",
		"quota":              "Kontingent",
		"no_limit":           "unbegrenzt",
		"last_ask":           "Letzte Anfrage",
		"never":              "nie",
		"outcomes":           "Gewonnen / verloren / offen",
		"win_rate":           "Gewinnquote",
		"influenced":         "Beeinflusst",
		"open_promises":      "Offene Zusagen",
		"oldest_days":        "{n}, älteste seit {days}",
		"health":             "Beziehung",
		"consent":            "Freigabe",
		"consent_public":     "öffentlich",
		"consent_private":    "nur Unterlagen",
		"consent_until":      "bis {date}",
		"consent_none":       "—",
		"month":              "Monat",
		"total":              "Gesamt",
		"score":              "Beste Bewertung",
		"best":               "Beste Übereinstimmung",
		"visit_date":         "Besuchstermin",
		"date":               "Datum",
		"due":                "Nachfassen fällig",
		"overdue":            "Tage überfällig",
		"bonus":              "Zugesagt",
		"days_open":          "Tage offen",
		"entry":              "Nr.",
		"won":                "gewonnen",
		"lost":               "verloren",
		"pending":            "offen",
		"green":              "grün",
		"amber":              "gelb",
		"red":                "rot",
		"na":                 "—",
		"footer":             "Erstellt mit refpack report am {date} aus content/visits.toml, den Fallstudien und den Interessenten. Einträge nach dem {date} sind nicht berücksichtigt.",
		"alert_obligation":   "Erfüllen Sie gegenüber {case}, was vor {days} für {prospect} zugesagt wurde: {bonus} (visit set {n} --bonus-delivered)",
		"alert_follow_up":    "Fassen Sie bei {prospect} nach der Anfrage an {case} vom {date} nach: seit {days} fällig; erfassen Sie das Ergebnis (visit set {n} --outcome)",
		"alert_follow_up_0":  "Fassen Sie bei {prospect} nach der Anfrage an {case} vom {date} nach: heute fällig; erfassen Sie das Ergebnis (visit set {n} --outcome)",
		"alert_health_red":   "Die Beziehung zu {case} ist rot: Bringen Sie sie in Ordnung, bevor Sie erneut anfragen{why}",
		"alert_health_amber": "Die Beziehung zu {case} ist gelb, und die Referenz wurde dieses Jahr {times} angefragt: Prüfen Sie die Beziehung vor der nächsten Anfrage{why}",
		"alert_consent_gone": "{case}: Die Freigabe zur Veröffentlichung ist am {date} abgelaufen; erneuern Sie sie, sonst bleibt die Fallstudie offline",
		"alert_consent_soon": "{case}: Die Freigabe zur Veröffentlichung läuft am {date} ab; bitten Sie jetzt um Verlängerung",
		"alert_weak":         "{prospect} kommt am {date}, und die beste Übereinstimmung erreicht {score}: Suchen Sie eine passendere Referenz oder bieten Sie ein Telefonat an",
		"alert_weak_none":    "{prospect} kommt am {date}, und keine Referenz lässt sich empfehlen: Finden Sie eine oder bieten Sie ein Telefonat an",
		"alert_quota":        "{case} hatte {asks} bei einem Jahreskontingent von {m}: Gönnen Sie der Referenz eine Pause oder fragen Sie vorher um Erlaubnis",
		"why":                ": {reasons}",
		"list_sep":           ", ",
		// "days" always follows "vor" or "seit" here, hence the dative plural.
		"days_one":     "{n} Tag",
		"days_other":   "{n} Tagen",
		"times_one":    "einmal",
		"times_other":  "{n}-mal",
		"asks_one":     "{n} Anfrage",
		"asks_other":   "{n} Anfragen",
		"visits_one":   "{n} Besuch",
		"visits_other": "{n} Besuche",
		"calls_one":    "{n} Telefonat",
		"calls_other":  "{n} Telefonate",
	},
}

// monthNames are the short month names of the charts.
var monthNames = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"ja": {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
	"ru": {"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."},
	"de": {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
}

// Text formats the report's strings in one language.
type Text struct {
	lang string
	m    map[string]string
}

func textIn(lang string) Text {
	if m, ok := messages[lang]; ok {
		return Text{lang, m}
	}
	return Text{"en", messages["en"]}
}

// TextIn returns the strings of lang, English when refpack has none.
func TextIn(lang string) Text { return textIn(lang) }

// Lang is the language of the strings.
func (t Text) Lang() string { return t.lang }

// T returns the string key with its {name} placeholders filled from pairs
// of name and value.
func (t Text) T(key string, pairs ...string) string {
	s, ok := t.m[key]
	if !ok {
		s = messages["en"][key]
	}
	if !strings.Contains(s, "{") {
		return s
	}
	// One pass: a large programme formats tens of thousands of alerts.
	var b strings.Builder
	b.Grow(len(s) + 64)
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(s)
			return b.String()
		}
		name, value := s[i+1:i+j], s[i:i+j+1]
		for k := 0; k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				value = pairs[k+1]
				break
			}
		}
		b.WriteString(s[:i])
		b.WriteString(value)
		s = s[i+j+1:]
	}
}

// N formats a count with its noun in the right plural form, by the CLDR
// rules of the language (see locale.PluralCategory): key is the noun's
// stem, e.g. "days" for "days_one", "days_other".
func (t Text) N(key string, n int) string {
	return t.T(key+"_"+locale.PluralCategory(n, t.lang), "n", t.Int(n))
}

// Int formats n with the language's digit grouping.
func (t Text) Int(n int) string { return locale.Number(int64(n), t.lang) }

// Decimal formats a score with two decimals and the language's decimal mark.
func (t Text) Decimal(x float64) string { return locale.Decimal(x, 2, t.lang) }

// Date formats a calendar date.
func (t Text) Date(d time.Time) string { return locale.Date(d, t.lang) }

// Month names a month for a chart axis: "Dec 2025", "2025年12月".
func (t Text) Month(d time.Time) string {
	name := monthNames[t.lang][d.Month()-1]
	if t.lang == "ja" {
		return fmt.Sprintf("%d年%s", d.Year(), name)
	}
	return fmt.Sprintf("%s %d", name, d.Year())
}

// Percent formats a share in [0, 1] as a whole percentage; "—" for nil.
func (t Text) Percent(r *float64) string {
	if r == nil {
		return t.T("na")
	}
	n := int(math.Round(*r * 100))
	if t.lang == "ru" || t.lang == "de" {
		return fmt.Sprintf("%d\u00a0%%", n)
	}
	return fmt.Sprintf("%d%%", n)
}

// Money formats amounts per currency, currencies in alphabetical order:
// "1,250,000 EUR · 30,000,000 JPY"; "—" when there are none.
func (t Text) Money(m map[string]int64) string {
	if len(m) == 0 {
		return t.T("na")
	}
	var parts []string
	for _, cur := range Currencies(m) {
		parts = append(parts, locale.Number(m[cur], t.lang)+"\u00a0"+cur)
	}
	return strings.Join(parts, " · ")
}

// MonthName is the short name of d's month.
func (t Text) MonthName(d time.Time) string { return monthNames[t.lang][d.Month()-1] }

// Outcome translates a ledger outcome or health level.
func (t Text) Outcome(s string) string {
	if v, ok := t.m[s]; ok && s != "" {
		return v
	}
	return s
}
