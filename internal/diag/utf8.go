package diag

import "unicode/utf8"

// InvalidUTF8At returns the 1-based line and column (in runes) of the
// first byte of b that is not valid UTF-8, for a message that points at it.
func InvalidUTF8At(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[size:]
	}
	return line, col
}
