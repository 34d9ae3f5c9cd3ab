package corpus

import (
	"fmt"
	"strconv"
)

// The long tail: industry jargon, scanner models, form codes, code names and
// document numbers. Real reference libraries are full of such rare terms,
// and a search index built from templates alone would be unrealistically
// small. Jargon is used in the text as a quoted topic, so Russian needs no
// declension.

// jargon holds, by industry key, the en, ja and ru term lists (one term a
// line).
var jargon = map[string][3]string{
	"banking": {`
		syndicated loans
		letters of credit
		escrow accounts
		overdraft facilities
		covenant waivers
		dormant accounts
		chargebacks
		standing orders
		trade finance
		correspondent banking
		mortgage redemptions
		sanctions screening
		collateral revaluation
		loan restructuring`, `
		シンジケートローン
		信用状
		エスクロー口座
		当座貸越
		コベナンツ
		休眠預金
		チャージバック
		自動振替
		貿易金融
		コルレス取引
		繰上返済
		制裁リスト照合
		担保再評価
		条件変更`, `
		синдицированные кредиты
		аккредитивы
		эскроу-счета
		овердрафты
		ковенанты
		спящие счета
		чарджбэки
		постоянные поручения
		торговое финансирование
		корреспондентские отношения
		досрочное погашение
		санкционный контроль
		переоценка залогов
		реструктуризация`},
	"insurance": {`
		subrogation
		reinsurance bordereaux
		motor claims
		total loss
		actuarial reserves
		policy lapses
		endorsements
		claims triage
		fraud investigations
		annuities
		catastrophe claims
		no-claims bonus`, `
		代位求償
		再保険明細
		自動車事故の保険金請求
		全損
		責任準備金
		失効
		裏書
		請求の優先順位付け
		不正請求調査
		個人年金
		大規模災害の請求
		無事故割引`, `
		суброгация
		бордеро перестрахования
		урегулирование по ОСАГО
		полная гибель
		страховые резервы
		расторжение полисов
		дополнительные соглашения
		сортировка убытков
		расследование мошенничества
		аннуитеты
		катастрофические убытки
		бонус-малус`},
	"leasing": {`
		residual values
		sale-and-leaseback
		repossessions
		fleet renewals
		balloon payments
		early terminations
		lease novations
		asset inspections
		vendor programmes
		operating leases`, `
		残価設定
		セール・アンド・リースバック
		物件引揚げ
		車両の入替
		最終回払い
		中途解約
		契約の承継
		物件検査
		ベンダーリース
		オペレーティング・リース`, `
		остаточная стоимость
		возвратный лизинг
		изъятие предметов лизинга
		обновление автопарка
		выкупные платежи
		досрочное расторжение
		перемена лица в договоре
		осмотр предметов лизинга
		программы с производителями
		операционный лизинг`},
	"oil-and-gas": {`
		wellheads
		blowout preventers
		cathodic protection
		production sharing agreements
		gas flaring
		turnarounds
		mud logging
		pipeline pigging
		reservoir models
		decommissioning plans
		hot work permits
		tank farms`, `
		坑口装置
		噴出防止装置
		電気防食
		生産物分与契約
		フレアリング
		定期修理
		泥水検層
		パイプラインのピグ処理
		貯留層モデル
		廃坑計画
		火気使用許可
		タンクヤード`, `
		фонтанная арматура
		противовыбросовое оборудование
		электрохимзащита
		соглашения о разделе продукции
		сжигание попутного газа
		капитальные ремонты
		геолого-технологические исследования
		очистка трубопроводов
		геологические модели
		ликвидация скважин
		огневые работы
		резервуарные парки`},
	"energy": {`
		grid connections
		smart meters
		feed-in tariffs
		outage management
		substation maintenance
		transformer tests
		wayleaves
		load forecasts
		meter disputes
		vegetation management`, `
		系統連系
		スマートメーター
		固定価格買取制度
		停電対応
		変電所の保守
		変圧器試験
		送電線の用地
		需要予測
		計量に関する苦情
		樹木伐採の管理`, `
		технологическое присоединение
		интеллектуальные счётчики
		зелёные тарифы
		управление отключениями
		обслуживание подстанций
		испытания трансформаторов
		охранные зоны ЛЭП
		прогноз нагрузки
		споры о показаниях
		расчистка просек`},
	"telecom": {`
		number porting
		tower sharing
		roaming agreements
		spectrum licences
		fibre rollout
		lawful interception
		SIM swaps
		handset financing
		site leases
		backhaul contracts`, `
		番号ポータビリティ
		基地局シェアリング
		ローミング契約
		周波数免許
		光ファイバー敷設
		通信傍受
		SIM再発行
		端末の割賦販売
		基地局の賃貸借
		バックホール回線契約`, `
		перенос номеров
		совместное использование вышек
		роуминговые соглашения
		частотные разрешения
		строительство ВОЛС
		СОРМ
		замена SIM-карт
		рассрочка на смартфоны
		аренда площадок
		магистральные каналы`},
	"government": {`
		freedom of information requests
		council tax
		planning appeals
		land registration
		social housing
		school admissions
		parking fines
		business licences
		electoral registers
		public tenders`, `
		情報公開請求
		住民税
		開発許可の不服申立て
		土地登記
		公営住宅
		就学手続
		駐車違反
		営業許可
		選挙人名簿
		公共調達`, `
		запросы по закону о доступе к информации
		имущественный налог
		обжалование разрешений
		регистрация прав на землю
		социальный наём
		зачисление в школы
		штрафы за парковку
		лицензирование
		списки избирателей
		государственные закупки`},
	"manufacturing": {`
		first article inspections
		engineering change orders
		PPAP submissions
		calibration certificates
		non-conformance reports
		tooling drawings
		supplier audits
		batch records
		material certificates
		warranty claims
		kanban cards`, `
		初品検査
		設計変更指示
		PPAP提出書類
		校正証明書
		不適合報告書
		治工具図面
		サプライヤー監査
		製造記録
		ミルシート
		保証請求
		かんばん`, `
		первая партия
		извещения об изменениях
		пакеты PPAP
		свидетельства о поверке
		акты о несоответствии
		чертежи оснастки
		аудиты поставщиков
		маршрутные карты
		сертификаты на металл
		рекламации
		канбан`},
	"healthcare": {`
		discharge letters
		theatre lists
		pathology reports
		consent forms
		clinical trials
		pharmacovigilance
		referral triage
		radiology images
		infection control
		medication charts`, `
		退院時サマリー
		手術予定表
		病理報告書
		同意書
		治験
		医薬品安全性監視
		紹介患者の振り分け
		放射線画像
		感染対策
		投薬記録`, `
		выписки
		операционные планы
		гистологические заключения
		согласия пациентов
		клинические исследования
		фармаконадзор
		маршрутизация пациентов
		снимки КТ и МРТ
		инфекционный контроль
		листы назначений`},
	"retail": {`
		planograms
		supplier rebates
		shrinkage reports
		store openings
		loyalty programmes
		product recalls
		cross-docking
		promotional agreements
		cash-in-transit
		franchise agreements`, `
		棚割り
		仕入先リベート
		ロス報告
		新規出店
		ポイントプログラム
		製品回収
		クロスドッキング
		販促協賛
		売上金の回収
		フランチャイズ契約`, `
		планограммы
		ретро-бонусы поставщиков
		недостачи
		открытия магазинов
		программы лояльности
		отзыв товаров
		кросс-докинг
		промо-соглашения
		инкассация
		франчайзинговые договоры`},
	"transport": {`
		demurrage claims
		bills of lading
		customs bonds
		cold chain
		fleet telematics
		cargo insurance
		driver logs
		rail wagons
		port clearance
		dangerous goods`, `
		滞船料の請求
		船荷証券
		保税
		コールドチェーン
		車両テレマティクス
		貨物保険
		運転日報
		貨車
		港湾の通関
		危険物輸送`, `
		претензии по простою
		коносаменты
		таможенные гарантии
		холодовая цепь
		телематика автопарка
		страхование грузов
		режим труда водителей
		вагонный парк
		портовое оформление
		опасные грузы`},
	"construction": {`
		bills of quantities
		retention money
		snagging lists
		method statements
		site inductions
		variation orders
		handover packs
		scaffolding inspections
		geotechnical surveys
		defects liability`, `
		数量明細書
		保留金
		手直しリスト
		施工要領書
		新規入場者教育
		変更指示
		引渡し書類
		足場点検
		地盤調査
		瑕疵担保`, `
		сметы
		гарантийные удержания
		дефектные ведомости
		проекты производства работ
		вводные инструктажи
		дополнительные работы
		передача объекта
		проверки лесов
		инженерные изыскания
		гарантийные обязательства`},
}

