package publish

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/content"
)

// Realistic guard inputs: the private values of a few thousand cases in
// English, Russian and Japanese, and rendered pages of about 20 KB.

var (
	firstEN   = []string{"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Olga", "Sean"}
	lastEN    = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "O'Brien"}
	firstRU   = []string{"Иван", "Пётр", "Сергей", "Анна", "Мария", "Ольга", "Дмитрий", "Алексей", "Наталья", "Елена", "Юрий", "Татьяна"}
	lastRU    = []string{"Петров", "Иванов", "Смирнов", "Кузнецова", "Попова", "Соколов", "Лебедев", "Новикова", "Морозов", "Волкова", "Яковлев", "Зайцева"}
	firstJA   = []string{"太郎", "花子", "健太", "美咲", "翔太", "陽菜", "大輔", "さくら"}
	lastJA    = []string{"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"}
	companyEN = []string{"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Cyberdyne", "Soylent"}
	shortEN   = []string{"Olga", "Anna", "Ivan", "Yuri", "Lena", "Igor", "Oleg", "Nina"}
	suffixEN  = []string{"Inc.", "GmbH", "Ltd", "& Sons", "Holdings", "Bank AG", "Logistics", "Insurance plc"}
	companyRU = []string{"Ромашка", "Вектор", "Северсталь", "Уралмаш", "Транснефть", "Альфа", "Сибирь", "Энергия"}
	formRU    = []string{"ООО «%s»", "АО «%s»", "ПАО %s", "Банк «%s»"}
	companyJA = []string{"山田製作所", "東京電機", "大阪銀行", "日本物流", "さくら保険", "富士システム", "北海道食品", "九州重工"}
	formJA    = []string{"株式会社%s", "%s株式会社", "%sホールディングス"}
)

// benchSecrets returns n cases' private values: client, contact, e-mail and
// phone, a third of the cases each in English, Russian and Japanese, and
// short nicknames of some of the English ones.
func benchSecrets(n int) []content.Secret {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var out []content.Secret
	add := func(field, v string) {
		out = append(out, content.Secret{Value: v, Path: "content/cases/x.md", Field: field})
	}
	for i := range n {
		switch i % 3 {
		case 0:
			first, last := pick(firstEN), pick(lastEN)
			add("reference.client", fmt.Sprintf("%s %s %d", pick(companyEN), pick(suffixEN), i))
			add("reference.contact", first+" "+last)
			add("reference.email", fmt.Sprintf("%s.%s%d@%s.com", strings.ToLower(first), strings.ToLower(last), i, strings.ToLower(pick(companyEN))))
			add("reference.phone", fmt.Sprintf("+1 (212) 555-%04d", i%10000))
			add("reference.project", fmt.Sprintf("PX-%04d", i)) // 7 bytes
			if i%30 == 0 {
				add("reference.nickname", pick(shortEN)) // 4 bytes
			}
		case 1:
			add("reference.client", fmt.Sprintf(pick(formRU), pick(companyRU))+fmt.Sprintf(" %d", i))
			add("reference.contact", pick(firstRU)+" "+pick(lastRU))
			add("reference.email", fmt.Sprintf("client%d@%s.ru", i, strings.ToLower(pick(companyEN))))
			add("reference.phone", fmt.Sprintf("+7 495 %03d-%02d-%02d", i%1000, i%100, (i/100)%100))
		default:
			add("reference.client", fmt.Sprintf(pick(formJA), pick(companyJA))+fmt.Sprintf("%d", i))
			add("reference.contact", pick(lastJA)+pick(firstJA))
			add("reference.email", fmt.Sprintf("info%d@%s.co.jp", i, strings.ToLower(pick(companyEN))))
			add("reference.phone", fmt.Sprintf("03-%04d-%04d", i%10000, (i*7)%10000))
		}
	}
	return out
}

var (
	wordsEN = strings.Fields("the archive holds forty million contracts and our team migrated every record in six weeks without downtime while the " +
		"Bank reduced retrieval time from days to seconds Compliance officers now search across all branches Document management " +
		"was a challenge because Legacy scanners produced TIFF images with OCR errors The project ran in three phases Migration Review Rollout")
	wordsRU = strings.Fields("архив содержит сорок миллионов договоров и наша команда перенесла все записи за шесть недель без простоя " +
		"Банк сократил время поиска с нескольких дней до секунд Сотрудники отдела комплаенс теперь ищут по всем филиалам " +
		"Проект прошёл в три этапа Миграция Проверка Внедрение ЭДО СЭД ЦБ РФ Москва Санкт-Петербург")
	wordsJA = []string{"契約書", "アーカイブ", "の", "導入", "事例", "です", "。", "銀行", "は", "検索", "時間", "を", "数日", "から", "数秒", "に",
		"短縮", "しました", "、", "全国", "の", "支店", "で", "文書", "管理", "システム", "を", "移行", "し", "ました", "OCR", "PDF", "クラウド"}
)

