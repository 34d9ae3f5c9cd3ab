package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// outline walks a parsed body for its plain text, one line per block, and
// its headings.
func outline(doc ast.Node, source []byte) (string, []Heading) {
	var lines []string
	var headings []Heading
	add := func(s string) {
		if s != "" {
			lines = append(lines, s)
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s := inlineText(n, source)
			id, _ := n.AttributeString("id") // set by headingIDs
			idBytes, _ := id.([]byte)
			headings = append(headings, Heading{Level: n.Level, ID: string(idBytes), Text: s})
			add(s)
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			add(inlineText(n, source))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			add(normalise(string(codeOf(n, source))))
		case *ast.HTMLBlock:
			// Raw HTML is not rendered, so it is not text either.
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return strings.Join(lines, "\n"), headings
}

// inlineText is the whitespace-normalised text of n's inline content, as a
// reader sees it: escapes and references resolved, raw HTML left out, and
// an image standing for its alt text.
func inlineText(n ast.Node, source []byte) string {
	var b strings.Builder
	writeInlineText(&b, n, source)
	return normalise(b.String())
}

func writeInlineText(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() {
				v = unescape(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *ast.RawHTML:
			// Not rendered, so not text either.
		default:
			writeInlineText(b, c, source)
		}
	}
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

func normalise(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