// jargonLists is jargon split into lines, by industry index and language.
var jargonLists = func() [][3][]string {
	out := make([][3][]string, len(industries))
	for i, ind := range industries {
		for l := range 3 {
			out[i][l] = lines(jargon[ind.key][l])
		}
	}
	return out
}()

var scanners = lines(`
	Kodak Alaris i4850
	Fujitsu fi-7900
	Canon DR-G2140
	Ricoh fi-8950
	Ricoh IM C6000
	Xerox AltaLink C8155
	Epson DS-32000
	Panasonic KV-S8147
	Kodak S3120 Max
	Canon DR-M1060II
	Fujitsu fi-7600
	Brother ADS-4900W
	Avision AD8120
	Konica Minolta bizhub C458
	Sharp MX-4071
	Kyocera TASKalfa 5054ci
	Contex IQ Quattro 4490
	Canon imagePROGRAF TZ-30000
`)

var forms = [3][]string{
	en: lines(`
		W-9
		1099-MISC
		SEPA mandates
		P11D
		CMR consignment notes
		SF-424
		I-9
		VAT returns
		P60
		ACORD 25 certificates`),
	ja: lines(`
		源泉徴収票
		支払調書
		様式第3号
		適格請求書
		扶養控除等申告書
		健康保険資格取得届
		工事請負契約約款
		納税証明書`),
	ru: lines(`
		УПД
		ТОРГ-12
		КС-2
		КС-3
		М-15
		ОС-1
		Т-2
		2-НДФЛ
		ТТН
		акты сверки`),
}

