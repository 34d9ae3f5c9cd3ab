package publish

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"html"
	"html/template"
	"math"
	"math/bits"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/content"
)

// Guard finds PRIVATE values in output bytes. Every secret is searched
// case-insensitively in the forms it could take in a page: raw, HTML-,
// XML-, JSON- and URL-escaped.
//
// A 10,000-case site is some 270 MB of output checked against tens of
// thousands of patterns, so each pattern is found through anchors: windows
// of its bytes that few other patterns share. A filter of hashed anchors
// rules out most windows of the text at the cost of a multiplication and
// a load; only anchor hits are compared whole.
//
// A pattern has anchors at 4 consecutive offsets (2 if it is short), so
// that wherever it occurs one of them starts at an offset of the text that
// is a multiple of 4 (of 2): Scan looks up only those windows, a fraction
// of the positions of the text. Patterns of 4 bytes are anchored on their
// two 3-byte windows; as common words hold those, a hit is checked against
// the filter's bits for the whole 4 bytes before looking the pattern up.
//
// Text is lower-cased as by toLower, a chunk at a time into pooled scratch,
// so that a scan allocates nothing. A Guard is safe for concurrent use.
type Guard struct {
	secrets []content.Secret
	// The patterns by length, each anchored on the widest windows it has
	// enough of.
	long   anchors            // 11 bytes or more: 4 anchors of 8 bytes
	short  anchors            // 5 to 10 bytes: 2 anchors of 4 bytes
	tiny   map[uint64][]int32 // 4 bytes: the secrets of each, by its text
	filter *filter            // of all anchors and tiny patterns
	maxLen int                // of any pattern
}

type pattern struct {
	text    []byte  // lower-cased by toLower
	secrets []int32 // whose forms it is: many cases share a client
}

// anchors index patterns by runs of consecutive windows of one width.
type anchors struct {
	width    int
	run      int // how many anchors a pattern has
	patterns []pattern
	// The anchors sorted by window, and where each window's start: a flat
	// table instead of a map of slices, which for a large library would be
	// some 100,000 small allocations.
	windows []uint64
	anchors []anchor
	first   windowTable // window -> its first index in windows
}

// anchor is the window at offset of a pattern.
type anchor struct{ pattern, offset int32 }

// The hashes of windows for the filter: multiplications by odd constants,
// one for each kind of window so that, say, a 3-byte anchor does not set
// the bits of a 4-byte one.
const (
	longMul  = 0x9E3779B97F4A7C15 // 8-byte anchors
	shortMul = 0xC2B2AE3D27D4EB4F // 4-byte anchors
	tinyMul  = 0x165667B19E3779F9 // 3-byte windows of tiny patterns
	wholeMul = 0xD6E8FEB86659FD93 // tiny patterns whole
)

// NewGuard prepares a guard for the secrets.
func NewGuard(secrets []content.Secret) *Guard {
	g := &Guard{
		secrets: secrets,
		long:    anchors{width: 8, run: 4},
		short:   anchors{width: 4, run: 2},
		tiny:    map[uint64][]int32{},
	}
	byText := make(map[string]*pattern, 2*len(secrets))
	var texts []*pattern // in order of appearance
	for i, s := range secrets {
		for _, form := range forms(s.Value) {
			text := toLower([]byte(form))
			if len(text) < 4 {
				continue // too short to tell from ordinary text
			}
			// Each text once, with all its secrets, lest a hit on it be
			// compared once per secret.
			p := byText[string(text)]
			if p == nil {
				p = &pattern{text: text}
				byText[string(text)] = p
				texts = append(texts, p)
			}
			if k := len(p.secrets); k == 0 || p.secrets[k-1] != int32(i) {
				p.secrets = append(p.secrets, int32(i))
			}
			g.maxLen = max(g.maxLen, len(text))
		}
	}
	for _, p := range texts {
		switch n := len(p.text); {
		case n >= 11:
			g.long.patterns = append(g.long.patterns, *p)
		case n >= 5:
			g.short.patterns = append(g.short.patterns, *p)
		default:
			g.tiny[uint64(binary.LittleEndian.Uint32(p.text))] = p.secrets
		}
	}
	g.long.index()
	g.short.index()
	g.filter = newFilter(g)
	return g
}

func (a *anchors) window(b []byte) uint64 {
	if a.width == 8 {
		return binary.LittleEndian.Uint64(b)
	}
	return uint64(binary.LittleEndian.Uint32(b))
}

