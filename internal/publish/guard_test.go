package publish

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"golang.org/x/text/width"
)

// TestGuardReadsLikeAReader: every way a page, a feed, an index or a URL
// can write a private value is found; text that only looks alike is not.
func TestGuardReadsLikeAReader(t *testing.T) {
	secrets := []content.Secret{
		{Value: "Quillfeather Holdings"},
		{Value: "Marks & Spencer's"},
		{Value: "AXA"},
		{Value: "Компания Секрет"},
		{Value: "株式会社瀬戸内マリン"},
		{Value: "Northwind"},
		{Value: "Archive Systems", Capitals: true},
		{Value: "Ivan Petrov, +7 495 000 00 00"},
		{Value: "Weiß & Söhne"},
	}
	g := NewGuard(secrets)
	for _, c := range []struct {
		text string
		want []int
	}{
		// White space, line breaks and markup between the words.
		{"<p>at Quillfeather\nHoldings we</p>", []int{0}},
		{"<p>at Quillfeather\n  Holdings</p>", []int{0}},
		{"<p>Quillfeather\u00a0Holdings</p>", []int{0}},
		{"<p>Quillfeather&nbsp;Holdings</p>", []int{0}},
		{"<p>Quillfeather<br>Holdings</p>", []int{0}},
		{"<p><strong>Quillfeather</strong> Holdings</p>", []int{0}},
		{"<p>Quill<em>feather</em> Holdings</p>", []int{0}},
		{`<p><a href="https://x.example/">Quillfeather</a> Holdings</p>`, []int{0}},
		{`<p>Quill<a href="https://x.example/">feather</a> Holdings</p>`, []int{0}},
		// Case, compatibility forms, invisible characters.
		{"QUILLFEATHER HOLDINGS", []int{0}},
		{"Ｑｕｉｌｌｆｅａｔｈｅｒ Ｈｏｌｄｉｎｇｓ", []int{0}},
		{"Quill\u00adfeather Hold\u200bings", []int{0}},
		{"Quill&shy;feather Holdings", []int{0}},
		// URLs and file names.
		{"/cases/quillfeather-holdings/", []int{0}},
		{"bundle/Quillfeather_Holdings.pdf", []int{0}},
		{"/files/QuillfeatherHoldings.pdf", []int{0}},
		{"https://x.example/?q=Quillfeather%20Holdings", []int{0}},
		{"https://x.example/?q=Quillfeather+Holdings", []int{0}},
		// Escapes of every output.
		{"Marks &amp; Spencer's", []int{1}},
		{"Marks &amp; Spencer&#39;s", []int{1}},
		{"Marks &amp;amp; Spencer&#x27;s", []int{1}},
		{`{"t":"Marks \u0026 Spencer\u0027s"}`, []int{1}},
		{`"Marks \x26 Spencer\x27s"`, []int{1}},
		{"<title>Marks &amp; Spencer&apos;s</title>", []int{1}},
		{"/cases/marks-spencers/", []int{1}},
		// Short names as whole words only.
		{"insured by AXA today", []int{2}},
		{"insured by <b>A</b>XA", []int{2}},
		{"the taxation office", nil},
		{"axa", []int{2}},
		// Russian and Japanese; a line break anywhere in Japanese.
		{"КОМПАНИЯ СЕКРЕТ", []int{3}},
		{"компания\nсекрет", []int{3}},
		{"これは株式会社瀬戸\n内マリンです", []int{4}},
		{"これは株式会社瀬戸<br>内マリンです", []int{4}},
		// Words the value does not split are not joined from others.
		{"North windows", nil},
		{"NORTHWIND", []int{5}},
		{"Northwind's", []int{5}},
		// Ordinary words are a name only with their capitals.
		{"our archive systems", nil},
		{"Archive systems", nil},
		{"Archive Systems", []int{6}},
		{"ARCHIVE SYSTEMS", []int{6}},
		{"/archive-systems/", nil},
		// Punctuation and spacing of a phone number.
		{"call Ivan Petrov, +7 (495) 000-00-00", []int{7}},
		{"Ivan Petro and Olga", nil},
		// German: ß is ss.
		{"WEISS &amp; SÖHNE", []int{8}},
		{"", nil},
	} {
		got := g.Scan([]byte(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("Scan(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestGuardManySharedPrefixes: patterns sharing long prefixes must all be
// found, whatever anchor each got.
func TestGuardManySharedPrefixes(t *testing.T) {
	var secrets []content.Secret
	for i := range 500 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("How long did the migration take at site %d?", i)})
	}
	g := NewGuard(secrets)
	text := strings.Repeat("filler ", 100) + "how long did the migration take at site 437?"
	if got := g.Scan([]byte(text)); !slices.Equal(got, []int{437}) {
		t.Errorf("got %v", got)
	}
}

func BenchmarkGuardScan(b *testing.B) {
	var secrets []content.Secret
	for i := range 40000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Dr. Contact Person %d, +49 221 555 %04d", i, i)})
	}
	g := NewGuard(secrets)
	page := []byte(strings.Repeat("The archive holds forty million contracts; Dr. Smith said so. ", 250))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		g.Scan(page)
	}
}

