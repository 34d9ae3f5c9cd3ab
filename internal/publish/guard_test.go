package publish

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/content"
)

func TestGuardFindsEveryForm(t *testing.T) {
	secrets := []content.Secret{
		{Value: "Ivan Petrov, +7 495 000 00 00"},
		{Value: "Olga"},
		{Value: "O'Brien & Sons <Ltd>"},
		{Value: "Компания Секрет"},
		{Value: "秘密の顧客"},
	}
	g := NewGuard(secrets)
	for _, c := range []struct {
		text string
		want []int
	}{
		{"call ivan petrov, +7 495 000 00 00 today", []int{0}},
		{"<p>OLGA</p>", []int{1}},
		{"OLGA", []int{1}},
		{"Dear Olga", []int{1}},
		{"ОЛЬГА И OLGA", []int{1}},
		{"O&#39;Brien &amp; Sons &lt;Ltd&gt;", []int{2}},
		{`"O'Brien \u0026 Sons \u003cLtd\u003e"`, []int{2}},
		{"O%27Brien+%26+Sons+%3CLtd%3E", []int{2}},
		{"КОМПАНИЯ СЕКРЕТ", []int{3}},
		{"これは秘密の顧客です", []int{4}},
		{"Ivan Petro and Olg and O'Brien & Sons", nil},
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

func BenchmarkGuardScanMultilingual(b *testing.B) {
	var secrets []content.Secret
	for i := range 40000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Иван Петров %d, +7 495 %04d", i, i)})
	}
	g := NewGuard(secrets)
	page := []byte(strings.Repeat("Архив договоров банка. 契約書アーカイブの導入事例です。 The archive. ", 150))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		g.Scan(page)
	}
}

// The guard as it was, lower-casing a copy of all of the text and then
// looking up the window at every byte of it: the reference that Guard
// must agree with exactly.
type refGuard struct {
	secrets []content.Secret
	long    refAnchors // patterns of 8 bytes or more, anchored on 8 bytes
	short   refAnchors // patterns of 4 to 7 bytes, anchored on their first 4
}

type refPattern struct {
	text   []byte // lower-cased
	offset int    // of the anchor inside text
	secret int
}

type refAnchors struct {
	width    int
	patterns []refPattern
	byAnchor map[uint64][]int32
	bits     []uint64
}

const refGuardBits = 22

func refNewAnchors(width int) refAnchors {
	return refAnchors{width: width, byAnchor: map[uint64][]int32{}, bits: make([]uint64, 1<<refGuardBits/64)}
}

func (a *refAnchors) window(b []byte) uint64 {
	if a.width == 8 {
		return binary.LittleEndian.Uint64(b)
	}
	return uint64(binary.LittleEndian.Uint32(b))
}

func refHashWindow(w uint64) uint64 { return (w * 0x9E3779B97F4A7C15) >> (64 - refGuardBits) }

func (a *refAnchors) add(p refPattern) {
	w := a.window(p.text[p.offset:])
	a.byAnchor[w] = append(a.byAnchor[w], int32(len(a.patterns)))
	h := refHashWindow(w)
	a.bits[h/64] |= 1 << (h % 64)
	a.patterns = append(a.patterns, p)
}

