package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTextWriterSpaces checks write's byte-wise scan against unicode.IsSpace
// for every rune, and that invalid UTF-8 passes through as it is.
func TestTextWriterSpaces(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		var w textWriter
		w.write([]byte("a" + string(r) + "b"))
		want := "a" + string(r) + "b"
		if unicode.IsSpace(r) {
			want = "a b"
		}
		if got := w.b.String(); got != want {
			t.Errorf("write(%U) = %q, want %q", r, got, want)
		}
	}
	var w textWriter
	w.write([]byte("\xe3 \xc2\xa0\xe2\x80x\xff\xe3\x80\x80y"))
	if got, want := w.b.String(), "\xe3 \xe2\x80x\xff y"; got != want {
		t.Errorf("invalid UTF-8: got %q, want %q", got, want)
	}
}

// TestTextWriter compares write, fast path and slow, with a plain
// rune-by-rune version on random text split into random pieces.
func TestTextWriter(t *testing.T) {
	pieces := []string{"a", "bc", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u2003", "\u2028",
		"あ", "語", "ё", "«", "—", "\xe3", "\xe2\x80", "\xc2", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var w textWriter
		var ref strings.Builder
		space, inBlock := false, false
		for range rng.IntN(4) {
			var p []byte
			for range rng.IntN(12) {
				p = append(p, pieces[rng.IntN(len(pieces))]...)
			}
			w.write(p)
			for len(p) > 0 {
				r, n := utf8.DecodeRune(p)
				if unicode.IsSpace(r) {
					space = true
				} else {
					if space && inBlock {
						ref.WriteByte(' ')
					}
					space, inBlock = false, true
					ref.Write(p[:n])
				}
				p = p[n:]
			}
		}
		if got, want := w.b.String(), ref.String(); got != want || w.space != space || w.inBlock != inBlock {
			t.Fatalf("got %q (space %v, in block %v), want %q (%v, %v)", got, w.space, w.inBlock, want, space, inBlock)
		}
	}
}
