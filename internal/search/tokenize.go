package search

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
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
// De is the German stem of a Latin word where it differs from Term: a
// German case is indexed by it, and a query, whose language is not known,
// looks up both.
type Token struct {
	Term    string `json:"term"`
	Surface string `json:"surface"`
	CJK     bool   `json:"cjk,omitempty"`
	De      string `json:"de,omitempty"`
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
// a Latin letter (and, for De, the German one), else kept as is;
// everything else separates.
func Tokenize(text string) []Token {
	var toks []Token
	tz := newTokenizer(0)
	for _, i := range tz.tokens(text) {
		de := tz.germanTerm(i)
		s := &tz.slots[i]
		term := tz.terms[s.term]
		surface := s.key
		if s.cjk {
			surface = term
		}
		tok := Token{Term: term, Surface: surface, CJK: s.cjk}
		if de != s.term {
			tok.De = tz.terms[de]
		}
		toks = append(toks, tok)
	}
	return toks
}

// slot is one distinct word or CJK term the tokenizer has seen: the folded
// word (or the CJK term) and its term.
type slot struct {
	key  string
	term int32 // index in tokenizer.terms
	cjk  bool
	// parts are the slots of the parts of the word as a German compound
	// (see compoundParts), known once germanTerm has been asked for it.
	parts []int32
}

// tokenizer segments texts, stemming each distinct word once and looking
// each up once per occurrence: stemming and allocating for every
// occurrence were most of the cost of indexing a large library.
//
// A large library has some 20,000 distinct words and 15 million
// occurrences, so the look-up is a hash table of its own: keyed by the
// word's bytes, which saves a Go map's string conversion and stronger
// hash, and holding the first 16 bytes of each key, which saves reading
// the key itself for most words. Measured against a Go map and a rune at a
// time (README, "Performance"), the table and the eight-byte scanning save
// about 0.75 s of CPU per 10,000-case build, some 6%.
type tokenizer struct {
	slots   []slot
	termOf  []int32  // slots[i].term, compact for the indexer's sake
	deOf    []int32  // slot i's German term, or -1 until germanTerm is asked
	table   []bucket // open addressing, linear probing; len is a power of two
	terms   []string // distinct terms, in the order first seen
	termIDs map[string]int32
	out     []int32 // slots of the terms of the text last tokenized
	word    []byte  // scratch for the word being read
}

// bucket is an entry of the table: a key's first 16 bytes, zero-padded
// (no key holds a NUL, a separator), and its length and slot.
type bucket struct {
	head head
	n    int32 // len(key); 0 for an empty bucket
	slot int32
}

// newTokenizer returns a tokenizer with room for the given number of
// distinct words before it grows.
func newTokenizer(words int) *tokenizer {
	size := 16
	for 3*size < 4*words {
		size *= 2
	}
	return &tokenizer{
		slots:   make([]slot, 0, words),
		termOf:  make([]int32, 0, words),
		deOf:    make([]int32, 0, words),
		table:   make([]bucket, size),
		terms:   make([]string, 0, words),
		termIDs: make(map[string]int32, words),
		word:    make([]byte, 0, 64),
	}
}

// asciiFold maps an ASCII letter or digit to its lower case, any other
// byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// tokens returns the slots of the terms of text, in order. The result is
// only valid until the next call.
func (tz *tokenizer) tokens(text string) []int32 {
	tz.out = tz.out[:0]
	for {
		at := tz.scan(text, false)
		if at < 0 {
			return tz.out
		}
		// NFKC never joins across a line break: normalize only the line
		// that needs it, and go on after it.
		line, rest := text[at:], ""
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line, rest = line[:nl+1], line[nl+1:]
		}
		tz.scan(norm.NFKC.String(line), true)
		text = rest
	}
}

// scan appends the slots of the terms of text to tz.out. Unless text is
// normalized, it stops at the first line holding a rune NFKC might change
// (one outside stableRanges), drops what it appended for that line and
// returns the line's offset, for the caller to normalize it; otherwise it
// returns -1. Normalizing costs as much as the rest of indexing, and most
// English, Russian and Japanese text does not need it.
//
// A line break always ends a term, so the terms of a line do not depend on
// the lines before it.
func (tz *tokenizer) scan(text string, normalized bool) int {
	line, mark := 0, len(tz.out) // where the current line starts, in text and in tz.out
	// A run of CJK runes adds its bigrams as it is read, and its only rune
	// as a unigram when it ends after one.
	var last uint64       // the last CJK rune read, as UTF-8 bytes in a word
	lastSize, run := 0, 0 // its length in bytes; the CJK runes read in the run
	for i := 0; i < len(text); {
		c := text[i]
		size, class := 1, classSeparator
		if c < utf8.RuneSelf {
			if asciiFold[c] != 0 {
				class = classWord
			}
		} else {
			var r rune
			switch r, size = decodeRune(text, i); {
			case hanKana(r):
				class = classCJK
			case cyrillic(r):
				class = classWord
			default:
				if !normalized && !stableRune(r) {
					tz.out = tz.out[:mark]
					return line
				}
				r, class = classify(r)
			}
			if class == classCJK {
				b, n := packRune(r)
				if run > 0 {
					tz.out = append(tz.out, tz.cjkTerm(last|b<<(8*lastSize), lastSize+n))
				}
				last, lastSize, run = b, n, run+1
				i += size
				continue
			}
		}
		if run > 0 {
			if run == 1 {
				tz.out = append(tz.out, tz.cjkTerm(last, lastSize))
			}
			run = 0
		}
		if class != classWord {
			if c == '\n' {
				line, mark = i+1, len(tz.out)
			}
			i += size
			continue
		}
		// Most words are ASCII, shorter than 16 bytes and seen before: look
		// them up by the 8 or 16 bytes read to find where they end.
		if c < utf8.RuneSelf && i+16 <= len(text) {
			x0, x1 := load64(text[i:]), uint64(0)
			n := asciiWordLen(x0)
			if n == 8 {
				x1 = load64(text[i+8:])
				n += asciiWordLen(x1)
			}
			if n < 16 && text[i+n] < utf8.RuneSelf {
				h := head{lowerASCII(x0 & (1<<(8*uint(n)) - 1)), lowerASCII(x1 & (1<<(8*uint(max(n-8, 0))) - 1))}
				if s := tz.find(h, n); s >= 0 {
					tz.out = append(tz.out, s)
					i += n
					continue
				}
			}
		}
		end, s := tz.readWord(text, i, normalized)
		if s == unstable {
			tz.out = tz.out[:mark]
			return line
		}
		if s >= 0 {
			tz.out = append(tz.out, s)
		}
		i = end
	}
	if run == 1 {
		tz.out = append(tz.out, tz.cjkTerm(last, lastSize))
	}
	return -1
}

// readWord reads the word starting at text[i]; it returns where the word
// ends and its slot, or noSlot if it is too long to be a term, or unstable
// if it holds a rune NFKC might change (see scan). It takes any word,
// where scan's shortcut only takes short ASCII words seen before.
//
// The word is looked up by its head, folded as it is read; a word that is
// not all ASCII is also written out folded, and an ASCII one when it is
// long or new, for lookup.
func (tz *tokenizer) readWord(text string, i int, normalized bool) (int, int32) {
	start := i
	// ASCII letters and digits, eight bytes at a time: where a word ends is
	// the least predictable branch of tokenizing, so take it once a word.
	for i+8 <= len(text) {
		k := asciiWordLen(load64(text[i:]))
		i += k
		if k < 8 {
			break
		}
	}
	for i < len(text) && asciiFold[text[i]] != 0 {
		i++
	}
	n := i - start // bytes of the folded word so far
	runes := n
	var h head
	if n <= 16 {
		h = asciiHead(text[start:], n)
	}
	// Any other letters, marks and digits: the word is then also written
	// out, folded.
	word, mixed := tz.word[:0], false
	for i < len(text) {
		var b uint64 // the folded rune, as UTF-8 bytes in a word
		bn, size := 0, 0
		if c := text[i]; c < utf8.RuneSelf {
			if c = asciiFold[c]; c == 0 {
				break
			}
			b, bn, size = uint64(c), 1, 1
		} else if b, bn = cyrillicAt(text, i); bn > 0 {
			size = 2
		} else {
			var r rune
			r, size = decodeRune(text, i)
			if !normalized && !stableRune(r) {
				return i, unstable
			}
			var class int
			if r, class = classify(r); class != classWord {
				break
			}
			b, bn = packRune(r)
		}
		if !mixed {
			mixed = true
			for j := start; j < i; j++ {
				word = append(word, asciiFold[text[j]])
			}
		}
		h = h.put(n, b)
		// Append b's four bytes, in one store, then drop those past the rune.
		word = binary.LittleEndian.AppendUint32(word, uint32(b))[:len(word)+bn]
		n, runes, i = n+bn, runes+1, i+size
	}
	if runes > maxWord {
		return i, noSlot
	}
	s := int32(-1)
	if n <= 16 {
		s = tz.find(h, n)
	}
	if s < 0 {
		if !mixed {
			for j := start; j < i; j++ {
				word = append(word, asciiFold[text[j]])
			}
		}
		s = tz.lookup(word, false)
	}
	tz.word = word
	return i, s
}

