package corpus

import (
	"strings"
)

// lang indexes the per-language tables: en, ja, ru.
type lang int

const (
	en lang = iota
	ja
	ru
)

var langCodes = [3]string{"en", "ja", "ru"}

// Russian grammatical genders, for verb and adjective agreement.
const (
	masc = iota
	fem
	neut
)

// ruNoun is a Russian noun phrase in the six cases (nom, gen, dat, acc, ins,
// prep) with its gender.
type ruNoun struct {
	forms  [6]string
	gender int
}

// ruPhrase builds a ruNoun from "nom|gen|dat|acc|ins|prep".
func ruPhrase(forms string, gender int) ruNoun {
	var n ruNoun
	copy(n.forms[:], strings.Split(forms, "|"))
	n.gender = gender
	return n
}

// ruIndecl is an abbreviation such as "АО" that does not inflect.
func ruIndecl(s string, gender int) ruNoun {
	return ruNoun{forms: [6]string{s, s, s, s, s, s}, gender: gender}
}

// ruOrg is one way to name a Russian organisation: noun «Stem+suffix».
type ruOrg struct {
	noun   ruNoun
	suffix string // appended to the stem inside the quotes
	slug   string // appended to the slug
}

// industry is a site vocabulary entry plus the words the generator needs to
// write about it in each language.
type industry struct {
	key     string
	label   [3]string
	related []string
	weight  int
	slug    string      // word used in case slugs
	orgs    [2][]string // en, ja name formats with %s for the stem
	ruOrgs  []ruOrg     // Russian organisation names
	noun    [3]string   // a bank, 銀行, банк
	nounPl  [2]string   // en and ru plural: banks, банки
	ruNoun  ruNoun      // generic Russian noun, for aliases
	ruGen   string      // of the bank: банка
	docs    [3][]string // industry-specific document types (ru: "nom|gen")
	types   []string    // preferred project types
}

