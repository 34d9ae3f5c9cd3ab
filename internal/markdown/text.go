package markdown

import (
	"bytes"
	"strings"

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
			id, _ := n.AttributeString("id") // set by blockAttributes
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

// write appends p, collapsing each run of white space to one space.
func (w *textWriter) write(p []byte) {
	if singleSpaced(p) {
		// Most text: copy it in one go, minus a space at either end.
		start, end := 0, len(p)
		if start < end && p[start] == ' ' {
			start++
			w.space = true
		}
		if start < end && p[end-1] == ' ' {
			end--
		}
		if start < end {
			w.words(p[start:end])
		}
		if end < len(p) {
			w.space = true
		}
		return
	}
	for len(p) > 0 {
		if n := spaceAt(p); n > 0 {
			w.space = true
			p = p[n:]
			continue
		}
		// spaceAt is 0 inside any UTF-8 sequence, so stepping bytewise is safe.
		end := 1
		for end < len(p) && spaceAt(p[end:]) == 0 {
			end++
		}
		w.words(p[:end])
		p = p[end:]
	}
}

// words appends text that starts and ends with a non-space, after one
// space if white space came before it in the block.
func (w *textWriter) words(p []byte) {
	if w.space && w.inBlock {
		w.b.WriteByte(' ')
	}
	w.space, w.inBlock = false, true
	w.b.Write(p)
}

// singleSpaced reports whether p's only white space is lone ' ' characters,
// as in most text. Its loop has no branch that depends on where the spaces
// are, which makes it much quicker than splitting p into words.
func singleSpaced(p []byte) bool {
	var prev, double byte // 1 after a ' '; 1 once two ' ' have met
	for i, c := range p {
		if otherSpaceStart[c] && spaceAt(p[i:]) > 0 {
			return false
		}
		sp := spaceByte[c]
		double |= prev & sp
		prev = sp
	}
	return double == 0
}

// spaceByte is 1 for ' ' and 0 for any other byte.
var spaceByte = [256]byte{' ': 1}

// otherSpaceStart holds the bytes that can start a white-space character
// other than ' ': the ASCII ones and the lead bytes of those in spaceAt.
var otherSpaceStart = [256]bool{
	'\t': true, '\n': true, '\r': true, '\f': true, '\v': true,
	0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true,
}

// spaceAt returns the length of the white-space character (as
// unicode.IsSpace has it) at the start of p, or 0. Beyond ASCII these are
// U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F, U+205F and
// U+3000, matched here by their UTF-8 bytes.
func spaceAt(p []byte) int {
	switch p[0] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return 1
	case 0xC2:
		if len(p) >= 2 && (p[1] == 0x85 || p[1] == 0xA0) {
			return 2
		}
	case 0xE1:
		if len(p) >= 3 && p[1] == 0x9A && p[2] == 0x80 {
			return 3
		}
	case 0xE2:
		if len(p) >= 3 && (p[1] == 0x80 && (0x80 <= p[2] && p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF) ||
			p[1] == 0x81 && p[2] == 0x9F) {
			return 3
		}
	case 0xE3:
		if len(p) >= 3 && p[1] == 0x80 && p[2] == 0x80 {
			return 3
		}
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
			// Two IndexByte calls beat bytes.ContainsAny on short text.
			if !c.IsRaw() && (bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0) {
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
