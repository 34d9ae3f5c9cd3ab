package publish

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/refpack/refpack/internal/content"
)

// Guard finds PRIVATE values in output bytes, as a reader would read them
// (reader.go): whatever the escaping, markup, white space, letter case or
// compatibility form, and with a name's words joined in a URL or a file
// name. Values of four letters or more are found anywhere, shorter ones as
// whole words; a value of ordinary words only where written with its
// capitals (content.Secret.Capitals).
//
// A 10,000-case site is some 270 MB of output checked against tens of
// thousands of values, so each value's letters are found through anchors:
// windows of them that few other values share. A filter of hashed anchors
// rules out most windows of the text at the cost of a multiplication and
// a load; only anchor hits are compared whole, and then checked against
// the value's word boundaries and capitals.
//
// A pattern has anchors at 4 consecutive offsets (2 if it is short), so
// that wherever it occurs one of them starts at an offset of the text that
// is a multiple of 4 (of 2): Scan looks up only those windows, a fraction
// of the positions of the text. Patterns of 4 bytes are anchored on their
// two 3-byte windows; as common words hold those, a hit is checked against
// the filter's bits for the whole 4 bytes before looking the pattern up.
// Patterns of 2 or 3 bytes (an anonymous "AXA") are whole words, looked up
// at each word start. A Guard is safe for concurrent use.
type Guard struct {
	secrets []content.Secret
	shapes  []shape // of each secret
	// The patterns by length, each anchored on the widest windows it has
	// enough of.
	long   anchors            // 11 bytes or more: 4 anchors of 8 bytes
	short  anchors            // 5 to 10 bytes: 2 anchors of 4 bytes
	tiny   map[uint64][]int32 // 4 bytes: the secrets of each, by its text
	words  map[string][]int32 // 2 or 3 bytes: whole words
	filter *filter            // of all anchors and tiny patterns
}

// shape is how a secret reads, beyond its letters.
type shape struct {
	bound []uint16 // offsets in its text where a word starts, but the first
	upper []uint16 // offsets of its capitals, when only they make it a name
	whole bool     // short: found only as whole words
}

type pattern struct {
	text    []byte  // the letters of a value's view
	secrets []int32 // whose text it is: many cases share a client
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
		shapes:  make([]shape, len(secrets)),
		long:    anchors{width: 8, run: 4},
		short:   anchors{width: 4, run: 2},
		tiny:    map[uint64][]int32{},
		words:   map[string][]int32{},
	}
	byText := make(map[string]*pattern, len(secrets))
	var texts []*pattern // in order of appearance
	var v view
	for i, s := range secrets {
		v.reset()
		read(&v, []byte(s.Value), plainText)
		n := v.runeCount()
		if n < 2 {
			continue // a letter or a digit is in any text
		}
		sh := shape{bound: bitsIn(v.bound, len(v.text)), whole: (n < 4 || s.WholeWord) && !v.hasCJK()}
		if s.Capitals {
			sh.upper = bitsIn(v.upper, len(v.text))
		}
		g.shapes[i] = sh
		// Each text once, with all its secrets, lest a hit on it be
		// compared once per secret.
		p := byText[string(v.text)]
		if p == nil {
			p = &pattern{text: slices.Clone(v.text)}
			byText[string(p.text)] = p
			texts = append(texts, p)
		}
		p.secrets = append(p.secrets, int32(i))
	}
	for _, p := range texts {
		switch n := len(p.text); {
		case n >= 11:
			g.long.patterns = append(g.long.patterns, *p)
		case n >= 5:
			g.short.patterns = append(g.short.patterns, *p)
		case n == 4:
			g.tiny[uint64(binary.LittleEndian.Uint32(p.text))] = p.secrets
		default:
			g.words[string(p.text)] = p.secrets
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
	slices.SortFunc(chosen, func(x, y windowAnchor) int {
		return cmp.Or(cmp.Compare(x.w, y.w), cmp.Compare(x.a.pattern, y.a.pattern), cmp.Compare(x.a.offset, y.a.offset))
	})
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

// Scan returns the indexes (into the guard's secrets) of every secret that
// occurs in data, in ascending order without repeats; nil if none does.
// Data is an output file or path, read as outputText; a text file in
// UTF-16 or UTF-32 with a byte-order mark is read as the text it is.
func (g *Guard) Scan(data []byte) []int {
	if hasByteOrderMark(data) {
		data = readableText(data)
	}
	b := scanBufs.Get().(*scanBuf)
	b.v.reset()
	read(&b.v, data, outputText)
	found := g.scan(&b.v, b.found[:0])
	var out []int
	if len(found) > 0 {
		found = dedupe(found)
		out = make([]int, len(found))
		for i, s := range found {
			out[i] = int(s)
		}
	}
	b.found = found[:0]
	scanBufs.Put(b)
	return out
}

// scanBuf is the scratch of one Scan, pooled so that concurrent scans of
// many pages allocate little.
type scanBuf struct {
	v     view
	found []int32 // secrets, with repeats
}

var scanBufs = sync.Pool{New: func() any { return new(scanBuf) }}

// scan appends to found every secret that v holds.
func (g *Guard) scan(v *view, found []int32) []int32 {
	text := v.text
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
				found = g.long.match(g, v, i, w, found)
			case shortHit:
				found = g.short.match(g, v, i, w&0xFFFF_FFFF, found)
			case tinyHit:
				// A tiny pattern may start at i or at i-1.
				for start := max(i-1, 0); start <= i && start+4 <= n; start++ {
					w := uint64(binary.LittleEndian.Uint32(text[start:]))
					if g.filter.has(w * wholeMul) {
						found = g.accept(v, start, 4, g.tiny[w], found)
					}
				}
			}
		}
	}
	if len(g.words) > 0 {
		found = g.wholeWords(v, found)
	}
	return found
}