var codenames = [3][]string{
	en: ls(`Halcyon Lodestar Bluebird Lantern Compass Northstar Sextant Cartographer Ledger Quill Parchment Vellum Folio Codex
		Scriptorium Almanac Chronicle Sentinel Anchor Lighthouse Mosaic Tessera Prism Zephyr Mistral Sirocco Monsoon Tundra
		Glacier Basalt Obsidian Quartz Garnet Jade Onyx Topaz Cobalt Indigo Saffron Juniper Hawthorn Sequoia Cypress Magnolia
		Falconer Pelican Albatross Cormorant Kingfisher Nightingale Skylark Condor Phoenix Griffin Pegasus Cassiopeia
		Andromeda Lyra Altair Deneb Sirius Rigel Capella Bellatrix Mercator Ptolemy Galileo Kepler Tycho Halley`),
	ja: ls(`ひかり あおば さくら みらい つばさ かけはし しおり ともしび みちしるべ いずみ かなめ こだま はやぶさ あかつき すばる
		やまびこ いぶき なごみ ふみ あすなろ みのり はるか そよかぜ ときわ`),
	ru: ls(`Летопись Скрижаль Фолиант Маяк Компас Кристалл Хронограф Свиток Перо Каталог Картотека Лоция Секстант Астролябия
		Меридиан-2 Полярная_звезда Кедровка Зимородок Сапсан Журавль Иволга Стриж Ладья Пергамент`),
}

// tailSlot fills the long-tail slots; it reports whether name was one.
func (g *gen) tailSlot(name string) bool {
	r := g.r
	switch name {
	case "jargon":
		g.put(tail(r, jargonLists[g.c.ind][g.l]))
	case "scanner":
		g.put(tail(r, scanners))
	case "form":
		g.put(tail(r, forms[g.l]))
	case "codename":
		g.put(tail(r, codenames[g.l]))
	case "batch_pages":
		g.put(countPages(g.l, int64(5000+r.IntN(400_000))))
	case "batch":
		g.put(fmt.Sprintf("B-%d-%04d", g.c.goYear()-r.IntN(3), r.IntN(10000)))
	case "docid":
		n, y := 1000+r.IntN(99000), g.c.goYear()%100-r.IntN(10)
		switch g.l {
		case ja:
			g.put(fmt.Sprintf("第%02d-%05d号", (y+100)%100, n))
		case ru:
			g.put(fmt.Sprintf("№ %d/%02d-К", n, (y+100)%100))
		default:
			g.put(fmt.Sprintf("C-%d/%02d", n, (y+100)%100))
		}
	case "ver":
		g.put(strconv.Itoa(5+r.IntN(5)) + "." + strconv.Itoa(r.IntN(5)) + "." + strconv.Itoa(r.IntN(30)))
	default:
		return false
	}
	return true
}
