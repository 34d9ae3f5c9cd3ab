package publish

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf16"
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
	// hyphens: where soft hyphens joined letters (softHyphen).
	hyphens []int32
}

func (v *view) reset() {
	v.text, v.bound, v.upper, v.hyphens = v.text[:0], v.bound[:0], v.upper[:0], v.hyphens[:0]
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
	first := len(v.text)
	r := reader{v: v, mode: mode, pending: true}
	r.text(src, true)
	r.splitHyphens(first)
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
	markAll(&v.bound, w.bound, off, len(w.text))
	markAll(&v.upper, w.upper, off, len(w.text))
	v.text = append(v.text, w.text...)
	if v.pos != nil {
		v.pos = append(v.pos, w.pos...)
	}
}

// markAll marks in set, from off, the bits of w below n.
func markAll(set *[]uint64, w []uint64, off, n int) {
	for k, word := range w {
		for word != 0 {
			i := k*64 + bits.TrailingZeros64(word)
			if i >= n {
				return
			}
			mark(set, off+i)
			word &= word - 1
		}
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
	cHyphen
	cBracket // ! [ : a footnote mark or an image in Markdown, separators elsewhere
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
		case c == '-':
			t[c] = cHyphen
		case c == '!' || c == '[':
			t[c] = cBracket
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
			start := i
			for i++; i < len(src) && class[src[i]] == cSpace; i++ {
			}
			// A word hyphenated at the end of a line ("Bramble-" and
			// "worth" on the next) is one word, as after a soft hyphen.
			if !r.hyphenAtEnd() || bytes.IndexByte(src[start:i], '\n') < 0 {
				r.separator(true)
			}
		case cEmphasis:
			if r.mode != markdownText {
				r.separator(false)
			}
			i++
		case cSep:
			r.separator(false)
			i++
		case cHyphen:
			r.softHyphen()
			i++
		case cBracket:
			if r.mode == markdownText {
				i = r.markdownInline(src, i, top)
			} else {
				r.separator(false)
				i++
			}
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

// softHyphen reads a hyphen or a middle dot. Between two letters of a page
// or a source ("Quill-feather", "Quill·feather", "Санкт-Петербург") it
// reads both ways: the word is read joined, as if the hyphen were not
// there, and its short parts again as words of their own (splitHyphens),
// so that a name written with a hyphen inside it is found, and so is a
// short name that is one part of a hyphenated word ("AXA-owned").
// Anywhere else, and in a private value, it is a separator as before: a
// value's hyphen is a boundary that the page may drop.
//
// It notes where the next letter will go and leaves no separator pending:
// if a letter comes next, nothing splits them; if a separator comes, the
// boundary is marked there as usual.
func (r *reader) softHyphen() {
	n, hs := len(r.v.text), r.v.hyphens
	if r.mode == plainText || r.pending || n == 0 || isDigit(r.v.text[n-1]) ||
		len(hs) > 0 && int(hs[len(hs)-1]) == n { // "--"
		r.separator(false)
		return
	}
	r.v.hyphens = append(hs, int32(n))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// hyphenAtEnd reports a hyphen between letters (softHyphen) as the last
// thing read, with nothing after it yet.
func (r *reader) hyphenAtEnd() bool {
	hs := r.v.hyphens
	return !r.pending && len(hs) > 0 && int(hs[len(hs)-1]) == len(r.v.text)
}

// splitHyphens ends a text read from v.text[first:]. A hyphen that joined
// two letters finds every name of four letters or more that the word
// split there would: removing a boundary between two letters only lets
// more names fit. Shorter names are found only as whole words (guard.go),
// so each part of a joined word shorter than that is copied to the side
// view as a word of its own. A hyphen before a digit is a boundary after
// all: numbers are read whole, and "2024-05" is two of them.
func (r *reader) splitHyphens(first int) {
	v := r.v
	if len(v.hyphens) == 0 {
		return
	}
	n := len(v.text)
	// The hyphens that joined two letters, in order; cuts reuses the
	// array of v.hyphens, which it never overtakes.
	cuts := v.hyphens[:0]
	for _, h := range v.hyphens {
		switch h := int(h); {
		case h >= n || has(v.bound, h):
			// A separator or the end came after it.
		case isDigit(v.text[h]):
			mark(&v.bound, h)
		default:
			cuts = append(cuts, int32(h))
		}
	}
	for k, c := range cuts {
		h := int(c)
		prev, next := first, len(v.text)
		if k > 0 {
			prev = int(cuts[k-1])
		}
		if k+1 < len(cuts) {
			next = int(cuts[k+1])
		}
		// The part before h starts at the last boundary or cut before it,
		// the part after it ends at the next: each is copied if it has at
		// most shortBytes, the part before unless it is the part after the
		// cut before.
		start, end := -1, -1
		lo := max(prev+1, h-shortBytes)
		if b := bitsFrom(v.bound, lo, h); b != 0 {
			start = lo + 63 - bits.LeadingZeros64(b)
		} else if k == 0 && h-prev <= shortBytes {
			start = prev
		}
		if start >= 0 && short(v.text[start:h]) {
			r.sideWord(start, h)
		}
		hi := min(next, h+1+shortBytes)
		if b := bitsFrom(v.bound, h+1, hi); b != 0 {
			end = h + 1 + bits.TrailingZeros64(b)
		} else if next-h <= shortBytes {
			end = next
		}
		if end >= 0 && short(v.text[h:end]) {
			r.sideWord(h, end)
		}
	}
	v.hyphens = v.hyphens[:0]
}

// bitsFrom returns the bits of set for i to end-1 (at most 64 of them),
// bit 0 for i.
func bitsFrom(set []uint64, i, end int) uint64 {
	if end <= i {
		return 0
	}
	w, s := i/64, uint(i%64)
	var b uint64
	if w < len(set) {
		b = set[w] >> s
	}
	if s > 0 && w+1 < len(set) {
		b |= set[w+1] << (64 - s)
	}
	if n := end - i; n < 64 {
		b &= 1<<n - 1
	}
	return b
}

// wholeWordRunes: names with fewer letters may be found only as whole
// words (those under 4 letters always, one-word names of 4 or 5 letters
// when marked content.Secret.WholeWord). Their letters take at most
// shortBytes bytes.
const (
	wholeWordRunes = 6
	shortBytes     = (wholeWordRunes - 1) * utf8.UTFMax
)

// short reports whether the letters of b (valid UTF-8) are fewer than
// wholeWordRunes: it looks at the first bytes of that many runes at most.
func short(b []byte) bool {
	i := 0
	for range wholeWordRunes {
		if i >= len(b) {
			return true
		}
		switch c := b[i]; {
		case c < 0x80:
			i++
		case c < 0xE0:
			i += 2
		case c < 0xF0:
			i += 3
		default:
			i += 4
		}
	}
	return false
}

// sideWord copies v.text[start:end] to the side view as a word of its own.
func (r *reader) sideWord(start, end int) {
	v, s := r.v, r.sideView()
	off := len(s.text) - start
	if len(s.text) > 0 {
		mark(&s.bound, len(s.text))
	}
	s.text = append(s.text, v.text[start:end]...)
	for i := start; i < end; i++ {
		if has(v.upper, i) {
			mark(&s.upper, off+i)
		}
	}
	if v.pos != nil {
		s.pos = append(s.pos, v.pos[start:end]...)
	}
}

// sideView returns the view that attribute values and other side texts
// are read into.
func (r *reader) sideView() *view {
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
	return r.side
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
//
// A source (markdownText) is read for comments and inline tags only, on
// one line: the page omits them, so they do not split a word either.
func (r *reader) markup(src []byte, i int, top bool) int {
	if r.mode == plainText || i+1 >= len(src) {
		r.separator(false)
		return i + 1
	}
	if hasPrefixAt(src, i, "<!--") {
		return r.comment(src, i, top)
	}
	closing := bytes.IndexByte(src[i+1:], '>')
	if closing < 0 || r.mode == markdownText && !inlineTagOnLine(src[i:i+1+closing]) {
		r.separator(false)
		return i + 1
	}
	closing += i + 1
	switch c := src[i+1]; {
	case c == '!':
		// CDATA and declarations: their content is text.
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
	sup := len(name) == 3 && name[0]|0x20 == 's' && name[1]|0x20 == 'u' && name[2]|0x20 == 'p'
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
	if sup {
		// A superscript inside a word is a footnote mark
		// ("Quill<sup><a href="#fn:1">1</a></sup>feather"): its text is
		// read as a text of its own, like an attribute value.
		if end := indexFold(src[j:], "</sup>"); end >= 0 {
			r.attribute(src[j:j+end], j, top)
			return j + end + len("</sup>")
		}
	}
	return j
}

// markdownInline reads, in a source, a footnote mark ("[^1]") or an image
// ("![alt](a.png)") at src[i], on one line. The page shows neither between
// a word's letters (the mark is a superscript, the alt text an attribute:
// see markup), so they do not split the word; their text is read as a
// text of its own.
func (r *reader) markdownInline(src []byte, i int, top bool) int {
	line := src[i:]
	if k := bytes.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	switch {
	case hasPrefixAt(line, 0, "[^"):
		if end := bytes.IndexByte(line, ']'); end > 2 && bytes.IndexByte(line[:end], ' ') < 0 {
			r.attribute(line[2:end], i+2, top)
			return i + end + 1
		}
	case hasPrefixAt(line, 0, "!["):
		if mid := bytes.Index(line, []byte("](")); mid >= 2 {
			if end := bytes.IndexByte(line[mid:], ')'); end >= 0 {
				end += mid
				r.attribute(line[2:mid], i+2, top)
				r.attribute(line[mid+2:end], i+mid+2, top)
				return i + end + 1
			}
		}
	}
	r.separator(false)
	return i + 1
}

// comment reads an HTML comment at src[i] ("<!--"). The page does not
// show it, so it does not split a word ("Quill<!-- raw HTML omitted
// -->feather" reads "Quillfeather"), but its text is in the page's bytes:
// it is read as a text of its own, like an attribute value. A comment
// left open runs to the end, as in a browser.
func (r *reader) comment(src []byte, i int, top bool) int {
	start, end, next := i+len("<!--"), len(src), len(src)
	// "<!-->" and "<!--->" are empty comments.
	if k := bytes.Index(src[i+2:], []byte("-->")); k >= 0 {
		end, next = max(i+2+k, start), i+2+k+len("-->")
	}
	r.attribute(src[start:end], start, top)
	return next
}

// inlineTagOnLine reports whether tag ("<name ...", without its '>') is an
// inline element's tag on one line.
func inlineTagOnLine(tag []byte) bool {
	if bytes.IndexByte(tag, '\n') >= 0 {
		return false
	}
	j := 1
	if j < len(tag) && tag[j] == '/' {
		j++
	}
	start := j
	for j < len(tag) && (class[tag[j]] == cLower || class[tag[j]] == cUpper || class[tag[j]] == cDigit) {
		j++
	}
	return j > start && (j == len(tag) || class[tag[j]] == cSpace || tag[j] == '/') && inlineName(tag[start:j])
}

// indexFold is bytes.Index for sep, which starts with a byte that is no
// letter, in any case.
func indexFold(s []byte, sep string) int {
	for i := 0; ; i++ {
		k := bytes.IndexByte(s[i:], sep[0])
		if k < 0 {
			return -1
		}
		if i += k; len(s)-i < len(sep) {
			return -1
		}
		if bytes.EqualFold(s[i:i+len(sep)], []byte(sep)) {
			return i
		}
	}
}

// attribute reads an attribute value into the side view, where each value
// is a text of its own.
func (r *reader) attribute(value []byte, at int, top bool) {
	side := r.sideView()
	first := len(side.text)
	sr := reader{v: side, mode: r.mode, pending: true, base: r.src, src: r.src}
	if top {
		sr.base = r.base + int32(at)
	}
	sr.text(value, top)
	sr.splitHyphens(first)
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
// inside a word ("Quill<em>feather</em>", an image) leaves it one word.
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
		"var", "wbr", "img":
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
		plainCJKRune(rune(src[j]&0x0F)<<12|rune(src[j+1]&0x3F)<<6|rune(src[j+2]&0x3F)) {
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
	case plainCJKRune(c):
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
	case c == 0x00B7 || c == 0x2010 || c == 0x2011 || c == 0x2027 || c == 0x30FB || c == 0xFF65:
		// Middle dots and hyphens: "Quill·feather", "ジョン・スミス".
		r.softHyphen()
	case 0x3099 <= c && c <= 0x309C || c == 0xFF9E || c == 0xFF9F:
		r.voice(c)
	case ignorable(c) || footnoteMark(c):
	case unicode.Is(unicode.Mn, c):
		r.combine(c)
	default:
		r.decomposed(c)
	}
}

// combine reads a combining mark. Most letters are read without their
// accents ("é" is "e"), so it is dropped; but the Cyrillic letters read as
// themselves, so one written as a letter and a mark (и and a breve, the
// decomposed form some systems write) reads as the composed letter (й).
// ё stays е, as Russian writes it.
func (r *reader) combine(c rune) {
	text := r.v.text
	if r.pending || len(text) < 2 {
		return
	}
	prev, size := utf8.DecodeLastRune(text)
	if size != 2 || prev < 0x0400 || prev > 0x04FF {
		return
	}
	composed := []rune(norm.NFC.String(string([]rune{prev, c})))
	if len(composed) == 1 && utf8.RuneLen(composed[0]) == 2 && composed[0] != 'ё' {
		utf8.EncodeRune(text[len(text)-2:], composed[0])
	}
}

// voice reads a kana voicing mark: with the kana before it, as the voiced
// kana that NFKC composes them into ("ｶﾞ" and "カ\u3099" are "ガ"); the
// spacing marks ゛ and ゜ too, which a reader reads alike. A mark after
// anything else is dropped, like an accent.
func (r *reader) voice(c rune) {
	text := r.v.text
	if r.pending || len(text) < 3 {
		return
	}
	prev, size := utf8.DecodeLastRune(text)
	if size != 3 || prev < kanaFirst || prev > kanaLast {
		return
	}
	i := 0 // voiced
	if c == 0x309A || c == 0x309C || c == 0xFF9F {
		i = 1 // semi-voiced
	}
	if v := voicedKana()[i][prev-kanaFirst]; v != 0 {
		// Kana and voiced kana are all three bytes in UTF-8.
		utf8.EncodeRune(text[len(text)-3:], v)
	}
}

const kanaFirst, kanaLast = 0x3041, 0x30FF

// voicedKana holds the composition of each kana with the voiced [0] and
// semi-voiced [1] sound marks, or 0.
var voicedKana = sync.OnceValue(func() (t [2][kanaLast - kanaFirst + 1]rune) {
	for c := rune(kanaFirst); c <= kanaLast; c++ {
		for i, mark := range []rune{0x3099, 0x309A} {
			if v := []rune(norm.NFC.String(string([]rune{c, mark}))); len(v) == 1 {
				t[i][c-kanaFirst] = v[0]
			}
		}
	}
	return t
})

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

// Letters with a stroke and ligatures, which Unicode does not decompose,
// are read as the letters they look like (strokeLetters), also inside a
// decomposition: "Løvenskiold" is "Lovenskiold", "Ǿ" is "O".
var latinDecompositions = sync.OnceValue(func() []string {
	t := make([]string, latinEnd-utf8.RuneSelf)
	for c := rune(utf8.RuneSelf); c < latinEnd; c++ {
		d, ok := strokeLetters[c]
		if !ok {
			d = ""
			for _, c := range norm.NFKD.String(string(c)) {
				if s, ok := strokeLetters[c]; ok {
					d += s
				} else {
					d += string(c)
				}
			}
		}
		if d != string(c) {
			t[c-utf8.RuneSelf] = d
		}
	}
	return t
})

// strokeLetters are read as Latin letters. A capital is one capital: "Æ"
// is "Ae", so that "ÆBLE" and "Æble" keep their capitals right. Ŀ and ŀ
// decompose to "L·", whose middle dot would split the word.
var strokeLetters = map[rune]string{
	'Ø': "O", 'ø': "o", 'Ł': "L", 'ł': "l", 'Æ': "Ae", 'æ': "ae", 'Œ': "Oe", 'œ': "oe",
	'Đ': "D", 'đ': "d", 'Ð': "D", 'ð': "d", 'Ħ': "H", 'ħ': "h", 'ı': "i", 'Þ': "Th", 'þ': "th",
	'Ŀ': "L", 'ŀ': "l", 'ĸ': "k", 'Ŧ': "T", 'ŧ': "t",
}

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
// joiners, word joiners, byte-order marks, variation selectors, every
// other format character (Unicode category Cf: bidi isolates, annotation
// marks, tags), and the Hangul and braille fillers, which are letters or
// symbols that show as blank.
func ignorable(c rune) bool {
	switch {
	case c == 0x00AD, c == 0x034F, c == 0x061C, c == 0x180E,
		0x200B <= c && c <= 0x200F, 0x202A <= c && c <= 0x202E,
		0x2060 <= c && c <= 0x206F, c == 0xFEFF,
		0xFE00 <= c && c <= 0xFE0F, 0xE0000 <= c && c <= 0xE007F, 0xE0100 <= c && c <= 0xE01EF,
		c == 0x115F, c == 0x1160, c == 0x3164, c == 0xFFA0, c == 0x2800:
		return true
	}
	// Quotes, dashes and the other punctuation of a page (U+2000-U+206F,
	// listed above) and the CJK blocks hold no other: spare them the table.
	return (0x0600 <= c && c < 0x2000 || c >= 0xFE00) && unicode.Is(unicode.Cf, c)
}

// footnoteMark reports superscript and subscript digits and letters: a
// reader takes "Quill¹feather" for a word with a footnote mark, and
// "Vallorbe²" for the name Vallorbe.
func footnoteMark(c rune) bool {
	return c == 0x00B2 || c == 0x00B3 || c == 0x00B9 || 0x2070 <= c && c <= 0x209F
}

// cjk reports Han, Hiragana and Katakana letters, which Japanese writes
// without spaces between words.
func cjk(c rune) bool { return plainCJKRune(c) || 0xF900 <= c && c <= 0xFAFF }

// plainCJKRune reports the CJK letters that are read as they are: not the
// compatibility ideographs, which read as the unified ones they stand for
// (decomposed).
func plainCJKRune(c rune) bool {
	// Kana, not the voicing marks (voice) nor the middle dot (softHyphen).
	return 0x3041 <= c && c <= 0x3096 || 0x309D <= c && c <= 0x30FF && c != 0x30FB ||
		0x3400 <= c && c <= 0x4DBF || 0x4E00 <= c && c <= 0x9FFF || 0x20000 <= c && c <= 0x3134F
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

// readableText returns data as a text editor shows it: UTF-16 or UTF-32
// with a byte-order mark (a .txt file saved by some Windows editors)
// decoded to UTF-8, anything else as it is. An odd last byte and invalid
// code points read as U+FFFD.
func readableText(data []byte) []byte {
	var unit int
	var order binary.ByteOrder
	switch {
	case hasPrefixAt(data, 0, "\xFF\xFE\x00\x00"):
		unit, order = 4, binary.LittleEndian
	case hasPrefixAt(data, 0, "\x00\x00\xFE\xFF"):
		unit, order = 4, binary.BigEndian
	case hasPrefixAt(data, 0, "\xFF\xFE"):
		unit, order = 2, binary.LittleEndian
	case hasPrefixAt(data, 0, "\xFE\xFF"):
		unit, order = 2, binary.BigEndian
	default:
		return data
	}
	out := make([]byte, 0, len(data))
	for i := unit; i < len(data); i += unit {
		var c rune
		switch {
		case i+unit > len(data):
			c = utf8.RuneError
		case unit == 4:
			c = rune(order.Uint32(data[i:]))
		default:
			c = rune(order.Uint16(data[i:]))
			if utf16.IsSurrogate(c) && i+4 <= len(data) {
				if pair := utf16.DecodeRune(c, rune(order.Uint16(data[i+2:]))); pair != utf8.RuneError {
					c, i = pair, i+2
				}
			}
		}
		out = utf8.AppendRune(out, c) // U+FFFD for a lone surrogate or an invalid code point
	}
	return out
}

// hasByteOrderMark reports whether data starts with the byte-order mark of
// UTF-16 or UTF-32, cheaply: Scan checks every file.
func hasByteOrderMark(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF ||
		data[0] == 0 && hasPrefixAt(data, 0, "\x00\x00\xFE\xFF"))
}
