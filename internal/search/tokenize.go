package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"golang.org/x/text/unicode/norm"
)

// maxWord is the longest word indexed, in runes; longer runs of letters are
// not words anyone searches for (hashes, base64) and only bloat the index.
const maxWord = 40

// Token is one search term of a text: Term is what the index is keyed by
// (a Snowball stem, a CJK bigram or unigram, or a number), Surface the
// folded word as written, which typo and prefix matching compare against.
type Token struct {
	Term    string `json:"term"`
	Surface string `json:"surface"`
	CJK     bool   `json:"cjk,omitempty"`
}

// Tokenize segments text into tokens. It is the one definition of a term:
// templates/assets/search.js implements the same rules for queries, and
// testdata/tokenize.json holds the cases both must agree on.
//
// Rules: NFKC; per-rune lower case (ё read as е); a run of Han, Hiragana
// and Katakana (with the prolonged sound mark) becomes its overlapping
// bigrams, or one unigram when the run is a single character; any other run
// of letters, marks and decimal digits is a word, stemmed with the Russian
// Snowball stemmer when it holds Cyrillic, the English one when it holds
// a Latin letter, else kept as is; everything else separates.
func Tokenize(text string) []Token {
	var toks []Token
	tz := newTokenizer()
	tz.each(text, func(s *slot) {
		surface := s.term
		if !s.cjk {
			surface = string(tz.word)
		}
		toks = append(toks, Token{Term: s.term, Surface: surface, CJK: s.cjk})
	})
	return toks
}

// slot is what the tokenizer knows of one distinct word or CJK term: its
// term, and for the indexer the postings it last added to.
type slot struct {
	term string
	cjk  bool
	gen  int
	list *[]posting
}

// tokenizer segments texts, stemming each distinct word once and looking
// each up once per occurrence: stemming and allocating for every
// occurrence were most of the cost of indexing a large library.
type tokenizer struct {
	slots map[string]*slot // folded word or CJK term -> its slot
	word  []byte
	cjk   []byte
	runs  []int // byte offsets of the runes in cjk
}

func newTokenizer() *tokenizer { return &tokenizer{slots: map[string]*slot{}} }

// each calls emit with the slot of every term of text; during the call,
// tz.word holds the word a non-CJK term was stemmed from.
func (tz *tokenizer) each(text string, emit func(*slot)) {
	n := 0 // runes in tz.word
	flushWord := func() {
		if n > 0 && n <= maxWord {
			s := tz.slots[string(tz.word)]
			if s == nil {
				w := string(tz.word)
				s = &slot{term: stem(w)}
				tz.slots[w] = s
			}
			emit(s)
		}
		tz.word, n = tz.word[:0], 0
	}
	cjkTerm := func(b []byte) {
		s := tz.slots[string(b)]
		if s == nil {
			t := string(b)
			s = &slot{term: t, cjk: true}
			tz.slots[t] = s
		}
		emit(s)
	}
	flushCJK := func() {
		switch len(tz.runs) {
		case 0:
		case 1:
			cjkTerm(tz.cjk)
		default:
			tz.runs = append(tz.runs, len(tz.cjk))
			for i := 0; i+2 < len(tz.runs); i++ {
				cjkTerm(tz.cjk[tz.runs[i]:tz.runs[i+2]])
			}
		}
		tz.cjk, tz.runs = tz.cjk[:0], tz.runs[:0]
	}
	ascii := func(c byte) {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if len(tz.runs) > 0 {
				flushCJK()
			}
			tz.word = append(tz.word, c)
			n++
		default:
			flushWord()
			flushCJK()
		}
	}
	for len(text) > 0 {
		// NFKC never joins across a line break: normalize line by line, and
		// only the lines that need it.
		line := text
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			line, text = text[:nl+1], text[nl+1:]
		} else {
			text = ""
		}
		if !stable(line) {
			line = norm.NFKC.String(line)
		}
		tz.line(line, ascii, flushWord, flushCJK, &n)
	}
	flushWord()
	flushCJK()
}

func (tz *tokenizer) line(text string, ascii func(byte), flushWord, flushCJK func(), n *int) {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			ascii(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r, class := classify(r)
		switch class {
		case classCJK:
			flushWord()
			tz.runs = append(tz.runs, len(tz.cjk))
			tz.cjk = utf8.AppendRune(tz.cjk, r)
		case classWord:
			if len(tz.runs) > 0 {
				flushCJK()
			}
			tz.word = utf8.AppendRune(tz.word, r)
			*n++
		default:
			flushWord()
			flushCJK()
		}
	}
}

// stableRanges are runes that NFKC leaves alone and that never compose
// with a neighbour (TestStableRanges checks both): a text made of them
// only is its own NFKC form, and normalizing it, which costs as much as the
// rest of indexing, can be skipped. They cover most English, Russian and
// Japanese text.
var stableRanges = [][2]rune{
	{0x00AB, 0x00AB}, {0x00B0, 0x00B0}, {0x00BB, 0x00BB}, {0x00D7, 0x00D7},
	{0x0400, 0x045F},                   // Cyrillic
	{0x2010, 0x2010}, {0x2012, 0x2015}, // dashes
	{0x2018, 0x201F}, {0x2022, 0x2022}, {0x20AC, 0x20AC},
	{0x3001, 0x3002}, {0x300C, 0x300F},
	{0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x30FC, 0x30FC}, // kana
	{0x4E00, 0x9FFF}, // CJK unified ideographs
	{0x2212, 0x2212}, {0x3005, 0x3005}, {0x30FB, 0x30FB},
	// Full-width punctuation: NFKC maps it to ASCII punctuation, a
	// separator as it was, so the terms are the same either way.
	{0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF5E},
}

func stable(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		ok := false
		for _, rg := range stableRanges {
			if rg[0] <= r && r <= rg[1] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

const (
	classSeparator = iota
	classWord
	classCJK
)

// classify folds a non-ASCII rune and tells what it is part of. Russian
// and Japanese letters take a shortcut past the Unicode tables
// (TestClassifyShortcuts checks it against them).
func classify(r rune) (rune, int) {
	switch {
	case 0x0430 <= r && r <= 0x045F && r != 0x0451:
		return r, classWord
	case 0x0410 <= r && r <= 0x042F:
		return r + 0x20, classWord
	case 0x4E00 <= r && r <= 0x9FFF, 0x3041 <= r && r <= 0x3096, 0x30A1 <= r && r <= 0x30FA:
		return r, classCJK
	}
	return classifySlow(r)
}

func classifySlow(r rune) (rune, int) {
	r = fold(r)
	switch {
	case isCJK(r):
		return r, classCJK
	case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r):
		return r, classWord
	}
	return r, classSeparator
}

func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r == 'ё' {
		return 'е'
	}
	return r
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー'
}

func stem(w string) string {
	latin := false
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return russian.Stem(w, true)
		}
		if r >= 'a' && r <= 'z' {
			latin = true
		}
	}
	if latin {
		return english.Stem(w, true)
	}
	return w
}
