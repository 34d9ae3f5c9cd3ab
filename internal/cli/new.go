package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", "new case|prospect NAME [-s SITE]",
		"Write a new case study (content/cases/NAME.md, a draft) or prospect\n(content/prospects/NAME.toml) with every key, commented, in the site's language.\nNAME is the slug: lower-case letters a-z, digits and dashes.", stderr)
	siteDir := flags.String("s", ".", "site root (the directory holding content/)")
	rest, code, ok := parse(flags, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 2 || (rest[0] != "case" && rest[0] != "prospect") {
		fmt.Fprintln(stderr, "usage: refpack new case|prospect NAME [-s SITE]")
		return ExitUsage
	}
	kind, name := rest[0], rest[1]
	if msg := content.SlugProblem(name); msg != "" {
		fmt.Fprintf(stderr, "refpack new: %s\n", msg)
		return ExitUsage
	}
	date, err := today()
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitUsage
	}
	var problems diag.List
	site := config.Load(os.DirFS(*siteDir), &problems)
	if site == nil || problems.HasErrors() {
		printProblems(stderr, problems.Problems)
		fmt.Fprintln(stderr, "refpack new: fix content/site.toml first: the new file takes its language and vocabulary from it")
		return ExitProblem
	}
	rel := filepath.Join("content", "cases", name+".md")
	if kind == "prospect" {
		rel = filepath.Join("content", "prospects", name+".toml")
	}
	if kind == "case" {
		// A bundle with the same slug is the same case study.
		bundle := filepath.Join(*siteDir, "content", "cases", name)
		if _, err := os.Lstat(bundle); err == nil {
			fmt.Fprintf(stderr, "refpack new: %s already exists; not overwriting it\n", bundle)
			return ExitProblem
		}
	}
	text, err := scaffold(kind, name, site, date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	target := filepath.Join(*siteDir, rel)
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	// O_EXCL: never overwrite, not even a file created a moment ago.
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "refpack new: %s already exists; not overwriting it\n", target)
		return ExitProblem
	}
	if err != nil {
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(target)
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	if err := f.Close(); err != nil {
		os.Remove(target)
		fmt.Fprintf(stderr, "refpack new: %v\n", err)
		return ExitProblem
	}
	fmt.Fprintf(stdout, "created %s\n", target)
	return ExitOK
}

// today is the current local date, or the date of SOURCE_DATE_EPOCH (UTC)
// when it is set, for reproducible output.
func today() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

// scaffoldData fills the scaffold templates.
type scaffoldData struct {
	T           map[string]string // strings in the site's language
	Name        string            // the slug
	Title       string            // the slug in words, a starting point for names
	Lang        string
	Date        string
	VisitDate   string
	Expires     string // a consent's usual five years
	Industry    string
	ProjectType string
	Region      string // "" when the site has no regions
}

func scaffold(kind, name string, site *config.Site, date time.Time) (string, error) {
	t, ok := scaffoldText[site.Language]
	if !ok {
		t = scaffoldText["en"]
	}
	d := scaffoldData{
		T:         t,
		Name:      name,
		Title:     words(name),
		Lang:      site.Language,
		Date:      date.Format(time.DateOnly),
		VisitDate: date.AddDate(0, 0, 30).Format(time.DateOnly),
		Expires:   date.AddDate(5, 0, 0).Format(time.DateOnly),
	}
	first := func(v config.Vocabulary, what string) (string, error) {
		if len(v.Terms) == 0 {
			return "", fmt.Errorf("content/site.toml defines no %s: add one first (see [%s.KEY] in the documentation)", what, what)
		}
		return v.Terms[0].Key, nil
	}
	var err error
	if d.Industry, err = first(site.Industries, "industries"); err != nil {
		return "", err
	}
	if d.ProjectType, err = first(site.ProjectTypes, "project_types"); err != nil {
		return "", err
	}
	if len(site.Regions.Terms) > 0 {
		d.Region = site.Regions.Terms[0].Key
	}
	tmpl := caseTemplate
	if kind == "prospect" {
		tmpl = prospectTemplate
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, d); err != nil {
		return "", err
	}
	return b.String(), nil
}

// words turns a slug into capitalised words: "acme-leasing" -> "Acme Leasing".
func words(slug string) string {
	parts := strings.Split(slug, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, " ")
}

