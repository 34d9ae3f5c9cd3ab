package publish

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/content"
)

// Guard finds PRIVATE values in output bytes. Every secret is searched
// case-insensitively in the forms it could take in a page: raw, HTML-,
// XML-, JSON- and URL-escaped.
//
// A 10,000-case site is some 150 MB of output checked against tens of
// thousands of patterns, so each pattern is found through an anchor: the
// window of its bytes that the fewest other patterns share. A bitset of
// hashed anchors skips most positions of the text at the cost of one load
// and one multiplication; only anchor hits are compared whole.
type Guard struct {
	secrets []content.Secret
	long    anchors // patterns of 8 bytes or more, anchored on 8 bytes
	short   anchors // patterns of 4 to 7 bytes, anchored on their first 4
}

type pattern struct {
	text   []byte // lower-cased
	offset int    // of the anchor inside text
	secret int
}

type anchors struct {
	width    int
	patterns []pattern
	byAnchor map[uint64][]int32
	bits     []uint64
}

const guardBits = 22

func newAnchors(width int) anchors {
	return anchors{width: width, byAnchor: map[uint64][]int32{}, bits: make([]uint64, 1<<guardBits/64)}
}

func (a *anchors) window(b []byte) uint64 {
	if a.width == 8 {
		return binary.LittleEndian.Uint64(b)
	}
	return uint64(binary.LittleEndian.Uint32(b))
}

func hashWindow(w uint64) uint64 { return (w * 0x9E3779B97F4A7C15) >> (64 - guardBits) }

func (a *anchors) add(p pattern) {
	w := a.window(p.text[p.offset:])
	a.byAnchor[w] = append(a.byAnchor[w], int32(len(a.patterns)))
	h := hashWindow(w)
	a.bits[h/64] |= 1 << (h % 64)
	a.patterns = append(a.patterns, p)
}

// NewGuard prepares a guard for the secrets.
func NewGuard(secrets []content.Secret) *Guard {
	g := &Guard{secrets: secrets, long: newAnchors(8), short: newAnchors(4)}
	var long []pattern
	candidates := 0
	for i, s := range secrets {
		for _, form := range forms(s.Value) {
			text := toLower([]byte(form))
			switch {
			case len(text) >= 8:
				long = append(long, pattern{text: text, secret: i})
				candidates += len(text)/anchorStride + 2
			case len(text) >= 4:
				g.short.add(pattern{text: text, secret: i})
			}
		}
	}
	// Count how many patterns share each candidate window: sort them all,
	// then keep each distinct window once with its count.
	windows := make([]uint64, 0, candidates)
	for _, p := range long {
		forAnchors(p.text, func(k int) { windows = append(windows, binary.LittleEndian.Uint64(p.text[k:])) })
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
		forAnchors(p.text, func(k int) {
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

// anchorStride spaces the candidate anchors of a pattern: every fourth
// window, and the last one, avoid shared prefixes and suffixes at a quarter
// of the cost of trying every window.
const anchorStride = 4

func forAnchors(text []byte, f func(k int)) {
	for k := 0; k+8 <= len(text); k += anchorStride {
		f(k)
	}
	if last := len(text) - 8; last%anchorStride != 0 {
		f(last)
	}
}

// forms are the distinct ways a value can be written into an output file.
func forms(v string) []string {
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
// occurs in data, in ascending order without repeats.
func (g *Guard) Scan(data []byte) []int {
	if len(g.long.patterns)+len(g.short.patterns) == 0 {
		return nil
	}
	lower := toLower(data)
	found := map[int]bool{}
	for _, a := range []*anchors{&g.long, &g.short} {
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

func (a *anchors) scan(text []byte, found map[int]bool) {
	for i := 0; i+a.width <= len(text); i++ {
		w := a.window(text[i:])
		h := hashWindow(w)
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

// toLower lower-cases like bytes.ToLower (so patterns and text fold alike)
// but copies ASCII and caseless scripts such as CJK byte-wise, which is most
// of every page, instead of re-encoding every rune.
func toLower(b []byte) []byte {
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

// Secret returns the secret with index i.
func (g *Guard) Secret(i int) content.Secret { return g.secrets[i] }