var industries = []industry{
	{
		key: "banking", label: [3]string{"Banking", "銀行・信用金庫", "Банки"}, related: []string{"insurance", "leasing"}, weight: 16, slug: "bank",
		orgs:   [2][]string{{"%s Bank", "%s Savings Bank", "%s Commercial Bank", "%s Bancorp"}, {"%s銀行", "%s信用金庫", "%s信用組合"}},
		ruOrgs: []ruOrg{{ruPhrase("банк|банка|банку|банк|банком|банке", masc), "", "bank"}, {ruIndecl("АО", neut), " Банк", "bank"}, {ruIndecl("КБ", masc), "", "kb"}},
		noun:   [3]string{"bank", "銀行", "банк"}, nounPl: [2]string{"banks", "банки"},
		ruNoun: ruPhrase("банк|банка|банку|банк|банком|банке", masc), ruGen: "банка",
		docs: [3][]string{
			{"loan files", "account opening forms", "mortgage agreements", "guarantee agreements", "KYC documents", "credit committee minutes", "collateral documents", "SWIFT confirmations", "powers of attorney", "payment orders", "card applications", "safe-deposit agreements"},
			{"融資稟議書", "口座開設申込書", "金銭消費貸借契約書", "保証契約書", "本人確認書類", "担保関係書類", "決算書", "振込依頼書", "委任状", "住宅ローン申込書", "貸金庫契約書"},
			{"кредитные досье|кредитных досье", "анкеты на открытие счёта|анкет на открытие счёта", "договоры ипотеки|договоров ипотеки", "договоры поручительства|договоров поручительства", "документы по KYC|документов по KYC", "протоколы кредитного комитета|протоколов кредитного комитета", "залоговые документы|залоговых документов", "платёжные поручения|платёжных поручений", "доверенности|доверенностей", "заявления на выпуск карт|заявлений на выпуск карт"},
		},
		types: []string{"contract-archive", "customer-files", "financial-documents-archive", "scanning-and-capture", "records-retention"},
	},
	{
		key: "insurance", label: [3]string{"Insurance", "保険", "Страхование"}, weight: 11, slug: "insurance",
		orgs:   [2][]string{{"%s Insurance", "%s Mutual", "%s Life", "%s General Assurance"}, {"%s生命保険", "%s損害保険", "%s共済"}},
		ruOrgs: []ruOrg{{ruPhrase("страховая компания|страховой компании|страховой компании|страховую компанию|страховой компанией|страховой компании", fem), "", "insurance"}, {ruIndecl("СК", fem), "", "sk"}, {ruIndecl("АО", neut), " Страхование", "strakhovanie"}},
		noun:   [3]string{"insurer", "保険会社", "страховая компания"}, nounPl: [2]string{"insurers", "страховые компании"},
		ruNoun: ruPhrase("страховая компания|страховой компании|страховой компании|страховую компанию|страховой компанией|страховой компании", fem), ruGen: "страховой компании",
		docs: [3][]string{
			{"policy files", "claim files", "medical certificates", "underwriting reports", "reinsurance treaties", "loss adjuster reports", "broker agreements", "beneficiary forms"},
			{"保険証券", "保険金請求書類", "診断書", "引受査定書", "再保険契約書", "損害調査報告書", "代理店委託契約書", "受取人変更届"},
			{"полисы|полисов", "убыточные дела|убыточных дел", "медицинские справки|медицинских справок", "андеррайтинговые заключения|андеррайтинговых заключений", "договоры перестрахования|договоров перестрахования", "акты осмотра|актов осмотра", "агентские договоры|агентских договоров"},
		},
		types: []string{"customer-files", "correspondence", "scanning-and-capture", "contract-archive", "records-retention"},
	},
	{
		key: "leasing", label: [3]string{"Leasing", "リース", "Лизинг"}, weight: 6, slug: "leasing",
		orgs:   [2][]string{{"%s Leasing", "%s Fleet Finance", "%s Equipment Finance"}, {"%sリース", "%sオートリース", "%sファイナンス"}},
		ruOrgs: []ruOrg{{ruPhrase("лизинговая компания|лизинговой компании|лизинговой компании|лизинговую компанию|лизинговой компанией|лизинговой компании", fem), "", "leasing"}, {ruIndecl("АО", neut), " Лизинг", "lizing"}},
		noun:   [3]string{"leasing company", "リース会社", "лизинговая компания"}, nounPl: [2]string{"leasing companies", "лизинговые компании"},
		ruNoun: ruPhrase("лизинговая компания|лизинговой компании|лизинговой компании|лизинговую компанию|лизинговой компанией|лизинговой компании", fem), ruGen: "лизинговой компании",
		docs: [3][]string{
			{"lease agreements", "vehicle registration documents", "acceptance certificates", "insurance certificates", "supplier invoices", "repossession files"},
			{"リース契約書", "車検証", "物件受領書", "保険証明書", "仕入先請求書", "物件引揚記録"},
			{"договоры лизинга|договоров лизинга", "ПТС|ПТС", "акты приёма-передачи|актов приёма-передачи", "страховые полисы|страховых полисов", "счета поставщиков|счетов поставщиков", "документы по изъятию|документов по изъятию"},
		},
		types: []string{"contract-archive", "customer-files", "financial-documents-archive", "scanning-and-capture"},
	},
	{
		key: "oil-and-gas", label: [3]string{"Oil and gas", "石油・ガス", "Нефть и газ"}, related: []string{"energy"}, weight: 7, slug: "oil",
		orgs:   [2][]string{{"%s Petroleum", "%s Oil and Gas", "%s Exploration", "%s Offshore"}, {"%s石油", "%s石油開発", "%sガス開発"}},
		ruOrgs: []ruOrg{{ruIndecl("ПАО", neut), "нефть", "neft"}, {ruIndecl("АО", neut), "-Нефтегаз", "neftegaz"}, {ruPhrase("компания|компании|компании|компанию|компанией|компании", fem), "-Ойл", "oil"}},
		noun:   [3]string{"oil and gas producer", "石油・ガス会社", "нефтегазовая компания"}, nounPl: [2]string{"oil and gas producers", "нефтегазовые компании"},
		ruNoun: ruPhrase("нефтегазовая компания|нефтегазовой компании|нефтегазовой компании|нефтегазовую компанию|нефтегазовой компанией|нефтегазовой компании", fem), ruGen: "нефтегазовой компании",
		docs: [3][]string{
			{"well files", "drilling reports", "P&IDs", "as-built drawings", "HSE permits", "licence agreements", "seismic survey reports", "maintenance work orders", "pipeline inspection records"},
			{"坑井資料", "掘削日報", "配管計装図", "竣工図", "安全作業許可書", "鉱区契約書", "地震探査報告書", "保全作業指示書", "パイプライン点検記録"},
			{"дела скважин|дел скважин", "суточные рапорты бурения|суточных рапортов бурения", "схемы P&ID|схем P&ID", "исполнительная документация|исполнительной документации", "наряды-допуски|нарядов-допусков", "лицензионные соглашения|лицензионных соглашений", "отчёты сейсморазведки|отчётов сейсморазведки", "паспорта трубопроводов|паспортов трубопроводов"},
		},
		types: []string{"technical-documentation-library", "contract-archive", "records-retention", "document-workflow"},
	},
	{
		key: "energy", label: [3]string{"Energy and utilities", "電力・エネルギー", "Энергетика и ЖКХ"}, weight: 8, slug: "energy",
		orgs:   [2][]string{{"%s Power", "%s Energy", "%s Grid", "%s Water"}, {"%s電力", "%sガス", "%sエネルギー"}},
		ruOrgs: []ruOrg{{ruIndecl("ПАО", neut), "-Энерго", "energo"}, {ruPhrase("энергокомпания|энергокомпании|энергокомпании|энергокомпанию|энергокомпанией|энергокомпании", fem), "", "energo"}, {ruIndecl("АО", neut), " Водоканал", "vodokanal"}},
		noun:   [3]string{"utility", "電力会社", "энергокомпания"}, nounPl: [2]string{"utilities", "энергокомпании"},
		ruNoun: ruPhrase("энергокомпания|энергокомпании|энергокомпании|энергокомпанию|энергокомпанией|энергокомпании", fem), ruGen: "энергокомпании",
		docs: [3][]string{
			{"grid connection contracts", "substation drawings", "meter readings", "customer contracts", "outage reports", "right-of-way agreements", "equipment passports"},
			{"系統連系契約書", "変電所図面", "検針記録", "需給契約書", "停電報告書", "用地契約書", "設備台帳"},
			{"договоры техприсоединения|договоров техприсоединения", "чертежи подстанций|чертежей подстанций", "показания счётчиков|показаний счётчиков", "договоры энергоснабжения|договоров энергоснабжения", "акты об авариях|актов об авариях", "паспорта оборудования|паспортов оборудования"},
		},
		types: []string{"technical-documentation-library", "customer-files", "contract-archive", "correspondence"},
	},
	{
		key: "telecom", label: [3]string{"Telecommunications", "通信", "Телекоммуникации"}, weight: 7, slug: "telecom",
		orgs:   [2][]string{{"%s Telecom", "%s Mobile", "%s Networks", "%s Broadband"}, {"%s通信", "%sテレコム", "%sモバイル"}},
		ruOrgs: []ruOrg{{ruPhrase("оператор связи|оператора связи|оператору связи|оператора связи|оператором связи|операторе связи", masc), "", "telecom"}, {ruIndecl("ПАО", neut), "-Телеком", "telekom"}},
		noun:   [3]string{"telecom operator", "通信事業者", "оператор связи"}, nounPl: [2]string{"telecom operators", "операторы связи"},
		ruNoun: ruPhrase("оператор связи|оператора связи|оператору связи|оператора связи|оператором связи|операторе связи", masc), ruGen: "оператора связи",
		docs: [3][]string{
			{"subscriber contracts", "number porting requests", "tower lease agreements", "frequency licences", "interconnect agreements", "site acquisition files"},
			{"加入契約書", "番号ポータビリティ申込書", "基地局用地契約書", "無線局免許", "相互接続協定書", "基地局設置資料"},
			{"абонентские договоры|абонентских договоров", "заявления на перенос номера|заявлений на перенос номера", "договоры аренды вышек|договоров аренды вышек", "разрешения на частоты|разрешений на частоты", "договоры присоединения|договоров присоединения"},
		},
		types: []string{"customer-files", "contract-archive", "scanning-and-capture", "document-workflow"},
	},
	{
		key: "government", label: [3]string{"Government", "官公庁・自治体", "Государственный сектор"}, related: []string{"healthcare"}, weight: 9, slug: "gov",
		orgs:   [2][]string{{"%s City Council", "%s County Council", "%s Revenue Agency", "%s Land Registry", "%s Social Insurance Fund"}, {"%s市役所", "%s県庁", "%s区役所", "%s広域連合"}},
		ruOrgs: []ruOrg{{ruIndecl("ГКУ", neut), "-Инфоцентр", "infocentr"}, {ruPhrase("фонд|фонда|фонду|фонд|фондом|фонде", masc), "", "fond"}, {ruIndecl("ГБУ", neut), " МФЦ", "mfc"}},
		noun:   [3]string{"public agency", "自治体", "государственное ведомство"}, nounPl: [2]string{"public agencies", "государственные ведомства"},
		ruNoun: ruPhrase("государственное ведомство|государственного ведомства|государственному ведомству|государственное ведомство|государственным ведомством|государственном ведомстве", neut), ruGen: "ведомства",
		docs: [3][]string{
			{"building permits", "citizen applications", "land titles", "council minutes", "tax returns", "planning files", "benefit claims", "procurement files"},
			{"建築確認申請書", "住民からの申請書", "土地登記簿", "議会議事録", "税務申告書", "都市計画資料", "給付申請書", "入札関係書類"},
			{"разрешения на строительство|разрешений на строительство", "обращения граждан|обращений граждан", "правоустанавливающие документы|правоустанавливающих документов", "протоколы заседаний|протоколов заседаний", "налоговые декларации|налоговых деклараций", "заявления на пособия|заявлений на пособия", "закупочная документация|закупочной документации"},
		},
		types: []string{"correspondence", "records-retention", "scanning-and-capture", "document-workflow"},
	},
	{
		key: "manufacturing", label: [3]string{"Manufacturing", "製造業", "Промышленность"}, related: []string{"energy"}, weight: 11, slug: "mfg",
		orgs:   [2][]string{{"%s Industries", "%s Motors", "%s Steel", "%s Components", "%s Machinery"}, {"%s製作所", "%s工業", "%s精機", "%s重工"}},
		ruOrgs: []ruOrg{{ruPhrase("завод|завода|заводу|завод|заводом|заводе", masc), "", "zavod"}, {ruIndecl("АО", neut), "маш", "mash"}, {ruIndecl("ООО", neut), "-Металл", "metall"}},
		noun:   [3]string{"manufacturer", "製造業", "промышленное предприятие"}, nounPl: [2]string{"manufacturers", "промышленные предприятия"},
		ruNoun: ruPhrase("промышленное предприятие|промышленного предприятия|промышленному предприятию|промышленное предприятие|промышленным предприятием|промышленном предприятии", neut), ruGen: "предприятия",
		docs: [3][]string{
			{"engineering drawings", "bills of materials", "quality certificates", "change notices", "supplier contracts", "test reports", "work instructions", "customs declarations"},
			{"設計図面", "部品表", "品質証明書", "設計変更通知", "購買契約書", "試験成績書", "作業標準書", "通関書類"},
			{"конструкторские чертежи|конструкторских чертежей", "спецификации|спецификаций", "сертификаты качества|сертификатов качества", "извещения об изменении|извещений об изменении", "договоры поставки|договоров поставки", "протоколы испытаний|протоколов испытаний", "технологические карты|технологических карт", "таможенные декларации|таможенных деклараций"},
		},
		types: []string{"technical-documentation-library", "contract-archive", "financial-documents-archive", "hr-records", "document-workflow"},
	},
	{
		key: "healthcare", label: [3]string{"Healthcare", "医療", "Здравоохранение"}, weight: 7, slug: "health",
		orgs:   [2][]string{{"%s Health", "%s Medical Center", "%s Hospitals", "%s Clinics"}, {"%s病院", "%s医療センター", "%sクリニック"}},
		ruOrgs: []ruOrg{{ruPhrase("клиника|клиники|клинике|клинику|клиникой|клинике", fem), "", "klinika"}, {ruPhrase("медицинский центр|медицинского центра|медицинскому центру|медицинский центр|медицинским центром|медицинском центре", masc), "", "medcentr"}},
		noun:   [3]string{"hospital group", "医療法人", "медицинская организация"}, nounPl: [2]string{"hospital groups", "медицинские организации"},
		ruNoun: ruPhrase("медицинская организация|медицинской организации|медицинской организации|медицинскую организацию|медицинской организацией|медицинской организации", fem), ruGen: "медицинской организации",
		docs: [3][]string{
			{"patient records", "consent forms", "discharge summaries", "lab reports", "staff credentials", "radiology reports", "referral letters"},
			{"診療録", "同意書", "退院サマリー", "検査報告書", "医師免許関係書類", "放射線読影レポート", "紹介状"},
			{"медицинские карты|медицинских карт", "информированные согласия|информированных согласий", "выписные эпикризы|выписных эпикризов", "результаты анализов|результатов анализов", "направления|направлений", "заключения рентгенологов|заключений рентгенологов"},
		},
		types: []string{"customer-files", "hr-records", "scanning-and-capture", "records-retention"},
	},
	{
		key: "retail", label: [3]string{"Retail", "小売", "Розничная торговля"}, weight: 8, slug: "retail",
		orgs:   [2][]string{{"%s Stores", "%s Markets", "%s Retail Group", "%s Outfitters"}, {"%sストア", "%s百貨店", "%sマート"}},
		ruOrgs: []ruOrg{{ruPhrase("торговая сеть|торговой сети|торговой сети|торговую сеть|торговой сетью|торговой сети", fem), "", "set"}, {ruIndecl("ООО", neut), "-Ритейл", "riteil"}},
		noun:   [3]string{"retailer", "小売企業", "торговая сеть"}, nounPl: [2]string{"retailers", "торговые сети"},
		ruNoun: ruPhrase("торговая сеть|торговой сети|торговой сети|торговую сеть|торговой сетью|торговой сети", fem), ruGen: "торговой сети",
		docs: [3][]string{
			{"supplier invoices", "delivery notes", "store lease agreements", "promotion contracts", "cash register reports", "product certificates"},
			{"仕入請求書", "納品書", "店舗賃貸借契約書", "販促契約書", "レジ精算報告書", "商品証明書"},
			{"счета поставщиков|счетов поставщиков", "товарные накладные|товарных накладных", "договоры аренды магазинов|договоров аренды магазинов", "маркетинговые договоры|маркетинговых договоров", "кассовые отчёты|кассовых отчётов", "сертификаты на товар|сертификатов на товар"},
		},
		types: []string{"financial-documents-archive", "contract-archive", "e-invoicing", "scanning-and-capture", "hr-records"},
	},
	{
		key: "transport", label: [3]string{"Transport and logistics", "運輸・物流", "Транспорт и логистика"}, related: []string{"retail"}, weight: 6, slug: "logistics",
		orgs:   [2][]string{{"%s Logistics", "%s Rail", "%s Freight", "%s Airlines"}, {"%s運輸", "%s鉄道", "%s物流"}},
		ruOrgs: []ruOrg{{ruPhrase("транспортная компания|транспортной компании|транспортной компании|транспортную компанию|транспортной компанией|транспортной компании", fem), "", "transport"}, {ruIndecl("АО", neut), "-Транс", "trans"}},
		noun:   [3]string{"logistics company", "物流会社", "транспортная компания"}, nounPl: [2]string{"logistics companies", "транспортные компании"},
		ruNoun: ruPhrase("транспортная компания|транспортной компании|транспортной компании|транспортную компанию|транспортной компанией|транспортной компании", fem), ruGen: "транспортной компании",
		docs: [3][]string{
			{"bills of lading", "waybills", "customs declarations", "proof-of-delivery notes", "vehicle maintenance logs", "freight contracts"},
			{"船荷証券", "運送状", "通関書類", "受領証", "車両整備記録", "運送契約書"},
			{"коносаменты|коносаментов", "транспортные накладные|транспортных накладных", "таможенные декларации|таможенных деклараций", "путевые листы|путевых листов", "договоры перевозки|договоров перевозки"},
		},
		types: []string{"financial-documents-archive", "scanning-and-capture", "contract-archive", "e-invoicing"},
	},
	{
		key: "construction", label: [3]string{"Construction", "建設", "Строительство"}, related: []string{"manufacturing"}, weight: 5, slug: "construction",
		orgs:   [2][]string{{"%s Construction", "%s Builders", "%s Infrastructure"}, {"%s建設", "%s組", "%s工務店"}},
		ruOrgs: []ruOrg{{ruPhrase("строительная компания|строительной компании|строительной компании|строительную компанию|строительной компанией|строительной компании", fem), "", "stroy"}, {ruIndecl("ГК", fem), "-Строй", "stroy"}},
		noun:   [3]string{"construction group", "建設会社", "строительная компания"}, nounPl: [2]string{"construction groups", "строительные компании"},
		ruNoun: ruPhrase("строительная компания|строительной компании|строительной компании|строительную компанию|строительной компанией|строительной компании", fem), ruGen: "строительной компании",
		docs: [3][]string{
			{"as-built documentation", "site diaries", "subcontractor agreements", "inspection certificates", "change orders", "building permits"},
			{"竣工図書", "工事日報", "下請契約書", "検査済証", "変更契約書", "施工計画書"},
			{"исполнительная документация|исполнительной документации", "журналы работ|журналов работ", "договоры субподряда|договоров субподряда", "акты скрытых работ|актов скрытых работ", "разрешения на строительство|разрешений на строительство"},
		},
		types: []string{"technical-documentation-library", "contract-archive", "document-workflow"},
	},
}

