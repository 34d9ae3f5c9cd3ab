package markdown

import (
	"math/rand/v2"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// TestHTMLWriter checks that htmlWriter writes what html.DefaultWriter does.
func TestHTMLWriter(t *testing.T) {
	pieces := []string{"a", "word ", " ", "\"", "<", ">", "&", "&amp;", "&#x41;", "&#65;", "&copy;", "&nosuch;",
		"\\", "\\*", "\\ ", "\x00", "é", "\xff", "\n"}
	rng := rand.New(rand.NewPCG(5, 6))
	var b htmlBuffer
	write := func(f func(util.BufWriter, []byte), s []byte) string {
		b.Reset()
		f(&b, s)
		return b.String()
	}
	for range 20000 {
		var s []byte
		for range rng.IntN(8) {
			s = append(s, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := write(htmlWriter{}.Write, s), write(html.DefaultWriter.Write, s); got != want {
			t.Fatalf("Write(%q) = %q, want %q", s, got, want)
		}
		if got, want := write(htmlWriter{}.RawWrite, s), write(html.DefaultWriter.RawWrite, s); got != want {
			t.Fatalf("RawWrite(%q) = %q, want %q", s, got, want)
		}
		if got, want := write(htmlWriter{}.SecureWrite, s), write(html.DefaultWriter.SecureWrite, s); got != want {
			t.Fatalf("SecureWrite(%q) = %q, want %q", s, got, want)
		}
	}
}