var caseTemplate = template.Must(template.New("case").Parse(`+++
# {{.T.case_intro}}
title = "{{.T.title}}"   # {{.T.required}}
summary = "{{.T.summary}}"   # {{.T.summary_note}}
client = "{{.Title}}"   # {{.T.client_note}}
anonymous = false   # {{.T.anonymous_note}}
alias = ""   # {{.T.alias_note}}
industry = "{{.Industry}}"   # {{.T.industry_note}}
project_types = ["{{.ProjectType}}"]   # {{.T.project_types_note}}
{{if .Region}}region = "{{.Region}}"   # {{.T.region_note}}{{else}}# region = ""   # {{.T.region_note}}{{end}}
language = "{{.Lang}}"   # {{.T.language_note}}
date = {{.Date}}   # {{.T.date_note}}
# go_live = {{.Date}}   # {{.T.go_live_note}}
status = "live"   # {{.T.status_note}}
products = []   # {{.T.products_note}}
tags = []   # {{.T.tags_note}}
# slug = "{{.Name}}"   # {{.T.slug_note}}
translation_of = ""   # {{.T.translation_note}}
draft = true   # {{.T.draft_note}}

[scale]   # {{.T.scale_note}}
employees = 1000
# users = 0
# documents = 0
# sites = 0

[[metrics]]   # {{.T.metrics_note}}
label = "{{.T.metric_label}}"
value = "{{.T.metric_value}}"

[[quotes]]   # {{.T.quotes_note}}
text = "{{.T.quote_text}}"
author = "{{.T.quote_author}}"

[reference]   # {{.T.reference_note}}
visit = false   # {{.T.visit_note}}
call = false   # {{.T.call_note}}
contact = "{{.T.contact}}"   # {{.T.contact_note}}
health = "green"   # {{.T.health_note}}
support = "{{.T.support}}"   # {{.T.support_note}}
max_visits_per_year = 2   # {{.T.max_visits_note}}
notes = "{{.T.notes}}"   # {{.T.notes_note}}
# competitors = false   # {{.T.competitors_note}}
# support_id = ""   # {{.T.support_id_note}}

# [consent]   # {{.T.consent_note}}
# public = true   # {{.T.consent_public_note}}
# approved_by = ""   # {{.T.approved_by_note}}
# approved_on = {{.Date}}
# expires = {{.Expires}}   # {{.T.expires_note}}
+++

## {{.T.h_challenge}}

{{.T.p_challenge}}

## {{.T.h_solution}}

{{.T.p_solution}}

## {{.T.h_results}}

{{.T.p_results}}
`))

var prospectTemplate = template.Must(template.New("prospect").Parse(`# {{.T.prospect_intro}}
name = "{{.Title}}"   # {{.T.required}}
industry = "{{.Industry}}"   # {{.T.industry_note}}
project_types = ["{{.ProjectType}}"]   # {{.T.project_types_note}}
{{if .Region}}region = "{{.Region}}"   # {{.T.region_note}}{{else}}# region = ""   # {{.T.region_note}}{{end}}
language = "{{.Lang}}"   # {{.T.pack_language_note}}
stage = "evaluation"   # {{.T.stage_note}}
visit_date = {{.VisitDate}}   # {{.T.visit_date_note}}
competitor_visits = []   # {{.T.competitor_note}}
must_see = ["{{.T.must_see}}"]   # {{.T.must_see_note}}
notes = "{{.T.prospect_notes}}"

[scale]   # {{.T.prospect_scale_note}}
employees = 1000
# users = 0
# documents = 0
# sites = 0

[[participants]]   # {{.T.participants_note}}
name = "{{.T.participant_name}}"
role = "{{.T.participant_role}}"
side = "it"   # {{.T.side_note}}
interests = ["{{.T.interest}}"]
`))

