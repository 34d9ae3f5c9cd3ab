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
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// refpackHTML is the goldmark extension holding refpack's own rules: heading
// ids, table alignment classes, the link policy, highlighted code blocks and
// a quicker text escaper.
type refpackHTML struct{}

// overrideDefault beats the priority (1000) of goldmark's own HTML renderer,
// so these node renderers replace its functions for the same kinds.
const overrideDefault = 100

func (refpackHTML) Extend(m goldmark.Markdown) {
	// Transformers run in ascending priority, so this one sees footnotes
	// where they were written, before the footnote transformer (999) moves
	// them to the end and drops those never referenced.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(blockAttributes{}, 100)))
	m.Renderer().AddOptions(
		html.WithWriter(htmlWriter{}),
		renderer.WithNodeRenderers(
			util.Prioritized(linkRenderer{}, overrideDefault),
			util.Prioritized(codeRenderer{}, overrideDefault),
		),
	)
}

// blockAttributes gives headings their ids and table cells their alignment
// classes, which goldmark's renderers write out as ordinary attributes.
type blockAttributes struct{}

func (blockAttributes) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	setAttributes(doc, reader.Source(), headingIDs{})
}

// setAttributes sets the attributes in parent's subtree. Only blocks are
// searched, as headings and cells are blocks and blocks are never inside
// inline nodes, which make up most of the tree.
func setAttributes(parent ast.Node, source []byte, ids headingIDs) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			n.SetAttributeString("id", []byte(ids.next(inlineText(n, source))))
		case *extast.TableCell:
			if n.Alignment != extast.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		default:
			if n.Type() != ast.TypeInline {
				setAttributes(n, source, ids)
			}
		}
	}
}

// headingIDs gives every heading an id made from its text, unique within the
// document. goldmark's own auto ids keep ASCII only, so Japanese and Russian
// headings would all become "heading", "heading-1", ...
type headingIDs map[string]bool

// next returns the id for a heading whose plain text is text.
func (used headingIDs) next(text string) string {
	id := slug(text)
	if id == "" {
		id = "section"
	}
	unique := id
	for i := 1; used[unique]; i++ {
		unique = id + "-" + strconv.Itoa(i)
	}
	used[unique] = true
	return unique
}

// slug keeps letters, digits and combining marks (lowercased) and turns each
// run of spaces, hyphens and underscores between them into one hyphen.
func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
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