// projectType is a site vocabulary entry.
type projectType struct {
	key           string
	label         [3]string
	crossIndustry bool
}

var projectTypes = []projectType{
	{"contract-archive", [3]string{"Contract archive", "契約書アーカイブ", "Архив договоров"}, true},
	{"financial-documents-archive", [3]string{"Financial documents archive", "財務・会計書類アーカイブ", "Архив финансовых документов"}, true},
	{"hr-records", [3]string{"HR records", "人事記録管理", "Кадровые документы"}, false},
	{"correspondence", [3]string{"Correspondence management", "受発信文書管理", "Управление корреспонденцией"}, false},
	{"technical-documentation-library", [3]string{"Technical documentation library", "技術文書ライブラリ", "Библиотека технической документации"}, false},
	{"scanning-and-capture", [3]string{"Scanning and capture", "スキャン・文書取込", "Сканирование и ввод документов"}, false},
	{"records-retention", [3]string{"Records retention", "文書保存期間管理", "Управление сроками хранения"}, false},
	{"customer-files", [3]string{"Customer files", "顧客ファイル管理", "Досье клиентов"}, false},
	{"document-workflow", [3]string{"Document workflow", "文書ワークフロー", "Документооборот"}, false},
	{"e-invoicing", [3]string{"E-invoicing", "電子請求書", "Электронные счета-фактуры"}, false},
}

