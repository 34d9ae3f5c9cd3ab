package search

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokenCase is one row of testdata/tokenize.json: the terms a text is
// indexed and queried under. The same table runs against search.js.
type tokenCase struct {
	In   string   `json:"in"`
	Want []string `json:"want"`
}

func readTable(t *testing.T) []tokenCase {
	t.Helper()
	b, err := os.ReadFile("testdata/tokenize.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []tokenCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func terms(toks []Token) []string {
	out := []string{}
	for _, t := range toks {
		out = append(out, t.Term)
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, c := range readTable(t) {
		if got := terms(Tokenize(c.In)); !slices.Equal(got, c.Want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.In, got, c.Want)
		}
	}
}

// requireNode finds node: a skip locally, a failure in CI.
func requireNode(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node must be installed in CI: %v", err)
		}
		t.Skip("node not installed")
	}
	return p
}

// runJS runs search.js's tokenize in Node on every input and returns the
// tokens of each.
func runJS(t *testing.T, inputs []string) [][]Token {
	t.Helper()
	node := requireNode(t)
	script, err := filepath.Abs("../../templates/assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(inputs)
	cmd := exec.Command(node, "-e", `
const s = require(process.argv[1]);
let data = "";
process.stdin.on("data", d => data += d).on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(data).map(s.tokenize)));
});`, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got [][]Token
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestTokenizeJS runs the table against the browser's tokenizer.
func TestTokenizeJS(t *testing.T) {
	table := readTable(t)
	var inputs []string
	for _, c := range table {
		inputs = append(inputs, c.In)
	}
	got := runJS(t, inputs)
	for i, c := range table {
		if g := terms(got[i]); !slices.Equal(g, c.Want) {
			t.Errorf("search.js tokenize(%q) = %q, want %q", c.In, g, c.Want)
		}
	}
}

// TestTokenizeJSAgreesOnSample compares the two tokenizers, term and word
// form, on every text of the sample library: thousands of English, Russian
// and Japanese words through both Snowball implementations.
func TestTokenizeJSAgreesOnSample(t *testing.T) {
	var inputs []string
	err := fs.WalkDir(os.DirFS("../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("../..", p))
		inputs = append(inputs, strings.Split(string(b), "\n")...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := runJS(t, inputs)
	bad := 0
	for i, in := range inputs {
		want := Tokenize(in)
		if len(want) == 0 {
			want = nil
		}
		if len(got[i]) == 0 {
			got[i] = nil
		}
		if !slices.Equal(got[i], want) && bad < 20 {
			bad++
			t.Errorf("line %q:\n go: %v\n js: %v", in, want, got[i])
		}
	}
}

// TestStableRanges: NFKC maps no rune of stableRanges, and none composes
// with the rune before it. Some (е, か) compose with a mark after them,
// but marks are not in the ranges: a text holding one is normalized.
func TestStableRanges(t *testing.T) {
	for _, rg := range stableRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			p := norm.NFKC.PropertiesString(s)
			if k := norm.NFKC.String(s); k != s && !(len(k) == 1 && separator(r) && separator(rune(k[0]))) {
				t.Errorf("%U: NFKC gives %q", r, k)
			}
			if !p.BoundaryBefore() || p.CCC() != 0 {
				t.Errorf("%U is not stable under NFKC", r)
			}
		}
	}
}

func separator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && !isCJK(r)
}

// FuzzTokenize: any text tokenizes without panicking into non-empty,
// valid terms, and exactly as its NFKC form does (which checks the lines
// that skip normalization).
func FuzzTokenize(f *testing.F) {
	b, err := os.ReadFile("testdata/tokenize.json")
	if err != nil {
		f.Fatal(err)
	}
	var table []tokenCase
	if err := json.Unmarshal(b, &table); err != nil {
		f.Fatal(err)
	}
	for _, c := range table {
		f.Add(c.In)
	}
	f.Add("е\u0308лка\nか\u3099\n")
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		for _, tok := range toks {
			if tok.Term == "" || !utf8.ValidString(tok.Term) {
				t.Fatalf("Tokenize(%q): bad term %q", text, tok.Term)
			}
		}
		if !utf8.ValidString(text) {
			return
		}
		if again := Tokenize(norm.NFKC.String(text)); !slices.Equal(terms(toks), terms(again)) {
			t.Fatalf("Tokenize(%q) = %q, but of its NFKC form %q", text, terms(toks), terms(again))
		}
	})
}

func TestClassifyShortcuts(t *testing.T) {
	for r := rune(0x80); r <= 0xFFFF; r++ {
		fr, fc := classify(r)
		sr, sc := classifySlow(r)
		if fr != sr || fc != sc {
			t.Errorf("%U: classify gives %U/%d, the Unicode tables %U/%d", r, fr, fc, sr, sc)
		}
	}
}

// refTokenize is Tokenize as first written, a rune at a time with a map of
// words, for TestTokenizeReference to hold the quicker one to it.
func refTokenize(text string, stems map[string]string) []Token {
	var toks []Token
	var word, cjk []rune
	flushWord := func() {
		if n := len(word); n > 0 && n <= maxWord {
			w := string(word)
			t, ok := stems[w]
			if !ok {
				t = stem(w)
				stems[w] = t
			}
			tok := Token{Term: t, Surface: w}
			if latin(w) {
				if de := germanStem(w); de != t {
					tok.De = de
				}
			}
			toks = append(toks, tok)
		}
		word = word[:0]
	}
	flushCJK := func() {
		if len(cjk) == 1 {
			toks = append(toks, Token{Term: string(cjk), Surface: string(cjk), CJK: true})
		}
		for i := 0; i+1 < len(cjk); i++ {
			toks = append(toks, Token{Term: string(cjk[i : i+2]), Surface: string(cjk[i : i+2]), CJK: true})
		}
		cjk = cjk[:0]
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		for _, r := range norm.NFKC.String(line) {
			r, class := classifySlow(r)
			if r < utf8.RuneSelf {
				class = classSeparator
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					class = classWord
				}
			}
			switch class {
			case classCJK:
				flushWord()
				cjk = append(cjk, r)
			case classWord:
				flushCJK()
				word = append(word, r)
			default:
				flushWord()
				flushCJK()
			}
		}
	}
	flushWord()
	flushCJK()
	return toks
}