// benchPage renders a page of about size bytes: HTML chrome in English
// around paragraphs of words.
func benchPage(seed uint64, words []string, size int) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Case study</title>` +
		`<link rel="stylesheet" href="/assets/site.css"><script src="/assets/search.js" defer></script></head><body>` +
		`<nav class="top"><a href="/">Home</a> <a href="/cases/">Cases</a> <a href="/industries/">Industries</a></nav><main>`)
	for b.Len() < size-200 {
		fmt.Fprintf(&b, `<h2 id="s%d">`, r.IntN(100))
		for range 3 + r.IntN(4) {
			b.WriteString(words[r.IntN(len(words))] + " ")
		}
		b.WriteString("</h2>\n<p>")
		for range 40 + r.IntN(80) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) != 0 {
				b.WriteByte(' ')
			}
		}
		fmt.Fprintf(&b, "</p>\n<ul class=\"facts\"><li><a href=\"/cases/case-%d/\">Case %d</a></li></ul>\n", r.IntN(10000), r.IntN(10000))
	}
	b.WriteString(`</main><footer>&copy; 2025 Example Corp.</footer></body></html>`)
	return []byte(b.String())
}

var benchSecrets1000 = sync.OnceValue(func() []content.Secret { return benchSecrets(1000) })

// BenchmarkGuardScanPage scans pages of about 20 KB in English, Japanese
// and Russian that leak nothing, and one that leaks, for the private values
// of 1,000 cases (4,334 secrets).
func BenchmarkGuardScanPage(b *testing.B) {
	benchScanPages(b, NewGuard(benchSecrets1000()).Scan)
}

func benchScanPages(b *testing.B, scan func([]byte) []int) {
	for _, c := range []struct {
		name  string
		words []string
	}{{"en", wordsEN}, {"ja", wordsJA}, {"ru", wordsRU}} {
		page := benchPage(1, c.words, 20000)
		if got := scan(page); len(got) != 0 {
			b.Fatalf("%s page leaks %v", c.name, got)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				scan(page)
			}
		})
	}
	// A page with a leak: found secrets are reported.
	page := benchPage(2, wordsEN, 20000)
	page = slices.Insert(page, len(page)/2, []byte(strings.ToUpper(benchSecrets1000()[3].Value))...)
	if got := scan(page); len(got) == 0 {
		b.Fatal("leak not found")
	}
	b.Run("leak", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			scan(page)
		}
	})
}

// BenchmarkGuardScanPageParallel scans Russian pages from every CPU at
// once, as a build does: one guard, pooled scratch.
func BenchmarkGuardScanPageParallel(b *testing.B) {
	g := NewGuard(benchSecrets1000())
	page := benchPage(1, wordsRU, 20000)
	b.ResetTimer()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			g.Scan(page)
		}
	})
}

// BenchmarkGuardSite scans every file and path of a built site
// (REFPACK_BENCH_OUT, e.g. `refpack build -s LIB -o OUT`) for the secrets
// of its library (REFPACK_BENCH_LIB) as of today, as a build's guard
// does, on one core.
func BenchmarkGuardSite(b *testing.B) {
	lib, out := os.Getenv("REFPACK_BENCH_LIB"), os.Getenv("REFPACK_BENCH_OUT")
	if lib == "" || out == "" {
		b.Skip("set REFPACK_BENCH_LIB to a generated library and REFPACK_BENCH_OUT to its build")
	}
	l, _ := content.Load(os.DirFS(lib))
	if l == nil {
		b.Fatal("cannot load " + lib)
	}
	g := NewGuard(l.Secrets(time.Now()))
	type file struct {
		path string
		data []byte
	}
	var files []file
	total := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		files = append(files, file{filepath.ToSlash(rel), data})
		total += len(data) + len(rel)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, f := range files {
			if g.Scan(f.data) != nil || g.Scan([]byte(f.path)) != nil {
				b.Fatalf("%s leaks", f.path)
			}
		}
	}
}
