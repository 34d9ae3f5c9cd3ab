package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// refpackHTML is the goldmark extension holding refpack's own rules: heading
// ids, table alignment classes, the link policy and highlighted code blocks.
type refpackHTML struct{}

// overrideDefault beats the priority (1000) of goldmark's own HTML renderer,
// so these node renderers replace its functions for the same kinds.
const overrideDefault = 100

func (refpackHTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(headingIDs{}, 100),
		util.Prioritized(cellAlignment{}, 100),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(linkRenderer{}, overrideDefault),
		util.Prioritized(codeRenderer{}, overrideDefault),
	))
}

// headingIDs gives every heading an id made from its text, unique within the
// document. goldmark's own auto ids keep ASCII only, so Japanese and Russian
// headings would all become "heading", "heading-1", ...
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	used := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindHeading {
			return ast.WalkContinue, nil
		}
		id := slug(inlineText(n, reader.Source()))
		if id == "" {
			id = "section"
		}
		unique := id
		for i := 1; used[unique]; i++ {
			unique = id + "-" + strconv.Itoa(i)
		}
		used[unique] = true
		n.SetAttributeString("id", []byte(unique))
		return ast.WalkSkipChildren, nil
	})
}

// slug keeps letters, digits and combining marks (lowercased) and turns each
// run of spaces, hyphens and underscores between them into one hyphen.
func slug(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			gap = true
		}
	}
	return b.String()
}

// cellAlignment turns a table column's alignment into a class on its cells,
// which goldmark's table renderer writes out as an ordinary attribute.
type cellAlignment struct{}

func (cellAlignment) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cell, ok := n.(*extast.TableCell); ok && entering && cell.Alignment != extast.AlignNone {
			cell.SetAttributeString("class", []byte("align-"+cell.Alignment.String()))
		}
		return ast.WalkContinue, nil
	})
}