// Slots that readWord returns for no term.
const (
	noSlot   = -1
	unstable = -2
)

// decodeRune is utf8.DecodeRuneInString(text[i:]), quicker for the valid
// two- and three-byte runes that Cyrillic and CJK letters are.
func decodeRune(text string, i int) (rune, int) {
	switch c := text[i]; {
	case 0xC2 <= c && c < 0xE0 && i+1 < len(text):
		if c1 := text[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case 0xE1 <= c && c < 0xF0 && c != 0xED && i+2 < len(text):
		// Not E0 and ED, whose second byte has a narrower range.
		if c1, c2 := text[i+1], text[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// cyrillicAt returns the lower case of the Russian letter other than ё and
// Ё at text[i], as UTF-8 bytes in a word, and their number; or 0, 0.
func cyrillicAt(text string, i int) (uint64, int) {
	if i+1 >= len(text) {
		return 0, 0
	}
	r := uint64(text[i])<<8 | uint64(text[i+1]) // big-endian
	switch {
	case 0xD090 <= r && r < 0xD0A0: // А to П
		r += 0x20
	case 0xD0A0 <= r && r < 0xD0B0: // Р to Я
		r += 0xE0
	case 0xD0B0 <= r && r < 0xD0C0, 0xD180 <= r && r < 0xD190: // а to я
	default:
		return 0, 0
	}
	return r>>8 | r&0xFF<<8, 2
}

// cyrillic tells whether r is a Russian letter other than ё and Ё: a
// stable rune (see stableRanges), 0x20 past its upper case.
func cyrillic(r rune) bool { return 0x0410 <= r && r < 0x0450 }

// hanKana tells whether r is a common Han or kana letter: a stable CJK rune.
func hanKana(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF || 0x3041 <= r && r <= 0x3096 || 0x30A1 <= r && r <= 0x30FA
}

// cjkTerm returns the slot of a CJK unigram or bigram, its n <= 8 bytes
// given as a little-endian word.
func (tz *tokenizer) cjkTerm(key uint64, n int) int32 {
	if s := tz.find(head{key, 0}, n); s >= 0 {
		return s
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], key)
	return tz.lookup(b[:n], true)
}

// head is the first 16 bytes of a key, little-endian, zero-padded: no key
// holds a NUL, which separates. It is a struct of two words, which Go keeps
// in registers, where an array would go through memory.
type head struct{ lo, hi uint64 }

// put writes the little-endian bytes b at offset at of a key.
func (h head) put(at int, b uint64) head {
	switch s := uint(8 * at); {
	case at < 8:
		// Bytes shifted out of lo go to hi; a shift of 64 gives 0.
		h.lo |= b << s
		h.hi |= b >> (64 - s)
	case at < 16:
		h.hi |= b << (s - 64)
	}
	return h
}

// headOf returns the head of a key.
func headOf(key []byte) head {
	if len(key) >= 16 {
		return head{binary.LittleEndian.Uint64(key), binary.LittleEndian.Uint64(key[8:])}
	}
	var h head
	for i, c := range key {
		h = h.put(i, uint64(c))
	}
	return h
}

// asciiHead returns the head of the folded ASCII word text[:n], n <= 16.
func asciiHead(text string, n int) head {
	var h head
	if len(text) < 16 {
		for i := range n {
			h = h.put(i, uint64(text[i]))
		}
	} else {
		// Clear the bytes past the word; a shift of 64 or more gives 0.
		h.lo = load64(text) & (1<<(8*uint(n)) - 1)
		h.hi = load64(text[8:]) & (1<<(8*uint(max(n-8, 0))) - 1)
	}
	return head{lowerASCII(h.lo), lowerASCII(h.hi)}
}

// asciiWordLen returns how many of the 8 bytes of x, from the first, are
// ASCII letters and digits, testing them all at once: adding 0x80-c to a
// byte below 0x80 sets its top bit if and only if it is c or more, and
// carries into no other byte.
func asciiWordLen(x uint64) int {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	t := x &^ top
	l := t | ones*0x20 // lower case, for letters
	digit := (t + ones*(0x80-'0')) &^ (t + ones*(0x80-'9'-1))
	letter := (l + ones*(0x80-'a')) &^ (l + ones*(0x80-'z'-1))
	word := (digit | letter) &^ x & top
	return bits.TrailingZeros64(^word&top) >> 3
}

// load64 reads 8 bytes of s, little-endian, in one load.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerASCII lower-cases the 8 ASCII bytes of x at once: a byte from 'A'
// to 'Z' is one that adding 0x80-'A' sets the top bit of and adding
// 0x80-'Z'-1 does not; no sum carries into the next byte.
func lowerASCII(x uint64) uint64 {
	const ones = 0x0101010101010101
	upper := (x + ones*(0x80-'A')) &^ (x + ones*(0x80-'Z'-1)) & (ones * 0x80)
	return x | upper>>2
}

// packRune returns the UTF-8 bytes of a valid rune as a little-endian
// word, and how many there are.
func packRune(r rune) (uint64, int) {
	c := uint64(r)
	switch {
	case c < 0x80:
		return c, 1
	case c < 0x800:
		return 0xC0 | c>>6 | (0x80|c&0x3F)<<8, 2
	case c < 0x10000:
		return 0xE0 | c>>12 | (0x80|c>>6&0x3F)<<8 | (0x80|c&0x3F)<<16, 3
	}
	return 0xF0 | c>>18 | (0x80|c>>12&0x3F)<<8 | (0x80|c>>6&0x3F)<<16 | (0x80|c&0x3F)<<24, 4
}

// find returns the slot of the key of n <= 16 bytes with head h, or -1.
func (tz *tokenizer) find(h head, n int) int32 {
	for i := hashHead(h); ; i++ {
		b := &tz.table[int(i)&(len(tz.table)-1)]
		if b.head == h && b.n == int32(n) {
			return b.slot
		}
		if b.n == 0 {
			return -1
		}
	}
}

// lookup returns the slot of a folded word or CJK term, making one the
// first time it is seen.
func (tz *tokenizer) lookup(key []byte, cjk bool) int32 {
	h := headOf(key)
	if len(key) <= 16 {
		if s := tz.find(h, len(key)); s >= 0 {
			return s
		}
	} else {
		mask := len(tz.table) - 1
		for i := int(hash(h, key)) & mask; ; i = (i + 1) & mask {
			b := &tz.table[i]
			if b.head == h && b.n == int32(len(key)) && tz.slots[b.slot].key == string(key) {
				return b.slot
			}
			if b.n == 0 {
				break
			}
		}
	}
	s := slot{key: string(key), cjk: cjk}
	term := s.key
	if !cjk {
		term = stem(s.key)
	}
	s.term = tz.termID(term)
	tz.slots = append(tz.slots, s)
	tz.termOf = append(tz.termOf, s.term)
	tz.deOf = append(tz.deOf, -1)
	if 4*len(tz.slots) > 3*len(tz.table) {
		tz.table = make([]bucket, 2*len(tz.table))
		for i, s := range tz.slots {
			tz.insert([]byte(s.key), int32(i))
		}
	} else {
		tz.insert(key, int32(len(tz.slots)-1))
	}
	return int32(len(tz.slots) - 1)
}

// termID returns the id of a term, adding it the first time.
func (tz *tokenizer) termID(term string) int32 {
	id, ok := tz.termIDs[term]
	if !ok {
		id = int32(len(tz.terms))
		tz.terms = append(tz.terms, term)
		tz.termIDs[term] = id
	}
	return id
}

// germanTerm returns the term of slot i in a German text: the German stem
// of a Latin word, else its term. It stems the word, and finds the parts
// of it as a compound, the first time it is asked: only German cases need
// them, so a library without any pays nothing.
func (tz *tokenizer) germanTerm(i int32) int32 {
	if d := tz.deOf[i]; d >= 0 {
		return d
	}
	d := tz.termOf[i]
	if s := tz.slots[i]; !s.cjk && latin(s.key) {
		d = tz.termID(germanStem(s.key))
		var parts []int32
		for _, p := range compoundParts(s.key) {
			// A part is a word in its own right, stemmed as one: parts are
			// shorter than the word, so this ends.
			ps := tz.lookup([]byte(p), false)
			tz.germanTerm(ps)
			parts = append(parts, ps)
		}
		tz.slots[i].parts = parts
	}
	tz.deOf[i] = d
	return d
}

// german appends to buf the slots of a German text's terms: each slot,
// followed by the slots of its parts as a compound. Every one of them has
// its German term (deOf) known.
func (tz *tokenizer) german(buf, slots []int32) []int32 {
	for _, s := range slots {
		tz.germanTerm(s)
		buf = append(buf, s)
		buf = append(buf, tz.slots[s].parts...)
	}
	return buf
}

// insert adds a key of a slot to the table.
func (tz *tokenizer) insert(key []byte, slot int32) {
	h := headOf(key)
	mask := len(tz.table) - 1
	i := int(hash(h, key)) & mask
	for tz.table[i].n != 0 {
		i = (i + 1) & mask
	}
	tz.table[i] = bucket{head: h, n: int32(len(key)), slot: slot}
}

// hash is a quick multiplicative hash (as in wyhash) of a key with head h.
// The table only needs it spread well, not hard to attack: the keys are
// the library's own words.
func hash(h head, key []byte) uint64 {
	const m3 = 0x8ebc6af09c88c6e3
	x := hashHead(h)
	if len(key) > 16 {
		rest := key[16:]
		for ; len(rest) > 8; rest = rest[8:] {
			x = mix(x^binary.LittleEndian.Uint64(rest), m3)
		}
		// The last one to eight bytes, read as the key's last eight.
		x = mix(x^binary.LittleEndian.Uint64(key[len(key)-8:]), m3)
	}
	return x
}

// hashHead is the hash of a key of at most 16 bytes.
func hashHead(h head) uint64 {
	const m1, m2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	return mix(h.lo^m1, h.hi^m2)
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// stableRanges are runes that NFKC leaves alone and that never compose
// with a neighbour (TestStableRanges checks both): a text made of them
// only is its own NFKC form, and normalizing it, which costs as much as the
// rest of indexing, can be skipped. They cover most English, Russian,
// German and Japanese text.
var stableRanges = [][2]rune{
	{0x00AB, 0x00AB}, {0x00B0, 0x00B0}, {0x00BB, 0x00BB}, {0x00D7, 0x00D7},
	{0x00C4, 0x00C4}, {0x00D6, 0x00D6}, {0x00DC, 0x00DC}, {0x00DF, 0x00DF}, // Ä Ö Ü ß
	{0x00E4, 0x00E4}, {0x00F6, 0x00F6}, {0x00FC, 0x00FC}, // ä ö ü
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

// stableRune tells whether r is in stableRanges, trying the ranges that
// hold most letters first.
func stableRune(r rune) bool {
	if 0x0400 <= r && r <= 0x045F || 0x4E00 <= r && r <= 0x9FFF {
		return true
	}
	for _, rg := range stableRanges {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
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
	if strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
		return russian.Stem(w, true)
	}
	if latin(w) {
		return english.Stem(w, true)
	}
	return w
}

// latin tells whether the English stemmer takes the folded word w: it
// holds a letter from a to z and no Cyrillic.
func latin(w string) bool {
	return strings.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) &&
		!strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// germanStem is the Snowball German stem of a folded word. The stemmer of
// github.com/kljensen/snowball, used for English and Russian, has no
// German.
func germanStem(w string) string {
	env := snowballstem.NewEnv(w)
	german.Stem(env)
	return env.Current()
}

// minPart is the shortest part of a compound, in runes, that
// compoundParts splits off.
const minPart = 4

// compoundParts returns the parts of a folded German word as a compound
// joined by a linking s, so that "Archiv" finds "Vertragsarchiv": the
// text before and after every s that leaves at least minPart runes on
// either side ("vertragsarchiv": "vertrag", "archiv"). The parts are not
// looked up in a dictionary: an s inside a word gives a part that is no
// word ("kundenservice": "ervice"), which costs a little index space and
// is rarely searched for; compounds without an s ("Kundenakte") are not
// split. README.md, "Search", says so.
func compoundParts(w string) []string {
	rs := []rune(w)
	var parts []string
	for i := minPart; i < len(rs)-minPart; i++ {
		if rs[i] == 's' {
			parts = append(parts, string(rs[:i]), string(rs[i+1:]))
		}
	}
	return parts
}