func newRefGuard(secrets []content.Secret) *refGuard {
	g := &refGuard{secrets: secrets, long: refNewAnchors(8), short: refNewAnchors(4)}
	var long []refPattern
	candidates := 0
	for i, s := range secrets {
		for _, form := range forms(s.Value) {
			text := refToLower([]byte(form))
			switch {
			case len(text) >= 8:
				long = append(long, refPattern{text: text, secret: i})
				candidates += len(text)/refAnchorStride + 2
			case len(text) >= 4:
				g.short.add(refPattern{text: text, secret: i})
			}
		}
	}
	// Count how many patterns share each candidate window: sort them all,
	// then keep each distinct window once with its count.
	windows := make([]uint64, 0, candidates)
	for _, p := range long {
		refForAnchors(p.text, func(k int) { windows = append(windows, binary.LittleEndian.Uint64(p.text[k:])) })
	}
	slices.Sort(windows)
	var distinct []uint64
	var counts []int32
	for i, w := range windows {
		if i == 0 || w != windows[i-1] {
			distinct = append(distinct, w)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
	}
	for _, p := range long {
		best, bestShared := 0, int32(len(windows)+1)
		refForAnchors(p.text, func(k int) {
			i, _ := slices.BinarySearch(distinct, binary.LittleEndian.Uint64(p.text[k:]))
			if counts[i] < bestShared {
				best, bestShared = k, counts[i]
			}
		})
		p.offset = best
		g.long.add(p)
	}
	return g
}

func (g *refGuard) Scan(data []byte) []int {
	if len(g.long.patterns)+len(g.short.patterns) == 0 {
		return nil
	}
	lower := refToLower(data)
	found := map[int]bool{}
	for _, a := range []*refAnchors{&g.long, &g.short} {
		if len(a.patterns) > 0 {
			a.scan(lower, found)
		}
	}
	out := make([]int, 0, len(found))
	for i := range found {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

func (a *refAnchors) scan(text []byte, found map[int]bool) {
	for i := 0; i+a.width <= len(text); i++ {
		w := a.window(text[i:])
		h := refHashWindow(w)
		if a.bits[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, pi := range a.byAnchor[w] {
			p := &a.patterns[pi]
			start := i - p.offset
			if start >= 0 && bytes.HasPrefix(text[start:], p.text) {
				found[p.secret] = true
			}
		}
	}
}

func refToLower(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x3000 && r < 0xFF00 || r == utf8.RuneError {
			// CJK, kana and invalid bytes: no case, copy as they are.
			out = append(out, b[i:i+size]...)
		} else {
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
		i += size
	}
	return out
}

// refAnchorStride spaces the candidate anchors of a pattern: every fourth
// window, and the last one, avoid shared prefixes and suffixes at a quarter
// of the cost of trying every window.
const refAnchorStride = 4

func refForAnchors(text []byte, f func(k int)) {
	for k := 0; k+8 <= len(text); k += refAnchorStride {
		f(k)
	}
	if last := len(text) - 8; last%refAnchorStride != 0 {
		f(last)
	}
}

// bruteScan is what both guards promise: the secrets one of whose forms,
// lower-cased and of 4 bytes or more, occurs in the lower-cased data.
func bruteScan(secrets []content.Secret, data []byte) []int {
	lower := refToLower(data)
	var out []int
	for i, s := range secrets {
		for _, f := range forms(s.Value) {
			if p := refToLower([]byte(f)); len(p) >= 4 && bytes.Contains(lower, p) {
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
}

func diffSecrets() []content.Secret {
	secrets := benchSecrets(20)
	for _, v := range trickySecrets {
		secrets = append(secrets, content.Secret{Value: v})
	}
	return secrets
}

// nasty are byte strings that test the edges of UTF-8 decoding and case.
var nasty = []string{
	"\x80", "\xff", "\xc3", "\xe3\x81", "\xed\xa0\x80", "\xc0\xaf", "\xf0\x90\x80", "\ufffd", "\xe3\x81\x82",
	"\u212a", "\u0130", "\u023a", "\u1e9e", "\uff21", "\ua640", "\U00010400", "\u01c5", "\u03a3", "Ё", "Я",
	"&amp;", "&#39;", "%20", "+", "\\u0026", "<p>", "</a>", " ", "\n",
}

// randomCase writes each rune of s in upper, lower, title or its own case,
// or as a look-alike that lower-cases to it; if asciiOnly, only ASCII
// letters of s lower-cased.
func randomCase(r *rand.Rand, s string, asciiOnly bool) string {
	if asciiOnly {
		b := refToLower([]byte(s))
		for i, c := range b {
			if 'a' <= c && c <= 'z' && r.IntN(2) == 0 {
				b[i] -= 'a' - 'A'
			}
		}
		return string(b)
	}
	var b strings.Builder
	for _, c := range s {
		switch r.IntN(8) {
		case 0, 1:
			c = unicode.ToUpper(c)
		case 2:
			c = unicode.ToLower(c)
		case 3:
			c = unicode.ToTitle(c)
		case 4:
			switch c {
			case 'k', 'K':
				c = '\u212a' // Kelvin sign
			case 'i':
				c = '\u0130'
			case 'ß':
				c = '\u1e9e'
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

// randomText writes about size bytes: forms of the secrets in random case,
// whole or cut anywhere (even inside a rune), among words of three scripts,
// markup and invalid UTF-8. Every other text has no non-ASCII capitals, so
// that lower copies most of it 8 bytes at a time.
func randomText(r *rand.Rand, secrets []content.Secret, size int) []byte {
	words := [][]string{wordsEN, wordsRU, wordsJA, nasty}
	asciiOnly := r.IntN(2) == 0
	var b []byte
	for len(b) < size {
		switch r.IntN(6) {
		case 0, 1:
			fs := forms(secrets[r.IntN(len(secrets))].Value)
			f := randomCase(r, fs[r.IntN(len(fs))], asciiOnly)
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
			b = append(b, randomCase(r, ws[r.IntN(len(ws))], asciiOnly)...)
		}
		if r.IntN(2) == 0 {
			b = append(b, ' ')
		}
	}
	return b
}

// TestGuardMatchesReference compares Guard with the old guard and with
// brute force on random text, scanned whole and in chunks of every small
// size.
func TestGuardMatchesReference(t *testing.T) {
	secrets := diffSecrets()
	g, ref := NewGuard(secrets), newRefGuard(secrets)
	r := rand.New(rand.NewPCG(3, 4))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for k := range n {
		size := 1 + r.IntN(400)
		if k%100 == 0 {
			size = 3 * lowerChunk
		}
		text := randomText(r, secrets, size)
		want := bruteScan(secrets, text)
		if got := ref.Scan(text); !slices.Equal(got, want) {
			t.Fatalf("reference: Scan(%q) = %v, brute force %v", text, got, want)
		}
		if got := g.Scan(text); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v, want %v", text, got, want)
		}
		chunk := 1 + r.IntN(64)
		if got := g.find(text, chunk); !slices.Equal(got, want) {
			t.Fatalf("find(%q, %d) = %v, want %v", text, chunk, got, want)
		}
	}
}

// TestGuardChunkBoundaries puts every form of every secret, the longest
// too, at every offset modulo 8 of the text, at its end or not, across
// every boundary between chunks.
func TestGuardChunkBoundaries(t *testing.T) {
	secrets := diffSecrets()
	g := NewGuard(secrets)
	r := rand.New(rand.NewPCG(11, 12))
	for s, secret := range secrets {
		for _, f := range forms(secret.Value) {
			if len(toLower([]byte(f))) < 4 {
				continue
			}
			for pad := range 9 {
				for _, end := range []string{"", "Ъ"} {
					text := []byte(strings.Repeat("x", pad) + randomCase(r, f, false) + end)
					want := bruteScan(secrets, text)
					if !slices.Contains(want, s) && !slices.Contains(trickySecrets, secret.Value) {
						t.Fatalf("%q does not hold secret %d", text, s)
					}
					if got := g.Scan(text); !slices.Equal(got, want) {
						t.Fatalf("Scan(%q) = %v, want %v", text, got, want)
					}
					for chunk := 1; chunk <= len(text); chunk++ {
						if got := g.find(text, chunk); !slices.Equal(got, want) {
							t.Fatalf("find(%q, %d) = %v, want %v", text, chunk, got, want)
						}
					}
				}
			}
		}
	}
	// And across the boundary of Scan's own chunks.
	for _, s := range []int{0, 5, len(secrets) - 1} {
		secret := []byte(randomCase(r, secrets[s].Value, false))
		for off := -len(secret) - 2; off <= 2; off++ {
			pad := strings.Repeat("Я", (lowerChunk+off)/2) + strings.Repeat("x", (lowerChunk+off)%2)
			text := append([]byte(pad), secret...)
			text = append(text, " Ъ tail"...)
			if got := g.Scan(text); !slices.Contains(got, s) {
				t.Fatalf("secret %d at %d: got %v", s, len(pad), got)
			}
		}
	}
}

// TestToLowerMatchesReference checks toLower, and with it every pattern,
// on every rune and on the edges of UTF-8.
func TestToLowerMatchesReference(t *testing.T) {
	check := func(b []byte) {
		if got, want := toLower(b), refToLower(b); !bytes.Equal(got, want) {
			t.Fatalf("toLower(%q) = %q, want %q", b, got, want)
		}
	}
	for c := rune(0); c <= unicode.MaxRune; c++ {
		check(utf8.AppendRune([]byte("A"), c))
	}
	for i := range 1 << 16 {
		check([]byte{byte(i >> 8), byte(i), 'Z'})
		check([]byte{0xe2, byte(i >> 8), byte(i)})
		check([]byte{0xf0, byte(i >> 8), byte(i), 0x80})
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 10000 {
		check(randomText(r, diffSecrets()[:5], r.IntN(100)))
	}
}

func TestFoldASCII(t *testing.T) {
	for i := range 256 {
		for j := range 8 {
			w := uint64(0x4142_5A5B_6061_7A7B) ^ uint64(i)<<(8*j)
			var b, want [8]byte
			binary.LittleEndian.PutUint64(b[:], w)
			for k, c := range b {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[k] = c
			}
			if got := foldASCII(w); got != binary.LittleEndian.Uint64(want[:]) {
				t.Fatalf("foldASCII(%#x) = %#x, want % x", w, got, want)
			}
		}
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
		size := 200 + r.IntN(2000)
		if k%50 == 0 {
			size = 2 * lowerChunk
		}
		texts = append(texts, randomText(r, secrets, size))
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

// TestGuardScanAllocs: a scan that finds nothing allocates nothing, be the
// page English, Japanese or Russian, of one chunk or many.
func TestGuardScanAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled() {
		t.Skip("instrumented") // and the race detector drops pooled buffers
	}
	g := NewGuard(benchSecrets(100))
	for _, size := range []int{20000, 100000} {
		for _, words := range [][]string{wordsEN, wordsJA, wordsRU} {
			page := benchPage(1, words, size)
			if got := g.Scan(page); got != nil {
				t.Fatalf("found %v", got)
			}
			if n := testing.AllocsPerRun(100, func() { g.Scan(page) }); n != 0 {
				t.Errorf("%d allocations per scan of %d bytes of %q…", int(n), len(page), words[0])
			}
		}
	}
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

func FuzzGuardScan(f *testing.F) {
	secrets := diffSecrets()
	g, ref := NewGuard(secrets), newRefGuard(secrets)
	r := rand.New(rand.NewPCG(9, 10))
	for range 20 {
		f.Add(randomText(r, secrets, 1+r.IntN(300)), uint8(r.IntN(64)))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		want := ref.Scan(data)
		if got := g.Scan(data); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v, want %v", data, got, want)
		}
		if got := g.find(data, 1+int(chunk)); !slices.Equal(got, want) {
			t.Fatalf("find(%q, %d) = %v, want %v", data, 1+int(chunk), got, want)
		}
		if got, want := toLower(data), refToLower(data); !bytes.Equal(got, want) {
			t.Fatalf("toLower(%q) = %q, want %q", data, got, want)
		}
	})
}

// TestPlainForms: for a value that plain accepts, the short way of forms
// gives what every escaping gives, for each printable ASCII character and
// for random mixes of them.
func TestPlainForms(t *testing.T) {
	check := func(v string) {
		t.Helper()
		if plain(v) && !slices.Equal(forms(v), escapedForms(v)) {
			t.Errorf("forms(%q) = %q, escaping gives %q", v, forms(v), escapedForms(v))
		}
	}
	accepted := 0
	for c := byte(0); c < 0x80; c++ {
		v := "Ab " + string(c) + "cD, +7"
		if plain(v) {
			accepted++
		}
		check(v)
	}
	if accepted < 80 {
		t.Errorf("plain accepts only %d of the printable ASCII characters", accepted)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, 1+r.IntN(20))
		for i := range b {
			b[i] = byte(0x20 + r.IntN(0x5F))
		}
		check(string(b))
	}
}
