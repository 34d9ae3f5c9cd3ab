package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// htmlWriter is goldmark's html.DefaultWriter with a fast path: text with
// none of the bytes it would change or interpret (most of a body's text)
// is copied in one write rather than looked at byte by byte.
type htmlWriter struct{}

// rawSpecial are the bytes RawWrite escapes; special adds the backslash,
// which starts an escape for Write ('&' starts a character reference).
var rawSpecial, special [256]bool

func init() {
	for _, c := range []byte{0, '"', '&', '<', '>'} {
		rawSpecial[c], special[c] = true, true
	}
	special['\\'] = true
}

func plain(s []byte, special *[256]bool) bool {
	for _, c := range s {
		if special[c] {
			return false
		}
	}
	return true
}

func (htmlWriter) Write(w util.BufWriter, s []byte) {
	if plain(s, &special) {
		_, _ = w.Write(s)
		return
	}
	html.DefaultWriter.Write(w, s)
}

func (htmlWriter) RawWrite(w util.BufWriter, s []byte) {
	if plain(s, &rawSpecial) {
		_, _ = w.Write(s)
		return
	}
	html.DefaultWriter.RawWrite(w, s)
}

func (htmlWriter) SecureWrite(w util.BufWriter, s []byte) {
	html.DefaultWriter.SecureWrite(w, s)
}