func BenchmarkNewGuard(b *testing.B) {
	var secrets []content.Secret
	for i := range 30000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Dr. Contact Person %d, Head of Archives, +49 221 555 %04d", i%700, i)})
	}
	for b.Loop() {
		NewGuard(secrets)
	}
}

// oracleScan is the guard's promise written the obvious way: read the
// value and the text alike, then look for the value's letters at every
// offset and keep the places that read as the value.
func oracleScan(secrets []content.Secret, data []byte) []int {
	var text view
	read(&text, readableText(data), outputText)
	var out []int
	for i, s := range secrets {
		var v view
		read(&v, []byte(s.Value), plainText)
		if v.runeCount() < 2 {
			continue
		}
		sh := shape{bound: bitsIn(v.bound, len(v.text)), whole: v.runeCount() < 4 && !v.hasCJK()}
		if s.Capitals {
			sh.upper = bitsIn(v.upper, len(v.text))
		}
		for at := 0; at+len(v.text) <= len(text.text); at++ {
			if bytes.HasPrefix(text.text[at:], v.text) && sh.fits(&text, at, len(v.text)) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// trickySecrets have letters whose lower case is another script's, or
// longer or shorter in UTF-8, or that the reference leaves alone.
var trickySecrets = []string{
	"Ivan Petrov, +7 495 000 00 00", "Olga", "O'Brien & Sons <Ltd>", "Компания Секрет", "秘密の顧客",
	"ООО «Ромашка»", "ПАО", "Ёлка Групп", "АБВГ", "İstanbul Finans", "Kelvin Instruments", "ȺȾ Holdings",
	"Straße 12", "ＡＣＭＥ Corp", "Σίσυφος ΑΕ", "𐐀𐐁 Deseret", "Ꙁꙁ Old", "ǅemal", "PX-0042", "x@y.co",
	"ab", "abcd", "Jane Doe", "jane.doe@example.com", "東京電機株式会社", "Ωmega ℃ Labs", "ﬁnance",
	"Anna Lee1", "Anna Leeds", "Anna Leeds1", "Anna Leeds12", "Bob", "Яна", "ЯнаЯ",
	// Values that other secrets share, or in another case.
	"OLGA", "jane doe", "Jane Doe", "ЯНА", "Anna Leeds",
	// Stroke letters, ligatures, half-width and voiced kana, hyphens.
	"Løvenskiold", "ÆRØ Łódź", "ｶﾞｽ開発", "ガス開発", "Quillfeather", "Jean-Pierre", "Дмитрий",
}

func diffSecrets() []content.Secret {
	secrets := benchSecrets(20)
	for i, v := range trickySecrets {
		secrets = append(secrets, content.Secret{Value: v, Capitals: i%5 == 0})
	}
	return secrets
}

// nasty are byte strings that test the edges of UTF-8 decoding and case.
var nasty = []string{
	"\x80", "\xff", "\xc3", "\xe3\x81", "\xed\xa0\x80", "\xc0\xaf", "\xf0\x90\x80", "\ufffd", "\xe3\x81\x82",
	"\u212a", "\u0130", "\u023a", "\u1e9e", "\uff21", "\ua640", "\U00010400", "\u01c5", "\u03a3", "Ё", "Я",
	"&amp;", "&#39;", "%20", "+", "\\u0026", "<p>", "</a>", " ", "\n",
	// Comments, footnote marks, images, invisible and voicing marks,
	// stroke letters, hyphens and middle dots.
	"<!--", "-->", "<!-- x -->", "<!-->", "<sup>", "</sup>", `<sup id="fnref:1"><a href="#fn:1">1</a></sup>`,
	`<img src="a.png" alt="x">`, "\u2066", "\U000E0041", "\u3164", "\u2800", "\u3099", "ﾞ", "ｶ", "゛",
	"\u0306", "Ø", "æ", "ŀ", "·", "\u2011", "-", "--", "\xff\xfe", "\xfe\xff",
}

// escapings are ways an output writes a value.
var escapings = []func(string) string{
	func(s string) string { return s },
	func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	},
	func(s string) string { return strings.NewReplacer("&", "&amp;", "'", "&#39;", `"`, "&#34;").Replace(s) },
	func(s string) string {
		return strings.NewReplacer("&", `\u0026`, "<", `\u003c`, "'", `\u0027`).Replace(s)
	},
	func(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") },
	func(s string) string { return strings.ReplaceAll(s, " ", "\n") },
	func(s string) string { return strings.ReplaceAll(s, " ", "%20") },
	// A comment, an invisible character or a hyphen inside each word, a
	// footnote mark after its first letter, kana in half-width.
	func(s string) string { return insideWords(s, "<!-- raw HTML omitted -->") },
	func(s string) string { return insideWords(s, "\u2066") },
	func(s string) string { return insideWords(s, "-") },
	func(s string) string { return insideWords(s, `<sup id="fnref:1"><a href="#fn:1">1</a></sup>`) },
	width.Narrow.String,
}

// randomCase writes each rune of s in upper, lower, title or its own case.
func randomCase(r *rand.Rand, s string) string {
	var b strings.Builder
	for _, c := range s {
		switch r.IntN(6) {
		case 0:
			c = unicode.ToUpper(c)
		case 1:
			c = unicode.ToLower(c)
		case 2:
			c = unicode.ToTitle(c)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// randomText writes about size bytes: secrets, escaped in some way, in
// random case, whole or cut anywhere (even inside a rune), among words of
// three scripts, markup, escapes and invalid UTF-8.
func randomText(r *rand.Rand, secrets []content.Secret, size int) []byte {
	words := [][]string{wordsEN, wordsRU, wordsJA, nasty}
	var b []byte
	for len(b) < size {
		switch r.IntN(6) {
		case 0, 1:
			f := escapings[r.IntN(len(escapings))](secrets[r.IntN(len(secrets))].Value)
			f = randomCase(r, f)
			if r.IntN(3) == 0 {
				i := r.IntN(len(f) + 1)
				j := i + r.IntN(len(f)-i+1)
				f = f[i:j]
			}
			b = append(b, f...)
		case 2:
			b = append(b, byte(r.UintN(256)))
		default:
			ws := words[r.IntN(len(words))]
			b = append(b, randomCase(r, ws[r.IntN(len(ws))])...)
		}
		if r.IntN(2) == 0 {
			const seps = " <>&;\\%_-"
			b = append(b, seps[r.IntN(len(seps))])
		}
	}
	return b
}

// TestGuardMatchesOracle compares the guard with the obvious search on
// random text.
func TestGuardMatchesOracle(t *testing.T) {
	secrets := diffSecrets()
	g := NewGuard(secrets)
	r := rand.New(rand.NewPCG(3, 4))
	n := 3000
	if testing.Short() {
		n = 300
	}
	found := 0
	for k := range n {
		size := 1 + r.IntN(400)
		if k%100 == 0 {
			size = 40000
		}
		text := randomText(r, secrets, size)
		want := oracleScan(secrets, text)
		found += len(want)
		if got := g.Scan(text); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v, oracle %v", text, got, want)
		}
	}
	if found < n {
		t.Errorf("the random texts held only %d secrets in %d texts: the test tests little", found, n)
	}
}

// TestGuardScanConcurrent: scans in many goroutines agree with one.
func TestGuardScanConcurrent(t *testing.T) {
	secrets := diffSecrets()
	g := NewGuard(secrets)
	r := rand.New(rand.NewPCG(7, 8))
	var texts [][]byte
	var want [][]int
	for k := range 200 {
		texts = append(texts, randomText(r, secrets, 200+r.IntN(2000)))
		want = append(want, g.Scan(texts[k]))
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for k := range texts {
				k = (k + w*25) % len(texts)
				if got := g.Scan(texts[k]); !slices.Equal(got, want[k]) {
					t.Errorf("text %d: got %v, want %v", k, got, want[k])
				}
			}
		})
	}
	wg.Wait()
}

func raceEnabled() bool {
	info, _ := debug.ReadBuildInfo()
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// FuzzGuardScan compares the guard with the oracle on any bytes.
func FuzzGuardScan(f *testing.F) {
	secrets := diffSecrets()
	g := NewGuard(secrets)
	r := rand.New(rand.NewPCG(9, 10))
	for range 20 {
		f.Add(randomText(r, secrets, 1+r.IntN(300)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := g.Scan(data), oracleScan(secrets, data); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v, want %v", data, got, want)
		}
	})
}

// TestReadCyrillicCapitals: capitals read as the small letters that runs
// of Russian text are copied as, й and Й alike.
func TestReadCyrillicCapitals(t *testing.T) {
	read1 := func(s string) string {
		var v view
		read(&v, []byte(s), outputText)
		return string(v.text)
	}
	for _, s := range []string{"СЕВЕРНЫЙ ВЕТЕР", "Северный Ветер"} {
		if got := read1(s); got != "северныйветер" {
			t.Errorf("read(%q) = %q", s, got)
		}
	}
}

// TestGuardWholeWordNames: a short name marked WholeWord is found as a
// word, in any case and joined into a URL, but not inside a longer word.
func TestGuardWholeWordNames(t *testing.T) {
	g := NewGuard([]content.Secret{{Value: "Ford", WholeWord: true}, {Value: "Nordw", WholeWord: true}, {Value: "Sage"}})
	for _, c := range []struct {
		text string
		want []int
	}{
		{"<p>We met Ford.</p>", []int{0}},
		{"/cases/ford-motor/", []int{0}},
		{"<p>Die Herausforderung</p>", nil},
		{"<p>NORDW bank</p>", []int{1}},
		{"<p>Nordwind</p>", nil},
		// Without the flag, a value of four letters is found anywhere.
		{"<p>message</p>", []int{2}},
	} {
		if got := g.Scan([]byte(c.text)); !slices.Equal(got, c.want) {
			t.Errorf("Scan(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestGuardFindsNumbersWhole: a phone number is found however its digits
// are grouped, also glued to a word, and never inside a longer number.
func TestGuardFindsNumbersWhole(t *testing.T) {
	g := NewGuard([]content.Secret{
		{Value: "+7 495 123-45-67", Path: "content/cases/a.md", Field: "reference.contact, the phone number alone"},
		{Value: "74951234567", Path: "content/cases/a.md", Field: "reference.contact, the phone number alone"},
		{Value: "0312345678", Path: "content/cases/b.md", Field: "reference.contact, the phone number alone"},
	})
	for text, want := range map[string][]int{
		"Call +7 (495) 123-45-67 today":       {0}, // the digits alone add no boundaries
		"<td>74951234567</td>":                {0, 1},
		"tel:+74951234567":                    {0, 1},
		"Tel74951234567":                      {0, 1},
		"12 74951234567":                      {0, 1},
		"8 (495) 123 45 67":                   nil,
		"274951234567":                        nil,
		"749512345670":                        nil,
		"call 0312345678.":                    {2},
		"03-1234-5678":                        nil,
		"2003-12-34 5678":                     nil,
		`{"n":312345678,"m":"0312345678"}`:    {2},
		"0312345678" + strings.Repeat("9", 3): nil,
	} {
		if got := g.Scan([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("Scan(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestGuardFindsPeopleAndPhonesAsWritten: the forms of a person and of a
// phone number that a page writes without the title, with the other
// spelling of an umlaut, in another Russian case, in the national form of
// the number, or a Japanese contact's name alone, fail the build.
func TestGuardFindsPeopleAndPhonesAsWritten(t *testing.T) {
	time0 := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	lib := &content.Library{Site: &config.Site{},
		Cases: []*content.Case{
			{Path: "a.md", Client: "Open Bank", Reference: content.Reference{Contact: "Dr. Annegret Falkenhagen-Ruß, Leiterin IT, +49 (0)89 4711-2233"}},
			{Path: "b.md", Client: "Other Bank", Reference: content.Reference{Contact: "前田 智子（事務部 次長）、0776-55-0138"}},
			{Path: "c.md", Client: "Volga Bank", Reference: content.Reference{Contact: "Андрей Мельников, +7 843 555-01-27"}},
			{Path: "d.md", Client: "North Bank", Reference: content.Reference{Contact: "Margaret Hale, +44 (0)20 7946 0381"}},
		},
		Prospects: []*content.Prospect{{Path: "p.toml", Name: "Neva Capital", Participants: []content.Participant{
			{Name: "Dr. Svenja Oltmanns"}, {Name: "Friederike Mühlenbeck"}, {Name: "Jörg Schäfer"}, {Name: "Ольга Лаптева"}, {Name: "Hans Mueller"}}}},
	}
	g := NewGuard(lib.Secrets(time0))
	for _, page := range []string{
		"Dank an Annegret Falkenhagen-Ruß.", "Dank an Svenja Oltmanns.", "Friederike Muehlenbeck sprach.",
		"Joerg Schaefer sprach.", "Hans Müller sprach.", "前田智子さんに感謝します。", "前田 智子さん",
		"Мы пригласили Андрея Мельникова.", "Встреча с Ольгой Лаптевой.", "Телефон: 8 (843) 555-01-27.",
		"Call Margaret on 020 7946 0381.", "+44 20 7946 0381", "089 4711-2233",
	} {
		if got := g.Scan([]byte("<p>" + page + "</p>")); len(got) == 0 {
			t.Errorf("nothing found in %q", page)
		}
	}
	for _, page := range []string{"Svenja went home.", "Andrei Melnikov", "Maeda", "555-01-27", "Hans went home."} {
		if got := g.Scan([]byte("<p>" + page + "</p>")); len(got) > 0 {
			t.Errorf("%q: found %v", page, got)
		}
	}
}

// TestGuardFindsAWholeWordOnly: a one-word name read as a whole word is
// not found inside a longer word.
func TestGuardFindsAWholeWordOnly(t *testing.T) {
	g := NewGuard([]content.Secret{{Value: "Dokument", Path: "p.toml", Field: "name, without its legal form", WholeWord: true}})
	for text, want := range map[string]bool{
		"bei Dokument.": true, "DOKUMENT": true, "Technische Dokumentation": false, "/cases/dokumentation/": false,
	} {
		if got := len(g.Scan([]byte(text))) > 0; got != want {
			t.Errorf("Scan(%q) found = %v, want %v", text, got, want)
		}
	}
}
