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

	"github.com/refpack/refpack/internal/content"
)

// Guard finds PRIVATE values in output bytes. Every secret is searched
// case-insensitively in the forms it could take in a page: raw, HTML-,
// XML-, JSON- and URL-escaped.
//
// Scanning every byte of a 10,000-case site against tens of thousands of
// patterns must stay cheap, so candidates are found by their first four
// bytes through a bitset and a map, and only then compared whole.
type Guard struct {
	secrets  []content.Secret
	patterns []pattern
	first    map[uint32][]int32 // first 4 bytes -> patterns
	bits     []uint64           // hashed first 4 bytes, to skip most positions fast
}

type pattern struct {
	text   []byte // lower-cased
	secret int
}

const guardBits = 22

// NewGuard prepares a guard for the secrets.
func NewGuard(secrets []content.Secret) *Guard {
	g := &Guard{secrets: secrets, first: map[uint32][]int32{}, bits: make([]uint64, 1<<guardBits/64)}
	for i, s := range secrets {
		for _, form := range forms(s.Value) {
			text := bytes.ToLower([]byte(form))
			if len(text) < 4 {
				continue
			}
			w := binary.LittleEndian.Uint32(text)
			g.first[w] = append(g.first[w], int32(len(g.patterns)))
			h := hash4(w)
			g.bits[h/64] |= 1 << (h % 64)
			g.patterns = append(g.patterns, pattern{text: text, secret: i})
		}
	}
	return g
}

func hash4(w uint32) uint32 { return (w * 2654435761) >> (32 - guardBits) }

// forms are the distinct ways a value can be written into an output file.
func forms(v string) []string {
	j, _ := json.Marshal(v)
	var x strings.Builder
	_ = xml.EscapeText(&x, []byte(v))
	all := []string{
		v,
		html.EscapeString(v),
		template.HTMLEscapeString(v),
		template.JSEscapeString(v),
		string(j[1 : len(j)-1]),
		x.String(),
		url.PathEscape(v),
		url.QueryEscape(v),
	}
	var out []string
	for _, f := range all {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// Scan returns the indexes (into the guard's secrets) of every secret that
// occurs in data, in ascending order without repeats.
func (g *Guard) Scan(data []byte) []int {
	if len(g.patterns) == 0 {
		return nil
	}
	lower := bytes.ToLower(data)
	found := map[int]bool{}
	for i := 0; i+4 <= len(lower); i++ {
		w := binary.LittleEndian.Uint32(lower[i:])
		h := hash4(w)
		if g.bits[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, pi := range g.first[w] {
			p := g.patterns[pi]
			if bytes.HasPrefix(lower[i:], p.text) {
				found[p.secret] = true
			}
		}
	}
	out := make([]int, 0, len(found))
	for i := range g.secrets {
		if found[i] {
			out = append(out, i)
		}
	}
	return out
}

// Secret returns the secret with index i.
func (g *Guard) Secret(i int) content.Secret { return g.secrets[i] }
