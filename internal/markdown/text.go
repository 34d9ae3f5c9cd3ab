package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// outline walks a parsed body for its plain text, one line per block, and
// its headings.
func outline(doc ast.Node, source []byte) (string, []Heading) {
	var w textWriter
	w.b.Grow(len(source))
	var headings []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			start := w.startBlock()
			writeInlineText(&w, n, source)
			id, _ := n.AttributeString("id") // set by headingIDs
			idBytes, _ := id.([]byte)
			headings = append(headings, Heading{Level: n.Level, ID: string(idBytes), Text: w.b.String()[start:]})
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			w.startBlock()
			writeInlineText(&w, n, source)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			w.startBlock()
			lines := n.Lines()
			for i := range lines.Len() {
				segment := lines.At(i)
				w.write(segment.Value(source))
			}
		case *ast.HTMLBlock:
			// Raw HTML is not rendered, so it is not text either.
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return w.b.String(), headings
}

// textWriter collects plain text with runs of white space collapsed to one
// space and blocks separated by one newline, without intermediate strings:
// this runs over every byte of every body of a build.
type textWriter struct {
	b       strings.Builder
	space   bool // white space seen since the last word
	inBlock bool // the current block has text
}

// startBlock ends the previous block and returns where the new one starts.
func (w *textWriter) startBlock() int {
	if w.inBlock {
		w.b.WriteByte('\n')
	}
	w.inBlock, w.space = false, false
	return w.b.Len()
}

func (w *textWriter) write(p []byte) {
	for len(p) > 0 {
		// Copy the run of non-space bytes up to the next space in one go.
		end, size := 0, 0
		for end < len(p) {
			if size = spaceAt(p[end:]); size > 0 {
				break
			}
			if p[end] < utf8.RuneSelf {
				end++
			} else {
				_, n := utf8.DecodeRune(p[end:])
				end += n
			}
		}
		if end > 0 {
			if w.space && w.inBlock {
				w.b.WriteByte(' ')
			}
			w.space, w.inBlock = false, true
			w.b.Write(p[:end])
		}
		if size > 0 {
			w.space = true
		}
		p = p[end+size:]
	}
}

// spaceAt returns the length of the white-space character at the start of
// p, or 0.
func spaceAt(p []byte) int {
	c := p[0]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRune(p)
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// writeInlineText writes the text of n's inline content as a reader sees it:
// escapes and references resolved, raw HTML left out, and an image standing
// for its alt text.
func writeInlineText(w *textWriter, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() && bytes.ContainsAny(v, `\&`) {
				v = unescape(v)
			}
			w.write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.space = true
			}
		case *ast.AutoLink:
			w.write(c.Label(source))
		case *ast.RawHTML:
			// Not rendered, so not text either.
		default:
			writeInlineText(w, c, source)
		}
	}
}

// inlineText is the whitespace-normalised text of n's inline content.
func inlineText(n ast.Node, source []byte) string {
	var w textWriter
	writeInlineText(&w, n, source)
	return w.b.String()
}

// codeOf is the content of a code block, line ends included.
func codeOf(n ast.Node, source []byte) []byte {
	var code []byte
	lines := n.Lines()
	for i := range lines.Len() {
		segment := lines.At(i)
		code = append(code, segment.Value(source)...)
	}
	return code
}
