// Package markdown turns case-study bodies into safe HTML and plain text.
// One Renderer (goldmark + chroma) is built per build and shared by every
// page; it is safe for concurrent use.
package markdown

import (
	"bytes"
	"sync"
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
	HTML     string    // safe HTML: no raw HTML, no script-capable links, no inline styles
	Text     string    // plain text of the body, for search and descriptions
	Headings []Heading // in document order
}

// Renderer converts Markdown bodies; build it once with New and share it.
type Renderer struct {
	md goldmark.Markdown
	// noLinks is md without Linkify, for bodies that cannot hold an
	// autolink: Linkify is tried at every space and costs a tenth of
	// rendering, and most case studies have no bare URL or e-mail address.
	noLinks goldmark.Markdown
	// buffers holds *htmlBuffer for rendering: each body's HTML is copied
	// out once at its exact size, so a build allocates no growing buffer
	// per body and no second copy for the page template.
	buffers sync.Pool
}

// New builds the renderer once per build; safe for concurrent use by many goroutines.
func New() *Renderer {
	steadyRegexpClock()
	// Alignment becomes a class (see blockAttributes): the align attribute
	// is obsolete HTML and a style attribute would break the CSP.
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone))
	return &Renderer{
		md: goldmark.New(goldmark.WithExtensions(
			table, extension.Strikethrough, extension.Linkify, extension.TaskList, extension.Footnote, refpackHTML{},
		)),
		noLinks: goldmark.New(goldmark.WithExtensions(
			table, extension.Strikethrough, extension.TaskList, extension.Footnote, refpackHTML{},
		)),
	}
}

// Render converts a Markdown body to Result. Never panics on any input.
func (r *Renderer) Render(src []byte) (Result, error) {
	src = sanitize(src)
	md := r.md
	if !mayAutolink(src) {
		md = r.noLinks
	}
	html, _ := r.buffers.Get().(*htmlBuffer)
	if html == nil {
		html = new(htmlBuffer)
	}
	defer r.buffers.Put(html)
	html.Reset()
	return render(md, src, html)
}

func render(md goldmark.Markdown, src []byte, html *htmlBuffer) (Result, error) {
	doc := md.Parser().Parse(text.NewReader(src))
	if err := md.Renderer().Render(html, src, doc); err != nil {
		return Result{}, err
	}
	plain, headings := outline(doc, src)
	return Result{HTML: html.String(), Text: plain, Headings: headings}, nil
}

// mayAutolink reports whether Linkify could find anything in src: it links
// only text starting "http:", "https:", "ftp:" or "www.", and e-mail
// addresses, which hold an "@" (TestNoLinksRendersTheSame).
func mayAutolink(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 || bytes.Contains(src, []byte("www.")) ||
		bytes.Contains(src, []byte("http")) || bytes.Contains(src, []byte("ftp:"))
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
