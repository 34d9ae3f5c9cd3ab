package publish

import (
	"bytes"
	"html"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The leak guard compares private values with output as a reader of the
// page or the URL would read both (README, "What is private"). Reading
// turns bytes into a view: only the letters and digits, in Unicode
// compatibility form, lower case and (for Latin) without accents, with
// every escape the output
// uses decoded and every piece of markup dropped, plus two marks per
// letter: whether a word boundary comes before it, and whether it was
// written as a capital. A value is found where its letters occur in that
// order; its boundaries tell which ones the text may drop (a name's words
// joined by "-", "_" or nothing in a URL) and which the text may not add
// ("North windows" is not "Northwind").

// view is what a reader sees of some text.
type view struct {
	text  []byte   // letters and digits as read, in UTF-8
	bound []uint64 // bit i: a word boundary comes before text[i]
	upper []uint64 // bit i: text[i] starts a letter written as a capital
	// pos, when not nil, holds for each byte of text the offset in the
	// source of the byte that produced it: to point at a leak's source.
	pos     []int32
	scratch []byte
	side    *view // scratch for attribute values
}

func (v *view) reset() {
	v.text, v.bound, v.upper = v.text[:0], v.bound[:0], v.upper[:0]
	if v.pos != nil {
		v.pos = v.pos[:0]
	}
}

func has(set []uint64, i int) bool { return i/64 < len(set) && set[i/64]&(1<<(i%64)) != 0 }

func mark(set *[]uint64, i int) {
	for len(*set) <= i/64 {
		*set = append(*set, 0)
	}
	(*set)[i/64] |= 1 << (i % 64)
}

// boundaryAt reports whether a word starts or ends at i: at either end of
// the text, or where a boundary mark is.
func (v *view) boundaryAt(i int) bool { return i <= 0 || i >= len(v.text) || has(v.bound, i) }

// The modes of reading.
const (
	// plainText is a private value as an author typed it: nothing in it is
	// markup or an escape.
	plainText = iota
	// outputText is an output file or path: HTML, XML, JSON, JavaScript
	// and URLs, and any of them nested in another.
	outputText
	// markdownText is a source file: emphasis marks are not boundaries
	// ("Quill*feather*"), as they are not in the page.
	markdownText
)

// reader builds a view. Its state carries a pending boundary across
// decoded pieces of text.
type reader struct {
	v    *view
	mode int
	// pending: a separator came since the last letter; spaceOnly: it was
	// only white space (not a word boundary between two CJK characters).
	pending, spaceOnly bool
	lastCJK            bool
	base               int32 // offset in the source of the text read
	src                int32 // offset in the source of what is read now
	// side collects attribute values, read after the text.
	side *view
}

// read appends the view of src to v.
func read(v *view, src []byte, mode int) {
	// Room for the marks of every letter, so that marking never grows.
	v.bound = slices.Grow(v.bound, len(src)/64+1)
	v.upper = slices.Grow(v.upper, len(src)/64+1)
	r := reader{v: v, mode: mode, pending: true}
	r.text(src, true)
	if r.side != nil {
		v.append(r.side)
	}
}

// append appends w to v, with a word boundary between them.
func (v *view) append(w *view) {
	if len(w.text) == 0 {
		return
	}
	off := len(v.text)
	if off > 0 {
		mark(&v.bound, off)
	}
	for _, i := range bitsIn(w.bound, len(w.text)) {
		mark(&v.bound, off+int(i))
	}
	for _, i := range bitsIn(w.upper, len(w.text)) {
		mark(&v.upper, off+int(i))
	}
	v.text = append(v.text, w.text...)
	if v.pos != nil {
		v.pos = append(v.pos, w.pos...)
	}
}

// ASCII byte classes.
const (
	cSep = iota
	cLower
	cUpper
	cDigit
	cSpace
	cAmp
	cBackslash
	cPercent
	cLess
	cEmphasis // * _ ~ ` : markup in Markdown, separators elsewhere
	cNonASCII
)

var class = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] = cNonASCII
		case 'a' <= c && c <= 'z':
			t[c] = cLower
		case 'A' <= c && c <= 'Z':
			t[c] = cUpper
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = cSpace
		case c == '&':
			t[c] = cAmp
		case c == '\\':
			t[c] = cBackslash
		case c == '%':
			t[c] = cPercent
		case c == '<':
			t[c] = cLess
		case c == '*' || c == '_' || c == '~' || c == '`':
			t[c] = cEmphasis
		default:
			t[c] = cSep
		}
	}
	return t
}()

