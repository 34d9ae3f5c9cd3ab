package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// linkRenderer renders links, autolinks and images under refpack's link
// policy: a destination with a blocked scheme loses its <a> or <img> and
// only its text (an image's alt text) remains.
type linkRenderer struct{}

func (linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
	reg.Register(ast.KindImage, renderImage)
}

func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := unescape(n.Destination)
	if blocked(dest) {
		return ast.WalkContinue, nil // the children still render, as plain text
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	writeAnchor(w, dest, n.Title)
	return ast.WalkContinue, nil
}

func renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	dest := n.URL(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	label := util.EscapeHTML(n.Label(source))
	if blocked(dest) {
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	writeAnchor(w, dest, nil)
	_, _ = w.Write(label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	dest := unescape(n.Destination)
	alt := util.EscapeHTML([]byte(inlineText(n, source)))
	if blocked(dest) {
		_, _ = w.Write(alt)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(alt)
	_ = w.WriteByte('"')
	writeTitle(w, n.Title)
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// writeAnchor writes the start tag of a link to the decoded destination dest.
func writeAnchor(w util.BufWriter, dest, title []byte) {
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
	_ = w.WriteByte('"')
	writeTitle(w, title)
	if external(dest) {
		_, _ = w.WriteString(` rel="noopener"`)
	}
	_ = w.WriteByte('>')
}

func writeTitle(w util.BufWriter, title []byte) {
	if title == nil {
		return
	}
	_, _ = w.WriteString(` title="`)
	_, _ = w.Write(util.EscapeHTML(unescape(title)))
	_ = w.WriteByte('"')
}

// blockedSchemes run script or open a document of the link's own making.
var blockedSchemes = [][]byte{[]byte("javascript:"), []byte("vbscript:"), []byte("data:")}

// blocked reports whether the decoded destination dest uses a blocked scheme.
// Browsers drop ASCII whitespace and control characters around and inside a
// scheme and ignore its case, so the check does too; html.IsDangerousURL
// compares the raw prefix only.
func blocked(dest []byte) bool {
	scheme := make([]byte, 0, len(dest))
	for _, c := range dest {
		if c > ' ' && c != 0x7f {
			scheme = append(scheme, c)
		}
	}
	scheme = bytes.ToLower(scheme)
	for _, s := range blockedSchemes {
		if bytes.HasPrefix(scheme, s) {
			return true
		}
	}
	return false
}

// external reports whether dest leaves the site over the web, for rel="noopener".
func external(dest []byte) bool {
	d := bytes.ToLower(bytes.TrimSpace(dest))
	return bytes.HasPrefix(d, []byte("http://")) || bytes.HasPrefix(d, []byte("https://")) || bytes.HasPrefix(d, []byte("//"))
}

// unescape resolves backslash escapes and character references, as goldmark
// does before it writes a destination, a title or text.
func unescape(b []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}