// index anchors each pattern on the run of windows from offset k that the
// fewest other patterns share, judged by the first and last window of the
// run, among every fourth k and the last: that avoids shared prefixes and
// suffixes at a fraction of the cost of counting every window.
func (a *anchors) index() {
	const stride = 4
	forRuns := func(text []byte, f func(first, last uint64, k int)) {
		end := len(text) - a.width - (a.run - 1)
		for k := 0; k <= end; k += stride {
			if k+stride > end {
				k = end
			}
			f(a.window(text[k:]), a.window(text[k+a.run-1:]), k)
		}
	}
	// Count how many patterns share each candidate window, roughly: in
	// saturating counters indexed by the window's hash. Windows that share
	// a counter count for each other, which only makes the choice below a
	// little worse, never the guard wrong; counting exactly meant sorting
	// millions of windows, most of the guard's build time and memory.
	size := 0
	for _, p := range a.patterns {
		size += 2 * (len(p.text)/stride + 2)
	}
	shift := uint(64 - max(bits.Len(uint(2*size)), 4))
	counts := make([]uint8, 1<<(64-shift))
	slot := func(w uint64) uint64 { return w * longMul >> shift }
	count := func(w uint64) {
		if c := &counts[slot(w)]; *c < math.MaxUint8 {
			*c++
		}
	}
	for _, p := range a.patterns {
		forRuns(p.text, func(first, last uint64, _ int) { count(first); count(last) })
	}
	shared := func(w uint64) int { return int(counts[slot(w)]) }
	type windowAnchor struct {
		w uint64
		a anchor
	}
	chosen := make([]windowAnchor, 0, len(a.patterns)*a.run)
	for i, p := range a.patterns {
		best, bestShared := 0, math.MaxInt
		forRuns(p.text, func(first, last uint64, k int) {
			if n := shared(first) + shared(last); n < bestShared {
				best, bestShared = k, n
			}
		})
		for k := best; k < best+a.run; k++ {
			chosen = append(chosen, windowAnchor{a.window(p.text[k:]), anchor{int32(i), int32(k)}})
		}
	}
	slices.SortStableFunc(chosen, func(x, y windowAnchor) int { return cmp.Compare(x.w, y.w) })
	a.windows = make([]uint64, len(chosen))
	a.anchors = make([]anchor, len(chosen))
	n := 0
	for i, c := range chosen {
		a.windows[i], a.anchors[i] = c.w, c.a
		if i == 0 || c.w != chosen[i-1].w {
			n++
		}
	}
	a.first = newWindowTable(n)
	for i, w := range a.windows {
		if i == 0 || w != a.windows[i-1] {
			a.first.put(w, int32(i))
		}
	}
}

// distinct calls f for every anchor window once.
func (a *anchors) distinct(f func(w uint64)) {
	for i, w := range a.windows {
		if i == 0 || w != a.windows[i-1] {
			f(w)
		}
	}
}

// windowTable maps windows to non-negative numbers: open addressing with
// linear probing, at most half full. One probe finds most windows, where a
// binary search over a million sorted ones misses the cache a dozen times.
type windowTable struct {
	keys  []uint64
	vals  []int32 // -1: empty slot
	shift uint
}

func newWindowTable(n int) windowTable {
	size := 1 << max(bits.Len(uint(2*n)), 4)
	t := windowTable{keys: make([]uint64, size), vals: make([]int32, size), shift: uint(64 - bits.Len(uint(size-1)))}
	for i := range t.vals {
		t.vals[i] = -1
	}
	return t
}

func (t *windowTable) slot(w uint64) int { return int(w * longMul >> t.shift) }