// text reads src. top is false for a decoded piece of the source, whose
// bytes all come from one place of the source (r.src).
func (r *reader) text(src []byte, top bool) {
	// Positions are kept only to point at a leak's source.
	track := top && r.v.pos != nil
	for i := 0; i < len(src); {
		if track {
			r.src = r.base + int32(i)
		}
		c := src[i]
		switch class[c] {
		case cLower, cDigit:
			// Most text is runs of small letters, copied as they are found:
			// most are too short for a call to memmove to pay.
			r.boundary(false)
			text := r.v.text
			j := i
			for ; j < len(src) && (class[src[j]] == cLower || class[src[j]] == cDigit); j++ {
				text = append(text, src[j])
			}
			r.v.text = text
			r.positions(i, j, top)
			i = j
		case cUpper:
			r.letter(c+'a'-'A', true)
			i++
		case cSpace:
			r.separator(true)
			for i++; i < len(src) && class[src[i]] == cSpace; i++ {
			}
		case cEmphasis:
			if r.mode != markdownText {
				r.separator(false)
			}
			i++
		case cSep:
			r.separator(false)
			i++
		case cAmp:
			i = r.entity(src, i)
		case cBackslash:
			i = r.escape(src, i)
		case cPercent:
			i = r.percent(src, i)
		case cLess:
			i = r.markup(src, i, top)
		default:
			i = r.nonASCII(src, i, top)
		}
	}
}

// letter appends one ASCII letter or digit.
func (r *reader) letter(c byte, capital bool) {
	r.boundary(false)
	v := r.v
	if capital {
		mark(&v.upper, len(v.text))
	}
	v.text = append(v.text, c)
	if v.pos != nil {
		v.pos = append(v.pos, r.src)
	}
}

// boundary marks a pending boundary before the next letter, unless it is
// white space between two CJK characters: Japanese has no spaces between
// words, and a line break anywhere in it is not a word boundary.
func (r *reader) boundary(cjk bool) {
	if r.pending && !(r.spaceOnly && cjk && r.lastCJK) && len(r.v.text) > 0 {
		mark(&r.v.bound, len(r.v.text))
	}
	r.pending, r.spaceOnly, r.lastCJK = false, false, cjk
}

func (r *reader) separator(space bool) {
	if !r.pending {
		r.pending, r.spaceOnly = true, space
	} else if !space {
		r.spaceOnly = false
	}
}

// entity decodes an HTML or XML character reference at src[i] ('&'), and
// reads what it stands for. An escaped ampersand may start another
// reference (&amp;amp;, &amp;#39;): a page escaped twice reads the same.
func (r *reader) entity(src []byte, i int) int {
	if r.mode == outputText {
		ref := []byte{'&'}
		for j := i + 1; ; {
			end := j
			for end < len(src) && end-j < 40 && isEntityByte(src[end]) {
				end++
			}
			if end >= len(src) || src[end] != ';' || end == j {
				break
			}
			ref = append(ref[:1], src[j:end+1]...)
			s := html.UnescapeString(string(ref))
			if s == string(ref) {
				break
			}
			if s == "&" {
				j = end + 1 // it may go on as a reference
				i = end
				continue
			}
			r.piece([]byte(s))
			return end + 1
		}
		if len(ref) > 1 && i > 0 && src[i] == ';' {
			// An escaped ampersand that starts nothing.
			r.separator(false)
			return i + 1
		}
	}
	r.separator(false)
	return i + 1
}