// wholeWords finds the patterns of 2 or 3 bytes, at word starts.
func (g *Guard) wholeWords(v *view, found []int32) []int32 {
	try := func(start int) {
		for n := 2; n <= 3 && start+n <= len(v.text); n++ {
			if secrets, ok := g.words[string(v.text[start:start+n])]; ok {
				found = g.accept(v, start, n, secrets, found)
			}
		}
	}
	try(0)
	for w, word := range v.bound {
		for word != 0 {
			try(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
		}
	}
	return found
}

// accept appends those of secrets whose shape fits their letters found at
// v.text[start:start+n].
func (g *Guard) accept(v *view, start, n int, secrets []int32, found []int32) []int32 {
	for _, s := range secrets {
		if g.shapes[s].fits(v, start, n) {
			found = add(found, s)
		}
	}
	return found
}

// fits reports whether the letters at v.text[start:start+n] read as the
// secret: a short one as whole words, with no word boundary inside that
// the secret does not have, and with its capitals where only they count.
func (sh *shape) fits(v *view, start, n int) bool {
	if sh.whole && !(v.boundaryAt(start) && v.boundaryAt(start+n)) {
		return false
	}
	// Numbers are read whole: "site 4" is not in "site 437".
	if digitAt(v, start) && !v.boundaryAt(start) && digitAt(v, start-1) ||
		digitAt(v, start+n-1) && !v.boundaryAt(start+n) && digitAt(v, start+n) {
		return false
	}
	k := 0
	for i := start + 1; i < start+n; i++ {
		if !has(v.bound, i) {
			continue
		}
		for k < len(sh.bound) && int(sh.bound[k]) < i-start {
			k++
		}
		if k == len(sh.bound) || int(sh.bound[k]) != i-start {
			return false
		}
	}
	for _, u := range sh.upper {
		if !has(v.upper, start+int(u)) {
			return false
		}
	}
	return true
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

func digitAt(v *view, i int) bool {
	return i >= 0 && i < len(v.text) && '0' <= v.text[i] && v.text[i] <= '9'
}

// match appends the secrets of the patterns with anchor w at v.text[i:].
func (a *anchors) match(g *Guard, v *view, i int, w uint64, found []int32) []int32 {
	k := a.first.get(w)
	if k < 0 {
		return found
	}
	for ; int(k) < len(a.windows) && a.windows[k] == w; k++ {
		an := a.anchors[k]
		p := &a.patterns[an.pattern]
		if start := i - int(an.offset); start >= 0 && bytes.HasPrefix(v.text[start:], p.text) {
			found = g.accept(v, start, len(p.text), p.secrets, found)
		}
	}
	return found
}

// add appends a secret to found.
func add(found []int32, s int32) []int32 {
	if len(found) >= 1024 && len(found) == cap(found) {
		// A secret repeated all over the text: drop the repeats rather
		// than grow without bound.
		found = dedupe(found)
	}
	return append(found, s)
}

func dedupe(found []int32) []int32 {
	slices.Sort(found)
	return slices.Compact(found)
}

// Secret returns the secret with index i.
func (g *Guard) Secret(i int) content.Secret { return g.secrets[i] }