func (t *windowTable) put(w uint64, v int32) {
	mask := len(t.keys) - 1
	i := t.slot(w)
	for t.vals[i] >= 0 && t.keys[i] != w {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = w, v
}

// get returns w's number, or -1.
func (t *windowTable) get(w uint64) int32 {
	mask := len(t.keys) - 1
	for i := t.slot(w); ; i = (i + 1) & mask {
		if v := t.vals[i]; v < 0 || t.keys[i] == w {
			return v
		}
	}
}

// filter is a bitset of hashed anchors, two bits of one word per anchor.
// With 32 to 64 bits per anchor it rules out all but a few in a thousand
// of the windows that are no anchor, with one load of memory that a small
// guard keeps in cache; the second bit is tested only if the first is set.
// It is an array of the largest size (4 Mbit, for some 130,000 anchors)
// so that indexing it needs no bounds check, but only mask+1 words are
// used.
type filter struct {
	mask  uint64
	words [1 << 16]uint64
}

func newFilter(g *Guard) *filter {
	f := new(filter)
	n := 0
	g.long.distinct(func(uint64) { n++ })
	g.short.distinct(func(uint64) { n++ })
	n += 3 * len(g.tiny)
	f.mask = 1<<min(bits.Len(uint(n/2)), 16) - 1
	g.long.distinct(func(w uint64) { f.add(w * longMul) })
	g.short.distinct(func(w uint64) { f.add(w * shortMul) })
	for w := range g.tiny {
		f.add(w & 0xFF_FFFF * tinyMul)
		f.add(w >> 8 * tinyMul)
		f.add(w * wholeMul)
	}
	return f
}

// The top 16 bits of a hash index a word of the filter, and the next two
// times 6 bits two bits of it.
func (f *filter) add(h uint64) { f.words[h>>48&f.mask] |= 1<<(h>>42&63) | 1<<(h>>36&63) }

func (f *filter) has(h uint64) bool {
	word := f.words[h>>48&f.mask]
	return word&(1<<(h>>42&63)) != 0 && word&(1<<(h>>36&63)) != 0
}

// forms are the distinct ways a value can be written into an output file.
func forms(v string) []string {
	if plain(v) {
		// Every escaping leaves such a value as it is, but the URL ones.
		out := []string{v}
		for _, f := range []string{url.PathEscape(v), url.QueryEscape(v)} {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
		return out
	}
	return escapedForms(v)
}

// plain reports whether v is printable ASCII that no HTML, XML, JSON or
// JavaScript escaping changes.
func plain(v string) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c < 0x20 || c >= 0x7F:
			return false
		case c == '<' || c == '>' || c == '&' || c == '\'' || c == '"' || c == '\\' || c == '=':
			return false
		}
	}
	return true
}