func isEntityByte(c byte) bool {
	return c == '#' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// piece reads decoded text that stands where one escape stood.
func (r *reader) piece(b []byte) {
	top := r.src
	r.text(b, false)
	r.src = top
}

// escape decodes a JSON, JavaScript or TOML escape at src[i] ('\\').
func (r *reader) escape(src []byte, i int) int {
	if r.mode == plainText || i+1 >= len(src) {
		r.separator(false)
		return i + 1
	}
	switch src[i+1] {
	case 'u':
		if c, ok := hex(src, i+2, 4); ok {
			end := i + 6
			if utf16Surrogate(c) && end+6 <= len(src) && src[end] == '\\' && src[end+1] == 'u' {
				if lo, ok := hex(src, end+2, 4); ok {
					c = (c-0xD800)<<10 | (lo - 0xDC00) + 0x10000
					end += 6
				}
			}
			r.piece(utf8.AppendRune(nil, rune(c)))
			return end
		}
	case 'x':
		if c, ok := hex(src, i+2, 2); ok {
			r.piece(utf8.AppendRune(nil, rune(c)))
			return i + 4
		}
	case 'n', 'r', 't', 'f', 'b', 'v':
		r.separator(true)
		return i + 2
	case '\\', '/', '"', '\'', '&', '<', '>':
		r.piece(src[i+1 : i+2])
		return i + 2
	}
	r.separator(false)
	return i + 1
}

func utf16Surrogate(c int) bool { return 0xD800 <= c && c < 0xDC00 }

// hex parses n hexadecimal digits at src[i].
func hex(src []byte, i, n int) (int, bool) {
	if i+n > len(src) {
		return 0, false
	}
	v := 0
	for _, c := range src[i : i+n] {
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | int(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case 'A' <= c && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// percent decodes a run of URL escapes at src[i] ('%'): together they are
// the UTF-8 of some text.
func (r *reader) percent(src []byte, i int) int {
	if r.mode != outputText {
		r.separator(false)
		return i + 1
	}
	var b []byte
	for i < len(src) && src[i] == '%' {
		c, ok := hex(src, i+1, 2)
		if !ok {
			break
		}
		b = append(b, byte(c))
		i += 3
	}
	if b == nil {
		r.separator(false)
		return i + 1
	}
	r.piece(b)
	return i
}

// markup reads a tag, comment or CDATA section at src[i] ('<'). The tag
// itself is not text, but its attribute values are (alt text, links,
// titles): they are read as text of their own, after the element's text,
// so that they neither join nor split its words.
func (r *reader) markup(src []byte, i int, top bool) int {
	closing := -1
	if r.mode == outputText && i+1 < len(src) {
		closing = bytes.IndexByte(src[i+1:], '>')
	}
	if closing < 0 {
		r.separator(false)
		return i + 1
	}
	closing += i + 1
	switch c := src[i+1]; {
	case c == '!':
		// Comments and CDATA: their content is text.
		r.separator(false)
		if hasPrefixAt(src, i, "<![CDATA[") {
			return i + len("<![CDATA[")
		}
		return i + 2
	case c == '/' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
	default:
		r.separator(false)
		return i + 1
	}
	j := i + 1
	if src[j] == '/' {
		j++
	}
	nameStart := j
	for j < len(src) && (class[src[j]] == cLower || class[src[j]] == cUpper || class[src[j]] == cDigit) {
		j++
	}
	name := src[nameStart:j]
	closingTag := nameStart > i+1
	switch {
	case len(name) == 2 && (name[0]|0x20) == 'b' && (name[1]|0x20) == 'r':
		r.separator(true) // a line break, which Japanese may have anywhere
	case !inlineName(name):
		r.separator(false)
	}
	if closingTag {
		return closing + 1 // an end tag has no attributes
	}
	// Attributes, up to the closing '>'.
	for {
		end := closing
		if end < j {
			// A quoted value held the '>' found first.
			if end = bytes.IndexByte(src[j:], '>'); end < 0 {
				end = len(src)
			} else {
				end += j
			}
			closing = end
		}
		eq := bytes.IndexByte(src[j:end], '=')
		if eq < 0 {
			j = end
			break
		}
		eq += j
		attrEnd := eq
		for attrEnd > nameStart && src[attrEnd-1] == ' ' {
			attrEnd--
		}
		attrStart := attrEnd
		for attrStart > nameStart && class[src[attrStart-1]] != cSpace {
			attrStart--
		}
		attr := src[attrStart:attrEnd]
		j = eq + 1
		for j < len(src) && src[j] == ' ' {
			j++
		}
		if j >= len(src) {
			break
		}
		var value []byte
		start := j
		if q := src[j]; q == '"' || q == '\'' {
			end := bytes.IndexByte(src[j+1:], q)
			if end < 0 {
				end = len(src)
			} else {
				end += j + 1
			}
			value, start, j = src[j+1:end], j+1, min(end+1, len(src))
		} else {
			end := j
			for end < len(src) && class[src[end]] != cSpace && src[end] != '>' {
				end++
			}
			value, j = src[j:end], end
		}
		if !presentational(attr) {
			r.attribute(value, start, top)
		}
	}
	if j < len(src) {
		j++
	}
	return j
}

// attribute reads an attribute value into the side view, where each value
// is a text of its own.
func (r *reader) attribute(value []byte, at int, top bool) {
	if r.side == nil {
		// The view keeps its side view for the next read.
		if r.v.side == nil {
			r.v.side = &view{}
		}
		r.side = r.v.side
		r.side.reset()
		if r.v.pos != nil && r.side.pos == nil {
			r.side.pos = []int32{}
		}
	}
	sr := reader{v: r.side, mode: r.mode, pending: true, base: r.src, src: r.src}
	if top {
		sr.base = r.base + int32(at)
	}
	sr.text(value, top)
	if sr.side != nil {
		r.side.append(sr.side)
	}
}

// presentational reports attributes whose values are fixed by the theme,
// never taken from content.
func presentational(name []byte) bool {
	switch string(name) {
	case "class", "style", "lang", "rel", "type", "role", "property", "charset", "tabindex",
		"width", "height", "loading", "decoding", "d", "viewBox", "fill", "stroke", "xmlns",
		"aria-hidden", "hreflang", "media", "sizes", "crossorigin", "method", "autocomplete":
		return true
	}
	return false
}

// inlineName reports the elements that do not separate words: markup
// inside a word ("Quill<em>feather</em>") leaves it one word.
func inlineName(name []byte) bool {
	if len(name) > 6 {
		return false
	}
	var lower [6]byte
	for i, c := range name {
		lower[i] = c | 0x20 // letters and digits only
	}
	switch string(lower[:len(name)]) {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
		"kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
		"var", "wbr":
		return true
	}
	return false
}

func hasPrefixAt(src []byte, i int, prefix string) bool {
	return len(src)-i >= len(prefix) && string(src[i:i+len(prefix)]) == prefix
}

// nonASCII reads the runes from src[i] up to the next ASCII byte. The
// scripts of the site's languages are read directly; any other rune in
// its compatibility decomposition without accents: full-width letters
// become ASCII ones, ligatures their letters, "é" is "e".
func (r *reader) nonASCII(src []byte, i int, top bool) int {
	for i < len(src) && src[i] >= utf8.RuneSelf {
		c, size := utf8.DecodeRune(src[i:])
		if top {
			r.src = r.base + int32(i)
		}
		// Runs of Japanese or of small Russian letters, most of the text
		// of those pages, are copied whole.
		if kind := plainRune(c); kind != 0 {
			j := i + size
			if kind == plainCyrillic {
				j = cyrillicRun(src, j)
			} else {
				j = cjkRun(src, j)
			}
			r.boundary(kind == plainCJK)
			r.appendRun(src[i:j], i, top)
			i = j
			continue
		}
		r.rune(c)
		i += size
	}
	return i
}

// cyrillicRun returns the end of the run of small Russian letters from
// src[j]: а-п are D0 B0-BF in UTF-8, р-я D1 80-8F.
func cyrillicRun(src []byte, j int) int {
	for j+1 < len(src) && (src[j] == 0xD0 && 0xB0 <= src[j+1] && src[j+1] <= 0xBF ||
		src[j] == 0xD1 && 0x80 <= src[j+1] && src[j+1] <= 0x8F) {
		j += 2
	}
	return j
}

// cjkRun returns the end of the run of CJK letters of three bytes in UTF-8
// from src[j]; a rare four-byte one ends it, and nonASCII starts another
// run with it. Every three bytes that decode to a CJK letter are valid
// UTF-8: no overlong form or surrogate is one.
func cjkRun(src []byte, j int) int {
	for j+2 < len(src) && src[j]&0xF0 == 0xE0 && src[j+1]&0xC0 == 0x80 && src[j+2]&0xC0 == 0x80 &&
		cjk(rune(src[j]&0x0F)<<12|rune(src[j+1]&0x3F)<<6|rune(src[j+2]&0x3F)) {
		j += 3
	}
	return j
}

// Kinds of runes read as they are.
const (
	plainCJK = 1 + iota
	plainCyrillic
)

func plainRune(c rune) int {
	switch {
	case 0x0430 <= c && c <= 0x044F:
		return plainCyrillic
	case cjk(c):
		return plainCJK
	}
	return 0
}

// rune reads one non-ASCII rune.
func (r *reader) rune(c rune) {
	switch {
	case c == 'ё':
		// Russian writes ё as е as often as not.
		r.other('е')
	case c == 'Ё':
		r.other('Е')
	case 'А' <= c && c <= 'Я':
		// Capitals of the small letters that nonASCII copies whole, most
		// of the other Cyrillic letters of a Russian page: read without
		// the Unicode tables of other.
		r.boundary(false)
		mark(&r.v.upper, len(r.v.text))
		r.v.text = utf8.AppendRune(r.v.text, c+'а'-'А')
		r.positions(0, len("а"), false)
	case 0x0400 <= c && c <= 0x04FF:
		// Cyrillic letters such as й are letters of their own, not
		// accented ones: read as they are, like the small letters that
		// nonASCII copies whole.
		r.other(c)
	case c == 'ß' || c == 'ẞ':
		// Full case folding: "STRASSE" is "Straße".
		r.letter('s', c == 'ẞ')
		r.letter('s', false)
	case c == 0x3000 || c == 0x00A0:
		r.separator(true) // ideographic and no-break spaces
	case 0x3001 <= c && c <= 0x3003 || 0x3008 <= c && c <= 0x3011:
		r.separator(false) // Japanese punctuation and brackets
	case ignorable(c) || unicode.Is(unicode.Mn, c):
		// Invisible, or an accent: "é" is read as "e".
	default:
		r.decomposed(c)
	}
}

// decomposed reads a rune as the runes of its compatibility decomposition.
func (r *reader) decomposed(c rune) {
	d := decomposition(c)
	if d == "" {
		r.other(c)
		return
	}
	for _, c := range d {
		switch {
		case c < utf8.RuneSelf:
			r.text(asciiBytes[c:c+1], false)
		case unicode.Is(unicode.Mn, c):
		default:
			r.other(c)
		}
	}
}

var asciiBytes = func() (b [utf8.RuneSelf]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// other reads a rune that needs no decomposition.
func (r *reader) other(c rune) {
	switch {
	case unicode.IsLetter(c) || unicode.IsDigit(c):
		r.boundary(cjk(c))
		if unicode.IsUpper(c) || unicode.IsTitle(c) {
			mark(&r.v.upper, len(r.v.text))
		}
		r.v.scratch = utf8.AppendRune(r.v.scratch[:0], unicode.ToLower(c))
		r.appendRun(r.v.scratch, 0, false)
	case unicode.IsSpace(c):
		r.separator(true)
	default:
		r.separator(false)
	}
}

// decomposition is the NFKD form of c, or "" when that is c itself.
func decomposition(c rune) string {
	if c < latinEnd {
		return latinDecompositions()[c-utf8.RuneSelf]
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], c)
	if norm.NFKD.QuickSpan(b[:n]) == n {
		return ""
	}
	return norm.NFKD.String(string(b[:n]))
}

// latinEnd ends the runes whose decompositions are kept in a table: the
// accented letters of German, French and the other Latin scripts. Reading
// the sample's German case pages: 185-226 MB/s with the table, 105-109
// without (norm allocates each decomposition).
const latinEnd = 0x0250

var latinDecompositions = sync.OnceValue(func() []string {
	t := make([]string, latinEnd-utf8.RuneSelf)
	for c := rune(utf8.RuneSelf); c < latinEnd; c++ {
		if d := norm.NFKD.String(string(c)); d != string(c) {
			t[c-utf8.RuneSelf] = d
		}
	}
	return t
})

// appendRun appends letters of the source read at offset i: each byte has
// its own position when the source is the text read (top).
func (r *reader) appendRun(b []byte, i int, top bool) {
	r.v.text = append(r.v.text, b...)
	r.positions(i, i+len(b), top)
}

// positions appends the positions in the source of the letters read from
// src[start:end].
func (r *reader) positions(start, end int, top bool) {
	v := r.v
	if v.pos == nil {
		return
	}
	for k := start; k < end; k++ {
		if top {
			v.pos = append(v.pos, r.base+int32(k))
		} else {
			v.pos = append(v.pos, r.src)
		}
	}
}

// ignorable runes are invisible: soft hyphens, zero-width spaces and
// joiners, word joiners, byte-order marks, variation selectors.
func ignorable(c rune) bool {
	switch {
	case c == 0x00AD, c == 0x034F, c == 0x061C, c == 0x180E,
		0x200B <= c && c <= 0x200F, 0x202A <= c && c <= 0x202E,
		0x2060 <= c && c <= 0x2064, c == 0xFEFF,
		0xFE00 <= c && c <= 0xFE0F, 0xE0100 <= c && c <= 0xE01EF:
		return true
	}
	return false
}

// cjk reports Han, Hiragana and Katakana letters, which Japanese writes
// without spaces between words.
func cjk(c rune) bool {
	return 0x3041 <= c && c <= 0x30FF && c != 0x30FB || // kana, not the middle dot
		0x3400 <= c && c <= 0x4DBF || 0x4E00 <= c && c <= 0x9FFF ||
		0xF900 <= c && c <= 0xFAFF || 0x20000 <= c && c <= 0x3134F
}

// runeCount counts the letters and digits of the view.
func (v *view) runeCount() int { return utf8.RuneCount(v.text) }

// hasCJK reports whether the view holds a CJK letter.
func (v *view) hasCJK() bool {
	for _, c := range string(v.text) {
		if cjk(c) {
			return true
		}
	}
	return false
}

// bitsIn lists the set bits of set below n.
func bitsIn(set []uint64, n int) []uint16 {
	var out []uint16
	for w, word := range set {
		for word != 0 {
			i := w*64 + bits.TrailingZeros64(word)
			if i >= n {
				return out
			}
			out = append(out, uint16(i))
			word &= word - 1
		}
	}
	return out
}
