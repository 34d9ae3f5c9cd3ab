package publish

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// readText is the letters a reader sees of s read as an output.
func readText(s string) string {
	var v view
	read(&v, []byte(s), outputText)
	return string(v.text)
}

// redTeamSecrets are the names the red team planted.
var redTeamSecrets = []content.Secret{
	{Value: "Quillfeather Holdings"},
	{Value: "Quillfeather"},
	{Value: "ガス開発"},
	{Value: "Løvenskiold"},
	{Value: "Lovenskiold Ærø"},
	{Value: "AXA"},
	{Value: "Northwind"},
}

// TestGuardFindsRedTeamForms: each way the red team hid a name in a page
// the build writes, and text that only looks alike.
func TestGuardFindsRedTeamForms(t *testing.T) {
	g := NewGuard(redTeamSecrets)
	for _, c := range []struct {
		text string
		want []int
	}{
		// 1. Comments do not split a word, and their text is read.
		{"<p>Quill<!-- raw HTML omitted -->feather Holdings</p>", []int{0, 1}},
		{"<p>Quill<!-- x -->feather</p>", []int{1}},
		{"<p>Quill<!---->feather</p>", []int{1}},
		{"<p>Quill<!-->feather</p>", []int{1}},
		{"<!-- Quillfeather Holdings -->", []int{0, 1}},
		{"<p>a</p><!-- Quillfeather", []int{1}},
		// 2. Invisible characters inside a word.
		{"Quill\u2066feather", []int{1}},
		{"Quill\u2069feather", []int{1}},
		{"Quill\u206afeather", []int{1}},
		{"Quill\u206ffeather", []int{1}},
		{"Quill\ufff9feather", []int{1}},
		{"Quill\ufffbfeather", []int{1}},
		{"Quill\U000E0001feather", []int{1}},
		{"Quill\U000E0041feather", []int{1}},
		{"Quill\U000E007Ffeather", []int{1}},
		{"Quill\U0001D173feather", []int{1}},
		{"Quill\U0001D17Afeather", []int{1}},
		{"Quill\u115ffeather", []int{1}},
		{"Quill\u1160feather", []int{1}},
		{"Quill\u3164feather", []int{1}},
		{"Quill\uffa0feather", []int{1}},
		{"Quill\u2800feather", []int{1}},
		{"Quill&#x2066;feather", []int{1}},
		{"ガ\u2066ス開発", []int{2}},
		// 3. Half-width katakana with voicing marks, and kana with a
		// combining mark, read as the composed kana.
		{"これはｶﾞｽ開発です", []int{2}},
		{"これはカ\u3099ス開発です", []int{2}},
		{"これはカス開発です", nil},
		// 4. Latin letters with a stroke, and ligatures.
		{"Løvenskiold", []int{3}},
		{"LØVENSKIOLD", []int{3}},
		{"Lovenskiold AEro", []int{3, 4}},
		{"Løvenskiold Ærø", []int{3, 4}},
		{"LOVENSKIOLD ÆRØ", []int{3, 4}},
		// 5. A footnote mark, an image or a hyphen inside a word.
		{`<p>Quill<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>feather Holdings</p>`, []int{0, 1}},
		{`<p>Quill<img src="a.png" alt="x" loading="lazy">feather Holdings</p>`, []int{0, 1}},
		{"<p>Quill-feather Holdings</p>", []int{0, 1}},
		{"<p>Quill\u00b7feather</p>", []int{1}},
		{"<p>Quill\u2010feather</p>", []int{1}},
		{"<p>Quill\u2011feather</p>", []int{1}},
		{"<p>Quill&#8209;feather</p>", []int{1}},
		{"/cases/quill-feather-holdings/", []int{0, 1}},
		// A hyphen keeps the boundary too: short names stay whole words.
		{"<p>AXA-owned</p>", []int{5}},
		{"<p>an AXA-Holding-owned firm</p>", []int{5}},
		{"/cases/taxa-axa-report/", []int{5}},
		{"<p>taxa-owned</p>", nil},
		// Spaces and other punctuation still split words.
		{"<p>Quill feather</p>", nil},
		{"<p>Quill - feather</p>", nil},
		{"<p>Quill--feather</p>", nil},
		{"<p>Quill.feather</p>", nil},
		{"North windows", nil},
	} {
		got := g.Scan([]byte(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("Scan(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestGuardFindsRenderedRedTeamForms: the red team's Markdown, rendered as
// the build renders case bodies, leaks a name the guard finds.
func TestGuardFindsRenderedRedTeamForms(t *testing.T) {
	g := NewGuard([]content.Secret{{Value: "Quillfeather Holdings"}})
	md := markdown.New()
	for _, src := range []string{
		"We met Quill<!-- x -->feather Holdings.",
		"We met Quill<b>feather</b> Holdings.",
		"# Quill<span>feather</span> Holdings",
		"We met Quill[^1]feather Holdings.\n\n[^1]: A note.",
		"We met Quill![x](a.png)feather Holdings.",
		"We met Quill-feather Holdings.",
		"We met Quill\u2066feather Holdings.",
		"We met QUILLFEATHER HOLDINGS.",
	} {
		res, err := md.Render([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Scan([]byte(res.HTML)); !slices.Equal(got, []int{0}) {
			t.Errorf("Scan of %q rendered as %q = %v, want [0]", src, res.HTML, got)
		}
	}
}

// TestSourceLeaksRedTeamForms: the source says where the author wrote it.
func TestSourceLeaksRedTeamForms(t *testing.T) {
	g := NewGuard([]content.Secret{{Value: "Quillfeather", Path: "content/cases/other.md", Field: "reference.client"}})
	for _, body := range []string{
		"We met Quill<!-- x -->feather.",
		"We met Quill<b>feather</b>.",
		"We met Quill-feather.",
		"We met Quill\u2066feather.",
		"We met Løvenskiold and Quill\u00b7feather.",
		"We met Quill[^1]feather.\n\n[^1]: A note.",
		"We met Quill![x](a.png)feather.",
	} {
		src := Source{Path: "content/cases/x.md", Data: []byte("+++\ntitle = \"x\"\n+++\n\n" + body + "\n")}
		probs := SourceLeaks(g, []Source{src})
		if len(probs) != 1 || probs[0].Line != 5 {
			t.Errorf("SourceLeaks(%q) = %v, want one problem at line 5", body, probs)
		}
	}
}

// TestReadFullAndHalfWidthKanaAlike: a katakana name reads the same in
// full-width, half-width and decomposed forms.
func TestReadFullAndHalfWidthKanaAlike(t *testing.T) {
	full := readText("カブシキガイシャ・パピプペポ ヴ")
	for _, s := range []string{
		"ｶﾌﾞｼｷｶﾞｲｼｬ･ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ｳﾞ",
		"カフ\u3099シキカ\u3099イシャ・ハ\u309aヒ\u309aフ\u309aヘ\u309aホ\u309a ウ\u3099",
		"ｶﾌ\u3099ｼｷｶ\u3099ｲｼｬ・ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ｳﾞ",
		"カフ゛シキカ゛イシャ・ハ゜ヒ゜フ゜ヘ゜ホ゜ ウ゛",
	} {
		if got := readText(s); got != full {
			t.Errorf("read(%q) = %q, want %q", s, got, full)
		}
	}
	// A mark that voices nothing is dropped, as accents are.
	if got := readText("ア\u3099"); got != "ア" {
		t.Errorf("read(ア+mark) = %q", got)
	}
}

// TestReadComposedCyrillic: a Cyrillic letter written decomposed reads as
// the composed letter, which Russian keeps apart from the plain one.
func TestReadComposedCyrillic(t *testing.T) {
	for in, want := range map[string]string{
		"Дмитрии\u0306": "дмитрий", "И\u0306ошкар-Ола": "йошкаролаола", "е\u0308лка": "елка",
		"ж\u0308": "ӝ", "Дмитрий": "дмитрий", "и \u0306": "и",
	} {
		if got := readText(in); got != want {
			t.Errorf("read(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadStrokeLetters: letters with a stroke and ligatures read as the
// letters they look like, with one capital for a capital.
func TestReadStrokeLetters(t *testing.T) {
	for in, want := range map[string]string{
		"Øø": "oo", "Łł": "ll", "Ææ": "aeae", "Œœ": "oeoe", "Đđ": "dd", "Ðð": "dd", "Ħħ": "hh",
		"ı": "i", "Þþ": "thth", "Ŀŀ": "ll", "ĸ": "k", "Ŧŧ": "tt", "Ǿǿ": "oo", "Ǽǣ": "aeae",
		"Łódź": "lodz", "Ærø": "aero", "Œuvre": "oeuvre",
	} {
		if got := readText(in); got != want {
			t.Errorf("read(%q) = %q, want %q", in, got, want)
		}
	}
	// Æ is one capital letter: only its first letter is marked.
	var v view
	read(&v, []byte("Æble"), outputText)
	if got := bitsIn(v.upper, len(v.text)); !slices.Equal(got, []uint16{0}) {
		t.Errorf("capitals of Æble at %v, want [0]", got)
	}
	g := NewGuard([]content.Secret{{Value: "Æble Systems", Capitals: true}})
	for text, want := range map[string]bool{"Aeble Systems": true, "ÆBLE SYSTEMS": true, "AEBLE Systems": true, "aeble systems": false} {
		if got := g.Scan([]byte(text)) != nil; got != want {
			t.Errorf("Scan(%q) found %v, want %v", text, got, want)
		}
	}
}

// TestReadInvisible: format characters and fillers vanish, also between
// CJK letters and in a secret.
func TestReadInvisible(t *testing.T) {
	for _, c := range []rune{'¹', '²', '⁴', '₂', 'ⁿ', 0x00AD, 0x061C, 0x200B, 0x2060, 0x2066, 0x2069, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB,
		0x110BD, 0x1D173, 0x1D17A, 0xE0000, 0xE0001, 0xE0020, 0xE007F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800} {
		s := "Quill" + string(c) + "feather 株式" + string(c) + "会社"
		if got := readText(s); got != "quillfeather株式会社" {
			t.Errorf("read(%q) = %q", s, got)
		}
		var v view
		read(&v, []byte(s), outputText)
		if got := bitsIn(v.bound, len(v.text)); !slices.Equal(got, []uint16{12}) {
			t.Errorf("boundaries of %q at %v, want [12]", s, got)
		}
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestGuardReadsUTF16: a text file in UTF-16 (or UTF-32) with a byte-order
// mark is read as the text it is.
func TestGuardReadsUTF16(t *testing.T) {
	g := NewGuard([]content.Secret{{Value: "Quillfeather Holdings"}, {Value: "株式会社瀬戸内マリン"}})
	text := "Notes from the call with Quillfeather Holdings and 株式会社瀬戸内マリン 😀.\r\n"
	for name, data := range map[string][]byte{
		"utf-16le": utf16Bytes(text, false),
		"utf-16be": utf16Bytes(text, true),
		"utf-32le": utf32Bytes(text, false),
		"utf-32be": utf32Bytes(text, true),
	} {
		if got := g.Scan(data); !slices.Equal(got, []int{0, 1}) {
			t.Errorf("%s: Scan = %v, want [0 1]", name, got)
		}
		if got := string(readableText(data)); got != text {
			t.Errorf("%s: readableText = %q", name, got)
		}
	}
	for in, want := range map[string]string{
		// No byte-order mark of UTF-16 or UTF-32: as it is.
		"": "", "\xff": "\xff", "plain": "plain", "\xef\xbb\xbfQ": "\xef\xbb\xbfQ", "\x00\x00Q": "\x00\x00Q",
		// A mark and nothing, an odd byte, a lone surrogate, a code point
		// out of range.
		"\xff\xfe": "", "\xfe\xffQ": "\ufffd", "\xff\xfeQ\x00\x00": "Q\ufffd", "\xff\xfe\x00\xd8Q\x00": "\ufffdQ",
		"\xff\xfe\x00\x00\x00\x00\x11\x00Q\x00\x00\x00": "\ufffdQ",
	} {
		if got := string(readableText([]byte(in))); got != want {
			t.Errorf("readableText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := g.Scan([]byte("\xef\xbb\xbfQuillfeather Holdings")); !slices.Equal(got, []int{0}) {
		t.Errorf("UTF-8 with a BOM: %v", got)
	}
}

func utf32Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE, 0, 0}
	if bigEndian {
		out = []byte{0, 0, 0xFE, 0xFF}
	}
	for _, c := range s {
		if bigEndian {
			out = append(out, 0, byte(c>>16), byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8), byte(c>>16), 0)
		}
	}
	return out
}

// TestReadIgnoresEveryFormatCharacter: ignorable spares most runes the
// Unicode table, but misses no format character.
func TestReadIgnoresEveryFormatCharacter(t *testing.T) {
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if unicode.Is(unicode.Cf, c) && !ignorable(c) {
			t.Errorf("%U is a format character, not ignored", c)
		}
	}
}

// TestReadHyphens: a hyphen between two letters joins them, and the short
// parts of the joined word are read again as words of their own after the
// text; anywhere else it is a boundary. "|" marks the boundaries.
func TestReadHyphens(t *testing.T) {
	for in, want := range map[string]string{
		"Quill-feather Holdings":   "quillfeather|holdings|quill",
		"Quillf-feather Holdings":  "quillffeather|holdings",
		"AXA-owned":                "axaowned|axa|owned",
		"ab-cdef-gh ij-k":          "abcdefgh|ijk|ab|cdef|gh|ij|k",
		"a-b-c":                    "abc|a|b|c",
		"Санкт-Петербург":          "санктпетербург|санкт",
		"PX-0042":                  "px|0042",
		"2024-05-12":               "2024|05|12",
		"x-1y":                     "x|1y",
		"Quill--feather":           "quill|feather",
		"Quill- feather":           "quill|feather",
		"Quill-\nfeather":          "quillfeather|quill",
		"Quill- \n  feather":       "quillfeather|quill",
		"Quill -\nfeather":         "quill|feather",
		"Quill -feather":           "quill|feather",
		"-Quill-":                  "quill",
		"ジョン・スミス":                  "ジョンスミス|ジョン|スミス",
		"Quill·feather":            "quillfeather|quill",
		`<a title="ab-cd">x</a>`:   "x|abcd|ab|cd",
		"/cases/taxa-axa-report/":  "cases|taxaaxareport|taxa|axa",
		"Quill-<em>feather</em>":   "quillfeather|quill",
		"Quill-&shy;feather":       "quillfeather|quill",
		"Quill-\u2066feather-x":    "quillfeatherx|quill|x",
		"<p>de-</p><p>light</p>":   "de|light",
		"Quill-feather<br>Holding": "quillfeather|holding|quill",
		"𐐀𐐁𐐂-ab-𐐀𐐁𐐂":               "𐐨𐐩𐐪ab𐐨𐐩𐐪|𐐨𐐩𐐪|ab|𐐨𐐩𐐪",
		"𐐀𐐁𐐂𐐃-ab":                  "𐐨𐐩𐐪𐐫ab|𐐨𐐩𐐪𐐫|ab",
		"𐐀𐐁𐐂𐐃𐐄𐐅-ab":                "𐐨𐐩𐐪𐐫𐐬𐐭ab|ab",
		"x y-z":                    "x|yz|y|z",
		"abcdefghijklm-ab":         "abcdefghijklmab|ab",
		"ab-abcdefghijklm":         "ababcdefghijklm|ab",
		"ab-cd-ef-gh":              "abcdefgh|ab|cd|ef|gh",
	} {
		var v view
		read(&v, []byte(in), outputText)
		var b strings.Builder
		for i := range len(v.text) {
			if i > 0 && has(v.bound, i) {
				b.WriteByte('|')
			}
			b.WriteByte(v.text[i])
		}
		if got := b.String(); got != want {
			t.Errorf("read(%q) = %q, want %q", in, got, want)
		}
	}
	// A private value keeps its hyphen as a boundary, which a page may drop.
	var v view
	read(&v, []byte("Jean-Pierre"), plainText)
	if got := bitsIn(v.bound, len(v.text)); !slices.Equal(got, []uint16{4}) {
		t.Errorf("boundaries of the value Jean-Pierre at %v, want [4]", got)
	}
	g := NewGuard([]content.Secret{{Value: "Jean-Pierre Dupont"}})
	for _, text := range []string{"Jean-Pierre Dupont", "Jean Pierre Dupont", "JeanPierre Dupont", "jean-pierre-dupont"} {
		if g.Scan([]byte(text)) == nil {
			t.Errorf("Jean-Pierre Dupont not found in %q", text)
		}
	}
}

// letterAlphabet are runes whose reading refLetters states plainly: ASCII,
// accented, stroke and ligature Latin letters, full- and half-width forms,
// kana with and without voicing marks, combining marks, Cyrillic, Greek,
// Han, and invisible characters.
var letterAlphabet = []rune("aZq0 ßẞİıéÜÅñŉ" + "ØøŁłÆæŒœĐđÐðĦħÞþĿŀĸŦŧǾǿǼǢ" + "ﬁĲǄǅＡｚ９①" +
	"ｶｷﾊﾎｳﾜﾞﾟカガハぱウゝヽワ株会豈\uf900\ufa0e" + "\u0301\u0308\u3099\u309a" +
	"\u00ad\u200b\u2066\u2069\u206a\ufeff\ufff9\U000E0041\U0001D173\u115f\u3164\uffa0\u2800" +
	"йЁЯжёΣςάΩ")

// refStrokes is README's list of letters with a stroke and ligatures.
var refStrokes = map[rune]string{
	'Ø': "o", 'ø': "o", 'Ł': "l", 'ł': "l", 'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe", 'Đ': "d", 'đ': "d",
	'Ð': "d", 'ð': "d", 'Ħ': "h", 'ħ': "h", 'ı': "i", 'Þ': "th", 'þ': "th", 'Ŀ': "l", 'ŀ': "l", 'ĸ': "k",
	'Ŧ': "t", 'ŧ': "t",
}

// refLetters is the letters of plain text read by README's rules, the
// slow way: drop the invisible characters and footnote marks, take the NFKC form of the
// whole (half-width kana and their voicing marks compose), keep kana, Han
// and Cyrillic letters as they are but in lower case (ё is е), and read
// any other letter as its NFKD form without accents, a stroke letter as
// its Latin letters, ß as ss, in lower case.
func refLetters(s string) string {
	var visible []rune
	for _, c := range s {
		if !unicode.Is(unicode.Cf, c) && !strings.ContainsRune("\u115f\u1160\u3164\uffa0\u2800", c) && !footnoteMark(c) {
			visible = append(visible, c)
		}
	}
	var b strings.Builder
	for _, c := range norm.NFKC.String(string(visible)) {
		switch {
		case unicode.In(c, unicode.Hiragana, unicode.Katakana, unicode.Han):
			b.WriteRune(c)
		case c == 'ё' || c == 'Ё':
			b.WriteRune('е')
		case unicode.Is(unicode.Cyrillic, c):
			b.WriteRune(unicode.ToLower(c))
		default:
			for _, d := range norm.NFKD.String(string(c)) {
				switch {
				case d == 'ß' || d == 'ẞ':
					b.WriteString("ss")
				case refStrokes[d] != "":
					b.WriteString(refStrokes[d])
				case unicode.IsLetter(d) || unicode.IsDigit(d):
					b.WriteRune(unicode.ToLower(d))
				}
			}
		}
	}
	return b.String()
}

// lettersOf writes the bytes as runes of letterAlphabet. A combining mark
// right after another (but for invisible characters) is left out: the reader composes a voicing mark
// with the kana before it across another mark, where NFKC's rule for
// marks of the same class does not.
func lettersOf(data []byte) string {
	const marks = "\u0301\u0308\u3099\u309aﾞﾟ"
	var b strings.Builder
	last := ' '
	for _, c := range data {
		r := letterAlphabet[int(c)%len(letterAlphabet)]
		if strings.ContainsRune(marks, r) && strings.ContainsRune(marks, last) {
			continue
		}
		b.WriteRune(r)
		if !ignorable(r) {
			last = r
		}
	}
	return b.String()
}

// FuzzReadLetters compares the letters read of a value with refLetters.
func FuzzReadLetters(f *testing.F) {
	for _, s := range []string{"Løvenskiold", "ｶﾞｽ", "カ\u3099", "ÆRØ", "Quill\u2066feather", "ŀl", "ǼǢ"} {
		var data []byte
		for _, c := range s {
			if k := slices.Index(letterAlphabet, c); k >= 0 {
				data = append(data, byte(k))
			}
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := lettersOf(data)
		var v view
		read(&v, []byte(s), plainText)
		if got, want := string(v.text), refLetters(s); got != want {
			t.Fatalf("read(%q) = %q, reference %q", s, got, want)
		}
	})
}

// TestReadLettersMatchesReference runs FuzzReadLetters' comparison on
// random strings.
func TestReadLettersMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		data := make([]byte, 1+r.IntN(12))
		for i := range data {
			data[i] = byte(r.IntN(len(letterAlphabet)))
		}
		s := lettersOf(data)
		var v view
		read(&v, []byte(s), plainText)
		if got, want := string(v.text), refLetters(s); got != want {
			t.Fatalf("read(%q) = %q, reference %q", s, got, want)
		}
	}
}

// TestGuardFindsDisguisedValues: every tricky value, disguised each way the
// red team found inside a page, is found.
func TestGuardFindsDisguisedValues(t *testing.T) {
	var secrets []content.Secret
	for _, v := range trickySecrets {
		secrets = append(secrets, content.Secret{Value: v})
	}
	g := NewGuard(secrets)
	for name, disguise := range map[string]func(string) string{
		"comment":  func(s string) string { return insideWords(s, "<!-- raw HTML omitted -->") },
		"isolate":  func(s string) string { return insideWords(s, "\u2066") },
		"tag":      func(s string) string { return insideWords(s, "\U000E0041") },
		"filler":   func(s string) string { return insideWords(s, "\u3164") },
		"footnote": func(s string) string { return insideWords(s, `<sup id="fnref:1"><a href="#fn:1">1</a></sup>`) },
		"image":    func(s string) string { return insideWords(s, `<img src="a.png" alt="x">`) },
		"hyphen":   func(s string) string { return insideWords(s, "-") },
		"dot":      func(s string) string { return insideWords(s, "·") },
		"narrow":   width.Narrow.String,
		"wide":     width.Widen.String,
	} {
		for i, v := range trickySecrets {
			if strings.ContainsAny(v, "<&") ||
				(name == "hyphen" || name == "dot") && strings.ContainsAny(v, "0123456789") {
				continue // escaping is tested elsewhere; "1-2" is two numbers
			}
			page := []byte("<p>lorem " + disguise(v) + " ipsum</p>")
			for _, data := range [][]byte{page, utf16Bytes(string(page), false)} {
				if got := g.Scan(data); !slices.Contains(got, i) {
					t.Errorf("%s: %q not found in %q (found %v)", name, v, data, got)
				}
			}
		}
	}
}

// insideWords writes mid after the first rune of each word of s.
func insideWords(s, mid string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if _, n := utf8.DecodeRuneInString(w); n < len(w) {
			words[i] = w[:n] + mid + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// TestShort: fewer than six letters, whatever their width in UTF-8.
func TestShort(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "a": true, "abcde": true, "abcdef": false, "abcd12": false, "жжжжж": true, "жжжжжж": false,
		"株式会社株": true, "株式会社株式": false, "𐐨𐐩𐐪𐐫𐐬": true, "𐐨𐐩𐐪𐐫𐐬𐐭": false, "a株𐐨жb": true, "a株𐐨жbc": false,
	} {
		if got := short([]byte(s)); got != want {
			t.Errorf("short(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestReadCompatibilityIdeographs: a CJK compatibility ideograph reads as
// the unified one it stands for, and still as a CJK letter.
func TestReadCompatibilityIdeographs(t *testing.T) {
	if got, want := readText("\uf900株式会社"), readText("豈株式会社"); got != want {
		t.Errorf("read(U+F900 株式会社) = %q, want %q", got, want)
	}
	g := NewGuard([]content.Secret{{Value: "豈田"}})
	if got := g.Scan([]byte("<p>これは\uf900\n田です</p>")); !slices.Equal(got, []int{0}) {
		t.Errorf("Scan = %v, want [0]", got)
	}
}