// escapedForms is forms the long way, for any value.
func escapedForms(v string) []string {
	j, _ := json.Marshal(v)
	var x strings.Builder
	_ = xml.EscapeText(&x, []byte(v))
	var out []string
	for _, f := range []string{
		v,
		html.EscapeString(v),
		template.HTMLEscapeString(v),
		template.JSEscapeString(v),
		string(j[1 : len(j)-1]),
		x.String(),
		url.PathEscape(v),
		url.QueryEscape(v),
	} {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// Scan returns the indexes (into the guard's secrets) of every secret that
// occurs in data, in ascending order without repeats; nil if none does.
// Data is searched as toLower(data), so the case of the text hides nothing.
func (g *Guard) Scan(data []byte) []int {
	// Chunks much longer than the longest pattern, which each chunk's
	// scan repeats the end of the last one for.
	return g.find(data, max(lowerChunk, 4*g.maxLen))
}

// lowerChunk is how many bytes of text Scan lower-cases at a time: small
// enough for them to stay in cache between lower-casing and scanning.
const lowerChunk = 16 << 10

// find scans data lower-cased chunk bytes at a time. Each chunk is scanned
// after the last maxLen-1 bytes of the one before, so that a pattern that
// straddles them is found whole.
func (g *Guard) find(data []byte, chunk int) []int {
	if g.maxLen == 0 {
		return nil
	}
	b := scanBufs.Get().(*scanBuf)
	lowered := loweredBMP()
	text, found := b.text[:0], b.found[:0]
	for i := 0; i < len(data); {
		text, i = lowered.lower(text, data, i, len(text)+chunk)
		found = g.scan(text, found)
		keep := min(len(text), g.maxLen-1)
		text = text[:copy(text, text[len(text)-keep:])]
	}
	var out []int
	if len(found) > 0 {
		found = dedupe(found)
		out = make([]int, len(found))
		for i, s := range found {
			out[i] = int(s)
		}
	}
	b.text, b.found = text, found[:0]
	scanBufs.Put(b)
	return out
}

// scanBuf is the scratch of one Scan, pooled so that concurrent scans of
// many pages allocate nothing.
type scanBuf struct {
	text  []byte  // a chunk of lower-cased data
	found []int32 // secrets, with repeats
}

var scanBufs = sync.Pool{New: func() any { return new(scanBuf) }}

// scan appends to found the secret of every pattern in text, which is
// lower-cased.
func (g *Guard) scan(text []byte, found []int32) []int32 {
	n := len(text)
	// Windows that run past the end read zeros. They may hit the filter,
	// but match compares patterns with text only.
	padded := slices.Grow(text, 8)[:n+8]
	clear(padded[n:])
	var hits [64]uint32
	for i := 0; i+3 <= n; {
		var k int
		i, k = g.filter.hits(padded, i, n, &hits, len(g.tiny) > 0)
		for _, h := range hits[:k] {
			i := int(h >> 2)
			w := binary.LittleEndian.Uint64(padded[i : i+8])
			switch h & 3 {
			case longHit:
				found = g.long.match(text, i, w, found)
			case shortHit:
				found = g.short.match(text, i, w&0xFFFF_FFFF, found)
			case tinyHit:
				// A tiny pattern may start at i or at i-1.
				for start := max(i-1, 0); start <= i && start+4 <= n; start++ {
					w := uint64(binary.LittleEndian.Uint32(text[start:]))
					if g.filter.has(w * wholeMul) {
						found = add(found, g.tiny[w])
					}
				}
			}
		}
	}
	return found
}

// The kinds of windows that hit the filter.
const (
	longHit = iota
	shortHit
	tinyHit
)

// hits looks up in the filter the windows of padded from i, a multiple of
// 4, to n-3: the 8-byte ones at multiples of 4, the 4-byte ones (and
// 3-byte ones if tiny) at multiples of 2. It notes those that hit as
// offset<<2 | kind until hits is almost full, and returns where it stopped
// and how many it noted. It calls nothing so that its values stay in
// registers.
func (f *filter) hits(padded []byte, i, n int, hits *[64]uint32, tiny bool) (int, int) {
	// f.has, but with the filter's address and mask in registers.
	words, mask := &f.words, f.mask
	has := func(h uint64) bool {
		word := words[h>>48&mask]
		return word&(1<<(h>>42&63)) != 0 && word&(1<<(h>>36&63)) != 0
	}
	k := 0
	for ; i+3 <= n && k <= len(hits)-5; i += 4 {
		w := binary.LittleEndian.Uint64(padded[i : i+8])
		w2 := binary.LittleEndian.Uint64(padded[i+2 : i+10])
		if has(w * longMul) {
			hits[k] = uint32(i)<<2 | longHit
			k++
		}
		if has(w & 0xFFFF_FFFF * shortMul) {
			hits[k] = uint32(i)<<2 | shortHit
			k++
		}
		if has(w2 & 0xFFFF_FFFF * shortMul) {
			hits[k] = uint32(i+2)<<2 | shortHit
			k++
		}
		if tiny {
			if has(w & 0xFF_FFFF * tinyMul) {
				hits[k] = uint32(i)<<2 | tinyHit
				k++
			}
			if has(w2 & 0xFF_FFFF * tinyMul) {
				hits[k] = uint32(i+2)<<2 | tinyHit
				k++
			}
		}
	}
	return i, k
}

// match appends the secrets of the patterns with anchor w at text[i:].
func (a *anchors) match(text []byte, i int, w uint64, found []int32) []int32 {
	k := a.first.get(w)
	if k < 0 {
		return found
	}
	for ; int(k) < len(a.windows) && a.windows[k] == w; k++ {
		an := a.anchors[k]
		p := &a.patterns[an.pattern]
		if start := i - int(an.offset); start >= 0 && bytes.HasPrefix(text[start:], p.text) {
			found = add(found, p.secrets)
		}
	}
	return found
}

// add appends secrets to found.
func add(found, secrets []int32) []int32 {
	if len(found) >= 1024 && len(found)+len(secrets) > cap(found) {
		// A secret repeated all over the text: drop the repeats rather
		// than grow without bound.
		found = dedupe(found)
	}
	return append(found, secrets...)
}

func dedupe(found []int32) []int32 {
	slices.Sort(found)
	return slices.Compact(found)
}

// foldASCII lower-cases the ASCII letters among the 8 bytes of w, without
// a branch: a byte is a capital if adding 0x80-'A' to its low 7 bits sets
// its top bit and adding 0x80-'Z'-1 does not, and its own top bit is clear.
func foldASCII(w uint64) uint64 {
	const ones, tops = 0x0101_0101_0101_0101, 0x8080_8080_8080_8080
	low := w & ^uint64(tops)
	capital := (low + (0x80-'A')*ones) ^ (low + (0x80-'Z'-1)*ones)
	return w | (capital&^w&tops)>>2 // 0x80>>2 is 'a'-'A'
}

// asciiLower maps each byte to its lower case if it is an ASCII letter.
var asciiLower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// toLower lower-cases like bytes.ToLower (so patterns and text fold alike),
// except that CJK, kana and invalid bytes are copied as they are.
func toLower(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		out, i = loweredBMP().lower(out, b, i, len(out)+len(b)-i)
	}
	return out
}

// caseTable tells what toLower does to non-ASCII runes, quickly.
type caseTable struct {
	changed [1 << 16 / 64]uint64 // a bit for each rune below U+10000 it changes
	// lower2 holds, for each two-byte rune (U+0080 to U+07FF), the UTF-8 of
	// its lower case in little-endian order if that has two bytes too.
	lower2 [0x800]uint16
}

var loweredBMP = sync.OnceValue(func() *caseTable {
	t := new(caseTable)
	for r := rune(utf8.RuneSelf); r < 1<<16; r++ {
		if !noCase(r) && unicode.ToLower(r) != r {
			t.changed[r/64] |= 1 << (r % 64)
		}
	}
	for r := rune(0x80); r < 0x800; r++ {
		if b := utf8.AppendRune(nil, unicode.ToLower(r)); len(b) == 2 {
			t.lower2[r] = binary.LittleEndian.Uint16(b)
		}
	}
	return t
})

// noCase reports whether toLower copies r as it is without looking: CJK,
// kana (and all of U+3000 to U+FEFF) and invalid bytes.
func noCase(r rune) bool { return r >= 0x3000 && r < 0xFF00 || r == utf8.RuneError }

// changes reports whether toLower rewrites the non-ASCII rune r.
func (t *caseTable) changes(r rune) bool {
	if r < 1<<16 {
		return t.changed[r/64]&(1<<(r%64)) != 0
	}
	return unicode.ToLower(r) != r
}

// mayChange has the top bit set in each of the 8 bytes of w that could
// start a non-ASCII rune toLower changes: every byte from 0xC0 but the
// leads of U+3000 to U+EFFF, 0xE3 to 0xEE. toLower decodes its input rune
// by rune, but a byte from 0xC0 always starts a rune in that walk (or is
// invalid on its own), so other bytes can be copied without decoding.
func mayChange(w uint64) uint64 {
	const ones, tops = 0x0101_0101_0101_0101, 0x8080_8080_8080_8080
	from0xC0 := w & (w << 1) & tops
	low := w & ^uint64(tops)
	cjk := (low + (0x80-0x63)*ones) &^ (low + (0x80-0x6F)*ones) & tops // 0xE3 to 0xEE
	return from0xC0 &^ cjk
}

// lower appends src[i:] to dst lower-cased as toLower does, until dst holds
// limit bytes or more. It returns dst and where in src it stopped, never
// inside a rune it changes.
//
// It copies bytes that need no decoding 8 at a time, ASCII letters folded,
// and takes two-byte letters (Russian text is half of them, and many
// capitals) from a table, writing through an index into dst grown
// beforehand: appending rune by rune would cost more than the scan.
func (t *caseTable) lower(dst, src []byte, i, limit int) ([]byte, int) {
	n := len(dst)
	// The last step may write 8 bytes from limit-1, and scan reads 8
	// bytes past the end.
	out := slices.Grow(dst, limit-n+16)
	out = out[:cap(out)]
	for i < len(src) && n < limit {
		c := src[i]
		if 0xC2 <= c && c < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
			if e := t.lower2[uint(c&0x1F)<<6|uint(src[i+1]&0x3F)]; e != 0 {
				binary.LittleEndian.PutUint16(out[n:], e)
				i, n = i+2, n+2
				continue
			}
		} else if mayChange(uint64(c)) == 0 {
			if i+8 > len(src) {
				out[n] = asciiLower[c]
				i, n = i+1, n+1
				continue
			}
			for i+8 <= len(src) && n < limit {
				v := binary.LittleEndian.Uint64(src[i:])
				binary.LittleEndian.PutUint64(out[n:], foldASCII(v))
				if m := mayChange(v); m != 0 {
					// Keep the bytes up to the first that may start a
					// changed rune.
					k := bits.TrailingZeros64(m) / 8
					i, n = i+k, n+k
					break
				}
				i, n = i+8, n+8
			}
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if t.changes(r) {
			n += utf8.EncodeRune(out[n:], unicode.ToLower(r))
		} else {
			n += copy(out[n:], src[i:i+size])
		}
		i += size
	}
	return out[:n], i
}

// Secret returns the secret with index i.
func (g *Guard) Secret(i int) content.Secret { return g.secrets[i] }