// scaffoldText holds the comments and placeholders of the scaffolds in
// every site language. Private placeholders (contact, support, notes,
// participants) differ from every public one, so the leak guard passes.
var scaffoldText = map[string]map[string]string{
	"en": {
		"case_intro":          "A case study. Front matter is TOML; the Markdown body follows the closing +++. Remove draft = true to publish.",
		"required":            "required",
		"title":               "Title of the case study",
		"summary":             "One or two sentences on what the customer achieved.",
		"summary_note":        "required; the teaser on cards and in search",
		"client_note":         "required; the customer's name (PRIVATE when anonymous = true)",
		"anonymous_note":      "true hides the client; the alias is shown instead",
		"alias_note":          "required when anonymous = true, e.g. \"A top-20 European bank\"",
		"industry_note":       "required; a key of [industries] in content/site.toml",
		"project_types_note":  "required; one or more keys of [project_types] in content/site.toml",
		"region_note":         "optional; a key of [regions] in content/site.toml",
		"language_note":       "en | ja | ru | de",
		"pack_language_note":  "language of the briefing pack: en | ja | ru | de",
		"date_note":           "required; publication date",
		"go_live_note":        "optional; when the system went live",
		"status_note":         "live | pilot | implementing | retired",
		"products_note":       "products used, e.g. [\"Archive\", \"Library\"]",
		"tags_note":           "free keywords, e.g. [\"migration\", \"OCR\"]",
		"slug_note":           "optional; the page address, [a-z0-9-]+ (default: the file name)",
		"translation_note":    "optional; the slug of the same story in another language",
		"draft_note":          "drafts are not published; remove this line when the case study is ready",
		"scale_note":          "at least one of employees, users, documents, sites (whole numbers)",
		"metrics_note":        "repeat [[metrics]] for every figure",
		"metric_label":        "Time to find a document",
		"metric_value":        "from 2 days to 5 minutes",
		"quotes_note":         "repeat [[quotes]] for every quote; author is optional",
		"quote_text":          "What the customer says about the project.",
		"quote_author":        "Job title of the person quoted",
		"reference_note":      "PRIVATE: never published; used by match and the briefing packs",
		"visit_note":          "willing to host a reference visit",
		"call_note":           "willing to take a reference call",
		"contact":             "Contact person for reference visits (name, role, phone)",
		"contact_note":        "PRIVATE",
		"health_note":         "green | amber | red",
		"support":             "State of our support contract with this customer",
		"support_note":        "PRIVATE",
		"max_visits_note":     "reference visits per year at most",
		"notes":               "Internal notes for sales before a reference visit",
		"notes_note":          "PRIVATE",
		"competitors_note":    "false: will not host prospects of its own industry (calls still possible)",
		"support_id_note":     "its customer name in the helpdesk export (default: client)",
		"consent_note":        "PRIVATE: the customer's permission to publish; uncomment once approved",
		"consent_public_note": "approved as a public case study (false: briefing packs only)",
		"approved_by_note":    "who approved it, name and role",
		"expires_note":        "from this date the case is no longer published",
		"h_challenge":         "The challenge",
		"p_challenge":         "What the customer needed, and why.",
		"h_solution":          "The solution",
		"p_solution":          "What was built, with which products, and how the project ran.",
		"h_results":           "The results",
		"p_results":           "What changed for the customer, in figures where possible.",
		"prospect_intro":      "A prospect. The whole file is PRIVATE: it is never published.",
		"stage_note":          "lead | evaluation | shortlist | final",
		"visit_date_note":     "the planned reference visit",
		"competitor_note":     "when competitors meet the prospect, e.g. [2026-12-14]",
		"must_see":            "What the prospect wants to see at the reference visit",
		"must_see_note":       "what the prospect wants to see",
		"prospect_notes":      "Internal notes on this prospect for the sales team",
		"prospect_scale_note": "the prospect's size, compared with the references' (whole numbers)",
		"participants_note":   "repeat [[participants]] for everyone attending the visit",
		"participant_name":    "Full name of the participant",
		"participant_role":    "Role of the participant",
		"side_note":           "business | it | executive | procurement | legal",
		"interest":            "A question this participant wants answered at the visit?",
	},
	"ja": {
		"case_intro":          "導入事例。フロントマターは TOML で、閉じる +++ の後に Markdown の本文が続きます。公開するには draft = true を削除してください。",
		"required":            "必須",
		"title":               "導入事例のタイトル",
		"summary":             "お客様が達成したことを一、二文で。",
		"summary_note":        "必須。カードと検索結果に表示される要約",
		"client_note":         "必須。お客様の名称（anonymous = true のときは非公開）",
		"anonymous_note":      "true にするとお客様名を隠し、alias を表示します",
		"alias_note":          "anonymous = true のとき必須。例: \"大手地方銀行\"",
		"industry_note":       "必須。content/site.toml の [industries] のキー",
		"project_types_note":  "必須。content/site.toml の [project_types] のキー（一つ以上）",
		"region_note":         "任意。content/site.toml の [regions] のキー",
		"language_note":       "en | ja | ru | de",
		"pack_language_note":  "ブリーフィング資料の言語: en | ja | ru | de",
		"date_note":           "必須。公開日",
		"go_live_note":        "任意。本番稼働日",
		"status_note":         "live | pilot | implementing | retired",
		"products_note":       "利用製品。例: [\"Archive\", \"Library\"]",
		"tags_note":           "自由なキーワード。例: [\"移行\", \"OCR\"]",
		"slug_note":           "任意。ページのアドレス [a-z0-9-]+（既定はファイル名）",
		"translation_note":    "任意。別の言語で書かれた同じ事例のスラッグ",
		"draft_note":          "下書きは公開されません。完成したらこの行を削除してください",
		"scale_note":          "employees, users, documents, sites のうち一つ以上（整数）",
		"metrics_note":        "数値ごとに [[metrics]] を繰り返します",
		"metric_label":        "文書の検索にかかる時間",
		"metric_value":        "2日から5分へ",
		"quotes_note":         "コメントごとに [[quotes]] を繰り返します。author は任意",
		"quote_text":          "プロジェクトについてのお客様の声。",
		"quote_author":        "発言者の役職",
		"reference_note":      "非公開: 公開サイトには出ません。match とブリーフィング資料で使います",
		"visit_note":          "リファレンス訪問を受け入れるか",
		"call_note":           "リファレンスコールに応じるか",
		"contact":             "リファレンス訪問の窓口担当者（氏名・役職・電話番号）",
		"contact_note":        "非公開",
		"health_note":         "green | amber | red",
		"support":             "このお客様との保守契約の状況",
		"support_note":        "非公開",
		"max_visits_note":     "年間のリファレンス訪問の上限",
		"notes":               "リファレンス訪問前の営業向け社内メモ",
		"notes_note":          "非公開",
		"competitors_note":    "false: 同業種の見込み客の訪問は受け入れない(電話は可)",
		"support_id_note":     "ヘルプデスクのエクスポートでの顧客名(省略時: client)",
		"consent_note":        "非公開: 顧客の公開同意。承認されたらコメントを外す",
		"consent_public_note": "公開事例として承認済み(false: ブリーフィング資料のみ)",
		"approved_by_note":    "承認者の氏名と役職",
		"expires_note":        "この日から公開サイトに掲載されない",
		"h_challenge":         "課題",
		"p_challenge":         "お客様が必要としていたことと、その理由。",
		"h_solution":          "解決策",
		"p_solution":          "構築したもの、利用した製品、プロジェクトの進め方。",
		"h_results":           "効果",
		"p_results":           "お客様にとって何が変わったか。できれば数値で。",
		"prospect_intro":      "見込み客。このファイル全体が非公開で、公開されることはありません。",
		"stage_note":          "lead | evaluation | shortlist | final",
		"visit_date_note":     "予定しているリファレンス訪問の日付",
		"competitor_note":     "競合が見込み客と会う日。例: [2026-12-14]",
		"must_see":            "見込み客がリファレンス訪問で見たいもの",
		"must_see_note":       "見込み客が見たいもの",
		"prospect_notes":      "この見込み客についての営業チーム向け社内メモ",
		"prospect_scale_note": "見込み客の規模。リファレンスとの比較に使います（整数）",
		"participants_note":   "訪問の参加者ごとに [[participants]] を繰り返します",
		"participant_name":    "参加者の氏名",
		"participant_role":    "参加者の役職",
		"side_note":           "business | it | executive | procurement | legal",
		"interest":            "この参加者が訪問で答えを得たい質問は？",
	},
	"ru": {
		"case_intro":          "Кейс. Заголовок — TOML между строками +++, после него текст в Markdown. Чтобы опубликовать, удалите draft = true.",
		"required":            "обязательно",
		"title":               "Заголовок кейса",
		"summary":             "Одно-два предложения о том, чего добился клиент.",
		"summary_note":        "обязательно; анонс на карточках и в поиске",
		"client_note":         "обязательно; название клиента (ЗАКРЫТО при anonymous = true)",
		"anonymous_note":      "true скрывает клиента; вместо него показывается alias",
		"alias_note":          "обязательно при anonymous = true, например \"Крупный российский банк\"",
		"industry_note":       "обязательно; ключ из [industries] в content/site.toml",
		"project_types_note":  "обязательно; один или несколько ключей из [project_types] в content/site.toml",
		"region_note":         "необязательно; ключ из [regions] в content/site.toml",
		"language_note":       "en | ja | ru | de",
		"pack_language_note":  "язык пакета к визиту: en | ja | ru | de",
		"date_note":           "обязательно; дата публикации",
		"go_live_note":        "необязательно; дата запуска в эксплуатацию",
		"status_note":         "live | pilot | implementing | retired",
		"products_note":       "использованные продукты, например [\"Archive\", \"Library\"]",
		"tags_note":           "ключевые слова, например [\"миграция\", \"OCR\"]",
		"slug_note":           "необязательно; адрес страницы, [a-z0-9-]+ (по умолчанию имя файла)",
		"translation_note":    "необязательно; slug того же кейса на другом языке",
		"draft_note":          "черновики не публикуются; удалите эту строку, когда кейс готов",
		"scale_note":          "хотя бы одно из employees, users, documents, sites (целые числа)",
		"metrics_note":        "повторите [[metrics]] для каждого показателя",
		"metric_label":        "Время поиска документа",
		"metric_value":        "с 2 дней до 5 минут",
		"quotes_note":         "повторите [[quotes]] для каждой цитаты; author необязателен",
		"quote_text":          "Что клиент говорит о проекте.",
		"quote_author":        "Должность автора цитаты",
		"reference_note":      "ЗАКРЫТО: никогда не публикуется; нужно для match и пакетов к визиту",
		"visit_note":          "готов принять референс-визит",
		"call_note":           "готов к референс-звонку",
		"contact":             "Контактное лицо для референс-визитов (имя, должность, телефон)",
		"contact_note":        "ЗАКРЫТО",
		"health_note":         "green | amber | red",
		"support":             "Состояние нашего договора поддержки с этим клиентом",
		"support_note":        "ЗАКРЫТО",
		"max_visits_note":     "не больше стольких референс-визитов в год",
		"notes":               "Внутренние заметки для продаж перед референс-визитом",
		"notes_note":          "ЗАКРЫТО",
		"competitors_note":    "false: не принимает клиентов из своей отрасли (звонки возможны)",
		"support_id_note":     "имя клиента в выгрузке хелпдеска (по умолчанию: client)",
		"consent_note":        "ЗАКРЫТО: согласие клиента на публикацию; раскомментируйте после одобрения",
		"consent_public_note": "одобрен как публичный кейс (false: только пакеты к визиту)",
		"approved_by_note":    "кто одобрил: имя и должность",
		"expires_note":        "с этой даты кейс больше не публикуется",
		"h_challenge":         "Задача",
		"p_challenge":         "Что было нужно клиенту и почему.",
		"h_solution":          "Решение",
		"p_solution":          "Что построили, на каких продуктах и как шёл проект.",
		"h_results":           "Результат",
		"p_results":           "Что изменилось для клиента, по возможности в цифрах.",
		"prospect_intro":      "Потенциальный клиент. Весь файл ЗАКРЫТ: он никогда не публикуется.",
		"stage_note":          "lead | evaluation | shortlist | final",
		"visit_date_note":     "дата запланированного референс-визита",
		"competitor_note":     "когда клиент встречается с конкурентами, например [2026-12-14]",
		"must_see":            "Что клиент хочет увидеть на референс-визите",
		"must_see_note":       "что клиент хочет увидеть",
		"prospect_notes":      "Внутренние заметки о клиенте для отдела продаж",
		"prospect_scale_note": "размер клиента, для сравнения с референсами (целые числа)",
		"participants_note":   "повторите [[participants]] для каждого участника визита",
		"participant_name":    "Имя и фамилия участника",
		"participant_role":    "Должность участника",
		"side_note":           "business | it | executive | procurement | legal",
		"interest":            "Какой вопрос этот участник хочет задать на визите?",
	},
	"de": {
		"approved_by_note":    "wer freigegeben hat, Name und Funktion",
		"competitors_note":    "false: empfängt keine Interessenten der eigenen Branche (Telefonate weiterhin möglich)",
		"consent_note":        "VERTRAULICH: die Erlaubnis des Kunden zur Veröffentlichung; nach der Freigabe einkommentieren",
		"consent_public_note": "als öffentliche Fallstudie freigegeben (false: nur für Briefings)",
		"expires_note":        "ab diesem Datum wird die Fallstudie nicht mehr veröffentlicht",
		"support_id_note":     "sein Kundenname im Helpdesk-Export (Standard: client)",
		"case_intro":          "Eine Fallstudie. Der Vorspann ist TOML; nach dem schließenden +++ folgt der Text in Markdown. Entfernen Sie draft = true, um sie zu veröffentlichen.",
		"required":            "Pflichtfeld",
		"title":               "Titel der Fallstudie",
		"summary":             "Ein bis zwei Sätze dazu, was der Kunde erreicht hat.",
		"summary_note":        "Pflichtfeld; der Anreißer auf Karten und in der Suche",
		"client_note":         "Pflichtfeld; der Name des Kunden (VERTRAULICH bei anonymous = true)",
		"anonymous_note":      "true verbirgt den Kunden; stattdessen erscheint der alias",
		"alias_note":          "Pflichtfeld bei anonymous = true, z. B. \"Ein führender deutscher Versicherer\"",
		"industry_note":       "Pflichtfeld; ein Schlüssel aus [industries] in content/site.toml",
		"project_types_note":  "Pflichtfeld; ein oder mehrere Schlüssel aus [project_types] in content/site.toml",
		"region_note":         "optional; ein Schlüssel aus [regions] in content/site.toml",
		"language_note":       "en | ja | ru | de",
		"pack_language_note":  "Sprache der Briefing-Unterlagen: en | ja | ru | de",
		"date_note":           "Pflichtfeld; Datum der Veröffentlichung",
		"go_live_note":        "optional; Datum des Produktivstarts",
		"status_note":         "live | pilot | implementing | retired",
		"products_note":       "eingesetzte Produkte, z. B. [\"Archive\", \"Library\"]",
		"tags_note":           "freie Schlagwörter, z. B. [\"Migration\", \"OCR\"]",
		"slug_note":           "optional; die Adresse der Seite, [a-z0-9-]+ (Standard: der Dateiname)",
		"translation_note":    "optional; der Slug derselben Fallstudie in einer anderen Sprache",
		"draft_note":          "Entwürfe werden nicht veröffentlicht; löschen Sie diese Zeile, sobald die Fallstudie fertig ist",
		"scale_note":          "mindestens eines von employees, users, documents, sites (ganze Zahlen)",
		"metrics_note":        "[[metrics]] für jede Kennzahl wiederholen",
		"metric_label":        "Zeit bis zum gefundenen Dokument",
		"metric_value":        "von 2 Tagen auf 5 Minuten",
		"quotes_note":         "[[quotes]] für jedes Zitat wiederholen; author ist optional",
		"quote_text":          "Was der Kunde über das Projekt sagt.",
		"quote_author":        "Funktion der zitierten Person",
		"reference_note":      "VERTRAULICH: wird nie veröffentlicht; dient match und den Briefing-Unterlagen",
		"visit_note":          "bereit, einen Referenzbesuch zu empfangen",
		"call_note":           "bereit zu einem Referenztelefonat",
		"contact":             "Ansprechperson für Referenzbesuche (Name, Funktion, Telefon)",
		"contact_note":        "VERTRAULICH",
		"health_note":         "green | amber | red",
		"support":             "Stand unseres Supportvertrags mit diesem Kunden",
		"support_note":        "VERTRAULICH",
		"max_visits_note":     "höchstens so viele Referenzbesuche pro Jahr",
		"notes":               "Interne Hinweise für den Vertrieb vor einem Referenzbesuch",
		"notes_note":          "VERTRAULICH",
		"h_challenge":         "Die Herausforderung",
		"p_challenge":         "Was der Kunde brauchte und warum.",
		"h_solution":          "Die Lösung",
		"p_solution":          "Was umgesetzt wurde, mit welchen Produkten und wie das Projekt verlief.",
		"h_results":           "Die Ergebnisse",
		"p_results":           "Was sich für den Kunden verändert hat, möglichst in Zahlen.",
		"prospect_intro":      "Ein Interessent. Die ganze Datei ist VERTRAULICH: Sie wird nie veröffentlicht.",
		"stage_note":          "lead | evaluation | shortlist | final",
		"visit_date_note":     "der geplante Referenzbesuch",
		"competitor_note":     "wann Wettbewerber den Interessenten treffen, z. B. [2026-12-14]",
		"must_see":            "Was der Interessent beim Referenzbesuch sehen möchte",
		"must_see_note":       "was der Interessent sehen möchte",
		"prospect_notes":      "Interne Hinweise zu diesem Interessenten für das Vertriebsteam",
		"prospect_scale_note": "die Größe des Interessenten, zum Vergleich mit den Referenzen (ganze Zahlen)",
		"participants_note":   "[[participants]] für jede Person wiederholen, die am Besuch teilnimmt",
		"participant_name":    "Vor- und Nachname der teilnehmenden Person",
		"participant_role":    "Funktion der teilnehmenden Person",
		"side_note":           "business | it | executive | procurement | legal",
		"interest":            "Welche Frage möchte diese Person beim Besuch beantwortet haben?",
	},
}
