package corpus

import (
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Public client names are built from these stems; anonymous clients and
// prospects get coined names instead, so that a private name can never be
// part of a public one.

var enStems = ls(`
Harborview Crestline Bluewater Ironbridge Redwood Silverlake Stonegate Fairhaven Westbrook Eastfield
Brightwater Oakridge Pinecrest Highland Riverside Lakeshore Meridian Summit Pinnacle Keystone
Cornerstone Granite Sterling Beacon Horizon Atlas Orion Polaris Vega Aurora
Zenith Apex Vantage Clearwater Greenfield Ashford Bramley Carlton Dunmore Elmstead
Foxley Glenmore Hartwell Kingsbridge Langford Marlow Norbury Oakham Penrose Queensway
Rosedale Sherwood Thornbury Valemont Whitby Yardley Alder Birchwood Cedar Driftwood
Falcon Heron Lark Merlin Osprey Peregrine Raven Swift Wren Baltic
Nordic Adriatic Danube Rhine Alpine Carpathian Iberia Helvetia Flanders Hanseatic
Caledonia Cambrian Pacific Atlantic Coral Andes Sonora Yukon Sierra Cascade
Tidewater Copperfield Goldcrest Ironwood Saltmarsh Moorgate Holloway Bridgeport Harrowgate Larkspur
`)

var enQualifiers = ls(`First United Central Coastal Metro Royal Continental Union Capital Premier Northern Southern Western Eastern`)

// jaStems are "kanji|romaji" pairs.
var jaStems = ls(`
北斗|hokuto 東邦|toho 瀬戸内|setouchi 北陸|hokuriku 山陰|sanin 湘南|shonan 房総|boso 常磐|joban 信越|shinetsu 九州|kyushu
四国|shikoku 中部|chubu 東海|tokai 近畿|kinki 武蔵|musashi 相模|sagami 駿河|suruga 三河|mikawa 尾張|owari 大和|yamato
出雲|izumo 吉備|kibi 筑紫|tsukushi 日向|hyuga 薩摩|satsuma 琉球|ryukyu 富士|fuji 浅間|asama 白山|hakusan 立山|tateyama
阿蘇|aso 朝日|asahi 日の出|hinode 若葉|wakaba 青葉|aoba 光|hikari 翼|tsubasa 未来|mirai 昭和|showa 新星|shinsei
太陽|taiyo 千代田|chiyoda 丸の内|marunouchi 横浜|yokohama 神戸|kobe 仙台|sendai 札幌|sapporo 広島|hiroshima 福岡|fukuoka 名古屋|nagoya
京都|kyoto 奈良|nara 金沢|kanazawa 静岡|shizuoka 新潟|niigata 岡山|okayama 熊本|kumamoto 長崎|nagasaki 鹿児島|kagoshima 青森|aomori
秋田|akita 山形|yamagata 盛岡|morioka 高松|takamatsu 松山|matsuyama 高知|kochi 徳島|tokushima 宮崎|miyazaki 大分|oita 那覇|naha
`)

var jaQualifiers = ls(`第一|daiichi 中央|chuo 東日本|higashinihon 西日本|nishinihon 新|shin 南|minami 北|kita`)

// ruStems are "Cyrillic|latin" pairs.
var ruStems = ls(`
Ладога|ladoga Волга|volga Енисей|enisey Алтай|altay Урал|ural Байкал|baikal Кама|kama Онега|onega Печора|pechora Север|sever
Восток|vostok Таврия|tavria Амур|amur Иртыш|irtysh Тобол|tobol Вятка|vyatka Двина|dvina Сура|sura Нева|neva Кубань|kuban
Ангара|angara Селенга|selenga Мещера|meshchera Ильмень|ilmen Валдай|valday Саяны|sayany Хибины|khibiny Таймыр|taymyr Ямал|yamal Сокол|sokol
Беркут|berkut Кедр|kedr Рубин|rubin Гранит|granit Малахит|malakhit Яхонт|yakhont Аврора|avrora Заря|zarya Рассвет|rassvet Вектор|vektor
Меридиан|meridian Горизонт|gorizont Орбита|orbita Импульс|impuls Прогресс|progress Союз|soyuz Стимул|stimul Атлант|atlant Титан|titan Полюс|polyus
`)

var ruQualifiers = ls(`-Инвест|invest -Капитал|kapital -Регион|region -Центр|centr _Плюс|plus -Холдинг|holding`)

// syllables for coined names: latin, katakana, Cyrillic.
var syllables = [][3]string{
	{"ka", "カ", "ка"}, {"ki", "キ", "ки"}, {"ko", "コ", "ко"}, {"sa", "サ", "са"}, {"so", "ソ", "со"},
	{"ta", "タ", "та"}, {"to", "ト", "то"}, {"na", "ナ", "на"}, {"ni", "ニ", "ни"}, {"no", "ノ", "но"},
	{"ma", "マ", "ма"}, {"mi", "ミ", "ми"}, {"mo", "モ", "мо"}, {"ra", "ラ", "ра"}, {"ri", "リ", "ри"},
	{"ro", "ロ", "ро"}, {"za", "ザ", "за"}, {"zo", "ゾ", "зо"}, {"da", "ダ", "да"}, {"do", "ド", "до"},
	{"ba", "バ", "ба"}, {"bo", "ボ", "бо"}, {"ga", "ガ", "га"}, {"go", "ゴ", "го"}, {"ve", "ヴェ", "ве"},
	{"vi", "ヴィ", "ви"}, {"va", "ヴァ", "ва"}, {"re", "レ", "ре"}, {"ne", "ネ", "не"}, {"te", "テ", "те"},
	{"se", "セ", "се"}, {"ke", "ケ", "ке"}, {"me", "メ", "ме"}, {"ze", "ゼ", "зе"}, {"ru", "ル", "ру"},
}

// coined is a made-up company name in the three scripts.
type coined struct {
	latin, kana, cyr string
}

// coiner hands out unique coined names that never occur in any public word
// list, so private names cannot collide with public text.
type coiner struct {
	used map[string]bool
}

func (cn *coiner) next(r *rand.Rand) coined {
	blob := publicBlob()
	for {
		n := 3 + r.IntN(2)
		var c coined
		for range n {
			s := syllables[r.IntN(len(syllables))]
			c.latin += s[0]
			c.kana += s[1]
			c.cyr += s[2]
		}
		if r.IntN(3) == 0 {
			c.latin += "n"
			c.kana += "ン"
			c.cyr += "н"
		}
		if cn.used[c.latin] || strings.Contains(blob, c.latin) || strings.Contains(blob, c.kana) || strings.Contains(blob, c.cyr) {
			continue
		}
		cn.used[c.latin] = true
		c.latin = upperFirst(c.latin)
		c.cyr = upperFirst(c.cyr)
		return c
	}
}

var (
	blobOnce sync.Once
	blob     string
)

// publicBlob is every public word list and template, lower-cased, joined.
func publicBlob() string {
	blobOnce.Do(func() {
		var b strings.Builder
		add := func(ss ...string) {
			for _, s := range ss {
				b.WriteString(strings.ToLower(s))
				b.WriteByte('\n')
			}
		}
		for _, p := range packs {
			p.each(add)
		}
		for _, ind := range industries {
			add(ind.label[:]...)
			add(ind.noun[:]...)
			add(ind.nounPl[:]...)
			add(ind.ruGen)
			add(ind.ruNoun.forms[:]...)
			for l := range 3 {
				add(ind.docs[l]...)
			}
			for l := range 2 {
				add(ind.orgs[l]...)
			}
			for _, o := range ind.ruOrgs {
				add(o.noun.forms[:]...)
				add(o.suffix)
			}
		}
		for _, pt := range projectTypes {
			add(pt.label[:]...)
		}
		for _, r := range regions {
			add(r.label[:]...)
		}
		add(products...)
		for _, j := range jargonLists {
			for l := range 3 {
				add(j[l]...)
			}
		}
		add(scanners...)
		for l := range 3 {
			add(forms[l]...)
			add(codenames[l]...)
		}
		add(enStems...)
		add(enQualifiers...)
		add(jaStems...)
		add(jaQualifiers...)
		add(ruStems...)
		add(ruQualifiers...)
		blob = b.String()
	})
	return blob
}

// Private person names: used only in private fields, never in any body.
var (
	enFirst  = ls(`Olivia Amelia Isla Ava Mia Grace Harriet Imogen Freya Eleanor Martha Rosalind Oliver Arthur Theo Felix Rupert Callum Declan Ewan Rowan Niall Alistair Bernard Cormac Desmond Fergus Gideon Lachlan Perpetua`)
	enLast   = ls(`Abernathy Blackmore Castellano Delacroix Eriksen Fairbanks Gallagher Hollins Ingram Jablonski Kowalczyk Lindqvist Montague Okonkwo Pemberton Quigley Rasmussen Sandoval Thorne Underhill Vasquez Whitaker Yilmaz Zimmerman Ellison Hargreaves McAllister Oyelaran Przybylski Fitzwilliam`)
	jaFamily = ls(`佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 井上 木村 清水 山崎 阿部 池田 橋本 石川 前田 藤田 岡田`)
	jaGiven  = ls(`健一 大輔 誠 直樹 美咲 陽子 恵 翔太 彩 拓也 裕子 浩二 真由美 隆 智子 和也 由美 亮 奈々 悠斗`)
	ruMale   = ls(`Иван Сергей Алексей Дмитрий Андрей Михаил Николай Павел Олег Виктор Константин Артём Григорий`)
	ruFemale = ls(`Ольга Елена Наталья Татьяна Ирина Марина Светлана Анна Юлия Вера Ксения`)
	ruLast   = ls(`Петров Смирнов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Волков Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ильин Гусев Титов`)
)

// personName is a private full name in the language's usual order.
func personName(r *rand.Rand, l lang) string {
	switch l {
	case ja:
		return pick(r, jaFamily) + " " + pick(r, jaGiven)
	case ru:
		if r.IntN(2) == 0 {
			return pick(r, ruMale) + " " + pick(r, ruLast)
		}
		return pick(r, ruFemale) + " " + pick(r, ruLast) + "а"
	}
	return pick(r, enFirst) + " " + pick(r, enLast)
}

// ls splits a whitespace-separated word list; "_" stands for a space
// within an entry.
func ls(s string) []string {
	out := strings.Fields(s)
	for i, w := range out {
		out[i] = strings.ReplaceAll(w, "_", " ")
	}
	return out
}

// lines splits a block of text into its non-empty, trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// pair splits "a|b".
func pair(s string) (string, string) {
	a, b, _ := strings.Cut(s, "|")
	return a, b
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// tail picks with a strong bias to the front of the list, so later entries
// form a long tail of rare words, as in real text.
func tail(r *rand.Rand, list []string) string {
	u := r.Float64()
	return list[int(float64(len(list))*u*u*u)]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	// Keep acronyms such as "CIS" or "IT" intact.
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
