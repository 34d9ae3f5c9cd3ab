package match

import (
	"strconv"
	"strings"

	"github.com/refpack/refpack/internal/locale"
	"github.com/refpack/refpack/internal/support"
)

// messages holds the fixed strings of reasons and exclusions in every
// language refpack writes; {name} placeholders are filled by text.format.
var messages = map[string]map[string]string{
	"en": {
		"same_industry":       "Same industry: {a}",
		"related_industry":    "Related industry: {p} ↔ {c}",
		"cross_industry":      "Cross-industry project type: {t}",
		"project_types":       "Project types: {n} of {m} ({list})",
		"scale_similar":       "Similar size: {r} vs {p} {field}",
		"scale_larger":        "Larger, same order of magnitude: {r} vs {p} {field}",
		"scale_much_larger":   "Much larger: {r} vs {p} {field}",
		"scale_smaller":       "Smaller, same order of magnitude: {r} vs {p} {field}",
		"scale_much_smaller":  "Much smaller: {r} vs {p} {field}",
		"scale_none":          "Size: no common figures to compare",
		"same_region":         "Same region: {r}",
		"region_unknown":      "Region not given",
		"fresh":               "Fresh reference: {n} of {m} visits used this year",
		"fresh_unlimited":     "Fresh reference: no yearly visit limit",
		"draft":               "draft",
		"status":              "status is {s}",
		"no_visits":           "not willing to host visits",
		"health_red":          "relationship health is red",
		"quota":               "visit quota used: {n} of {m} in the last 365 days",
		"competitors":         "refuses prospects of its own industry (competitors = false)",
		"support_red":         "support health is red: {why}",
		"amber":               "Amber health, score × {f}: {why}",
		"amber_typed":         "set in [reference] health",
		"why_sep":             "; ",
		"employees":           "employees",
		"users":               "users",
		"documents":           "documents",
		"sites":               "sites",
		"status_pilot":        "pilot",
		"status_implementing": "implementing",
		"status_retired":      "retired",
		"list_sep":            ", ",
	},
	"ja": {
		"same_industry":       "同業種: {a}",
		"related_industry":    "関連業種: {p} ↔ {c}",
		"cross_industry":      "業種を問わないプロジェクト種別: {t}",
		"project_types":       "プロジェクト種別: {m}件中{n}件が一致({list})",
		"scale_similar":       "同程度の規模: {field} {r} 対 {p}",
		"scale_larger":        "やや大きい(同じ桁): {field} {r} 対 {p}",
		"scale_much_larger":   "大幅に大きい: {field} {r} 対 {p}",
		"scale_smaller":       "やや小さい(同じ桁): {field} {r} 対 {p}",
		"scale_much_smaller":  "大幅に小さい: {field} {r} 対 {p}",
		"scale_none":          "規模: 比較できる共通の数値なし",
		"same_region":         "同じ地域: {r}",
		"region_unknown":      "地域の指定なし",
		"fresh":               "訪問枠に余裕あり: 直近1年で{m}回中{n}回使用",
		"fresh_unlimited":     "訪問枠に余裕あり: 年間の訪問上限なし",
		"draft":               "下書き",
		"status":              "ステータスが{s}",
		"no_visits":           "訪問の受け入れ不可",
		"health_red":          "顧客との関係が要注意(health = red)",
		"quota":               "訪問枠を使い切り: 直近365日で{m}回中{n}回",
		"competitors":         "同業種の見込み客は受け入れない(competitors = false)",
		"support_red":         "サポート状況が赤: {why}",
		"amber":               "健全性が黄のためスコア×{f}: {why}",
		"amber_typed":         "[reference] health で指定",
		"why_sep":             "、",
		"employees":           "従業員数",
		"users":               "ユーザー数",
		"documents":           "文書数",
		"sites":               "拠点数",
		"status_pilot":        "試験運用(pilot)",
		"status_implementing": "導入中(implementing)",
		"status_retired":      "運用終了(retired)",
		"list_sep":            "、",
	},
	"ru": {
		"same_industry":       "Та же отрасль: {a}",
		"related_industry":    "Смежная отрасль: {p} ↔ {c}",
		"cross_industry":      "Межотраслевой тип проекта: {t}",
		"project_types":       "Типы проектов: {n} из {m} ({list})",
		"scale_similar":       "Сопоставимый масштаб: {r} против {p} ({field})",
		"scale_larger":        "Крупнее, тот же порядок: {r} против {p} ({field})",
		"scale_much_larger":   "Значительно крупнее: {r} против {p} ({field})",
		"scale_smaller":       "Меньше, тот же порядок: {r} против {p} ({field})",
		"scale_much_smaller":  "Значительно меньше: {r} против {p} ({field})",
		"scale_none":          "Масштаб: нет общих показателей для сравнения",
		"same_region":         "Тот же регион: {r}",
		"region_unknown":      "Регион не указан",
		"fresh":               "Свежий референс: использовано {n} из {m} визитов за год",
		"fresh_unlimited":     "Свежий референс: без годового лимита визитов",
		"draft":               "черновик",
		"status":              "статус: {s}",
		"no_visits":           "не готов принимать визиты",
		"health_red":          "отношения с клиентом в красной зоне (health = red)",
		"quota":               "лимит визитов исчерпан: {n} из {m} за последние 365 дней",
		"competitors":         "не принимает клиентов из своей отрасли (competitors = false)",
		"support_red":         "поддержка в красной зоне: {why}",
		"amber":               "Жёлтая зона, балл × {f}: {why}",
		"amber_typed":         "указано в [reference] health",
		"why_sep":             "; ",
		"employees":           "сотрудники",
		"users":               "пользователи",
		"documents":           "документы",
		"sites":               "площадки",
		"status_pilot":        "пилот (pilot)",
		"status_implementing": "внедряется (implementing)",
		"status_retired":      "выведен из эксплуатации (retired)",
		"list_sep":            ", ",
	},
	"de": {
		"amber":               "Gelber Status, Punktzahl × {f}: {why}",
		"amber_typed":         "in [reference] health eingetragen",
		"competitors":         "empfängt keine Interessenten der eigenen Branche (competitors = false)",
		"support_red":         "Support-Status ist rot: {why}",
		"why_sep":             "; ",
		"same_industry":       "Gleiche Branche: {a}",
		"related_industry":    "Verwandte Branche: {p} ↔ {c}",
		"cross_industry":      "Branchenübergreifender Projekttyp: {t}",
		"project_types":       "Projekttypen: {n} von {m} ({list})",
		"scale_similar":       "Ähnliche Größe: {r} zu {p} ({field})",
		"scale_larger":        "Größer, gleiche Größenordnung: {r} zu {p} ({field})",
		"scale_much_larger":   "Deutlich größer: {r} zu {p} ({field})",
		"scale_smaller":       "Kleiner, gleiche Größenordnung: {r} zu {p} ({field})",
		"scale_much_smaller":  "Deutlich kleiner: {r} zu {p} ({field})",
		"scale_none":          "Größe: keine gemeinsamen Kennzahlen zum Vergleich",
		"same_region":         "Gleiche Region: {r}",
		"region_unknown":      "Region nicht angegeben",
		"fresh":               "Unverbrauchte Referenz: {n} von {m} Besuchen in diesem Jahr genutzt",
		"fresh_unlimited":     "Unverbrauchte Referenz: keine jährliche Besuchsgrenze",
		"draft":               "Entwurf",
		"status":              "Status: {s}",
		"no_visits":           "empfängt keine Besuche",
		"health_red":          "Kundenbeziehung im roten Bereich (health = red)",
		"quota":               "Besuchskontingent ausgeschöpft: {n} von {m} in den letzten 365 Tagen",
		"employees":           "Mitarbeitende",
		"users":               "Anwender",
		"documents":           "Dokumente",
		"sites":               "Standorte",
		"status_pilot":        "Pilotbetrieb (pilot)",
		"status_implementing": "in Einführung (implementing)",
		"status_retired":      "außer Betrieb (retired)",
		"list_sep":            ", ",
	},
}

// text formats the strings of one language.
type text struct {
	lang string
	m    map[string]string
	// health keeps the words of the helpdesk's reasons, which repeat
	// across a ranking; nil: not kept.
	health map[support.Reason]string
}

// textIn returns the strings of lang, English when lang is unknown.
func textIn(lang string) text {
	if m, ok := messages[lang]; ok {
		return text{lang: lang, m: m}
	}
	return text{lang: "en", m: messages["en"]}
}

// format fills the {name} placeholders of the string key from pairs of
// name and value.
func (t text) format(key string, pairs ...string) string { return locale.Fill(t.m[key], pairs...) }

func (t text) status(s string) string {
	if v, ok := t.m["status_"+s]; ok {
		return v
	}
	return s
}

// Number formats n the way lang writes it (see locale.Number).
func Number(n int64, lang string) string { return locale.Number(n, lang) }

// factor writes a multiplier such as 0.8 with the language's decimal mark.
func factor(f float64, lang string) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if lang == "ru" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}