// TestTokenizeReference compares Tokenize, and the indexer's tokenizer
// fed one text after another, with refTokenize on random texts made of
// pieces that take every path of the tokenizer: ASCII words of every
// length around 8 and 16 bytes, Cyrillic, CJK runs, runes NFKC changes,
// marks that compose, invalid UTF-8, line breaks.
func TestTokenizeReference(t *testing.T) {
	pieces := []string{"a", "B", "z", "Q", "0", "9", " ", ",", ".", "-", "'", "\n", "\t",
		"’", "—", "«", "»", "а", "Я", "ё", "Ё", "ж", "Щ", "ѣ", "契", "約", "書", "の", "ア", "ー", "ｱ", "ﾌﾞ",
		"\u0301", "\u0308", "é", "ß", "ä", "Ü", "ö", "Σ", "ς", "Ａ", "１", "\xff", "\xe3\x81", "№", "ﬁ", "İ", "K", "ǅ", "𠀋", "🙂",
		"\u2028", "0123456789", "abcdefghijklmnop", "ABCDEFGH", "абвгдежз", "ＡＢＣ"}
	rng := rand.New(rand.NewPCG(1, 2))
	tz := newTokenizer(0)
	stems := map[string]string{}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			p := pieces[rng.IntN(len(pieces))]
			b.WriteString(strings.Repeat(p, 1+rng.IntN(3)*rng.IntN(8)))
		}
		text := b.String()
		want := refTokenize(text, stems)
		if got := Tokenize(text); !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q) =\n%v, want\n%v", text, got, want)
		}
		var got []Token
		for _, s := range tz.tokens(text) {
			de := tz.germanTerm(s)
			sl := tz.slots[s]
			tok := Token{Term: tz.terms[sl.term], Surface: sl.key, CJK: sl.cjk}
			if de != sl.term {
				tok.De = tz.terms[de]
			}
			got = append(got, tok)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) =\n%v, want\n%v", text, got, want)
		}
	}
	// The indexer keeps the word forms it has seen.
	if len(tz.slots) != len(stems)+countCJK(tz) {
		t.Errorf("%d slots, %d words seen", len(tz.slots), len(stems))
	}
}

func countCJK(tz *tokenizer) int {
	n := 0
	for _, s := range tz.slots {
		if s.cjk {
			n++
		}
	}
	return n
}
