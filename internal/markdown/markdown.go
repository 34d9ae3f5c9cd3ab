// Package markdown turns case-study bodies into safe HTML and plain text.
// One Renderer (goldmark + chroma) is built per build and shared by every
// page; it is safe for concurrent use.
package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Heading is a section heading of a rendered body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is one rendered body.
type Result struct {
	HTML     []byte    // safe HTML: no raw HTML, no script-capable links, no inline styles
	Text     string    // plain text of the body, for search and descriptions
	Headings []Heading // in document order
}

// Renderer converts Markdown bodies; build it once with New and share it.
type Renderer struct {
	md goldmark.Markdown
}

// New builds the renderer once per build; safe for concurrent use by many goroutines.
func New() *Renderer {
	steadyRegexpClock()
	return &Renderer{md: goldmark.New(goldmark.WithExtensions(
		// Alignment becomes a class (see blockAttributes): the align attribute is
		// obsolete HTML and a style attribute would break the CSP.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.Linkify,
		extension.TaskList,
		extension.Footnote,
		refpackHTML{},
	))}
}

// Render converts a Markdown body to Result. Never panics on any input.
func (r *Renderer) Render(src []byte) (Result, error) {
	src = sanitize(src)
	doc := r.md.Parser().Parse(text.NewReader(src))
	var html htmlBuffer
	html.Grow(len(src) + len(src)/2) // HTML is a little larger than its source
	if err := r.md.Renderer().Render(&html, src, doc); err != nil {
		return Result{}, err
	}
	plain, headings := outline(doc, src)
	return Result{HTML: html.Bytes(), Text: plain, Headings: headings}, nil
}

// sanitize replaces invalid UTF-8 and NUL bytes with U+FFFD: goldmark
// copies them into code blocks and attributes, and the HTML must be valid
// UTF-8. Bodies without them, nearly all, are used as they are.
func sanitize(src []byte) []byte {
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return src
	}
	return bytes.ReplaceAll(bytes.ToValidUTF8(src, []byte("\uFFFD")), []byte{0}, []byte("\uFFFD"))
}

// htmlBuffer lets goldmark write straight into the result: given a plain
// io.Writer, it would put a bufio.Writer of its own in between.
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }
