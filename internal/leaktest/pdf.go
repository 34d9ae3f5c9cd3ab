package leaktest

import (
	"bytes"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// PDF is a compressed one-page PDF showing text in a core font, whose
// text a reader of the file can find, or through a UTF-8 TrueType font
// (Identity-H: the text is glyph numbers). keywords, when not "", go into
// its information dictionary (UTF-16).
func PDF(text string, utf8Font bool, keywords string) ([]byte, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	if keywords != "" {
		f.SetKeywords(keywords, true)
	}
	if utf8Font {
		f.AddUTF8FontFromBytes("go", "", goregular.TTF)
		f.AddPage()
		f.SetFont("go", "", 12)
	} else {
		f.AddPage()
		f.SetFont("Helvetica", "", 12)
	}
	f.Cell(0, 10, text)
	var b bytes.Buffer
	err := f.Output(&b)
	return b.Bytes(), err
}