// region is a site vocabulary entry.
type region struct {
	key   string
	label [3]string
}

var regions = []region{
	{"europe", [3]string{"Europe", "ヨーロッパ", "Европа"}},
	{"russia-cis", [3]string{"Russia and CIS", "ロシア・CIS", "Россия и СНГ"}},
	{"japan", [3]string{"Japan", "日本", "Япония"}},
	{"asia-pacific", [3]string{"Asia-Pacific", "アジア太平洋", "Азиатско-Тихоокеанский регион"}},
	{"middle-east", [3]string{"Middle East and Africa", "中東・アフリカ", "Ближний Восток и Африка"}},
	{"north-america", [3]string{"North America", "北米", "Северная Америка"}},
}

// products the vendor sells; product names are brands and stay in English.
var products = []string{"Archive", "Capture", "Workflow", "Library", "Records", "Connect"}

func projectTypeIndex(key string) int {
	for i, pt := range projectTypes {
		if pt.key == key {
			return i
		}
	}
	panic("corpus: unknown project type " + key)
}

func regionIndex(key string) int {
	for i, r := range regions {
		if r.key == key {
			return i
		}
	}
	panic("corpus: unknown region " + key)
}

// siteTOML renders content/site.toml.
func siteTOML() []byte {
	var b strings.Builder
	b.WriteString("# Generated by refpack's corpus generator (internal/corpus).\n\n")
	b.WriteString("title = \"Reference Library\"\n")
	b.WriteString("description = \"How our customers run their electronic archives, document libraries and capture projects\"\n")
	b.WriteString("base_url = \"https://refs.example.com/\"\n")
	b.WriteString("language = \"en\"\n")
	b.WriteString("page_size = 24\n")
	for _, ind := range industries {
		b.WriteString("\n[industries." + ind.key + "]\n")
		b.WriteString("label = " + quote(ind.label[en]) + "\n")
		b.WriteString("labels = { ja = " + quote(ind.label[ja]) + ", ru = " + quote(ind.label[ru]) + " }\n")
		if len(ind.related) > 0 {
			b.WriteString("related = " + quoteList(ind.related) + "\n")
		}
	}
	for _, pt := range projectTypes {
		b.WriteString("\n[project_types." + pt.key + "]\n")
		b.WriteString("label = " + quote(pt.label[en]) + "\n")
		b.WriteString("labels = { ja = " + quote(pt.label[ja]) + ", ru = " + quote(pt.label[ru]) + " }\n")
		if pt.crossIndustry {
			b.WriteString("cross_industry = true\n")
		}
	}
	for _, r := range regions {
		b.WriteString("\n[regions." + r.key + "]\n")
		b.WriteString("label = " + quote(r.label[en]) + "\n")
		b.WriteString("labels = { ja = " + quote(r.label[ja]) + ", ru = " + quote(r.label[ru]) + " }\n")
	}
	b.WriteString("\n[matching]\n")
	b.WriteString("weights = { industry = 0.40, project_type = 0.30, scale = 0.20, region = 0.05, freshness = 0.05 }\n")
	b.WriteString("\n[brief]\n")
	b.WriteString("top = 3\nmax_questions = 20\nfollow_up_days = 3\nmax_visit_minutes = 120\nmax_delegates = 5\nfonts = []\n")
	return []byte(b.String())
}

// quote writes s as a TOML basic string. Generated text has no control
// characters, so only the backslash and the double quote need escaping.
func quote(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return "\"" + s + "\""
	}
	return "\"" + strings.NewReplacer("\\", "\\\\", "\"", "\\\"").Replace(s) + "\""
}

func quoteList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = quote(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
